using System.Globalization;
using System.Net;
using System.Text;

namespace InfraLint.Cli.Compliance;

/// <summary>
/// <c>report --format html</c>: one self-contained file. No external URL (a Content-Security-Policy forbids every load
/// but the page's own inline style and script), charts as inline SVG, tables sorted by a click on a column and filtered
/// by a text box with a few lines of inline script, and print CSS that opens every evidence list, so the page printed
/// to PDF is the evidence an auditor files.
/// </summary>
internal static class ReportHtml
{
    public static void Write(ComplianceReport report, TextWriter writer)
    {
        var totals = ReportJson.Totals(report);
        var h = new StringBuilder(256 * 1024);
        h.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        h.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n");
        h.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        h.Append("<title>InfraLint compliance report</title>\n<style>").Append(Css).Append("</style>\n</head>\n<body>\n");
        h.Append("<header><h1>InfraLint compliance report</h1><p class=\"meta\">")
            .Append(E($"{report.Tool} {report.Version}, generated {report.GeneratedAt}, {report.Repositories.Count} repositor{(report.Repositories.Count == 1 ? "y" : "ies")}: "))
            .Append(string.Join(", ", report.Repositories.Select(r => $"<b>{E(r.Name)}</b>{(r.Source == "sarif" ? " (from SARIF)" : string.Empty)}")))
            .Append("</p></header>\n");

        h.Append("<section class=\"cards\">");
        Card(h, "findings", "Open findings", totals.Findings.ToString(CultureInfo.InvariantCulture));
        Card(h, "errors", "Errors", totals.Errors.ToString(CultureInfo.InvariantCulture));
        Card(h, "warnings", "Warnings", totals.Warnings.ToString(CultureInfo.InvariantCulture));
        Card(h, "notes", "Notes", totals.Notes.ToString(CultureInfo.InvariantCulture));
        Card(h, "waived", "Waived", totals.Waived.ToString(CultureInfo.InvariantCulture));
        Card(h, "controlsFailing", "Controls failing", totals.ControlsFailing.ToString(CultureInfo.InvariantCulture));
        Card(h, "controlsHolding", "Controls holding", totals.ControlsHolding.ToString(CultureInfo.InvariantCulture));
        Card(h, "controlsNotApplicable", "Not applicable", totals.ControlsNotApplicable.ToString(CultureInfo.InvariantCulture));
        Card(h, "wasteMonthlyUsd", "GPU waste / month", "$" + ComplianceReport.Dollars(totals.WasteMonthlyUsd));
        h.Append("</section>\n");

        h.Append("<section class=\"charts\">");
        BarChart(h, "Open findings by severity", ComplianceReport.Severities.Select(s => (s, (double)report.OpenFindings.Count(f => f.Severity == s), "sev-" + s)).ToArray(), v => v.ToString("0", CultureInfo.InvariantCulture));
        StatusChart(h, report);
        BarChart(h, "GPU waste per month by repository", report.Money.Select(m => (m.Repository, m.WasteMonthlyUsd, "money")).ToArray(), v => "$" + ComplianceReport.Dollars(v));
        h.Append("</section>\n");

        h.Append("<p class=\"legend\">Each cell is one control in one repository: <span class=\"st fails\">fails</span> an open finding; <span class=\"st waived\">waived</span> every finding waived; <span class=\"st holds\">holds</span> evaluated, nothing failed; <span class=\"st not-applicable\">not applicable</span> nothing of the kinds its rules look at; <span class=\"st not-evaluated\">not evaluated</span> its rules did not run; <span class=\"st unknown\">unknown</span> SARIF records failures, not evaluations.</p>\n");
        foreach (var framework in report.Frameworks) Framework(h, report, framework);

        Money(h, report);
        if (report.History is { } history) History(h, history);
        Findings(h, "Waived findings", "waived", report.WaivedFindings.ToArray(), waived: true);
        Findings(h, "Open findings", "open", report.OpenFindings.ToArray(), waived: false);

        h.Append("<script>").Append(Script).Append("</script>\n</body>\n</html>\n");
        writer.Write(h.ToString());
    }

    private static void Card(StringBuilder h, string key, string label, string value) =>
        h.Append($"<div class=\"card\"><span class=\"v\" data-total=\"{key}\">{E(value)}</span><span class=\"l\">{E(label)}</span></div>");

    private static void Framework(StringBuilder h, ComplianceReport report, FrameworkSection framework)
    {
        h.Append($"<section id=\"fw-{E(framework.Key)}\"><h2>{E(framework.Name)}</h2>\n");
        if (framework.Controls.Count == 0)
        {
            h.Append($"<p class=\"none\">No InfraLint rule is mapped to a control of {E(framework.Name)} yet, so this report says nothing about it.</p></section>\n");
            return;
        }
        var id = "t-" + framework.Key;
        Filter(h, id);
        h.Append($"<table id=\"{E(id)}\" class=\"sortable\"><thead><tr><th>Control</th><th>Title</th><th>Rules</th>");
        foreach (var r in report.Repositories) h.Append($"<th>{E(r.Name)}</th>");
        h.Append("</tr></thead><tbody>\n");
        foreach (var control in framework.Controls)
        {
            h.Append($"<tr><td class=\"nowrap\">{E(control.Control)}</td><td>{E(control.Title)}</td><td>{E(string.Join(", ", control.Rules))}</td>");
            foreach (var cell in control.Cells)
            {
                var word = ComplianceReport.StatusWord(cell.Status);
                var evidence = ReportJson.Evidence(cell).ToArray();
                h.Append($"<td data-sort=\"{(int)cell.Status}\"><span class=\"st {word}\">{word.Replace('-', ' ')}</span>");
                if (cell.RulesNotRun.Count > 0) h.Append($"<div class=\"small\">not run: {E(string.Join(", ", cell.RulesNotRun))}</div>");
                if (evidence.Length > 0)
                {
                    h.Append($"<details><summary>{evidence.Length} evidence</summary><ul class=\"ev\">");
                    foreach (var e in evidence)
                        h.Append($"<li><span class=\"k {e.Kind}\">{e.Kind}</span> {E(e.RuleId)} <code>{E(e.File)}:{e.Line}</code> {E(e.Resource ?? string.Empty)} <code class=\"fp\">{E(e.Fingerprint)}</code></li>");
                    h.Append("</ul></details>");
                }
                h.Append("</td>");
            }
            h.Append("</tr>\n");
        }
        h.Append("</tbody></table></section>\n");
    }

    private static void Money(StringBuilder h, ComplianceReport report)
    {
        h.Append("<section id=\"money\"><h2>Money</h2><p>Monthly cost of over-provisioned GPUs (IL1001) plus what a cheaper accelerator class would save on the GPUs still needed (IL1003), each workload counted once; spot savings (IL1006) per hour one replica runs. Figures are the sizing model's on-demand estimates.</p>\n");
        h.Append("<table class=\"sortable\"><thead><tr><th>Repository</th><th>GPU waste / month</th><th>Spot saving / replica-hour</th><th>Workloads</th></tr></thead><tbody>\n");
        foreach (var m in report.Money)
            h.Append($"<tr><td>{E(m.Repository)}</td><td class=\"num\" data-sort=\"{N(m.WasteMonthlyUsd)}\" data-money=\"{E(m.Repository)}\">${ComplianceReport.Dollars(m.WasteMonthlyUsd)}</td><td class=\"num\" data-sort=\"{N(m.SpotUsdPerReplicaHour)}\">${m.SpotUsdPerReplicaHour.ToString("0.00", CultureInfo.InvariantCulture)}</td><td class=\"num\">{m.Workloads.Count}</td></tr>\n");
        h.Append("</tbody></table>\n");
        var workloads = report.Money.SelectMany(m => m.Workloads).ToArray();
        if (workloads.Length > 0)
        {
            Filter(h, "t-waste");
            h.Append("<table id=\"t-waste\" class=\"sortable\"><thead><tr><th>Repository</th><th>Workload</th><th>Idle GPUs (IL1001)</th><th>Cheaper class (IL1003)</th><th>Total / month</th><th>Fingerprints</th></tr></thead><tbody>\n");
            foreach (var w in workloads)
                h.Append($"<tr><td>{E(w.Repository)}</td><td><code>{E(w.Workload)}</code></td><td class=\"num\" data-sort=\"{N(w.OverProvisionedMonthlyUsd ?? 0)}\">{Usd(w.OverProvisionedMonthlyUsd)}</td><td class=\"num\" data-sort=\"{N(w.CheaperClassMonthlyUsd ?? 0)}\">{Usd(w.CheaperClassMonthlyUsd)}</td><td class=\"num\" data-sort=\"{N(w.MonthlyUsd)}\">${ComplianceReport.Dollars(w.MonthlyUsd)}</td><td><code class=\"fp\">{E(string.Join(" ", w.Evidence.Select(f => f.Fingerprint)))}</code></td></tr>\n");
            h.Append("</tbody></table>\n");
        }
        h.Append("</section>\n");
    }

    /// <summary><c>report --store</c>: the store's counts, open findings per week, and each finding's history.</summary>
    private static void History(StringBuilder h, ReportHistory history)
    {
        var summary = history.Summary;
        h.Append($"<section id=\"history\"><h2>History</h2><p>From {summary.CompleteScans} complete scan(s) in <code>{E(history.Store)}</code> (a scan with a shard missing is left out): <span data-history=\"open\">{summary.Open}</span> open, <span data-history=\"fixed\">{summary.Fixed}</span> fixed, <span data-history=\"reopened\">{summary.ReopenedFindings}</span> reopened; mean time to fix {E(ComplianceReport.Duration(summary.MeanTimeToFix))}.</p>\n");
        h.Append("<table class=\"sortable\"><thead><tr><th>Week (from Monday)</th><th>Open at its end</th></tr></thead><tbody>\n");
        foreach (var week in summary.OpenPerWeek)
            h.Append($"<tr><td>{week.Week.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}</td><td class=\"num\">{week.Open}</td></tr>\n");
        h.Append("</tbody></table>\n");
        Filter(h, "t-history");
        h.Append("<table id=\"t-history\" class=\"sortable\"><thead><tr><th>Repository</th><th>Rule</th><th>File</th><th>Resource</th><th>First seen</th><th>Last seen</th><th>Status</th><th>Reopened</th></tr></thead><tbody>\n");
        foreach (var f in summary.Findings)
            h.Append($"<tr><td>{E(f.Repository)}</td><td>{E(f.RuleId)}</td><td><code>{E(f.File)}</code></td><td><code>{E(f.LogicalPath)}</code></td><td>{ComplianceReport.Time(f.FirstSeen)}</td><td>{ComplianceReport.Time(f.LastSeen)}</td><td>{(f.Open ? "open" : "fixed " + ComplianceReport.Time(f.FixedAt!.Value))}</td><td class=\"num\">{f.Reopened}</td></tr>\n");
        h.Append("</tbody></table></section>\n");
    }

    private static void Findings(StringBuilder h, string title, string id, IReadOnlyList<ReportFinding> findings, bool waived)
    {
        h.Append($"<section id=\"{id}\"><h2>{E(title)} (<span data-count=\"{id}\">{findings.Count}</span>)</h2>\n");
        if (findings.Count == 0)
        {
            h.Append("<p class=\"none\">None.</p></section>\n");
            return;
        }
        Filter(h, "t-" + id);
        h.Append($"<table id=\"t-{id}\" class=\"sortable findings\"><thead><tr><th>Repository</th><th>Severity</th><th>Rule</th><th>Area</th><th>File</th><th>Line</th><th>Resource</th>");
        h.Append(waived ? "<th>Justification</th><th>Expires</th><th>Kind</th>" : "<th>Message</th>");
        h.Append("<th>Fingerprint</th></tr></thead><tbody>\n");
        foreach (var f in findings)
        {
            h.Append($"<tr><td>{E(f.Repository)}</td><td data-sort=\"{Rank(f.Severity)}\"><span class=\"sev sev-{E(f.Severity)}\">{E(f.Severity)}</span></td><td title=\"{E(f.Title)}\">{E(f.RuleId)}</td><td>{E(f.Area)}</td><td><code>{E(f.File)}</code></td><td class=\"num\">{f.Line}</td><td><code>{E(f.Resource ?? string.Empty)}</code></td>");
            if (waived) h.Append($"<td>{E(f.Waiver!.Justification ?? "(none given)")}</td><td>{E(f.Waiver.Expires ?? "never")}</td><td>{E(f.Waiver.Kind)}</td>");
            else h.Append($"<td class=\"msg\">{E(f.Message)}</td>");
            h.Append($"<td><code class=\"fp\">{E(f.Fingerprint)}</code></td></tr>\n");
        }
        h.Append("</tbody></table></section>\n");
    }

    private static void Filter(StringBuilder h, string table) =>
        h.Append($"<input class=\"filter\" type=\"search\" placeholder=\"Filter rows\" aria-label=\"Filter rows\" data-table=\"{E(table)}\">\n");

    /// <summary>Horizontal bars, one per label, scaled to the largest value.</summary>
    private static void BarChart(StringBuilder h, string title, IReadOnlyList<(string Label, double Value, string Class)> bars, Func<double, string> format)
    {
        const int width = 360, row = 22, labelWidth = 110, valueWidth = 70;
        double max = bars.Count == 0 ? 0 : bars.Max(b => b.Value);
        int height = Math.Max(1, bars.Count) * row + 8;
        h.Append($"<figure><figcaption>{E(title)}</figcaption><svg role=\"img\" aria-label=\"{E(title)}\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\">");
        for (int i = 0; i < bars.Count; i++)
        {
            var (label, value, cls) = bars[i];
            double w = max <= 0 ? 0 : (width - labelWidth - valueWidth) * value / max;
            int y = i * row + 4;
            h.Append($"<text x=\"0\" y=\"{y + 14}\" class=\"lbl\">{E(Shorten(label, 16))}</text>");
            h.Append($"<rect x=\"{labelWidth}\" y=\"{y + 2}\" width=\"{N(w)}\" height=\"{row - 6}\" class=\"{E(cls)}\"></rect>");
            h.Append($"<text x=\"{N(labelWidth + w + 4)}\" y=\"{y + 14}\" class=\"val\">{E(format(value))}</text>");
        }
        if (bars.Count == 0) h.Append("<text x=\"0\" y=\"16\" class=\"lbl\">nothing to show</text>");
        h.Append("</svg></figure>");
    }

    /// <summary>One stacked bar per framework: how its (control, repository) cells divide among the statuses.</summary>
    private static void StatusChart(StringBuilder h, ComplianceReport report)
    {
        const int width = 360, row = 22, labelWidth = 110, barWidth = width - labelWidth - 10;
        var frameworks = report.Frameworks.ToArray();
        int height = Math.Max(1, frameworks.Length) * row + 8;
        h.Append($"<figure><figcaption>Control status by framework</figcaption><svg role=\"img\" aria-label=\"Control status by framework\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\">");
        for (int i = 0; i < frameworks.Length; i++)
        {
            var cells = frameworks[i].Controls.SelectMany(c => c.Cells).ToArray();
            int y = i * row + 4;
            h.Append($"<text x=\"0\" y=\"{y + 14}\" class=\"lbl\">{E(Shorten(frameworks[i].Key, 16))}</text>");
            if (cells.Length == 0)
            {
                h.Append($"<text x=\"{labelWidth}\" y=\"{y + 14}\" class=\"val\">no controls mapped</text>");
                continue;
            }
            double x = labelWidth;
            foreach (var status in Enum.GetValues<ControlStatus>())
            {
                int n = cells.Count(c => c.Status == status);
                if (n == 0) continue;
                double w = barWidth * n / (double)cells.Length;
                var word = ComplianceReport.StatusWord(status);
                h.Append($"<rect x=\"{N(x)}\" y=\"{y + 2}\" width=\"{N(w)}\" height=\"{row - 6}\" class=\"bar-{word}\"><title>{word}: {n}</title></rect>");
                x += w;
            }
        }
        h.Append("</svg></figure>");
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static string Usd(double? usd) => usd is double v ? "$" + ComplianceReport.Dollars(v) : string.Empty;

    private static int Rank(string severity) => severity switch { "error" => 0, "warning" => 1, _ => 2 };

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private const string Css = """
        :root{--fail:#c62828;--waive:#b7791f;--hold:#2e7d32;--na:#9e9e9e;--ne:#607d8b;--unk:#6a1b9a}
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px;color:#1b1b1b}
        h1{margin:0 0 4px}h2{margin-top:32px;border-bottom:1px solid #ddd;padding-bottom:4px}
        .meta,.small,.legend{color:#555}.small{font-size:12px}
        .cards{display:flex;flex-wrap:wrap;gap:10px;margin:16px 0}
        .card{border:1px solid #ddd;border-radius:6px;padding:8px 14px;min-width:110px}
        .card .v{display:block;font-size:22px;font-weight:600}.card .l{color:#555;font-size:12px}
        .charts{display:flex;flex-wrap:wrap;gap:24px}figure{margin:0}figcaption{font-weight:600;margin-bottom:4px}
        svg .lbl,svg .val{font-size:12px;fill:#333}
        .sev-error{fill:var(--fail)}.sev-warning{fill:var(--waive)}.sev-note{fill:#1565c0}.money{fill:#00695c}
        .bar-fails{fill:var(--fail)}.bar-waived{fill:var(--waive)}.bar-holds{fill:var(--hold)}.bar-not-applicable{fill:var(--na)}.bar-not-evaluated{fill:var(--ne)}.bar-unknown{fill:var(--unk)}
        table{border-collapse:collapse;width:100%;margin:8px 0 16px}th,td{border:1px solid #ddd;padding:4px 6px;vertical-align:top;text-align:left}
        th{background:#f5f5f5;cursor:pointer;user-select:none}th[aria-sort=ascending]::after{content:" \25B2"}th[aria-sort=descending]::after{content:" \25BC"}
        td.num{text-align:right}.nowrap{white-space:nowrap}code{font-size:12px}.fp{color:#666}.msg{max-width:520px}
        .st{display:inline-block;border-radius:3px;padding:0 6px;color:#fff;font-size:12px;white-space:nowrap}
        .st.fails{background:var(--fail)}.st.waived{background:var(--waive)}.st.holds{background:var(--hold)}.st.not-applicable{background:var(--na)}.st.not-evaluated{background:var(--ne)}.st.unknown{background:var(--unk)}
        span.sev{font-weight:600}span.sev-error{color:var(--fail)}span.sev-warning{color:var(--waive)}span.sev-note{color:#1565c0}
        .k{font-size:11px;text-transform:uppercase;color:#555}.ev{margin:4px 0;padding-left:16px}
        .filter{margin:4px 0;padding:4px 6px;width:280px}.none{color:#555}
        @media print{body{margin:0;font-size:11px}.filter{display:none}th{cursor:auto}
          section{break-inside:auto}tr,figure{break-inside:avoid}details>summary{list-style:none}
          .st,.card{-webkit-print-color-adjust:exact;print-color-adjust:exact}a{color:inherit;text-decoration:none}}
        """;

    private const string Script = """
        (function(){
          function key(td){var s=td.getAttribute('data-sort');if(s!==null){return {n:parseFloat(s),t:s};}
            var t=td.textContent.trim();var n=parseFloat(t.replace(/[$,]/g,''));return {n:/^[$\d.,-]+$/.test(t)?n:NaN,t:t.toLowerCase()};}
          document.querySelectorAll('table.sortable').forEach(function(table){
            table.querySelectorAll('thead th').forEach(function(th,col){
              th.addEventListener('click',function(){
                var asc=th.getAttribute('aria-sort')!=='ascending';
                table.querySelectorAll('thead th').forEach(function(o){o.removeAttribute('aria-sort');});
                th.setAttribute('aria-sort',asc?'ascending':'descending');
                var body=table.tBodies[0];var rows=Array.prototype.slice.call(body.rows);
                rows.sort(function(a,b){var x=key(a.cells[col]),y=key(b.cells[col]);
                  var c=(!isNaN(x.n)&&!isNaN(y.n))?x.n-y.n:(x.t<y.t?-1:x.t>y.t?1:0);return asc?c:-c;});
                rows.forEach(function(r){body.appendChild(r);});
              });
            });
          });
          document.querySelectorAll('input.filter').forEach(function(input){
            input.addEventListener('input',function(){
              var q=input.value.toLowerCase();var table=document.getElementById(input.getAttribute('data-table'));
              Array.prototype.forEach.call(table.tBodies[0].rows,function(r){r.style.display=r.textContent.toLowerCase().indexOf(q)<0?'none':'';});
            });
          });
          window.addEventListener('beforeprint',function(){document.querySelectorAll('details').forEach(function(d){d.setAttribute('data-was',d.open?'1':'');d.open=true;});});
          window.addEventListener('afterprint',function(){document.querySelectorAll('details').forEach(function(d){d.open=d.getAttribute('data-was')==='1';});});
        })();
        """;
}
