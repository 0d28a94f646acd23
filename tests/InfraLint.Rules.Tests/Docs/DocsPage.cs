using System.Text.RegularExpressions;

namespace InfraLint.Rules.Tests.Docs;

/// <summary>A rule's docs page, split into what the tests check: title, sections and the two examples.</summary>
internal sealed partial class DocsPage
{
    private DocsPage(string title, IReadOnlyList<string> sections, IReadOnlyDictionary<string, string> sectionText, string? nonCompliant, string? compliant)
    {
        Title = title;
        Sections = sections;
        SectionText = sectionText;
        NonCompliant = nonCompliant;
        Compliant = compliant;
    }

    /// <summary>The text after <c># </c> on the first line.</summary>
    public string Title { get; }

    /// <summary>The <c>##</c> headings in order.</summary>
    public IReadOnlyList<string> Sections { get; }

    public IReadOnlyDictionary<string, string> SectionText { get; }

    /// <summary>The first yaml block under <c>### Non-compliant</c>.</summary>
    public string? NonCompliant { get; }

    /// <summary>The first yaml block under <c>### Compliant</c>.</summary>
    public string? Compliant { get; }

    public static DocsPage Parse(string markdown)
    {
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        string title = lines[0].StartsWith("# ", StringComparison.Ordinal) ? lines[0].Substring(2).Trim() : string.Empty;

        var sections = new List<string>();
        var sectionText = new Dictionary<string, string>(StringComparer.Ordinal);
        var blocks = new Dictionary<string, string>(StringComparer.Ordinal);
        string? section = null;
        string? subsection = null;
        var body = new System.Text.StringBuilder();
        for (int i = 1; i < lines.Length; i++)
        {
            string line = lines[i];
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                string language = line.Substring(3).Trim();
                var code = new System.Text.StringBuilder();
                for (i++; i < lines.Length && !lines[i].StartsWith("```", StringComparison.Ordinal); i++)
                    code.Append(lines[i]).Append('\n');
                body.Append(code);
                if (language == "yaml" && subsection is not null && !blocks.ContainsKey(subsection))
                    blocks[subsection] = code.ToString();
                continue;
            }
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                if (section is not null) sectionText[section] = body.ToString();
                body.Clear();
                section = line.Substring(3).Trim();
                subsection = null;
                sections.Add(section);
                continue;
            }
            if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                subsection = line.Substring(4).Trim();
                continue;
            }
            body.Append(line).Append('\n');
        }
        if (section is not null) sectionText[section] = body.ToString();

        return new DocsPage(
            title,
            sections,
            sectionText,
            blocks.TryGetValue("Non-compliant", out var bad) ? bad : null,
            blocks.TryGetValue("Compliant", out var good) ? good : null);
    }

    /// <summary>Rule ids the docs folder has pages for (from the embedded resources).</summary>
    public static IEnumerable<string> EmbeddedPageIds() =>
        RuleSet.Assembly.GetManifestResourceNames()
            .Select(n => PageName().Match(n))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value);

    [GeneratedRegex(@"^InfraLint\.Rules\.Docs\.(IL\d{4})\.md$")]
    private static partial Regex PageName();
}
