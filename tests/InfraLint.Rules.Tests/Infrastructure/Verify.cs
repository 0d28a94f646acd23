using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using InfraLint.Core.Fixes;
using InfraLint.Core.Scanning;

namespace InfraLint.Rules.Tests.Infrastructure;

/// <summary>Assertions that keep each rule test to its input, its expected findings and its expected fix.</summary>
internal static class Verify
{
    /// <summary>
    /// A rule test judges its rule as a team that configured it on would see it (<c>IL1004: {enabled: true}</c>): whatever
    /// the default rule set, and with the adoption that rules asking for InfraLint's own vocabulary wait for. What the
    /// defaults select is tested on its own (RuleSelectionTests).
    /// </summary>
    public static LintSettings Selecting(this LintSettings? settings, string ruleId) =>
        (settings ?? Lint.AllRules).Enabling(new[] { ruleId });

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
        var result = Lint.Files(settings.Selecting(ruleId), parsed.Select(p => (p.File, p.Markup.Text)).ToArray());
        NoParseFailures(result);

        var expected = parsed.SelectMany(p => p.Markup.Spans).Where(s => s.Rule == ruleId).Select(Describe).ToArray();
        var findings = result.Of(ruleId);
        var actual = findings.Select(f => Describe(new Markup.Expected(f.Location.File, f.RuleId, f.Location))).ToArray();
        Assert.Equal(expected.OrderBy(s => s, StringComparer.Ordinal), actual.OrderBy(s => s, StringComparer.Ordinal));
        UnknownValuesNeverFire(ruleId, settings, parsed, findings);
        return findings;
    }

    /// <summary>
    /// Issue 8's promise, checked on every firing test: a value that is there but not a literal never produces a
    /// finding. Each marked value that the finding is about (<c>privileged: {|IL2006:true|}</c>, where the finding's
    /// logical path ends with the key on that line) is replaced by <c>!Ref UnknownParameter</c>, and the finding
    /// must go away. Markers on something else (a resource's name, for a finding about a missing key) are left alone.
    /// </summary>
    private static void UnknownValuesNeverFire(string ruleId, LintSettings? settings, (string File, Markup Markup)[] parsed, IReadOnlyList<Finding> findings)
    {
        foreach (var (file, markup) in parsed)
        {
            foreach (var span in markup.Spans.Where(s => s.Rule == ruleId && s.Span.Length > 0))
            {
                var text = markup.Text;
                int lineStart = text.LastIndexOf('\n', Math.Max(0, span.Span.StartOffset - 1)) + 1;
                var before = text.Substring(lineStart, span.Span.StartOffset - lineStart);
                var value = text.Substring(span.Span.StartOffset, span.Span.Length);
                var key = System.Text.RegularExpressions.Regex.Match(before, @"^\s*(?:-\s+)?[""']?(?<key>[A-Za-z0-9_./-]+)[""']?:\s+$");
                if (!key.Success || value.Contains('\n') || value.StartsWith('{') || value.StartsWith('[') || value.StartsWith('|') || value.StartsWith('>') || value.StartsWith('!')) continue;
                var finding = findings.FirstOrDefault(f => f.Location.File == file && f.Location.StartOffset == span.Span.StartOffset);
                if (finding is null || !EndsWithKey(finding.LogicalPath, key.Groups["key"].Value)) continue;

                var mutated = text.Substring(0, span.Span.StartOffset) + "!Ref UnknownParameter" + text.Substring(span.Span.EndOffset);
                var inputs = parsed.Select(p => (p.File, p.File == file ? mutated : p.Markup.Text)).ToArray();
                var again = Lint.Files(settings.Selecting(ruleId), inputs).Of(ruleId).Where(f => f.LogicalPath == finding.LogicalPath).Select(f => f.ToString()).ToArray();
                Assert.True(again.Length == 0, $"{ruleId} still fires when '{key.Groups["key"].Value}: {value}' becomes '!Ref UnknownParameter' (an unknown value must never produce a finding): {string.Join("; ", again)}");
            }
        }
    }

    private static bool EndsWithKey(string logicalPath, string key) =>
        logicalPath.EndsWith("." + key, StringComparison.Ordinal) || logicalPath.EndsWith(":" + key, StringComparison.Ordinal)
        || logicalPath.EndsWith("/" + key, StringComparison.Ordinal) || logicalPath == key;

    /// <summary>Asserts the rule does not fire on the YAML.</summary>
    public static void NoFindings(string ruleId, string yaml, LintSettings? settings = null)
    {
        var result = Lint.Yaml(yaml, settings: settings.Selecting(ruleId));
        NoParseFailures(result);
        Assert.Empty(result.Of(ruleId).Select(f => f.ToString()));
    }

    /// <summary>
    /// Applies the only fix of the only finding of <paramref name="ruleId"/>, checks the text is what
    /// <paramref name="expected"/> says, and that the fixed YAML parses and no longer has the finding.
    /// </summary>
    public static void Fix(string ruleId, string yaml, string expected, LintSettings? settings = null)
    {
        var finding = Assert.Single(Lint.Yaml(yaml, settings: settings.Selecting(ruleId)).Of(ruleId));
        var fix = Assert.Single(finding.Fixes);
        string fixedText = Apply(yaml, fix);
        Assert.Equal(expected.ReplaceLineEndings("\n"), fixedText.ReplaceLineEndings("\n"));

        var again = Lint.Yaml(fixedText, settings: settings.Selecting(ruleId));
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
