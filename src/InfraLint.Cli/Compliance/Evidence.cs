namespace InfraLint.Cli.Compliance;

/// <summary>
/// One finding as a report sees it, from a scan or from an earlier run's SARIF: every column an auditor hands on
/// (repository, file, line, rule, resource, fingerprint) and the waiver if there is one.
/// </summary>
internal sealed record ReportFinding(
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
    Waiver? Waiver,
    IReadOnlyDictionary<string, string> Properties)
{
    public bool IsWaived => Waiver is not null;
}

/// <summary>Why a finding does not count: where it was waived (kind), the justification, and the expiry when one was given.</summary>
internal sealed record Waiver(string Kind, string? Justification, string? Expires);

/// <summary>
/// One rule judged one resource (or a part of one) and found nothing wrong, or something: the ground of "holds". The
/// fingerprint is computed as a finding's is (rule, file, logical path), so an evaluation is as stable across line moves.
/// </summary>
internal sealed record ReportEvaluation(string Repository, string RuleId, string File, int Line, string? Resource, string Fingerprint);

/// <summary>Everything known about one repository: its findings, what its rules evaluated, and which rules ran.</summary>
internal sealed record RepositoryEvidence(
    string Name,
    string Location,
    string Source,
    int FilesScanned,
    IReadOnlyList<ReportFinding> Findings,
    IReadOnlyList<ReportEvaluation>? Evaluations,
    IReadOnlySet<string>? EnabledRules)
{
    /// <summary>False for an earlier run's SARIF, which records failures but not what held: "holds" cannot be told from "not applicable".</summary>
    public bool EvaluationsKnown => Evaluations is not null;
}
