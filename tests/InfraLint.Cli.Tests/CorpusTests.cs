using InfraLint.Tests;
using InfraLint.Cli.Tests.Support;

namespace InfraLint.Cli.Tests;

/// <summary>The real-world corpus beside the repository (shared/corpus) must scan without a crash or a usage error.</summary>
public sealed class CorpusTests
{
    [SkippableFact]
    public void Scanning_the_whole_shared_corpus_exits_0_or_1()
    {
        var corpus = Repo.RequireSharedCorpus();

        var run = CliRunner.Run(Repo.Root, "scan", corpus, "--format", "json");

        Assert.True(run.ExitCode is 0 or 1, run.ToString());
        using var json = System.Text.Json.JsonDocument.Parse(run.Out);
        Assert.True(json.RootElement.GetProperty("filesScanned").GetInt32() > 100);
    }
}

/// <summary>
/// docs/precision.md judged a sample of corpus findings before the precision work. Every finding judged real there must
/// still be reported (same rule, file and line): by default when its rule is in the recommended set, with
/// <c>--rule-set all</c> when the rule was left out of it (each such decision is argued on the page). The only
/// exceptions are listed, each with its reason, in docs/precision/first-sample-exceptions.tsv.
/// </summary>
public sealed class PrecisionSampleTests
{
    [SkippableFact]
    public void Every_real_finding_of_the_first_sample_is_still_reported()
    {
        var corpus = Repo.RequireSharedCorpus();
        var real = Table("first-sample.tsv").Where(c => c["verdict"] == "real")
            .Select(c => (Rule: c["rule"], File: c["file"], Line: int.Parse(c["line"])))
            .ToArray();
        Assert.True(real.Length >= 30, $"the first sample should hold the judged real findings; found {real.Length}");
        var excepted = Table("first-sample-exceptions.tsv").Select(c => (Rule: c["rule"], File: c["file"], Line: int.Parse(c["line"]))).ToHashSet();
        Assert.All(Table("first-sample-exceptions.tsv"), c => Assert.False(string.IsNullOrWhiteSpace(c["reason"])));

        var byDefault = Reported(corpus);
        var all = Reported(corpus, "--rule-set", "all");
        var recommended = Rules.RuleSet.Catalog.All.Where(r => r.EnabledByDefault && r.Recommended).Select(r => r.Id).ToHashSet();
        var lost = real
            .Where(r => !excepted.Contains(r))
            .Where(r => !(recommended.Contains(r.Rule) ? byDefault : all).Contains(r))
            .Select(r => $"{r.Rule} {r.File}:{r.Line}{(recommended.Contains(r.Rule) ? "" : " (with --rule-set all)")}")
            .ToArray();
        Assert.True(lost.Length == 0, $"{lost.Length} finding(s) judged real in docs/precision/first-sample.tsv are no longer reported:\n{string.Join("\n", lost)}");
    }

    private static HashSet<(string Rule, string File, int Line)> Reported(string corpus, params string[] options)
    {
        var run = CliRunner.Run(Repo.Root, new[] { "scan", corpus, "--format", "json" }.Concat(options).ToArray());
        Assert.True(run.ExitCode is 0 or 1, run.ToString());
        using var json = System.Text.Json.JsonDocument.Parse(run.Out);
        return json.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => (f.GetProperty("ruleId").GetString()!, CorpusRelative(f.GetProperty("file").GetString()!), f.GetProperty("startLine").GetInt32()))
            .ToHashSet();
    }

    private static List<Dictionary<string, string>> Table(string name)
    {
        var lines = File.ReadAllLines(Path.Combine(Repo.Root, "docs", "precision", name));
        var header = lines[0].Split('\t');
        return lines.Skip(1).Where(l => l.Length > 0)
            .Select(l => l.Split('\t'))
            .Select(cells => header.Select((h, i) => (h, v: i < cells.Length ? cells[i] : "")).ToDictionary(p => p.h, p => p.v))
            .ToList();
    }

    private static string CorpusRelative(string path)
    {
        int i = path.IndexOf("corpus/", StringComparison.Ordinal);
        return i >= 0 ? path.Substring(i + "corpus/".Length) : path;
    }
}
