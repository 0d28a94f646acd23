using System.Collections.Immutable;
using InfraLint.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace InfraLint.Analyzers.Tests.CodeFixes;

/// <summary>
/// A diagnostic outlives the text it was computed on (the editor shows it while the user types): the fix is found
/// again on the current document by rule and logical path, so it lands where the value is now, not at the old offsets.
/// </summary>
public sealed class RecomputedFixTests
{
    private const string Pod = """
        using System.Collections.Generic;
        using k8s.Models;

        var pod = new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = "triton" },
            Spec = new V1PodSpec
            {
                Containers = new List<V1Container>
                {
                    new V1Container { Name = "triton", SecurityContext = new V1SecurityContext { AllowPrivilegeEscalation = false, Privileged = true } },
                },
            },
        };
        System.Console.WriteLine(pod);
        """;

    [Fact]
    public async Task A_diagnostic_of_an_older_text_is_fixed_where_the_value_is_now()
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.CurrentSolution
            .AddProject("Infra", "Infra", LanguageNames.CSharp)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.ConsoleApplication))
            .WithMetadataReferences(References());
        var document = project.AddDocument("Pod.cs", Pod, filePath: "/src/Pod.cs");
        var compilation = (await document.Project.GetCompilationAsync())!;
        var diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new InfraLintAnalyzer()), document.Project.AnalyzerOptions)
            .GetAnalyzerDiagnosticsAsync();
        var privileged = Assert.Single(diagnostics, d => d.Id == "IL2006");
        Assert.Equal(Pod.IndexOf("true }", StringComparison.Ordinal), privileged.Location.SourceSpan.Start);

        const string Header = "// Serving pod for the Triton benchmark.\n";
        var edited = document.WithText(SourceText.From(Header + Pod));
        var fix = await DocumentFixes.FixOneAsync(edited, privileged, CancellationToken.None);

        Assert.NotNull(fix);
        Assert.Equal("Set privileged to false", fix!.Title);
        Assert.Equal(Header + Pod.Replace("Privileged = true", "Privileged = false"), (await fix.Document.GetTextAsync()).ToString());
    }

    private static IEnumerable<MetadataReference> References() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", StringComparison.Ordinal))
            .Select(p => MetadataReference.CreateFromFile(p));
}
