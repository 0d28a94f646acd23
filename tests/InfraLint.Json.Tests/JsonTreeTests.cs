using InfraLint.Json.Syntax;
using InfraLint.Core.Tree;
using static InfraLint.Json.Tests.Json;

namespace InfraLint.Json.Tests;

public class JsonTreeTests
{
    [Fact]
    public void Scalars_have_exact_spans_values_and_plainness()
    {
        var root = Root("""
            {
              "Name": "web",
              "Count": -3.5e2,
              "On": true,
              "Off": false,
              "None": null
            }
            """);

        var name = root.Entries[0];
        Assert.Equal("Name", name.Key.Value);
        Assert.False(name.Key.IsPlain);
        Assert.Equal((2, 3, 4, 2, 9, 10), Where(name.Key.Span));
        var web = Assert.IsType<TreeScalar>(name.Value);
        Assert.Equal("web", web.Value);
        Assert.False(web.IsPlain);
        Assert.Equal((2, 11, 12, 2, 16, 17), Where(web.Span));
        Assert.Equal(web.Span, web.HeadSpan);

        var count = root.Scalar("Count")!;
        Assert.Equal("-3.5e2", count.Value);
        Assert.True(count.IsPlain);
        Assert.Equal((3, 12, 30, 3, 18, 36), Where(count.Span));

        Assert.Equal(("true", true), (root.Scalar("On")!.Value, root.Scalar("On")!.IsPlain));
        Assert.Equal(true, TreeValues.Bool(root.Scalar("On")));
        Assert.Equal(false, TreeValues.Bool(root.Scalar("Off")));
        Assert.Null(root.Str("None"));
        Assert.True(root.Scalar("None")!.IsPlain);
        Assert.Equal((6, 11), Start(root.Scalar("None")!.Span));

        Assert.All(root.Entries, e => Assert.Null(e.Value.Tag));
        Assert.All(root.Entries, e => Assert.Equal(NodeState.Present, e.Value.State));
    }

    [Fact]
    public void Objects_and_arrays_span_their_brackets_and_head_the_first_line()
    {
        const string text = "{\n  \"a\": {\"b\": 1},\n  \"list\": [\n    1,\n    2\n  ]\n}";
        var root = Root(text);
        Assert.True(root.IsFlow);
        Assert.Equal((1, 1, 0, 7, 2, text.Length), Where(root.Span));
        Assert.Equal((1, 1, 0, 1, 2, 1), Where(root.HeadSpan));
        Assert.Equal(string.Empty, root.Path);

        var a = root.Map("a")!;
        Assert.Equal((2, 8, 9, 2, 16, 17), Where(a.Span));
        // The head runs to the end of the line, past the object's own '}' and the comma after it.
        Assert.Equal((2, 8, 9, 2, 17, 18), Where(a.HeadSpan));

        var list = root.Seq("list")!;
        Assert.Equal((3, 11, 29, 6, 4, 47), Where(list.Span));
        Assert.Equal((3, 11, 29, 3, 12, 30), Where(list.HeadSpan));
        Assert.Equal(["1", "2"], list.Items.Select(i => ((TreeScalar)i).Value));
        Assert.Equal((5, 5), Start(list.Items[1].Span));
    }

    [Fact]
    public void Paths_join_keys_with_dots_and_index_items()
    {
        var root = Root("""{"Resources": {"Bucket": {"Properties": {"Tags": [{"Key": "a", "Value": "b"}, [1, [2]]]}}}}""");
        var tags = root.Map("Resources").Map("Bucket").Map("Properties").Seq("Tags")!;
        Assert.Equal("Resources.Bucket.Properties.Tags", tags.Path);
        var first = Assert.IsType<TreeMapping>(tags.Items[0]);
        Assert.Equal("Resources.Bucket.Properties.Tags[0]", first.Path);
        Assert.Equal("Resources.Bucket.Properties.Tags[0].Key", first.Get("Key")!.Path);
        Assert.Equal("Resources.Bucket.Properties.Tags[0].Key", first.KeyNode("Key")!.Path);
        var nested = Assert.IsType<TreeSequence>(tags.Items[1]);
        Assert.Equal("Resources.Bucket.Properties.Tags[1][1][0]", ((TreeSequence)nested.Items[1]).Items[0].Path);
        Assert.Equal("Resources.Bucket.Properties", root.Map("Resources").Map("Bucket")!.At("Properties").Path);
        Assert.Equal("Resources.Bucket.Missing", root.Map("Resources").Map("Bucket")!.At("Missing").Path);
    }

    [Fact]
    public void Top_level_array_and_scalar_are_roots_with_empty_paths()
    {
        var array = Assert.IsType<TreeSequence>(Parse("[1, \"x\"]"));
        Assert.Equal("[1]", array.Items[1].Path);
        var scalar = Assert.IsType<TreeScalar>(Parse("  42 "));
        Assert.Equal(("42", true, ""), (scalar.Value, scalar.IsPlain, scalar.Path));
        Assert.Equal((1, 3, 2, 1, 5, 4), Where(scalar.Span));
    }

    [Fact]
    public void Columns_count_utf16_units_before_a_value()
    {
        // "é" is one UTF-16 unit, the emoji two: the value 1 starts at column 28, not 27 (code points) or 30 (UTF-8 bytes).
        var root = Root("{\"é\": \"x\", \"k\": \"😀\", \"v\": 1}");
        Assert.Equal("é", root.Entries[0].Key.Value);
        Assert.Equal("é", root.Get("é")!.Path);
        Assert.Equal((1, 2, 1, 1, 5, 4), Where(root.KeyNode("é")!.Span));
        var emoji = root.Scalar("k")!;
        Assert.Equal("😀", emoji.Value);
        Assert.Equal((1, 17, 16, 1, 21, 20), Where(emoji.Span));
        Assert.Equal((1, 28, 27, 1, 29, 28), Where(root.Scalar("v")!.Span));
    }

    [Fact]
    public void Escapes_are_resolved_in_values_and_keys_and_spans_cover_the_escaped_text()
    {
        var root = Root("""{"caf\u00e9": "a\"b\\c\/d\b\f\n\r\t", "smile": "\ud83d\ude00!", "next": 1}""");
        var key = root.Entries[0].Key;
        Assert.Equal("café", key.Value);
        Assert.Equal("café", root.Entries[0].Value.Path);
        Assert.Equal((1, 2, 1, 1, 13, 12), Where(key.Span));
        Assert.Equal("a\"b\\c/d\b\f\n\r\t", root.Str("café"));
        Assert.Equal("😀!", root.Str("smile"));
        Assert.Equal("1", root.Scalar("next")!.Value);
    }

    [Fact]
    public void Crlf_line_endings_count_as_one_break()
    {
        var root = Root("{\r\n  \"a\": 1,\r\n  \"b\": [\r\n    true\r\n  ]\r\n}");
        Assert.Equal((2, 8, 10, 2, 9, 11), Where(root.Scalar("a")!.Span));
        var b = root.Seq("b")!;
        Assert.Equal((3, 8, 21, 5, 4, 37), Where(b.Span));
        Assert.Equal((3, 8, 21, 3, 9, 22), Where(b.HeadSpan));
        Assert.Equal((4, 5), Start(b.Items[0].Span));
        Assert.Equal((6, 2), (root.Span.EndLine, root.Span.EndColumn));
    }

    [Fact]
    public void A_byte_order_mark_is_skipped()
    {
        var root = Root("\uFEFF{\"a\": 1}");
        Assert.Equal((1, 2, 1), (root.Span.StartLine, root.Span.StartColumn, root.Span.StartOffset));
    }

    [Fact]
    public void A_repeated_key_keeps_its_first_value_and_one_entry()
    {
        var root = Root("""{"a": 1, "b": 2, "a": {"x": 3}}""");
        Assert.Equal(["a", "b"], root.Entries.Select(e => e.Key.Value));
        Assert.Equal("1", root.Scalar("a")!.Value);
        Assert.Equal((1, 2), Start(root.KeyNode("a")!.Span));
    }

    [Fact]
    public void Empty_containers_and_whitespace()
    {
        var root = Root(" {\t\"o\" : { } , \"l\" :[ ] } \n");
        Assert.Equal(0, root.Map("o")!.Count);
        Assert.Equal(0, root.Seq("l")!.Count);
        Assert.Equal((1, 10, 9, 1, 13, 12), Where(root.Map("o")!.Span));
    }

    [Fact]
    public void Nesting_128_deep_is_read()
    {
        var node = Parse(new string('[', JsonTree.MaxDepth) + new string(']', JsonTree.MaxDepth));
        int depth = 0;
        while (node is TreeSequence { Count: > 0 } s)
        {
            node = s.Items[0];
            depth++;
        }
        Assert.Equal(JsonTree.MaxDepth - 1, depth);
        Assert.Equal(string.Concat(Enumerable.Repeat("[0]", JsonTree.MaxDepth - 1)), node.Path);
    }

    [Fact]
    public void Every_node_knows_its_editor()
    {
        var root = Root("""{"a": [1, {"b": "c"}]}""");
        Assert.NotNull(root.Editor);
        Assert.Same(root.Editor, root.Seq("a")!.Editor);
        Assert.Same(root.Editor, root.KeyNode("a")!.Editor);
        Assert.NotNull(root.EditAt("x"));
    }
}
