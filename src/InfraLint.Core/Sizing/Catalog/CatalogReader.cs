using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace InfraLint.Core.Sizing.Catalog
{
    /// <summary>Parses the three catalog YAML files into specs; the only place that knows their layout.</summary>
    internal static class CatalogReader
    {
        public static IReadOnlyList<AcceleratorSpec> ReadAccelerators(TextReader reader, string file) =>
            ReadEntries(reader, file, "accelerators", entry =>
            {
                var tflops = entry.OptionalMapping("tflops") ?? throw entry.Error("missing required key 'tflops'");
                var spec = new AcceleratorSpec
                {
                    Name = Key(entry.RequireString("name")),
                    DisplayName = entry.OptionalString("displayName") ?? string.Empty,
                    Vendor = entry.OptionalString("vendor") ?? string.Empty,
                    Family = Key(entry.OptionalString("family") ?? string.Empty),
                    Aliases = entry.StringList("aliases").Select(Key).ToArray(),
                    MemoryGiB = entry.RequirePositive("memoryGiB"),
                    MemoryBandwidthGBps = entry.RequirePositive("memoryBandwidthGBps"),
                    Fp32Tflops = tflops.OptionalPositive("fp32"),
                    Bf16Tflops = tflops.OptionalPositive("bf16"),
                    Fp16Tflops = tflops.OptionalPositive("fp16"),
                    Fp8Tflops = tflops.OptionalPositive("fp8"),
                    Int8Tops = tflops.OptionalPositive("int8"),
                    Labels = ReadLabels(entry.OptionalMapping("labels")),
                    Source = entry.RequireString("source"),
                    Date = entry.RequireString("date"),
                    DefinedAt = entry.Location,
                };
                tflops.RejectUnknownKeys();
                if (spec.Bf16Tflops is null && spec.Fp16Tflops is null && spec.Fp32Tflops is null)
                    throw tflops.Error("at least one of bf16, fp16 or fp32 must be given");
                return spec;
            });

        public static IReadOnlyList<InstanceTypeSpec> ReadInstances(TextReader reader, string file) =>
            ReadEntries(reader, file, "instances", entry => new InstanceTypeSpec
            {
                Name = entry.RequireString("name").Trim(),
                Provider = Key(entry.RequireString("provider")),
                Region = entry.OptionalString("region") ?? string.Empty,
                Accelerator = Key(entry.RequireString("accelerator")),
                AcceleratorCount = entry.RequirePositiveInt("acceleratorCount"),
                Vcpus = entry.OptionalPositiveInt("vcpus"),
                OnDemandUsdPerHour = entry.RequirePositive("onDemandUsdPerHour"),
                SpotUsdPerHour = entry.OptionalPositive("spotUsdPerHour"),
                Source = entry.RequireString("source"),
                SpotSource = entry.OptionalString("spotSource"),
                Date = entry.RequireString("date"),
                DefinedAt = entry.Location,
            });

        public static IReadOnlyList<ModelSpec> ReadModels(TextReader reader, string file) =>
            ReadEntries(reader, file, "models", entry =>
            {
                var parameters = entry.RequirePositive("parameters");
                var spec = new ModelSpec
                {
                    Name = Key(entry.RequireString("name")),
                    DisplayName = entry.OptionalString("displayName") ?? string.Empty,
                    Aliases = entry.StringList("aliases").Select(Key).ToArray(),
                    Parameters = parameters,
                    ActiveParameters = entry.OptionalPositive("activeParameters") ?? parameters,
                    Layers = entry.RequirePositiveInt("layers"),
                    HiddenSize = entry.RequirePositiveInt("hiddenSize"),
                    AttentionHeads = entry.RequirePositiveInt("attentionHeads"),
                    KvHeads = entry.RequirePositiveInt("kvHeads"),
                    HeadDim = entry.RequirePositiveInt("headDim"),
                    ContextLength = entry.RequirePositiveInt("contextLength"),
                    Source = entry.RequireString("source"),
                    Date = entry.RequireString("date"),
                    DefinedAt = entry.Location,
                };
                if (spec.ActiveParameters > spec.Parameters)
                    throw entry.Error("activeParameters cannot exceed parameters");
                if (spec.KvHeads > spec.AttentionHeads)
                    throw entry.Error("kvHeads cannot exceed attentionHeads");
                return spec;
            });

        /// <summary>Names are matched case-insensitively; store them lower-case so output is uniform.</summary>
        private static string Key(string value) => value.Trim().ToLowerInvariant();

        private static IReadOnlyDictionary<string, IReadOnlyList<string>> ReadLabels(YamlEntry? labels)
        {
            var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            if (labels is null) return result;
            foreach (var key in labels.Keys()) result[key] = labels.StringList(key);
            return result;
        }

        private static IReadOnlyList<T> ReadEntries<T>(TextReader reader, string file, string rootKey, Func<YamlEntry, T> read)
        {
            if (reader is null) throw new ArgumentNullException(nameof(reader));
            var stream = new YamlStream();
            try
            {
                stream.Load(reader);
            }
            catch (YamlException e)
            {
                throw new CatalogFormatException(file, (int)Math.Max(1, e.Start.Line), "not valid YAML: " + e.Message, e);
            }

            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
                throw new CatalogFormatException(file, 1, $"expected a mapping with a '{rootKey}' list");

            var rootEntry = new YamlEntry(root, file);
            var items = root.Children
                .Where(p => p.Key is YamlScalarNode k && k.Value == rootKey)
                .Select(p => p.Value)
                .FirstOrDefault();
            if (items is null) throw rootEntry.Error($"missing top-level key '{rootKey}'");
            foreach (var key in rootEntry.Keys())
                if (key != rootKey) throw rootEntry.Error($"unknown top-level key '{key}' (expected only '{rootKey}')");
            if (items is not YamlSequenceNode sequence) throw rootEntry.Error(items, $"'{rootKey}' must be a list");

            var result = new List<T>();
            foreach (var item in sequence.Children)
            {
                if (item is not YamlMappingNode map) throw rootEntry.Error(item, $"each entry of '{rootKey}' must be a mapping");
                var entry = new YamlEntry(map, file);
                var spec = read(entry);
                entry.RejectUnknownKeys();
                result.Add(spec);
            }

            return result;
        }
    }
}
