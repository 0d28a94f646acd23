using InfraLint.Tests;
using InfraLint.Cli.Tests.Support;

namespace InfraLint.Cli.Tests;

/// <summary><c>.infralint.yaml</c> as the CLI finds and applies it.</summary>
public sealed class ConfigTests : IDisposable
{
    private readonly TempDir _dir = new();

    public ConfigTests() => _dir.Write("deploy/pod.yaml", Manifests.Pod("debug"));

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Severity_overrides_from_the_working_directory_config_change_the_finding_and_the_exit_code()
    {
        _dir.Write(".infralint.yaml", "rules:\n  IL2008: warning\n");

        var run = CliRunner.Run(_dir.Path, "scan", "deploy");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("deploy/pod.yaml:6:16: warning IL2008: ", run.Out);
    }

    [Fact]
    public void A_rule_turned_off_reports_nothing()
    {
        _dir.Write(".infralint.yaml", "rules:\n  IL2008: off\n");

        var run = CliRunner.Run(_dir.Path, "scan", "deploy");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Empty(Manifests.LinesOf(run.Out, "IL2008"));
    }

    [Fact]
    public void Config_excludes_are_relative_to_the_config_folder()
    {
        _dir.Write(".infralint.yaml", "exclude: [\"deploy/**\"]\n");

        var run = CliRunner.Run(_dir.Path, "scan", "deploy");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("0 findings (0 errors, 0 warnings, 0 notes) in 0 files,", run.Out);
    }

    [Fact]
    public void A_bad_key_is_an_IL0002_finding_at_its_line()
    {
        _dir.Write(".infralint.yaml", "rules:\n  IL2008: warning\nfail_fast: true\n");

        var run = CliRunner.Run(_dir.Path, "scan", "deploy");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains(".infralint.yaml:3:1: error IL0002: Unknown configuration key 'fail_fast'", run.Out);
    }

    [Fact]
    public void An_explicit_config_is_used_and_a_missing_one_is_a_usage_error()
    {
        _dir.Write("ci/strict.yaml", "rules:\n  IL2008: note\n");

        var used = CliRunner.Run(_dir.Path, "scan", "deploy", "--config", "ci/strict.yaml");
        var missing = CliRunner.Run(_dir.Path, "scan", "deploy", "--config", "ci/none.yaml");

        Assert.Contains("note IL2008", used.Out);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("configuration file not found: ci/none.yaml", missing.Error);
    }

    [Fact]
    public void The_repository_root_config_applies_in_subfolders_but_nothing_above_the_repository_is_read()
    {
        Directory.CreateDirectory(Path.Combine(_dir.Path, "repo", ".git"));
        _dir.Write("repo/.infralint.yaml", "rules:\n  IL2008: warning\n");
        _dir.Write("repo/apps/pod.yaml", Manifests.Pod("debug"));
        _dir.Write("outside/sub/pod.yaml", Manifests.Pod("debug"));
        _dir.Write("outside/.infralint.yaml", "rules:\n  IL2008: off\n");

        var inRepo = CliRunner.Run(Path.Combine(_dir.Path, "repo", "apps"), "scan", ".");
        var notARepo = CliRunner.Run(Path.Combine(_dir.Path, "outside", "sub"), "scan", ".");

        Assert.Contains("warning IL2008", inRepo.Out);
        Assert.Contains("error IL2008", notARepo.Out);
    }
}
