using System.Text.Json;
using InfraLint.Cli.Tests.Support;
using InfraLint.Core.Facts;
using InfraLint.Core.Locations;
using InfraLint.Core.Scanning;
using InfraLint.Tests;

namespace InfraLint.Cli.Tests;

/// <summary>
/// <c>scan --shard K/N</c>: the N shards' JSON findings together are exactly the unsharded scan's (a multiset: nothing
/// lost, nothing twice), and so is what each rule evaluated, which a report of controls that hold reads. Scopes keep
/// cross-file joins whole, so the comparison also checks that joins across files were there to lose.
/// </summary>
public sealed class ShardedScanTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void The_shards_of_the_examples_report_exactly_the_whole_scan(int shards) =>
        AssertShardsMakeTheWhole(Repo.Root, "examples", shards, minFindings: 170);

    [SkippableTheory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void The_shards_of_the_shared_corpus_report_exactly_the_whole_scan(int shards) =>
        AssertShardsMakeTheWhole(Repo.Root, Path.GetRelativePath(Repo.Root, Repo.RequireSharedCorpus()), shards, minFindings: 1600);

    [Fact]
    public void The_merged_SARIF_of_three_shards_of_the_examples_is_the_unsharded_SARIF() =>
        AssertMergedShardsMakeTheWhole(Repo.Root, "examples", shards: 3, minResults: 170, suppressed: false);

    [SkippableFact]
    public void The_merged_SARIF_of_three_shards_of_the_shared_corpus_is_the_unsharded_SARIF() =>
        AssertMergedShardsMakeTheWhole(Repo.Root, Path.GetRelativePath(Repo.Root, Repo.RequireSharedCorpus()), shards: 3, minResults: 1600, suppressed: false);

    /// <summary>Neither the examples nor the corpus suppress anything; this tree does, with and without a reason.</summary>
    [Fact]
    public void The_merged_SARIF_of_three_shards_of_a_repository_with_suppressions_is_the_unsharded_SARIF()
    {
        using var dir = new TempDir();
        PartitionTree.WriteTo(dir.Path);

        AssertMergedShardsMakeTheWhole(dir.Path, ".", shards: 3, minResults: 580, suppressed: true);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(7)]
    public void The_shards_of_a_repository_whose_joins_cross_directories_and_namespaces_report_exactly_the_whole_scan(int shards)
    {
        using var dir = new TempDir();
        PartitionTree.WriteTo(dir.Path);

        AssertShardsMakeTheWhole(dir.Path, ".", shards, minFindings: 580);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void The_shards_evaluate_exactly_what_the_whole_scan_evaluates(int shards)
    {
        var settings = LintSettings.Default with { RuleSet = RuleSelection.All };
        Scanner Scanner(ScanShard? shard) => new(LintHost.EngineFor(settings), LintHost.Adapters, settings, options: new ScanOptions { MaxParallelism = 2, Shard = shard });
        var sources = PartitionTree.Generate().Select(f => new SourceText(f.Path, f.Text)).Where(s => Scanner(null).Accepts(s.Path)).ToArray();

        var whole = Scanner(null).ScanTexts(sources);
        var parts = Enumerable.Range(0, shards).Select(k => Scanner(new ScanShard(k, shards)).ScanTexts(sources)).ToArray();

        static IEnumerable<string> Evaluations(ScanResult r) => r.Evaluations.Select(e => $"{e.RuleId} {e.Location} {e.LogicalPath} {e.ResourceId}");
        static IEnumerable<string> Findings(ScanResult r) => r.Findings.Select(f => $"{f.RuleId} {f.Location} {f.LogicalPath} {f.Subject?.Id} {f.Message}");
        Assert.Equal(Sorted(Evaluations(whole)), Sorted(parts.SelectMany(Evaluations)));
        Assert.Equal(Sorted(Findings(whole)), Sorted(parts.SelectMany(Findings)));
        Assert.True(whole.Evaluations.Count >= 140, $"expected at least 140 evaluations to compare, got {whole.Evaluations.Count}");
        Assert.True(parts.Count(p => p.Evaluations.Count > 0) >= 2, "the evaluations should be split between shards, not all in one");
    }

    [Theory]
    [InlineData("2/2")]
    [InlineData("-1/2")]
    [InlineData("0/0")]
    [InlineData("1")]
    [InlineData("a/b")]
    [InlineData("1/2/3")]
    [InlineData(" 1/2")]
    public void A_shard_that_is_not_K_of_N_is_a_usage_error(string shard)
    {
        var run = CliRunner.Run(Repo.Root, "scan", "examples/kubernetes/llm-serving.yaml", "--shard", shard);

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains("--shard", run.Error);
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public void The_shard_of_a_scope_does_not_depend_on_the_process()
    {
        // FNV-1a of "serving": fixed by the algorithm, so shards of one scan agree across machines and runtimes.
        Assert.Equal(0x78FBEA67u, ScanShard.StableHash("serving"));
    }

    private static void AssertShardsMakeTheWhole(string workingDirectory, string path, int shards, int minFindings)
    {
        var args = new[] { "scan", path, "--format", "json", "--fail-on", "none", "--rule-set", "all" };
        var whole = CliRunner.Run(workingDirectory, args);
        Assert.True(whole.ExitCode == 0, whole.ToString());
        var wholeFindings = Findings(whole.Out);

        var union = new List<string>();
        for (int k = 0; k < shards; k++)
        {
            var part = CliRunner.Run(workingDirectory, args.Concat(new[] { "--shard", $"{k}/{shards}" }).ToArray());
            Assert.True(part.ExitCode == 0, part.ToString());
            union.AddRange(Findings(part.Out));
        }

        Assert.Equal(Sorted(wholeFindings), Sorted(union));
        Assert.True(wholeFindings.Count >= minFindings, $"expected at least {minFindings} findings to compare, got {wholeFindings.Count}");
        int crossFile = wholeFindings.Count(f => CrossesFiles(f));
        Assert.True(crossFile > 0, "expected findings that join resources of different files, so a lost join would show");
    }

    /// <summary>
    /// <c>infralint merge</c> of the shards' SARIF against the unsharded SARIF: every result as written (rule and its
    /// index, message, locations, fingerprints, suppressions, fixes, properties) the same number of times, the same
    /// rules, taxonomies and artifacts, and one run for the one category.
    /// </summary>
    private static void AssertMergedShardsMakeTheWhole(string workingDirectory, string path, int shards, int minResults, bool suppressed)
    {
        using var dir = new TempDir();
        string Scan(string name, params string[] extra)
        {
            var sarif = Path.Combine(dir.Path, name);
            var run = CliRunner.Run(workingDirectory, new[] { "scan", path, "--format", "sarif", "-o", sarif, "--fail-on", "none", "--rule-set", "all", "--category", "iac" }.Concat(extra).ToArray());
            Assert.True(run.ExitCode == 0, run.ToString());
            return sarif;
        }
        var whole = Scan("whole.sarif");
        var parts = Enumerable.Range(0, shards).Select(k => Scan($"shard{k}.sarif", "--shard", $"{k}/{shards}")).ToArray();
        var mergedPath = Path.Combine(dir.Path, "merged.sarif");

        var merge = CliRunner.Run(dir.Path, new[] { "merge" }.Concat(parts).Concat(new[] { "-o", mergedPath }).ToArray());

        Assert.True(merge.ExitCode == 0, merge.ToString());
        Assert.Equal(string.Empty, merge.Error);
        using var wholeLog = JsonDocument.Parse(File.ReadAllText(whole));
        using var mergedLog = JsonDocument.Parse(File.ReadAllText(mergedPath));
        var wholeRun = Assert.Single(wholeLog.RootElement.GetProperty("runs").EnumerateArray());
        var mergedRun = Assert.Single(mergedLog.RootElement.GetProperty("runs").EnumerateArray());
        static List<string> Results(JsonElement run) => Sorted(run.GetProperty("results").EnumerateArray().Select(r => r.GetRawText()));
        var wholeResults = Results(wholeRun);
        Assert.Equal(wholeResults, Results(mergedRun));
        Assert.True(wholeResults.Count >= minResults, $"expected at least {minResults} results to compare, got {wholeResults.Count}");
        Assert.True(parts.Count(p => Results(Single(p)).Count > 0) >= 2, "the results should be split between shards, not all in one");
        Assert.All(wholeResults, r => Assert.Contains("\"partialFingerprints\"", r, StringComparison.Ordinal));
        if (suppressed)
            Assert.True(wholeResults.Count(r => r.Contains("\"suppressions\"", StringComparison.Ordinal)) >= 2, "expected suppressed results, so a lost suppression would show");
        Assert.Equal(wholeRun.GetProperty("tool").GetProperty("driver").GetProperty("rules").GetRawText(), mergedRun.GetProperty("tool").GetProperty("driver").GetProperty("rules").GetRawText());
        Assert.Equal(wholeRun.GetProperty("taxonomies").GetRawText(), mergedRun.GetProperty("taxonomies").GetRawText());
        static List<string> Artifacts(JsonElement run) => Sorted(run.GetProperty("artifacts").EnumerateArray().Select(a => a.GetRawText()));
        Assert.Equal(Artifacts(wholeRun), Artifacts(mergedRun));
        Assert.Equal(wholeRun.GetProperty("automationDetails").GetRawText(), mergedRun.GetProperty("automationDetails").GetRawText());
        Assert.Equal(wholeRun.GetProperty("originalUriBaseIds").GetRawText(), mergedRun.GetProperty("originalUriBaseIds").GetRawText());
    }

    private static JsonElement Single(string sarifPath) =>
        JsonDocument.Parse(File.ReadAllText(sarifPath)).RootElement.GetProperty("runs")[0].Clone();

    /// <summary>A finding whose related locations name another file: a join across files.</summary>
    private static bool CrossesFiles(string finding)
    {
        using var document = JsonDocument.Parse(finding);
        var file = document.RootElement.GetProperty("file").GetString();
        return document.RootElement.GetProperty("relatedLocations").EnumerateArray()
            .Any(r => r.GetProperty("location").GetProperty("file").GetString() != file);
    }

    private static List<string> Findings(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetRawText()).ToList();
    }

    private static List<string> Sorted(IEnumerable<string> items) => items.OrderBy(s => s, StringComparer.Ordinal).ToList();
}
