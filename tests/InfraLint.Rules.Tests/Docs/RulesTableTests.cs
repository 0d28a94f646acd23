using InfraLint.Tests;
using InfraLint.Core.Findings;

namespace InfraLint.Rules.Tests.Docs;

/// <summary>README's rule table is derived from the catalog; this fails (printing the table to paste) when it drifts.</summary>
public sealed class RulesTableTests
{
    private const string Start = "<!-- rules-table: generated from the catalog; RulesTableTests fails when it drifts -->";
    private const string End = "<!-- /rules-table -->";

    internal static string Expected()
    {
        var lines = new List<string> { "| id | title | default severity | precision |", "|---|---|---|---|" };
        foreach (var rule in RuleSet.Catalog.All)
        {
            string severity = rule.DefaultSeverity.ToString().ToLowerInvariant() + (rule.EnabledByDefault ? string.Empty : " (off by default)");
            lines.Add($"| [{rule.Id}]({rule.DocsPath}) | {rule.Title} | {severity} | {Precision(rule.Precision)} |");
        }
        return string.Join("\n", lines);
    }

    private static string Precision(Precision p) => p switch
    {
        Core.Findings.Precision.VeryHigh => "very high",
        _ => p.ToString().ToLowerInvariant(),
    };

    [Fact]
    public void Readme_rule_table_matches_the_catalog()
    {
        string readme = File.ReadAllText(Path.Combine(Repo.Root, "README.md")).Replace("\r\n", "\n");
        int start = readme.IndexOf(Start, StringComparison.Ordinal);
        int end = readme.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "README.md must contain the rules-table markers.");
        string actual = readme.Substring(start + Start.Length, end - start - Start.Length).Trim();
        string expected = Expected();
        Assert.True(expected == actual, "README.md's rule table is out of date; replace it with:\n\n" + expected);
    }
}
