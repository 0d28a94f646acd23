using InfraLint.Cli.History;
using InfraLint.Tests;
using Npgsql;

namespace InfraLint.Cli.Tests.Support;

/// <summary>
/// A history store of its own for one test: an SQLite file in a temporary folder, or a fresh database on the
/// PostgreSQL server named by <see cref="PostgresVariable"/> (.ci/run starts one with .ci/postgres.sh), dropped afterwards.
/// Without that server the PostgreSQL cases are skipped on a developer machine and fail under CI=true.
/// </summary>
public sealed class TestStore : IDisposable
{
    public const string PostgresVariable = "INFRALINT_TEST_POSTGRES";

    private readonly TempDir? _dir;
    private readonly string? _adminUrl;
    private readonly string? _database;

    private TestStore(string spec, TempDir? dir, string? adminUrl, string? database)
    {
        Spec = spec;
        _dir = dir;
        _adminUrl = adminUrl;
        _database = database;
    }

    /// <summary>What <c>--store</c> is given.</summary>
    public string Spec { get; }

    public string Kind => _database is null ? "sqlite" : "postgresql";

    internal StoreLocation Location => StoreLocation.Parse(Spec, new CliEnvironment { Out = TextWriter.Null, Error = TextWriter.Null, WorkingDirectory = _dir?.Path ?? Path.GetTempPath() });

    internal IHistoryStore Open() => Location.Open();

    /// <summary>A raw connection to the store's database, for what the store's API does not show (its schema table).</summary>
    public System.Data.Common.DbConnection Connect()
    {
        System.Data.Common.DbConnection connection = _database is null
            ? new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Location.Target};Pooling=False")
            : new NpgsqlConnection(Location.Target);
        connection.Open();
        return connection;
    }

    public static TestStore Create(string kind)
    {
        if (kind == "sqlite")
        {
            var dir = new TempDir();
            return new TestStore("sqlite:" + Path.Combine(dir.Path, "history.db"), dir, null, null);
        }
        var url = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrEmpty(url))
        {
            Assert.False(Repo.IsCi, $"CI must provide a PostgreSQL server in {PostgresVariable}; .ci/run starts one with .ci/postgres.sh.");
            throw new SkipException($"No PostgreSQL server: set {PostgresVariable} to a postgresql:// URL (.ci/postgres.sh start DIR prints one).");
        }
        var database = "infralint_test_" + Guid.NewGuid().ToString("N");
        using (var admin = new NpgsqlConnection(StoreLocation.PostgresConnectionString(url)))
        {
            admin.Open();
            using var create = admin.CreateCommand();
            create.CommandText = $"CREATE DATABASE {database}";
            create.ExecuteNonQuery();
        }
        return new TestStore(WithDatabase(url, database), null, url, database);
    }

    /// <summary>The same server and credentials, another database.</summary>
    private static string WithDatabase(string url, string database)
    {
        int query = url.IndexOf('?');
        var head = query >= 0 ? url.Substring(0, query) : url;
        var tail = query >= 0 ? url.Substring(query) : "";
        int slash = head.IndexOf('/', head.IndexOf("://", StringComparison.Ordinal) + 3);
        return (slash >= 0 ? head.Substring(0, slash) : head) + "/" + database + tail;
    }

    public void Dispose()
    {
        _dir?.Dispose();
        if (_database is null) return;
        NpgsqlConnection.ClearAllPools();
        using var admin = new NpgsqlConnection(StoreLocation.PostgresConnectionString(_adminUrl!));
        admin.Open();
        using var drop = admin.CreateCommand();
        drop.CommandText = $"DROP DATABASE IF EXISTS {_database} WITH (FORCE)";
        drop.ExecuteNonQuery();
    }
}
