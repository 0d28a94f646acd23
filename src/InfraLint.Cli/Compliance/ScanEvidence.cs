using InfraLint.Cli.Inputs;
using InfraLint.Cli.Output;
using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using InfraLint.Core.Scanning;

namespace InfraLint.Cli.Compliance;

/// <summary>
/// The repositories of <c>infralint report PATH...</c>: each path belongs to its git repository (named by the root's
/// folder) or, outside one, is a repository of its own; each repository is scanned once, by the same pipeline as
/// <c>scan</c>, from its root (so files are named relative to it and its own <c>.infralint.yaml</c> applies).
/// </summary>
internal static class ScanEvidence
{
    public static IReadOnlyList<RepositoryEvidence> Collect(CliEnvironment env, IReadOnlyList<string> paths, IReadOnlyList<string> excludes, RuleSelection? ruleSet)
    {
        var repositories = paths
            .Select(p => env.FullPath(p))
            .Select(full => (Full: full, Root: ConfigFile.RepositoryRoot(Directory.Exists(full) ? full : Path.GetDirectoryName(full)!) ?? (Directory.Exists(full) ? full : Path.GetDirectoryName(full)!)))
            .GroupBy(p => Path.TrimEndingDirectorySeparator(p.Root), StringComparer.Ordinal)
            .ToArray();
        var names = UniqueNames(repositories.Select(r => r.Key).ToArray());
        return repositories.Select(r => Scan(env, names[r.Key], r.Key, r.Select(p => p.Full).ToArray(), excludes, ruleSet)).ToArray();
    }

    private static RepositoryEvidence Scan(CliEnvironment env, string name, string root, IReadOnlyList<string> fullPaths, IReadOnlyList<string> excludes, RuleSelection? ruleSet)
    {
        var at = new CliEnvironment { Out = env.Out, Error = env.Error, WorkingDirectory = root, GetVariable = env.GetVariable };
        var report = ScanPipeline.Run(at, fullPaths.Select(p => CliEnvironment.Slashes(Path.GetRelativePath(root, p))).ToArray(), excludes, configPath: null, baseline: null, ruleSet);
        foreach (var notice in report.Notices) env.Error.WriteLine($"infralint: {name}: {TerminalText.Escape(notice)}");
        return new RepositoryEvidence(
            name,
            root,
            "scan",
            report.Result.Files.Count,
            report.Findings.Select(f => Finding(name, report, f)).ToArray(),
            report.Evaluations.Select(e => new ReportEvaluation(name, e.RuleId, e.Location.File, e.Location.StartLine, e.ResourceId, report.Fingerprint(e))).ToArray(),
            report.EnabledRules);
    }

    private static ReportFinding Finding(string repository, ScanReport report, Finding f) => new(
        repository,
        f.RuleId,
        ScanReport.SeverityWord(f.Severity),
        f.Rule.Area.ToString(),
        f.Rule.Title,
        f.Message,
        f.Location.File,
        f.Location.StartLine,
        f.Location.StartColumn,
        ScanReport.ResourceOf(f),
        report.Fingerprint(f),
        f.Suppression is { } s ? new Waiver(s.Kind, s.Justification, Expiry(f)) : null,
        new SortedDictionary<string, string>(f.Properties.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal));

    private static string? Expiry(Finding finding) =>
        finding.Suppression?.Until?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The resource part of a logical path (<c>Deployment/serving/vllm:spec…</c> → <c>Deployment/serving/vllm</c>).</summary>
    internal static string? ResourceOf(string logicalPath)
    {
        int colon = logicalPath.IndexOf(':');
        return colon > 0 ? logicalPath[..colon] : logicalPath.Length > 0 ? logicalPath : null;
    }

    /// <summary>Each root's folder name; two roots with one name are told apart by their parents' names.</summary>
    private static IReadOnlyDictionary<string, string> UniqueNames(IReadOnlyList<string> roots)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in roots.GroupBy(r => Path.GetFileName(r), StringComparer.Ordinal))
        {
            foreach (var root in group)
            {
                names[root] = group.Count() == 1 || Path.GetDirectoryName(root) is not { } parent
                    ? group.Key
                    : $"{Path.GetFileName(parent)}/{group.Key}";
            }
        }
        return names;
    }
}
