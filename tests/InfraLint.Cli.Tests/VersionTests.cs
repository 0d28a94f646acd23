using System.Diagnostics;
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
        var head = GitHead();
        if (head is not null) Assert.Equal(head, match.Groups["commit"].Value);
    }

    /// <summary>The commit checked out, which the test build (made from it) must name; null outside a git work tree.</summary>
    private static string? GitHead()
    {
        try
        {
            var start = new ProcessStartInfo("git", "rev-parse HEAD") { WorkingDirectory = Repo.Root, RedirectStandardOutput = true, RedirectStandardError = true };
            using var git = Process.Start(start)!;
            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
