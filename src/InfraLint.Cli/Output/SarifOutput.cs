using InfraLint.Core.Findings;
using InfraLint.Core.Fixes;
using InfraLint.Core.Locations;
using InfraLint.Rules;
using Microsoft.CodeAnalysis.Sarif;
using Newtonsoft.Json;
using System.Reflection;
using Newtonsoft.Json.Serialization;
using SarifFix = Microsoft.CodeAnalysis.Sarif.Fix;
using SarifSuppression = Microsoft.CodeAnalysis.Sarif.Suppression;

namespace InfraLint.Cli.Output;

/// <summary>
/// SARIF 2.1.0 for GitHub code scanning, built with the SARIF SDK's object model. Shape decisions follow what
/// <c>Sarif.Multitool validate --rule-kind "Sarif;Ghas"</c> checks; the test SarifValidationTests runs it.
/// </summary>
internal static class SarifOutput
{
    public const string SourceRoot = "%SRCROOT%";

    /// <summary>
    /// Our own partialFingerprints key; GitHub computes <c>primaryLocationLineHash</c> itself on upload. v2 hashes the
    /// path relative to the repository root; v1 hashed it relative to the folder the scan ran from (still read in baselines).
    /// </summary>
    public const string FingerprintKey = "infralint/v2";

    public const string LegacyFingerprintKey = "infralint/v1";

    public static readonly Uri SchemaUri = new("https://json.schemastore.org/sarif-2.1.0.json");

    /// <param name="limited">Told, in a sentence, what GitHub's limits made the log leave out.</param>
    public static void Write(ScanReport report, TextWriter writer, string? category = null, Action<string>? limited = null) =>
        Write(Build(report, category, limited), writer);

    public static void Write(SarifLog log, TextWriter writer)
    {
        Serializer().Serialize(writer, log);
        writer.WriteLine();
    }

    public static JsonSerializer Serializer() => new() { Formatting = Formatting.Indented, ContractResolver = ExplicitLevels.Instance };

    /// <summary>
    /// Why <paramref name="category"/> cannot name an analysis, or null when it can. GitHub takes any text, but a
    /// category is also a file name, a matrix key and a search filter in practice: no whitespace, no control characters.
    /// </summary>
    public static string? CategoryProblem(string category) =>
        category.Length == 0 ? "a category cannot be empty."
        : category.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)) ? $"category '{category.Trim()}' contains whitespace or a control character."
        : category.Trim('/').Length == 0 ? "a category needs more than slashes."
        : null;

    /// <summary>GitHub's form of a category in <c>runAutomationDetails.id</c>: the category followed by a slash.</summary>
    public static string AutomationId(string category) => category.EndsWith('/') ? category : category + "/";

    /// <summary>
    /// The SDK leaves out values equal to SARIF's defaults, so a warning has no <c>level</c> and a warning rule no
    /// <c>defaultConfiguration</c> at all. Levels are written out: readers (and people) should not need the spec's defaults.
    /// </summary>
    private sealed class ExplicitLevels : DefaultContractResolver
    {
        public static readonly ExplicitLevels Instance = new();

        protected override JsonProperty CreateProperty(MemberInfo member, MemberSerialization memberSerialization)
        {
            var property = base.CreateProperty(member, memberSerialization);
            if (property.PropertyName == "level" && (member.DeclaringType == typeof(Result) || member.DeclaringType == typeof(ReportingConfiguration)))
            {
                property.DefaultValueHandling = DefaultValueHandling.Include;
                property.ShouldSerialize = null;
            }
            else if (property.PropertyName == "defaultConfiguration" && member.DeclaringType == typeof(ReportingDescriptor))
            {
                property.ShouldSerialize = o => ((ReportingDescriptor)o).DefaultConfiguration is not null;
            }
            return property;
        }
    }

    public static SarifLog Build(ScanReport report, string? category = null, Action<string>? limited = null)
    {
        var rules = report.Catalog.All;
        var ruleIndex = rules.Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var taxonomies = SarifTaxonomies.Of(rules);
        var run = new Run
        {
            Tool = new Tool
            {
                Driver = new ToolComponent
                {
                    Name = LintHost.ToolName,
                    Version = LintHost.Version,
                    SemanticVersion = LintHost.SemanticVersion,
                    InformationUri = LintHost.InformationUri,
                    Rules = rules.Select(r => Rule(r, taxonomies)).ToList(),
                },
            },
            Taxonomies = taxonomies.Components,
            AutomationDetails = category is null ? null : new RunAutomationDetails { Id = AutomationId(category) },
            VersionControlProvenance = Provenance(report),
            OriginalUriBaseIds = new Dictionary<string, ArtifactLocation>
            {
                [SourceRoot] = new ArtifactLocation { Uri = report.RootUri },
            },
            Artifacts = report.Result.Files.Select(f => new Artifact { Location = Artifact(report, f) }).ToList(),
            Results = report.Findings.Select(f => Result(report, f, ruleIndex)).ToList(),
            Invocations = new List<Invocation>
            {
                new()
                {
                    ExecutionSuccessful = true,
                    ToolExecutionNotifications = report.Notices
                        .Select(n => new Notification { Level = FailureLevel.Warning, Message = Text(n) })
                        .ToList(),
                    RuleConfigurationOverrides = SarifEvaluations.Overrides(report, DefaultConfiguration),
                },
            },
            ColumnKind = ColumnKind.Utf16CodeUnits,
        };
        var artifactIndex = run.Artifacts
            .Select((a, i) => (Uri: a.Location.Uri.OriginalString, i))
            .GroupBy(a => a.Uri, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        run.SetProperty(SarifEvaluations.PropertyName, SarifEvaluations.Of(report, artifactIndex));
        var log = new SarifLog { SchemaUri = SchemaUri, Version = SarifVersion.Current, Runs = new List<Run> { run } };
        foreach (var note in SarifLimits.Apply(log)) limited?.Invoke(note);
        return log;
    }

    /// <summary>Whatever git knew: a remote, HEAD's commit, the branch; each part left out when unknown, the whole when all are.</summary>
    private static IList<VersionControlDetails>? Provenance(ScanReport report)
    {
        if (report.Provenance?.Value is not { } git || git.RepositoryUri is null) return null;
        return new List<VersionControlDetails>
        {
            new()
            {
                RepositoryUri = git.RepositoryUri,
                RevisionId = git.Revision,
                Branch = git.Branch,
                MappedTo = new ArtifactLocation { UriBaseId = SourceRoot },
            },
        };
    }

    private static ReportingDescriptor Rule(RuleDescriptor rule, SarifTaxonomies taxonomies)
    {
        var docs = RuleSet.Docs(rule.Id) ?? $"# {rule.Id}: {rule.Title}\n\n{rule.Description}\n\nSee {rule.HelpUri}.\n";
        var descriptor = new ReportingDescriptor
        {
            Id = rule.Id,
            Name = rule.Name,
            ShortDescription = new MultiformatMessageString { Text = Sentence(rule.Title) },
            FullDescription = new MultiformatMessageString { Text = Sentence(rule.Description) },
            Help = new MultiformatMessageString { Text = docs, Markdown = docs },
            HelpUri = rule.HelpUri,
            DefaultConfiguration = DefaultConfiguration(rule),
        };
        if (rule.Controls.Count > 0) descriptor.Relationships = taxonomies.Relationships(rule);
        descriptor.SetProperty("tags", SarifTaxonomies.Tags(rule));
        descriptor.SetProperty("precision", Precision(rule.Precision));
        if (rule.SecuritySeverity is not null) descriptor.SetProperty("security-severity", rule.SecuritySeverityText);
        return descriptor;
    }

    private static ReportingConfiguration DefaultConfiguration(RuleDescriptor rule) =>
        new() { Level = Level(rule.DefaultSeverity), Enabled = rule.EnabledByDefault && rule.Recommended };

    private static Result Result(ScanReport report, Finding finding, IReadOnlyDictionary<string, int> ruleIndex)
    {
        var result = new Result
        {
            RuleId = finding.RuleId,
            RuleIndex = ruleIndex.TryGetValue(finding.RuleId, out var index) ? index : -1,
            Level = Level(finding.Severity),
            Message = Text(finding.Message),
            Locations = new List<Location> { new() { PhysicalLocation = Physical(report, finding.Location), LogicalLocations = Logical(finding) } },
            PartialFingerprints = new Dictionary<string, string> { [FingerprintKey] = report.Fingerprint(finding) },
        };
        if (report.Baseline is not null)
            result.BaselineState = report.InBaseline(finding) ? BaselineState.Unchanged : BaselineState.New;
        if (finding.Related.Count > 0)
            result.RelatedLocations = finding.Related
                .Select((r, i) => new Location { Id = i + 1, PhysicalLocation = Physical(report, r.Span), Message = Text(r.Message) })
                .ToList();
        if (finding.Fixes.Count > 0)
            result.Fixes = finding.Fixes.Select(f => Fix(report, f)).ToList();
        if (finding.Suppression is { } suppression)
            result.Suppressions = new List<SarifSuppression> { Suppression(suppression) };
        foreach (var property in finding.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
            result.SetProperty(property.Key, property.Value);
        return result;
    }

    /// <summary>
    /// An in-source suppression with its reason, and its expiry as <c>properties.until</c> (an ISO date, UTC; SARIF has no
    /// property of its own for it). A suppression past its date is no suppression: the scan reports the finding instead.
    /// </summary>
    private static SarifSuppression Suppression(Core.Findings.Suppression suppression)
    {
        var sarif = new SarifSuppression
        {
            Kind = SuppressionKind.InSource,
            Status = SuppressionStatus.Accepted,
            Justification = suppression.Justification ?? string.Empty,
        };
        if (suppression.Until is { } until)
            sarif.SetProperty("until", until.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        return sarif;
    }

    private static SarifFix Fix(ScanReport report, Core.Fixes.Fix fix) => new()
    {
        Description = Text(fix.Description),
        ArtifactChanges = fix.Edits
            .GroupBy(e => e.Span.File, StringComparer.Ordinal)
            .Select(file => new ArtifactChange
            {
                ArtifactLocation = Artifact(report, file.Key),
                Replacements = file.Select(Replacement).ToList(),
            })
            .ToList(),
    };

    private static Replacement Replacement(TextEdit edit) => new()
    {
        DeletedRegion = Region(edit.Span, withOffsets: true),
        InsertedContent = new ArtifactContent { Text = edit.NewText },
    };

    private static PhysicalLocation Physical(ScanReport report, SourceSpan span) => new()
    {
        ArtifactLocation = Artifact(report, span.File),
        Region = Region(span, withOffsets: false),
    };

    /// <summary>The resource a finding is about (a report's evidence names it), as a logical location of kind "resource".</summary>
    private static IList<LogicalLocation>? Logical(Finding finding) =>
        ScanReport.ResourceOf(finding) is { } resource ? new List<LogicalLocation> { new() { FullyQualifiedName = resource, Kind = "resource" } } : null;

    private static ArtifactLocation Artifact(ScanReport report, string displayPath) => new()
    {
        Uri = new Uri(report.RelativeUri(displayPath), UriKind.Relative),
        UriBaseId = SourceRoot,
    };

    /// <summary>Lines and columns are 1-based UTF-16 positions, end exclusive, exactly as SARIF's default columnKind defines them.</summary>
    private static Region Region(SourceSpan span, bool withOffsets)
    {
        var region = new Region
        {
            StartLine = span.StartLine,
            StartColumn = span.StartColumn,
            EndLine = span.EndLine,
            EndColumn = span.EndColumn,
        };
        if (withOffsets)
        {
            region.CharOffset = span.StartOffset;
            region.CharLength = span.Length;
        }
        return region;
    }

    internal static Message Text(string text) => new() { Text = Sentence(text) };

    /// <summary>SARIF2001 asks plain-text messages to end with a period.</summary>
    private static string Sentence(string text)
    {
        var trimmed = text.TrimEnd();
        return trimmed.EndsWith('.') || trimmed.EndsWith('?') || trimmed.EndsWith('!') ? trimmed : trimmed + ".";
    }

    private static FailureLevel Level(Severity severity) => severity switch
    {
        Severity.Error => FailureLevel.Error,
        Severity.Warning => FailureLevel.Warning,
        Severity.Note => FailureLevel.Note,
        _ => FailureLevel.None,
    };

    private static string Precision(Core.Findings.Precision precision) => precision switch
    {
        Core.Findings.Precision.VeryHigh => "very-high",
        Core.Findings.Precision.High => "high",
        Core.Findings.Precision.Medium => "medium",
        _ => "low",
    };
}
