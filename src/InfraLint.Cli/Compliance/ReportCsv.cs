using System.Text;

namespace InfraLint.Cli.Compliance;

/// <summary>
/// <c>report --format csv</c>: one row per finding, open and waived, with every evidence column. RFC 4180: CRLF rows, a
/// field with a comma, quote or line break quoted and its quotes doubled. A cell a spreadsheet would read as a formula
/// (starting with = + - @, or a tab or carriage return) gets a leading apostrophe, so a message or a resource name
/// written by whoever wrote the scanned files never runs in the auditor's spreadsheet.
/// </summary>
internal static class ReportCsv
{
    public static readonly IReadOnlyList<string> Columns = new[]
    {
        "repository", "status", "ruleId", "severity", "area", "title", "file", "line", "column", "resource", "fingerprint",
        "controls", "waiverKind", "justification", "expires", "message", "properties",
    };

    public static void Write(ComplianceReport report, TextWriter writer)
    {
        var controls = ControlsByRule(report);
        Row(writer, Columns);
        foreach (var f in report.AllFindings)
        {
            Row(writer, new[]
            {
                f.Repository,
                f.IsWaived ? "waived" : "open",
                f.RuleId,
                f.Severity,
                f.Area,
                f.Title,
                f.File,
                f.Line.ToString(System.Globalization.CultureInfo.InvariantCulture),
                f.Column.ToString(System.Globalization.CultureInfo.InvariantCulture),
                f.Resource ?? string.Empty,
                f.Fingerprint,
                controls.TryGetValue(f.RuleId, out var c) ? c : string.Empty,
                f.Waiver?.Kind ?? string.Empty,
                f.Waiver?.Justification ?? string.Empty,
                f.Waiver?.Expires ?? string.Empty,
                f.Message,
                string.Join("; ", f.Properties.Select(p => $"{p.Key}={p.Value}")),
            });
        }
    }

    /// <summary>The controls of the reported frameworks each rule gives evidence for, "framework control" joined by "; ".</summary>
    private static IReadOnlyDictionary<string, string> ControlsByRule(ComplianceReport report) =>
        report.Frameworks
            .SelectMany(f => f.Controls.SelectMany(c => c.Rules.Select(r => (Rule: r, Control: $"{f.Name} {c.Control}"))))
            .GroupBy(p => p.Rule, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => string.Join("; ", g.Select(p => p.Control).Distinct(StringComparer.Ordinal)), StringComparer.Ordinal);

    private static void Row(TextWriter writer, IEnumerable<string> cells)
    {
        writer.Write(string.Join(',', cells.Select(Cell)));
        writer.Write("\r\n");
    }

    internal static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        if (value.IndexOfAny(new[] { ',', '"', '\r', '\n' }) < 0) return value;
        var quoted = new StringBuilder(value.Length + 2).Append('"');
        quoted.Append(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        return quoted.Append('"').ToString();
    }
}
