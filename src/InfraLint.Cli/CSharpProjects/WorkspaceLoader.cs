using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.MSBuild;

namespace InfraLint.Cli.CSharpProjects;

/// <summary>
/// The part of <see cref="ProjectLoader"/> that touches Roslyn's workspace and MSBuild types: loaded only after
/// <c>MSBuildLocator</c> has pointed the process at the SDK's MSBuild.
/// </summary>
internal static class WorkspaceLoader
{
    public static IReadOnlyList<LoadedProject> Open(string fullPath, Func<string, string> displayPath, CancellationToken cancellationToken)
    {
        using var workspace = MSBuildWorkspace.Create();
        IReadOnlyList<Project> projects = fullPath.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)
            ? new[] { workspace.OpenProjectAsync(fullPath, cancellationToken: cancellationToken).GetAwaiter().GetResult() }
            : workspace.OpenSolutionAsync(fullPath, cancellationToken: cancellationToken).GetAwaiter().GetResult().Projects.ToArray();
        var failures = workspace.Diagnostics.Where(d => d.Kind == WorkspaceDiagnosticKind.Failure).Select(d => d.Message).ToArray();
        var loaded = new List<LoadedProject>();
        foreach (var project in projects)
        {
            if (project.Language != LanguageNames.CSharp || project.FilePath is not { } projectFile) continue;
            var documents = project.Documents.Select(d => d.FilePath).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
            try
            {
                loaded.Add(Compile(Readable(project), projectFile, documents, failures, displayPath, cancellationToken));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // One project that Roslyn cannot compile costs the others of its solution nothing.
                loaded.Add(new LoadedProject(projectFile, documents, null, ProjectLoader.Describe(e)));
            }
        }
        // A solution whose projects all failed to load (a missing project file): say why, and read what is there.
        if (loaded.Count == 0 && failures.Length > 0)
            loaded.Add(new LoadedProject(fullPath, Array.Empty<string>(), null, string.Join(" ", failures)));
        return loaded;
    }

    /// <summary>
    /// The project without the files Roslyn must not read: a FIFO or device among its sources would block the compilation,
    /// a huge file would be read whole. The scan reports each of them as unreadable, like any file it cannot read.
    /// </summary>
    private static Project Readable(Project project)
    {
        var solution = project.Solution;
        foreach (var document in project.Documents.ToArray())
            if (document.FilePath is { } path && ProjectLoader.Unreadable(path) is not null) solution = solution.RemoveDocument(document.Id);
        foreach (var document in project.AdditionalDocuments.ToArray())
            if (document.FilePath is { } path && ProjectLoader.Unreadable(path) is not null) solution = solution.RemoveAdditionalDocument(document.Id);
        foreach (var document in project.AnalyzerConfigDocuments.ToArray())
            if (document.FilePath is { } path && ProjectLoader.Unreadable(path) is not null) solution = solution.RemoveAnalyzerConfigDocument(document.Id);
        return solution.GetProject(project.Id)!;
    }

    private static LoadedProject Compile(Project project, string projectFile, IReadOnlyList<string> documents, IReadOnlyList<string> failures, Func<string, string> displayPath, CancellationToken cancellationToken)
    {
        // MSBuild's failures name the project file they are about.
        var failure = failures.FirstOrDefault(f => f.Contains(projectFile, StringComparison.Ordinal));
        if (failure is not null) return new LoadedProject(projectFile, documents, null, $"MSBuild could not load it: {failure}");
        var compilation = project.GetCompilationAsync(cancellationToken).GetAwaiter().GetResult();
        if (compilation is null) return new LoadedProject(projectFile, documents, null, "Roslyn made no compilation of it");
        var ours = new HashSet<string>(documents, StringComparer.Ordinal);
        var trees = compilation.SyntaxTrees.Where(t => ours.Contains(t.FilePath)).ToArray();
        if (UnresolvedUsing(compilation, trees, displayPath) is { } unresolved)
            return new LoadedProject(projectFile, documents, null, $"its references do not resolve {unresolved}; run 'dotnet restore' first");
        return new LoadedProject(projectFile, documents, Renamed(compilation, ours, displayPath), null);
    }

    /// <summary>
    /// The first <c>using</c> directive (global or not) that names nothing the compilation has, with where it is: the
    /// sign of a project whose packages are not restored (MSBuild then loads it without them and says nothing). Binding
    /// by symbol would then know less than reading the usings, so such a project is read syntactically instead.
    /// </summary>
    private static string? UnresolvedUsing(Compilation compilation, IEnumerable<SyntaxTree> trees, Func<string, string> displayPath)
    {
        foreach (var tree in trees)
        {
            SemanticModel? model = null;
            foreach (var directive in tree.GetRoot().DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax).OfType<UsingDirectiveSyntax>())
            {
                if (directive.Name is not { } name) continue;
                model ??= compilation.GetSemanticModel(tree);
                var info = model.GetSymbolInfo(name);
                if (info.Symbol is null && info.CandidateSymbols.IsEmpty)
                {
                    var line = directive.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                    return $"'{directive.ToString().Trim()}' ({displayPath(tree.FilePath)}:{line})";
                }
            }
        }
        return null;
    }

    /// <summary>
    /// The compilation with each document's syntax tree named by its display path, the path the C# front end reads the
    /// file under (it matches a file to its tree by that path, and checks that the texts are the same).
    /// </summary>
    private static Compilation Renamed(Compilation compilation, IReadOnlySet<string> documents, Func<string, string> displayPath)
    {
        var trees = compilation.SyntaxTrees.Select(t => documents.Contains(t.FilePath) ? t.WithFilePath(displayPath(t.FilePath)) : t).ToArray();
        return compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(trees);
    }
}
