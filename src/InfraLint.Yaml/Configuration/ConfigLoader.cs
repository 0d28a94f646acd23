using System;
using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using InfraLint.Core.Locations;
using InfraLint.Yaml.Parsing;
using YamlDotNet.RepresentationModel;

namespace InfraLint.Yaml.Configuration
{
    /// <summary>What <c>.infralint.yaml</c> says, plus every problem found in it (reported as IL0002 findings at the exact node).</summary>
    public sealed record LoadedConfig(LintSettings Settings, IReadOnlyList<string> Excludes, IReadOnlyList<ConfigProblem> Problems, YamlMappingNode? Sizing);

    /// <summary>
    /// Reads <c>.infralint.yaml</c>. Unknown keys and bad values never throw and are never silently
    /// ignored: each becomes a <see cref="ConfigProblem"/> with its file and line.
    /// </summary>
    public static class ConfigLoader
    {
        public const string FileName = ".infralint.yaml";

        private const string CustomerManagedKeysRule = "IL2002";

        /// <summary>The keys whose value is a list of strings.</summary>
        public static IReadOnlyCollection<string> ListKeys { get; } = new[] { "costLabels", "lineageLabels", "allowedRegions", "exclude" };

        private static readonly string[] TopLevelKeys = { "ruleSet", "rules", "requireImageDigests", "costLabels", "exclude", "defaultNamespace", "allowedRegions", "sizing", "frameworks", "requireCustomerManagedKeys", "minLogRetentionDays", "lineageLabels", "requireCpuLimits", "judgeWorkstationStacks" };

        private static readonly string[] RuleKeys = { "enabled", "severity" };

        /// <summary>
        /// The keys each mapping of the configuration accepts, by its path ("" is the top level, <c>rules.*</c> one rule's
        /// mapping); any other key there is a problem. <c>rules</c> itself takes rule ids. The JSON Schema in
        /// docs/schemas is tested against this table, so it is the one list of keys.
        /// </summary>
        public static IReadOnlyDictionary<string, IReadOnlyList<string>> KnownKeys { get; } = new Dictionary<string, IReadOnlyList<string>>
        {
            [""] = TopLevelKeys,
            ["rules.*"] = RuleKeys,
            ["sizing"] = SizingConfig.Keys,
            ["sizing.peakHours"] = SizingConfig.PeakKeys,
        };

        /// <param name="readFile">
        /// Reads a file named relative to the configuration file (for <c>sizing.catalog</c>), or returns null when it
        /// does not exist; null when the host has no file system.
        /// </param>
        /// <param name="basis">
        /// The settings a key this configuration leaves out keeps (default: InfraLint's defaults): an analyzer host reads
        /// <c>.infralint.yaml</c> first and its <c>infralint_*</c> options over it.
        /// </param>
        public static LoadedConfig Load(SourceText source, Func<string, bool> isKnownRule, Func<string, string?>? readFile = null, LintSettings? basis = null)
        {
            basis ??= LintSettings.Default;
            try
            {
                return Read(source, isKnownRule, readFile, basis);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Every problem we foresee is reported at its node; this is for the ones we did not, so that a
                // configuration file can never stop a scan.
                var problem = new ConfigProblem(SourceSpan.FileStart(source.Path), $"InfraLint could not interpret the configuration ({e.GetType().Name}: {e.Message}); the defaults are used.");
                return new LoadedConfig(basis, Array.Empty<string>(), new[] { problem }, null);
            }
        }

        private static LoadedConfig Read(SourceText source, Func<string, bool> isKnownRule, Func<string, string?>? readFile, LintSettings basis)
        {
            var problems = new List<ConfigProblem>();
            var (documents, starts, failures) = YamlDocumentLoader.LoadWithStarts(source);
            problems.AddRange(failures.Select(f => new ConfigProblem(f.Span, f.Message)));
            for (int i = 1; i < starts.Count; i++)
                problems.Add(new ConfigProblem(starts[i], $"The configuration must be a single YAML document; this is document {i + 1} and is not read. Merge its settings into the first."));
            var root = documents.FirstOrDefault()?.RootNode as YamlMappingNode;
            if (root is null)
            {
                if (failures.Count == 0 && source.Text.Trim().Length > 0)
                    problems.Add(new ConfigProblem(SourceSpan.FileStart(source.Path), "The configuration must be a YAML mapping of settings."));
                return new LoadedConfig(basis, Array.Empty<string>(), problems, null);
            }

            foreach (var (key, keyNode, _) in root.Entries())
                if (!TopLevelKeys.Contains(key))
                    problems.Add(new ConfigProblem(keyNode.Span(source), $"Unknown configuration key '{key}'; known keys are {string.Join(", ", TopLevelKeys)}."));

            var rules = new Dictionary<string, RuleOverride>(basis.Rules.ToDictionary(r => r.Key, r => r.Value), StringComparer.OrdinalIgnoreCase);
            foreach (var (id, idNode, value) in (root.Get("rules") as YamlMappingNode).Entries())
            {
                if (!isKnownRule(id))
                {
                    problems.Add(new ConfigProblem(idNode.Span(source), $"Unknown rule id '{id}' in rules."));
                    continue;
                }
                var parsed = RuleSetting(value, source, problems, id);
                if (parsed is not null) rules[id] = parsed;
            }
            if (root.Get("rules") is { } rulesNode && rulesNode is not YamlMappingNode)
                problems.Add(new ConfigProblem(rulesNode.HeadSpan(source), "'rules' must map rule ids to settings, e.g. 'IL3006: {severity: note}'."));

            bool digests = basis.RequireImageDigests;
            if (root.ScalarNode("requireImageDigests") is { } d)
            {
                if (YamlNodes.Bool(d) is bool b) digests = b;
                else problems.Add(new ConfigProblem(d.Span(source), "'requireImageDigests' must be true or false."));
            }

            bool customerKeys = basis.RequireCustomerManagedKeys;
            if (root.ScalarNode("requireCustomerManagedKeys") is { } k)
            {
                if (YamlNodes.Bool(k) is bool b) customerKeys = b;
                else problems.Add(new ConfigProblem(k.Span(source), "'requireCustomerManagedKeys' must be true or false."));
            }

            bool cpuLimits = Flag(root, "requireCpuLimits", source, problems) ?? basis.RequireCpuLimits;
            bool workstations = Flag(root, "judgeWorkstationStacks", source, problems) ?? basis.JudgeWorkstationStacks;

            int minRetention = basis.MinLogRetentionDays;
            if (root.Get("minLogRetentionDays") is { } r)
            {
                if (YamlNodes.Long(r as YamlScalarNode) is long days && days is >= 1 and <= 3653) minRetention = (int)days;
                else problems.Add(new ConfigProblem(r.HeadSpan(source), "'minLogRetentionDays' must be a whole number of days from 1 to 3653."));
            }

            // requireCustomerManagedKeys is IL2002's setting: asking for it asks for the rule, which is not in the recommended set.
            if (customerKeys && !rules.ContainsKey(CustomerManagedKeysRule)) rules[CustomerManagedKeysRule] = new RuleOverride(true, null);

            var ruleSet = basis.RuleSet;
            if (root.Get("ruleSet") is { } setNode)
            {
                switch ((setNode as YamlScalarNode)?.Value)
                {
                    case "recommended": ruleSet = RuleSelection.Recommended; break;
                    case "all": ruleSet = RuleSelection.All; break;
                    default: problems.Add(new ConfigProblem(setNode.HeadSpan(source), "'ruleSet' must be 'recommended' (the default) or 'all'.")); break;
                }
            }

            var settings = basis with
            {
                RuleSet = ruleSet,
                RequireImageDigests = digests,
                RequireCustomerManagedKeys = customerKeys,
                RequireCpuLimits = cpuLimits,
                JudgeWorkstationStacks = workstations,
                MinLogRetentionDays = minRetention,
                CostLabels = Strings(root, "costLabels", source, problems) ?? basis.CostLabels,
                LineageLabels = Strings(root, "lineageLabels", source, problems) ?? basis.LineageLabels,
                DefaultNamespace = root.Str("defaultNamespace") ?? basis.DefaultNamespace,
                AllowedRegions = Strings(root, "allowedRegions", source, problems) ?? basis.AllowedRegions,
                Rules = rules,
            };
            settings = new SizingConfig(source, problems, readFile).Apply(settings, root.Get("sizing"));
            var excludes = Strings(root, "exclude", source, problems) ?? Array.Empty<string>();
            return new LoadedConfig(settings, excludes, problems, root.Get("sizing") as YamlMappingNode);
        }

        /// <summary>The flag's value; null when the key is absent or its value is reported as a problem.</summary>
        private static bool? Flag(YamlMappingNode root, string key, SourceText source, List<ConfigProblem> problems)
        {
            if (root.Get(key) is not { } node) return null;
            if (node is YamlScalarNode scalar && YamlNodes.Bool(scalar) is bool b) return b;
            problems.Add(new ConfigProblem(node.HeadSpan(source), $"'{key}' must be true or false."));
            return null;
        }

        private static RuleOverride? RuleSetting(YamlNode value, SourceText source, List<ConfigProblem> problems, string id)
        {
            // Shorthand: "IL3006: off" / "IL3006: warning".
            if (value is YamlScalarNode scalar)
            {
                string? text = YamlNodes.Text(scalar);
                if (YamlNodes.Bool(scalar) is bool onOff) return new RuleOverride(onOff, null);
                if (ParseSeverity(text) is Severity s) return new RuleOverride(null, s);
                problems.Add(new ConfigProblem(scalar.Span(source), $"'{id}' must be on, off, error, warning, note or none, or a mapping with enabled/severity; not '{text}'."));
                return null;
            }
            if (value is not YamlMappingNode map)
            {
                problems.Add(new ConfigProblem(value.HeadSpan(source), $"'{id}' must be a severity or a mapping with enabled/severity."));
                return null;
            }
            bool? enabled = null;
            Severity? severity = null;
            foreach (var (key, keyNode, v) in map.Entries())
            {
                switch (key)
                {
                    case "enabled":
                        enabled = YamlNodes.Bool(v as YamlScalarNode);
                        if (enabled is null) problems.Add(new ConfigProblem(v.HeadSpan(source), $"'{id}.enabled' must be true or false."));
                        break;
                    case "severity":
                        severity = ParseSeverity(YamlNodes.Text(v as YamlScalarNode));
                        if (severity is null) problems.Add(new ConfigProblem(v.HeadSpan(source), $"'{id}.severity' must be error, warning, note or none."));
                        break;
                    default:
                        problems.Add(new ConfigProblem(keyNode.Span(source), $"Unknown key '{key}' for rule {id}; use {string.Join(" or ", RuleKeys)}."));
                        break;
                }
            }
            return new RuleOverride(enabled, severity);
        }

        private static Severity? ParseSeverity(string? text) => text?.ToLowerInvariant() switch
        {
            "error" => Severity.Error,
            "warning" => Severity.Warning,
            "note" => Severity.Note,
            "none" => Severity.None,
            _ => null,
        };

        private static IReadOnlyList<string>? Strings(YamlMappingNode root, string key, SourceText source, List<ConfigProblem> problems)
        {
            var node = root.Get(key);
            if (node is null) return null;
            if (node is YamlSequenceNode list && list.Children.All(c => c is YamlScalarNode))
                return list.Children.OfType<YamlScalarNode>().Select(YamlNodes.Text).Where(t => t is not null).Select(t => t!).ToArray();
            problems.Add(new ConfigProblem(node.HeadSpan(source), $"'{key}' must be a list of strings."));
            return null;
        }
    }
}
