using System.Text.RegularExpressions;
using InfraLint.Cli.Tests.Support;
using InfraLint.Tests;

namespace InfraLint.Cli.Tests;

/// <summary><c>infralint --version</c>: the package version and the commit it was built from (the SDK's SourceLink sets it from git).</summary>
public sealed class VersionTests
{
    [Fact]
    public void Version_names_the_package_version_and_the_commit()
    {
        var run = CliRunner.Run(Repo.Root, "--version");

        Assert.Equal(0, run.ExitCode);
        var match = Regex.Match(run.Out.Trim(), @"^(?<version>\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?)\+(?<commit>[0-9a-f]{40})$");
        Assert.True(match.Success, $"not VERSION+COMMIT: '{run.Out.Trim()}'");
        Assert.Equal(typeof(Program).Assembly.GetName().Version!.ToString(3), match.Groups["version"].Value);
        // The build names the commit checked out when it was made: HEAD, or one before it when commits came after the build.
        var isAncestor = Git("merge-base", "--is-ancestor", match.Groups["commit"].Value, "HEAD");
        if (isAncestor is not null) Assert.True(isAncestor == 0, $"{match.Groups["commit"].Value} is not HEAD or a commit before it");
    }

    /// <summary>git's exit code in the repository; null outside a git work tree or without git.</summary>
    private static int? Git(params string[] args)
    {
        if (!Directory.Exists(Path.Combine(Repo.Root, ".git")) && !File.Exists(Path.Combine(Repo.Root, ".git"))) return null;
        var run = ChildProcess.TryRun("git", Repo.Root, TimeSpan.FromMinutes(1), null, args);
        return run?.ExitCode;
    }
}
