using InfraLint.Core.Locations;

namespace InfraLint.Core.Tests.Locations;

public class SourceTextTests
{
    [Theory]
    [InlineData("a: 1\r\nb: 2\r\n", "\r\n")]
    [InlineData("a: 1\nb: 2\r\n", "\r\n")]
    [InlineData("a: 1\nb: 2\n", "\n")]
    [InlineData("a: 1\rb: 2\r", "\n")]
    [InlineData("", "\n")]
    public void Inserted_lines_get_the_line_break_the_file_uses(string text, string expected)
    {
        var source = new SourceText("f.yaml", text);

        Assert.Equal(expected, source.NewLine);
        Assert.Equal(expected, source.Lines.NewLine);
    }

    [Fact]
    public void The_line_map_alone_places_offsets_after_every_kind_of_line_break()
    {
        // Edit targets keep only the line map: it must count \r\n, \n and a lone \r as one break each.
        var lines = new SourceText("f.yaml", "a: 1\r\nb:\n  c: 2\rd: 3").Lines;

        Assert.Equal((2, 1), lines.LineColumn(6));
        Assert.Equal((3, 3), lines.LineColumn(11));
        Assert.Equal((4, 1), lines.LineColumn(16));
        Assert.Equal(new SourceSpan("f.yaml", 3, 3, 4, 1, 11, 16), lines.Span(11, 16));
        Assert.Equal((4, 5), lines.LineColumn(99));
    }

    [Theory]
    [InlineData("", new[] { 0 })]
    [InlineData("a", new[] { 0 })]
    [InlineData("a\n", new[] { 0, 2 })]
    [InlineData("\n\n", new[] { 0, 1, 2 })]
    [InlineData("a\r\nb\rc\nd", new[] { 0, 3, 5, 7 })]
    [InlineData("a\r\r\nb\r", new[] { 0, 2, 4, 6 })]
    public void Every_line_starts_after_one_break(string text, int[] starts)
    {
        var source = new SourceText("f.yaml", text);

        Assert.Equal(starts.Length, source.LineCount);
        for (int line = 1; line <= starts.Length; line++) Assert.Equal(starts[line - 1], source.LineStart(line));
    }
}
