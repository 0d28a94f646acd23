using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace InfraLint.Cli.History;

/// <summary>
/// The embedded store (<c>--store sqlite:PATH</c>, by default <c>.infralint/history.db</c>): one file, WAL mode so
/// readers never wait for a writer, and every write a <c>BEGIN IMMEDIATE</c> transaction, which takes SQLite's one
/// write lock up front (a deferred transaction that reads and then writes can fail with SQLITE_BUSY instead of waiting).
/// </summary>
internal sealed class SqliteHistoryStore : SqlHistoryStore
{
    private SqliteHistoryStore(SqliteConnection connection)
        : base(connection)
    {
    }

    public static SqliteHistoryStore Open(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            // How long a statement waits for another process's write lock before it gives up (the busy timeout).
            DefaultTimeout = 60,
        }.ToString());
        return Opened(new SqliteHistoryStore(connection));
    }

    protected override void Prepare(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";
        command.ExecuteNonQuery();
    }

    protected override DbTransaction BeginWrite(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: false);

    protected override DbTransaction BeginRead(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: true);
}
