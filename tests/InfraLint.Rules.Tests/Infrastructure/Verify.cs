using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using InfraLint.Core.Fixes;
using InfraLint.Core.Scanning;

namespace InfraLint.Rules.Tests.Infrastructure;

/// <summary>Assertions that keep each rule test to its input, its expected findings and its expected fix.</summary>
internal static class Verify
{
    /// <summary>
    /// Lints the marked-up YAML and asserts that the findings of <paramref name="ruleId"/> are exactly the
    /// marked spans (start and end), nothing more. Returns the findings for further assertions.
    /// </summary>
    public static IReadOnlyList<Finding> Findings(string ruleId, string markup, LintSettings? settings = null) =>
        Files(ruleId, settings, ("test.yaml", markup));

    public static IReadOnlyList<Finding> Files(string ruleId, params (string File, string Markup)[] files) =>
        Files(ruleId, null, files);

    public static IReadOnlyList<Finding> Files(string ruleId, LintSettings? settings, params (string File, string Markup)[] files)
    {
        var parsed = files.Select(f => (f.File, Markup: Markup.Parse(f.File, f.Markup))).ToArray();
        var result = Lint.Files(settings, parsed.Select(p => (p.File, p.Markup.Text)).ToArray());
        NoParseFailures(result);

        var expected = parsed.SelectMany(p => p.Markup.Spans).Where(s => s.Rule == ruleId).Select(Describe).ToArray();
        var findings = result.Of(ruleId);
        var actual = findings.Select(f => Describe(new Markup.Expected(f.Location.File, f.RuleId, f.Location))).ToArray();
        Assert.Equal(expected.OrderBy(s => s, StringComparer.Ordinal), actual.OrderBy(s => s, StringComparer.Ordinal));
        return findings;
    }

    /// <summary>Asserts the rule does not fire on the YAML.</summary>
    public static void NoFindings(string ruleId, string yaml, LintSettings? settings = null)
    {
        var result = Lint.Yaml(yaml, settings: settings);
        NoParseFailures(result);
        Assert.Empty(result.Of(ruleId).Select(f => f.ToString()));
    }

    /// <summary>
    /// Applies the only fix of the only finding of <paramref name="ruleId"/>, checks the text is what
    /// <paramref name="expected"/> says, and that the fixed YAML parses and no longer has the finding.
    /// </summary>
    public static void Fix(string ruleId, string yaml, string expected, LintSettings? settings = null)
    {
        var finding = Assert.Single(Lint.Yaml(yaml, settings: settings).Of(ruleId));
        var fix = Assert.Single(finding.Fixes);
        string fixedText = Apply(yaml, fix);
        Assert.Equal(expected.ReplaceLineEndings("\n"), fixedText.ReplaceLineEndings("\n"));

        var again = Lint.Yaml(fixedText, settings: settings);
        NoParseFailures(again);
        Assert.DoesNotContain(again.Of(ruleId), f => f.LogicalPath == finding.LogicalPath);
    }

    /// <summary>Splices a fix's edits into the text, last edit first so earlier offsets stay valid.</summary>
    public static string Apply(string text, Fix fix)
    {
        var edits = fix.Edits.OrderByDescending(e => e.Span.StartOffset).ToArray();
        for (int i = 1; i < edits.Length; i++)
            Assert.True(edits[i].Span.EndOffset <= edits[i - 1].Span.StartOffset, $"Fix '{fix.Description}' has overlapping edits.");
        foreach (var edit in edits)
            text = text.Substring(0, edit.Span.StartOffset) + edit.NewText + text.Substring(edit.Span.EndOffset);
        return text;
    }

    public static void NoParseFailures(ScanResult result) =>
        Assert.Empty(result.Of("IL0001").Select(f => f.ToString()));

    private static string Describe(Markup.Expected e) => e.ToString();
}
