using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using InfraLint.Core.Facts;
using InfraLint.Core.Locations;
using InfraLint.Core.Scanning;
using InfraLint.Core.Tree;
using InfraLint.CSharp.Syntax;

namespace InfraLint.CSharp
{
    /// <summary>
    /// Reads KubernetesClient models built in C# (<c>*.cs</c>) into the located tree, syntactically (see
    /// <see cref="CSharpTree"/>), and lets the first document reader that recognises each root object turn it into facts.
    /// </summary>
    /// <remarks>
    /// Roslyn is loaded only when a file is parsed: no Roslyn type appears in this class's fields or signatures, and
    /// a file is parsed only when its text contains the first part of a family's namespace (<c>k8s</c>, <c>Amazon.CDK</c>,
    /// <c>Pulumi</c>: ordinal substring searches), which every way this
    /// front end resolves a model name needs. A C# file's syntax errors are its compiler's to report, not ours: what
    /// parses is read. Suppression comments are line comments, <c>// infralint-disable-next-line IL2006 -- reason (until
    /// 2027-03-31)</c> (<see cref="CommentDirectives"/>); fixes are written by each family's renderer.
    /// </remarks>
    public sealed class CSharpAdapter : IAdapter
    {
        private readonly IReadOnlyList<Func<TreeMapping, SourceText, IEnumerable<object>?>> _readers;
        private readonly Func<IReadOnlyList<object>, IEnumerable<SuppressionDirective>> _directives;

        /// <param name="readers">
        /// Each returns the facts of a root object in its format, or null when the object is not its format; the first
        /// non-null answer wins.
        /// </param>
        /// <param name="directives">Suppressions the facts themselves carry (a resource's ignore annotation).</param>
        public CSharpAdapter(IEnumerable<Func<TreeMapping, SourceText, IEnumerable<object>?>> readers, Func<IReadOnlyList<object>, IEnumerable<SuppressionDirective>>? directives = null)
        {
            if (readers is null) throw new ArgumentNullException(nameof(readers));
            _readers = readers.ToArray();
            _directives = directives ?? (_ => Array.Empty<SuppressionDirective>());
        }

        public bool Accepts(string path) => path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase);

        /// <summary>Whether a file may build infrastructure objects, decided without parsing it: it mentions a family's namespace.</summary>
        public static bool MayBuildModels(SourceText source) => Markers.Any(marker => source.Text.IndexOf(marker, StringComparison.Ordinal) >= 0);

        /// <summary>Every family's markers (kept as strings here, so that checking them does not load Roslyn).</summary>
        private static readonly string[] Markers = { "k8s", "Amazon.CDK", "Pulumi" };

        public AdapterResult Read(SourceText source) => ReadWith(source, null);

        private AdapterResult ReadWith(SourceText source, object? compilation)
        {
            if (source is null) throw new ArgumentNullException(nameof(source));
            try
            {
                if (!MayBuildModels(source) && !(compilation is not null && GlobalUsingsMayBuildModels(compilation))) return AdapterResult.Empty;
                if (TooDeep(source) is { } at)
                    return Result(new ParseFailure(at, $"Brackets nest deeper than {MaxNesting} levels here; the file was not read (no infrastructure code nests this deep, and parsing it would take minutes)."));
                return ReadRoots(source, Roots(source, compilation));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // For what nobody expected, so that one file cannot end the scan of all the others.
                return Result(new ParseFailure(SourceSpan.FileStart(source.Path), $"InfraLint could not interpret this file ({e.GetType().Name}: {e.Message}); it was not checked."));
            }
        }

        /// <summary>
        /// How many syntax errors Roslyn finds in the text: a fix must not add one (a C# file's own errors are not
        /// findings, so the scan's parse failures cannot tell).
        /// </summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static int SyntaxErrors(SourceText source)
        {
            if (source is null) throw new ArgumentNullException(nameof(source));
            if (TooDeep(source) is not null) return int.MaxValue;
            return Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(source.Text, CSharpTree.ParseOptions, source.Path)
                .GetDiagnostics().Count(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        }

        /// <summary>
        /// Whether a global using of the compilation (in another file, or generated from the project's
        /// <c>&lt;Using&gt;</c> items) names a family's namespace: then a file that never mentions one may still build
        /// models, and is read. Decided once per compilation.
        /// </summary>
        private static bool GlobalUsingsMayBuildModels(object compilation) =>
            GlobalUsingMarkers.GetValue(GlobalUsings.CompilationOf(compilation), c => new StrongBox<bool>(GlobalUsings.MentionMarker(c))).Value;

        private static readonly ConditionalWeakTable<object, StrongBox<bool>> GlobalUsingMarkers = new ConditionalWeakTable<object, StrongBox<bool>>();

        /// <summary>Apart, so that its lambdas (over Roslyn types) load Roslyn only when it runs.</summary>
        private static class GlobalUsings
        {
            /// <summary>The compilation itself, or a semantic model's.</summary>
            public static object CompilationOf(object semantic) =>
                semantic is Microsoft.CodeAnalysis.SemanticModel model ? model.Compilation : semantic;

            public static bool MentionMarker(object compilation) =>
                ((Microsoft.CodeAnalysis.Compilation)compilation).SyntaxTrees
                    .SelectMany(t => ((Microsoft.CodeAnalysis.CSharp.Syntax.CompilationUnitSyntax)t.GetRoot()).Usings)
                    .Any(u => u.GlobalKeyword.Span.Length > 0 && Markers.Any(marker => u.ToString().IndexOf(marker, StringComparison.Ordinal) >= 0));
        }

        /// <summary>Far beyond any real model; Roslyn's parser slows down more than linearly on deeper nesting (800 nested <c>[</c> take seconds).</summary>
        public const int MaxNesting = 256;

        /// <summary>
        /// Where brackets first nest deeper than <see cref="MaxNesting"/>, by a plain count over the text; null when they
        /// do not. Brackets inside strings and comments count too: that can only make the check stricter, never let a bomb through.
        /// </summary>
        private static SourceSpan? TooDeep(SourceText source)
        {
            var text = source.Text;
            int depth = 0;
            for (int i = 0; i < text.Length; i++)
            {
                switch (text[i])
                {
                    case '(':
                    case '[':
                    case '{':
                        if (++depth > MaxNesting) return source.Span(i, i + 1);
                        break;
                    case ')':
                    case ']':
                    case '}':
                        if (depth > 0) depth--;
                        break;
                }
            }
            return null;
        }

        /// <summary>
        /// Kept apart so that Roslyn is loaded when this method is compiled, not when <see cref="Read"/> is.
        /// <paramref name="semantic"/> is a <c>Microsoft.CodeAnalysis.Compilation</c> typed as object for the same reason.
        /// </summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static IReadOnlyList<TreeMapping> Roots(SourceText source, object? semantic)
        {
            if (semantic is Microsoft.CodeAnalysis.SemanticModel model)
            {
                // The host's own model of this file (an analyzer's semantic model action): its text is the text reported on.
                if (model.SyntaxTree.GetText().Length == source.Text.Length)
                    return CSharpTree.Build(source, (Microsoft.CodeAnalysis.CSharp.Syntax.CompilationUnitSyntax)model.SyntaxTree.GetRoot(), model);
                return CSharpTree.Build(source);
            }
            if (semantic is Microsoft.CodeAnalysis.Compilation compilation)
            {
                foreach (var tree in compilation.SyntaxTrees)
                {
                    // The compilation's text must be the text findings are reported on, or every span would be wrong.
                    if (tree.FilePath != source.Path && !tree.FilePath.EndsWith("/" + source.Path, StringComparison.Ordinal)) continue;
                    if (tree.GetText().ToString() != source.Text) break;
                    return CSharpTree.Build(source, (Microsoft.CodeAnalysis.CSharp.Syntax.CompilationUnitSyntax)tree.GetRoot(), compilation.GetSemanticModel(tree));
                }
            }
            return CSharpTree.Build(source);
        }

        /// <summary>
        /// Reads a file in semantic mode with the semantic model a host already holds for it (an analyzer's semantic model
        /// action), which must be the model of this very text. <paramref name="semanticModel"/> is a
        /// <c>Microsoft.CodeAnalysis.SemanticModel</c>, typed as object like <see cref="Read(SourceText, object)"/>'s compilation.
        /// </summary>
        public AdapterResult ReadWithModel(SourceText source, object semanticModel) =>
            ReadWith(source, semanticModel ?? throw new ArgumentNullException(nameof(semanticModel)));

        /// <summary>
        /// Reads a file of a compilation in semantic mode (names and constants bound by symbol), or syntactically when
        /// the compilation does not hold the file with this text. <paramref name="compilation"/> is a
        /// <c>Microsoft.CodeAnalysis.Compilation</c>; it is typed as object so that this class's signatures never load Roslyn.
        /// </summary>
        public AdapterResult Read(SourceText source, object compilation) =>
            ReadWith(source, compilation ?? throw new ArgumentNullException(nameof(compilation)));

        private AdapterResult ReadRoots(SourceText source, IReadOnlyList<TreeMapping> roots)
        {
            var facts = new List<object>();
            foreach (var root in roots)
            {
                foreach (var reader in _readers)
                {
                    try
                    {
                        // Materialised here, so a lazy reader's exception is caught for this object too.
                        var read = reader(root, source)?.ToList();
                        if (read is null) continue;
                        facts.AddRange(read);
                        break;
                    }
                    catch (Exception e) when (e is not OutOfMemoryException)
                    {
                        // A reader bug must not take the scan down; say plainly that this object was not checked.
                        facts.Add(new ParseFailure(root.HeadSpan, $"InfraLint could not interpret this object ({e.GetType().Name}: {e.Message}); it was not checked."));
                        break;
                    }
                }
            }
            // Comments are read in files that build infrastructure only: elsewhere there is nothing for them to suppress.
            return facts.Count == 0 ? AdapterResult.Empty : new AdapterResult(facts, CommentDirectives.Read(source, "//").Concat(_directives(facts)).ToArray());
        }

        private static AdapterResult Result(ParseFailure failure) =>
            new AdapterResult(new object[] { failure }, Array.Empty<SuppressionDirective>());
    }
}
