using InfraLint.Tests;
using InfraLint.Core.Scanning;
using InfraLint.Core.Locations;
using InfraLint.Yaml;

namespace InfraLint.Rules.Tests;

/// <summary>
/// The MLOps examples (examples/workloads and examples/kubernetes/mlops, scanned together as a user
/// would) fire exactly the observability, governance and data-pipeline rules their comments promise.
/// </summary>
public sealed class MlopsExamplesTests
{
    private static readonly string[] Rules = { "IL3001", "IL3002", "IL3003", "IL3005", "IL4003", "IL4004", "IL4005", "IL5001", "IL5002", "IL5003" };

    [Fact]
    public void Each_example_fires_what_it_says()
    {
        string root = Repo.Root;
        var adapter = new YamlAdapter();
        var inputs = new[] { Path.Combine(root, "examples", "workloads"), Path.Combine(root, "examples", "kubernetes", "mlops") }
            .SelectMany(d => Directory.GetFiles(d, "*.yaml"))
            // The deployment examples/workloads/chat-api.yaml describes, so its target resolves.
            .Append(Path.Combine(root, "examples", "kubernetes", "llm-capacity.yaml"))
            .Select(f => new SourceText(Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllText(f)))
            .ToList();
        var result = new Scanner(Infrastructure.Lint.Engine, new IAdapter[] { adapter }, Infrastructure.Lint.AllRules).ScanTexts(inputs);
        Assert.Empty(result.Findings.Where(f => f.RuleId is "IL0001" or "IL0002").Select(f => f.ToString()));

        var fired = result.Findings.Where(f => Rules.Contains(f.RuleId) && !f.Location.File.EndsWith("llm-capacity.yaml", StringComparison.Ordinal))
            .GroupBy(f => f.Location.File)
            .ToDictionary(g => g.Key, g => g.Select(f => (f.RuleId, f.Location.StartLine)).OrderBy(x => x).ToArray());
        var expected = new Dictionary<string, (string, int)[]>
        {
            ["examples/workloads/chat-api-unmonitored.yaml"] = new[] { ("IL3001", 19), ("IL3003", 8) },
            ["examples/workloads/clicks-pipeline.yaml"] = new[] { ("IL4003", 31), ("IL5001", 19), ("IL5002", 29), ("IL5003", 22) },
            ["examples/kubernetes/mlops/recommender-recreate.yaml"] = new[] { ("IL3001", 10), ("IL3002", 10), ("IL3003", 10), ("IL3005", 15) },
            ["examples/kubernetes/mlops/training-jobs.yaml"] = new[] { ("IL4004", 32), ("IL4005", 32) },
        };
        Assert.Equal(
            string.Join("\n", expected.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}: {string.Join(", ", e.Value.OrderBy(x => x))}")),
            string.Join("\n", fired.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));
    }
}
