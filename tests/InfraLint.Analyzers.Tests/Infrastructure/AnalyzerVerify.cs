using System.Collections.Immutable;
using InfraLint.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace InfraLint.Analyzers.Tests.Infrastructure;

/// <summary>
/// The Roslyn test harness around <see cref="InfraLintAnalyzer"/>: sources compile as a console program against .NET 10,
/// KubernetesClient and Amazon.CDK.Lib (the assemblies this test project references, so nothing is downloaded), and
/// only the rules named are verified; every other InfraLint rule is switched off, so a snippet marks what it is about.
/// </summary>
public static class AnalyzerVerify
{
    /// <summary>A test with the analyzer; add sources, AdditionalFiles and expectations, then run it.</summary>
    public static CSharpAnalyzerTest<InfraLintAnalyzer, DefaultVerifier> Test(params string[] ruleIds)
    {
        var test = new AsInABuild();
        Configure(test.TestState, test, ruleIds);
        return test;
    }

    /// <summary>Verifies the C# source: exactly the diagnostics its markup (<c>{|IL2006:…|}</c>) names, of these rules.</summary>
    public static Task CSharp(string ruleId, string source)
    {
        var test = Test(ruleId);
        test.TestCode = source;
        return test.RunAsync();
    }

    /// <summary>Verifies a YAML or JSON AdditionalFile (with markup) next to an empty program.</summary>
    public static Task Manifest(string ruleId, string path, string manifest)
    {
        var test = Test(ruleId);
        test.TestCode = "System.Console.WriteLine();";
        test.TestState.AdditionalFiles.Add((path, manifest));
        return test.RunAsync();
    }

    /// <summary>
    /// A test of one rule that a <c>.globalconfig</c> turns on by id (<c>dotnet_diagnostic.ILxxxx.severity</c>), with more
    /// of its lines (<c>infralint_allowed_regions = …</c>): a rule enabled by id counts as adopted, so the rules that wait
    /// for InfraLint's vocabulary speak, as they do for a team that asked for them.
    /// </summary>
    public static CSharpAnalyzerTest<InfraLintAnalyzer, DefaultVerifier> EnabledById(string ruleId, string options = "")
    {
        var test = new AsInABuild();
        Configure(test.TestState, test, new[] { ruleId }, options, byId: true);
        return test;
    }

    internal static void Configure(SolutionState state, AnalyzerTest<DefaultVerifier> test, IReadOnlyCollection<string> ruleIds, string options = "", bool byId = false)
    {
        test.ReferenceAssemblies = Net10;
        state.OutputKind = OutputKind.ConsoleApplication;
        state.AdditionalReferences.AddRange(Libraries);
        // IL0001 stays on: an input that does not parse must fail its test, not pass as one where nothing fires.
        test.DisabledDiagnostics.AddRange(RuleDiagnosticIds.Where(id => id != "IL0001" && !ruleIds.Contains(id, StringComparer.OrdinalIgnoreCase)));
        // Rules outside the recommended set are off by default, as in a build: the rules under test are asked for by a
        // Roslyn severity. byId asks for every rule under test that way, which also counts as adopting it.
        var asked = ruleIds.Where(id => byId || !RecommendedIds.Contains(id)).ToArray();
        if (asked.Length > 0 || options.Length > 0)
            state.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + string.Concat(asked.Select(id => $"dotnet_diagnostic.{id}.severity = warning\n")) + options));
        test.CompilerDiagnostics = CompilerDiagnostics.Errors;
    }

    /// <summary>
    /// The testing library turns every supported diagnostic on (a disabled-by-default one at its default severity): a
    /// build does not, and which rules are on is part of what these tests check. Only its suppressions are kept.
    /// </summary>
    private sealed class AsInABuild : CSharpAnalyzerTest<InfraLintAnalyzer, DefaultVerifier>
    {
        protected override Project ApplyCompilationOptions(Project project)
        {
            var applied = base.ApplyCompilationOptions(project);
            var options = applied.CompilationOptions!;
            var kept = options.SpecificDiagnosticOptions.Where(o => !RuleDiagnosticIds.Contains(o.Key) || o.Value == ReportDiagnostic.Suppress);
            return applied.WithCompilationOptions(options.WithSpecificDiagnosticOptions(kept));
        }
    }

    private static readonly string[] RuleDiagnosticIds = RuleSetIds();

    private static readonly HashSet<string> RecommendedIds = new(InfraLint.Rules.RuleSet.Catalog.All.Where(r => r.EnabledByDefault && r.Recommended).Select(r => r.Id), StringComparer.OrdinalIgnoreCase);

    private static string[] RuleSetIds() => InfraLint.Rules.RuleSet.Catalog.All.Select(r => r.Id).ToArray();

    /// <summary>No package: the references are the SDK's own targeting pack (<see cref="TargetingPack"/>), so nothing is downloaded.</summary>
    private static readonly ReferenceAssemblies Net10 = new ReferenceAssemblies("net10.0");

    /// <summary>The reference assemblies of packs/Microsoft.NETCore.App.Ref/10.x beside the running runtime.</summary>
    private static ImmutableArray<MetadataReference> TargetingPack()
    {
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!; // …/shared/Microsoft.NETCore.App/10.0.x
        var root = Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
        var packs = Path.Combine(root, "packs", "Microsoft.NETCore.App.Ref");
        var version = Directory.GetDirectories(packs).Select(Path.GetFileName).Where(v => v!.StartsWith("10.", StringComparison.Ordinal)).OrderByDescending(v => v, StringComparer.Ordinal).First()!;
        var refs = Path.Combine(packs, version, "ref", "net10.0");
        return Directory.GetFiles(refs, "*.dll").Select(f => (MetadataReference)MetadataReference.CreateFromFile(f)).ToImmutableArray();
    }

    private static readonly MetadataReference[] Libraries = TargetingPack().Concat(new MetadataReference[]
    {
        MetadataReference.CreateFromFile(typeof(k8s.Models.V1Pod).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Amazon.CDK.App).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Constructs.Construct).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Amazon.JSII.Runtime.Deputy.DeputyBase).Assembly.Location),
    }).ToArray();
}
