using System.Diagnostics;
using InfraLint.Tests;

namespace InfraLint.Cli.Tests.Support;

/// <summary>A throw-away git work tree for provenance and repository-root tests; git missing skips them (fails under CI).</summary>
public static class GitRepo
{
    public static string Run(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
        // Commits need an identity; a developer's global configuration must not matter.
        foreach (var arg in new[] { "-c", "user.name=InfraLint Tests", "-c", "user.email=tests@infralint.invalid", "-c", "commit.gpgsign=false" }.Concat(args))
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', args)}: {stderr.Result}");
        return stdout.Result.Trim();
    }

    public static void Require()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("git", "--version") { RedirectStandardOutput = true })!;
            process.WaitForExit();
            if (process.ExitCode == 0) return;
        }
        catch (System.ComponentModel.Win32Exception)
        {
        }
        Assert.False(Repo.IsCi, "CI must have git installed.");
        throw new SkipException("git is not installed.");
    }

    /// <summary><paramref name="root"/> made a repository on branch main with one commit of what is in it.</summary>
    public static string Init(string root, string? remote = null)
    {
        Require();
        Directory.CreateDirectory(root);
        Run(root, "init", "-q", "-b", "main");
        if (remote is not null) Run(root, "remote", "add", "origin", remote);
        Run(root, "add", "-A");
        Run(root, "commit", "-q", "--allow-empty", "-m", "fixture");
        return Run(root, "rev-parse", "HEAD");
    }

    public static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
