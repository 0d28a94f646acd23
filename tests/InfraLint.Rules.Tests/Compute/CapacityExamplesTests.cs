using InfraLint.Tests;
using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.Compute;

/// <summary>The examples folder shows every compute and cost rule at work, linked across files.</summary>
public sealed class CapacityExamplesTests
{
    [Fact]
    public void Scanning_the_examples_reports_every_capacity_rule()
    {
        string examples = Repo.Examples;
        var files = Directory.GetFiles(examples, "*.y*ml", SearchOption.AllDirectories)
            .Select(f => (Path.GetRelativePath(examples, f).Replace('\\', '/'), File.ReadAllText(f)))
            .ToArray();
        var result = Lint.Files(files);

        foreach (var id in new[] { "IL1001", "IL1002", "IL1003", "IL1004", "IL1006", "IL1007", "IL1008", "IL1009", "IL1011" })
            Assert.True(result.Of(id).Count > 0, $"{id} does not fire on examples/");

        // The spec in workloads/ describes the Deployment in kubernetes/: the over-provisioning finding comes from that link.
        var overProvisioned = Assert.Single(result.Of("IL1001"));
        Assert.Equal("kubernetes/llm-capacity.yaml", overProvisioned.Location.File);
        Assert.Equal("AIWorkload chat-api (workloads/chat-api.yaml)", overProvisioned.Properties["profile"]);
        Assert.DoesNotContain(result.Of("IL0002"), f => f.Location.File.StartsWith("workloads/", StringComparison.Ordinal));
    }
}
