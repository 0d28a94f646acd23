using System.Text.Json;
using InfraLint.Cli.History;
using InfraLint.Cli.Tests.Support;
using InfraLint.Tests;

namespace InfraLint.Cli.Tests;

/// <summary>
/// The findings history against real databases: an SQLite file, and a PostgreSQL server (.ci/run starts one on a
/// Unix socket; <see cref="TestStore"/>). Every case runs on both, through the same <see cref="IHistoryStore"/>.
/// </summary>
public sealed class HistoryStoreTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgresql")]
    public void Opening_an_empty_store_from_several_processes_at_once_applies_each_migration_once(string kind)
    {
        using var test = TestStore.Create(kind);

        // Separate connections opening together, as shards of one Job starting at the same moment do.
        var versions = Enumerable.Range(0, 8).AsParallel().WithDegreeOfParallelism(8).Select(_ =>
        {
            using var store = test.Open();
            return store.SchemaVersion;
        }).ToArray();

        Assert.All(versions, v => Assert.Equal(SqlHistoryStore.Migrations.Count, v));
        using var connection = test.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*), MIN(version), MAX(version) FROM schema_version";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(SqlHistoryStore.Migrations.Count, Convert.ToInt32(reader.GetValue(0)));
        Assert.Equal(1, Convert.ToInt32(reader.GetValue(1)));
        Assert.Equal(SqlHistoryStore.Migrations.Count, Convert.ToInt32(reader.GetValue(2)));
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgresql")]
    public void Shards_written_concurrently_make_one_complete_scan_with_the_whole_scan_s_findings(string kind)
    {
        using var test = TestStore.Create(kind);
        const int shards = 5;
        var args = new[] { "scan", "examples", "--format", "json", "--fail-on", "none", "--rule-set", "all" };
        var whole = CliRunner.Run(Repo.Root, args);
        Assert.True(whole.ExitCode == 0, whole.ToString());

        // Each shard its own in-process run, connection and transaction, all at once.
        var runs = Enumerable.Range(0, shards).AsParallel().WithDegreeOfParallelism(shards)
            .Select(k => CliRunner.Run(Repo.Root, args.Concat(new[] { "--shard", $"{k}/{shards}", "--store", test.Spec, "--scan-id", "org-scan-1" }).ToArray()))
            .ToArray();

        Assert.All(runs, r => Assert.True(r.ExitCode == 0, r.ToString()));
        using var store = test.Open();
        var scan = Assert.Single(store.CompleteScans());
        Assert.Equal("org-scan-1", scan.ScanId);
        Assert.Equal(Fingerprints(whole.Out), scan.Findings.Select(f => f.Fingerprint).OrderBy(f => f, StringComparer.Ordinal));
        Assert.All(scan.Findings, f => Assert.Equal(Output.SarifOutput.FingerprintKey, f.FingerprintVersion));
        Assert.True(scan.Findings.Count >= 170, $"expected the examples' findings, got {scan.Findings.Count}");

        var history = CliRunner.Run(Repo.Root, "history", "--store", test.Spec, "--format", "json");
        Assert.True(history.ExitCode == 0, history.ToString());
        using var json = JsonDocument.Parse(history.Out);
        Assert.Equal(1, json.RootElement.GetProperty("completeScans").GetInt32());
        Assert.Equal(Fingerprints(whole.Out), json.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => f.GetProperty("fingerprint").GetString()!).OrderBy(f => f, StringComparer.Ordinal));
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgresql")]
    public void A_retried_shard_replaces_its_own_rows_and_leaves_the_other_shards_alone(string kind)
    {
        using var test = TestStore.Create(kind);
        using var store = test.Open();

        store.Record(Scan("s", Monday, shard: 0, of: 2), new[] { Finding("a"), Finding("b") });
        store.Record(Scan("s", Monday, shard: 1, of: 2), new[] { Finding("c") });
        // The retry of shard 0 saw "b" fixed meanwhile (or the first attempt wrote half and died).
        store.Record(Scan("s", Monday, shard: 0, of: 2), new[] { Finding("a") });
        store.Record(Scan("s", Monday, shard: 0, of: 2), new[] { Finding("a") });

        var scan = Assert.Single(store.CompleteScans());
        Assert.Equal(new[] { "a", "c" }, scan.Findings.Select(f => f.Fingerprint).OrderBy(f => f));
        Assert.Equal(new StoreCounts(1, 1, 2), store.Counts());
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgresql")]
    public void A_scan_with_a_shard_missing_is_not_counted_so_its_findings_never_read_as_fixed(string kind)
    {
        using var test = TestStore.Create(kind);
        using var store = test.Open();

        store.Record(Scan("monday", Monday, 0, 1), new[] { Finding("a"), Finding("b") });
        // Tuesday's shard 1, which holds "b", failed: only shard 0 wrote.
        store.Record(Scan("tuesday", Monday.AddDays(1), 0, 2), new[] { Finding("a") });

        var history = FindingHistory.Load(store);
        Assert.Equal(new[] { "monday" }, store.CompleteScans().Select(s => s.ScanId));
        Assert.Equal(1, history.CompleteScans);
        Assert.Equal(2, history.Open);
        Assert.Equal(0, history.Fixed);
        Assert.Equal(new StoreCounts(2, 1, 3), store.Counts());
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgresql")]
    public void First_seen_fixed_and_reopened_across_three_scans(string kind)
    {
        using var test = TestStore.Create(kind);
        using var store = test.Open();
        var first = Monday;
        var second = Monday.AddDays(3);
        var third = Monday.AddDays(9);

        store.Record(Scan("1", first, 0, 1), new[] { Finding("a"), Finding("b"), Finding("s", suppressed: true) });
        store.Record(Scan("2", second, 0, 1), new[] { Finding("b"), Finding("s", suppressed: true) });
        store.Record(Scan("3", third, 0, 1), new[] { Finding("a"), Finding("b"), Finding("c") });

        var history = FindingHistory.Load(store);
        var byFingerprint = history.Findings.ToDictionary(f => f.Fingerprint);
        Assert.Equal(new[] { "a", "b", "c" }, byFingerprint.Keys.OrderBy(k => k));
        var a = byFingerprint["a"];
        Assert.Equal(first, a.FirstSeen);
        Assert.Equal(third, a.LastSeen);
        Assert.True(a.Open);
        Assert.Equal(1, a.Reopened);
        Assert.Equal(new[] { new OpenInterval(first, second), new OpenInterval(third, null) }, a.Intervals);
        Assert.Equal((first, third, 0), (byFingerprint["b"].FirstSeen, byFingerprint["b"].LastSeen, byFingerprint["b"].Reopened));
        Assert.Equal((third, third), (byFingerprint["c"].FirstSeen, byFingerprint["c"].LastSeen));
        Assert.Equal(3, history.CompleteScans);
        Assert.Equal(3, history.Open);
        Assert.Equal(1, history.ReopenedFindings);
        Assert.Equal(second - first, history.MeanTimeToFix);
        // Weeks of 2 and 9 November: the last scan of the first week had "b" open (a fixed, s suppressed); the second, a, b and c.
        Assert.Equal(new[] { new WeeklyOpen(new DateOnly(2026, 11, 2), 1), new WeeklyOpen(new DateOnly(2026, 11, 9), 3) }, history.OpenPerWeek);
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgresql")]
    public void A_shard_that_disagrees_on_the_shard_count_is_refused(string kind)
    {
        using var test = TestStore.Create(kind);
        using var store = test.Open();
        store.Record(Scan("s", Monday, 0, 3), new[] { Finding("a") });

        var e = Assert.Throws<HistoryStoreException>(() => store.Record(Scan("s", Monday, 1, 2), new[] { Finding("b") }));

        Assert.Contains("3 shard(s), not 2", e.Message);
        Assert.Equal(new StoreCounts(1, 0, 1), store.Counts());
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgresql")]
    public void Pruning_deletes_scans_older_than_the_cutoff_with_their_findings(string kind)
    {
        using var test = TestStore.Create(kind);
        using var store = test.Open();
        store.Record(Scan("old", Monday.AddDays(-200), 0, 1), new[] { Finding("a") });
        store.Record(Scan("new", Monday, 0, 1), new[] { Finding("a"), Finding("b") });

        int pruned = store.Prune(Monday.AddDays(-180));

        Assert.Equal(1, pruned);
        Assert.Equal(new[] { "new" }, store.CompleteScans().Select(s => s.ScanId));
        Assert.Equal(new StoreCounts(1, 1, 2), store.Counts());
    }

    private static ScanRecord Scan(string id, DateTimeOffset at, int shard, int of) =>
        new(id, "github.com/acme/platform", "0123abc", "main", at, "0.1.0", "sha256:catalog", "sha256:settings", shard, of);

    private static FindingRecord Finding(string fingerprint, bool suppressed = false) =>
        new(fingerprint, "infralint/v1", "IL2006", "error", "k8s/serving.yaml", 12, $"Deployment/serving/{fingerprint}", suppressed);

    private static IEnumerable<string> Fingerprints(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => f.GetProperty("fingerprint").GetString()!).OrderBy(f => f, StringComparer.Ordinal).ToArray();
    }
}

/// <summary>The store's command line: what <c>--store</c> accepts and the prune floor.</summary>
public sealed class HistoryCommandLineTests
{
    [Theory]
    [InlineData("postgresql://postgres@%2Ftmp%2Fpg.x1/infralint", "/tmp/pg.x1", "postgres", "infralint")]
    [InlineData("postgresql:///infralint?host=/var/run/postgresql&user=ci", "/var/run/postgresql", "ci", "infralint")]
    [InlineData("postgres://scanner:s3cret@db.internal:6432/history?sslmode=require", "db.internal", "scanner", "history")]
    public void A_postgresql_url_names_a_unix_socket_or_a_host(string url, string host, string user, string database)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(StoreLocation.PostgresConnectionString(url));

        Assert.Equal((host, user, database), (builder.Host, builder.Username, builder.Database));
        Assert.DoesNotContain("s3cret", StoreLocation.Redacted(url));
    }

    [Fact]
    public void Sqlite_without_a_path_is_the_repository_s_history_file()
    {
        using var dir = new TempDir();
        var env = new CliEnvironment { Out = TextWriter.Null, Error = TextWriter.Null, WorkingDirectory = dir.Path };

        var location = StoreLocation.Parse("sqlite", env);

        Assert.Equal(Path.Combine(dir.Path, ".infralint", "history.db"), location.Target);
    }

    [Theory]
    [InlineData("scan", "examples/kubernetes/llm-serving.yaml", "--store", "mysql://db/x")]
    [InlineData("scan", "examples/kubernetes/llm-serving.yaml", "--store", "sqlite:")]
    [InlineData("scan", "examples/kubernetes/llm-serving.yaml", "--scan-id", "x")]
    [InlineData("scan", "examples/kubernetes/llm-serving.yaml", "--shard", "1/2", "--store", "sqlite:TEMP/h.db")]
    [InlineData("store", "prune", "--store", "sqlite:TEMP/h.db", "--keep", "30d")]
    [InlineData("store", "prune", "--store", "sqlite:TEMP/h.db", "--keep", "6m")]
    public void A_store_request_that_cannot_be_right_is_a_usage_error(params string[] args)
    {
        using var dir = new TempDir();

        var run = CliRunner.Run(Repo.Root, args.Select(a => a.Replace("TEMP", dir.Path)).ToArray());

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.False(File.Exists(Path.Combine(dir.Path, "h.db")), "nothing should be written before the request is checked");
    }

    [Fact]
    public void Pruning_under_the_floor_needs_to_be_asked_for()
    {
        using var dir = new TempDir();
        var spec = "sqlite:" + Path.Combine(dir.Path, "h.db");

        var run = CliRunner.Run(Repo.Root, "store", "prune", "--store", spec, "--keep", "30d", "--below-floor");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.StartsWith("pruned 0 scan(s)", run.Out);
    }
}
