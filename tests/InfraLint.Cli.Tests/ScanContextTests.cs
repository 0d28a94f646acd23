using InfraLint.Cli.Tests.Support;

namespace InfraLint.Cli.Tests;

/// <summary>
/// <c>scan --context DIR FILE...</c> (the pre-commit hook's mode): everything under DIR is evaluated with its
/// configuration, and only the findings in the given files are reported and decide the exit code.
/// </summary>
public sealed class ScanContextTests
{
    [Fact]
    public void A_changed_file_is_judged_with_the_autoscaler_in_an_unchanged_one()
    {
        using var dir = new TempDir();
        ContextRepo.WriteTo(dir);

        var run = CliRunner.Run(dir.Path, "scan", "--context", ".", "deploy.yaml");

        Assert.Equal(ContextRepo.DeploymentFindings, ConsoleFindings.Of(run));
        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public void Without_the_context_the_same_file_lacks_its_autoscaler()
    {
        using var dir = new TempDir();
        ContextRepo.WriteTo(dir);

        var run = CliRunner.Run(dir.Path, "scan", "deploy.yaml");

        // The control for the test above: IL1005 is on (the context's .infralint.yaml) and fires when the HPA is not scanned.
        var expected = ContextRepo.DeploymentFindings.ToList();
        expected.Insert(1, ("deploy.yaml", 7, 13, "warning", "IL1005"));
        Assert.Equal(expected, ConsoleFindings.Of(run));
    }

    [Fact]
    public void Findings_in_files_not_given_neither_show_nor_fail_the_scan()
    {
        using var dir = new TempDir();
        ContextRepo.WriteTo(dir);

        var run = CliRunner.Run(dir.Path, "scan", "--context", ".", "autoscaling/hpa.yaml", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("\"ruleId\"", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("debug-pod.yaml", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_files_are_reported_from_one_evaluation()
    {
        using var dir = new TempDir();
        ContextRepo.WriteTo(dir);

        var run = CliRunner.Run(dir.Path, "scan", "--context", dir.Path, "deploy.yaml", Path.Combine(dir.Path, "debug-pod.yaml"));

        var podFindings = new[]
        {
            ("debug-pod.yaml", 7, 12, "error", "IL2008"),
            ("debug-pod.yaml", 9, 13, "error", "IL2006"),
            ("debug-pod.yaml", 9, 13, "warning", "IL2007"),
            ("debug-pod.yaml", 9, 13, "warning", "IL3006"),
        };
        Assert.Equal(podFindings.Concat(ContextRepo.DeploymentFindings), ConsoleFindings.Of(run));
    }

    [Fact]
    public void A_directory_as_a_reported_path_is_a_usage_error()
    {
        using var dir = new TempDir();
        ContextRepo.WriteTo(dir);

        var run = CliRunner.Run(dir.Path, "scan", "--context", ".", "autoscaling");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("not a directory: autoscaling", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_context_that_is_not_a_directory_is_a_usage_error()
    {
        using var dir = new TempDir();
        ContextRepo.WriteTo(dir);

        var run = CliRunner.Run(dir.Path, "scan", "--context", "deploy.yaml", "deploy.yaml");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--context must be a directory: deploy.yaml", run.Error, StringComparison.Ordinal);
    }
}
