using System.Text.Json;
using InfraLint.Cli.Output;
using InfraLint.Cli.Tests.Support;

namespace InfraLint.Cli.Tests;

/// <summary>Whole scans through the real YAML adapter and rules.</summary>
public sealed class EndToEndTests : IDisposable
{
    private const string HostNetwork = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: vllm
          namespace: serving
        spec:
          template:
            spec:
              hostNetwork: true
              containers:
                - name: vllm
                  image: vllm/vllm-openai:v0.6.0

        """;

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_parse_error_in_one_file_does_not_stop_findings_in_the_others()
    {
        _dir.Write("deploy/a-broken.yaml", "a: [1, 2\nb: {\n");
        _dir.Write("deploy/b-vllm.yaml", HostNetwork);

        var run = CliRunner.Run(_dir.Path, "scan", "deploy");

        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"(?m)^deploy/a-broken\.yaml:\d+:\d+: error IL0001: ", run.Out);
        Assert.Contains("deploy/b-vllm.yaml:9:20: error IL2008: Deployment 'vllm' sets hostNetwork", run.Out);
    }

    [Fact]
    public void Suppressed_findings_are_hidden_and_do_not_fail_the_scan()
    {
        _dir.Write("debug.yaml", Manifests.SuppressedHostPidPod);

        var run = CliRunner.Run(_dir.Path, "scan", ".");
        var shown = CliRunner.Run(_dir.Path, "scan", ".", "--show-suppressed");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("IL2008", run.Out);
        Assert.Matches(@"in 1 file, 1 suppressed,", run.Out);
        Assert.Contains("debug.yaml:7:12: error IL2008: ", shown.Out);
        Assert.Contains("[suppressed: node debugging pod]", shown.Out);
    }

    [Fact]
    public void Sarif_fingerprints_survive_lines_moving()
    {
        _dir.Write("vllm.yaml", HostNetwork);
        var before = Result(Sarif());
        _dir.Write("vllm.yaml", "# Serving\n# maintained by the platform team\n\n" + HostNetwork);
        var after = Result(Sarif());

        Assert.Equal(before.Line + 3, after.Line);
        Assert.Equal(before.Fingerprint, after.Fingerprint);
    }

    [Fact]
    public void Sarif_fix_regions_point_at_the_text_they_replace()
    {
        _dir.Write("vllm.yaml", HostNetwork);

        var result = Il2008(Sarif()).Single();
        var replacement = result.GetProperty("fixes")[0].GetProperty("artifactChanges")[0].GetProperty("replacements")[0];
        var region = replacement.GetProperty("deletedRegion");
        var text = _dir.Read("vllm.yaml");
        int offset = region.GetProperty("charOffset").GetInt32(), length = region.GetProperty("charLength").GetInt32();
        var lines = text.Split('\n');
        int lineStart = lines.Take(region.GetProperty("startLine").GetInt32() - 1).Sum(l => l.Length + 1);

        Assert.Equal(lineStart + region.GetProperty("startColumn").GetInt32() - 1, offset);
        var fixedText = text.Remove(offset, length).Insert(offset, replacement.GetProperty("insertedContent").GetProperty("text").GetString()!);
        Assert.Contains("hostNetwork: false", fixedText);
    }

    private JsonElement Sarif()
    {
        var run = CliRunner.Run(_dir.Path, "scan", ".", "--format", "sarif");
        Assert.True(run.ExitCode == 1, run.ToString());
        return JsonDocument.Parse(run.Out).RootElement.Clone();
    }

    private static IEnumerable<JsonElement> Il2008(JsonElement sarif) =>
        sarif.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Where(r => r.GetProperty("ruleId").GetString() == "IL2008");

    private static (int Line, string Fingerprint) Result(JsonElement sarif)
    {
        var result = Il2008(sarif).Single();
        return (
            result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32(),
            result.GetProperty("partialFingerprints").GetProperty(SarifOutput.FingerprintKey).GetString()!);
    }
}
