using System.Text.Json;
using InfraLint.Cli.Tests.Support;

namespace InfraLint.Cli.Tests;

/// <summary><c>--baseline</c>: a pull request fails only on findings it introduced.</summary>
public sealed class BaselineTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("sarif")]
    [InlineData("json")]
    public void Findings_in_the_baseline_do_not_fail_the_scan_even_when_lines_move(string format)
    {
        _dir.Write("deploy/old.yaml", Manifests.Pod("old"));
        var baseline = CliRunner.Run(_dir.Path, "scan", "deploy", "--format", format, "--output", $"base.{format}");
        Assert.Equal(1, baseline.ExitCode);
        _dir.Write("deploy/old.yaml", "# moved down\n\n" + Manifests.Pod("old"));

        var unchanged = CliRunner.Run(_dir.Path, "scan", "deploy", "--baseline", $"base.{format}");
        _dir.Write("deploy/new.yaml", Manifests.Pod("new"));
        var introduced = CliRunner.Run(_dir.Path, "scan", "deploy", "--baseline", $"base.{format}");

        Assert.True(unchanged.ExitCode == 0, unchanged.ToString());
        Assert.Matches(@"^0 findings \(0 errors, 0 warnings, 0 notes\) in 1 file, 0 suppressed, [1-9]\d* in baseline", unchanged.Out);
        Assert.True(introduced.ExitCode == 1, introduced.ToString());
        Assert.Contains("deploy/new.yaml:6:16: error IL2008", introduced.Out);
        Assert.DoesNotContain("deploy/old.yaml", introduced.Out);
    }

    [Fact]
    public void Sarif_marks_each_result_new_or_unchanged()
    {
        _dir.Write("deploy/old.yaml", Manifests.Pod("old"));
        CliRunner.Run(_dir.Path, "scan", "deploy", "--format", "sarif", "--output", "base.sarif");
        _dir.Write("deploy/new.yaml", Manifests.Pod("new"));

        var run = CliRunner.Run(_dir.Path, "scan", "deploy", "--format", "sarif", "--baseline", "base.sarif");

        var states = JsonDocument.Parse(run.Out).RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Where(r => r.GetProperty("ruleId").GetString() == "IL2008")
            .ToDictionary(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!, r => r.GetProperty("baselineState").GetString());
        Assert.Equal("new", states["deploy/new.yaml"]);
        Assert.Equal("unchanged", states["deploy/old.yaml"]);
    }

    [Theory]
    [InlineData("missing.sarif", "baseline not found")]
    [InlineData("notjson.sarif", "cannot read baseline")]
    [InlineData("other.json", "neither an InfraLint SARIF nor an InfraLint JSON report")]
    public void An_unusable_baseline_is_a_usage_error(string file, string message)
    {
        _dir.Write("deploy/old.yaml", Manifests.Pod("old"));
        _dir.Write("notjson.sarif", "<xml/>");
        _dir.Write("other.json", "{\"hello\": 1}");

        var run = CliRunner.Run(_dir.Path, "scan", "deploy", "--baseline", file);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error);
    }
}
