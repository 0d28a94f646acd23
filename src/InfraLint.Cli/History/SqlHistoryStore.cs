using System.Data;
using System.Data.Common;

namespace InfraLint.Cli.History;

/// <summary>
/// The SQL both stores share: the schema (types both SQLite and PostgreSQL read the same way: TEXT, INTEGER, BIGINT
/// milliseconds since the Unix epoch), its migrations, the shard write and the queries. A store says only how it opens
/// a connection and how it takes the lock that serialises writers.
/// </summary>
internal abstract class SqlHistoryStore : IHistoryStore
{
    /// <summary>
    /// Each migration once, in order, recorded in <c>schema_version</c>. Never edit a released one: add the next.
    /// </summary>
    internal static readonly IReadOnlyList<string> Migrations = new[]
    {
        """
        CREATE TABLE scans (
            scan_id TEXT NOT NULL PRIMARY KEY,
            repository TEXT NOT NULL,
            commit_sha TEXT,
            branch TEXT,
            started_at BIGINT NOT NULL,
            tool_version TEXT NOT NULL,
            catalog_version TEXT NOT NULL,
            settings_hash TEXT NOT NULL,
            shard_count INTEGER NOT NULL
        );
        CREATE INDEX scans_by_repository ON scans (repository, started_at);
        CREATE INDEX scans_by_time ON scans (started_at);
        CREATE TABLE scan_shards (
            scan_id TEXT NOT NULL REFERENCES scans (scan_id) ON DELETE CASCADE,
            shard_index INTEGER NOT NULL,
            written_at BIGINT NOT NULL,
            finding_count INTEGER NOT NULL,
            PRIMARY KEY (scan_id, shard_index)
        );
        CREATE TABLE findings (
            scan_id TEXT NOT NULL REFERENCES scans (scan_id) ON DELETE CASCADE,
            shard_index INTEGER NOT NULL,
            fingerprint TEXT NOT NULL,
            fingerprint_version TEXT NOT NULL,
            rule_id TEXT NOT NULL,
            severity TEXT NOT NULL,
            file TEXT NOT NULL,
            line INTEGER NOT NULL,
            logical_path TEXT NOT NULL,
            suppressed INTEGER NOT NULL,
            PRIMARY KEY (scan_id, shard_index, fingerprint_version, fingerprint)
        );
        """,
        // 2: a scan may cover several repositories (scan --shard-by repository): each finding names its repository
        // (two repositories can hold a finding with one fingerprint, so it is part of the key), each shard lists the
        // repositories it scanned (one without findings was still scanned), and a finding keeps its column and message
        // (report --store shows them). Scans recorded before are one repository each: the scan's.
        """
        CREATE TABLE findings_by_repository (
            scan_id TEXT NOT NULL REFERENCES scans (scan_id) ON DELETE CASCADE,
            shard_index INTEGER NOT NULL,
            repository TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            fingerprint_version TEXT NOT NULL,
            rule_id TEXT NOT NULL,
            severity TEXT NOT NULL,
            file TEXT NOT NULL,
            line INTEGER NOT NULL,
            column_number INTEGER NOT NULL,
            logical_path TEXT NOT NULL,
            message TEXT NOT NULL,
            suppressed INTEGER NOT NULL,
            PRIMARY KEY (scan_id, shard_index, repository, fingerprint_version, fingerprint)
        );
        INSERT INTO findings_by_repository (scan_id, shard_index, repository, fingerprint, fingerprint_version, rule_id, severity, file, line, column_number, logical_path, message, suppressed)
        SELECT f.scan_id, f.shard_index, s.repository, f.fingerprint, f.fingerprint_version, f.rule_id, f.severity, f.file, f.line, 0, f.logical_path, '', f.suppressed
        FROM findings f JOIN scans s ON s.scan_id = f.scan_id;
        DROP TABLE findings;
        ALTER TABLE findings_by_repository RENAME TO findings;
        CREATE TABLE scan_repositories (
            scan_id TEXT NOT NULL REFERENCES scans (scan_id) ON DELETE CASCADE,
            shard_index INTEGER NOT NULL,
            repository TEXT NOT NULL,
            commit_sha TEXT,
            branch TEXT,
            files_scanned INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (scan_id, shard_index, repository)
        );
        CREATE INDEX scan_repositories_by_repository ON scan_repositories (repository);
        INSERT INTO scan_repositories (scan_id, shard_index, repository, commit_sha, branch)
        SELECT w.scan_id, w.shard_index, s.repository, s.commit_sha, s.branch
        FROM scan_shards w JOIN scans s ON s.scan_id = w.scan_id;
        """,
    };

    private readonly DbConnection _connection;

    protected SqlHistoryStore(DbConnection connection)
    {
        _connection = connection;
    }

    public int SchemaVersion { get; private set; }

    /// <summary>Opens the connection and brings the schema up to date under the store's lock.</summary>
    /// <summary>The store, opened (migrations applied); disposed, and the failure thrown, when it cannot be.</summary>
    protected static TStore Opened<TStore>(TStore store) where TStore : SqlHistoryStore
    {
        try
        {
            store.Open();
        }
        catch
        {
            store.Dispose();
            throw;
        }
        return store;
    }

    protected void Open()
    {
        _connection.Open();
        Prepare(_connection);
        using var transaction = BeginWrite(_connection);
        LockSchema(transaction);
        Execute(transaction, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, applied_at BIGINT NOT NULL)");
        int current = Convert.ToInt32(Scalar(transaction, "SELECT COALESCE(MAX(version), 0) FROM schema_version") ?? 0, System.Globalization.CultureInfo.InvariantCulture);
        if (current > Migrations.Count)
            throw new HistoryStoreException($"the store's schema is at version {current}, newer than this InfraLint knows ({Migrations.Count}); upgrade InfraLint");
        for (int version = current + 1; version <= Migrations.Count; version++)
        {
            Execute(transaction, Migrations[version - 1]);
            Execute(transaction, "INSERT INTO schema_version (version, applied_at) VALUES (@version, @at)", ("version", version), ("at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
        }
        transaction.Commit();
        SchemaVersion = Migrations.Count;
    }

    /// <summary>Per-connection settings, outside any transaction (SQLite's journal mode and foreign keys).</summary>
    protected virtual void Prepare(DbConnection connection)
    {
    }

    /// <summary>A transaction that holds the store's write lock until it ends, so migrations and shard writes never interleave.</summary>
    protected abstract DbTransaction BeginWrite(DbConnection connection);

    /// <summary>A transaction that reads one consistent snapshot (a shard committing meanwhile is seen whole or not at all).</summary>
    protected virtual DbTransaction BeginRead(DbConnection connection) => connection.BeginTransaction(IsolationLevel.RepeatableRead);

    /// <summary>Inside a write: serialises processes that migrate at once (SQLite's write transaction already does).</summary>
    protected virtual void LockSchema(DbTransaction transaction)
    {
    }

    /// <summary>Inside a write: serialises writers of one shard of one scan (SQLite's write transaction already serialises every writer).</summary>
    protected virtual void LockShard(DbTransaction transaction, string scanId, int shardIndex)
    {
    }

    public void Record(ScanRecord scan, IReadOnlyList<FindingRecord> findings) =>
        Record(scan, new[] { new RepositoryFindings(scan.Repository, scan.Commit, scan.Branch, findings) });

    public void Record(ScanRecord scan, IReadOnlyList<RepositoryFindings> repositories)
    {
        using var transaction = BeginWrite(_connection);
        LockShard(transaction, scan.ScanId, scan.ShardIndex);
        Execute(transaction,
            """
            INSERT INTO scans (scan_id, repository, commit_sha, branch, started_at, tool_version, catalog_version, settings_hash, shard_count)
            VALUES (@scan, @repository, @commit, @branch, @started, @tool, @catalog, @settings, @count)
            ON CONFLICT (scan_id) DO NOTHING
            """,
            ("scan", scan.ScanId), ("repository", scan.Repository), ("commit", scan.Commit), ("branch", scan.Branch),
            ("started", scan.StartedAt.ToUnixTimeMilliseconds()), ("tool", scan.ToolVersion), ("catalog", scan.CatalogVersion),
            ("settings", scan.SettingsHash), ("count", scan.ShardCount));
        int recordedCount = Convert.ToInt32(Scalar(transaction, "SELECT shard_count FROM scans WHERE scan_id = @scan", ("scan", scan.ScanId)), System.Globalization.CultureInfo.InvariantCulture);
        if (recordedCount != scan.ShardCount)
            throw new HistoryStoreException($"scan {scan.ScanId} was recorded with {recordedCount} shard(s), not {scan.ShardCount}: every shard of a scan must be given the same N");
        foreach (var table in new[] { "findings", "scan_repositories", "scan_shards" })
            Execute(transaction, $"DELETE FROM {table} WHERE scan_id = @scan AND shard_index = @shard", ("scan", scan.ScanId), ("shard", scan.ShardIndex));
        int count = 0;
        foreach (var repository in repositories)
        {
            Execute(transaction, "INSERT INTO scan_repositories (scan_id, shard_index, repository, commit_sha, branch, files_scanned) VALUES (@scan, @shard, @repository, @commit, @branch, @files)",
                ("scan", scan.ScanId), ("shard", scan.ShardIndex), ("repository", repository.Repository), ("commit", repository.Commit), ("branch", repository.Branch), ("files", repository.FilesScanned));
            foreach (var chunk in repository.Findings.Chunk(RowsPerInsert))
                InsertFindings(transaction, scan, repository.Repository, chunk);
            count += repository.Findings.Count;
        }
        Execute(transaction, "INSERT INTO scan_shards (scan_id, shard_index, written_at, finding_count) VALUES (@scan, @shard, @at, @count)",
            ("scan", scan.ScanId), ("shard", scan.ShardIndex), ("at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()), ("count", count));
        transaction.Commit();
    }

    /// <summary>
    /// Findings per INSERT: one statement of many rows is one round trip to PostgreSQL (a shard of 25 repositories
    /// writes ~2,000 findings: row by row that was seconds), and 200 rows of 10 parameters stay far below both
    /// databases' parameter limits (SQLite 32,766, PostgreSQL 65,535).
    /// </summary>
    private const int RowsPerInsert = 200;

    private static void InsertFindings(DbTransaction transaction, ScanRecord scan, string repository, IReadOnlyList<FindingRecord> findings)
    {
        var sql = new System.Text.StringBuilder("INSERT INTO findings (scan_id, shard_index, repository, fingerprint, fingerprint_version, rule_id, severity, file, line, column_number, logical_path, message, suppressed) VALUES ");
        var parameters = new List<(string Name, object? Value)> { ("scan", scan.ScanId), ("shard", scan.ShardIndex), ("repository", repository) };
        for (int i = 0; i < findings.Count; i++)
        {
            var f = findings[i];
            sql.Append(i == 0 ? "" : ", ").Append(System.Globalization.CultureInfo.InvariantCulture,
                $"(@scan, @shard, @repository, @f{i}, @v{i}, @r{i}, @s{i}, @file{i}, @l{i}, @c{i}, @p{i}, @m{i}, @x{i})");
            parameters.Add(($"f{i}", f.Fingerprint));
            parameters.Add(($"v{i}", f.FingerprintVersion));
            parameters.Add(($"r{i}", f.RuleId));
            parameters.Add(($"s{i}", f.Severity));
            parameters.Add(($"file{i}", f.File));
            parameters.Add(($"l{i}", f.Line));
            parameters.Add(($"c{i}", f.Column));
            parameters.Add(($"p{i}", f.LogicalPath));
            parameters.Add(($"m{i}", f.Message));
            parameters.Add(($"x{i}", f.Suppressed ? 1 : 0));
        }
        Execute(transaction, sql.ToString(), parameters.ToArray());
    }

    /// <summary>A scan is complete when as many distinct shards wrote as it was split into: a failed shard never reads as "fixed".</summary>
    private const string CompleteScansSql =
        """
        SELECT s.scan_id
        FROM scans s
        WHERE (SELECT COUNT(*) FROM scan_shards w WHERE w.scan_id = s.scan_id) = s.shard_count
        """;

    public IReadOnlyList<StoredScan> CompleteScans(string? repository = null)
    {
        using var transaction = BeginRead(_connection);
        // One row per repository a complete scan covered; a repository split between shards by scope is listed by each.
        var scans = new List<(string Id, string Repository, string? Commit, string? Branch, long Started, int Files)>();
        using (var command = Command(transaction,
            $"""
            SELECT s.scan_id, r.repository, MIN(r.commit_sha), MIN(r.branch), s.started_at, MAX(r.files_scanned)
            FROM scans s JOIN scan_repositories r ON r.scan_id = s.scan_id
            WHERE s.scan_id IN ({CompleteScansSql}) AND (@repository IS NULL OR r.repository = @repository)
            GROUP BY s.scan_id, r.repository, s.started_at
            ORDER BY s.started_at, s.scan_id, r.repository
            """, ("repository", repository)))
        using (var reader = command.ExecuteReader())
            while (reader.Read())
                scans.Add((reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetInt64(4), Int(reader.GetValue(5))));
        var findings = scans.ToDictionary(s => (s.Id, s.Repository), _ => new List<FindingRecord>());
        using (var command = Command(transaction,
            $"""
            SELECT f.scan_id, f.repository, f.fingerprint, f.fingerprint_version, f.rule_id, f.severity, f.file, f.line, f.logical_path, f.suppressed, f.column_number, f.message
            FROM findings f
            WHERE f.scan_id IN ({CompleteScansSql}) AND (@repository IS NULL OR f.repository = @repository)
            ORDER BY f.scan_id, f.repository, f.file, f.line, f.rule_id, f.fingerprint
            """, ("repository", repository)))
        using (var reader = command.ExecuteReader())
            while (reader.Read())
                if (findings.TryGetValue((reader.GetString(0), reader.GetString(1)), out var list))
                    list.Add(new FindingRecord(reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6),
                        Int(reader.GetValue(7)), reader.GetString(8), Int(reader.GetValue(9)) != 0, Int(reader.GetValue(10)), reader.GetString(11)));
        transaction.Commit();
        return scans.Select(s => new StoredScan(s.Id, s.Repository, s.Commit, s.Branch, DateTimeOffset.FromUnixTimeMilliseconds(s.Started), findings[(s.Id, s.Repository)], s.Files)).ToArray();
    }

    public ScanProgressRecord? Progress(string scanId)
    {
        using var transaction = BeginRead(_connection);
        var count = Scalar(transaction, "SELECT shard_count FROM scans WHERE scan_id = @scan", ("scan", scanId));
        var written = Scalar(transaction, "SELECT COUNT(*) FROM scan_shards WHERE scan_id = @scan", ("scan", scanId));
        transaction.Commit();
        return count is null || count is DBNull ? null : new ScanProgressRecord(scanId, Int(count), Int(written!));
    }

    private static int Int(object value) => Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);

    public int Prune(DateTimeOffset cutoff)
    {
        using var transaction = BeginWrite(_connection);
        long before = cutoff.ToUnixTimeMilliseconds();
        // Children first: the foreign keys' cascade is not on in every SQLite connection.
        Execute(transaction, "DELETE FROM findings WHERE scan_id IN (SELECT scan_id FROM scans WHERE started_at < @before)", ("before", before));
        Execute(transaction, "DELETE FROM scan_repositories WHERE scan_id IN (SELECT scan_id FROM scans WHERE started_at < @before)", ("before", before));
        Execute(transaction, "DELETE FROM scan_shards WHERE scan_id IN (SELECT scan_id FROM scans WHERE started_at < @before)", ("before", before));
        int scans = Execute(transaction, "DELETE FROM scans WHERE started_at < @before", ("before", before));
        transaction.Commit();
        return scans;
    }

    public StoreCounts Counts()
    {
        using var transaction = BeginRead(_connection);
        int Count(string sql) => Convert.ToInt32(Scalar(transaction, sql), System.Globalization.CultureInfo.InvariantCulture);
        var counts = new StoreCounts(
            Count("SELECT COUNT(*) FROM scans"),
            Count($"SELECT COUNT(*) FROM ({CompleteScansSql}) c"),
            Count("SELECT COUNT(*) FROM findings"));
        transaction.Commit();
        return counts;
    }

    public void Dispose() => _connection.Dispose();

    protected static int Execute(DbTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(transaction, sql, parameters);
        return command.ExecuteNonQuery();
    }

    protected static object? Scalar(DbTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(transaction, sql, parameters);
        return command.ExecuteScalar();
    }

    private static DbCommand Command(DbTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = value ?? DBNull.Value;
            // A null compared with IS NULL needs a type PostgreSQL can infer.
            if (value is null) parameter.DbType = DbType.String;
            command.Parameters.Add(parameter);
        }
        return command;
    }
}
