using Npgsql;

namespace InfraLint.Cli.History;

/// <summary>
/// What <c>--store</c> names: <c>sqlite</c> (the embedded default, <c>.infralint/history.db</c> under the working
/// directory), <c>sqlite:PATH</c>, or a libpq URL <c>postgresql://[user[:password]@][host][:port][/database][?key=value…]</c>,
/// whose host may be a Unix-socket directory, percent-encoded (<c>postgresql://postgres@%2Fvar%2Frun%2Fpostgresql/infralint</c>)
/// or given as <c>?host=/var/run/postgresql</c>.
/// </summary>
internal sealed record StoreLocation(string Kind, string Target, string Shown)
{
    public const string DefaultSqlitePath = ".infralint/history.db";

    /// <exception cref="UsageException">The text names no store this version knows.</exception>
    public static StoreLocation Parse(string text, CliEnvironment env)
    {
        if (text == "sqlite") return Sqlite(env.FullPath(DefaultSqlitePath), DefaultSqlitePath);
        if (text.StartsWith("sqlite:", StringComparison.Ordinal))
        {
            var path = text.Substring("sqlite:".Length);
            if (path.Length == 0) throw new UsageException("--store sqlite: needs a path (or use --store sqlite for .infralint/history.db)");
            return Sqlite(env.FullPath(path), path);
        }
        if (text.StartsWith("postgresql://", StringComparison.Ordinal) || text.StartsWith("postgres://", StringComparison.Ordinal))
            return new StoreLocation("postgresql", PostgresConnectionString(text), Redacted(text));
        throw new UsageException($"--store takes sqlite, sqlite:PATH or postgresql://…, not '{Redacted(text)}'");
    }

    public IHistoryStore Open()
    {
        try
        {
            return Kind == "sqlite" ? SqliteHistoryStore.Open(Target) : PostgresHistoryStore.Open(Target);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            throw new HistoryStoreException($"cannot open the store {Shown}: {e.Message}", e);
        }
    }

    private static StoreLocation Sqlite(string fullPath, string shown) => new("sqlite", fullPath, "sqlite:" + shown);

    /// <summary>The libpq URL as an Npgsql connection string.</summary>
    internal static string PostgresConnectionString(string url)
    {
        var rest = url.Substring(url.IndexOf("://", StringComparison.Ordinal) + 3);
        string? query = null;
        int q = rest.IndexOf('?');
        if (q >= 0)
        {
            query = rest.Substring(q + 1);
            rest = rest.Substring(0, q);
        }
        int slash = rest.IndexOf('/');
        var authority = slash >= 0 ? rest.Substring(0, slash) : rest;
        var database = slash >= 0 ? Uri.UnescapeDataString(rest.Substring(slash + 1)) : "";
        var builder = new NpgsqlConnectionStringBuilder();
        int at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            var user = authority.Substring(0, at);
            authority = authority.Substring(at + 1);
            int colon = user.IndexOf(':');
            builder.Username = Uri.UnescapeDataString(colon >= 0 ? user.Substring(0, colon) : user);
            if (colon >= 0) builder.Password = Uri.UnescapeDataString(user.Substring(colon + 1));
        }
        if (authority.Length > 0)
        {
            // [v6]:port, host:port, or a percent-encoded socket directory (which holds no colon).
            int portColon = authority.StartsWith('[') ? authority.IndexOf("]:", StringComparison.Ordinal) + 1 : authority.LastIndexOf(':');
            var host = portColon > 0 ? authority.Substring(0, portColon) : authority;
            if (portColon > 0) builder.Port = Port(authority.Substring(portColon + 1), url);
            builder.Host = Uri.UnescapeDataString(host.Trim('[', ']'));
        }
        if (database.Length > 0) builder.Database = database;
        foreach (var pair in (query ?? "").Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = pair.IndexOf('=');
            var key = Uri.UnescapeDataString(eq >= 0 ? pair.Substring(0, eq) : pair);
            var value = eq >= 0 ? Uri.UnescapeDataString(pair.Substring(eq + 1)) : "";
            switch (key)
            {
                case "host": builder.Host = value; break;
                case "port": builder.Port = Port(value, url); break;
                case "user": builder.Username = value; break;
                case "password": builder.Password = value; break;
                case "dbname": builder.Database = value; break;
                case "application_name": builder.ApplicationName = value; break;
                case "connect_timeout": builder.Timeout = Port(value, url); break;
                case "sslmode":
                    builder.SslMode = value switch
                    {
                        "disable" => SslMode.Disable,
                        "allow" => SslMode.Allow,
                        "prefer" => SslMode.Prefer,
                        "require" => SslMode.Require,
                        "verify-ca" => SslMode.VerifyCA,
                        "verify-full" => SslMode.VerifyFull,
                        _ => throw new UsageException($"--store: unknown sslmode '{value}'"),
                    };
                    break;
                default:
                    throw new UsageException($"--store: unknown PostgreSQL URL parameter '{key}' (known: host, port, user, password, dbname, sslmode, application_name, connect_timeout)");
            }
        }
        if (string.IsNullOrEmpty(builder.Host)) builder.Host = "localhost";
        builder.ApplicationName ??= "infralint";
        return builder.ConnectionString;
    }

    private static int Port(string text, string url) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int port) && port > 0
            ? port
            : throw new UsageException($"--store: '{text}' is not a number in {Redacted(url)}");

    /// <summary>The store as messages may show it: a password in the URL is replaced.</summary>
    internal static string Redacted(string text) =>
        System.Text.RegularExpressions.Regex.Replace(
            System.Text.RegularExpressions.Regex.Replace(text, @"(://[^:/@?]*:)[^@/?]*@", "$1***@"),
            @"([?&]password=)[^&]*", "$1***");
}
