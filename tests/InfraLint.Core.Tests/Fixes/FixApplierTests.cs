using InfraLint.Core.Fixes;
using InfraLint.Core.Locations;

namespace InfraLint.Core.Tests.Fixes;

public class FixApplierTests
{
    private static readonly SourceText Source = new("f.yaml", "a: 1\nb: 2\nc: 3\n");

    private static Fix Replace(string description, int start, int end, string text) =>
        new(description, new[] { new TextEdit(Source.Span(start, end), text) });

    [Fact]
    public void Non_overlapping_fixes_are_applied_and_overlapping_ones_skipped()
    {
        var one = Replace("one", 3, 4, "10");
        var two = Replace("two", 8, 9, "20");
        var clash = Replace("clash", 3, 4, "99");
        var result = FixApplier.Apply(Source.Text, new[] { one, two, clash });
        Assert.Equal("a: 10\nb: 20\nc: 3\n", result.Text);
        Assert.Equal(new[] { one, two }, result.Applied);
        Assert.Equal(new[] { clash }, result.Skipped);
    }

    [Fact]
    public void Identical_edits_apply_once_and_a_different_insertion_at_the_same_point_waits()
    {
        var insertA = new Fix("a", new[] { new TextEdit(Source.Span(4, 4), "\nx: 1") });
        var insertB = new Fix("b", new[] { new TextEdit(Source.Span(4, 4), "\ny: 2") });
        var duplicate = new Fix("a again", new[] { new TextEdit(Source.Span(4, 4), "\nx: 1") });
        var result = FixApplier.Apply(Source.Text, new[] { insertA, insertB, duplicate });
        Assert.Equal("a: 1\nx: 1\nb: 2\nc: 3\n", result.Text);
        Assert.Equal(new[] { insertA, duplicate }, result.Applied);
        Assert.Equal(new[] { insertB }, result.Skipped);
    }

    [Fact]
    public void Unified_diff_shows_only_the_changed_lines_with_context()
    {
        string before = string.Join("\n", Enumerable.Range(1, 12).Select(i => $"line{i}")) + "\n";
        string after = before.Replace("line6\n", "line6\nnew\n");
        Assert.Equal("""
            --- a/x.yaml
            +++ b/x.yaml
            @@ -4,6 +4,7 @@
             line4
             line5
             line6
            +new
             line7
             line8
             line9

            """.Replace("\r\n", "\n"), UnifiedDiff.Create("x.yaml", before, after));
        Assert.Equal(string.Empty, UnifiedDiff.Create("x.yaml", before, before));
    }
}
