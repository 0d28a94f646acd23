using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using InfraLint.Core.Locations;
using InfraLint.Core.Scanning;
using InfraLint.CSharp;
using InfraLint.CSharp.Syntax;
using InfraLint.Platforms;
using InfraLint.Platforms.Suppressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace InfraLint.Rules.Tests.Infrastructure;

/// <summary>How a C# test reads its code: by the file's text alone, or bound by a compilation that has the library's types.</summary>
public enum CSharpMode
{
    /// <summary>No compilation (a folder of <c>.cs</c> files, a project that was never restored).</summary>
    Syntactic,

    /// <summary>A compilation with KubernetesClient 21.0.8 and Amazon.CDK.Lib 2.103.0; the code must compile.</summary>
    Semantic,
}

/// <summary>Runs the built-in rules over in-memory C#, the way the CLI does over <c>.cs</c> files and projects.</summary>
internal static class CSharpLint
{
    public static CSharpAdapter Adapter { get; } = new(PlatformReaders.CSharp, IgnoreAnnotation.Read);

    private static readonly Scanner Scanner = new(Lint.Engine, new IAdapter[] { Adapter }, Lint.AllRules);

    public const string File = "Infra.cs";

    public static ScanResult Run(string code, CSharpMode mode, string file = File, LintSettings? settings = null) => mode switch
    {
        CSharpMode.Syntactic => ScannerWith(settings).ScanTexts(new[] { new SourceText(file, code) }),
        _ => Semantic(code, file, settings),
    };

    /// <summary>The shared scanner, or one with <paramref name="settings"/> (allowed regions, peak hours, …).</summary>
    private static Scanner ScannerWith(LintSettings? settings) =>
        settings is null ? Scanner : new Scanner(Lint.Engine, new IAdapter[] { Adapter }, settings);

    private static ScanResult Semantic(string code, string file, LintSettings? settings)
    {
        var source = new SourceText(file, code);
        var compilation = Compile(source);
        var tree = compilation.SyntaxTrees.First();
        CSharpTree.Build(source, (Microsoft.CodeAnalysis.CSharp.Syntax.CompilationUnitSyntax)tree.GetRoot(), compilation.GetSemanticModel(tree), out int bound);
        Assert.True(bound > 0, "semantic mode bound no type by its symbol: the test would pass syntactically");
        return ScannerWith(settings).Evaluate(new[] { Adapter.Read(source, compilation) }, new[] { file });
    }

    /// <summary>Everything the test process itself references: the framework, KubernetesClient, Amazon.CDK.Lib and its dependencies.</summary>
    private static readonly Lazy<MetadataReference[]> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", StringComparison.Ordinal))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToArray());

    /// <summary>What the SDK adds to a project with <c>ImplicitUsings</c> enabled, as every new project has.</summary>
    private static readonly SyntaxTree ImplicitUsings = CSharpSyntaxTree.ParseText(
        "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;",
        CSharpTree.ParseOptions.WithLanguageVersion(LanguageVersion.Latest), "Infra.GlobalUsings.g.cs");

    /// <summary>The code compiled against the libraries; a test's code that does not compile fails the test, so semantic tests test real code.</summary>
    public static Compilation Compile(SourceText source)
    {
        var tree = CSharpSyntaxTree.ParseText(source.Text, CSharpTree.ParseOptions.WithLanguageVersion(LanguageVersion.Latest), source.Path);
        var kind = tree.GetCompilationUnitRoot().Members.OfType<Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax>().Any()
            ? OutputKind.ConsoleApplication
            : OutputKind.DynamicallyLinkedLibrary;
        var compilation = CSharpCompilation.Create("Infra", new[] { tree, ImplicitUsings }, References.Value, new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToArray();
        Assert.True(errors.Length == 0, "The semantic test's code does not compile:\n" + string.Join("\n", errors));
        return compilation;
    }
}

/// <summary>Assertions for C# rule tests: exact findings from markup, in each mode, and unknown values never firing.</summary>
internal static class CSharpVerify
{
    /// <summary>
    /// Lints the marked-up C# (<c>Privileged = {|IL2006:true|}</c>) in each of <paramref name="modes"/> (both by default)
    /// and asserts that the findings of <paramref name="ruleId"/> are exactly the marked spans. Then every literal of the
    /// code, one at a time, is replaced by <c>config.Require("k")</c>: no new finding may appear, and a finding at the
    /// literal itself must go away (an unknown value never produces a finding).
    /// </summary>
    public static IReadOnlyList<Finding> Findings(string ruleId, string markup, params CSharpMode[] modes) => Findings(null, ruleId, markup, modes);

    /// <summary>As <see cref="Findings(string, string, CSharpMode[])"/>, with <paramref name="settings"/> (allowed regions, …).</summary>
    public static IReadOnlyList<Finding> Findings(LintSettings? settings, string ruleId, string markup, params CSharpMode[] modes)
    {
        if (modes.Length == 0) modes = new[] { CSharpMode.Syntactic, CSharpMode.Semantic };
        var parsed = Markup.Parse(CSharpLint.File, markup);
        var expected = parsed.Spans.Where(s => s.Rule == ruleId).Select(s => s.ToString()).OrderBy(s => s, StringComparer.Ordinal).ToArray();
        IReadOnlyList<Finding> findings = Array.Empty<Finding>();
        foreach (var mode in modes)
        {
            var result = CSharpLint.Run(parsed.Text, mode, settings: settings.Selecting(ruleId));
            Verify.NoParseFailures(result);
            findings = result.Of(ruleId);
            var actual = findings.Select(f => new Markup.Expected(f.Location.File, f.RuleId, f.Location).ToString()).OrderBy(s => s, StringComparer.Ordinal).ToArray();
            Assert.True(expected.SequenceEqual(actual), $"{mode} mode: expected [{string.Join("; ", expected)}] but found [{string.Join("; ", actual)}]");
        }
        UnknownLiteralsNeverFire(ruleId, parsed.Text, findings, settings);
        return findings;
    }

    /// <summary>Asserts the rule does not fire on the C# in any of <paramref name="modes"/> (both by default).</summary>
    public static void NoFindings(string ruleId, string code, params CSharpMode[] modes) => NoFindings(null, ruleId, code, modes);

    /// <summary>As <see cref="NoFindings(string, string, CSharpMode[])"/>, with <paramref name="settings"/> (allowed regions, …).</summary>
    public static void NoFindings(LintSettings? settings, string ruleId, string code, params CSharpMode[] modes)
    {
        if (modes.Length == 0) modes = new[] { CSharpMode.Syntactic, CSharpMode.Semantic };
        foreach (var mode in modes)
        {
            var result = CSharpLint.Run(code, mode, settings: settings.Selecting(ruleId));
            Verify.NoParseFailures(result);
            Assert.True(result.Of(ruleId).Count == 0, $"{mode} mode: {string.Join("; ", result.Of(ruleId).Select(f => f.ToString()))}");
        }
    }

    /// <summary>
    /// Applies the only fix of the only finding of <paramref name="ruleId"/>, checks the text is <paramref name="expected"/>,
    /// that the fixed code still parses (and compiles, unless <paramref name="compiles"/> is false: libraries not served
    /// here) and no longer has the finding, so a second run changes nothing.
    /// </summary>
    public static void Fix(string ruleId, string code, string expected, bool compiles = true)
    {
        var finding = Assert.Single(CSharpLint.Run(code, CSharpMode.Syntactic, settings: ((LintSettings?)null).Selecting(ruleId)).Of(ruleId));
        var fix = Assert.Single(finding.Fixes);
        var fixedText = Verify.Apply(code, fix);
        Assert.Equal(expected.ReplaceLineEndings("\n"), fixedText.ReplaceLineEndings("\n"));
        Assert.Equal(0, CSharpAdapter.SyntaxErrors(new SourceText(CSharpLint.File, fixedText)));
        if (compiles) CSharpLint.Compile(new SourceText(CSharpLint.File, fixedText));
        var again = CSharpLint.Run(fixedText, CSharpMode.Syntactic, settings: ((LintSettings?)null).Selecting(ruleId));
        Verify.NoParseFailures(again);
        Assert.DoesNotContain(again.Of(ruleId), f => f.LogicalPath == finding.LogicalPath);
    }

    private static void UnknownLiteralsNeverFire(string ruleId, string code, IReadOnlyList<Finding> findings, LintSettings? settings)
    {
        // Findings are compared by where they point, mapped back across the mutation: a finding's message and logical
        // path may name what became unknown (a workload's name), but not its place.
        var before = findings.Select(f => f.Location.StartOffset).ToHashSet();
        var literals = CSharpSyntaxTree.ParseText(code, CSharpTree.ParseOptions).GetRoot().DescendantNodes()
            .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax>()
            .Where(l => !l.IsKind(SyntaxKind.NullLiteralExpression) && !l.IsKind(SyntaxKind.DefaultLiteralExpression))
            .ToArray();
        const string Call = "config.Require(\"k\")";
        foreach (var literal in literals)
        {
            var mutated = code.Substring(0, literal.SpanStart) + Call + code.Substring(literal.Span.End);
            int delta = Call.Length - literal.Span.Length;
            int Original(int offset) => offset > literal.SpanStart ? offset - delta : offset;
            var after = CSharpLint.Run(mutated, CSharpMode.Syntactic, settings: settings.Selecting(ruleId)).Of(ruleId);
            var added = after.Where(f => !before.Contains(Original(f.Location.StartOffset))).Select(f => f.ToString()).ToArray();
            Assert.True(added.Length == 0, $"{ruleId} fires anew when {literal} becomes {Call}: {string.Join("; ", added)}");
            var still = after.Where(f => f.Location.StartOffset == literal.SpanStart).Select(f => f.ToString()).ToArray();
            Assert.True(!findings.Any(f => f.Location.StartOffset == literal.SpanStart && f.Location.EndOffset == literal.Span.End) || still.Length == 0,
                $"{ruleId} still fires at {literal} when it becomes {Call}: {string.Join("; ", still)}");
        }
    }
}
