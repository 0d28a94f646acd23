using System.Text.Json;
using InfraLint.Cli.Files;
using InfraLint.Cli.Output;
using InfraLint.Core.Findings;
using InfraLint.Core.Scanning;

namespace InfraLint.Cli.Compliance;

/// <summary>
/// <c>--from-sarif</c>: the evidence of earlier runs, read from InfraLint's SARIF. Read defensively, by name, so the SARIF
/// of another InfraLint version (with or without repository provenance, taxonomies, <c>%SRCROOT%</c>) reads the same. SARIF
/// records what failed and what was waived; what held is InfraLint's own <c>run.properties["infralint/evaluations"]</c>,
/// so the same report comes from a scan and from its SARIF. A log without it (an older InfraLint's, or one GitHub's size
/// limit made drop it) says nothing of what held: a control with no failure there is "unknown".
/// </summary>
internal static class SarifEvidence
{
    public static IReadOnlyList<RepositoryEvidence> Load(CliEnvironment env, IReadOnlyList<string> files)
    {
        var runs = new List<(string Name, string Location, ReportFinding[] Findings, int Files, (ReportEvaluation Evaluation, int Column)[]? Evaluations, IReadOnlySet<string> Enabled)>();
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
                int before = runs.Count;
                foreach (var run in all.EnumerateArray())
                {
                    if (!IsInfraLint(run)) continue;
                    var name = RepositoryName(run, file);
                    runs.Add((name, file, Results(run, name).ToArray(), Count(run, "artifacts"), Evaluations(run, name)?.ToArray(), EnabledRules(run)));
                }
                // A log of another tool would add nothing, and a report silently without its evidence would mislead.
                if (runs.Count == before) throw new UsageException($"{file} has no InfraLint run: a report reads InfraLint's own SARIF");
            }
        }

        // `infralint merge` writes one run per category of one repository: those are one repository here. What held is
        // known only when every run of it recorded what its rules evaluated. A merged log lists each shard's results in
        // turn; they are put back in a scan's order (file, line, column, rule: stable, so a run's own order breaks ties).
        return runs
            .GroupBy(r => r.Name, StringComparer.Ordinal)
            .Select(g => new RepositoryEvidence(
                g.Key,
                string.Join(", ", g.Select(r => r.Location).Distinct(StringComparer.Ordinal)),
                "sarif",
                g.Sum(r => r.Files),
                g.SelectMany(r => r.Findings)
                    .OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Column).ThenBy(f => f.RuleId, StringComparer.Ordinal)
                    .ToArray(),
                g.All(r => r.Evaluations is not null)
                    ? g.SelectMany(r => r.Evaluations!)
                        .OrderBy(e => e.Evaluation.File, StringComparer.Ordinal).ThenBy(e => e.Evaluation.Line).ThenBy(e => e.Column).ThenBy(e => e.Evaluation.RuleId, StringComparer.Ordinal)
                        .Select(e => e.Evaluation)
                        .ToArray()
                    : null,
                g.All(r => r.Evaluations is not null) ? g.SelectMany(r => r.Enabled).ToHashSet(StringComparer.Ordinal) : null))
            .ToArray();
    }

    /// <summary>
    /// <c>run.properties["infralint/evaluations"]</c> (see <see cref="SarifEvaluations"/>): what the rules judged, with a
    /// file named as a result's is. Null when the run does not record it.
    /// </summary>
    private static IEnumerable<(ReportEvaluation Evaluation, int Column)>? Evaluations(JsonElement run, string repository)
    {
        if (!run.TryGetProperty("properties", out var bag) || bag.ValueKind != JsonValueKind.Object
            || !bag.TryGetProperty(SarifEvaluations.PropertyName, out var record) || record.ValueKind != JsonValueKind.Object
            || !record.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || version.GetInt32() != SarifEvaluations.FormatVersion
            || !record.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
            return null;
        var resources = record.TryGetProperty("resources", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(r => r.ValueKind == JsonValueKind.String ? r.GetString() : null).ToArray()
            : Array.Empty<string?>();
        var artifacts = run.TryGetProperty("artifacts", out var a) && a.ValueKind == JsonValueKind.Array
            ? a.EnumerateArray().Select(x => Str(x, "location", "uri")).ToArray()
            : Array.Empty<string?>();
        var evaluations = new List<(ReportEvaluation, int)>();
        foreach (var item in items.EnumerateArray())
        {
            if (Str(item, "ruleId") is not { } ruleId) continue;
            var artifact = Index(item, "artifactIndex");
            var uri = Str(item, "uri") ?? (artifact >= 0 && artifact < artifacts.Length ? artifacts[artifact] : null) ?? string.Empty;
            var resource = Index(item, "resourceIndex");
            evaluations.Add((
                new ReportEvaluation(
                    repository,
                    ruleId,
                    Uri.UnescapeDataString(uri),
                    Int(item, "startLine"),
                    resource >= 0 && resource < resources.Length ? resources[resource] : null,
                    Str(item, "fingerprint") ?? string.Empty),
                Int(item, "startColumn")));
        }
        return evaluations;
    }

    /// <summary>
    /// The rules that ran: each rule's <c>defaultConfiguration.enabled</c> (SARIF's default: true), as the invocation's
    /// <c>ruleConfigurationOverrides</c> changed it.
    /// </summary>
    private static IReadOnlySet<string> EnabledRules(JsonElement run)
    {
        var enabled = new Dictionary<string, bool>(StringComparer.Ordinal);
        if (run.TryGetProperty("tool", out var tool) && tool.TryGetProperty("driver", out var driver) && driver.TryGetProperty("rules", out var rules) && rules.ValueKind == JsonValueKind.Array)
            foreach (var rule in rules.EnumerateArray())
                if (Str(rule, "id") is { } id) enabled[id] = Bool(rule, "defaultConfiguration", "enabled") ?? true;
        if (run.TryGetProperty("invocations", out var invocations) && invocations.ValueKind == JsonValueKind.Array)
            foreach (var invocation in invocations.EnumerateArray())
                if (invocation.TryGetProperty("ruleConfigurationOverrides", out var overrides) && overrides.ValueKind == JsonValueKind.Array)
                    foreach (var o in overrides.EnumerateArray())
                        if (Str(o, "descriptor", "id") is { } id) enabled[id] = Bool(o, "configuration", "enabled") ?? true;
        return enabled.Where(e => e.Value).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
    }

    private static bool IsInfraLint(JsonElement run) =>
        Str(run, "tool", "driver", "name") is { } name && name.Equals(LintHost.ToolName, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The repository a run is about: the last segment of its version-control provenance's repository URI (without
    /// <c>.git</c>), else the SARIF file's name without its extension. Never the folder <c>%SRCROOT%</c> stood for: that
    /// is the machine's checkout folder, which says nothing about the repository on a CI runner.
    /// </summary>
    private static string RepositoryName(JsonElement run, string file)
    {
        if (run.TryGetProperty("versionControlProvenance", out var provenance) && provenance.ValueKind == JsonValueKind.Array)
        {
            foreach (var entry in provenance.EnumerateArray())
                if (Str(entry, "repositoryUri") is { } uri && LastSegment(uri) is { } name) return name.EndsWith(".git", StringComparison.Ordinal) ? name[..^4] : name;
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

    /// <summary>
    /// The resource a result is about: its logical location of kind "resource" (as InfraLint writes it); an older log's
    /// logical path's resource part; else none.
    /// </summary>
    private static string? LogicalResource(JsonElement location, IReadOnlyDictionary<string, string> properties)
    {
        if (First(location, "logicalLocations") is { } logical && (Str(logical, "fullyQualifiedName") ?? Str(logical, "name")) is { } name)
            return Str(logical, "kind") == "resource" ? name : ScanEvidence.ResourceOf(name);
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
        var expires = Str(suppression, "properties", "until") ?? Str(suppression, "properties", "expires") ?? Str(suppression, "properties", "expiry");
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

    /// <summary>An index, or -1 where there is none.</summary>
    private static int Index(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var index) ? index : -1;

    private static bool? Bool(JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element)) return null;
        }
        return element.ValueKind switch { JsonValueKind.True => true, JsonValueKind.False => false, _ => null };
    }
}
