using System.Globalization;
using InfraLint.Core.Findings;

namespace InfraLint.Cli.Output;

/// <summary>
/// Compiler-style lines (<c>path:line:col: warning IL2006: message</c>) that editors and CI problem matchers already
/// understand, then one summary line.
/// </summary>
internal static class ConsoleOutput
{
    private const string Reset = "\u001b[0m";
    private const string Bold = "\u001b[1m";
    private const string Dim = "\u001b[2m";

    /// <param name="summary">Whether the summary line follows the findings (not with --quiet).</param>
    public static void Write(ScanReport report, TextWriter writer, bool color, bool showSuppressed, bool summary = true)
    {
        foreach (var finding in report.Findings)
        {
            bool hidden = finding.IsSuppressed || report.InBaseline(finding);
            if (hidden && !showSuppressed) continue;
            var location = finding.Location;
            var severity = ScanReport.SeverityWord(finding.Severity);
            var file = TerminalText.Path(location.File);
            var message = TerminalText.Escape(finding.Message);
            var line = color
                ? $"{Bold}{file}:{location.StartLine}:{location.StartColumn}:{Reset} {SeverityColor(finding.Severity)}{severity}{Reset} {Dim}{finding.RuleId}:{Reset} {message}"
                : $"{file}:{location.StartLine}:{location.StartColumn}: {severity} {finding.RuleId}: {message}";
            if (finding.Suppression is { } suppression)
                line += $" [suppressed{(string.IsNullOrWhiteSpace(suppression.Justification) ? "" : ": " + TerminalText.Escape(suppression.Justification))}]";
            else if (report.InBaseline(finding))
                line += " [in baseline]";
            writer.WriteLine(line);
        }
        if (summary) writer.WriteLine(Summary(report));
    }

    /// <summary>
    /// <c>12 findings (3 errors, 8 warnings, 1 note) in 40 files, 2 suppressed, 0.31 s</c>: counts exclude suppressed
    /// findings and, with <c>--baseline</c>, those already in it (<c>…, 5 in baseline, …</c>).
    /// </summary>
    public static string Summary(ScanReport report)
    {
        int errors = report.Count(Severity.Error), warnings = report.Count(Severity.Warning), notes = report.Count(Severity.Note);
        var seconds = report.Result.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
        return $"{Plural(errors + warnings + notes, "finding")} ({Plural(errors, "error")}, {Plural(warnings, "warning")}, {Plural(notes, "note")}) " +
               $"in {Plural(report.Result.Files.Count, "file")}, {report.SuppressedCount} suppressed, " +
               (report.Baseline is null ? "" : $"{report.BaselineCount} in baseline, ") + $"{seconds} s";
    }

    private static string Plural(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";

    private static string SeverityColor(Severity severity) => severity switch
    {
        Severity.Error => "\u001b[1;31m",
        Severity.Warning => "\u001b[1;33m",
        _ => "\u001b[1;36m",
    };
}
