using System.Text.Json;
using InfraLint.Cli.Output;
using InfraLint.Cli.Tests.Support;
using InfraLint.Core.Findings;
using InfraLint.Rules;

namespace InfraLint.Cli.Tests;

public sealed class SarifOutputTests
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "infralint-sarif-root");

    private static JsonElement Sarif(ScanReport report)
    {
        var writer = new StringWriter();
        SarifOutput.Write(report, writer);
        return JsonDocument.Parse(writer.ToString()).RootElement.Clone();
    }

    private static JsonElement Run(params Finding[] findings) => Sarif(Reports.Of(Root, findings)).GetProperty("runs")[0];

    [Fact]
    public void Log_is_sarif_2_1_0_with_a_schema()
    {
        var log = Sarif(Reports.Of(Root));

        Assert.Equal("2.1.0", log.GetProperty("version").GetString());
        Assert.StartsWith("https://", log.GetProperty("$schema").GetString());
    }

    [Fact]
    public void Driver_names_the_tool_and_lists_every_rule_in_the_catalog_with_help()
    {
        var driver = Run().GetProperty("tool").GetProperty("driver");

        Assert.Equal("InfraLint", driver.GetProperty("name").GetString());
        Assert.Matches(@"^\d+\.\d+\.\d+$", driver.GetProperty("semanticVersion").GetString());
        Assert.StartsWith(driver.GetProperty("semanticVersion").GetString()!, driver.GetProperty("version").GetString());
        Assert.Equal("https://github.com/infralint/infralint", driver.GetProperty("informationUri").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToArray();
        Assert.Equal(RuleSet.Catalog.All.Select(r => r.Id), rules.Select(r => r.GetProperty("id").GetString()));
        foreach (var (rule, descriptor) in rules.Zip(RuleSet.Catalog.All))
        {
            Assert.Equal(descriptor.Name, rule.GetProperty("name").GetString());
            Assert.StartsWith(descriptor.Title, rule.GetProperty("shortDescription").GetProperty("text").GetString());
            Assert.StartsWith(descriptor.Description.TrimEnd('.'), rule.GetProperty("fullDescription").GetProperty("text").GetString());
            Assert.NotEmpty(rule.GetProperty("help").GetProperty("text").GetString()!);
            Assert.Contains(descriptor.Id, rule.GetProperty("help").GetProperty("markdown").GetString());
            Assert.Equal(descriptor.HelpUri.ToString(), rule.GetProperty("helpUri").GetString());
            Assert.Equal(ScanReport.SeverityWord(descriptor.DefaultSeverity), rule.GetProperty("defaultConfiguration").GetProperty("level").GetString());
            var properties = rule.GetProperty("properties");
            // The rule's own tags come first, then its controls (SarifCodeScanningTests checks those).
            Assert.Equal(descriptor.Tags, properties.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).Take(descriptor.Tags.Count));
            Assert.Contains(properties.GetProperty("precision").GetString(), new[] { "very-high", "high", "medium", "low" });
            if (descriptor.SecuritySeverity is null)
                Assert.False(properties.TryGetProperty("security-severity", out _));
            else
                Assert.Equal(JsonValueKind.String, properties.GetProperty("security-severity").ValueKind);
        }
    }

    [Fact]
    public void Security_rules_carry_security_severity_as_a_string()
    {
        var rule = Run().GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()
            .Single(r => r.GetProperty("id").GetString() == "IL2008");

        Assert.Equal("8.0", rule.GetProperty("properties").GetProperty("security-severity").GetString());
    }

    [Fact]
    public void Every_rule_with_a_security_severity_is_tagged_security_as_GitHub_requires()
    {
        foreach (var rule in RuleSet.Catalog.All.Where(r => r.SecuritySeverity is not null))
            Assert.True(rule.Tags.Contains("security"), $"{rule.Id} has a security-severity but no 'security' tag; GitHub ignores the score without it.");
    }

    [Fact]
    public void Result_has_rule_index_level_message_and_exact_region_relative_to_srcroot()
    {
        var run = Run(Reports.HostNetwork(line: 9));
        var result = run.GetProperty("results")[0];

        Assert.Equal("IL2008", result.GetProperty("ruleId").GetString());
        var index = result.GetProperty("ruleIndex").GetInt32();
        Assert.Equal("IL2008", run.GetProperty("tool").GetProperty("driver").GetProperty("rules")[index].GetProperty("id").GetString());
        Assert.Equal("error", result.GetProperty("level").GetString());
        Assert.EndsWith(".", result.GetProperty("message").GetProperty("text").GetString());
        var physical = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("deploy/vllm.yaml", physical.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("%SRCROOT%", physical.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
        var region = physical.GetProperty("region");
        Assert.Equal((9, 7, 9, 22), (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32(), region.GetProperty("endLine").GetInt32(), region.GetProperty("endColumn").GetInt32()));
        var srcroot = run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString()!;
        Assert.StartsWith("file:///", srcroot);
        Assert.EndsWith("/", srcroot);
    }

    [Fact]
    public void Levels_are_written_even_where_they_equal_SARIF_defaults()
    {
        var warning = Reports.HostNetwork(line: 9);
        warning.Severity = Severity.Warning;

        var result = Run(warning).GetProperty("results")[0];

        Assert.Equal("warning", result.GetProperty("level").GetString());
    }

    [Fact]
    public void Related_locations_have_ids_and_messages()
    {
        var related = Run(Reports.HostNetwork(line: 9)).GetProperty("results")[0].GetProperty("relatedLocations")[0];

        Assert.Equal(1, related.GetProperty("id").GetInt32());
        Assert.Equal("The Deployment is declared here.", related.GetProperty("message").GetProperty("text").GetString());
        Assert.Equal(2, related.GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
    }

    [Fact]
    public void Fixes_become_artifact_changes_with_line_column_and_offset_regions()
    {
        var fix = Run(Reports.HostNetwork(line: 9)).GetProperty("results")[0].GetProperty("fixes")[0];

        Assert.Equal("Set hostNetwork to false.", fix.GetProperty("description").GetProperty("text").GetString());
        var change = fix.GetProperty("artifactChanges")[0];
        Assert.Equal("deploy/vllm.yaml", change.GetProperty("artifactLocation").GetProperty("uri").GetString());
        var replacement = change.GetProperty("replacements")[0];
        var deleted = replacement.GetProperty("deletedRegion");
        Assert.Equal(9, deleted.GetProperty("startLine").GetInt32());
        Assert.Equal(20, deleted.GetProperty("startColumn").GetInt32());
        Assert.Equal(24, deleted.GetProperty("endColumn").GetInt32());
        Assert.Equal(122, deleted.GetProperty("charOffset").GetInt32());
        Assert.Equal(4, deleted.GetProperty("charLength").GetInt32());
        Assert.Equal("false", replacement.GetProperty("insertedContent").GetProperty("text").GetString());
    }

    [Fact]
    public void Suppressed_findings_are_results_with_an_in_source_suppression()
    {
        var suppression = new Suppression("inSource", "host networking is needed for RDMA", Reports.HostNetwork(1).Location);
        var result = Run(Reports.HostNetwork(line: 9, suppression)).GetProperty("results")[0];

        var sarifSuppression = result.GetProperty("suppressions")[0];
        Assert.Equal("inSource", sarifSuppression.GetProperty("kind").GetString());
        Assert.Equal("host networking is needed for RDMA", sarifSuppression.GetProperty("justification").GetString());
    }

    [Fact]
    public void Fingerprint_is_stable_when_lines_move_and_differs_between_findings()
    {
        static string Fingerprint(JsonElement run) => run.GetProperty("results")[0].GetProperty("partialFingerprints").GetProperty(SarifOutput.FingerprintKey).GetString()!;

        var before = Fingerprint(Run(Reports.HostNetwork(line: 9)));
        var after = Fingerprint(Run(Reports.HostNetwork(line: 31)));
        var otherRule = Fingerprint(Run(new Finding(RuleSet.Catalog.Find("IL0001")!, "bad", Reports.HostNetwork(9).Location, "parse")));

        Assert.Equal(before, after);
        Assert.NotEqual(before, otherRule);
    }

    [Fact]
    public void Artifacts_and_a_successful_invocation_are_listed()
    {
        var run = Run();

        Assert.Equal(new[] { "deploy/vllm.yaml", "deploy/other.yaml" }, run.GetProperty("artifacts").EnumerateArray().Select(a => a.GetProperty("location").GetProperty("uri").GetString()));
        Assert.True(run.GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean());
    }
}
