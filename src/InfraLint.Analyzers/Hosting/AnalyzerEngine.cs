using System;
using System.Collections.Generic;
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
        // for every later one (Lazy caches exceptions).
        private static readonly Lazy<RuleEngine> Shared = new Lazy<RuleEngine>(() => new RuleEngine(new[] { RuleSet.Assembly }), LazyThreadSafetyMode.ExecutionAndPublication);

        public static RuleEngine Engine => Shared.Value;

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
