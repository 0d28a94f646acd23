using InfraLint.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace InfraLint.Analyzers.Tests;

/// <summary>
/// Inside a compiler a crash is an AD0001 in every build of the project and a hang stalls the IDE: hostile sources are
/// reported where they break, the way the CLI reports them, and everything else is still analyzed.
/// </summary>
public sealed class HostileInputTests
{
    [Fact]
    public async Task An_alias_bomb_in_a_YAML_AdditionalFile_is_refused_where_the_expansion_passes_the_limit()
    {
        var lines = new List<string> { "a: &a [x, x, x, x, x, x, x, x, x, x]" };
        for (char c = 'b'; c <= 'j'; c++)
            lines.Add($"{c}: &{c} [{string.Join(", ", Enumerable.Repeat($"*{(char)(c - 1)}", 10))}]");
        var test = AnalyzerVerify.Test("IL0001", "IL2006");
        test.TestCode = "System.Console.WriteLine();";
        test.TestState.AdditionalFiles.Add(("/deploy/bomb.yaml", string.Join("\n", lines)));
        test.TestState.AdditionalFiles.Add(("/deploy/pod.yaml", Snippets.PrivilegedPodYaml()));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("IL0001", DiagnosticSeverity.Error).WithSpan("/deploy/bomb.yaml", 6, 36, 6, 36).WithMessage(null));
        await test.RunAsync();
    }

    [Fact]
    public async Task CSharp_that_nests_past_the_limit_is_reported_and_not_parsed_again()
    {
        // 300 nested parentheses compile (the compiler handles them) but no model nests so deep: InfraLint says so.
        var nested = new string('(', 300) + "1" + new string(')', 300);
        var test = AnalyzerVerify.Test("IL0001");
        test.TestCode = $$"""
            using k8s.Models;

            var pod = new V1Pod { Metadata = new V1ObjectMeta { Name = "a" } };
            int depth = {{nested}};
            System.Console.WriteLine(pod.ToString() + depth);
            """;
        test.ExpectedDiagnostics.Add(new DiagnosticResult("IL0001", DiagnosticSeverity.Error).WithSpan("/0/Test0.cs", 4, 13 + 256, 4, 14 + 256).WithMessage(null));
        await test.RunAsync();
    }

    /// <summary>
    /// An analyzer exception would be an AD0001 here, which fails the test. YamlDotNet reads leading NULs as the end of the
    /// stream, as <c>infralint scan</c> does (no finding); the broken JSON is reported where it ends.
    /// </summary>
    [Fact]
    public async Task A_binary_or_empty_AdditionalFile_named_yaml_is_not_a_crash()
    {
        var test = AnalyzerVerify.Test("IL0001");
        test.TestCode = "System.Console.WriteLine();";
        test.TestState.AdditionalFiles.Add(("/deploy/empty.yaml", string.Empty));
        test.TestState.AdditionalFiles.Add(("/deploy/nul.yml", "\0\0\0\u0001\u0002"));
        test.TestState.AdditionalFiles.Add(("/deploy/template.json", "{\"Resources\": "));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("IL0001", DiagnosticSeverity.Error).WithSpan("/deploy/template.json", 1, 15, 1, 15).WithMessage(null));
        await test.RunAsync();
    }
}
