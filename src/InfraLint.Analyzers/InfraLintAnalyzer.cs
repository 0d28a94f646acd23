using System.Collections.Immutable;
using InfraLint.Analyzers.Hosting;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace InfraLint.Analyzers
{
    /// <summary>
    /// InfraLint's rules as compiler diagnostics, on the C# files of a project (KubernetesClient, AWS CDK, Pulumi) and on
    /// the YAML and JSON files given to it as AdditionalFiles. See <see cref="CompilationAnalysis"/> for what is reported when.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class InfraLintAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => RuleDiagnostics.All;

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                if (AnalyzerEngine.MayHoldInfrastructure(start.Compilation, start.Options.AdditionalFiles)) AnalyzerEngine.WarmUp();
                var analysis = new CompilationAnalysis(start.Compilation, start.Options, start.CancellationToken);
                start.RegisterSemanticModelAction(analysis.AnalyzeSourceFile);
                start.RegisterAdditionalFileAction(analysis.AnalyzeAdditionalFile);
                start.RegisterCompilationEndAction(analysis.AnalyzeAcrossFiles);
            });
        }
    }
}
