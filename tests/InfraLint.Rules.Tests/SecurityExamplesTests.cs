using InfraLint.Tests;
using InfraLint.Core.Facts;
using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests;

/// <summary>Scanning examples/ shows every security and governance rule of issue 4 at work.</summary>
public sealed class SecurityExamplesTests
{
    [Fact]
    public void Examples_show_the_security_and_governance_rules()
    {
        string root = Path.Combine(Repo.Root, "examples");
        var files = new[] { "cloudformation", "kubernetes" }
            .SelectMany(d => Directory.GetFiles(Path.Combine(root, d), "*.yaml"))
            .Where(f => !f.EndsWith("broken.yaml", StringComparison.Ordinal))
            .Select(f => (Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllText(f)))
            .ToArray();
        var result = Lint.Files(Lint.AllRules with { AllowedRegions = new[] { "eu-west-1", "eu-central-1" } }, files);
        var ids = result.Findings.Select(f => f.RuleId).ToHashSet();
        foreach (var id in new[] { "IL2001", "IL2002", "IL2003", "IL2004", "IL2005", "IL2009", "IL2010", "IL2012", "IL4001", "IL4002", "IL4006" })
            Assert.Contains(id, ids);
        Assert.Contains(result.Findings, f => f.RuleId == "IL2010" && f.Location.File == "kubernetes/llm-serving-public.yaml" && f.Location.StartLine == 28);
    }
}
