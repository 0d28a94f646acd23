using InfraLint.Core.Fixes;
using InfraLint.Core.Locations;
using InfraLint.Core.Tree;
using InfraLint.CSharp.Syntax;

namespace InfraLint.CSharp.Tests;

/// <summary>Fixes written in C#: in place, or as initializer entries in the file's own layout.</summary>
public sealed class CSharpEditsTests
{
    private static TreeMapping Root(string code) => Assert.Single(CSharpTree.Build(new SourceText("Infra.cs", code)));

    private static string Apply(string code, IReadOnlyList<TextEdit> edits)
    {
        Assert.NotEmpty(edits);
        foreach (var edit in edits.OrderByDescending(e => e.Span.StartOffset))
            code = code.Substring(0, edit.Span.StartOffset) + edit.NewText + code.Substring(edit.Span.EndOffset);
        return code;
    }

    private static TreeMapping Container(TreeMapping root) =>
        (TreeMapping)((TreeSequence)root.Map("spec")!.Get("containers")!).Items[0];

    private static string SetOnContainer(string code, object value, params string[] keys) =>
        Apply(code, Container(Root(code)).EditAt(keys)!.Set(value));

    [Fact]
    public void A_missing_key_becomes_an_entry_on_its_own_line_keeping_trailing_commas()
    {
        const string Code = """
            using k8s.Models;
            var p = new V1Pod
            {
                Spec = new V1PodSpec
                {
                    Containers = new List<V1Container>
                    {
                        new V1Container
                        {
                            Name = "vllm",
                            Image = "vllm/vllm-openai:v0.6.3", // pinned by tag
                        },
                    },
                },
            };
            """;
        Assert.Equal(Code.Replace(
            "Image = \"vllm/vllm-openai:v0.6.3\", // pinned by tag\n",
            "Image = \"vllm/vllm-openai:v0.6.3\", // pinned by tag\n                SecurityContext = new V1SecurityContext { AllowPrivilegeEscalation = false },\n"),
            SetOnContainer(Code, false, "securityContext", "allowPrivilegeEscalation"));
    }

    [Fact]
    public void Without_trailing_commas_a_comma_is_added_after_the_last_entry_and_none_after_the_new_one()
    {
        const string Code = "using k8s.Models;\nvar p = new V1Pod\n{\n  Spec = new V1PodSpec\n  {\n    Containers = new List<V1Container>\n    {\n      new V1Container\n      {\n        Name = \"vllm\"\n      }\n    }\n  }\n};\n";
        Assert.Equal(
            Code.Replace("Name = \"vllm\"\n", "Name = \"vllm\",\n        SecurityContext = new V1SecurityContext { Privileged = false }\n"),
            SetOnContainer(Code, false, "securityContext", "privileged"));
    }

    [Theory]
    [InlineData("new V1Container { Name = \"a\" }", "new V1Container { Name = \"a\", SecurityContext = new V1SecurityContext { Privileged = false } }")]
    [InlineData("new V1Container { }", "new V1Container { SecurityContext = new V1SecurityContext { Privileged = false } }")]
    [InlineData("new V1Container()", "new V1Container() { SecurityContext = new V1SecurityContext { Privileged = false } }")]
    [InlineData("new V1Container { SecurityContext = new V1SecurityContext() }", "new V1Container { SecurityContext = new V1SecurityContext() { Privileged = false } }")]
    [InlineData("new V1Container { SecurityContext = new V1SecurityContext { Privileged = true } }", "new V1Container { SecurityContext = new V1SecurityContext { Privileged = false } }")]
    [InlineData("new V1Container { SecurityContext = { RunAsUser = 0 } }", "new V1Container { SecurityContext = { RunAsUser = 0, Privileged = false } }")]
    public void One_line_objects_get_the_entry_on_the_same_line(string container, string expected)
    {
        string Code(string c) => "using k8s.Models;\nvar p = new V1Pod { Spec = new V1PodSpec { Containers = new List<V1Container> { " + c + " } } };\n";
        Assert.Equal(Code(expected), SetOnContainer(Code(container), false, "securityContext", "privileged"));
    }

    [Theory]
    [InlineData("Limits = new Dictionary<string, ResourceQuantity> { [\"cpu\"] = new ResourceQuantity(\"8\") }",
                "Limits = new Dictionary<string, ResourceQuantity> { [\"cpu\"] = new ResourceQuantity(\"8\"), [\"nvidia.com/gpu\"] = new ResourceQuantity(\"1\") }")]
    [InlineData("Limits = new Dictionary<string, ResourceQuantity> { { \"cpu\", new ResourceQuantity(\"8\") } }",
                "Limits = new Dictionary<string, ResourceQuantity> { { \"cpu\", new ResourceQuantity(\"8\") }, { \"nvidia.com/gpu\", new ResourceQuantity(\"1\") } }")]
    [InlineData("Requests = new Dictionary<string, ResourceQuantity>()",
                "Requests = new Dictionary<string, ResourceQuantity>(), Limits = new Dictionary<string, ResourceQuantity> { [\"nvidia.com/gpu\"] = new ResourceQuantity(\"1\") }")]
    public void Quantities_are_written_as_resource_quantities_in_the_maps_style(string resources, string expected)
    {
        string Code(string r) => "using k8s.Models;\nvar p = new V1Pod { Spec = new V1PodSpec { Containers = new List<V1Container> { new V1Container { Resources = new V1ResourceRequirements { " + r + " } } } } };\n";
        Assert.Equal(Code(expected), SetOnContainer(Code(resources), "1", "resources", "limits", "nvidia.com/gpu"));
    }

    [Theory]
    [InlineData("Limits = new Dictionary<string, ResourceQuantity> { [\"cpu\"] = new ResourceQuantity(\"8\") }")]
    [InlineData("Limits = new Dictionary<string, ResourceQuantity> { { \"cpu\", new ResourceQuantity(\"8\") } }")]
    [InlineData("Requests = new Dictionary<string, ResourceQuantity>()")]
    [InlineData("Limits = new Dictionary<string, ResourceQuantity>\n{\n    [\"memory\"] = \"1Gi\",\n}")]
    [InlineData("Limits = BuildLimits()")]
    public void A_setter_kept_for_later_edits_as_EditAt_does(string resources)
    {
        // The limit setter a container fact keeps is made from the tree at once, for any key, present or not.
        string code = "using k8s.Models;\nvar p = new V1Pod { Spec = new V1PodSpec { Containers = new List<V1Container> { new V1Container { Resources = new V1ResourceRequirements { " + resources + " } } } } };\n";
        var container = Container(Root(code));
        var set = container.Setter("resources", "limits")!;

        static string Describe(IReadOnlyList<TextEdit> edits) => string.Join(" | ", edits.Select(e => $"{e.Span.StartOffset}+{e.Span.Length}:{e.NewText}"));
        foreach (var key in new[] { "cpu", "memory", "nvidia.com/gpu" })
        {
            var expected = container.EditAt("resources", "limits", key);
            var kept = set(key);
            Assert.Equal(expected is null ? null : Describe(expected.Set("2")), kept is null ? null : Describe(kept.Set("2")));
        }
    }

    [Fact]
    public void A_setter_kept_for_later_keeps_neither_the_tree_nor_the_syntax_alive()
    {
        var (tree, syntax, set) = TreeAndSetter();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(tree.IsAlive);
        Assert.False(syntax.IsAlive);
        var edit = Assert.Single(set("memory")!.Set("1Gi"));
        Assert.Equal(", [\"memory\"] = new ResourceQuantity(\"1Gi\")", edit.NewText);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static (WeakReference Tree, WeakReference Syntax, Func<string, EditTarget?> Set) TreeAndSetter()
    {
        const string Code = "using k8s.Models;\nvar p = new V1Pod { Spec = new V1PodSpec { Containers = new List<V1Container> { new V1Container { Resources = new V1ResourceRequirements { Limits = new Dictionary<string, ResourceQuantity> { [\"cpu\"] = \"8\" } } } } } };\n";
        var root = Root(Code);
        var container = Container(root);
        return (new WeakReference(root), new WeakReference(container.Origin), container.Setter("resources", "limits")!);
    }

    [Fact]
    public void New_models_are_qualified_as_the_file_qualifies_the_root()
    {
        const string Code = "var p = new k8s.Models.V1Pod { Spec = new k8s.Models.V1PodSpec { Containers = { new k8s.Models.V1Container { Name = \"a\" } } } };\n";
        Assert.Equal(
            Code.Replace("Name = \"a\"", "Name = \"a\", SecurityContext = new k8s.Models.V1SecurityContext { Privileged = false }"),
            SetOnContainer(Code, false, "securityContext", "privileged"));
    }

    [Fact]
    public void An_unknown_value_or_object_is_not_edited()
    {
        const string Code = "using k8s.Models;\nvar p = new V1Pod { Spec = new V1PodSpec { Containers = { new V1Container { SecurityContext = Build(), Name = config.Require(\"n\") } } } };\n";
        var container = Container(Root(Code));
        Assert.Empty(container.EditAt("securityContext", "privileged")!.Set(false));
        Assert.Empty(container.EditAt("name")!.Set("x"));
    }

    [Fact]
    public void Strings_are_escaped_and_collections_qualified_where_the_file_uses_none()
    {
        const string Code = "using k8s.Models;\nvar p = new V1Pod { Metadata = new V1ObjectMeta { Name = \"a\" } };\n";
        var root = Root(Code);
        Assert.Equal(Code.Replace("Name = \"a\" }", "Name = \"a\", Labels = new System.Collections.Generic.Dictionary<string, string> { [\"team\"] = \"q\\\"a\\\\b\" } }"),
            Apply(Code, root.EditAt("metadata", "labels", "team")!.Set("q\"a\\b")));
    }
}
