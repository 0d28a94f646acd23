using InfraLint.Core.Engine;
using InfraLint.Core.Locations;
using InfraLint.Core.Scanning;
using InfraLint.CSharp;
using InfraLint.Platforms;
using InfraLint.Platforms.Suppressions;
using InfraLint.Rules.Tests.Infrastructure;
using InfraLint.Tests;
using InfraLint.Yaml;

namespace InfraLint.Rules.Tests.Scanning;

/// <summary>
/// The analyzer builds its engine with expressions compiled on first use (start-up counts in a compiler process): the
/// rules must judge exactly as with NRules' own compiler, finding for finding and evaluation for evaluation.
/// </summary>
public sealed class LazyExpressionCompilerTests
{
    [SkippableFact]
    public void An_engine_that_compiles_expressions_on_first_use_finds_what_the_eager_one_finds()
    {
        var corpus = Repo.RequireSharedCorpus();
        var adapters = new IAdapter[] { new YamlAdapter(), new CSharpAdapter(PlatformReaders.CSharp, IgnoreAnnotation.Read) };
        var lazy = new RuleEngine(new[] { RuleSet.Assembly }, default, new LazyExpressionCompiler());
        var sources = new[] { corpus, Repo.Examples }
            .SelectMany(root => Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            .Where(path => adapters.Any(a => a.Accepts(path)) && new FileInfo(path).Length < 1_000_000)
            .Order(StringComparer.Ordinal)
            .Select(path => new SourceText(Path.GetRelativePath(Repo.Root, path), File.ReadAllText(path)))
            .ToArray();

        static string[] Lines(ScanResult result) => result.Findings
            .Select(f => $"{f.Location} {f.RuleId} {f.Severity} {f.LogicalPath} {f.Message} {f.IsSuppressed} {f.Fixes.Count}")
            .Concat(result.Evaluations.Select(e => $"evaluated {e.RuleId} {e.Location} {e.LogicalPath}"))
            .ToArray();

        var eager = Lines(new Scanner(Lint.Engine, adapters, Lint.AllRules).ScanTexts(sources));
        var onFirstUse = Lines(new Scanner(lazy, adapters, Lint.AllRules).ScanTexts(sources));
        Assert.True(eager.Length > 1000, $"only {eager.Length} findings and evaluations");
        Assert.Equal(eager, onFirstUse);
    }
}
