using InfraLint.Cli.Files;
using InfraLint.Cli.Inputs;
using InfraLint.Cli.Output;
using InfraLint.Core.Facts;
using InfraLint.Core.Knowledge;
using InfraLint.Core.Scanning;

namespace InfraLint.Cli;

/// <summary>
/// One repository of <c>scan --shard-by repository</c>: its <see cref="Name"/> (what the shard hash reads), its root
/// (the git work tree's, else the PATH itself) and the PATHs given in it.
/// </summary>
internal sealed record ScannedRepository(string Name, string Root, IReadOnlyList<string> Paths);

/// <summary>A repository's own scan: files named relative to its root, fingerprints as a scan of it alone gives them.</summary>
internal sealed record RepositoryReport(ScannedRepository Repository, ScanReport Report);

/// <summary>The repositories of a shard, each scanned on its own, and all of them as one report to print.</summary>
internal sealed record RepositoryScanResult(IReadOnlyList<RepositoryReport> Repositories, ScanReport Combined, string Parent);

/// <summary>
/// <c>scan [--shard K/N] --shard-by repository PATH...</c>: the PATHs are grouped by repository and each repository is
/// scanned on its own, so nothing joins across repositories (a Kubernetes namespace two repositories share is two
/// scopes, one in each). Shard K takes the repositories whose name's <see cref="ScanShard.StableHash"/> mod N is K, and
/// never reads another repository's files. The name is the repository root's folder name, which is what
/// <c>git clone URL</c> creates from the URL's last segment: <see cref="NameOf"/> gives the same name for a URL, so
/// <c>infralint shard</c> can split a list of URLs the way the scan will split their clones.
/// </summary>
internal static class RepositoryScan
{
    /// <summary>
    /// The name a repository is sharded by: the last segment of a path or URL (<c>https://host/org/repo.git</c>,
    /// <c>git@host:org/repo.git</c>, <c>/work/repos/repo</c>), without a trailing <c>.git</c>: the folder <c>git clone</c> makes.
    /// </summary>
    public static string NameOf(string location)
    {
        var trimmed = location.Trim().TrimEnd('/', '\\');
        int cut = trimmed.LastIndexOfAny(new[] { '/', '\\', ':' });
        var name = cut >= 0 ? trimmed[(cut + 1)..] : trimmed;
        return name.EndsWith(".git", StringComparison.Ordinal) && name.Length > 4 ? name[..^4] : name;
    }

    /// <summary>The PATHs by repository, in name order; a PATH outside any git work tree is a repository of its own.</summary>
    public static IReadOnlyList<ScannedRepository> Group(CliEnvironment env, IReadOnlyList<string> paths) => paths
        .Select(path =>
        {
            var full = Path.TrimEndingDirectorySeparator(env.FullPath(path));
            var folder = Directory.Exists(full) ? full : Path.GetDirectoryName(full) ?? full;
            return (Path: path, Root: GitWorkTree.Root(folder) ?? full);
        })
        .GroupBy(p => p.Root, OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal)
        .Select(g => new ScannedRepository(NameOf(g.Key), g.Key, g.Select(p => p.Path).ToArray()))
        .OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Root, StringComparer.Ordinal)
        .ToArray();

    /// <param name="shard">Which repositories to scan; all of them when null.</param>
    /// <param name="configPath">
    /// <c>--config</c> for every repository; without it, each repository's own <c>.infralint.yaml</c> at its root, else
    /// what <c>scan</c> finds from the working directory.
    /// </param>
    /// <param name="evaluations">Whether the reports list what each rule evaluated (<see cref="ScanPipeline.Run"/>).</param>
    public static RepositoryScanResult Run(CliEnvironment env, IReadOnlyList<string> paths, IReadOnlyList<string> excludes, string? configPath, Baseline? baseline, RuleSelection? ruleSet, ScanShard? shard, bool evaluations = true)
    {
        var all = Group(env, paths);
        // The combined report names files from the folder holding the repositories, the same for every shard, so the
        // shards' printed findings (and their fingerprints) add up to the unsharded scan's.
        var parent = all.Count == 0 ? env.WorkingDirectory : FolderPaths.Common(all.Select(r => Path.GetDirectoryName(r.Root) ?? r.Root).ToArray(), PathComparison);
        var reports = new List<RepositoryReport>();
        foreach (var repository in all.Where(r => shard is null || shard.Takes(r.Name)))
        {
            var own = Path.Combine(repository.Root, ".infralint.yaml");
            var config = configPath ?? (File.Exists(own) ? own : null);
            reports.Add(new RepositoryReport(repository, ScanPipeline.Run(env, repository.Paths, excludes, config, baseline: null, ruleSet, repositoryRoot: Directory.Exists(repository.Root) ? repository.Root : Path.GetDirectoryName(repository.Root), evaluations: evaluations)));
        }

        var results = reports.Select(r => r.Report.Result).ToArray();
        var combined = new ScanResult(
            results.SelectMany(r => r.Findings).ToArray(),
            results.SelectMany(r => r.Files).ToArray(),
            TimeSpan.FromTicks(results.Sum(r => r.Elapsed.Ticks)),
            SecretMask.Combine(results.Select(r => r.Secrets)),
            results.SelectMany(r => r.Evaluations).ToArray())
        {
            Phases = results.SelectMany(r => r.Phases).ToArray(),
        };
        var fullPaths = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var report in reports)
            foreach (var (display, full) in report.Report.FullPathByDisplay) fullPaths[display] = full;
        var notices = reports.SelectMany(r => r.Report.Notices.Select(n => $"{r.Repository.Name}: {n}")).ToArray();
        return new RepositoryScanResult(reports, new ScanReport(combined, LintHost.Catalog, parent, fullPaths, notices, env) { Baseline = baseline }, parent);
    }

    /// <summary>Repository folders compared as the platform compares paths: without case on Windows.</summary>
    private static StringComparison PathComparison => OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
}
