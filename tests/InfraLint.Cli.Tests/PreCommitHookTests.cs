using InfraLint.Cli.Tests.Support;
using InfraLint.Tests;

namespace InfraLint.Cli.Tests;

/// <summary>
/// The pre-commit hook (.pre-commit-hooks.yaml) as a user's repository runs it: <c>pre-commit try-repo</c> packs this
/// repository with pre-commit's dotnet language, installs the tool it finds, and runs the hook on the staged files.
/// Needs Debian's pre-commit (3.0.4; .ci/run installs it): skipped without it, failed on CI. Takes minutes (a Release
/// pack of the CLI in a fresh clone).
/// </summary>
public sealed class PreCommitHookTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(20);

    [SkippableFact]
    public void The_hook_reports_the_staged_file_judged_with_the_committed_autoscaler()
    {
        using var repo = new TempDir();
        using var home = new TempDir();
        ContextRepo.WriteTo(repo);
        Git(repo.Path, "init", "-q");
        Git(repo.Path, "add", ".infralint.yaml", "autoscaling/hpa.yaml", "debug-pod.yaml");
        Git(repo.Path, "-c", "user.name=InfraLint", "-c", "user.email=tests@infralint.invalid", "commit", "-q", "-m", "autoscaler and a debug pod");
        Git(repo.Path, "add", "deploy.yaml");

        // A pre-commit home of its own: no environment left from an earlier run is reused, so the hook is packed and installed here.
        var environment = new Dictionary<string, string> { ["PRE_COMMIT_HOME"] = home.Path };
        var run = ChildProcess.TryRun("pre-commit", repo.Path, Deadline, environment, "try-repo", Repo.Root, "infralint", "--files", "deploy.yaml");
        if (run is null)
        {
            Assert.False(Repo.IsCi, "CI must have pre-commit on the PATH; .ci/run installs Debian's package.");
            throw new SkipException("pre-commit is not installed (apt-get install pre-commit).");
        }

        Assert.Contains("- hook id: infralint", run.Out, StringComparison.Ordinal);
        Assert.Equal(ContextRepo.DeploymentFindings, ConsoleFindings.Of(run));
        Assert.DoesNotContain("IL1005", run.Out, StringComparison.Ordinal);
        Assert.True(run.ExitCode == 1, $"the hook should fail on the IL2006 error:\n{run}");
    }

    private static void Git(string repo, params string[] args)
    {
        var run = ChildProcess.Run("git", repo, TimeSpan.FromMinutes(1), args);
        Assert.True(run.ExitCode == 0, $"git {string.Join(' ', args)}:\n{run}");
    }
}
