using System.Data;
using System.Data.Common;
using Npgsql;

namespace InfraLint.Cli.History;

/// <summary>
/// The shared store (<c>--store postgresql://…</c>) for many CI jobs and shards writing to one place. Migrations run
/// under a transaction-scoped advisory lock, so processes that open at once apply each migration exactly once; a
/// shard's write takes an advisory lock of its own (scan, shard), so a retried shard racing its first attempt replaces
/// it rather than colliding with it.
/// </summary>
internal sealed class PostgresHistoryStore : SqlHistoryStore
{
    /// <summary>The advisory lock key of the schema's migrations: "InfraLnt" in ASCII, unlikely to be another application's.</summary>
    private const long MigrationLock = 0x496E6672614C6E74;

    private PostgresHistoryStore(NpgsqlConnection connection)
        : base(connection)
    {
    }

    public static PostgresHistoryStore Open(string connectionString)
    {
        return Opened(new PostgresHistoryStore(new NpgsqlConnection(connectionString)));
    }

    protected override DbTransaction BeginWrite(DbConnection connection) => ((NpgsqlConnection)connection).BeginTransaction(IsolationLevel.ReadCommitted);

    protected override void LockSchema(DbTransaction transaction) =>
        Execute(transaction, "SELECT pg_advisory_xact_lock(@key)", ("key", MigrationLock));

    protected override void LockShard(DbTransaction transaction, string scanId, int shardIndex) =>
        Execute(transaction, "SELECT pg_advisory_xact_lock(@scan, @shard)", ("scan", (int)Core.Scanning.ScanShard.StableHash(scanId)), ("shard", shardIndex));
}
