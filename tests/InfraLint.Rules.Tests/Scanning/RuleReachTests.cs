using InfraLint.Core.Engine;
using InfraLint.Core.Locations;
using InfraLint.Core.Scanning;
using InfraLint.CSharp;
using InfraLint.Platforms;
using InfraLint.Platforms.Suppressions;
using InfraLint.Rules.Tests.Infrastructure;
using InfraLint.Tests;
using InfraLint.Yaml;

namespace InfraLint.Rules.Tests.Scanning;

/// <summary>
/// A rule's reach is read from its conditions. The analyzer reports a rule that looks at one resource from each file on
/// its own and the others from all files together: that is only right if a one-resource rule finds in a file alone
/// exactly what it finds in the whole scan.
/// </summary>
public sealed class RuleReachTests
{
    [Theory]
    [InlineData("IL2006", RuleReach.Resource)]   // one container
    [InlineData("IL4002", RuleReach.Resource)]   // one log group
    [InlineData("IL0001", RuleReach.Resource)]   // one file
    [InlineData("IL1005", RuleReach.AcrossResources)] // no autoscaler anywhere targets the workload
    [InlineData("IL2013", RuleReach.AcrossResources)] // no network policy in the namespace
    [InlineData("IL1001", RuleReach.AcrossResources)] // matches the capacity case, a fact derived from a join
    [InlineData("IL1006", RuleReach.AcrossResources)] // collects the profiles that describe the workload
    public void The_reach_of_a_rule_comes_from_its_conditions(string id, RuleReach expected) =>
        Assert.Equal(expected, Lint.Engine.Reach[id]);

    [Fact]
    public void Every_rule_of_the_catalog_has_a_reach() =>
        Assert.Equal(RuleSet.Catalog.All.Select(r => r.Id), Lint.Engine.Reach.Keys.Order(StringComparer.Ordinal));

    [SkippableFact]
    public void A_one_resource_rule_finds_in_each_file_alone_what_it_finds_in_the_whole_scan()
    {
        var corpus = Repo.RequireSharedCorpus();
        var adapters = new IAdapter[] { new YamlAdapter(), new CSharpAdapter(PlatformReaders.CSharp, IgnoreAnnotation.Read) };
        var scanner = new Scanner(Lint.Engine, adapters, Lint.AllRules);
        var sources = new[] { corpus, Repo.Examples }
            .SelectMany(root => Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            .Where(path => scanner.Accepts(path) && new FileInfo(path).Length < 1_000_000)
            .Order(StringComparer.Ordinal)
            .Select(path => new SourceText(Path.GetRelativePath(Repo.Root, path), File.ReadAllText(path)))
            .ToArray();
        Assert.True(sources.Length > 100, $"only {sources.Length} sources were read");

        static IEnumerable<string> OneResource(ScanResult result) => result.Findings
            .Where(f => Lint.Engine.Reach[f.RuleId] == RuleReach.Resource)
            .Select(f => $"{f.Location} {f.RuleId} {f.LogicalPath} {f.Message} {f.IsSuppressed}");

        var whole = OneResource(scanner.ScanTexts(sources)).Order(StringComparer.Ordinal).ToArray();
        var alone = sources.SelectMany(source => OneResource(scanner.ScanTexts(new[] { source }))).Order(StringComparer.Ordinal).ToArray();
        Assert.True(whole.Length > 500, $"only {whole.Length} one-resource findings");
        Assert.Equal(whole, alone);
    }
}
