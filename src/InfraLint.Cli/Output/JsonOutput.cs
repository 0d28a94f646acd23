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
        using (var json = new Utf8JsonWriter(utf8, new JsonWriterOptions { Indented = true, Encoder = Options.Encoder }))
        {
            json.WriteStartObject();
            json.WriteNumber(Name(nameof(JsonReport.SchemaVersion)), SchemaVersion);
            json.WritePropertyName(Name(nameof(JsonReport.Tool)));
            JsonSerializer.Serialize(json, new JsonTool(LintHost.ToolName, LintHost.SemanticVersion, LintHost.Version, SarifOutput.FingerprintKey), Options);
            json.WriteNumber(Name(nameof(JsonReport.FilesScanned)), report.Result.Files.Count);
            json.WritePropertyName(Name(nameof(JsonReport.Summary)));
            JsonSerializer.Serialize(json, new JsonSummary(
                report.Active.Count(),
                report.Count(Severity.Error),
                report.Count(Severity.Warning),
                report.Count(Severity.Note),
                report.SuppressedCount,
                report.BaselineCount), Options);
            json.WritePropertyName(Name(nameof(JsonReport.Findings)));
            json.WriteStartArray();
            foreach (var finding in report.Findings)
            {
                JsonSerializer.Serialize(json, Finding(report, finding), Options);
                // The writer buffers what it has not flushed; a finding at a time keeps that small.
                if (json.BytesPending > 64 * 1024) json.Flush();
            }
            json.WriteEndArray();
            json.WritePropertyName(Name(nameof(JsonReport.Notices)));
            JsonSerializer.Serialize(json, report.Notices, Options);
            json.WriteEndObject();
        }
        utf8.Flush();
        writer.WriteLine();
    }

    private static string Name(string property) => Options.PropertyNamingPolicy!.ConvertName(property);

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
