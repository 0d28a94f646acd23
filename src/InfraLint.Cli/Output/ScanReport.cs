using System.Security.Cryptography;
using System.Text;
using InfraLint.Core.Engine;
using InfraLint.Core.Findings;
using InfraLint.Core.Scanning;

namespace InfraLint.Cli.Output;

/// <summary>One scan as every output format sees it: the findings plus what is needed to name files and rules.</summary>
internal sealed class ScanReport
{
    private readonly IReadOnlyDictionary<string, string> _fullPathByDisplay;
    private readonly CliEnvironment _env;
    private readonly Lazy<IReadOnlyDictionary<Finding, string>> _fingerprints;
    private readonly IReadOnlySet<string>? _reportedFiles;

    public ScanReport(ScanResult result, RuleCatalog catalog, string root, IReadOnlyDictionary<string, string> fullPathByDisplay, IReadOnlyList<string> notices, CliEnvironment env)
    {
        Result = result;
        Catalog = catalog;
        Root = root;
        Notices = notices;
        _fullPathByDisplay = fullPathByDisplay;
        _env = env;
        Findings = result.Findings.Where(f => f.Severity != Severity.None).ToArray();
        _fingerprints = new Lazy<IReadOnlyDictionary<Finding, string>>(ComputeFingerprints);
    }

    public ScanResult Result { get; }

    public RuleCatalog Catalog { get; }

    /// <summary>Absolute directory that SARIF's <c>%SRCROOT%</c> stands for.</summary>
    public string Root { get; }

    /// <summary>Problems that are not findings (a path skipped, a folder unreadable), reported on stderr and in SARIF invocations.</summary>
    public IReadOnlyList<string> Notices { get; }

    /// <summary>Every reported finding, suppressed ones included; rules configured to severity none are dropped.</summary>
    public IReadOnlyList<Finding> Findings { get; private set; }

    /// <summary>
    /// With <c>scan --context</c>: the files (full paths) whose findings are reported; everything else was evaluated as
    /// context only. Fingerprints are unchanged by it (their occurrence numbers count within one file).
    /// </summary>
    public IReadOnlySet<string>? ReportedFiles
    {
        get => _reportedFiles;
        init
        {
            _reportedFiles = value;
            if (value is not null) Findings = Findings.Where(f => value.Contains(FullPathOf(f.Location.File))).ToArray();
        }
    }

    /// <summary>Fingerprints of a previous report (<c>--baseline</c>); null when there is none.</summary>
    public IReadOnlySet<string>? Baseline { get; init; }

    /// <summary>Whether a finding was already in the baseline: reported, but not counted and not failing the scan.</summary>
    public bool InBaseline(Finding finding) => Baseline is not null && Baseline.Contains(Fingerprint(finding));

    /// <summary>What counts: findings neither suppressed nor already in the baseline.</summary>
    public IEnumerable<Finding> Active => Findings.Where(f => !f.IsSuppressed && !InBaseline(f));

    public int SuppressedCount => Findings.Count(f => f.IsSuppressed);

    public int BaselineCount => Findings.Count(f => !f.IsSuppressed && InBaseline(f));

    public int Count(Severity severity) => Active.Count(f => f.Severity == severity);

    /// <summary>Whether the exit code is 1: a finding at or above <paramref name="failOn"/> that is not suppressed and not in the baseline.</summary>
    public bool Fails(Severity failOn) => failOn != Severity.None && Active.Any(f => f.Severity >= failOn);

    /// <summary>A file's path relative to <see cref="Root"/>, forward slashes, each segment escaped: a relative URI reference.</summary>
    public string RelativeUri(string displayPath)
    {
        var relative = CliEnvironment.Slashes(Path.GetRelativePath(Root, FullPathOf(displayPath)));
        return string.Join('/', relative.Split('/').Select(Uri.EscapeDataString));
    }

    private string FullPathOf(string displayPath) =>
        _fullPathByDisplay.TryGetValue(displayPath, out var full) ? full : _env.FullPath(displayPath);

    /// <summary>The root as an absolute <c>file:///…/</c> URI, as SARIF's <c>originalUriBaseIds</c> wants it.</summary>
    public Uri RootUri => new(Path.TrimEndingDirectorySeparator(Root) + Path.DirectorySeparatorChar, UriKind.Absolute);

    /// <summary>
    /// InfraLint's own fingerprint: ruleId, file and the finding's logical path (what it is about, not where), so it
    /// survives lines moving. Identical keys in one file get an occurrence suffix, as GitHub's own hashes do.
    /// </summary>
    public string Fingerprint(Finding finding) => _fingerprints.Value[finding];

    private IReadOnlyDictionary<Finding, string> ComputeFingerprints()
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new Dictionary<Finding, string>(ReferenceEqualityComparer.Instance);
        foreach (var finding in Findings)
        {
            var key = $"{finding.RuleId}\n{RelativeUri(finding.Location.File)}\n{finding.LogicalPath}";
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0, 16);
            seen[hash] = seen.TryGetValue(hash, out var n) ? n + 1 : 1;
            result[finding] = $"{hash}:{seen[hash]}";
        }
        return result;
    }

    public static string SeverityWord(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Note => "note",
        _ => "none",
    };
}
