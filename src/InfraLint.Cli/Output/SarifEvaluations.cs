using InfraLint.Core.Findings;
using Microsoft.CodeAnalysis.Sarif;
using Newtonsoft.Json;

namespace InfraLint.Cli.Output;

/// <summary>
/// What the rules judged, in <c>run.properties["infralint/evaluations"]</c>: SARIF records what failed, and a report read
/// from it needs also what held (<c>infralint report --from-sarif</c>). Compact, since GitHub's size limit counts it: files
/// are <c>run.artifacts</c> indices, resource names are listed once. It is all or nothing: a run whose record is missing
/// (an older InfraLint, or a log GitHub's size limit made drop it) is one whose controls cannot be told to hold.
/// </summary>
internal static class SarifEvaluations
{
    public const string PropertyName = "infralint/evaluations";

    public const int FormatVersion = 1;

    public sealed class Record
    {
        [JsonProperty("version")]
        public int Version { get; set; } = FormatVersion;

        /// <summary>Resource ids (<c>Deployment/serving/vllm</c>), each once; items point into this list.</summary>
        [JsonProperty("resources")]
        public List<string> Resources { get; set; } = new();

        [JsonProperty("items")]
        public List<Item> Items { get; set; } = new();
    }

    /// <summary>One rule judged one thing: where (artifact index, or a URI when the file is no artifact), and its fingerprint.</summary>
    public sealed class Item
    {
        [JsonProperty("ruleId")]
        public string RuleId { get; set; } = "";

        [JsonProperty("artifactIndex", DefaultValueHandling = DefaultValueHandling.Ignore)]
        [System.ComponentModel.DefaultValue(-1)]
        public int ArtifactIndex { get; set; } = -1;

        [JsonProperty("uri", NullValueHandling = NullValueHandling.Ignore)]
        public string? Uri { get; set; }

        [JsonProperty("startLine")]
        public int StartLine { get; set; }

        [JsonProperty("startColumn")]
        public int StartColumn { get; set; }

        [JsonProperty("resourceIndex", DefaultValueHandling = DefaultValueHandling.Ignore)]
        [System.ComponentModel.DefaultValue(-1)]
        public int ResourceIndex { get; set; } = -1;

        [JsonProperty("fingerprint")]
        public string Fingerprint { get; set; } = "";
    }

    public static Record Of(ScanReport report, IReadOnlyDictionary<string, int> artifactIndex)
    {
        var record = new Record();
        var resources = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var evaluation in report.Evaluations)
        {
            var uri = report.RelativeUri(evaluation.Location.File);
            var item = new Item { RuleId = evaluation.RuleId, StartLine = evaluation.Location.StartLine, StartColumn = evaluation.Location.StartColumn, Fingerprint = report.Fingerprint(evaluation) };
            if (artifactIndex.TryGetValue(uri, out var index)) item.ArtifactIndex = index;
            else item.Uri = uri;
            if (evaluation.ResourceId is { } resource)
            {
                if (!resources.TryGetValue(resource, out var r))
                {
                    r = resources.Count;
                    resources[resource] = r;
                    record.Resources.Add(resource);
                }
                item.ResourceIndex = r;
            }
            record.Items.Add(item);
        }
        return record;
    }

    public static Record? Read(Run run) =>
        run.TryGetProperty<Record>(PropertyName, out var record) && record is { Version: FormatVersion } ? record : null;

    public static void Remove(Run run) => run.RemoveProperty(PropertyName);

    /// <summary>
    /// The records of several runs (shards, or logs of one category) as one; <paramref name="artifactMaps"/> renumbers each
    /// run's artifact indices into the merged run's. Null when any run has none: half a record would say "not applicable"
    /// of what another shard found to hold.
    /// </summary>
    public static Record? Merge(IReadOnlyList<(Record? Record, int[] ArtifactMap)> parts)
    {
        if (parts.Count == 0 || parts.Any(p => p.Record is null)) return null;
        var merged = new Record();
        var resources = new Dictionary<string, int>(StringComparer.Ordinal);
        // Two shards that both evaluated a thing (a rule that looks across scopes) record it once; one run's repeats stay.
        var seen = new HashSet<(string, string, int)>();
        foreach (var (record, map) in parts)
        {
            var occurrences = new Dictionary<(string, string), int>();
            foreach (var item in record!.Items)
            {
                var occurrence = occurrences[(item.RuleId, item.Fingerprint)] = occurrences.GetValueOrDefault((item.RuleId, item.Fingerprint)) + 1;
                if (!seen.Add((item.RuleId, item.Fingerprint, occurrence))) continue;
                var copy = new Item { RuleId = item.RuleId, Uri = item.Uri, StartLine = item.StartLine, StartColumn = item.StartColumn, Fingerprint = item.Fingerprint };
                if (item.ArtifactIndex >= 0) copy.ArtifactIndex = item.ArtifactIndex < map.Length ? map[item.ArtifactIndex] : -1;
                if (item.ResourceIndex >= 0 && item.ResourceIndex < record.Resources.Count)
                {
                    var name = record.Resources[item.ResourceIndex];
                    if (!resources.TryGetValue(name, out var r))
                    {
                        r = resources.Count;
                        resources[name] = r;
                        merged.Resources.Add(name);
                    }
                    copy.ResourceIndex = r;
                }
                merged.Items.Add(copy);
            }
        }
        return merged;
    }

    /// <summary>
    /// The rules whose effective enablement (configuration, rule set) differs from their <c>defaultConfiguration</c>, as
    /// SARIF says it: <c>invocations[].ruleConfigurationOverrides</c>. With the descriptors' defaults this tells which rules ran.
    /// </summary>
    public static IList<ConfigurationOverride>? Overrides(ScanReport report, Func<RuleDescriptor, ReportingConfiguration> defaults)
    {
        if (report.EnabledRules is not { } enabled) return null;
        var overrides = report.Catalog.All
            .Where(r => enabled.Contains(r.Id) != defaults(r).Enabled)
            .Select(r => new ConfigurationOverride
            {
                Descriptor = new ReportingDescriptorReference { Id = r.Id },
                // The level is written whatever it is (SarifOutput.ExplicitLevels), so it is the rule's default, unchanged.
                Configuration = new ReportingConfiguration { Enabled = enabled.Contains(r.Id), Level = defaults(r).Level },
            })
            .ToList();
        return overrides.Count > 0 ? overrides : null;
    }
}
