using InfraLint.Core.Engine;
using InfraLint.Core.Findings;
using InfraLint.Rules;
using InfraLint.Tests;
using Microsoft.CodeAnalysis;
using RuleSet = InfraLint.Rules.RuleSet;

namespace InfraLint.Analyzers.Tests;

/// <summary>
/// The analyzer's descriptors are written at build time from the rule catalog: each one says what the rule's
/// descriptor says, and the release-tracking files list every rule as the descriptors declare it.
/// </summary>
public sealed class DescriptorTests
{
    private static readonly IReadOnlyDictionary<string, RuleReach> Reach = RuleEngine.ReachOf(new[] { RuleSet.Assembly });

    public static TheoryData<string> RuleIds() => new(RuleSet.Catalog.All.Select(r => r.Id));

    [Fact]
    public void There_is_one_descriptor_per_rule_of_the_catalog() =>
        Assert.Equal(RuleSet.Catalog.All.Select(r => r.Id), new InfraLintAnalyzer().SupportedDiagnostics.Select(d => d.Id));

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void A_descriptor_says_what_the_rule_says(string id)
    {
        var rule = RuleSet.Catalog.Find(id)!;
        var descriptor = new InfraLintAnalyzer().SupportedDiagnostics.Single(d => d.Id == id);
        Assert.Equal(rule.Title, descriptor.Title.ToString());
        Assert.Equal(rule.Description, descriptor.Description.ToString());
        Assert.Equal(rule.Area.ToString(), descriptor.Category);
        Assert.Equal(rule.HelpUri.ToString(), descriptor.HelpLinkUri);
        Assert.Equal(Expected(rule.DefaultSeverity), descriptor.DefaultSeverity);
        Assert.Equal(rule.EnabledByDefault && rule.Recommended, descriptor.IsEnabledByDefault);
        Assert.Equal(Reach[id] == RuleReach.AcrossResources, descriptor.CustomTags.Contains(WellKnownDiagnosticTags.CompilationEnd));
        Assert.All(rule.Tags, tag => Assert.Contains(tag, descriptor.CustomTags));
    }

    [Fact]
    public void The_unshipped_release_lists_every_rule_with_its_category_and_severity()
    {
        var rows = File.ReadAllLines(Path.Combine(Repo.Root, "src", "InfraLint.Analyzers", "AnalyzerReleases.Unshipped.md"))
            .Where(line => line.StartsWith("IL", StringComparison.Ordinal))
            .Select(line => line.Split('|').Select(cell => cell.Trim()).ToArray())
            .ToDictionary(cells => cells[0], cells => (Category: cells[1], Severity: cells[2]));
        foreach (var descriptor in new InfraLintAnalyzer().SupportedDiagnostics)
        {
            Assert.True(rows.TryGetValue(descriptor.Id, out var row), $"{descriptor.Id} is not in AnalyzerReleases.Unshipped.md");
            Assert.Equal(descriptor.Category, row.Category);
            Assert.Equal(descriptor.IsEnabledByDefault ? descriptor.DefaultSeverity.ToString() : "Disabled", row.Severity);
        }
        Assert.Equal(new InfraLintAnalyzer().SupportedDiagnostics.Length, rows.Count);
    }

    private static DiagnosticSeverity Expected(Severity severity) => severity switch
    {
        Severity.Error => DiagnosticSeverity.Error,
        Severity.Warning => DiagnosticSeverity.Warning,
        Severity.Note => DiagnosticSeverity.Info,
        _ => DiagnosticSeverity.Hidden,
    };
}
