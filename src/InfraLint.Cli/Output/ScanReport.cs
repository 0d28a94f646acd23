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
    private readonly Lazy<IReadOnlyDictionary<Finding, Fingerprinted>> _fingerprints;
    private readonly IReadOnlySet<string>? _reportedFiles;
    private readonly Lazy<IReadOnlyDictionary<Finding, Fingerprinted>> _legacyFingerprints;

    /// <param name="root">The repository root (<c>%SRCROOT%</c>); artifact URIs and fingerprints are relative to it.</param>
    /// <param name="legacyRoot">
    /// The folder v1 fingerprints were relative to (the working directory, or the deepest folder holding every file);
    /// default <paramref name="root"/>. Kept so a baseline written before v2 still matches.
    /// </param>
    public ScanReport(ScanResult result, RuleCatalog catalog, string root, IReadOnlyDictionary<string, string> fullPathByDisplay, IReadOnlyList<string> notices, CliEnvironment env, string? legacyRoot = null)
    {
        Result = result;
        Catalog = catalog;
        Root = root;
        LegacyRoot = legacyRoot ?? root;
        Notices = notices;
        _fullPathByDisplay = fullPathByDisplay;
        _env = env;
        Findings = result.Findings.Where(f => f.Severity != Severity.None).ToArray();
        _fingerprints = new Lazy<IReadOnlyDictionary<Finding, Fingerprinted>>(() => ComputeFingerprints(Root, repositoryRelative: true));
        _legacyFingerprints = new Lazy<IReadOnlyDictionary<Finding, Fingerprinted>>(() => ComputeFingerprints(LegacyRoot, repositoryRelative: false));
    }

    public ScanResult Result { get; }

    public RuleCatalog Catalog { get; }

    /// <summary>Absolute directory that SARIF's <c>%SRCROOT%</c> stands for: the git work tree's root when there is one.</summary>
    public string Root { get; }

    /// <summary>What <c>infralint/v1</c> fingerprints were relative to; see the constructor.</summary>
    public string LegacyRoot { get; }

    /// <summary>The git work tree's remote, revision and branch (SARIF <c>versionControlProvenance</c>); null outside one.</summary>
    public Lazy<Inputs.GitProvenance?>? Provenance { get; init; }

    /// <summary>The full path of each file read, by its display path.</summary>
    public IReadOnlyDictionary<string, string> FullPathByDisplay => _fullPathByDisplay;

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

    /// <summary>What the rules judged (the ground of a control that holds), in the reported files only, as findings are.</summary>
    public IEnumerable<Evaluated> Evaluations =>
        _reportedFiles is null ? Result.Evaluations : Result.Evaluations.Where(e => _reportedFiles.Contains(FullPathOf(e.Location.File)));

    /// <summary>
    /// The rules that ran (the configuration's and the rule set's choice): a control whose rules all stayed off is "not
    /// evaluated", not "not applicable". Null when unknown.
    /// </summary>
    public IReadOnlySet<string>? EnabledRules { get; init; }

    /// <summary>An evaluation's fingerprint, hashed as <see cref="Fingerprint(Finding)"/> is (rule, file relative to the root, logical path), with no occurrence number.</summary>
    public string Fingerprint(Evaluated evaluation) => Hash(evaluation.RuleId, evaluation.Location.File, evaluation.LogicalPath, Root, repositoryRelative: true);

    /// <summary>Fingerprints of a previous report (<c>--baseline</c>); null when there is none.</summary>
    public Inputs.Baseline? Baseline { get; init; }

    /// <summary>
    /// Whether a finding was already in the baseline: reported, but not counted and not failing the scan. A baseline
    /// written before fingerprints were repository-relative is matched on the fingerprint of that time.
    /// </summary>
    public bool InBaseline(Finding finding) =>
        Baseline is not null
        && (Baseline.Current.Contains(Fingerprint(finding)) || (Baseline.Legacy.Count > 0 && Baseline.Legacy.Contains(LegacyFingerprint(finding))));

    /// <summary>What counts: findings neither suppressed nor already in the baseline.</summary>
    public IEnumerable<Finding> Active => Findings.Where(f => !f.IsSuppressed && !InBaseline(f));

    public int SuppressedCount => Findings.Count(f => f.IsSuppressed);

    public int BaselineCount => Findings.Count(f => !f.IsSuppressed && InBaseline(f));

    public int Count(Severity severity) => Active.Count(f => f.Severity == severity);

    /// <summary>Whether the exit code is 1: a finding at or above <paramref name="failOn"/> that is not suppressed and not in the baseline.</summary>
    public bool Fails(Severity failOn) => failOn != Severity.None && Active.Any(f => f.Severity >= failOn);

    /// <summary>A file's path relative to <see cref="Root"/>, forward slashes, each segment escaped: a relative URI reference.</summary>
    public string RelativeUri(string displayPath) => RelativeUri(displayPath, Root);

    private string RelativeUri(string displayPath, string root) =>
        // Asked for every finding (its fingerprints, every format's location), and a file has many findings.
        _relativeUris.GetOrAdd((root, displayPath), key =>
        {
            var relative = CliEnvironment.Slashes(Path.GetRelativePath(key.Root, FullPathOf(key.Path)));
            return string.Join('/', relative.Split('/').Select(Uri.EscapeDataString));
        });

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Root, string Path), string> _relativeUris = new();

    private string FullPathOf(string displayPath) =>
        _fullPathByDisplay.TryGetValue(displayPath, out var full) ? full : _env.FullPath(displayPath);

    /// <summary>The root as an absolute <c>file:///…/</c> URI, as SARIF's <c>originalUriBaseIds</c> wants it.</summary>
    /// <remarks>A root folder keeps its own separator (<c>file:///</c>, not <c>file:////</c>).</remarks>
    public Uri RootUri => new(Path.EndsInDirectorySeparator(Root) ? Root : Root + Path.DirectorySeparatorChar, UriKind.Absolute);

    /// <summary>
    /// InfraLint's own fingerprint (<c>infralint/v2</c>): ruleId, the file relative to the repository root and the
    /// finding's logical path (what it is about, not where), so it survives lines moving and does not depend on the
    /// folder the scan ran from. Identical keys in one file get an occurrence suffix, as GitHub's own hashes do.
    /// </summary>
    public string Fingerprint(Finding finding) => _fingerprints.Value[finding].ToString();

    /// <summary>The <c>infralint/v1</c> fingerprint: the same hash over the path relative to <see cref="LegacyRoot"/>.</summary>
    public string LegacyFingerprint(Finding finding) => _legacyFingerprints.Value[finding].ToString();

    /// <summary>
    /// The hash of rule, file and logical path. A CloudFormation resource's logical path names its template as the scan
    /// displayed it (<c>AWS::S3::Bucket/../infra/stack.yaml/Data:…</c>), which depends on the folder the scan ran from;
    /// v2 names the template from the repository root there too, so its fingerprints do not. v1 hashed the path as shown.
    /// </summary>
    private string Hash(string ruleId, string file, string logicalPath, string root, bool repositoryRelative) =>
        Hex(HashValue(ruleId, file, logicalPath, root, repositoryRelative));

    /// <summary>The first 16 bytes of the SHA-256, which the fingerprint writes in hexadecimal.</summary>
    private UInt128 HashValue(string ruleId, string file, string logicalPath, string root, bool repositoryRelative)
    {
        var relative = RelativeUri(file, root);
        if (repositoryRelative) logicalPath = logicalPath.Replace("/" + file + "/", "/" + relative + "/", StringComparison.Ordinal);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes($"{ruleId}\n{relative}\n{logicalPath}")));
    }

    /// <summary>
    /// Loads what hashing a fingerprint and escaping a file's URI need (the platform's SHA-256, <see cref="Uri"/>'s
    /// tables): tens of milliseconds the first time in a process, which a one-file scan would otherwise wait for at its
    /// first finding. Safe on any thread; the result is thrown away.
    /// </summary>
    public static void Prepare()
    {
        _ = SHA256.HashData(Encoding.UTF8.GetBytes("IL0000\nfile.yaml\npath"));
        _ = Uri.EscapeDataString("a b/c");
    }

    private static string Hex(UInt128 hash)
    {
        Span<byte> bytes = stackalloc byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt128BigEndian(bytes, hash);
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>A fingerprint before it is written out: a report of 100,000 files holds one for each of its 160,000 findings.</summary>
    private readonly record struct Fingerprinted(UInt128 Hash, int Occurrence)
    {
        public override string ToString() => $"{Hex(Hash)}:{Occurrence}";
    }

    private IReadOnlyDictionary<Finding, Fingerprinted> ComputeFingerprints(string root, bool repositoryRelative)
    {
        // The hashes in parallel (a SHA-256 each); the occurrence numbers after, in the findings' order.
        var findings = Findings;
        var hashes = new UInt128[findings.Count];
        Parallel.For(0, findings.Count, i => hashes[i] = HashValue(findings[i].RuleId, findings[i].Location.File, findings[i].LogicalPath, root, repositoryRelative));
        var seen = new Dictionary<UInt128, int>();
        var result = new Dictionary<Finding, Fingerprinted>(findings.Count, ReferenceEqualityComparer.Instance);
        for (int i = 0; i < findings.Count; i++)
        {
            var hash = hashes[i];
            int occurrence = seen.TryGetValue(hash, out var n) ? n + 1 : 1;
            seen[hash] = occurrence;
            result[findings[i]] = new Fingerprinted(hash, occurrence);
        }
        return result;
    }

    /// <summary>The finding's subject, else the resource part of its logical path (<c>Deployment/serving/vllm:spec…</c> → <c>Deployment/serving/vllm</c>).</summary>
    public static string? ResourceOf(Finding finding)
    {
        if (finding.SubjectId is { } id) return id;
        int colon = finding.LogicalPath.IndexOf(':');
        return colon > 0 ? finding.LogicalPath[..colon] : finding.LogicalPath.Length > 0 ? finding.LogicalPath : null;
    }

    public static string SeverityWord(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Note => "note",
        _ => "none",
    };
}
