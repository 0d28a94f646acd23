using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using InfraLint.Core.Findings;
using InfraLint.Core.Locations;

namespace InfraLint.Cli.Output;

/// <summary>
/// <c>--format json</c>: a stable shape for scripts (documented in src/InfraLint.Cli/README.md). Fields are only
/// ever added; <c>schemaVersion</c> changes if one is removed or changes meaning.
/// </summary>
internal static class JsonOutput
{
    public const int SchemaVersion = 1;

    internal static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Writes the report as it goes, finding by finding, so a scan of 100,000 files never holds its whole report as
    /// one string. The shape is <see cref="JsonReport"/>'s, property for property.
    /// </summary>
    public static void Write(ScanReport report, TextWriter writer)
    {
        using var utf8 = new Utf8TextWriterStream(writer);
        WriteObject(report, utf8);
        utf8.Flush();
        writer.WriteLine();
    }

    /// <summary><see cref="Write(ScanReport, TextWriter)"/> into a stream of UTF-8 (a report file): the same bytes, without a text writer between.</summary>
    public static void Write(ScanReport report, Stream stream)
    {
        WriteObject(report, stream);
        stream.Write(System.Text.Encoding.UTF8.GetBytes(Environment.NewLine));
    }

    /// <summary>
    /// <see cref="ScanReport.Prepare"/>, and a report's JSON writer with its encoder set up: what the first finding
    /// written waits for in a one-file scan. Writes nothing anywhere.
    /// </summary>
    public static void Prepare()
    {
        ScanReport.Prepare();
        using var json = new Utf8JsonWriter(Stream.Null, new JsonWriterOptions { Indented = true, Encoder = Options.Encoder });
        json.WriteStartObject();
        json.WriteString(Names.Fingerprint, "<\u00e9>");
        json.WriteEndObject();
    }

    private static void WriteObject(ScanReport report, Stream utf8)
    {
        using (var json = new Utf8JsonWriter(utf8, new JsonWriterOptions { Indented = true, Encoder = Options.Encoder }))
        {
            json.WriteStartObject();
            json.WriteNumber(Name(nameof(JsonReport.SchemaVersion)), SchemaVersion);
            json.WritePropertyName(Name(nameof(JsonReport.Tool)));
            WriteTool(json, new JsonTool(LintHost.ToolName, LintHost.SemanticVersion, LintHost.Version, SarifOutput.FingerprintKey));
            json.WriteNumber(Name(nameof(JsonReport.FilesScanned)), report.Result.Files.Count);
            json.WritePropertyName(Name(nameof(JsonReport.Summary)));
            WriteSummary(json, new JsonSummary(
                report.Active.Count(),
                report.Count(Severity.Error),
                report.Count(Severity.Warning),
                report.Count(Severity.Note),
                report.SuppressedCount,
                report.BaselineCount));
            json.WritePropertyName(Name(nameof(JsonReport.Findings)));
            json.WriteStartArray();
            foreach (var finding in report.Findings)
            {
                WriteFinding(json, Finding(report, finding));
                // The writer buffers what it has not flushed; a finding at a time keeps that small.
                if (json.BytesPending > 64 * 1024) json.Flush();
            }
            json.WriteEndArray();
            json.WritePropertyName(Name(nameof(JsonReport.Notices)));
            WriteNotices(json, report.Notices);
            json.WriteEndObject();
        }
    }

    private static string Name(string property) => Options.PropertyNamingPolicy!.ConvertName(property);

    /// <summary>
    /// What <c>JsonSerializer.Serialize(json, finding, Options)</c> writes, written by hand: the serializer sets up its
    /// state for every call, which was half the time of writing a 16,000-finding report. The shape is pinned against the
    /// serializer's (JsonOutputTests).
    /// </summary>
    internal static void WriteFinding(Utf8JsonWriter json, JsonFinding f)
    {
        json.WriteStartObject();
        json.WriteString(Names.RuleId, f.RuleId);
        json.WriteString(Names.Severity, f.Severity);
        json.WriteString(Names.Title, f.Title);
        json.WriteString(Names.Message, f.Message);
        json.WriteString(Names.File, f.File);
        json.WriteNumber(Names.StartLine, f.StartLine);
        json.WriteNumber(Names.StartColumn, f.StartColumn);
        json.WriteNumber(Names.EndLine, f.EndLine);
        json.WriteNumber(Names.EndColumn, f.EndColumn);
        json.WriteString(Names.LogicalPath, f.LogicalPath);
        json.WriteString(Names.Fingerprint, f.Fingerprint);
        json.WriteString(Names.BaselineState, f.BaselineState);
        json.WriteStartArray(Names.RelatedLocations);
        foreach (var related in f.RelatedLocations)
        {
            json.WriteStartObject();
            WriteRegion(json, Names.Location, related.Location);
            json.WriteString(Names.Message, related.Message);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray(Names.Fixes);
        foreach (var fix in f.Fixes)
        {
            json.WriteStartObject();
            json.WriteString(Names.Description, fix.Description);
            json.WriteStartArray(Names.Edits);
            foreach (var edit in fix.Edits)
            {
                json.WriteStartObject();
                WriteRegion(json, Names.Region, edit.Region);
                json.WriteNumber(Names.CharOffset, edit.CharOffset);
                json.WriteNumber(Names.CharLength, edit.CharLength);
                json.WriteString(Names.NewText, edit.NewText);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        if (f.Suppression is { } suppression)
        {
            json.WriteStartObject(Names.Suppression);
            json.WriteString(Names.Kind, suppression.Kind);
            json.WriteString(Names.Justification, suppression.Justification);
            json.WriteString(Names.Until, suppression.Until);
            json.WriteEndObject();
        }
        else json.WriteNull(Names.Suppression);
        json.WriteStartObject(Names.Properties);
        foreach (var (key, value) in f.Properties) json.WriteString(key, value);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    // The report's other parts by hand too: the serializer's first call builds its metadata by reflection, 17 ms of
    // every run for these three (a one-file scan's JSON output took 45 ms). Pinned against the serializer (JsonOutputTests).
    internal static void WriteTool(Utf8JsonWriter json, JsonTool tool)
    {
        json.WriteStartObject();
        json.WriteString(Names.Name, tool.Name);
        json.WriteString(Names.Version, tool.Version);
        json.WriteString(Names.FullVersion, tool.FullVersion);
        json.WriteString(Names.FingerprintKey, tool.FingerprintKey);
        json.WriteEndObject();
    }

    internal static void WriteSummary(Utf8JsonWriter json, JsonSummary summary)
    {
        json.WriteStartObject();
        json.WriteNumber(Names.Findings, summary.Findings);
        json.WriteNumber(Names.Errors, summary.Errors);
        json.WriteNumber(Names.Warnings, summary.Warnings);
        json.WriteNumber(Names.Notes, summary.Notes);
        json.WriteNumber(Names.Suppressed, summary.Suppressed);
        json.WriteNumber(Names.InBaseline, summary.InBaseline);
        json.WriteEndObject();
    }

    internal static void WriteNotices(Utf8JsonWriter json, IReadOnlyList<string> notices)
    {
        json.WriteStartArray();
        foreach (var notice in notices) json.WriteStringValue(notice);
        json.WriteEndArray();
    }

    private static void WriteRegion(Utf8JsonWriter json, JsonEncodedText name, JsonRegion region)
    {
        json.WriteStartObject(name);
        json.WriteString(Names.File, region.File);
        json.WriteNumber(Names.StartLine, region.StartLine);
        json.WriteNumber(Names.StartColumn, region.StartColumn);
        json.WriteNumber(Names.EndLine, region.EndLine);
        json.WriteNumber(Names.EndColumn, region.EndColumn);
        json.WriteEndObject();
    }

    /// <summary>The property names as the serializer's naming policy writes them.</summary>
    private static class Names
    {
        public static readonly JsonEncodedText RuleId = Of(nameof(JsonFinding.RuleId));
        public static readonly JsonEncodedText Severity = Of(nameof(JsonFinding.Severity));
        public static readonly JsonEncodedText Title = Of(nameof(JsonFinding.Title));
        public static readonly JsonEncodedText Message = Of(nameof(JsonFinding.Message));
        public static readonly JsonEncodedText File = Of(nameof(JsonFinding.File));
        public static readonly JsonEncodedText StartLine = Of(nameof(JsonFinding.StartLine));
        public static readonly JsonEncodedText StartColumn = Of(nameof(JsonFinding.StartColumn));
        public static readonly JsonEncodedText EndLine = Of(nameof(JsonFinding.EndLine));
        public static readonly JsonEncodedText EndColumn = Of(nameof(JsonFinding.EndColumn));
        public static readonly JsonEncodedText LogicalPath = Of(nameof(JsonFinding.LogicalPath));
        public static readonly JsonEncodedText Fingerprint = Of(nameof(JsonFinding.Fingerprint));
        public static readonly JsonEncodedText BaselineState = Of(nameof(JsonFinding.BaselineState));
        public static readonly JsonEncodedText RelatedLocations = Of(nameof(JsonFinding.RelatedLocations));
        public static readonly JsonEncodedText Fixes = Of(nameof(JsonFinding.Fixes));
        public static readonly JsonEncodedText Suppression = Of(nameof(JsonFinding.Suppression));
        public static readonly JsonEncodedText Properties = Of(nameof(JsonFinding.Properties));
        public static readonly JsonEncodedText Location = Of(nameof(JsonRelated.Location));
        public static readonly JsonEncodedText Description = Of(nameof(JsonFix.Description));
        public static readonly JsonEncodedText Edits = Of(nameof(JsonFix.Edits));
        public static readonly JsonEncodedText Region = Of(nameof(JsonEdit.Region));
        public static readonly JsonEncodedText CharOffset = Of(nameof(JsonEdit.CharOffset));
        public static readonly JsonEncodedText CharLength = Of(nameof(JsonEdit.CharLength));
        public static readonly JsonEncodedText NewText = Of(nameof(JsonEdit.NewText));
        public static readonly JsonEncodedText Kind = Of(nameof(JsonSuppression.Kind));
        public static readonly JsonEncodedText Justification = Of(nameof(JsonSuppression.Justification));
        public static readonly JsonEncodedText Until = Of(nameof(JsonSuppression.Until));
        public static readonly JsonEncodedText Name = Of(nameof(JsonTool.Name));
        public static readonly JsonEncodedText Version = Of(nameof(JsonTool.Version));
        public static readonly JsonEncodedText FullVersion = Of(nameof(JsonTool.FullVersion));
        public static readonly JsonEncodedText FingerprintKey = Of(nameof(JsonTool.FingerprintKey));
        public static readonly JsonEncodedText Findings = Of(nameof(JsonSummary.Findings));
        public static readonly JsonEncodedText Errors = Of(nameof(JsonSummary.Errors));
        public static readonly JsonEncodedText Warnings = Of(nameof(JsonSummary.Warnings));
        public static readonly JsonEncodedText Notes = Of(nameof(JsonSummary.Notes));
        public static readonly JsonEncodedText Suppressed = Of(nameof(JsonSummary.Suppressed));
        public static readonly JsonEncodedText InBaseline = Of(nameof(JsonSummary.InBaseline));

        private static JsonEncodedText Of(string property) => JsonEncodedText.Encode(Name(property), Options.Encoder);
    }

    private static JsonFinding Finding(ScanReport report, Finding f) => new(
        f.RuleId,
        ScanReport.SeverityWord(f.Severity),
        f.Rule.Title,
        f.Message,
        f.Location.File,
        f.Location.StartLine,
        f.Location.StartColumn,
        f.Location.EndLine,
        f.Location.EndColumn,
        f.LogicalPath,
        report.Fingerprint(f),
        report.Baseline is null ? null : report.InBaseline(f) ? "unchanged" : "new",
        f.Related.Select(r => new JsonRelated(Region(r.Span), r.Message)).ToArray(),
        f.Fixes.Select(x => new JsonFix(x.Description, x.Edits.Select(e => new JsonEdit(Region(e.Span), e.Span.StartOffset, e.Span.Length, e.NewText)).ToArray())).ToArray(),
        f.Suppression is null ? null : new JsonSuppression(f.Suppression.Kind, f.Suppression.Justification, f.Suppression.Until?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        new SortedDictionary<string, string>(f.Properties.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal));

    private static JsonRegion Region(SourceSpan s) => new(s.File, s.StartLine, s.StartColumn, s.EndLine, s.EndColumn);

    internal sealed record JsonReport(int SchemaVersion, JsonTool Tool, int FilesScanned, JsonSummary Summary, IReadOnlyList<JsonFinding> Findings, IReadOnlyList<string> Notices);

    /// <summary><c>FingerprintKey</c>: the fingerprints' version (SARIF's partialFingerprints key), so a baseline knows which it holds.</summary>
    internal sealed record JsonTool(string Name, string Version, string FullVersion, string FingerprintKey);

    /// <summary>Counts exclude suppressed findings and findings already in the baseline.</summary>
    internal sealed record JsonSummary(int Findings, int Errors, int Warnings, int Notes, int Suppressed, int InBaseline);

    internal sealed record JsonFinding(
        string RuleId,
        string Severity,
        string Title,
        string Message,
        string File,
        int StartLine,
        int StartColumn,
        int EndLine,
        int EndColumn,
        string LogicalPath,
        string Fingerprint,
        string? BaselineState,
        IReadOnlyList<JsonRelated> RelatedLocations,
        IReadOnlyList<JsonFix> Fixes,
        JsonSuppression? Suppression,
        IReadOnlyDictionary<string, string> Properties);

    internal sealed record JsonRegion(string File, int StartLine, int StartColumn, int EndLine, int EndColumn);

    internal sealed record JsonRelated(JsonRegion Location, string Message);

    internal sealed record JsonFix(string Description, IReadOnlyList<JsonEdit> Edits);

    /// <summary>Replace <c>charLength</c> characters at 0-based <c>charOffset</c> (the region, in lines and columns) with <c>newText</c>.</summary>
    internal sealed record JsonEdit(JsonRegion Region, int CharOffset, int CharLength, string NewText);

    /// <summary><c>until</c>: the last day (an ISO date, UTC) the suppression applies; null when it does not expire.</summary>
    internal sealed record JsonSuppression(string Kind, string? Justification, string? Until);
}
