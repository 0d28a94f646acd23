using InfraLint.Core.Locations;
using InfraLint.Core.Scanning;
using InfraLint.Rules.Tests.Infrastructure;
using InfraLint.Yaml;

namespace InfraLint.Rules.Tests.Scanning;

/// <summary>
/// A scan keeps every finding until it reports, and findings of one rule repeat the same property maps: equal ones are
/// kept once, whatever session found them, and every finding still reads as its own.
/// </summary>
public sealed class FindingSharingTests
{
    private static SourceText Pod(string path, string ns) => new(path, $$"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          namespace: {{ns}}
        spec:
          containers:
            - name: web
              image: nginx:1.27
              securityContext: { privileged: true }
        """);

    [Fact]
    public void Equal_properties_of_findings_in_different_sessions_are_kept_once()
    {
        // Two namespaces: two sessions, run in parallel.
        var scanner = new Scanner(Lint.Engine, new IAdapter[] { new YamlAdapter() }, Lint.AllRules, options: new ScanOptions { MaxParallelism = 2 });
        var findings = scanner.ScanTexts(new[] { Pod("a.yaml", "team-a"), Pod("b.yaml", "team-b") }).Findings;

        var pairs = findings.GroupBy(f => f.RuleId).Where(g => g.Count() == 2).Select(g => g.OrderBy(f => f.Location.File).ToArray()).ToList();
        Assert.Contains(pairs, p => p[0].Properties.Count > 0);
        foreach (var (a, b) in pairs.Select(p => (p[0], p[1])))
        {
            Assert.Equal(("a.yaml", "b.yaml"), (a.Location.File, b.Location.File));
            Assert.Equal(a.Properties.OrderBy(p => p.Key), b.Properties.OrderBy(p => p.Key));
            Assert.Same(a.Properties, b.Properties);
        }
    }
}
