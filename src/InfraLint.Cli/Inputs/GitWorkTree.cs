using System.ComponentModel;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace InfraLint.Cli.Inputs;

/// <summary>What SARIF's <c>versionControlProvenance</c> says about the work tree a scan ran in; each part null when unknown.</summary>
internal sealed record GitProvenance(string Root, Uri? RepositoryUri, string? Revision, string? Branch);

/// <summary>
/// The git work tree around the scanned files. The root is found from the file system alone (a <c>.git</c> folder, or
/// the <c>.git</c> file of a linked worktree or submodule), so artifact URIs never depend on git being installed; the
/// remote, revision and branch come from <c>git</c> itself and are simply left out when it is missing or says nothing.
/// </summary>
internal static partial class GitWorkTree
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>The nearest directory at or above <paramref name="directory"/> holding a <c>.git</c>; null outside a work tree.</summary>
    public static string? Root(string directory)
    {
        for (var dir = new DirectoryInfo(directory); dir is not null; dir = dir.Parent)
        {
            var git = Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git)) return Path.TrimEndingDirectorySeparator(dir.FullName);
        }
        return null;
    }

    /// <summary>Remote, HEAD's commit and branch of the work tree at <paramref name="root"/>; a detached HEAD has no branch.</summary>
    public static GitProvenance Provenance(string root)
    {
        var remote = Git(root, "remote", "get-url", "origin")
            ?? (Git(root, "remote")?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() is { } first
                ? Git(root, "remote", "get-url", first)
                : null);
        var revision = Git(root, "rev-parse", "--verify", "-q", "HEAD^{commit}");
        var branch = Git(root, "symbolic-ref", "--short", "-q", "HEAD");
        return new GitProvenance(root, remote is null ? null : RepositoryUri(remote), revision, branch);
    }

    /// <summary>
    /// A remote as an absolute URI without user information: CI remotes embed tokens
    /// (<c>https://x-access-token:TOKEN@github.com/o/r.git</c>, <c>https://oauth2:TOKEN@gitlab.com/…</c>), and a bare
    /// user name can be a token too. An scp-style remote (<c>git@github.com:o/r.git</c>) becomes <c>ssh://github.com/o/r.git</c>.
    /// Null for what is no URI (a local path).
    /// </summary>
    public static Uri? RepositoryUri(string remote)
    {
        remote = remote.Trim();
        if (ScpRemote().Match(remote) is { Success: true } scp)
            remote = $"ssh://{scp.Groups["host"].Value}/{scp.Groups["path"].Value.TrimStart('/')}";
        if (!Uri.TryCreate(remote, UriKind.Absolute, out var uri) || uri.IsFile || uri.IsUnc || string.IsNullOrEmpty(uri.Host)) return null;
        // Scheme, host, a port only when not the scheme's default, and path: no user information, query or fragment.
        return new Uri(uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped), UriKind.Absolute);
    }

    /// <summary>git's scp-like syntax: <c>[user@]host:path</c>, with no <c>://</c> and no slash before the colon.</summary>
    [GeneratedRegex(@"^(?:[^@/:]+@)?(?<host>[^@/:\[\]]{2,}|\[[^\]]+\]):(?<path>(?!//).+)$")]
    private static partial Regex ScpRemote();

    private static string? Git(string root, params string[] args)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = root,
        };
        start.ArgumentList.Add("-C");
        start.ArgumentList.Add(root);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        // Never wait for a credential prompt, nor read a user's pager.
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["GIT_PAGER"] = "cat";
        try
        {
            using var process = Process.Start(start);
            if (process is null) return null;
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                return null;
            }
            var text = stdout.Result.Trim();
            return process.ExitCode == 0 && text.Length > 0 ? text : null;
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException or IOException)
        {
            return null; // git is not installed, or cannot run here
        }
    }
}
