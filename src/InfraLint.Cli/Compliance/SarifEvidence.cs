using System.Text.Json;
using InfraLint.Cli.Files;
using InfraLint.Core.Findings;
using InfraLint.Core.Scanning;

namespace InfraLint.Cli.Compliance;

/// <summary>
/// <c>--from-sarif</c>: the evidence of earlier runs, read from InfraLint's SARIF. Read defensively, by name, so the SARIF
/// of another InfraLint version (with or without repository provenance, taxonomies, <c>%SRCROOT%</c>) reads the same. SARIF
/// records what failed and what was waived, not what held, so a control with no failure there is "unknown".
/// </summary>
internal static class SarifEvidence
{
    public static IReadOnlyList<RepositoryEvidence> Load(CliEnvironment env, IReadOnlyList<string> files)
    {
        var runs = new List<(string Name, string Location, ReportFinding[] Findings, int Files)>();
        foreach (var file in files)
        {
            string text;
            try
            {
                text = RegularFile.ReadText(env.FullPath(file)).Text;
            }
            catch (SourceUnreadableException e)
            {
                throw new UsageException($"cannot read SARIF {file}: {e.Message}");
            }
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 256 });
            }
            catch (JsonException e)
            {
                throw new UsageException($"{file} is not JSON: {e.Message}");
            }
            using (document)
            {
                if (!document.RootElement.TryGetProperty("runs", out var all) || all.ValueKind != JsonValueKind.Array)
                    throw new UsageException($"{file} is not SARIF: it has no runs");
                foreach (var run in all.EnumerateArray())
                {
                    if (!IsInfraLint(run)) continue;
                    var name = RepositoryName(run, file);
                    runs.Add((name, file, Results(run, name).ToArray(), Count(run, "artifacts")));
                }
            }
        }

        // `infralint merge` writes one run per category of one repository: those are one repository here.
        return runs
            .GroupBy(r => r.Name, StringComparer.Ordinal)
            .Select(g => new RepositoryEvidence(
                g.Key,
                string.Join(", ", g.Select(r => r.Location).Distinct(StringComparer.Ordinal)),
                "sarif",
                g.Sum(r => r.Files),
                g.SelectMany(r => r.Findings).ToArray(),
                Evaluations: null,
                EnabledRules: null))
            .ToArray();
    }

    private static bool IsInfraLint(JsonElement run) =>
        Str(run, "tool", "driver", "name") is { } name && name.Equals(LintHost.ToolName, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The repository a run is about: the last segment of its version-control provenance's repository URI, else the folder
    /// its <c>%SRCROOT%</c> stood for, else the SARIF file's name.
    /// </summary>
    private static string RepositoryName(JsonElement run, string file)
    {
        if (run.TryGetProperty("versionControlProvenance", out var provenance) && provenance.ValueKind == JsonValueKind.Array)
        {
            foreach (var entry in provenance.EnumerateArray())
                if (Str(entry, "repositoryUri") is { } uri && LastSegment(uri) is { } name) return name.EndsWith(".git", StringComparison.Ordinal) ? name[..^4] : name;
        }
        if (run.TryGetProperty("originalUriBaseIds", out var bases) && bases.ValueKind == JsonValueKind.Object)
        {
            foreach (var root in bases.EnumerateObject())
                if (Str(root.Value, "uri") is { } uri && LastSegment(uri) is { } name) return name;
        }
        return Path.GetFileNameWithoutExtension(file);
    }

    private static string? LastSegment(string uri)
    {
        var segments = uri.TrimEnd('/').Split('/');
        var last = segments.Length > 0 ? Uri.UnescapeDataString(segments[^1]) : null;
        return string.IsNullOrEmpty(last) || last.EndsWith(':') ? null : last;
    }

    private static IEnumerable<ReportFinding> Results(JsonElement run, string repository)
    {
        if (!run.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array) yield break;
        foreach (var result in results.EnumerateArray())
        {
            var ruleId = Str(result, "ruleId");
            if (ruleId is null) continue;
            var level = Str(result, "level") ?? "warning";
            if (level == "none") continue;
            var rule = LintHost.Catalog.Find(ruleId);
            var location = First(result, "locations");
            var physical = location is { } l && l.TryGetProperty("physicalLocation", out var p) ? p : (JsonElement?)null;
            var properties = new SortedDictionary<string, string>(StringComparer.Ordinal);
            if (result.TryGetProperty("properties", out var bag) && bag.ValueKind == JsonValueKind.Object)
                foreach (var property in bag.EnumerateObject())
                    properties[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            yield return new ReportFinding(
                repository,
                ruleId,
                level,
                rule?.Area.ToString() ?? AreaOf(ruleId),
                rule?.Title ?? ruleId,
                Str(result, "message", "text") ?? string.Empty,
                physical is { } ph ? Uri.UnescapeDataString(Str(ph, "artifactLocation", "uri") ?? string.Empty) : string.Empty,
                physical is { } r1 ? Int(r1, "region", "startLine") : 0,
                physical is { } r2 ? Int(r2, "region", "startColumn") : 0,
                location is { } lo ? LogicalResource(lo, properties) : null,
                Fingerprint(result),
                Waiver(result),
                properties);
        }
    }

    /// <summary>A logical location's name, where the SARIF has one (a logical path's resource part); else none.</summary>
    private static string? LogicalResource(JsonElement location, IReadOnlyDictionary<string, string> properties)
    {
        if (First(location, "logicalLocations") is { } logical && (Str(logical, "fullyQualifiedName") ?? Str(logical, "name")) is { } name)
            return ScanEvidence.ResourceOf(name);
        return properties.TryGetValue("resource", out var resource) && resource.Length > 0 ? resource : null;
    }

    private static string Fingerprint(JsonElement result)
    {
        if (result.TryGetProperty("partialFingerprints", out var prints) && prints.ValueKind == JsonValueKind.Object)
        {
            foreach (var print in prints.EnumerateObject())
                if (print.Name.StartsWith("infralint/", StringComparison.Ordinal) && print.Value.ValueKind == JsonValueKind.String) return print.Value.GetString()!;
            foreach (var print in prints.EnumerateObject())
                if (print.Value.ValueKind == JsonValueKind.String) return print.Value.GetString()!;
        }
        return string.Empty;
    }

    /// <summary>An accepted suppression is a waiver; its expiry is read from its properties when the SARIF records one.</summary>
    private static Waiver? Waiver(JsonElement result)
    {
        if (First(result, "suppressions") is not { } suppression) return null;
        if (Str(suppression, "status") is { } status && status != "accepted") return null;
        var expires = Str(suppression, "properties", "expires") ?? Str(suppression, "properties", "expiry") ?? Str(suppression, "properties", "expiresOn");
        var justification = Str(suppression, "justification");
        return new Waiver(Str(suppression, "kind") ?? "inSource", string.IsNullOrEmpty(justification) ? null : justification, expires);
    }

    private static string AreaOf(string ruleId) =>
        ruleId.Length == 6 && char.IsAsciiDigit(ruleId[2]) ? ((RuleArea)(ruleId[2] - '0')).ToString() : "Unknown";

    private static int Count(JsonElement run, string property) =>
        run.TryGetProperty(property, out var array) && array.ValueKind == JsonValueKind.Array ? array.GetArrayLength() : 0;

    private static JsonElement? First(JsonElement element, string property) =>
        element.TryGetProperty(property, out var array) && array.ValueKind == JsonValueKind.Array && array.GetArrayLength() > 0 ? array[0] : null;

    private static string? Str(JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element)) return null;
        }
        return element.ValueKind == JsonValueKind.String ? element.GetString() : null;
    }

    private static int Int(JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element)) return 0;
        }
        return element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var value) ? value : 0;
    }
}
