using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using InfraLint.Core.Engine;
using InfraLint.Core.Scanning;
using InfraLint.CSharp;
using InfraLint.Json;
using InfraLint.Platforms;
using InfraLint.Platforms.Suppressions;
using InfraLint.Rules;
using InfraLint.Yaml;

namespace InfraLint.Analyzers.Hosting
{
    /// <summary>
    /// What every compilation of the process shares: the rule engine (compiling the Rete network takes about a second,
    /// so it is built once, on first use, never per callback) and the front ends with their platform mappers.
    /// </summary>
    internal static class AnalyzerEngine
    {
        // Built without the first caller's token: a cancelled first analysis must not leave a cached failure behind
        // for every later one (Lazy caches exceptions). Expressions compile on first use: in a compiler process start-up
        // is most of what the analyzer costs (bench/analyzer).
        private static readonly Lazy<RuleEngine> Shared = new Lazy<RuleEngine>(
            () => new RuleEngine(new[] { RuleSet.Assembly }, CancellationToken.None, new LazyExpressionCompiler()),
            LazyThreadSafetyMode.ExecutionAndPublication);

        private static int _warming;

        public static RuleEngine Engine => Shared.Value;

        /// <summary>
        /// Starts building the engine on the thread pool, once per process, so that it overlaps the compiler's own binding
        /// instead of stalling the first file that needs it. Called at compilation start when the compilation may hold
        /// infrastructure; a compilation that cannot never pays for it.
        /// </summary>
        public static void WarmUp()
        {
            if (Shared.IsValueCreated || Interlocked.Exchange(ref _warming, 1) == 1) return;
            System.Threading.Tasks.Task.Run(() => Shared.Value);
        }

        /// <summary>
        /// Whether a compilation may hold infrastructure: it references a library InfraLint reads (KubernetesClient, AWS
        /// CDK, Pulumi) or is given a YAML/JSON AdditionalFile. Decided from names only, without reading a file.
        /// </summary>
        public static bool MayHoldInfrastructure(Microsoft.CodeAnalysis.Compilation compilation, System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.AdditionalText> additionalFiles)
        {
            foreach (var assembly in compilation.ReferencedAssemblyNames)
                if (assembly.Name == "KubernetesClient" || assembly.Name.StartsWith("Amazon.CDK", StringComparison.Ordinal) || assembly.Name.StartsWith("Pulumi", StringComparison.Ordinal))
                    return true;
            return additionalFiles.Any(IsManifest);
        }

        /// <summary>Whether an AdditionalFile is a manifest the front ends read (YAML, JSON), not InfraLint's own configuration.</summary>
        public static bool IsManifest(Microsoft.CodeAnalysis.AdditionalText file) =>
            !AnalyzerSettings.IsConfiguration(file) && ManifestAdapters.Any(a => a.Accepts(file.Path));

        public static RuleCatalog Catalog => RuleSet.Catalog;

        /// <summary>The C# front end; a file is read with the semantic model the compiler already built for it.</summary>
        public static CSharpAdapter CSharp { get; } = new CSharpAdapter(PlatformReaders.CSharp, IgnoreAnnotation.Read);

        /// <summary>The front ends of AdditionalFiles: YAML (Kubernetes, CloudFormation, compose, the AI-workload spec) and JSON (CloudFormation).</summary>
        public static IReadOnlyList<IAdapter> ManifestAdapters { get; } = new IAdapter[]
        {
            new YamlAdapter(),
            new JsonAdapter(PlatformReaders.Json, IgnoreAnnotation.Read),
        };
    }
}
