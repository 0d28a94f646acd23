using System.Text;
using InfraLint.Core.Facts;
using InfraLint.Core.Locations;
using InfraLint.Yaml.Parsing;
using YamlDotNet.RepresentationModel;
using static InfraLint.Yaml.Tests.AdapterHarness;

namespace InfraLint.Yaml.Tests;

public class YamlDocumentLoaderTests
{
    private static (IReadOnlyList<YamlDocument> Documents, IReadOnlyList<ParseFailure> Failures) Load(string yaml) =>
        YamlDocumentLoader.Load(new SourceText("test.yaml", yaml));

    private static ParseFailure SingleFailure(string yaml) => Assert.Single(Load(yaml).Failures);

    // YamlDotNet's parser ends the inner mapping after a key with no value here, and its own representation
    // model then throws ArgumentException ("The current event is of an unsupported type").
    [Theory]
    [InlineData("- : :x\n", 1, 4)]
    [InlineData("x: &a 1\na:\n  b:\n *a\n", 4, 2)]
    public void A_mapping_the_parser_leaves_without_a_value_is_a_failure_at_the_orphan_key(string yaml, int line, int column)
    {
        var failure = SingleFailure(yaml);
        Assert.Equal((line, column), Pos(failure.Span));
        Assert.Contains("has no value", failure.Message);
    }

    [Fact]
    public void The_adapter_reports_input_the_yaml_library_cannot_model_instead_of_throwing()
    {
        var failure = Assert.Single(Facts("a:\n  b:\n *a\n").OfType<ParseFailure>());
        Assert.Equal((3, 2), Pos(failure.Span));
        Assert.Contains("*a refers to no anchor", failure.Message);

        failure = Assert.Single(Facts("- : :x\n").OfType<ParseFailure>());
        Assert.Equal((1, 4), Pos(failure.Span));
    }

    /// <summary>CloudFormation and cfn-lint report every duplicate key; the first one alone would hide the others until the next run.</summary>
    [Fact]
    public void Every_duplicate_key_is_reported_at_its_repetition_and_other_documents_are_still_read()
    {
        var (documents, failures) = Load("a: 1\nb:\n  x: 1\n  {x: 2, y: 3}: 0\n  x: 2\na: 3\n---\nc: {d: 1, d: 2}\n---\nok: true\n");

        Assert.Equal(new[] { (5, 3), (6, 1), (8, 11) }, failures.Select(f => Pos(f.Span)).ToArray());
        Assert.All(failures, f => Assert.StartsWith("YAML error: Duplicate key ", f.Message, StringComparison.Ordinal));
        Assert.Contains("already sets it at line 3", failures[0].Message, StringComparison.Ordinal);
        Assert.Equal("true", ((YamlScalarNode)((YamlMappingNode)Assert.Single(documents).RootNode)["ok"]).Value);
    }

    [Fact]
    public void An_undefined_alias_is_reported_at_the_alias_in_words()
    {
        const string yaml = "a: &x 1\nb: *x\nc: *nope\n";
        var failure = SingleFailure(yaml);
        Assert.Equal((3, 4), Pos(failure.Span));
        Assert.Equal(yaml.IndexOf("*nope", StringComparison.Ordinal), failure.Span.StartOffset);
        Assert.Contains("the alias *nope refers to no anchor defined before it", failure.Message);
    }

    [Fact]
    public void An_alias_before_its_anchor_is_undefined_as_yaml_says()
    {
        var failure = SingleFailure("a: *later\nb: &later 1\n");
        Assert.Equal((1, 4), Pos(failure.Span));
        Assert.Contains("*later refers to no anchor defined before it", failure.Message);
    }

    [Fact]
    public void An_alias_inside_its_own_anchor_is_a_loop_not_a_crash()
    {
        var failure = Assert.Single(Facts("a: &x [1, *x]\n").OfType<ParseFailure>());
        Assert.Equal((1, 11), Pos(failure.Span));
        Assert.Contains("contains it", failure.Message);
    }

    [Theory]
    [InlineData("a:\n\tb: 1\n", 2, 1)]
    [InlineData("a:\n  b: 1\n\tc: 2\n", 3, 1)]
    [InlineData("a:\n  b:\n  \t- x\n", 3, 3)]
    public void A_tab_in_indentation_is_reported_at_the_tab(string yaml, int line, int column)
    {
        var failure = SingleFailure(yaml);
        Assert.Equal((line, column), Pos(failure.Span));
        Assert.Equal('\t', yaml[failure.Span.StartOffset]);
        Assert.Contains("tab is used for indentation", failure.Message);
    }

    [Theory]
    [InlineData("a: \"abc")]
    [InlineData("a: \"abc\n")]
    [InlineData("a: 'abc\n  def\n")]
    public void An_unterminated_quoted_string_is_reported_at_its_opening_quote(string yaml)
    {
        var failure = SingleFailure(yaml);
        Assert.Equal((1, 4), Pos(failure.Span));
        Assert.Contains("has no closing quote", failure.Message);
    }

    [Fact]
    public void An_unterminated_quoted_string_in_a_later_document_keeps_its_absolute_place()
    {
        var (documents, failures) = Load("x: 1\n---\ny: 2\n---\nz:\n  a: \"abc\nb: 2\n");
        Assert.Equal(2, documents.Count);
        var failure = Assert.Single(failures);
        Assert.Equal((6, 6), Pos(failure.Span));
        Assert.Contains("has no closing quote", failure.Message);
    }

    [Fact]
    public void Alias_and_tab_errors_in_later_documents_keep_their_absolute_place()
    {
        var (documents, failures) = Load("a: 1\n---\nb: *nope\n---\nc:\n\td: 1\n---\ne: 2\n");
        Assert.Equal(2, documents.Count);
        Assert.Equal(new[] { (3, 4), (6, 1) }, failures.Select(f => Pos(f.Span)).OrderBy(p => p));
        Assert.Contains(failures, f => f.Message.Contains("*nope refers to no anchor"));
        Assert.Contains(failures, f => f.Message.Contains("tab is used for indentation"));
    }

    [Fact]
    public void Recovery_after_a_syntax_error_reads_every_later_document_at_its_absolute_place()
    {
        const int count = 20_000;
        var yaml = new StringBuilder("a: [\n");
        for (int i = 0; i < count; i++) yaml.Append("---\nkey: value").Append(i).Append('\n');
        string text = yaml.ToString();

        var (documents, failures) = Load(text);

        Assert.Equal(count, documents.Count);
        Assert.Equal((2, 1), Pos(Assert.Single(failures).Span));
        var late = (YamlMappingNode)documents[count - 2].RootNode;
        var value = late.Children.Single().Value;
        // "a: [" is line 1; document i has its --- on line 2 + 2i and its key on the line after.
        Assert.Equal(3 + 2 * (count - 2), value.Start.Line);
        Assert.Equal(6, value.Start.Column);
        Assert.Equal(text.IndexOf($"value{count - 2}\n", StringComparison.Ordinal), (int)value.Start.Index);
    }

    [Fact]
    public void Recovery_counts_crlf_line_breaks_once()
    {
        string text = "a: [\r\n---\r\nb: 1\r\n---\r\nc: [\r\n---\r\nd: 2\r\n";
        var (documents, failures) = Load(text);
        Assert.Equal(2, documents.Count);
        var d = ((YamlMappingNode)documents[1].RootNode).Children.Single().Key;
        Assert.Equal((7, 1), ((int)d.Start.Line, (int)d.Start.Column));
        Assert.Equal(text.IndexOf("d:", StringComparison.Ordinal), (int)d.Start.Index);
        Assert.Equal(new[] { 2, 6 }, failures.Select(f => f.Span.StartLine).OrderBy(l => l));
    }

    [Fact]
    public void A_large_honest_file_with_one_alias_is_not_an_alias_bomb()
    {
        const int items = 1_100_000;
        var yaml = new StringBuilder("- &first x\n", 4 * items + 32);
        for (int i = 0; i < items; i++) yaml.Append("- x\n");
        yaml.Append("- *first\n");

        var (documents, failures) = Load(yaml.ToString());

        Assert.Empty(failures);
        Assert.Equal(items + 2, ((YamlSequenceNode)Assert.Single(documents).RootNode).Children.Count);
    }

    [Fact]
    public void Billion_laughs_is_refused_where_the_expansion_passes_the_limit()
    {
        var lines = new List<string> { "a: &a [x, x, x, x, x, x, x, x, x, x]" };
        for (char c = 'b'; c <= 'j'; c++)
            lines.Add($"{c}: &{c} [{string.Join(", ", Enumerable.Repeat($"*{(char)(c - 1)}", 10))}]");

        var failure = SingleFailure(string.Join("\n", lines));

        // Aliases add 110 + 1,110 + 11,110 + 111,110 nodes up to e; each *e adds 111,111, so the eighth on f's line passes 1,000,000.
        Assert.Equal((6, 36), Pos(failure.Span));
        Assert.Contains("alias bomb", failure.Message);
    }
}
