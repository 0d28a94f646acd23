using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using InfraLint.Cli.Inputs;
using InfraLint.Cli.Output;
using InfraLint.Core.Scanning;

namespace InfraLint.Cli.History;

/// <summary>
/// <c>scan --store</c>: what a finished scan writes to the history store. The scan's provenance comes from the
/// environment a CI job sets (<c>INFRALINT_REPOSITORY</c>, <c>INFRALINT_COMMIT</c>, <c>INFRALINT_BRANCH</c>, else
/// GitHub Actions' <c>GITHUB_REPOSITORY</c>, <c>GITHUB_SHA</c>, <c>GITHUB_REF_NAME</c>), else from git in the scanned root.
/// </summary>
internal static class ScanRecording
{
    /// <summary>Records the report as shard <paramref name="shard"/> (the whole scan when null) of scan <paramref name="scanId"/>.</summary>
    /// <exception cref="HistoryStoreException">The store could not be opened or refused the write.</exception>
    public static ScanRecord Record(CliEnvironment env, ScanReport report, StoreLocation location, string scanId, ScanShard? shard, string? configPath, string? ruleSet, DateTimeOffset startedAt)
    {
        var scan = Describe(env, report, scanId, shard, configPath, ruleSet, startedAt);
        var findings = Findings(report);
        using var store = location.Open();
        try
        {
            store.Record(scan, new[] { new RepositoryFindings(scan.Repository, scan.Commit, scan.Branch, findings, report.Result.Files.Count) });
        }
        catch (System.Data.Common.DbException e)
        {
            throw new HistoryStoreException($"cannot record scan {scanId} in {location.Shown}: {e.Message}", e);
        }
        return scan;
    }

    /// <summary>
    /// Records the repositories of <c>scan --shard-by repository</c> as shard <paramref name="shard"/> of scan
    /// <paramref name="scanId"/>: each repository under its own name (its remote's URL without credentials, else its
    /// folder's name), commit and branch, with its findings as a scan of it alone fingerprints them. The environment's
    /// repository variables describe the job running the scan, not the repositories it scans, so they are not read.
    /// </summary>
    public static ScanRecord Record(CliEnvironment env, RepositoryScanResult scanned, StoreLocation location, string scanId, ScanShard? shard, string? configPath, string? ruleSet, DateTimeOffset startedAt)
    {
        var scan = new ScanRecord(scanId, Path.GetFileName(Path.TrimEndingDirectorySeparator(scanned.Parent)), null, null, startedAt, LintHost.Version,
            CatalogVersion(scanned.Combined), SettingsHash(env, configPath, ruleSet), shard?.Index ?? 0, shard?.Count ?? 1);
        // Three git processes per repository for its remote, commit and branch: started a few at a time, not one after another.
        RepositoryFindings[] repositories;
        using (Diagnostics.Timings.Measure("record: git provenance and fingerprints"))
            repositories = scanned.Repositories.AsParallel().AsOrdered().WithDegreeOfParallelism(8).Select(r =>
            {
                var git = GitWorkTree.Root(r.Repository.Root) is { } root ? GitWorkTree.Provenance(root) : null;
                return new RepositoryFindings(git?.RepositoryUri?.ToString() ?? r.Repository.Name, git?.Revision, git?.Branch, Findings(r.Report), r.Report.Result.Files.Count);
            }).ToArray();
        IHistoryStore opened;
        using (Diagnostics.Timings.Measure("record: open the store")) opened = location.Open();
        using var store = opened;
        try
        {
            using var _ = Diagnostics.Timings.Measure($"record: write {repositories.Length} repositories");
            store.Record(scan, repositories);
        }
        catch (System.Data.Common.DbException e)
        {
            throw new HistoryStoreException($"cannot record scan {scanId} in {location.Shown}: {e.Message}", e);
        }
        return scan;
    }

    public static ScanRecord Describe(CliEnvironment env, ScanReport report, string scanId, ScanShard? shard, string? configPath, string? ruleSet, DateTimeOffset startedAt)
    {
        string? Variable(params string[] names) => names.Select(env.GetVariable).FirstOrDefault(v => !string.IsNullOrEmpty(v));
        var repository = Variable("INFRALINT_REPOSITORY", "GITHUB_REPOSITORY")
            ?? Git(report.Root, "config", "--get", "remote.origin.url")
            ?? Path.GetFileName(Path.TrimEndingDirectorySeparator(report.Root));
        return new ScanRecord(
            scanId,
            repository,
            Variable("INFRALINT_COMMIT", "GITHUB_SHA") ?? Git(report.Root, "rev-parse", "HEAD"),
            Variable("INFRALINT_BRANCH", "GITHUB_REF_NAME") ?? Git(report.Root, "rev-parse", "--abbrev-ref", "HEAD"),
            startedAt,
            LintHost.Version,
            CatalogVersion(report),
            SettingsHash(env, configPath, ruleSet),
            shard?.Index ?? 0,
            shard?.Count ?? 1);
    }

    /// <summary>Every reported finding, suppressed ones flagged, by the fingerprint SARIF and JSON report and the key it is under.</summary>
    public static IReadOnlyList<FindingRecord> Findings(ScanReport report) => report.Findings
        .Select(f => new FindingRecord(report.Fingerprint(f), SarifOutput.FingerprintKey, f.RuleId, ScanReport.SeverityWord(f.Severity), report.RelativeUri(f.Location.File), f.Location.StartLine, f.LogicalPath, f.IsSuppressed, f.Location.StartColumn, f.Message))
        .ToArray();

    /// <summary>The rule catalog's identity: its rules, default severities and sets, hashed (the tool version alone misses a custom build).</summary>
    private static string CatalogVersion(ScanReport report) =>
        "sha256:" + Hash(string.Join("\n", report.Catalog.All.OrderBy(r => r.Id, StringComparer.Ordinal)
            .Select(r => $"{r.Id} {r.DefaultSeverity} {r.EnabledByDefault} {r.Recommended}")), 16);

    /// <summary>What decides which findings a scan reports besides the files: the configuration's text and the rule set chosen.</summary>
    private static string SettingsHash(CliEnvironment env, string? configPath, string? ruleSet)
    {
        var config = ConfigFile.Find(env, configPath, LintHost.Catalog);
        var text = config is null ? "" : File.ReadAllText(config.FullPath);
        return "sha256:" + Hash($"{ruleSet ?? "(configured)"}\n{text}", 64);
    }

    private static string Hash(string text, int hexLength) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))).Substring(0, hexLength);

    /// <summary>One line of git's answer, or null when git is missing, slow, or the folder is no repository.</summary>
    private static string? Git(string directory, params string[] args)
    {
        try
        {
            var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add("-C");
            start.ArgumentList.Add(directory);
            foreach (var arg in args) start.ArgumentList.Add(arg);
            using var git = Process.Start(start);
            if (git is null) return null;
            var output = git.StandardOutput.ReadToEndAsync();
            _ = git.StandardError.ReadToEndAsync();
            if (!git.WaitForExit(5000))
            {
                git.Kill(entireProcessTree: true);
                return null;
            }
            var line = output.Result.Trim();
            return git.ExitCode == 0 && line.Length > 0 ? line : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
