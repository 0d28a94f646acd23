using System.Text.Json;
using InfraLint.Cli.Output;

namespace InfraLint.Cli.Compliance;

/// <summary>
/// <c>report --format json</c>, the shape docs/schemas/report.json documents (a test validates the output against it).
/// Fields are only ever added; <c>schemaVersion</c> changes if one is removed or changes meaning.
/// </summary>
internal static class ReportJson
{
    public const int SchemaVersion = 1;

    public static void Write(ComplianceReport report, TextWriter writer)
    {
        writer.Write(JsonSerializer.Serialize(Shape(report), JsonOutput.Options));
        writer.WriteLine();
    }

    internal static JsonComplianceReport Shape(ComplianceReport report) => new(
        SchemaVersion,
        new JsonTool(report.Tool, report.Version),
        report.GeneratedAt,
        Totals(report),
        report.Repositories.Select(r => new JsonRepository(r.Name, r.Location, r.Source, r.FilesScanned, r.EvaluationsKnown, r.Findings.Count(f => !f.IsWaived), r.Findings.Count(f => f.IsWaived))).ToArray(),
        report.Frameworks.Select(Framework).ToArray(),
        new JsonBreakdown(
            Count(report.OpenFindings, f => f.Severity),
            Count(report.OpenFindings, f => f.Area),
            Count(report.OpenFindings, f => f.Repository)),
        report.AllFindings.Select(Finding).ToArray(),
        report.Money.Select(m => new JsonMoney(
            m.Repository,
            Round(m.WasteMonthlyUsd),
            Round(m.SpotUsdPerReplicaHour),
            m.Workloads.Select(w => new JsonWorkloadWaste(w.Workload, Round(w.OverProvisionedMonthlyUsd), Round(w.CheaperClassMonthlyUsd), Round(w.MonthlyUsd), w.Evidence.Select(f => f.Fingerprint).ToArray())).ToArray(),
            m.Spot.Select(s => new JsonSpot(s.Workload, Round(s.UsdPerReplicaHour), s.Evidence.Fingerprint)).ToArray())).ToArray(),
        report.History is { } history ? History(history) : null);

    /// <summary>Only with <c>report --store</c>; left out otherwise, so reports without a store read as before.</summary>
    internal static JsonHistory History(ReportHistory history)
    {
        var summary = history.Summary;
        return new JsonHistory(
            history.Store,
            history.ScanId,
            summary.CompleteScans,
            summary.Open,
            summary.Fixed,
            summary.ReopenedFindings,
            summary.MeanTimeToFix is TimeSpan mean ? Math.Round(mean.TotalHours, 2, MidpointRounding.AwayFromZero) : null,
            summary.OpenPerWeek.Select(w => new JsonWeek(w.Week.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), w.Open)).ToArray(),
            summary.Findings.Select(t => new JsonTimeline(
                t.Repository, t.RuleId, t.Severity, t.File, t.LogicalPath, t.Fingerprint, t.FingerprintVersion,
                ComplianceReport.Time(t.FirstSeen), ComplianceReport.Time(t.LastSeen), t.Open ? "open" : "fixed",
                t.FixedAt is { } at ? ComplianceReport.Time(at) : null, t.Reopened)).ToArray());
    }

    internal static JsonTotals Totals(ComplianceReport report)
    {
        var open = report.OpenFindings.ToArray();
        return new JsonTotals(
            report.Repositories.Count,
            open.Length,
            open.Count(f => f.Severity == "error"),
            open.Count(f => f.Severity == "warning"),
            open.Count(f => f.Severity == "note"),
            report.WaivedFindings.Count(),
            report.CellsWith(ControlStatus.Fails),
            report.CellsWith(ControlStatus.Waived),
            report.CellsWith(ControlStatus.Holds),
            report.CellsWith(ControlStatus.NotApplicable),
            report.CellsWith(ControlStatus.NotEvaluated),
            report.CellsWith(ControlStatus.Unknown),
            Round(report.WasteMonthlyUsd),
            Round(report.SpotUsdPerReplicaHour));
    }

    private static JsonFramework Framework(FrameworkSection section) => new(
        section.Key,
        section.Name,
        section.Controls.Count,
        section.Controls.Select(c => new JsonControl(
            c.Control,
            c.Title,
            c.Rules,
            c.Cells.Select(cell => new JsonCell(
                cell.Repository,
                ComplianceReport.StatusWord(cell.Status),
                cell.Evaluated.Count,
                cell.RulesNotRun,
                Evidence(cell).ToArray())).ToArray())).ToArray());

    /// <summary>
    /// The evidence of a cell's status: the open findings that fail it, the waived findings, and, for a control that holds,
    /// every resource its rules evaluated. A failing cell counts its evaluations but does not list them: the findings decide it.
    /// </summary>
    internal static IEnumerable<JsonEvidence> Evidence(ControlCell cell) =>
        cell.Failing.Select(f => new JsonEvidence("finding", f.File, f.Line, f.RuleId, f.Resource, f.Fingerprint))
            .Concat(cell.Waived.Select(f => new JsonEvidence("waived", f.File, f.Line, f.RuleId, f.Resource, f.Fingerprint)))
            .Concat(cell.Status == ControlStatus.Holds
                ? cell.Evaluated.Select(e => new JsonEvidence("evaluated", e.File, e.Line, e.RuleId, e.Resource, e.Fingerprint))
                : Enumerable.Empty<JsonEvidence>());

    private static JsonFinding Finding(ReportFinding f) => new(
        f.Repository, f.RuleId, f.Severity, f.Area, f.Title, f.Message, f.File, f.Line, f.Column, f.Resource, f.Fingerprint,
        f.Waiver is { } w ? new JsonWaiver(w.Kind, w.Justification, w.Expires) : null,
        f.Properties);

    private static IReadOnlyDictionary<string, int> Count(IEnumerable<ReportFinding> findings, Func<ReportFinding, string> key) =>
        new SortedDictionary<string, int>(findings.GroupBy(key).ToDictionary(g => g.Key, g => g.Count()), StringComparer.Ordinal);

    /// <summary>Cents: the sizing model's figures are estimates, and binary fractions of a cent only make diffs noisy.</summary>
    private static double Round(double value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    private static double? Round(double? value) => value is double v ? Round(v) : null;

    internal sealed record JsonComplianceReport(
        int SchemaVersion,
        JsonTool Tool,
        string GeneratedAt,
        JsonTotals Totals,
        IReadOnlyList<JsonRepository> Repositories,
        IReadOnlyList<JsonFramework> Frameworks,
        JsonBreakdown FindingsBy,
        IReadOnlyList<JsonFinding> Findings,
        IReadOnlyList<JsonMoney> Money,
        [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] JsonHistory? History);

    /// <summary><c>meanTimeToFixHours</c>: null until a finding has been fixed.</summary>
    internal sealed record JsonHistory(
        string Store,
        string? ScanId,
        int CompleteScans,
        int Open,
        int Fixed,
        int Reopened,
        double? MeanTimeToFixHours,
        IReadOnlyList<JsonWeek> OpenPerWeek,
        IReadOnlyList<JsonTimeline> Findings);

    /// <summary>Findings open at the end of the week starting on Monday <c>week</c> (UTC).</summary>
    internal sealed record JsonWeek(string Week, int Open);

    internal sealed record JsonTimeline(
        string Repository,
        string RuleId,
        string Severity,
        string File,
        string LogicalPath,
        string Fingerprint,
        string FingerprintVersion,
        string FirstSeen,
        string LastSeen,
        string Status,
        string? FixedAt,
        int Reopened);

    internal sealed record JsonTool(string Name, string Version);

    /// <summary>Findings count open ones (waived apart); controls count (control, repository) cells by status.</summary>
    internal sealed record JsonTotals(
        int Repositories,
        int Findings,
        int Errors,
        int Warnings,
        int Notes,
        int Waived,
        int ControlsFailing,
        int ControlsWaived,
        int ControlsHolding,
        int ControlsNotApplicable,
        int ControlsNotEvaluated,
        int ControlsUnknown,
        double WasteMonthlyUsd,
        double SpotSavingUsdPerReplicaHour);

    internal sealed record JsonRepository(string Name, string Location, string Source, int FilesScanned, bool EvaluationsRecorded, int Findings, int Waived);

    internal sealed record JsonFramework(string Key, string Name, int ControlsMapped, IReadOnlyList<JsonControl> Controls);

    internal sealed record JsonControl(string Control, string Title, IReadOnlyList<string> Rules, IReadOnlyList<JsonCell> Repositories);

    /// <summary><c>evaluated</c>: how many times the control's rules judged something in the repository, whatever the verdict.</summary>
    internal sealed record JsonCell(string Repository, string Status, int Evaluated, IReadOnlyList<string> RulesNotRun, IReadOnlyList<JsonEvidence> Evidence);

    internal sealed record JsonEvidence(string Kind, string File, int Line, string RuleId, string? Resource, string Fingerprint);

    internal sealed record JsonBreakdown(IReadOnlyDictionary<string, int> Severity, IReadOnlyDictionary<string, int> Area, IReadOnlyDictionary<string, int> Repository);

    internal sealed record JsonFinding(
        string Repository,
        string RuleId,
        string Severity,
        string Area,
        string Title,
        string Message,
        string File,
        int Line,
        int Column,
        string? Resource,
        string Fingerprint,
        JsonWaiver? Waiver,
        IReadOnlyDictionary<string, string> Properties);

    internal sealed record JsonWaiver(string Kind, string? Justification, string? Expires);

    internal sealed record JsonMoney(string Repository, double WasteMonthlyUsd, double SpotSavingUsdPerReplicaHour, IReadOnlyList<JsonWorkloadWaste> Workloads, IReadOnlyList<JsonSpot> Spot);

    internal sealed record JsonWorkloadWaste(string Workload, double? OverProvisionedMonthlyUsd, double? CheaperClassMonthlyUsd, double MonthlyUsd, IReadOnlyList<string> Fingerprints);

    internal sealed record JsonSpot(string Workload, double UsdPerReplicaHour, string Fingerprint);
}
