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

    private static readonly IReadOnlyDictionary<string, InfraLint.Core.Engine.RuleReach> Reach = InfraLint.Core.Engine.RuleEngine.ReachOf(new[] { RuleSet.Assembly });

    /// <summary>
    /// IDEs show compilation-end diagnostics only with full-solution analysis, so each page says when the analyzer reports
    /// its rule; the statement must agree with the reach derived from the rule's own conditions.
    /// </summary>
    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Every_page_says_whether_the_analyzer_reports_its_rule_as_you_type_or_at_compilation_end(string id)
    {
        var page = DocsPage.Parse(RuleSet.Docs(id)!);
        Assert.True(page.SectionText.TryGetValue("In the IDE", out var text), $"rules/docs/{id}.md has no 'In the IDE' section.");
        bool across = Reach.TryGetValue(id, out var reach) && reach == InfraLint.Core.Engine.RuleReach.AcrossResources;
        Assert.Equal(across, text!.Contains("**compilation end**", StringComparison.Ordinal));
        Assert.Equal(!across, text.Contains("**as you type**", StringComparison.Ordinal));
    }

    /// <summary>
    /// Where each page's non-compliant example fires its rule (line, column within the snippet): the page shows the
    /// finding a reader will get, at the place they will be pointed to, not merely "some finding".
    /// </summary>
    private static readonly Dictionary<string, (int Line, int Column)[]> NonCompliantFindings = new()
    {
        ["IL0001"] = new[] { (10, 18) },
        ["IL0002"] = new[] { (12, 13) },
        ["IL0003"] = new[] { (10, 9) },
        ["IL0004"] = new[] { (10, 9) },
        ["IL1001"] = new[] { (14, 13) },
        ["IL1002"] = new[] { (12, 13) },
        ["IL1003"] = new[] { (20, 7) },
        ["IL1004"] = new[] { (4, 9) },
        ["IL1005"] = new[] { (7, 13) },
        ["IL1006"] = new[] { (12, 7) },
        ["IL1007"] = new[] { (9, 13) },
        ["IL1008"] = new[] { (21, 76) },
        ["IL1009"] = new[] { (4, 9) },
        ["IL1010"] = new[] { (16, 31) },
        ["IL1011"] = new[] { (4, 9) },
        ["IL2001"] = new[] { (3, 3) },
        ["IL2002"] = new[] { (3, 3) },
        ["IL2003"] = new[] { (13, 17) },
        ["IL2004"] = new[] { (8, 17) },
        ["IL2005"] = new[] { (8, 17) },
        ["IL2006"] = new[] { (18, 25) },
        ["IL2007"] = new[] { (15, 17) },
        ["IL2008"] = new[] { (8, 20) },
        ["IL2009"] = new[] { (19, 22) },
        ["IL2010"] = new[] { (34, 9) },
        ["IL2011"] = new[] { (16, 18) },
        ["IL2012"] = new[] { (8, 28) },
        ["IL2013"] = new[] { (4, 9) },
        ["IL3001"] = new[] { (4, 9) },
        ["IL3002"] = new[] { (4, 9) },
        ["IL3003"] = new[] { (4, 9) },
        ["IL3004"] = new[] { (15, 17) },
        ["IL3005"] = new[] { (9, 11) },
        ["IL3006"] = new[] { (17, 11) },
        ["IL4001"] = new[] { (7, 18) },
        ["IL4002"] = new[] { (7, 24) },
        ["IL4003"] = new[] { (8, 14) },
        ["IL4004"] = new[] { (4, 9) },
        ["IL4005"] = new[] { (4, 9) },
        ["IL4006"] = new[] { (6, 25) },
        ["IL5001"] = new[] { (9, 15) },
        ["IL5002"] = new[] { (13, 15) },
        ["IL5003"] = new[] { (9, 15) },
    };

    /// <summary>The day the examples are judged on, as IL0004's page says: its suppressions expire, so the day is fixed.</summary>
    private static readonly DateTime DocsDay = new(2026, 6, 1);

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void The_non_compliant_example_fires_the_rule_where_the_page_shows_it(string id)
    {
        var page = DocsPage.Parse(RuleSet.Docs(id)!);
        var result = Lint.Yaml(page.NonCompliant!, $"{id}-non-compliant.yaml", Enabling(id, page), DocsDay);
        if (id != "IL0001") Verify.NoParseFailures(result);
        Assert.True(NonCompliantFindings.ContainsKey(id), $"Add where {id}'s non-compliant example fires to {nameof(NonCompliantFindings)}.");
        Assert.Equal(NonCompliantFindings[id], result.Of(id).Select(f => (f.Location.StartLine, f.Location.StartColumn)));
        Assert.All(result.Of(id), f => Assert.Equal(id, f.RuleId));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void The_compliant_example_does_not_fire_the_rule(string id)
    {
        var page = DocsPage.Parse(RuleSet.Docs(id)!);
        var result = Lint.Yaml(page.Compliant!, $"{id}-compliant.yaml", Enabling(id, page), DocsDay);
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

    /// <summary>
    /// Examples show what a rule does when it runs, so rules that are off by default are switched on, and a
    /// page's <c>### Configuration</c> block (for rules that need settings, such as allowedRegions) applies.
    /// </summary>
    private static LintSettings Enabling(string id, DocsPage page)
    {
        var config = page.Configuration is null
            ? LintSettings.Default
            : InfraLint.Yaml.Configuration.ConfigLoader.Load(new InfraLint.Core.Locations.SourceText(".infralint.yaml", page.Configuration), _ => true).Settings;
        return new LintSettings
        {
            RequireImageDigests = config.RequireImageDigests,
            RequireCustomerManagedKeys = config.RequireCustomerManagedKeys,
            MinLogRetentionDays = config.MinLogRetentionDays,
            AllowedRegions = config.AllowedRegions,
            CostLabels = config.CostLabels,
            DefaultNamespace = config.DefaultNamespace,
            Rules = new Dictionary<string, RuleOverride>(StringComparer.OrdinalIgnoreCase) { [id] = new RuleOverride(true, null) },
        };
    }
}
