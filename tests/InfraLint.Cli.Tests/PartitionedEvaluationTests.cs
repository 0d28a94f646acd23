using System.Text.Json;
using System.Text.RegularExpressions;
using InfraLint.Cli.Tests.Support;
using InfraLint.Core.Facts;
using InfraLint.Core.Locations;
using InfraLint.Core.Scanning;
using InfraLint.Tests;

namespace InfraLint.Cli.Tests;

/// <summary>
/// Partitioned evaluation (one rule session per scope) must change no finding: the full JSON report of a partitioned
/// scan is byte for byte the report of the same scan in one session (<c>INFRALINT_SCOPES=single</c>), on the examples,
/// on the shared corpus and on a generated repository whose joins cross directories and namespaces. Each comparison
/// also checks that it compared something: enough findings, and a partitioned run that really split the scan. A
/// streaming scan (<c>INFRALINT_STREAM_ABOVE=0</c>: every file read once for the partition and again for its scopes'
/// sessions) must give that same report too.
/// </summary>
public sealed partial class PartitionedEvaluationTests
{
    private static readonly IReadOnlyDictionary<string, string> SingleSession = new Dictionary<string, string> { ["INFRALINT_SCOPES"] = "single" };
    private static readonly IReadOnlyDictionary<string, string> Partitioned = new Dictionary<string, string>();
    private static readonly IReadOnlyDictionary<string, string> Streaming = new Dictionary<string, string> { ["INFRALINT_STREAM_ABOVE"] = "0" };

    [Theory]
    [InlineData(true, 170, 15)]
    [InlineData(false, 135, 15)]
    public void The_examples_report_the_same_partitioned_as_in_one_session(bool all, int minFindings, int minScopes) =>
        AssertSameReport(Repo.Root, "examples", all, minFindings, minScopes);

    [SkippableTheory]
    [InlineData(true, 1600, 60)]
    [InlineData(false, 1000, 60)]
    public void The_shared_corpus_reports_the_same_partitioned_as_in_one_session(bool all, int minFindings, int minScopes) =>
        AssertSameReport(Repo.Root, Path.GetRelativePath(Repo.Root, Repo.RequireSharedCorpus()), all, minFindings, minScopes);

    [Theory]
    [InlineData(true, 580, 20)]
    [InlineData(false, 490, 20)]
    public void A_repository_whose_joins_cross_directories_and_namespaces_reports_the_same_partitioned_as_in_one_session(bool all, int minFindings, int minScopes)
    {
        using var dir = new TempDir();
        PartitionTree.WriteTo(dir.Path);

        AssertSameReport(dir.Path, ".", all, minFindings, minScopes);
    }

    /// <summary>
    /// What each rule evaluated (the ground of "this control holds") is not in the JSON report, so it is compared here,
    /// through the scanner itself, with the findings, on the generated repository.
    /// </summary>
    [Fact]
    public void The_generated_repository_evaluates_the_same_partitioned_as_in_one_session()
    {
        var settings = LintSettings.Default with { RuleSet = RuleSelection.All };
        Scanner Scanner(bool partitioned) => new(LintHost.EngineFor(settings), LintHost.Adapters, settings, options: new ScanOptions { Partitioned = partitioned, MaxParallelism = 2 });
        var sources = PartitionTree.Generate().Select(f => new SourceText(f.Path, f.Text)).Where(s => Scanner(true).Accepts(s.Path)).ToArray();

        var single = Scanner(partitioned: false).ScanTexts(sources);
        var partitioned = Scanner(partitioned: true).ScanTexts(sources);
        var text = sources.ToDictionary(s => s.Path, StringComparer.Ordinal);
        var streamed = new Scanner(LintHost.EngineFor(settings), LintHost.Adapters, settings, options: new ScanOptions { MaxParallelism = 2, StreamAbove = 0 })
            .Scan(sources.Select(s => new ScanInput(s.Path, s.Path)).ToArray(), input => text[input.FullPath]);
        // As the CLI streams: what the findings say kept in a temporary file until it is read.
        using var bodies = new InfraLint.Cli.Files.TempFileFindingBodies();
        var kept = new Scanner(LintHost.EngineFor(settings), LintHost.Adapters, settings, options: new ScanOptions { MaxParallelism = 2, StreamAbove = 0, FindingBodies = bodies })
            .Scan(sources.Select(s => new ScanInput(s.Path, s.Path)).ToArray(), input => text[input.FullPath]);

        static string[] Evaluations(ScanResult r) => r.Evaluations.Select(e => $"{e.RuleId} {e.Location} {e.LogicalPath} {e.ResourceId}").ToArray();
        static string[] Findings(ScanResult r) => r.Findings.Select(f => $"{f.RuleId} {f.Location} {f.LogicalPath} {f.SubjectId} {f.Message} {f.Suppression?.Justification}").ToArray();
        Assert.Equal(Evaluations(single), Evaluations(partitioned));
        Assert.Equal(Findings(single), Findings(partitioned));
        Assert.Equal(Evaluations(single), Evaluations(streamed));
        Assert.Equal(Findings(single), Findings(streamed));
        static string[] Bodies(ScanResult r) => r.Findings.Select(f =>
            $"{f.RuleId} {f.Location} {f.Message} {f.LogicalPath} {string.Join(",", f.Related.Select(x => $"{x.Span} {x.Message}"))} "
            + $"{string.Join(",", f.Fixes.Select(x => $"{x.Description} {string.Join(";", x.Edits.Select(e => $"{e.Span.StartOffset} {e.Span.Length} {e.NewText}"))}"))} "
            + string.Join(",", f.Properties.Select(p => $"{p.Key}={p.Value}"))).ToArray();
        Assert.Equal(Bodies(streamed), Bodies(kept));
        Assert.Contains(kept.Findings, f => f.Fixes.Count > 0);
        Assert.Matches(@"^read and adapt \([1-9]\d* files to read again\)$", streamed.Phases[0].Name);
        Assert.True(single.Evaluations.Count >= 140, $"expected at least 140 evaluations to compare, got {single.Evaluations.Count}");
        Assert.True(single.Findings.Count >= 550, $"expected at least 550 findings to compare, got {single.Findings.Count}");
    }

    [Theory]
    [InlineData("lots")]
    [InlineData("-1")]
    [InlineData("1e3")]
    public void A_streaming_threshold_that_is_not_a_number_of_files_is_refused_before_anything_is_read(string value)
    {
        var result = CliRunner.Run(Repo.Root, new Dictionary<string, string> { ["INFRALINT_STREAM_ABOVE"] = value }, terminal: false, "scan", "examples", "--format", "json");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"infralint: INFRALINT_STREAM_ABOVE must be a number of files or 'never', not '{value}'", result.Error.Trim());
        Assert.Equal(string.Empty, result.Out);
    }

    [Fact]
    public void The_generated_repository_is_a_few_hundred_files_and_the_same_every_time()
    {
        var first = PartitionTree.Generate();
        var second = PartitionTree.Generate();

        Assert.InRange(first.Count, 200, 600);
        Assert.Equal(first, second);
        Assert.Equal(first.Count, first.Select(f => f.Path).Distinct().Count());
    }

    private static void AssertSameReport(string workingDirectory, string path, bool all, int minFindings, int minScopes)
    {
        var args = new List<string> { "scan", path, "--format", "json", "--fail-on", "none" };
        if (all) args.AddRange(new[] { "--rule-set", "all" });

        var single = CliRunner.Run(workingDirectory, SingleSession, terminal: false, args.ToArray());
        var partitioned = CliRunner.Run(workingDirectory, Partitioned, terminal: false, args.ToArray());
        var streamed = CliRunner.Run(workingDirectory, Streaming, terminal: false, args.ToArray());

        Assert.True(single.ExitCode == 0, single.ToString());
        Assert.True(partitioned.ExitCode == 0, partitioned.ToString());
        Assert.True(streamed.ExitCode == 0, streamed.ToString());
        if (single.Out != partitioned.Out) Assert.Fail(Difference(single.Out, partitioned.Out));
        if (single.Out != streamed.Out) Assert.Fail("streamed: " + Difference(single.Out, streamed.Out));
        Assert.Equal(WithoutElapsedTime(single.Error), WithoutElapsedTime(partitioned.Error));
        Assert.Equal(WithoutElapsedTime(single.Error), WithoutElapsedTime(streamed.Error));
        int findings = Findings(single.Out).Count;
        Assert.True(findings >= minFindings, $"expected at least {minFindings} findings to compare, got {findings}");
        Assert.Equal(1, ScopeCount(workingDirectory, path, all, SingleSession));
        int scopes = ScopeCount(workingDirectory, path, all, Partitioned);
        Assert.True(scopes >= minScopes, $"expected the partitioned scan to split into at least {minScopes} scopes, got {scopes}");
    }

    /// <summary>How many rule sessions a scan of the CLI ran, from the scan's own partition phase.</summary>
    private static int ScopeCount(string workingDirectory, string path, bool all, IReadOnlyDictionary<string, string> variables)
    {
        var env = new CliEnvironment
        {
            Out = TextWriter.Null,
            Error = TextWriter.Null,
            WorkingDirectory = Path.GetFullPath(workingDirectory),
            GetVariable = name => variables.TryGetValue(name, out var value) ? value : null,
        };
        var report = ScanPipeline.Run(env, new[] { path }, Array.Empty<string>(), ruleSet: all ? RuleSelection.All : null);
        var phase = report.Result.Phases.Select(p => PartitionPhase().Match(p.Name)).SingleOrDefault(m => m.Success);
        Assert.True(phase is not null, $"no partition phase among: {string.Join(", ", report.Result.Phases.Select(p => p.Name))}");
        return int.Parse(phase!.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The summary on stderr ends with the scan's wall time, the one thing two runs may not share.</summary>
    private static string WithoutElapsedTime(string summary) => ElapsedTime().Replace(summary, "(time)");

    [GeneratedRegex(@"\d+\.\d\d s$", RegexOptions.Multiline)]
    private static partial Regex ElapsedTime();

    [GeneratedRegex(@"^partition \((\d+) scopes?\b")]
    private static partial Regex PartitionPhase();

    private static List<string> Findings(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetRawText()).ToList();
    }

    /// <summary>The findings one report has and the other lacks (a whole report is too long to read in a failure message).</summary>
    private static string Difference(string single, string partitioned)
    {
        var a = Findings(single);
        var b = Findings(partitioned);
        var onlySingle = a.ToList();
        foreach (var f in b) onlySingle.Remove(f);
        var onlyPartitioned = b.ToList();
        foreach (var f in a) onlyPartitioned.Remove(f);
        if (onlySingle.Count == 0 && onlyPartitioned.Count == 0)
            return "the reports hold the same findings but differ elsewhere (order, counts or another field)";
        return $"only in one session ({onlySingle.Count}):\n{string.Join("\n", onlySingle.Take(20))}\nonly partitioned ({onlyPartitioned.Count}):\n{string.Join("\n", onlyPartitioned.Take(20))}";
    }
}
