using InfraLint.Core.Facts;
using InfraLint.Core.Fixes;
using InfraLint.Core.Locations;
using InfraLint.Core.Tree;
using InfraLint.Json.Syntax;

namespace InfraLint.Json.Tests;

internal static class Json
{
    public static TreeNode Parse(string text, string file = "template.json")
    {
        var result = JsonTree.Parse(new SourceText(file, text));
        Assert.True(result.Succeeded, result.Failure?.ToString());
        return result.Root!;
    }

    public static TreeMapping Root(string text) => Assert.IsType<TreeMapping>(Parse(text));

    public static ParseFailure Fail(string text, string file = "template.json")
    {
        var result = JsonTree.Parse(new SourceText(file, text));
        Assert.Null(result.Root);
        return Assert.IsType<ParseFailure>(result.Failure);
    }

    /// <summary>Applies edits back to front so earlier offsets stay valid, and checks the result is still JSON.</summary>
    public static string Apply(string text, IEnumerable<TextEdit> edits)
    {
        foreach (var edit in edits.OrderByDescending(e => e.Span.StartOffset))
            text = text.Substring(0, edit.Span.StartOffset) + edit.NewText + text.Substring(edit.Span.EndOffset);
        Parse(text);
        return text;
    }

    public static (int Line, int Column) Start(SourceSpan span) => (span.StartLine, span.StartColumn);

    public static (int Line, int Column, int Offset, int EndLine, int EndColumn, int EndOffset) Where(SourceSpan span) =>
        (span.StartLine, span.StartColumn, span.StartOffset, span.EndLine, span.EndColumn, span.EndOffset);
}
