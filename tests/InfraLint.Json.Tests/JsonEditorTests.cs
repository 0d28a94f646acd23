using InfraLint.Core.Fixes;
using InfraLint.Core.Tree;
using static InfraLint.Json.Tests.Json;

namespace InfraLint.Json.Tests;

public class JsonEditorTests
{
    private const string Template = """
        {
          "Resources": {
            "Bucket": {
              "Type": "AWS::S3::Bucket",
              "Properties": {
                "BucketName": "data",
                "Versioned": false
              }
            },
            "Queue": {
              "Type": "AWS::SQS::Queue"
            }
          }
        }
        """;

    private static TreeMapping Resource(string text, string name) => Root(text).Map("Resources").Map(name)!;

    private static string Set(string text, EditTarget? target, object value)
    {
        Assert.NotNull(target);
        var edits = target!.Set(value);
        Assert.NotEmpty(edits);
        return Apply(text, edits);
    }

    [Fact]
    public void Replace_renders_the_new_value_as_a_json_literal_in_place()
    {
        var root = Root("""{"On": false, "Name": "a", "Port": "443", "List": [1, "x"]}""");
        var target = root.Editor!.Replace(root.Scalar("On")!, "On")!;
        Assert.Equal("On", target.Describe);
        Assert.Equal("""{"On": true, "Name": "a", "Port": "443", "List": [1, "x"]}""", Apply("""{"On": false, "Name": "a", "Port": "443", "List": [1, "x"]}""", target.Set(true)));

        const string text = """{"On": false, "Name": "a", "Port": "443", "List": [1, "x"]}""";
        Assert.Equal("""{"On": false, "Name": "say \"hi\"\\\n", "Port": "443", "List": [1, "x"]}""",
            Set(text, root.Editor.Replace(root.Scalar("Name")!, "Name"), "say \"hi\"\\\n"));
        Assert.Equal("""{"On": false, "Name": "a", "Port": 8443, "List": [1, "x"]}""", Set(text, root.Editor.Replace(root.Scalar("Port")!, "Port"), 8443));
        Assert.Equal("""{"On": false, "Name": "a", "Port": "443", "List": [1, 2.5]}""", Set(text, root.Editor.Replace((TreeScalar)root.Seq("List")!.Items[1], "List[1]"), 2.5));
        Assert.Equal("""{"On": false, "Name": "é😀", "Port": "443", "List": [1, "x"]}""", Set(text, root.Editor.Replace(root.Scalar("Name")!, "Name"), "é😀"));
    }

    [Fact]
    public void Replace_refuses_keys_and_values_json_cannot_hold()
    {
        var root = Root("""{"Ratio": 1}""");
        Assert.Null(root.Editor!.Replace(root.KeyNode("Ratio")!, "Ratio"));
        Assert.Empty(root.Editor.Replace(root.Scalar("Ratio")!, "Ratio")!.Set(double.NaN));
        Assert.Empty(root.Editor.Replace(root.Scalar("Ratio")!, "Ratio")!.Set(double.PositiveInfinity));
    }

    [Fact]
    public void SetAt_replaces_an_existing_scalar()
    {
        var bucket = Resource(Template, "Bucket");
        var target = bucket.EditAt("Properties", "Versioned");
        Assert.Equal("Properties.Versioned", target!.Describe);
        Assert.Equal(Template.Replace("\"Versioned\": false", "\"Versioned\": true"), Set(Template, target, true));
    }

    [Fact]
    public void SetAt_inserts_a_missing_key_after_the_last_member_at_its_siblings_indentation()
    {
        var result = Set(Template, Resource(Template, "Bucket").EditAt("Properties", "AccessControl"), "Private");
        Assert.Equal("""
            {
              "Resources": {
                "Bucket": {
                  "Type": "AWS::S3::Bucket",
                  "Properties": {
                    "BucketName": "data",
                    "Versioned": false,
                    "AccessControl": "Private"
                  }
                },
                "Queue": {
                  "Type": "AWS::SQS::Queue"
                }
              }
            }
            """, result);
    }

    [Fact]
    public void SetAt_creates_missing_parent_objects()
    {
        var result = Set(Template, Resource(Template, "Queue").EditAt("Properties", "KmsMasterKeyId"), "alias/aws/sqs");
        Assert.Equal("""
            {
              "Resources": {
                "Bucket": {
                  "Type": "AWS::S3::Bucket",
                  "Properties": {
                    "BucketName": "data",
                    "Versioned": false
                  }
                },
                "Queue": {
                  "Type": "AWS::SQS::Queue",
                  "Properties": {
                    "KmsMasterKeyId": "alias/aws/sqs"
                  }
                }
              }
            }
            """, result);

        var deeper = Set(Template, Resource(Template, "Bucket").EditAt("Properties", "BucketEncryption", "Rule", "Enabled"), true);
        Assert.Contains("""
                    "Versioned": false,
                    "BucketEncryption": {
                      "Rule": {
                        "Enabled": true
                      }
                    }
                  }
            """.Replace("\r\n", "\n"), deeper);
    }

    [Fact]
    public void SetAt_in_a_one_line_object_stays_on_the_line()
    {
        const string text = """{"A": {"x": 1}, "B": {}, "C": { }}""";
        var root = Root(text);
        Assert.Equal("""{"A": {"x": 1, "y": true}, "B": {}, "C": { }}""", Set(text, root.Map("A")!.EditAt("y"), true));
        Assert.Equal("""{"A": {"x": 1, "y": {"z": "q"}}, "B": {}, "C": { }}""", Set(text, root.Map("A")!.EditAt("y", "z"), "q"));
        Assert.Equal("""{"A": {"x": 1}, "B": {"y": 2}, "C": { }}""", Set(text, root.Map("B")!.EditAt("y"), 2));
        Assert.Equal("""{"A": {"x": 1}, "B": {}, "C": {"y": 2 }}""", Set(text, root.Map("C")!.EditAt("y"), 2));
        Assert.Equal("""{"A": {"x": 1}, "B": {}, "C": { }, "D": {"E": false}}""", Set(text, root.EditAt("D", "E"), false));
    }

    [Fact]
    public void SetAt_in_an_empty_multi_line_object_indents_one_level_in()
    {
        const string text = "{\n  \"A\": {\n  }\n}";
        Assert.Equal("{\n  \"A\": {\n    \"b\": 1\n  }\n}", Set(text, Root(text).Map("A")!.EditAt("b"), 1));
        Assert.Equal("{\"b\": 1}", Set("{}", Root("{}").EditAt("b"), 1));
    }

    [Fact]
    public void SetAt_keeps_tabs_and_crlf()
    {
        const string tabs = "{\n\t\"a\": {\n\t\t\"x\": 1\n\t}\n}";
        Assert.Equal("{\n\t\"a\": {\n\t\t\"x\": 1\n\t},\n\t\"b\": {\n\t\t\"c\": 2\n\t}\n}", Set(tabs, Root(tabs).EditAt("b", "c"), 2));

        const string crlf = "{\r\n    \"a\": 1\r\n}\r\n";
        Assert.Equal("{\r\n    \"a\": 1,\r\n    \"b\": {\r\n        \"c\": 2\r\n    }\r\n}\r\n", Set(crlf, Root(crlf).EditAt("b", "c"), 2));
    }

    [Fact]
    public void SetAt_after_a_repeated_key_follows_the_last_member_written()
    {
        const string text = "{\n  \"a\": 1,\n  \"b\": 2,\n  \"a\": 3\n}";
        Assert.Equal("{\n  \"a\": 1,\n  \"b\": 2,\n  \"a\": 3,\n  \"c\": 4\n}", Set(text, Root(text).EditAt("c"), 4));
    }

    [Fact]
    public void SetAt_takes_the_indentation_of_a_member_that_begins_its_line()
    {
        const string text = "{\n  \"P\": {\"a\": 1,\n    \"b\": 2}\n}";
        Assert.Equal("{\n  \"P\": {\"a\": 1,\n    \"b\": 2,\n    \"c\": 3}\n}", Set(text, Root(text).Map("P")!.EditAt("c"), 3));
    }

    [Fact]
    public void SetAt_refuses_what_it_cannot_rewrite()
    {
        const string text = """{"a": "x", "o": {"k": 1}, "l": [1]}""";
        var root = Root(text);
        Assert.Empty(root.EditAt("a", "b")!.Set(true));
        Assert.Empty(root.EditAt("o")!.Set(true));
        Assert.Empty(root.EditAt("l")!.Set(true));
        Assert.Empty(root.EditAt("n")!.Set(double.NaN));
        Assert.Null(root.EditAt());
    }

    [Fact]
    public void AppendTo_adds_to_an_inline_array_or_creates_it()
    {
        const string text = """{"Opts": ["a"], "Empty": [], "S": "x"}""";
        var root = Root(text);
        var target = root.Editor!.AppendTo(root, "Opts", "no-new-privileges:true", false)!;
        Assert.Equal("Opts[] += no-new-privileges:true", target.Describe);
        Assert.Equal("""{"Opts": ["a", "no-new-privileges:true"], "Empty": [], "S": "x"}""", Apply(text, target.Set(false)));
        Assert.Empty(target.Set(true));

        Assert.Equal("""{"Opts": ["a"], "Empty": ["b"], "S": "x"}""", Set(text, root.Editor.AppendTo(root, "Empty", "b", true), true));
        Assert.Equal("""{"Opts": ["a"], "Empty": [], "S": "x", "New": ["b"]}""", Set(text, root.Editor.AppendTo(root, "New", "b", true), true));
        Assert.Empty(root.Editor.AppendTo(root, "S", "b", true)!.Set(true));
    }

    [Fact]
    public void AppendTo_a_multi_line_array_adds_a_line()
    {
        const string text = "{\n  \"Opts\": [\n    \"a\",\n    {\"b\": 1}\n  ],\n  \"E\": [\n  ]\n}";
        var root = Root(text);
        Assert.Equal("{\n  \"Opts\": [\n    \"a\",\n    {\"b\": 1},\n    \"c\"\n  ],\n  \"E\": [\n  ]\n}", Set(text, root.Editor!.AppendTo(root, "Opts", "c", true), true));
        Assert.Equal("{\n  \"Opts\": [\n    \"a\",\n    {\"b\": 1}\n  ],\n  \"E\": [\n    \"c\"\n  ]\n}", Set(text, root.Editor.AppendTo(root, "E", "c", true), true));
        Assert.Equal("{\n  \"Opts\": [\n    \"a\",\n    {\"b\": 1}\n  ],\n  \"E\": [\n  ],\n  \"N\": [\"c\"]\n}", Set(text, root.Editor.AppendTo(root, "N", "c", true), true));
    }

    [Fact]
    public void Every_insertion_into_every_object_of_a_template_leaves_valid_json()
    {
        const string text = "{\"AWSTemplateFormatVersion\": \"2010-09-09\",\n  \"Resources\": { \"B\": {\"Type\": \"T\",\n\t\"Properties\": {}},\n  \"C\": {\n  }, \"D\": [{\"x\": [ ]}, {}\n]}\n}\n";
        int objects = 0;
        foreach (var mapping in Mappings(Root(text)))
        {
            objects++;
            Set(text, mapping.EditAt("New", "Deeper"), "v \"q\"");
            Set(text, mapping.EditAt("New"), 1);
            Set(text, mapping.Editor!.AppendTo(mapping, "List", "i", true), true);
        }
        Assert.Equal(7, objects);
    }

    private static IEnumerable<TreeMapping> Mappings(TreeNode node)
    {
        if (node is TreeMapping m)
        {
            yield return m;
            foreach (var entry in m.Entries)
                foreach (var child in Mappings(entry.Value)) yield return child;
        }
        else if (node is TreeSequence s)
        {
            foreach (var item in s.Items)
                foreach (var child in Mappings(item)) yield return child;
        }
    }
}
