using InfraLint.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace InfraLint.Analyzers.Tests.Infrastructure;

/// <summary>
/// The Roslyn code-fix harness around <see cref="InfraLintCodeFixProvider"/>, with the analyzer's references and rule
/// selection (<see cref="AnalyzerVerify.Configure"/>): the markup names the diagnostics before the fix, the fixed text
/// has none of the rule left, and Fix All reaches the same text.
/// </summary>
public static class CodeFixVerify
{
    public static CSharpCodeFixTest<InfraLintAnalyzer, InfraLintCodeFixProvider, DefaultVerifier> Test(string ruleId)
    {
        var test = new CSharpCodeFixTest<InfraLintAnalyzer, InfraLintCodeFixProvider, DefaultVerifier>();
        AnalyzerVerify.Configure(test.TestState, test, new[] { ruleId });
        // A rule that looks across resources is reported at compilation end, which the framework calls non-local and
        // refuses to fix; the IDE fixes those diagnostics from full-solution analysis, as this provider does.
        if (RuleDiagnostics.AcrossResources.Contains(ruleId)) test.CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
        return test;
    }

    /// <summary>Verifies that the one fix of the marked diagnostic turns <paramref name="before"/> into <paramref name="after"/>.</summary>
    public static Task Fix(string ruleId, string before, string after)
    {
        var test = Test(ruleId);
        test.TestCode = before;
        test.FixedCode = after;
        return test.RunAsync();
    }
}
