using InfraLint.Core.Findings;

namespace InfraLint.Cli.Compliance;

/// <summary>The frameworks <c>--framework</c> names, and the controls the rule catalog maps to each.</summary>
internal static class Frameworks
{
    /// <summary>The command line's names, in the order reports list them.</summary>
    public static readonly IReadOnlyList<(string Key, string Name)> Known = new[]
    {
        ("eu-ai-act", FrameworkControl.EuAiAct),
        ("nist-ai-rmf", FrameworkControl.NistAiRmf),
        ("iso-42001", FrameworkControl.Iso42001),
        ("nist-800-53", FrameworkControl.Nist80053),
        ("cis-k8s", FrameworkControl.CisKubernetes),
    };

    public static IEnumerable<string> Keys => Known.Select(k => k.Key).Append("all");

    /// <summary>
    /// The frameworks a report covers: one by its key, or with <c>all</c> the five known ones and any other framework a
    /// rule names (GDPR, on IL4006), so no mapped control is left out.
    /// </summary>
    public static IReadOnlyList<(string Key, string Name)> Select(string key, IEnumerable<RuleDescriptor> rules)
    {
        if (key != "all") return Known.Where(k => k.Key == key).ToArray();
        var others = rules.SelectMany(r => r.Controls).Select(c => c.Framework)
            .Where(f => Known.All(k => k.Name != f))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => (Key: Slug(f), Name: f));
        return Known.Concat(others).ToArray();
    }

    /// <summary>Each control of <paramref name="framework"/> with the rules that give evidence for it, in the control ids' natural order.</summary>
    public static IReadOnlyList<(FrameworkControl Control, IReadOnlyList<RuleDescriptor> Rules)> ControlsOf(string framework, IEnumerable<RuleDescriptor> rules) =>
        rules.SelectMany(r => r.Controls.Where(c => c.Framework == framework).Select(c => (Control: c, Rule: r)))
            .GroupBy(p => p.Control.Control, StringComparer.Ordinal)
            .Select(g => (g.First().Control, (IReadOnlyList<RuleDescriptor>)g.Select(p => p.Rule).DistinctBy(r => r.Id).OrderBy(r => r.Id, StringComparer.Ordinal).ToArray()))
            .OrderBy(c => c.Control.Control, NaturalOrder.Instance)
            .ToArray();

    /// <summary>"GDPR (Regulation (EU) 2016/679)" → "gdpr-regulation-eu-2016-679".</summary>
    private static string Slug(string name) =>
        string.Join('-', new string(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ').ToArray()).Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>"Art. 9" before "Art. 10", "5.2.2" before "5.2.10": digit runs compare as numbers.</summary>
    private sealed class NaturalOrder : IComparer<string>
    {
        public static readonly NaturalOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            x ??= string.Empty;
            y ??= string.Empty;
            int i = 0, j = 0;
            while (i < x.Length && j < y.Length)
            {
                if (char.IsAsciiDigit(x[i]) && char.IsAsciiDigit(y[j]))
                {
                    int si = i, sj = j;
                    while (i < x.Length && char.IsAsciiDigit(x[i])) i++;
                    while (j < y.Length && char.IsAsciiDigit(y[j])) j++;
                    var a = x[si..i].TrimStart('0');
                    var b = y[sj..j].TrimStart('0');
                    int byLength = a.Length.CompareTo(b.Length);
                    if (byLength != 0) return byLength;
                    int byDigits = string.CompareOrdinal(a, b);
                    if (byDigits != 0) return byDigits;
                    continue;
                }
                int c = x[i].CompareTo(y[j]);
                if (c != 0) return c;
                i++;
                j++;
            }
            return (x.Length - i).CompareTo(y.Length - j);
        }
    }
}
