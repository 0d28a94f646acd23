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

    public static TheoryData<string> Compilers() => new() { nameof(FastCompiler), nameof(LazyFastCompiler), "LazyFastCompiler(systemBody)", nameof(TieredCompiler) };

    [SkippableTheory]
    [MemberData(nameof(Compilers))]
    public void The_CLI_compilers_find_what_NRules_own_compiler_finds(string compilerName)
    {
        IExpressionCompiler compiler = compilerName switch
        {
            nameof(FastCompiler) => new FastCompiler(),
            nameof(LazyFastCompiler) => new LazyFastCompiler(),
            nameof(TieredCompiler) => new TieredCompiler(),
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

    /// <summary>The CLI's compiler interprets a condition's first calls and compiles it after: both must judge alike, and throw alike.</summary>
    [Fact]
    public void A_tiered_expression_judges_and_throws_the_same_before_and_after_it_is_compiled()
    {
        var compiler = new TieredCompiler();
        var two = compiler.Compile<Func<string, int, bool>>((text, length) => text.Length > length);
        var one = compiler.Compile<Func<string, int>>(text => text.Length);
        var seen = new List<string>();
        var act = compiler.Compile<Action<List<string>, string>>((list, text) => list.Add(text));
        for (int call = 0; call < 2 * TieredCompiler.CompileAfter + 2; call++)
        {
            Assert.True(two("abcd", 3));
            Assert.False(two("abc", 3));
            Assert.Equal(3, one("abc"));
            act(seen, "x");
            Assert.Throws<NullReferenceException>(() => two(null!, 0));
        }
        Assert.Equal(2 * TieredCompiler.CompileAfter + 2, seen.Count);
    }

    /// <summary>A delegate shape NRules does not use today is still compiled, on first use.</summary>
    [Fact]
    public void A_tiered_compiler_compiles_other_delegate_shapes_too()
    {
        var three = new TieredCompiler().Compile<Func<int, int, int, int>>((a, b, c) => a + b * c);
        Assert.Equal(7, three(1, 2, 3));
    }
}
