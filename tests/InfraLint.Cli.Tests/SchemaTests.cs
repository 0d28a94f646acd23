using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InfraLint.Core.Facts;
using InfraLint.Core.Locations;
using InfraLint.Platforms.WorkloadSpec;
using InfraLint.Rules;
using InfraLint.Tests;
using InfraLint.Yaml;
using InfraLint.Yaml.Configuration;
using Json.Schema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace InfraLint.Cli.Tests;

/// <summary>
/// The JSON Schemas in docs/schemas are what editors check our files against: every example and docs snippet must
/// pass them, and they must accept exactly the keys InfraLint's readers accept, or an editor would flag a file
/// InfraLint reads (or stay silent about a key InfraLint reports).
/// </summary>
public class SchemaTests
{
    private static readonly string SchemaDir = Path.Combine(Repo.Root, "docs", "schemas");
    private static readonly string ConfigSchemaPath = Path.Combine(SchemaDir, "infralint.schema.json");
    private static readonly string WorkloadSchemaPath = Path.Combine(SchemaDir, "aiworkload.schema.json");

    private static readonly Lazy<JsonSchema> ConfigSchema = new(() => Build(ConfigSchemaPath));
    private static readonly Lazy<JsonSchema> WorkloadSchema = new(() => Build(WorkloadSchemaPath));

    private const string ConfigMarker = "# .infralint.yaml";

    [Fact]
    public void Every_workload_example_names_its_schema_and_validates()
    {
        var files = Directory.GetFiles(Path.Combine(Repo.Examples, "workloads"), "*.yaml");
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            Assert.Equal(WorkloadSchemaPath, ModelineTarget(file, text));
            foreach (var doc in Documents(text).Where(IsWorkload))
                AssertValid(WorkloadSchema.Value, doc, file);
            Assert.Empty(WorkloadProblems(text, file));
        }
    }

    [Fact]
    public void The_example_configuration_names_its_schema_validates_and_reads_without_problems()
    {
        var file = Path.Combine(Repo.Examples, "config", ConfigLoader.FileName);
        var text = File.ReadAllText(file);
        Assert.Equal(ConfigSchemaPath, ModelineTarget(file, text));
        AssertValid(ConfigSchema.Value, Documents(text).Single(), file);
        Assert.Empty(ConfigProblems(text));
    }

    [Fact]
    public void Every_docs_snippet_of_a_workload_spec_or_configuration_validates_and_reads_without_problems()
    {
        int workloads = 0, configs = 0;
        foreach (var (file, line, text) in YamlSnippets())
        {
            string where = $"{file}:{line}";
            // Other snippets are manifests, some broken on purpose (IL0001's page): only ours are parsed.
            bool isConfig = text.StartsWith(ConfigMarker, StringComparison.Ordinal);
            if (!isConfig && !WorkloadKind.IsMatch(text)) continue;
            var docs = Documents(text).ToList();
            if (isConfig)
            {
                AssertValid(ConfigSchema.Value, docs.Single(), where);
                Assert.True(ConfigProblems(text).Count == 0, $"{where}: {string.Join("; ", ConfigProblems(text))}");
                configs++;
            }
            foreach (var doc in docs.Where(IsWorkload))
            {
                AssertValid(WorkloadSchema.Value, doc, where);
                workloads++;
            }
            if (docs.Any(IsWorkload))
                Assert.True(WorkloadProblems(text, where).Count == 0, $"{where}: {string.Join("; ", WorkloadProblems(text, where))}");
        }
        // README's configuration and docs/workload-spec.md's full spec at least; a parser that found none would pass vacuously.
        Assert.True(configs >= 4, $"only {configs} configuration snippets found");
        Assert.True(workloads >= 10, $"only {workloads} workload snippets found");
    }

    [Fact]
    public void The_configuration_schema_closes_exactly_the_mappings_the_reader_checks_with_the_same_keys()
    {
        var closed = ClosedObjects(ConfigSchemaPath);
        // 'rules' takes rule ids, which the reader checks against the rule catalog.
        Assert.Equal(RuleSet.Catalog.All.Select(r => r.Id).Order(StringComparer.Ordinal), closed["rules"].Order(StringComparer.Ordinal));
        closed.Remove("rules");
        AssertSameTables(ConfigLoader.KnownKeys, closed);
    }

    [Fact]
    public void The_workload_schema_closes_exactly_the_mappings_the_reader_checks_with_the_same_keys()
    {
        AssertSameTables(WorkloadSpecMapper.KnownKeys, ClosedObjects(WorkloadSchemaPath));
        var stageTypes = Node(WorkloadSchemaPath)["definitions"]!["stage"]!["properties"]!["type"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>());
        Assert.Equal(WorkloadSpecMapper.StageTypeNames.Order(StringComparer.Ordinal), stageTypes.Order(StringComparer.Ordinal));
    }

    /// <summary>The key table is what the reader uses: each listed key passes, and a key not listed is reported there.</summary>
    [Fact]
    public void The_configuration_reader_accepts_each_key_of_its_table_and_reports_any_other()
    {
        foreach (var (path, keys) in ConfigLoader.KnownKeys)
        {
            foreach (var key in keys)
                Assert.True(!ConfigProblems(ConfigProbe(path, key)).Any(IsUnknownKey), $"{path}.{key} was reported as unknown");
            var reported = ConfigProblems(ConfigProbe(path, "notAKey")).Where(IsUnknownKey);
            Assert.Contains("notAKey'", Assert.Single(reported).Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_workload_reader_accepts_each_key_of_its_table_and_reports_any_other()
    {
        foreach (var (path, keys) in WorkloadSpecMapper.KnownKeys)
        {
            foreach (var key in keys)
                Assert.True(!WorkloadProblems(WorkloadProbe(path, key), "probe.yaml").Any(IsUnknownKey), $"{path}.{key} was reported as unknown");
            var reported = WorkloadProblems(WorkloadProbe(path, "notAKey"), "probe.yaml").Where(IsUnknownKey);
            Assert.Contains("notAKey'", Assert.Single(reported).Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_misspelt_configuration_key_is_rejected_by_the_schema_and_reported_by_the_reader()
    {
        const string text = "requireImageDigest: true\n";
        Assert.False(Evaluate(ConfigSchema.Value, Documents(text).Single()).IsValid);
        var problem = Assert.Single(ConfigProblems(text));
        Assert.Equal((1, 1), (problem.Span.StartLine, problem.Span.StartColumn));
        Assert.StartsWith("Unknown configuration key 'requireImageDigest'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_workload_key_is_rejected_by_the_schema_and_reported_by_the_reader()
    {
        const string text = "apiVersion: infralint.dev/v1alpha1\nkind: AIWorkload\nmetadata: {name: chat}\nspec:\n  monitoring:\n    dirft: evidently\n";
        Assert.False(Evaluate(WorkloadSchema.Value, Documents(text).Single()).IsValid);
        var problem = Assert.Single(WorkloadProblems(text, "chat.yaml"));
        Assert.Equal((6, 5), (problem.Span.StartLine, problem.Span.StartColumn));
        Assert.StartsWith("Unknown key 'spec.monitoring.dirft'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_property_in_both_schemas_has_a_description_for_editors()
    {
        foreach (var path in new[] { ConfigSchemaPath, WorkloadSchemaPath })
        {
            var root = Node(path).AsObject();
            foreach (var (name, property) in Properties(root, root, new HashSet<JsonNode>()))
            {
                var described = property is JsonObject o && (o["description"] is not null || (o["$ref"] is JsonValue r && Resolve(root, r.GetValue<string>())["description"] is not null));
                Assert.True(described, $"{Path.GetFileName(path)}: property '{name}' has no description");
            }
        }
    }

    private static bool IsUnknownKey(ConfigProblem problem) => problem.Message.StartsWith("Unknown", StringComparison.Ordinal);

    private static void AssertSameTables(IReadOnlyDictionary<string, IReadOnlyList<string>> reader, Dictionary<string, HashSet<string>> schema)
    {
        Assert.Equal(reader.Keys.Order(StringComparer.Ordinal), schema.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, keys) in reader)
            Assert.True(keys.ToHashSet().SetEquals(schema[path]), $"'{path}': reader [{string.Join(", ", keys.Order())}], schema [{string.Join(", ", schema[path].Order())}]");
    }

    // ---- the readers -------------------------------------------------------------------------------------

    private static List<ConfigProblem> ConfigProblems(string text) =>
        ConfigLoader.Load(new SourceText(ConfigLoader.FileName, text), id => RuleSet.Catalog.Find(id) is not null).Problems.ToList();

    private static List<ConfigProblem> WorkloadProblems(string text, string file) =>
        new YamlAdapter().Read(new SourceText(file, text)).Facts.OfType<ConfigProblem>().ToList();

    /// <summary>A configuration with <paramref name="key"/> in the mapping at <paramref name="path"/> ("rules.*" is one rule's).</summary>
    private static string ConfigProbe(string path, string key)
    {
        var leaf = $"{{{key}: 1}}";
        var segments = path.Length == 0 ? Array.Empty<string>() : path.Split('.');
        foreach (var segment in segments.Reverse())
            leaf = $"{{{(segment == "*" ? "IL3006" : segment)}: {leaf}}}";
        return leaf + "\n";
    }

    /// <summary>A spec with <paramref name="key"/> in the mapping at <paramref name="path"/>, whose required keys it also holds.</summary>
    private static string WorkloadProbe(string path, string key)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        if (path.EndsWith("stages[]", StringComparison.Ordinal)) { entries["name"] = "s"; entries["type"] = "ingest"; }
        if (path.EndsWith("tracking", StringComparison.Ordinal)) entries["tool"] = "mlflow";
        entries[key] = "1";
        var node = "{" + string.Join(", ", entries.Select(e => $"{e.Key}: {e.Value}")) + "}";
        foreach (var segment in path.Split('.').Reverse())
            node = segment.EndsWith("[]", StringComparison.Ordinal) ? $"{{{segment[..^2]}: [{node}]}}" : $"{{{segment}: {node}}}";
        return "apiVersion: infralint.dev/v1alpha1\nkind: AIWorkload\nmetadata: {name: probe}\n" + node.Substring(1, node.Length - 2) + "\n";
    }

    // ---- YAML as JSON, typed as the readers type it ------------------------------------------------------------

    private static readonly Regex Number = new(@"^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$", RegexOptions.CultureInvariant);

    private static IEnumerable<JsonNode?> Documents(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Select(d => ToJson(d.RootNode));
    }

    /// <summary>
    /// A plain scalar is null, a YAML 1.1 boolean (yes, on …: the readers take those), an integer or a number; anything
    /// quoted is a string, so "08:00" and "true" in quotes stay text as they do for the readers.
    /// </summary>
    private static JsonNode? ToJson(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                var obj = new JsonObject();
                foreach (var (key, value) in map.Children)
                    obj[((YamlScalarNode)key).Value!] = ToJson(value);
                return obj;
            case YamlSequenceNode list:
                return new JsonArray(list.Children.Select(ToJson).ToArray());
            case YamlScalarNode scalar:
                var text = scalar.Value ?? string.Empty;
                if (scalar.Style != ScalarStyle.Plain) return JsonValue.Create(text);
                if (Core.Tree.TreeValues.IsNull(text)) return null;
                if (Core.Tree.TreeValues.Bool(text, isPlain: true) is bool b) return JsonValue.Create(b);
                if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)) return JsonValue.Create(n);
                if (Number.IsMatch(text)) return JsonValue.Create(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
                return JsonValue.Create(text);
            default:
                throw new InvalidOperationException($"unexpected YAML node {node.NodeType}");
        }
    }

    private static bool IsWorkload(JsonNode? doc) => doc is JsonObject o && o["kind"] is JsonValue k && k.TryGetValue<string>(out var kind) && kind == WorkloadSpecMapper.Kind;

    // ---- docs ----------------------------------------------------------------------------------------------

    private static readonly Regex WorkloadKind = new(@"^kind:\s*AIWorkload\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    private static readonly Regex Fence = new(@"^```ya?ml[ \t]*\n(.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline | RegexOptions.CultureInvariant);

    /// <summary>The ```yaml blocks of README.md, docs/ and rules/docs/, with where each starts.</summary>
    private static IEnumerable<(string File, int Line, string Text)> YamlSnippets()
    {
        var files = new[] { Path.Combine(Repo.Root, "README.md") }
            .Concat(Directory.GetFiles(Path.Combine(Repo.Root, "docs"), "*.md", SearchOption.AllDirectories))
            .Concat(Directory.GetFiles(Path.Combine(Repo.Root, "rules", "docs"), "*.md"));
        foreach (var file in files)
        {
            var text = File.ReadAllText(file).Replace("\r\n", "\n", StringComparison.Ordinal);
            foreach (Match m in Fence.Matches(text))
                yield return (Path.GetRelativePath(Repo.Root, file), text.AsSpan(0, m.Index).Count('\n') + 1, m.Groups[1].Value);
        }
    }

    private static readonly Regex Modeline = new(@"^# yaml-language-server: \$schema=(\S+)$", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    private static string ModelineTarget(string file, string text)
    {
        var m = Modeline.Match(text.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.True(m.Success, $"{file} has no yaml-language-server modeline");
        return Path.GetFullPath(m.Groups[1].Value, Path.GetDirectoryName(file)!);
    }

    // ---- the schemas ---------------------------------------------------------------------------------------

    private static JsonNode Node(string path) => JsonNode.Parse(File.ReadAllText(path))!;

    private static JsonSchema Build(string path) =>
        JsonSchema.FromText(File.ReadAllText(path), new BuildOptions { SchemaRegistry = new SchemaRegistry() }, new Uri("file://" + path));

    private static EvaluationResults Evaluate(JsonSchema schema, JsonNode? doc)
    {
        using var json = JsonDocument.Parse(doc?.ToJsonString() ?? "null");
        return schema.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static void AssertValid(JsonSchema schema, JsonNode? doc, string where)
    {
        var result = Evaluate(schema, doc);
        var errors = (result.Details ?? new List<EvaluationResults>())
            .Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Value}"));
        Assert.True(result.IsValid, $"{where} does not validate:\n{string.Join("\n", errors)}");
    }

    private static JsonNode Resolve(JsonObject root, string reference)
    {
        Assert.StartsWith("#/", reference, StringComparison.Ordinal);
        JsonNode node = root;
        foreach (var part in reference[2..].Split('/')) node = node[part]!;
        return node;
    }

    /// <summary>
    /// The objects that allow no other keys, by path as the readers name them ("" the top, "a.b" below, "[]" an item),
    /// with the keys each allows; a rule id under "rules" is "*".
    /// </summary>
    private static Dictionary<string, HashSet<string>> ClosedObjects(string schemaPath)
    {
        var root = Node(schemaPath).AsObject();
        var result = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        void Walk(JsonNode? node, string path)
        {
            if (node is not JsonObject o) return;
            if (o["$ref"] is JsonValue r)
            {
                Walk(Resolve(root, r.GetValue<string>()), path);
                return;
            }
            foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
                if (o[combinator] is JsonArray branches)
                    foreach (var branch in branches) Walk(branch, path);
            if (o["properties"] is JsonObject properties)
            {
                if (o["additionalProperties"] is JsonValue extra && !extra.GetValue<bool>())
                {
                    if (!result.TryGetValue(path, out var keys)) result[path] = keys = new HashSet<string>(StringComparer.Ordinal);
                    keys.UnionWith(properties.Select(p => p.Key));
                }
                foreach (var (name, value) in properties)
                    Walk(value, path == "rules" ? "rules.*" : path.Length == 0 ? name : path + "." + name);
            }
            if (o["items"] is JsonNode items) Walk(items, path + "[]");
        }
        Walk(root, string.Empty);
        return result;
    }

    private static IEnumerable<(string Name, JsonNode? Value)> Properties(JsonObject root, JsonNode? node, HashSet<JsonNode> seen)
    {
        if (node is not JsonObject o || !seen.Add(o)) yield break;
        if (o["$ref"] is JsonValue r)
        {
            foreach (var p in Properties(root, Resolve(root, r.GetValue<string>()), seen)) yield return p;
            yield break;
        }
        foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
            if (o[combinator] is JsonArray branches)
                foreach (var branch in branches)
                    foreach (var p in Properties(root, branch, seen)) yield return p;
        if (o["properties"] is JsonObject properties)
            foreach (var (name, value) in properties)
            {
                yield return (name, value);
                foreach (var p in Properties(root, value, seen)) yield return p;
            }
        if (o["items"] is JsonNode items)
            foreach (var p in Properties(root, items, seen)) yield return p;
    }
}
