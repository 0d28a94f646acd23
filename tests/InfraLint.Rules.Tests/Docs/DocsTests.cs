using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.Docs;

/// <summary>The docs pages are derived from the rules' descriptors and their examples are executable.</summary>
public sealed class DocsTests
{
    public static TheoryData<string> RuleIds() => new(RuleSet.Catalog.All.Select(r => r.Id));

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Every_rule_has_a_page_whose_title_matches_its_descriptor(string id)
    {
        var descriptor = RuleSet.Catalog.Find(id)!;
        string? markdown = RuleSet.Docs(id);
        Assert.True(markdown is not null, $"rules/docs/{id}.md is missing.");
        var page = DocsPage.Parse(markdown!);
        Assert.Equal($"{id}: {descriptor.Title}", page.Title);
        foreach (string section in new[] { "What it checks", "Why it matters", "How to fix", "Example" })
            Assert.Contains(section, page.Sections);
        Assert.NotNull(page.NonCompliant);
        Assert.NotNull(page.Compliant);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Every_control_a_rule_cites_is_named_on_its_page(string id)
    {
        var descriptor = RuleSet.Catalog.Find(id)!;
        var page = DocsPage.Parse(RuleSet.Docs(id)!);
        string why = page.SectionText.TryGetValue("Why it matters", out var text) ? text : string.Empty;
        foreach (var control in descriptor.Controls)
            Assert.Contains($"**{control.Control}**", why);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void The_non_compliant_example_fires_the_rule(string id)
    {
        var page = DocsPage.Parse(RuleSet.Docs(id)!);
        var result = Lint.Yaml(page.NonCompliant!, $"{id}-non-compliant.yaml", Enabling(id));
        if (id != "IL0001") Verify.NoParseFailures(result);
        Assert.NotEmpty(result.Of(id));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void The_compliant_example_does_not_fire_the_rule(string id)
    {
        var page = DocsPage.Parse(RuleSet.Docs(id)!);
        var result = Lint.Yaml(page.Compliant!, $"{id}-compliant.yaml", Enabling(id));
        Verify.NoParseFailures(result);
        Assert.Empty(result.Of(id).Select(f => f.ToString()));
    }

    [Fact]
    public void Every_page_belongs_to_a_rule()
    {
        var orphans = DocsPage.EmbeddedPageIds().Where(id => RuleSet.Catalog.Find(id) is null).ToArray();
        Assert.Empty(orphans);
        Assert.NotEmpty(DocsPage.EmbeddedPageIds());
    }

    /// <summary>Examples show what a rule does when it runs, so rules that are off by default are switched on.</summary>
    private static LintSettings Enabling(string id) => new()
    {
        Rules = new Dictionary<string, RuleOverride>(StringComparer.OrdinalIgnoreCase) { [id] = new RuleOverride(true, null) },
    };
}
