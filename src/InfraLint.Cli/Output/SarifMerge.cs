using Microsoft.CodeAnalysis.Sarif;

namespace InfraLint.Cli.Output;

/// <summary>
/// Several SARIF logs (shards of one scan, or scans of separate categories) as one upload: one run per tool and
/// category, since GitHub rejects an upload with two runs of the same category. Rules, taxonomies, artifacts and
/// results are united; rule, taxon and artifact indices are renumbered; a result found by two shards (same rule,
/// fingerprints and location) is kept once. Suppressions and fingerprints travel inside their results; what the rules
/// evaluated (<see cref="SarifEvaluations"/>) is united like results, and rule configuration overrides travel in their invocations.
/// </summary>
internal static class SarifMerge
{
    public static SarifLog Merge(IEnumerable<SarifLog> logs)
    {
        var groups = new Dictionary<(string Tool, string Category), MergedRun>();
        var order = new List<MergedRun>();
        foreach (var run in logs.SelectMany(l => l.Runs ?? new List<Run>()))
        {
            var key = (run.Tool?.Driver?.Name ?? "", run.AutomationDetails?.Id ?? "");
            if (!groups.TryGetValue(key, out var merged))
            {
                merged = new MergedRun(run);
                groups[key] = merged;
                order.Add(merged);
            }
            merged.Add(run);
        }
        foreach (var merged in order) merged.MergeEvaluations();
        return new SarifLog
        {
            SchemaUri = SarifOutput.SchemaUri,
            Version = SarifVersion.Current,
            Runs = order.Select(m => m.Run).ToList(),
        };
    }

    private sealed class MergedRun
    {
        private readonly Dictionary<string, int> _rules = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _taxonomies = new(StringComparer.Ordinal);
        private readonly Dictionary<(int Taxonomy, string Id), int> _taxa = new();
        private readonly Dictionary<(string? BaseId, string Uri), int> _artifacts = new();
        private readonly HashSet<string> _results = new(StringComparer.Ordinal);
        private readonly HashSet<(string?, string?, string?)> _provenance = new();
        private readonly List<(SarifEvaluations.Record?, int[])> _evaluations = new();

        public MergedRun(Run first)
        {
            var driver = first.Tool?.Driver ?? new ToolComponent();
            Run = new Run
            {
                Tool = new Tool
                {
                    Driver = new ToolComponent
                    {
                        Name = driver.Name,
                        Version = driver.Version,
                        SemanticVersion = driver.SemanticVersion,
                        InformationUri = driver.InformationUri,
                        Rules = new List<ReportingDescriptor>(),
                    },
                },
                AutomationDetails = first.AutomationDetails,
                OriginalUriBaseIds = new Dictionary<string, ArtifactLocation>(),
                Artifacts = new List<Artifact>(),
                Results = new List<Result>(),
                Invocations = new List<Invocation>(),
                ColumnKind = first.ColumnKind,
            };
        }

        public Run Run { get; }

        public void Add(Run run)
        {
            foreach (var (name, location) in run.OriginalUriBaseIds ?? new Dictionary<string, ArtifactLocation>())
                Run.OriginalUriBaseIds.TryAdd(name, location);
            foreach (var details in run.VersionControlProvenance ?? new List<VersionControlDetails>())
                if (_provenance.Add((details.RepositoryUri?.OriginalString, details.RevisionId, details.Branch)))
                    (Run.VersionControlProvenance ??= new List<VersionControlDetails>()).Add(details);

            var taxonomyMap = (run.Taxonomies ?? new List<ToolComponent>()).Select(AddTaxonomy).ToArray();
            var ruleMap = (run.Tool?.Driver?.Rules ?? new List<ReportingDescriptor>()).Select(r => AddRule(r, run, taxonomyMap)).ToArray();
            var artifactMap = (run.Artifacts ?? new List<Artifact>()).Select(AddArtifact).ToArray();
            _evaluations.Add((SarifEvaluations.Read(run), artifactMap));

            foreach (var result in run.Results ?? new List<Result>())
            {
                if (!_results.Add(Identity(result))) continue;
                if (result.RuleIndex >= 0 && result.RuleIndex < ruleMap.Length) result.RuleIndex = ruleMap[result.RuleIndex];
                else if (result.RuleId is { } id && _rules.TryGetValue(id, out var index)) result.RuleIndex = index;
                foreach (var location in Locations(result))
                    if (location.Index >= 0) location.Index = location.Index < artifactMap.Length ? artifactMap[location.Index] : -1;
                Run.Results.Add(result);
            }
            foreach (var invocation in run.Invocations ?? new List<Invocation>()) Run.Invocations.Add(invocation);
        }

        /// <summary>What the rules evaluated in every part, united; left out when a part did not record it.</summary>
        public void MergeEvaluations()
        {
            if (SarifEvaluations.Merge(_evaluations) is { } record) Run.SetProperty(SarifEvaluations.PropertyName, record);
        }

        private int AddTaxonomy(ToolComponent taxonomy)
        {
            var name = taxonomy.Name ?? "";
            if (!_taxonomies.TryGetValue(name, out var index))
            {
                index = (Run.Taxonomies ??= new List<ToolComponent>()).Count;
                _taxonomies[name] = index;
                Run.Taxonomies.Add(new ToolComponent { Name = taxonomy.Name, Guid = taxonomy.Guid, Version = taxonomy.Version, InformationUri = taxonomy.InformationUri, Taxa = new List<ReportingDescriptor>() });
            }
            var merged = Run.Taxonomies![index];
            foreach (var taxon in taxonomy.Taxa ?? new List<ReportingDescriptor>())
                if (_taxa.TryAdd((index, taxon.Id), merged.Taxa.Count)) merged.Taxa.Add(taxon);
            return index;
        }

        private int AddRule(ReportingDescriptor rule, Run from, int[] taxonomyMap)
        {
            if (_rules.TryGetValue(rule.Id, out var existing)) return existing;
            foreach (var relationship in rule.Relationships ?? new List<ReportingDescriptorRelationship>())
            {
                var target = relationship.Target;
                var component = target?.ToolComponent;
                if (target is null || component is null) continue;
                int taxonomy = component.Index >= 0 && component.Index < taxonomyMap.Length ? taxonomyMap[component.Index]
                    : component.Name is { } name && _taxonomies.TryGetValue(name, out var byName) ? byName : -1;
                if (taxonomy < 0) continue;
                component.Index = taxonomy;
                var id = target.Id ?? (target.Index >= 0 && from.Taxonomies?[component.Index] is { } t ? t.Taxa[target.Index].Id : null);
                if (id is not null && _taxa.TryGetValue((taxonomy, id), out var taxon)) target.Index = taxon;
            }
            var index = Run.Tool.Driver.Rules.Count;
            _rules[rule.Id] = index;
            Run.Tool.Driver.Rules.Add(rule);
            return index;
        }

        private int AddArtifact(Artifact artifact)
        {
            var key = (artifact.Location?.UriBaseId, artifact.Location?.Uri?.OriginalString ?? "");
            if (_artifacts.TryGetValue(key, out var index)) return index;
            index = Run.Artifacts.Count;
            _artifacts[key] = index;
            if (artifact.Location is not null) artifact.Location.Index = -1;
            Run.Artifacts.Add(artifact);
            return index;
        }

        /// <summary>Rule, every partial fingerprint and the primary location: what makes two shards' results one.</summary>
        private static string Identity(Result result)
        {
            var fingerprints = string.Join('\u001f', (result.PartialFingerprints ?? new Dictionary<string, string>())
                .OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
            var where = result.Locations?.FirstOrDefault()?.PhysicalLocation is { } physical
                ? $"{physical.ArtifactLocation?.UriBaseId}|{physical.ArtifactLocation?.Uri?.OriginalString}|{physical.Region?.StartLine}|{physical.Region?.StartColumn}|{physical.Region?.EndLine}|{physical.Region?.EndColumn}"
                : "";
            var text = fingerprints.Length > 0 ? "" : result.Message?.Text;
            return $"{result.RuleId}\u001e{fingerprints}\u001e{where}\u001e{text}";
        }

        private static IEnumerable<ArtifactLocation> Locations(Result result) =>
            (result.Locations ?? new List<Location>()).Concat(result.RelatedLocations ?? new List<Location>())
                .Select(l => l.PhysicalLocation?.ArtifactLocation)
                .Concat((result.Fixes ?? new List<Fix>()).SelectMany(f => f.ArtifactChanges ?? new List<ArtifactChange>()).Select(c => c.ArtifactLocation))
                .OfType<ArtifactLocation>();
    }
}
