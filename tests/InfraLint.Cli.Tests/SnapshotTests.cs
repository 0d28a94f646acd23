using System.Text.Json.Nodes;
using InfraLint.Bench.CorpusGen;
using InfraLint.Cli.Tests.Support;
using InfraLint.Tests;

namespace InfraLint.Cli.Tests;

/// <summary>
/// The full JSON report on examples/, the shared corpus and a generated tree (whose joins — autoscalers and services to
/// deployments, RBAC — cross files and folders) against a snapshot: a reshaping of the pipeline (issue 8: located
/// tree, front ends, mappers) must change no finding, message, location, fingerprint or fix, byte for byte.
/// Set INFRALINT_UPDATE_SNAPSHOTS=1 to rewrite the snapshots after a change that is meant to alter findings.
/// </summary>
public sealed class SnapshotTests
{
    private static string SnapshotPath(string name) => Path.Combine(Repo.Root, "tests", "InfraLint.Cli.Tests", "Snapshots", name + ".json");

    [Fact]
    public void Findings_on_the_examples_match_the_snapshot() =>
        AssertMatches("examples", CliRunner.Run(Repo.Root, "scan", "examples", "--format", "json", "--fail-on", "none"));

    [SkippableFact]
    public void Findings_on_the_shared_corpus_match_the_snapshot()
    {
        var corpus = Repo.RequireSharedCorpus();
        AssertMatches("corpus", CliRunner.Run(Path.GetDirectoryName(corpus)!, "scan", "corpus", "--format", "json", "--fail-on", "none"));
    }

    [Fact]
    public void Findings_on_a_generated_tree_with_joins_across_files_and_folders_match_the_snapshot()
    {
        using var dir = new TempDir();
        foreach (var (name, text) in new ManifestGenerator(seed: 42).Generate(400)) dir.Write(name, text);

        AssertMatches("generated", CliRunner.Run(dir.Path, "scan", ".", "--format", "json", "--fail-on", "none"));
    }

    private static void AssertMatches(string name, CliRun run)
    {
        Assert.True(run.ExitCode == 0, run.ToString());
        var report = JsonNode.Parse(run.Out)!.AsObject();
        // The tool's version changes with every commit; everything else is what the snapshot pins.
        report.Remove("tool");
        var actual = report.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }).ReplaceLineEndings("\n") + "\n";
        var path = SnapshotPath(name);
        if (Environment.GetEnvironmentVariable("INFRALINT_UPDATE_SNAPSHOTS") == "1" && !Repo.IsCi)
        {
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"No snapshot at {path}; run once with INFRALINT_UPDATE_SNAPSHOTS=1.");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (expected == actual) return;
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        int first = Enumerable.Range(0, Math.Min(e.Length, a.Length)).FirstOrDefault(i => e[i] != a[i], Math.Min(e.Length, a.Length));
        Assert.Fail($"{name}: the report differs from {path} first at line {first + 1}:\n  expected: {(first < e.Length ? e[first] : "<end>")}\n  actual:   {(first < a.Length ? a[first] : "<end>")}");
    }
}
