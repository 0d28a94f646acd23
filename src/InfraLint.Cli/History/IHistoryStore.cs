namespace InfraLint.Cli.History;

/// <summary>
/// Where scans and their findings are kept over time (<c>--store sqlite:PATH</c> or <c>--store postgresql://…</c>).
/// Opening applies the schema's migrations, safely when several processes open at once. Every method is one transaction.
/// </summary>
internal interface IHistoryStore : IDisposable
{
    /// <summary>The schema version the store is at once open.</summary>
    int SchemaVersion { get; }

    /// <summary>
    /// Records one shard of a scan with its findings, replacing whatever that shard wrote before (a retried shard), in
    /// one transaction: another reader sees the shard's old rows or its new ones, never a mix.
    /// </summary>
    /// <exception cref="HistoryStoreException">The scan id was recorded before with another shard count.</exception>
    void Record(ScanRecord scan, IReadOnlyList<FindingRecord> findings);

    /// <summary>
    /// Records one shard of a scan that covered several repositories (<c>scan --shard-by repository</c>), each with its
    /// findings, replacing whatever that shard wrote before, in one transaction.
    /// </summary>
    /// <exception cref="HistoryStoreException">The scan id was recorded before with another shard count.</exception>
    void Record(ScanRecord scan, IReadOnlyList<RepositoryFindings> repositories);

    /// <summary>How many of a scan's shards have written; null when no shard of it has.</summary>
    ScanProgressRecord? Progress(string scanId);

    /// <summary>
    /// Complete scans only (every shard written), oldest first, one per repository a scan covered (a scan by repository
    /// gives one for each, all with its id and start time); of one repository when given.
    /// </summary>
    IReadOnlyList<StoredScan> CompleteScans(string? repository = null);

    /// <summary>Deletes scans started before <paramref name="cutoff"/> with their findings; returns how many scans went.</summary>
    int Prune(DateTimeOffset cutoff);

    StoreCounts Counts();
}

/// <summary>A store refused a write or a query for a reason the user can act on.</summary>
internal sealed class HistoryStoreException(string message, Exception? inner = null) : Exception(message, inner);
