using InfraLint.Cli.Engine;
using InfraLint.Core.Engine;
using InfraLint.Core.Facts;
using InfraLint.Core.Locations;
using InfraLint.Core.Scanning;
using InfraLint.Rules;
using InfraLint.Tests;
using NRules.Extensibility;

namespace InfraLint.Cli.Tests;

/// <summary>
/// The CLI compiles the rules' expressions with FastExpressionCompiler (on first use, for start-up), and defines the rules
/// of its list on every core rather than letting NRules load them one by one: the rules must judge exactly as with NRules'
/// own loading and compiler, finding for finding and evaluation for evaluation, over every example and the shared corpus,
/// with every rule on.
/// </summary>
public sealed class ExpressionCompilerTests
{
    private static readonly LintSettings AllRules = LintSettings.Default with { RuleSet = RuleSelection.All };

    public static TheoryData<string> Compilers() => new() { nameof(FastCompiler), nameof(LazyFastCompiler), "LazyFastCompiler(systemBody)" };

    [SkippableTheory]
    [MemberData(nameof(Compilers))]
    public void The_CLI_compilers_find_what_NRules_own_compiler_finds(string compilerName)
    {
        IExpressionCompiler compiler = compilerName switch
        {
            nameof(FastCompiler) => new FastCompiler(),
            nameof(LazyFastCompiler) => new LazyFastCompiler(),
            _ => new LazyFastCompiler(systemBody: true),
        };
        var sources = new[] { Repo.RequireSharedCorpus(), Repo.Examples }
            .SelectMany(root => Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            .Where(path => LintHost.Adapters.Any(a => a.Accepts(path)) && new FileInfo(path).Length < 1_000_000)
            .Order(StringComparer.Ordinal)
            .Select(path => new SourceText(Path.GetRelativePath(Repo.Root, path), File.ReadAllText(path)))
            .ToArray();

        static string[] Lines(ScanResult result) => result.Findings
            .Select(f => $"{f.Location} {f.RuleId} {f.Severity} {f.LogicalPath} {f.Message} {f.IsSuppressed} {f.Fixes.Count}")
            .Concat(result.Evaluations.Select(e => $"evaluated {e.RuleId} {e.Location} {e.LogicalPath}"))
            .ToArray();

        // The reference is NRules' own all the way: its loading of the assembly, its compiler.
        var nrules = Lines(new Scanner(new RuleEngine(new[] { RuleSet.Assembly }), LintHost.Adapters, AllRules).ScanTexts(sources));
        var fast = Lines(new Scanner(new RuleEngine(RuleSet.RuleTypes, RuleSet.Catalog, default, compiler), LintHost.Adapters, AllRules).ScanTexts(sources));
        Assert.True(nrules.Length > 1000, $"only {nrules.Length} findings and evaluations");
        Assert.Equal(nrules, fast);
    }

    [Fact]
    public void A_lazily_compiled_expression_judges_and_throws_as_written()
    {
        var compiled = new LazyFastCompiler().Compile<Func<string, int, bool>>((text, length) => text.Length > length);
        Assert.True(compiled("abcd", 3));
        Assert.False(compiled("abc", 3));
        Assert.Throws<NullReferenceException>(() => compiled(null!, 0));
    }
}
