namespace InfraLint.Cli.History;

/// <summary>
/// One scan, or one shard of it, as the store records it. Every shard of a scan carries the same <see cref="ScanId"/>
/// and <see cref="ShardCount"/>; the scan is complete once each of its shards has written.
/// </summary>
internal sealed record ScanRecord(
    string ScanId,
    string Repository,
    string? Commit,
    string? Branch,
    DateTimeOffset StartedAt,
    string ToolVersion,
    string CatalogVersion,
    string SettingsHash,
    int ShardIndex,
    int ShardCount);

/// <summary>
/// One reported finding, by its fingerprint (the SARIF <c>partialFingerprints</c> value) and the key that fingerprint
/// is under (<c>infralint/v1</c>): fingerprints of different versions are never compared.
/// </summary>
internal sealed record FindingRecord(
    string Fingerprint,
    string FingerprintVersion,
    string RuleId,
    string Severity,
    string File,
    int Line,
    string LogicalPath,
    bool Suppressed,
    int Column = 0,
    string Message = "");

/// <summary>
/// One repository a shard scanned, with its findings (possibly none: a repository without findings is still known to
/// have been scanned, so what it lacks reads as fixed). A scan of one repository has one; <c>--shard-by repository</c> one per repository of the shard.
/// </summary>
internal sealed record RepositoryFindings(string Repository, string? Commit, string? Branch, IReadOnlyList<FindingRecord> Findings, int FilesScanned = 0);

/// <summary>How far a scan is: how many shards it was split into and how many have written.</summary>
internal sealed record ScanProgressRecord(string ScanId, int ShardCount, int ShardsWritten)
{
    public bool Complete => ShardsWritten == ShardCount;
}

/// <summary>A complete scan read back: every shard wrote, so what it lacks was fixed, not lost.</summary>
/// <param name="FilesScanned">How many files the repository's scan read (0 for scans recorded before the store kept it).</param>
internal sealed record StoredScan(string ScanId, string Repository, string? Commit, string? Branch, DateTimeOffset StartedAt, IReadOnlyList<FindingRecord> Findings, int FilesScanned = 0);

/// <summary>How many scans a store holds, and how many of them every shard has written.</summary>
internal sealed record StoreCounts(int Scans, int CompleteScans, int Findings);
