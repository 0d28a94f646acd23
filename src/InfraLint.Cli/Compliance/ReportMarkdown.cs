using System.Globalization;
using System.Text;

namespace InfraLint.Cli.Compliance;

/// <summary>
/// <c>report --format md</c>: for a GitHub job summary (at most 1 MiB per step) and a pull-request comment (at most
/// 65,536 characters). The report is written in order of importance (totals, controls, waivers, money, then findings)
/// within <see cref="Limit"/> characters; what does not fit is cut at a table row, and a note says how much was left
/// out and where the whole report is.
/// </summary>
internal static class ReportMarkdown
{
    /// <summary>A pull-request comment's maximum; 65,536 characters are at most 256 KiB of UTF-8, well inside a job summary.</summary>
    public const int Limit = 65_536;

    /// <summary>Room kept for the closing note about what was cut.</summary>
    private const int NoteReserve = 400;

    public static void Write(ComplianceReport report, TextWriter writer, int limit = Limit)
    {
        var md = new Budget(limit - NoteReserve);
        var totals = ReportJson.Totals(report);
        md.Line("# InfraLint compliance report");
        md.Line();
        md.Line($"{report.Tool} {Escape(report.Version)}, {Escape(report.GeneratedAt)}: {Plural(report.Repositories.Count, "repository", "repositories")} ({string.Join(", ", report.Repositories.Select(r => $"**{Escape(r.Name)}**{(r.Source == "sarif" ? " (from SARIF)" : string.Empty)}"))}).");
        md.Line();
        md.Line("| Open findings | Errors | Warnings | Notes | Waived | Controls failing | Holding | Not applicable | GPU waste / month |");
        md.Line("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        md.Line($"| {totals.Findings} | {totals.Errors} | {totals.Warnings} | {totals.Notes} | {totals.Waived} | {totals.ControlsFailing} | {totals.ControlsHolding} | {totals.ControlsNotApplicable} | ${ComplianceReport.Dollars(totals.WasteMonthlyUsd)} |");
        md.Line();
        md.Line("Control cells are one control in one repository: ❌ fails (an open finding), 🟡 waived (every finding waived), ✅ holds (evaluated, nothing failed), ⚪ not applicable (nothing to evaluate), ➖ not evaluated (its rules did not run), ❔ unknown (SARIF records no evaluations).");

        foreach (var framework in report.Frameworks)
        {
            md.Line();
            md.Line($"## {Escape(framework.Name)}");
            md.Line();
            if (framework.Controls.Count == 0)
            {
                md.Line($"No InfraLint rule is mapped to a control of {Escape(framework.Name)} yet, so this report says nothing about it.");
                continue;
            }
            md.Line($"| Control | Rules | {string.Join(" | ", report.Repositories.Select(r => Escape(r.Name)))} |");
            md.Line($"|---|---|{string.Concat(report.Repositories.Select(_ => ":---:|"))}");
            foreach (var control in framework.Controls)
            {
                if (!md.Row($"| **{Escape(control.Control)}** {Escape(control.Title)} | {string.Join(", ", control.Rules)} | {string.Join(" | ", control.Cells.Select(Cell))} |")) break;
            }
        }

        md.Line();
        md.Line("## Findings by severity, area and repository");
        md.Line();
        md.Line("| Severity | Open |");
        md.Line("|---|---:|");
        foreach (var severity in ComplianceReport.Severities) md.Row($"| {severity} | {report.OpenFindings.Count(f => f.Severity == severity)} |");
        md.Line();
        md.Line("| Area | Open |");
        md.Line("|---|---:|");
        foreach (var area in report.OpenFindings.GroupBy(f => f.Area).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)) md.Row($"| {Escape(area.Key)} | {area.Count()} |");
        md.Line();
        md.Line("| Repository | Open | Waived | Files |");
        md.Line("|---|---:|---:|---:|");
        foreach (var repository in report.Repositories) md.Row($"| {Escape(repository.Name)} | {repository.Findings.Count(f => !f.IsWaived)} | {repository.Findings.Count(f => f.IsWaived)} | {repository.FilesScanned} |");

        md.Line();
        md.Line("## Money");
        md.Line();
        md.Line("Monthly cost of over-provisioned GPUs (IL1001) plus what a cheaper accelerator class would save on the GPUs still needed (IL1003), each workload once; spot savings (IL1006) per hour a replica runs.");
        md.Line();
        md.Line("| Repository | GPU waste / month | Spot saving / replica-hour | Workloads |");
        md.Line("|---|---:|---:|---:|");
        foreach (var money in report.Money) md.Row($"| {Escape(money.Repository)} | ${ComplianceReport.Dollars(money.WasteMonthlyUsd)} | ${money.SpotUsdPerReplicaHour.ToString("0.00", CultureInfo.InvariantCulture)} | {money.Workloads.Count} |");
        var workloads = report.Money.SelectMany(m => m.Workloads).OrderByDescending(w => w.MonthlyUsd).ToArray();
        if (workloads.Length > 0)
        {
            md.Line();
            md.Line("| Repository | Workload | Idle GPUs (IL1001) | Cheaper class (IL1003) | Total / month |");
            md.Line("|---|---|---:|---:|---:|");
            int shown = 0;
            foreach (var w in workloads)
            {
                if (!md.Row($"| {Escape(w.Repository)} | `{Code(w.Workload)}` | {Usd(w.OverProvisionedMonthlyUsd)} | {Usd(w.CheaperClassMonthlyUsd)} | ${ComplianceReport.Dollars(w.MonthlyUsd)} |")) break;
                shown++;
            }
            md.Cut(workloads.Length - shown, "workloads");
        }

        if (report.History is { } history) History(md, history);

        var waived = report.WaivedFindings.ToArray();
        md.Line();
        md.Line($"## Waived findings ({waived.Length})");
        if (waived.Length > 0)
        {
            md.Line();
            md.Line("| Repository | Rule | Where | Resource | Justification | Expires |");
            md.Line("|---|---|---|---|---|---|");
            int shown = 0;
            foreach (var f in waived)
            {
                if (!md.Row($"| {Escape(f.Repository)} | {f.RuleId} | `{Code(f.File)}:{f.Line}` | {ResourceCell(f.Resource)} | {Escape(f.Waiver!.Justification ?? "(none given)")} | {Escape(f.Waiver.Expires ?? "never")} |")) break;
                shown++;
            }
            md.Cut(waived.Length - shown, "waived findings");
        }

        var open = report.OpenFindings.OrderBy(f => SeverityRank(f.Severity)).ThenBy(f => f.Repository, StringComparer.Ordinal).ThenBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line).ToArray();
        md.Line();
        md.Line($"## Open findings ({open.Length})");
        if (open.Length > 0)
        {
            md.Line();
            md.Line("| Severity | Rule | Repository | Where | Resource | Fingerprint |");
            md.Line("|---|---|---|---|---|---|");
            int shown = 0;
            foreach (var f in open)
            {
                if (!md.Row($"| {f.Severity} | {f.RuleId} | {Escape(f.Repository)} | `{Code(f.File)}:{f.Line}` | {ResourceCell(f.Resource)} | `{Code(f.Fingerprint)}` |")) break;
                shown++;
            }
            md.Cut(open.Length - shown, "open findings");
        }

        writer.Write(md.Text(limit));
    }

    /// <summary>The store's counts, the last twelve weeks, and the findings that came back after a fix.</summary>
    private static void History(Budget md, ReportHistory history)
    {
        var summary = history.Summary;
        md.Line();
        md.Line("## History");
        md.Line();
        md.Line($"From {Plural(summary.CompleteScans, "complete scan", "complete scans")} in {Escape(history.Store)} (a scan with a shard missing is left out, so nothing reads as fixed that was not scanned): {summary.Open} open, {summary.Fixed} fixed, {summary.ReopenedFindings} reopened; mean time to fix {ComplianceReport.Duration(summary.MeanTimeToFix)}.");
        var weeks = summary.OpenPerWeek.TakeLast(12).ToArray();
        if (weeks.Length > 0)
        {
            md.Line();
            md.Line("| Week (from Monday) | Open at its end |");
            md.Line("|---|---:|");
            foreach (var week in weeks) md.Row($"| {week.Week.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} | {week.Open} |");
        }
        var reopened = summary.Findings.Where(f => f.Reopened > 0).ToArray();
        if (reopened.Length == 0) return;
        md.Line();
        md.Line("| Reopened | Rule | Repository | Where | First seen | Last seen | Status |");
        md.Line("|---:|---|---|---|---|---|---|");
        int shown = 0;
        foreach (var f in reopened)
        {
            if (!md.Row($"| {f.Reopened} | {f.RuleId} | {Escape(f.Repository)} | `{Code(f.File)}` | {ComplianceReport.Time(f.FirstSeen)} | {ComplianceReport.Time(f.LastSeen)} | {(f.Open ? "open" : "fixed")} |")) break;
            shown++;
        }
        md.Cut(reopened.Length - shown, "reopened findings");
    }

    private static string Cell(ControlCell cell) => cell.Status switch
    {
        ControlStatus.Fails => $"❌ fails ({cell.Failing.Count})",
        ControlStatus.Waived => $"🟡 waived ({cell.Waived.Count})",
        ControlStatus.Holds => $"✅ holds ({cell.Evaluated.Count})",
        ControlStatus.NotApplicable => "⚪ n/a",
        ControlStatus.NotEvaluated => "➖ not run",
        _ => "❔ unknown",
    };

    private static int SeverityRank(string severity) => severity switch { "error" => 0, "warning" => 1, _ => 2 };

    private static string Usd(double? usd) => usd is double v ? "$" + ComplianceReport.Dollars(v) : string.Empty;

    private static string ResourceCell(string? resource) => resource is null ? string.Empty : $"`{Code(resource)}`";

    private static string Plural(int n, string one, string many) => $"{n} {(n == 1 ? one : many)}";

    /// <summary>Text in a table cell: no line break, no pipe, no HTML or link markup from the scanned files.</summary>
    internal static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\r' or '\n': sb.Append(' '); break;
                case '|' or '\\' or '*' or '_' or '[' or ']' or '`' or '#' or '!': sb.Append('\\').Append(c); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Text in a code span of a table cell: only the pipe, line breaks and backticks need care.</summary>
    private static string Code(string text) => text.Replace('`', '\'').Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ');

    /// <summary>The Markdown so far, and whether the next line still fits.</summary>
    private sealed class Budget(int limit)
    {
        private readonly StringBuilder _text = new();
        private readonly List<string> _cuts = new();

        public bool Full { get; private set; }

        public void Line(string line = "")
        {
            if (Full) return;
            if (_text.Length + line.Length + 1 > limit) { Full = true; return; }
            _text.Append(line).Append('\n');
        }

        /// <summary>A table row if it fits; false (and the report is full) when it does not.</summary>
        public bool Row(string row)
        {
            Line(row);
            return !Full;
        }

        public void Cut(int left, string what)
        {
            if (left > 0) _cuts.Add($"{left} {what}");
        }

        public string Text(int hardLimit)
        {
            if (!Full && _cuts.Count == 0) return _text.ToString();
            var note = $"\n> **Truncated** to fit {hardLimit:N0} characters (a pull-request comment's limit){(_cuts.Count > 0 ? ": " + string.Join(", ", _cuts) + " not shown" : ": the remaining sections are not shown")}. The JSON, CSV and HTML reports have everything.\n";
            return _text.ToString() + note;
        }
    }
}
