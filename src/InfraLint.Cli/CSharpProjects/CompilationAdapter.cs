using InfraLint.Core.Locations;
using InfraLint.Core.Scanning;
using InfraLint.CSharp;

namespace InfraLint.Cli.CSharpProjects;

/// <summary>
/// The C# front end for one scan: a file that came from a loaded project is read semantically, with its project's
/// compilation (names and constants bound by symbol, across the project's files); any other <c>.cs</c> file syntactically.
/// </summary>
/// <param name="compilations">A <c>Microsoft.CodeAnalysis.Compilation</c> by display path (typed as object, so this class loads no Roslyn).</param>
internal sealed class CompilationAdapter(CSharpAdapter csharp, IReadOnlyDictionary<string, object> compilations) : IAdapter
{
    public bool Accepts(string path) => csharp.Accepts(path);

    public AdapterResult Read(SourceText source) =>
        compilations.TryGetValue(source.Path, out var compilation) ? csharp.Read(source, compilation) : csharp.Read(source);
}
