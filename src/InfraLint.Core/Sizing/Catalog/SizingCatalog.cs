using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;

namespace InfraLint.Core.Sizing.Catalog
{
    /// <summary>
    /// The immutable set of accelerators, instance types and model architectures the sizing model reads.
    /// Load it once (<see cref="Default"/> from the embedded YAML, or <see cref="Load"/> / <see cref="WithOverrides"/>
    /// for user files) and pass it to the sizers; the sizers never do I/O.
    /// </summary>
    public sealed class SizingCatalog
    {
        public const string AcceleratorsFile = "accelerators.yaml";
        public const string InstancesFile = "instances.yaml";
        public const string ModelsFile = "models.yaml";

        private static readonly Lazy<SizingCatalog> DefaultCatalog =
            new Lazy<SizingCatalog>(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

        private readonly Dictionary<string, AcceleratorSpec> _accelerators;
        private readonly Dictionary<string, InstanceTypeSpec> _instances;
        private readonly Dictionary<string, ModelSpec> _models;
        private readonly Dictionary<string, AcceleratorSpec> _byLabel;

        private SizingCatalog(
            IReadOnlyList<AcceleratorSpec> accelerators,
            IReadOnlyList<InstanceTypeSpec> instances,
            IReadOnlyList<ModelSpec> models)
        {
            _accelerators = Index(accelerators, a => a.Name, a => a.Aliases, a => a.DefinedAt);
            _models = Index(models, m => m.Name, m => m.Aliases, m => m.DefinedAt);

            // Instances name their accelerator by alias as often as by name; store the canonical name.
            var resolved = new List<InstanceTypeSpec>();
            foreach (var instance in instances)
            {
                if (!_accelerators.TryGetValue(instance.Accelerator, out var accelerator))
                    throw Failure(instance.DefinedAt, $"instance '{instance.Name}' names unknown accelerator '{instance.Accelerator}'");
                resolved.Add(instance with { Accelerator = accelerator.Name });
            }

            _instances = Index(resolved, i => i.Name, _ => Array.Empty<string>(), i => i.DefinedAt);

            _byLabel = new Dictionary<string, AcceleratorSpec>(StringComparer.OrdinalIgnoreCase);
            foreach (var accelerator in accelerators)
                foreach (var values in accelerator.Labels.Values)
                    foreach (var value in values)
                        _byLabel[value] = accelerator;

            Accelerators = accelerators.ToArray();
            Instances = resolved.ToArray();
            Models = models.ToArray();
        }

        /// <summary>The built-in catalog, parsed once from the YAML embedded in this assembly.</summary>
        public static SizingCatalog Default => DefaultCatalog.Value;

        public IReadOnlyList<AcceleratorSpec> Accelerators { get; }

        public IReadOnlyList<InstanceTypeSpec> Instances { get; }

        public IReadOnlyList<ModelSpec> Models { get; }

        /// <summary>Builds a catalog from three complete files (no built-in entries).</summary>
        /// <exception cref="CatalogFormatException">Bad data; the message names the file and line.</exception>
        public static SizingCatalog Load(
            TextReader accelerators,
            TextReader instances,
            TextReader models,
            string acceleratorsFile = AcceleratorsFile,
            string instancesFile = InstancesFile,
            string modelsFile = ModelsFile) =>
            new SizingCatalog(
                CatalogReader.ReadAccelerators(accelerators, acceleratorsFile),
                CatalogReader.ReadInstances(instances, instancesFile),
                CatalogReader.ReadModels(models, modelsFile));

        /// <summary>
        /// This catalog plus user entries: an entry whose name equals an existing one replaces it, others are
        /// added. Any reader may be null. The result is a new catalog; this one is unchanged.
        /// </summary>
        /// <exception cref="CatalogFormatException">Bad data; the message names the file and line.</exception>
        public SizingCatalog WithOverrides(
            TextReader? accelerators = null,
            TextReader? instances = null,
            TextReader? models = null,
            string acceleratorsFile = AcceleratorsFile,
            string instancesFile = InstancesFile,
            string modelsFile = ModelsFile) =>
            Merge(
                accelerators is null ? null : CatalogReader.ReadAccelerators(accelerators, acceleratorsFile),
                instances is null ? null : CatalogReader.ReadInstances(instances, instancesFile),
                models is null ? null : CatalogReader.ReadModels(models, modelsFile));

        /// <summary>This catalog with the given entries replacing same-named ones (or added).</summary>
        public SizingCatalog Merge(
            IEnumerable<AcceleratorSpec>? accelerators = null,
            IEnumerable<InstanceTypeSpec>? instances = null,
            IEnumerable<ModelSpec>? models = null) =>
            new SizingCatalog(
                Replace(Accelerators, accelerators, a => a.Name),
                Replace(Instances, instances, i => i.Name),
                Replace(Models, models, m => m.Name));

        /// <summary>By catalog name or alias, case-insensitive (<c>h100</c> finds <c>h100-sxm</c>).</summary>
        public AcceleratorSpec? FindAccelerator(string nameOrAlias) =>
            _accelerators.TryGetValue(Normalize(nameOrAlias), out var spec) ? spec : null;

        /// <summary>By a Kubernetes node-label value such as <c>NVIDIA-A100-SXM4-80GB</c> or <c>nvidia-l4</c>.</summary>
        public AcceleratorSpec? FindAcceleratorByLabel(string labelValue) =>
            _byLabel.TryGetValue((labelValue ?? string.Empty).Trim(), out var spec) ? spec : null;

        public InstanceTypeSpec? FindInstance(string name) =>
            _instances.TryGetValue(Normalize(name), out var spec) ? spec : null;

        /// <summary>By catalog name, alias or Hugging Face id, case-insensitive.</summary>
        public ModelSpec? FindModel(string nameOrAlias) =>
            _models.TryGetValue(Normalize(nameOrAlias), out var spec) ? spec : null;

        /// <summary>Instance types carrying the accelerator, in catalog order.</summary>
        public IEnumerable<InstanceTypeSpec> InstancesWith(AcceleratorSpec accelerator) =>
            Instances.Where(i => string.Equals(i.Accelerator, accelerator.Name, StringComparison.OrdinalIgnoreCase));

        private static string Normalize(string name) => (name ?? string.Empty).Trim().ToLowerInvariant();

        private static IReadOnlyList<T> Replace<T>(IReadOnlyList<T> current, IEnumerable<T>? overrides, Func<T, string> name)
        {
            if (overrides is null) return current;
            var added = overrides.ToArray();
            var replaced = new HashSet<string>(added.Select(o => Normalize(name(o))));
            return current.Where(c => !replaced.Contains(Normalize(name(c)))).Concat(added).ToArray();
        }

        /// <summary>
        /// Names win over aliases; between aliases the later entry (an override) wins. Two entries with one
        /// name, or an alias that shadows another entry's name, are data errors.
        /// </summary>
        private static Dictionary<string, T> Index<T>(
            IReadOnlyList<T> items, Func<T, string> name, Func<T, IEnumerable<string>> aliases, Func<T, string> definedAt)
        {
            var byName = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
            foreach (var item in items)
            {
                var key = Normalize(name(item));
                if (key.Length == 0) throw Failure(definedAt(item), "'name' must not be empty");
                if (byName.TryGetValue(key, out var existing))
                    throw Failure(definedAt(item), $"'{key}' is defined twice (also at {definedAt(existing)})");
                byName.Add(key, item);
            }

            var index = new Dictionary<string, T>(byName, StringComparer.OrdinalIgnoreCase);
            foreach (var item in items)
            {
                foreach (var alias in aliases(item).Select(Normalize))
                {
                    if (byName.TryGetValue(alias, out var owner) && !ReferenceEquals(owner, item))
                        throw Failure(definedAt(item), $"alias '{alias}' is already the name of another entry ({definedAt(owner)})");
                    index[alias] = item;
                }
            }

            return index;
        }

        private static CatalogFormatException Failure(string definedAt, string message)
        {
            var colon = definedAt.LastIndexOf(':');
            var line = colon > 0 && int.TryParse(definedAt.Substring(colon + 1), out var l) ? l : 1;
            var file = colon > 0 ? definedAt.Substring(0, colon) : definedAt;
            return new CatalogFormatException(file, line, message);
        }

        private static SizingCatalog LoadEmbedded()
        {
            var assembly = typeof(SizingCatalog).GetTypeInfo().Assembly;
            using var accelerators = Open(assembly, AcceleratorsFile);
            using var instances = Open(assembly, InstancesFile);
            using var models = Open(assembly, ModelsFile);
            return Load(accelerators, instances, models);
        }

        private static StreamReader Open(Assembly assembly, string file)
        {
            var name = "InfraLint.Core.Sizing.CatalogData." + file;
            var stream = assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"Embedded sizing catalog '{name}' is missing from {assembly.GetName().Name}.");
            return new StreamReader(stream);
        }
    }
}
