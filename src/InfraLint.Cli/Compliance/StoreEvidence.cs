using InfraLint.Cli.History;

namespace InfraLint.Cli.Compliance;

/// <summary>
/// <c>report --store S</c>: the findings history of the report's repositories, from complete scans only (a scan with a
/// shard missing would read as fixes), as <see cref="FindingHistory"/> computes it.
/// </summary>
internal sealed record ReportHistory(string Store, string? ScanId, HistorySummary Summary);

/// <summary>
/// The evidence of one recorded scan (<c>report --store S [--scan-id ID]</c> without PATHs): each repository it covered
/// with the findings its shards wrote. A store keeps findings, not what held, so, as from SARIF, a control without a
/// failure is unknown; a store keeps no finding properties either, so it gives no money figures.
/// </summary>
internal static class StoreEvidence
{
    /// <param name="scanId">The scan to report; the latest complete scan when null.</param>
    /// <returns>The repositories, and the id of the scan they come from (null when the store holds no complete scan).</returns>
    public static (IReadOnlyList<RepositoryEvidence> Repositories, string? ScanId) Load(IReadOnlyList<StoredScan> completeScans, string? scanId)
    {
        var id = scanId ?? completeScans.OrderBy(s => s.StartedAt).ThenBy(s => s.ScanId, StringComparer.Ordinal).LastOrDefault()?.ScanId;
        var repositories = completeScans
            .Where(s => s.ScanId == id)
            .OrderBy(s => s.Repository, StringComparer.Ordinal)
            .Select(s => new RepositoryEvidence(s.Repository, $"scan {s.ScanId}", "store", s.FilesScanned, s.Findings.Select(f => Finding(s.Repository, f)).ToArray(), null, null))
            .ToArray();
        return (repositories, id);
    }

    private static ReportFinding Finding(string repository, FindingRecord f)
    {
        var rule = LintHost.Catalog.Find(f.RuleId);
        return new ReportFinding(
            repository,
            f.RuleId,
            f.Severity,
            rule?.Area.ToString() ?? string.Empty,
            rule?.Title ?? f.RuleId,
            f.Message,
            f.File,
            f.Line,
            f.Column,
            ScanEvidence.ResourceOf(f.LogicalPath),
            f.Fingerprint,
            f.Suppressed ? new Waiver("suppressed", null, null) : null,
            new SortedDictionary<string, string>(StringComparer.Ordinal));
    }
}
