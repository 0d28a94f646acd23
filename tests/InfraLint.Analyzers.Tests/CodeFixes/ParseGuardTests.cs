using InfraLint.CodeFixes;
using InfraLint.Core.Fixes;
using InfraLint.Core.Locations;
using Microsoft.CodeAnalysis.Text;
using RoslynText = Microsoft.CodeAnalysis.Text.SourceText;

namespace InfraLint.Analyzers.Tests.CodeFixes;

/// <summary>
/// The guard every code fix goes through: a fix whose result Roslyn parses with more errors is not applied. No rule's
/// renderer is known to write such code (that is what the rule tests check), so the fixes here are made by hand: one
/// that drops a statement's semicolon, one that changes a value.
/// </summary>
public sealed class ParseGuardTests
{
    private const string Code = "var privileged = true;\nSystem.Console.WriteLine(privileged);\n";

    private static Fix Replace(int start, int end, string text) =>
        new("hand-made", new[] { new TextEdit(new SourceSpan("/0/Test0.cs", 1, start + 1, 1, end + 1, start, end), text) });

    [Fact]
    public void A_fix_that_would_add_a_syntax_error_is_not_applied()
    {
        int semicolon = Code.IndexOf(';');
        Assert.Null(DocumentFixes.Apply("/0/Test0.cs", RoslynText.From(Code), new[] { Replace(semicolon, semicolon + 1, "") }));
    }

    [Fact]
    public void A_fix_that_keeps_the_code_parsing_is_applied_as_text_changes()
    {
        int value = Code.IndexOf("true", StringComparison.Ordinal);
        var original = RoslynText.From(Code);
        var changed = DocumentFixes.Apply("/0/Test0.cs", original, new[] { Replace(value, value + 4, "false") });
        Assert.Equal("var privileged = false;\nSystem.Console.WriteLine(privileged);\n", changed?.ToString());
        // Changes of the text, not a new text: the editor keeps the caret, the selection and the undo step small.
        Assert.Equal(new[] { new TextChange(new TextSpan(value, 4), "false") }, changed!.GetTextChanges(original).ToArray());
    }
}
