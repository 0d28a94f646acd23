using System.Globalization;
using InfraLint.Core.Findings;

namespace InfraLint.Cli.Compliance;

/// <summary>What a control's rules say about it in one repository.</summary>
internal enum ControlStatus
{
    /// <summary>An open finding of one of its rules.</summary>
    Fails,

    /// <summary>Its rules found something, and every such finding is waived (suppressed with a justification).</summary>
    Waived,

    /// <summary>Its rules evaluated at least one resource and none failed.</summary>
    Holds,

    /// <summary>Its enabled rules evaluated nothing: no resource of the kinds they look at.</summary>
    NotApplicable,

    /// <summary>None of its rules ran (disabled by configuration or the rule set), so nothing can be said.</summary>
    NotEvaluated,

    /// <summary>No failure recorded, but the evidence (an earlier run's SARIF) does not record what held.</summary>
    Unknown,
}

/// <summary>One control in one repository: its status and the evidence for it.</summary>
internal sealed record ControlCell(
    string Repository,
    ControlStatus Status,
    IReadOnlyList<ReportFinding> Failing,
    IReadOnlyList<ReportFinding> Waived,
    IReadOnlyList<ReportEvaluation> Evaluated,
    IReadOnlyList<string> RulesNotRun);

internal sealed record ControlRow(string Control, string Title, IReadOnlyList<string> Rules, IReadOnlyList<ControlCell> Cells);

/// <summary>A framework's controls; none when no rule is mapped to it yet (the report says so rather than invent a mapping).</summary>
internal sealed record FrameworkSection(string Key, string Name, IReadOnlyList<ControlRow> Controls);

/// <summary>
/// One workload's waste: the monthly cost of its idle GPUs (IL1001) plus what a cheaper accelerator class would save on
/// the GPUs it does need (IL1003). IL1003 prices the GPUs the sizing model needs, not those provisioned, so it speaks
/// about what remains once IL1001's excess is gone, and the two add up without counting a GPU twice.
/// </summary>
internal sealed record WorkloadWaste(
    string Repository,
    string Workload,
    double? OverProvisionedMonthlyUsd,
    double? CheaperClassMonthlyUsd,
    IReadOnlyList<ReportFinding> Evidence)
{
    public double MonthlyUsd => (OverProvisionedMonthlyUsd ?? 0) + (CheaperClassMonthlyUsd ?? 0);
}

/// <summary>
/// What spot capacity would save a training or batch workload (IL1006), per hour it runs: the sizing catalog's on-demand
/// minus spot price per GPU-hour, times the GPUs of one replica. A manifest does not say how many hours a job runs.
/// </summary>
internal sealed record SpotSaving(string Repository, string Workload, double UsdPerReplicaHour, ReportFinding Evidence);

internal sealed record RepositoryMoney(string Repository, double WasteMonthlyUsd, double SpotUsdPerReplicaHour, IReadOnlyList<WorkloadWaste> Workloads, IReadOnlyList<SpotSaving> Spot);

/// <summary>The whole report every renderer draws from; nothing is computed in a renderer.</summary>
internal sealed record ComplianceReport(
    string Tool,
    string Version,
    string GeneratedAt,
    IReadOnlyList<RepositoryEvidence> Repositories,
    IReadOnlyList<FrameworkSection> Frameworks,
    IReadOnlyList<RepositoryMoney> Money)
{
    /// <summary>With <c>report --store</c>: first seen, fixed, reopened, open per week, mean time to fix.</summary>
    public ReportHistory? History { get; init; }

    public IEnumerable<ReportFinding> AllFindings => Repositories.SelectMany(r => r.Findings);

    public IEnumerable<ReportFinding> OpenFindings => AllFindings.Where(f => !f.IsWaived);

    public IEnumerable<ReportFinding> WaivedFindings => AllFindings.Where(f => f.IsWaived);

    public IEnumerable<ControlCell> Cells => Frameworks.SelectMany(f => f.Controls).SelectMany(c => c.Cells);

    public int CellsWith(ControlStatus status) => Cells.Count(c => c.Status == status);

    public double WasteMonthlyUsd => Money.Sum(m => m.WasteMonthlyUsd);

    public double SpotUsdPerReplicaHour => Money.Sum(m => m.SpotUsdPerReplicaHour);

    public static readonly IReadOnlyList<string> Severities = new[] { "error", "warning", "note" };

    public static string StatusWord(ControlStatus status) => status switch
    {
        ControlStatus.Fails => "fails",
        ControlStatus.Waived => "waived",
        ControlStatus.Holds => "holds",
        ControlStatus.NotApplicable => "not-applicable",
        ControlStatus.NotEvaluated => "not-evaluated",
        _ => "unknown",
    };

    public static string Dollars(double usd) => usd.ToString("#,##0", CultureInfo.InvariantCulture);

    /// <summary>A history time as the JSON report writes it: UTC to the second.</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A mean time to fix in words: days and hours, or hours and minutes under a day.</summary>
    public static string Duration(TimeSpan? span) => span is not TimeSpan t ? "none fixed yet"
        : t.TotalDays >= 1 ? $"{(int)t.TotalDays} d {t.Hours} h"
        : $"{t.Hours} h {t.Minutes} min";
}

/// <summary>Control statuses and money from the evidence of each repository.</summary>
internal static class ComplianceBuilder
{
    public static ComplianceReport Build(IReadOnlyList<RepositoryEvidence> repositories, IReadOnlyList<(string Key, string Name)> frameworks, IReadOnlyList<RuleDescriptor> rules, string generatedAt) =>
        new(
            LintHost.ToolName,
            LintHost.SemanticVersion,
            generatedAt,
            repositories,
            frameworks.Select(f => new FrameworkSection(
                f.Key,
                f.Name,
                Frameworks.ControlsOf(f.Name, rules)
                    .Select(c => new ControlRow(c.Control.Control, c.Control.Title, c.Rules.Select(r => r.Id).ToArray(), repositories.Select(r => Cell(c.Rules.Select(x => x.Id).ToArray(), r)).ToArray()))
                    .ToArray()))
                .ToArray(),
            repositories.Select(MoneyOf).ToArray());

    /// <summary>
    /// The status of a control whose evidence comes from <paramref name="ruleIds"/> in <paramref name="repository"/>:
    /// an open finding fails it; findings that are all waived make it waived; an evaluation without a finding holds it;
    /// enabled rules that evaluated nothing make it not applicable; rules none of which ran leave it not evaluated.
    /// </summary>
    public static ControlCell Cell(IReadOnlyCollection<string> ruleIds, RepositoryEvidence repository)
    {
        var ids = new HashSet<string>(ruleIds, StringComparer.Ordinal);
        var findings = repository.Findings.Where(f => ids.Contains(f.RuleId)).ToArray();
        var failing = findings.Where(f => !f.IsWaived).ToArray();
        var waived = findings.Where(f => f.IsWaived).ToArray();
        var evaluated = repository.Evaluations?.Where(e => ids.Contains(e.RuleId)).ToArray() ?? Array.Empty<ReportEvaluation>();
        var notRun = repository.EnabledRules is null ? Array.Empty<string>() : ids.Where(id => !repository.EnabledRules.Contains(id)).OrderBy(id => id, StringComparer.Ordinal).ToArray();

        ControlStatus status;
        if (failing.Length > 0) status = ControlStatus.Fails;
        else if (waived.Length > 0) status = ControlStatus.Waived;
        else if (!repository.EvaluationsKnown) status = ControlStatus.Unknown;
        else if (evaluated.Length > 0) status = ControlStatus.Holds;
        else if (notRun.Length == ids.Count) status = ControlStatus.NotEvaluated;
        else status = ControlStatus.NotApplicable;
        return new ControlCell(repository.Name, status, failing, waived, evaluated, notRun);
    }

    /// <summary>The money of one repository's open findings (a waived finding is a decision taken, not waste found).</summary>
    public static RepositoryMoney MoneyOf(RepositoryEvidence repository)
    {
        var open = repository.Findings.Where(f => !f.IsWaived).ToArray();
        var workloads = open
            .Where(f => f.RuleId is "IL1001" or "IL1003")
            .GroupBy(WorkloadOf, StringComparer.Ordinal)
            .Select(g => new WorkloadWaste(
                repository.Name,
                g.Key,
                Figure(g.Where(f => f.RuleId == "IL1001"), "excessMonthlyCostUsd"),
                Figure(g.Where(f => f.RuleId == "IL1003"), "monthlySavingUsd"),
                g.ToArray()))
            .Where(w => w.MonthlyUsd > 0)
            .OrderByDescending(w => w.MonthlyUsd).ThenBy(w => w.Workload, StringComparer.Ordinal)
            .ToArray();
        var spot = open
            .Where(f => f.RuleId == "IL1006")
            .Select(f => (Finding: f, PerHour: SpotPerReplicaHour(f)))
            .Where(s => s.PerHour is > 0)
            .Select(s => new SpotSaving(repository.Name, WorkloadOf(s.Finding), s.PerHour!.Value, s.Finding))
            .OrderByDescending(s => s.UsdPerReplicaHour).ThenBy(s => s.Workload, StringComparer.Ordinal)
            .ToArray();
        return new RepositoryMoney(repository.Name, workloads.Sum(w => w.MonthlyUsd), spot.Sum(s => s.UsdPerReplicaHour), workloads, spot);
    }

    /// <summary>
    /// The workload a capacity finding is about: the resource it names; from SARIF, which names none, the sizing profile
    /// both IL1001 and IL1003 record (it names the workload or its AIWorkload spec); else its place.
    /// </summary>
    private static string WorkloadOf(ReportFinding finding) =>
        finding.Resource
        ?? (finding.Properties.TryGetValue("profile", out var profile) && profile.Length > 0 ? profile : null)
        ?? $"{finding.File}:{finding.Line}";

    /// <summary>One figure per workload and rule: a rule reports a workload once, so more than one would be a second scan of it.</summary>
    private static double? Figure(IEnumerable<ReportFinding> findings, string property)
    {
        var values = findings.Select(f => Number(f, property)).Where(v => v is not null).Select(v => v!.Value).ToArray();
        return values.Length == 0 ? null : values.Max();
    }

    private static double? SpotPerReplicaHour(ReportFinding finding) =>
        Number(finding, "onDemandUsdPerGpuHour") is double onDemand && Number(finding, "spotUsdPerGpuHour") is double spot && Number(finding, "gpusPerReplica") is double gpus
            ? (onDemand - spot) * gpus
            : null;

    private static double? Number(ReportFinding finding, string property) =>
        finding.Properties.TryGetValue(property, out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
