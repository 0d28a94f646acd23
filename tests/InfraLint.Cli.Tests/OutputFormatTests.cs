using System.Text.Json;
using InfraLint.Cli.Output;
using InfraLint.Cli.Tests.Support;
using InfraLint.Core.Findings;

namespace InfraLint.Cli.Tests;

public sealed class OutputFormatTests
{
    private static readonly string Root = Path.GetTempPath();

    private static readonly Suppression Reasoned = new("inSource", "needed for RDMA", Reports.HostNetwork(1).Location);

    [Fact]
    public void Console_lines_read_like_a_compiler_and_hide_suppressed_findings()
    {
        var report = Reports.Of(Root, Reports.HostNetwork(4), Reports.HostNetwork(9, Reasoned));
        var writer = new StringWriter();

        ConsoleOutput.Write(report, writer, color: false, showSuppressed: false);

        var lines = writer.ToString().TrimEnd().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Equal("deploy/vllm.yaml:4:7: error IL2008: Deployment 'vllm' sets hostNetwork: true; its containers share the node's network namespace", lines[0]);
        Assert.Matches(@"^1 finding \(1 error, 0 warnings, 0 notes\) in 2 files, 1 suppressed, 0\.01 s$", lines[1]);
    }

    [Fact]
    public void Show_suppressed_lists_them_with_their_reason()
    {
        var report = Reports.Of(Root, Reports.HostNetwork(9, Reasoned));
        var writer = new StringWriter();

        ConsoleOutput.Write(report, writer, color: false, showSuppressed: true);

        Assert.Contains("deploy/vllm.yaml:9:7: error IL2008: ", writer.ToString());
        Assert.Contains("[suppressed: needed for RDMA]", writer.ToString());
    }

    [Fact]
    public void Suppressed_findings_never_fail_the_scan()
    {
        Assert.False(Reports.Of(Root, Reports.HostNetwork(9, Reasoned)).Fails(Severity.Note));
        Assert.True(Reports.Of(Root, Reports.HostNetwork(9)).Fails(Severity.Error));
        Assert.False(Reports.Of(Root, Reports.HostNetwork(9)).Fails(Severity.None));
    }

    [Fact]
    public void A_json_report_file_gets_the_bytes_the_text_writer_gets()
    {
        // Report files are written from the JSON writer's UTF-8 directly; standard output goes through a text writer.
        var report = Reports.Of(Root, Reports.HostNetwork(9), Reports.HostNetwork(12, Reasoned));
        var text = new StringWriter();
        JsonOutput.Write(report, text);
        using var bytes = new MemoryStream();
        JsonOutput.Write(report, bytes);

        Assert.Equal(text.ToString(), System.Text.Encoding.UTF8.GetString(bytes.ToArray()));
        Assert.EndsWith("}" + Environment.NewLine, text.ToString());
    }

    [Fact]
    public void Json_has_the_documented_shape()
    {
        var writer = new StringWriter();
        JsonOutput.Write(Reports.Of(Root, Reports.HostNetwork(9), Reports.HostNetwork(12, Reasoned)), writer);
        var json = JsonDocument.Parse(writer.ToString()).RootElement;

        Assert.Equal(1, json.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("InfraLint", json.GetProperty("tool").GetProperty("name").GetString());
        Assert.Matches(@"^\d+\.\d+\.\d+$", json.GetProperty("tool").GetProperty("version").GetString());
        Assert.Equal(2, json.GetProperty("filesScanned").GetInt32());
        var summary = json.GetProperty("summary");
        Assert.Equal((1, 1, 0, 0, 1), (summary.GetProperty("findings").GetInt32(), summary.GetProperty("errors").GetInt32(), summary.GetProperty("warnings").GetInt32(), summary.GetProperty("notes").GetInt32(), summary.GetProperty("suppressed").GetInt32()));

        var finding = json.GetProperty("findings")[0];
        Assert.Equal("IL2008", finding.GetProperty("ruleId").GetString());
        Assert.Equal("error", finding.GetProperty("severity").GetString());
        Assert.Equal("Host namespaces shared", finding.GetProperty("title").GetString());
        Assert.StartsWith("Deployment 'vllm' sets hostNetwork", finding.GetProperty("message").GetString());
        Assert.Equal("deploy/vllm.yaml", finding.GetProperty("file").GetString());
        Assert.Equal((9, 7, 9, 22), (finding.GetProperty("startLine").GetInt32(), finding.GetProperty("startColumn").GetInt32(), finding.GetProperty("endLine").GetInt32(), finding.GetProperty("endColumn").GetInt32()));
        Assert.Equal("Deployment/serving/vllm:spec.template.spec.hostNetwork", finding.GetProperty("logicalPath").GetString());
        Assert.Matches("^[0-9a-f]{32}:1$", finding.GetProperty("fingerprint").GetString());
        Assert.Equal("The Deployment is declared here", finding.GetProperty("relatedLocations")[0].GetProperty("message").GetString());
        var edit = finding.GetProperty("fixes")[0].GetProperty("edits")[0];
        Assert.Equal("false", edit.GetProperty("newText").GetString());
        Assert.Equal(122, edit.GetProperty("charOffset").GetInt32());
        Assert.Equal(4, edit.GetProperty("charLength").GetInt32());
        Assert.Equal(9, edit.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(JsonValueKind.Null, finding.GetProperty("suppression").ValueKind);
        Assert.Equal("hostNetwork", finding.GetProperty("properties").GetProperty("flag").GetString());

        var suppressed = json.GetProperty("findings")[1].GetProperty("suppression");
        Assert.Equal("inSource", suppressed.GetProperty("kind").GetString());
        Assert.Equal("needed for RDMA", suppressed.GetProperty("justification").GetString());
    }
}
