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

    /// <summary>The loader compares a small mapping's keys one by one and keeps a map for a large one: repeats are found either way.</summary>
    [Fact]
    public void Duplicate_keys_are_found_in_mappings_of_every_size()
    {
        var keys = Enumerable.Range(0, 12).Select(i => $"k{i}: {i}").ToList();
        keys.Insert(5, "k2: again");
        keys.Add("k9: again");
        keys.Add("k11: again");
        var (_, failures) = Load(string.Join("\n", keys) + "\n");

        Assert.Equal(new[] { (6, 1), (14, 1), (15, 1) }, failures.Select(f => Pos(f.Span)).ToArray());
        Assert.Contains("Duplicate key k2: the mapping already sets it at line 3", failures[0].Message, StringComparison.Ordinal);
        Assert.Contains("Duplicate key k9: the mapping already sets it at line 11", failures[1].Message, StringComparison.Ordinal);
        Assert.Contains("Duplicate key k11: the mapping already sets it at line 13", failures[2].Message, StringComparison.Ordinal);
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

    // Issue 10, item 5: CloudFormation, cfn-lint and PyYAML (scan_flow_scalar_breaks checks only for document markers)
    // accept continuation lines of a double-quoted scalar indented less than YAML 1.2 requires.
    private const string UnderIndented = "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n    Properties:\n      DisplayName: \"a long display\n  name that continues\"\n      TopicName: t\n";

    private static YamlMappingNode Properties(YamlDocument document) =>
        (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)((YamlMappingNode)document.RootNode)["Resources"])["Topic"])["Properties"];

    [Fact]
    public void A_double_quoted_scalar_with_under_indented_lines_is_read_as_CloudFormation_reads_it()
    {
        var (documents, failures) = Load(UnderIndented);

        Assert.Empty(failures);
        var properties = Properties(Assert.Single(documents));
        var display = (YamlScalarNode)properties["DisplayName"];
        Assert.Equal("a long display name that continues", display.Value);
        Assert.Equal((5L, 20L, (long)UnderIndented.IndexOf('"')), (display.Start.Line, display.Start.Column, display.Start.Index));
        Assert.Equal((6L, 23L, (long)UnderIndented.IndexOf("\"\n", StringComparison.Ordinal) + 1), (display.End.Line, display.End.Column, display.End.Index));
        var name = properties.Children.Keys.OfType<YamlScalarNode>().Single(k => k.Value == "TopicName");
        Assert.Equal((7L, 7L, (long)UnderIndented.IndexOf("TopicName", StringComparison.Ordinal)), (name.Start.Line, name.Start.Column, name.Start.Index));
    }

    [Theory]
    [InlineData("a:\n  b: \"x\n\ty\"\n  c: 1\n", "x y")]
    [InlineData("a:\n  b: \"x\ny\n\nz\"\n  c: 1\n", "x y\nz")]
    [InlineData("a:\n  b: \"x\\\ny\"\n  c: 1\n", "xy")]
    [InlineData("a:\r\n  b: \"x\r\ny\"\r\n  c: 1\r\n", "x y")]
    [InlineData("a:\n  - b: \"x\ny\"\n    c: 1\n", "x y")]
    [InlineData("a:\n  b: [\"x\ny\", \"p\nq\"]\n  c: 1\n", "x y")]
    public void Folding_gives_the_value_whatever_the_indentation_and_later_nodes_keep_their_places(string yaml, string value)
    {
        var (documents, failures) = Load(yaml);

        Assert.Empty(failures);
        var root = (YamlMappingNode)Assert.Single(documents).RootNode;
        var all = root.AllNodes.OfType<YamlScalarNode>().ToList();
        Assert.Contains(all, s => s.Value == value);
        var c = all.Single(s => s.Value == "c");
        Assert.Equal(yaml.IndexOf("c:", StringComparison.Ordinal), (int)c.Start.Index);
        var source = new SourceText("test.yaml", yaml);
        Assert.Equal(source.LineColumn((int)c.Start.Index), ((int)c.Start.Line, (int)c.Start.Column));
    }

    [Fact]
    public void Several_under_indented_scalars_in_several_documents_are_all_read_at_their_places()
    {
        string yaml = "a: \"x\ny\"\nb: 1\nc: \"p\nq\"\n---\nd: \"r\ns\"\ne: [\n---\nf: \"t\nu\"\ng: 2\n";
        var (documents, failures) = Load(yaml);

        Assert.Equal((10, 1), Pos(Assert.Single(failures).Span)); // the second document's unclosed [, where YamlDotNet sees it
        Assert.Equal(new[] { "x y", "p q", "t u" }, documents.SelectMany(d => d.AllNodes).OfType<YamlScalarNode>()
            .Where(s => s.Style == YamlDotNet.Core.ScalarStyle.DoubleQuoted).Select(s => s.Value));
        var g = ((YamlMappingNode)documents[1].RootNode).Children.Keys.OfType<YamlScalarNode>().Single(k => k.Value == "g");
        Assert.Equal((13L, 1L, (long)yaml.IndexOf("g:", StringComparison.Ordinal)), (g.Start.Line, g.Start.Column, g.Start.Index));
    }

    [Theory]
    [InlineData("a:\n  b: \"abc\nc: \"d\"\n", 2, 6)] // a missing closing quote pairs with the next opening one
    [InlineData("a:\n  b: \"abc\nc: 1\n", 2, 6)] // and no closing quote at all
    public void A_missing_closing_quote_is_still_reported_at_its_opening_quote(string yaml, int line, int column)
    {
        var failure = SingleFailure(yaml);
        Assert.Equal((line, column), Pos(failure.Span));
        Assert.Contains("has no closing quote", failure.Message);
    }

    [Fact]
    public void A_document_marker_inside_a_double_quoted_scalar_is_still_an_error_as_PyYAML_says()
    {
        var (_, failures) = Load("a:\n  b: \"x\n---\ny\"\n");
        Assert.Contains(failures, f => Pos(f.Span) == (2, 6));
    }

    [Fact]
    public void A_broken_scalar_after_an_under_indented_one_is_reported_at_its_place()
    {
        var (_, failures) = Load("a: \"x\ny\"\nb: \"bad \\q escape\"\n");
        var failure = Assert.Single(failures);
        Assert.Equal(3, failure.Span.StartLine);
        Assert.DoesNotContain("closing quote", failure.Message);
    }

    [Fact]
    public void A_hundred_thousand_under_indented_lines_are_read_in_linear_time()
    {
        var yaml = new StringBuilder("a:\n  b: \"start\n");
        for (int i = 0; i < 100_000; i++) yaml.Append("word").Append(i).Append('\n');
        yaml.Append("end\"\n  c: 1\n");
        string text = yaml.ToString();
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var (documents, failures) = Load(text);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), watch.Elapsed.ToString());
        Assert.Empty(failures);
        var a = (YamlMappingNode)((YamlMappingNode)Assert.Single(documents).RootNode)["a"];
        Assert.EndsWith("word99999 end", ((YamlScalarNode)a["b"]).Value, StringComparison.Ordinal);
        Assert.Equal(text.IndexOf("c: 1", StringComparison.Ordinal), (int)a.Children.Keys.OfType<YamlScalarNode>().Single(k => k.Value == "c").Start.Index);
    }

    [Fact]
    public void A_hundred_thousand_under_indented_scalars_are_read_in_linear_time()
    {
        var yaml = new StringBuilder("a:\n");
        for (int i = 0; i < 100_000; i++) yaml.Append("  k").Append(i).Append(i % 2 == 0 ? ": \"x\ny\"\n" : ": !Sub \"x\n  # not a comment\n\"\n");
        yaml.Append("  last: 1\n");
        string text = yaml.ToString();
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var (documents, failures) = Load(text);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), watch.Elapsed.ToString());
        Assert.True(failures.Count == 0, string.Join("; ", failures.Select(f => $"{Pos(f.Span)} {f.Message}")));
        var a = (YamlMappingNode)((YamlMappingNode)Assert.Single(documents).RootNode)["a"];
        Assert.Equal("x y", ((YamlScalarNode)a["k99998"]).Value);
        Assert.Equal("x # not a comment ", ((YamlScalarNode)a["k99999"]).Value);
        Assert.Equal(text.IndexOf("last: 1", StringComparison.Ordinal), (int)a.Children.Keys.OfType<YamlScalarNode>().Single(k => k.Value == "last").Start.Index);
    }

    /// <summary>Later scalars are guessed from the text; a guess inside another kind of scalar is found out and dropped.</summary>
    [Fact]
    public void A_wrong_guess_inside_a_single_quoted_or_block_scalar_changes_nothing()
    {
        const string yaml = "a: \"x\ny\"\nb: 'p\n  q: \"r\n  s'\nc: \"t\nu\"\nd: |\n  e: \"v\n  w\"\nf: \"g\nh\"\n";
        var (documents, failures) = Load(yaml);

        Assert.Empty(failures);
        var root = (YamlMappingNode)Assert.Single(documents).RootNode;
        Assert.Equal(new[] { "x y", "p q: \"r s", "t u", "e: \"v\nw\"\n", "g h" },
            new[] { "a", "b", "c", "d", "f" }.Select(k => ((YamlScalarNode)root[k]).Value));
        var f = root.Children.Keys.OfType<YamlScalarNode>().Single(k => k.Value == "f");
        Assert.Equal((11L, 1L, (long)yaml.IndexOf("f:", StringComparison.Ordinal)), (f.Start.Line, f.Start.Column, f.Start.Index));
    }

    /// <summary>Scalars the guess does not see (in flow mappings) cost a retry each, which rescans the text before them; the retries have a budget linear in the file's size.</summary>
    [Fact]
    public void A_hundred_thousand_under_indented_scalars_cost_linear_time_and_end_in_a_failure_not_a_hang()
    {
        var yaml = new StringBuilder("a:\n");
        for (int i = 0; i < 100_000; i++) yaml.Append("  k").Append(i).Append(": {v: \"x\ny\"}\n");
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var (_, failures) = Load(yaml.ToString());

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), watch.Elapsed.ToString());
        var failure = Assert.Single(failures);
        Assert.True(failure.Span.StartLine > 2, failure.Span.ToString());
        Assert.Contains("too many of them", failure.Message);
    }
}
