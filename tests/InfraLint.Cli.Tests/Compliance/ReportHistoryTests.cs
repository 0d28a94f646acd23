using System.Text.Json.Nodes;
using InfraLint.Cli.History;
using InfraLint.Cli.Tests.Support;
using InfraLint.Tests;
using Json.Schema;

namespace InfraLint.Cli.Tests.Compliance;

/// <summary>
/// <c>report --store</c>: the history section (first seen, last seen, fixed, reopened, open per week, mean time to fix)
/// from complete scans only, in JSON (against docs/schemas/report.json), Markdown and HTML; and
/// <c>--wait-for-shards N --timeout</c>, which waits for a scan's shards and gives up with exit code 2.
/// </summary>
public sealed class ReportHistoryTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Monday: a and b. Tuesday: a (b fixed after 24 hours). Wednesday: one shard of two, without a (incomplete: must
    /// not read as a fix). Next Monday: a and b (b reopened).
    /// </summary>
    private static TestStore History()
    {
        var test = TestStore.Create("sqlite");
        using var store = test.Open();
        store.Record(Scan("monday", Monday, 0, 1), new[] { Finding("a"), Finding("b") });
        store.Record(Scan("tuesday", Monday.AddDays(1), 0, 1), new[] { Finding("a") });
        store.Record(Scan("wednesday", Monday.AddDays(2), 0, 2), Array.Empty<FindingRecord>());
        store.Record(Scan("next-monday", Monday.AddDays(7), 0, 1), new[] { Finding("a"), Finding("b") });
        return test;
    }

    [Fact]
    public void The_json_report_from_a_store_has_the_history_of_complete_scans_and_follows_its_schema()
    {
        using var test = History();

        var report = Json("--store", test.Spec, "--format", "json");

        // The evidence is the latest complete scan's findings, under the repository it recorded.
        var repository = Assert.Single(report["repositories"]!.AsArray())!;
        Assert.Equal(("github.com/acme/platform", "store", "scan next-monday"), ((string)repository["name"]!, (string)repository["source"]!, (string)repository["location"]!));
        Assert.Equal(2, (int)report["totals"]!["findings"]!);
        var finding = report["findings"]![0]!;
        Assert.Equal(("IL2006", "k8s/serving.yaml", 12, 15, "Deployment/serving/a", "message of a"), ((string)finding["ruleId"]!, (string)finding["file"]!, (int)finding["line"]!, (int)finding["column"]!, (string)finding["resource"]!, (string)finding["message"]!));

        var history = report["history"]!;
        Assert.Equal("next-monday", (string?)history["scanId"]);
        Assert.Equal((3, 2, 0, 1, 24.0), ((int)history["completeScans"]!, (int)history["open"]!, (int)history["fixed"]!, (int)history["reopened"]!, (double)history["meanTimeToFixHours"]!));
        Assert.Equal(new[] { ("2026-11-02", 1), ("2026-11-09", 2) }, history["openPerWeek"]!.AsArray().Select(w => ((string)w!["week"]!, (int)w["open"]!)));
        var b = history["findings"]!.AsArray().Single(f => (string)f!["logicalPath"]! == "Deployment/serving/b")!;
        Assert.Equal(("2026-11-02T09:00:00Z", "2026-11-09T09:00:00Z", "open", 1), ((string)b["firstSeen"]!, (string)b["lastSeen"]!, (string)b["status"]!, (int)b["reopened"]!));
        Assert.Null((string?)b["fixedAt"]);

        var schema = ReportSchemaTests.Schema.Value;
        using var document = System.Text.Json.JsonDocument.Parse(report.ToJsonString());
        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? new List<EvaluationResults>()).Where(d => d.Errors is { Count: > 0 }).Take(20)
            .Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}")));
    }

    [Fact]
    public void A_report_without_a_store_has_no_history_field()
    {
        var report = ComplianceReportTests.Json(Repo.Root, "examples/kubernetes");

        Assert.False(report.ContainsKey("history"));
    }

    [Fact]
    public void Markdown_and_html_show_the_history()
    {
        using var test = History();

        var md = CliRunner.Run(Repo.Root, "report", "--store", test.Spec, "--format", "md");
        var html = CliRunner.Run(Repo.Root, "report", "--store", test.Spec, "--format", "html");

        Assert.True(md.ExitCode == 0, md.ToString());
        Assert.Contains("## History", md.Out);
        Assert.Contains("From 3 complete scans in sqlite:", md.Out);
        Assert.Contains(": 2 open, 0 fixed, 1 reopened; mean time to fix 1 d 0 h.", md.Out);
        Assert.Contains("| 2026-11-09 | 2 |", md.Out);
        Assert.Contains("| 1 | IL2006 | github.com/acme/platform | `k8s/serving.yaml` | 2026-11-02T09:00:00Z | 2026-11-09T09:00:00Z | open |", md.Out);
        Assert.True(html.ExitCode == 0, html.ToString());
        Assert.Contains("<section id=\"history\"><h2>History</h2>", html.Out);
        Assert.Contains("<span data-history=\"reopened\">1</span> reopened", html.Out);
    }

    [Fact]
    public void Waiting_for_the_shards_of_an_incomplete_scan_times_out_with_exit_code_2()
    {
        using var test = History();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var run = CliRunner.Run(Repo.Root, "report", "--store", test.Spec, "--scan-id", "wednesday", "--wait-for-shards", "2", "--timeout", "3s", "--format", "json");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("timed out after 00:00:03 waiting for scan wednesday: 1 of 2 shards written", run.Error);
        Assert.Equal(string.Empty, run.Out);
        Assert.InRange(clock.Elapsed.TotalSeconds, 3, 30);
    }

    [Fact]
    public async Task Waiting_ends_when_the_last_shard_writes()
    {
        using var test = History();
        var report = Task.Run(() => CliRunner.Run(Repo.Root, "report", "--store", test.Spec, "--scan-id", "wednesday", "--wait-for-shards", "2", "--timeout", "2m", "--format", "json"));
        await Task.Delay(3000);
        Assert.False(report.IsCompleted, "the report should still be waiting for shard 1");

        using (var store = test.Open()) store.Record(Scan("wednesday", Monday.AddDays(2), 1, 2), new[] { Finding("b") });
        var run = await report;

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("waiting for scan wednesday: 1 of 2 shards written", run.Error);
        var json = (JsonObject)JsonNode.Parse(run.Out)!;
        // Wednesday is now complete without a: a reads as fixed there, and comes back next Monday.
        Assert.Equal("wednesday", (string?)json["history"]!["scanId"]);
        Assert.Equal("Deployment/serving/b", (string)json["findings"]![0]!["resource"]!);
        Assert.Equal(2, (int)json["history"]!["reopened"]!);
    }

    [Fact]
    public void Waiting_for_another_shard_count_than_the_scan_was_recorded_with_is_a_usage_error()
    {
        using var test = History();

        var run = CliRunner.Run(Repo.Root, "report", "--store", test.Spec, "--scan-id", "wednesday", "--wait-for-shards", "3", "--format", "json");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("scan wednesday was recorded with 2 shard(s), not the 3 --wait-for-shards names", run.Error);
    }

    [Fact]
    public void Reporting_an_incomplete_scan_without_waiting_is_a_usage_error()
    {
        using var test = History();

        var run = CliRunner.Run(Repo.Root, "report", "--store", test.Spec, "--scan-id", "wednesday", "--format", "json");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("scan wednesday is not complete in sqlite:", run.Error);
        Assert.Contains("1 of 2 shards written (--wait-for-shards N waits for it)", run.Error);
    }

    [Theory]
    [InlineData("90s", 90)]
    [InlineData("10m", 600)]
    [InlineData("2h", 7200)]
    public void A_timeout_is_seconds_minutes_or_hours(string text, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), Commands.ReportCommand.ParseTimeout(text));

    [Theory]
    [InlineData("10")]
    [InlineData("1d")]
    [InlineData("-1m")]
    [InlineData("m")]
    public void A_timeout_without_a_unit_is_refused(string text) =>
        Assert.Contains("--timeout", Assert.Throws<UsageException>(() => Commands.ReportCommand.ParseTimeout(text)).Message);

    private static JsonObject Json(params string[] args)
    {
        var run = CliRunner.Run(Repo.Root, new[] { "report" }.Concat(args).ToArray());
        Assert.True(run.ExitCode == 0, run.ToString());
        return (JsonObject)JsonNode.Parse(run.Out)!;
    }

    private static ScanRecord Scan(string id, DateTimeOffset at, int shard, int of) =>
        new(id, "github.com/acme/platform", "0123abc", "main", at, "0.1.0", "sha256:catalog", "sha256:settings", shard, of);

    private static FindingRecord Finding(string name) =>
        new($"{name}:1", "infralint/v2", "IL2006", "error", "k8s/serving.yaml", 12, $"Deployment/serving/{name}", false, 15, $"message of {name}");
}
