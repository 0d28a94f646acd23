using System.Text.Json;
using InfraLint.Cli.Tests.Support;
using InfraLint.Rules;

namespace InfraLint.Cli.Tests;

public sealed class CatalogCommandTests
{
    private static readonly string Cwd = Path.GetTempPath();

    [Theory]
    [InlineData("--help")]
    [InlineData("scan", "--help")]
    [InlineData("rules", "--help")]
    [InlineData("explain", "--help")]
    [InlineData("size", "--help")]
    public void Help_is_printed_with_exit_0(params string[] args)
    {
        var run = CliRunner.Run(Cwd, args);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Out);
    }

    [Fact]
    public void Version_prints_the_tool_version()
    {
        var run = CliRunner.Run(Cwd, "--version");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", run.Out);
    }

    [Fact]
    public void Size_is_registered_on_the_root_command()
    {
        var ok = CliRunner.Run(Cwd, "size", "--model", "llama-3.1-8b", "--gpu", "l4", "--peak-rps", "5");
        var bad = CliRunner.Run(Cwd, "size", "--model", "llama-3.1-8b", "--gpu", "no-such-gpu");

        Assert.True(ok.ExitCode == 0, ok.ToString());
        Assert.Contains("Llama 3.1 8B", ok.Out);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("no-such-gpu", bad.Error);
    }

    [Fact]
    public void Rules_lists_every_rule_with_severity_and_title()
    {
        var run = CliRunner.Run(Cwd, "rules");

        Assert.Equal(0, run.ExitCode);
        foreach (var rule in RuleSet.Catalog.All)
            Assert.Matches($@"(?m)^{rule.Id}\s+(error|warning|note)\s+{System.Text.RegularExpressions.Regex.Escape(rule.Title)}", run.Out);
    }

    [Fact]
    public void Rules_as_json_carries_the_metadata()
    {
        var run = CliRunner.Run(Cwd, "rules", "--format", "json");

        var rules = JsonDocument.Parse(run.Out).RootElement.EnumerateArray().ToArray();
        Assert.Equal(RuleSet.Catalog.All.Select(r => r.Id), rules.Select(r => r.GetProperty("id").GetString()));
        var il2008 = rules.Single(r => r.GetProperty("id").GetString() == "IL2008");
        Assert.Equal("error", il2008.GetProperty("severity").GetString());
        Assert.Equal(8.0, il2008.GetProperty("securitySeverity").GetDouble());
        Assert.NotEmpty(il2008.GetProperty("controls").EnumerateArray());
    }

    [Fact]
    public void Explain_prints_metadata_and_docs()
    {
        var run = CliRunner.Run(Cwd, "explain", "il2008");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("IL2008: Host namespaces shared", run.Out);
        Assert.Contains("security-severity  8.0", run.Out);
        Assert.Contains("rules/docs/IL2008.md", run.Out);
    }

    [Fact]
    public void Explain_of_an_unknown_rule_is_a_usage_error()
    {
        var run = CliRunner.Run(Cwd, "explain", "IL9999");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown rule id 'IL9999'", run.Error);
    }

    [Fact]
    public void Explain_with_a_line_but_no_file_is_a_usage_error()
    {
        var run = CliRunner.Run(Cwd, "explain", "IL2008", "--line", "3");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--line needs --file", run.Error);
    }

    [Fact]
    public void Explain_with_a_file_shows_the_rule_findings_there()
    {
        using var dir = new TempDir();
        dir.WriteBytes("broken.yaml", new byte[] { 0xFF, 0xFE });

        var run = CliRunner.Run(dir.Path, "explain", "IL0001", "--file", "broken.yaml", "--line", "1");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("broken.yaml:1:1: error IL0001: ", run.Out);
    }
}
