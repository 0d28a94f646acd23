using InfraLint.Core.Locations;
using InfraLint.Core.Tree;
using InfraLint.CSharp.Syntax;

namespace InfraLint.CSharp.Tests;

public sealed class CSharpTreeTests
{
    private const string Deployment = """
        using k8s.Models;

        const string Team = "ml";
        var d = new V1Deployment
        {
            Metadata = new V1ObjectMeta
            {
                Name = "vllm",
                NamespaceProperty = "serving",
                Labels = new Dictionary<string, string> { ["app"] = "vllm", ["team"] = Team + "-serving" },
                Annotations = new Dictionary<string, string> { { "owner", $"{Team}" } },
            },
            Spec = new V1DeploymentSpec
            {
                Replicas = 3,
                Template = new()
                {
                    Spec = new V1PodSpec
                    {
                        HostNetwork = true,
                        Containers = new List<V1Container>
                        {
                            new V1Container
                            {
                                Name = "vllm",
                                Image = config.Require("image"),
                                SecurityContext = new V1SecurityContext { Privileged = false, RunAsNonRoot = Flag() },
                                Resources = new V1ResourceRequirements { Limits = new Dictionary<string, ResourceQuantity> { ["cpu"] = new ResourceQuantity("8") } },
                            },
                        },
                        Tolerations = new[] { new V1Toleration { Key = "gpu" } },
                    },
                },
            },
        };
        """;

    private static (SourceText Source, TreeMapping Root) Build(string text)
    {
        var source = new SourceText("Infra.cs", text);
        return (source, Assert.Single(CSharpTree.Build(source)));
    }

    /// <summary>The 1-based line and column of the <paramref name="occurrence"/>-th <paramref name="needle"/> in the text.</summary>
    private static (int Line, int Column) Find(SourceText source, string needle, int occurrence = 1)
    {
        int at = -1;
        for (int i = 0; i < occurrence; i++) at = source.Text.IndexOf(needle, at + 1, StringComparison.Ordinal);
        Assert.True(at >= 0, needle);
        return source.LineColumn(at);
    }

    private static TreeNode At(TreeMapping root, string path)
    {
        TreeNode node = root;
        foreach (var part in path.Split('.'))
        {
            var name = part;
            int? index = null;
            int bracket = part.IndexOf('[');
            if (bracket >= 0)
            {
                name = part[..bracket];
                index = int.Parse(part[(bracket + 1)..^1]);
            }
            node = Assert.IsType<TreeMapping>(node).Get(name) ?? throw new Xunit.Sdk.XunitException($"no {name} in {path}");
            if (index is int i) node = Assert.IsType<TreeSequence>(node).Items[i];
        }
        Assert.Equal(path, node.Path);
        return node;
    }

    [Fact]
    public void A_root_inside_another_object_is_a_root_and_one_inside_a_root_is_part_of_it()
    {
        // The creations are found in one walk with the declarations; which are roots is decided after it, in source order.
        var source = new SourceText("Infra.cs", """
            using k8s.Models;

            var all = new List<object>
            {
                new V1Service { Metadata = new V1ObjectMeta { Name = "first" } },
                Wrap(new V1Deployment { Metadata = new V1ObjectMeta { Name = "second", Annotations = Notes(new V1Service { Metadata = new V1ObjectMeta { Name = "inner" } }) } }),
            };
            var third = new V1Service { Metadata = new V1ObjectMeta { Name = "third" } };
            """);

        var roots = CSharpTree.Build(source);

        Assert.Equal(
            new[] { Find(source, "new V1Service"), Find(source, "new V1Deployment"), Find(source, "new V1Service", 3) },
            roots.Select(r => (r.HeadSpan.StartLine, r.HeadSpan.StartColumn)).ToArray());
    }

    [Fact]
    public void Api_version_and_kind_come_from_the_type_at_the_new_expression()
    {
        var (source, root) = Build(Deployment);
        Assert.Equal("apps/v1", root.Str("apiVersion"));
        Assert.Equal("Deployment", root.Str("kind"));
        var head = Find(source, "new V1Deployment");
        Assert.Equal(head, (root.Get("kind")!.Span.StartLine, root.Get("kind")!.Span.StartColumn));
        Assert.Equal(head, (root.HeadSpan.StartLine, root.HeadSpan.StartColumn));
        Assert.Equal("new V1Deployment", source.Text[root.HeadSpan.StartOffset..root.HeadSpan.EndOffset]);
        Assert.Equal(source.Text.TrimEnd().Length - 1, root.Span.EndOffset);
    }

    [Fact]
    public void Values_are_located_at_their_expressions_with_yaml_paths()
    {
        var (source, root) = Build(Deployment);
        var name = Assert.IsType<TreeScalar>(At(root, "metadata.name"));
        Assert.Equal("vllm", name.Value);
        Assert.False(name.IsPlain);
        Assert.Equal(Find(source, "\"vllm\""), (name.Span.StartLine, name.Span.StartColumn));
        Assert.Equal("\"vllm\"", source.Text[name.Span.StartOffset..name.Span.EndOffset]);

        Assert.Equal("serving", root.Map("metadata").Str("namespace"));

        var hostNetwork = Assert.IsType<TreeScalar>(At(root, "spec.template.spec.hostNetwork"));
        Assert.True(hostNetwork.IsPlain);
        Assert.True(TreeValues.Bool(hostNetwork));
        Assert.Equal(Find(source, "true"), (hostNetwork.Span.StartLine, hostNetwork.Span.StartColumn));

        var privileged = Assert.IsType<TreeScalar>(At(root, "spec.template.spec.containers[0].securityContext.privileged"));
        Assert.False(TreeValues.Bool(privileged));
        Assert.Equal(Find(source, "false"), (privileged.Span.StartLine, privileged.Span.StartColumn));

        var replicas = Assert.IsType<TreeScalar>(At(root, "spec.replicas"));
        Assert.Equal(("3", true), (replicas.Value, replicas.IsPlain));

        var cpu = Assert.IsType<TreeScalar>(At(root, "spec.template.spec.containers[0].resources.limits.cpu"));
        Assert.Equal("8", cpu.Value);
        Assert.Equal(Find(source, "new ResourceQuantity"), (cpu.Span.StartLine, cpu.Span.StartColumn));

        Assert.Equal("gpu", At(root, "spec.template.spec.tolerations[0]").As<TreeMapping>().Str("key"));
        var key = root.Map("metadata")!.KeyNode("namespace")!;
        Assert.Equal(Find(source, "NamespaceProperty"), (key.Span.StartLine, key.Span.StartColumn));
    }

    [Fact]
    public void Dictionaries_and_constants_are_read()
    {
        var (_, root) = Build(Deployment);
        Assert.Equal("vllm", At(root, "metadata.labels.app").As<TreeScalar>().Value);
        Assert.Equal("ml-serving", At(root, "metadata.labels.team").As<TreeScalar>().Value);
        Assert.Equal("ml", At(root, "metadata.annotations.owner").As<TreeScalar>().Value);
    }

    [Fact]
    public void Calls_and_variables_are_unknown()
    {
        var (source, root) = Build(Deployment);
        var image = Assert.IsType<TreeScalar>(At(root, "spec.template.spec.containers[0].image"));
        Assert.Equal(NodeState.Unknown, image.State);
        Assert.Null(image.Value);
        Assert.Equal(Find(source, "config.Require"), (image.Span.StartLine, image.Span.StartColumn));
        Assert.True(At(root, "spec.template.spec.containers[0].securityContext.runAsNonRoot").IsUnknown);
        Assert.Null(TreeValues.Bool(At(root, "spec.template.spec.containers[0].securityContext.runAsNonRoot") as TreeScalar));
    }

    [Fact]
    public void Nodes_read_from_the_code_can_be_edited_and_unknown_ones_cannot()
    {
        var (_, root) = Build(Deployment);
        var keys = Walk(root).OfType<TreeMapping>().SelectMany(m => m.Entries.Select(e => (TreeNode)e.Key)).ToHashSet();
        Assert.All(Walk(root).Where(n => n.Origin is not null && !keys.Contains(n)), node => Assert.True(node.IsUnknown ? node.Editor is null : node.Editor is not null, node.ToString()));
    }

    [Theory]
    [InlineData("using k8s.Models;\nvar d = new V1Job { };", "batch/v1", "Job")]
    [InlineData("var d = new k8s.Models.V1StatefulSet { };", "apps/v1", "StatefulSet")]
    [InlineData("var d = new global::k8s.Models.V1DaemonSet();", "apps/v1", "DaemonSet")]
    [InlineData("using M = k8s.Models;\nvar d = new M.V1CronJob { };", "batch/v1", "CronJob")]
    [InlineData("using P = k8s.Models.V1Pod;\nvar d = new P { };", "v1", "Pod")]
    [InlineData("namespace App { using k8s.Models; class C { object D = new V1Pod { Kind = \"Pod\" }; } }", "v1", "Pod")]
    public void Model_names_resolve_through_usings_aliases_and_qualification(string text, string apiVersion, string kind)
    {
        var (_, root) = Build(text);
        Assert.Equal(apiVersion, root.Str("apiVersion"));
        Assert.Equal(kind, root.Str("kind"));
    }

    [Theory]
    [InlineData("namespace Mine { class V1Deployment { public object? Spec; } class C { object D = new V1Deployment { Spec = null }; } }")]
    [InlineData("using k8s.Models;\nnamespace Mine { class V1Deployment { } class C { object D = new V1Deployment { }; } }")]
    [InlineData("using k8s;\nvar d = new V1Deployment { };")]
    [InlineData("using static k8s.Models.V1Deployment;\nvar d = new V1Pod { };")]
    [InlineData("using k8s.Models;\nvar d = new V1Deployment(\"apps/v1\", \"Deployment\");")]
    public void Other_types_of_the_same_name_are_not_read(string text)
    {
        Assert.Empty(CSharpTree.Build(new SourceText("Mine.cs", text)));
    }

    [Fact]
    public void Only_the_outermost_model_is_a_root()
    {
        var roots = CSharpTree.Build(new SourceText("Infra.cs", "using k8s.Models;\nvar a = new V1Pod { };\nvar b = new V1Job { Spec = new V1JobSpec { Template = new V1PodTemplateSpec { } } };"));
        Assert.Equal(new[] { "Pod", "Job" }, roots.Select(r => r.Str("kind")));
    }

    [Theory]
    [InlineData("d.Spec.Replicas = 3;")]
    [InlineData("d.Spec.Template.Spec.Containers[0].SecurityContext = new V1SecurityContext { AllowPrivilegeEscalation = false };")]
    [InlineData("d?.Metadata.Labels[\"team\"] = \"ml\";")]
    [InlineData("d.Spec.Template.Spec.Containers.Add(new V1Container { Name = \"sidecar\" });")]
    public void An_object_changed_after_it_is_built_is_not_read(string change)
    {
        var roots = CSharpTree.Build(new SourceText("Infra.cs", "using k8s.Models;\nvar d = new V1Deployment { Spec = new V1DeploymentSpec { } };\n" + change + "\nvar p = new V1Pod { };\n"));
        Assert.Equal(new[] { "Pod" }, roots.Select(r => r.Str("kind")));
    }

    [Fact]
    public void Reading_an_object_or_changing_another_does_not_hide_it()
    {
        var roots = CSharpTree.Build(new SourceText("Infra.cs", "using k8s.Models;\nvar d = new V1Deployment { };\nvar other = new Thing();\nother.Spec = d.Spec;\nConsole.WriteLine(d.Metadata.Name);\n"));
        Assert.Equal(new[] { "Deployment" }, roots.Select(r => r.Str("kind")));
    }

    [Fact]
    public void A_broken_file_still_yields_what_parses()
    {
        var roots = CSharpTree.Build(new SourceText("Infra.cs", "using k8s.Models;\nvar a = new V1Pod { Spec = new V1PodSpec { HostNetwork = true, } ;; }} class {"));
        Assert.Equal("Pod", Assert.Single(roots).Str("kind"));
    }

    [Fact]
    public void A_local_object_declared_once_is_read_where_it_is_declared_without_an_editor()
    {
        const string Code = "using k8s.Models;\nvar labels = new Dictionary<string, string> { [\"app\"] = \"vllm\" };\nvar p = new V1Pod { Metadata = new V1ObjectMeta { Labels = labels } };\n";
        var labels = Assert.IsType<TreeMapping>(Assert.Single(CSharpTree.Build(new SourceText("Infra.cs", Code))).Map("metadata")!.Get("labels"));
        var app = labels.Scalar("app")!;

        Assert.Equal(("metadata.labels.app", "vllm", 2, 57), (app.Path, app.Value, app.Span.StartLine, app.Span.StartColumn));
        // The object is shared: a fix written into its declaration would change every object that uses it.
        Assert.Null(labels.Editor);
        Assert.Null(labels.EditAt("team"));
    }

    [Theory]
    [InlineData("labels.Add(\"team\", \"ml\");")]
    [InlineData("labels[\"team\"] = \"ml\";")]
    [InlineData("labels = new Dictionary<string, string>();")]
    [InlineData("var other = 1; { var labels2 = 2; } void F() { var labels = new Dictionary<string, string>(); }")]
    public void A_local_object_that_changes_or_is_declared_twice_is_unknown(string change)
    {
        string code = "using k8s.Models;\nvar labels = new Dictionary<string, string> { [\"app\"] = \"vllm\" };\n" + change + "\nvar p = new V1Pod { Metadata = new V1ObjectMeta { Labels = labels } };\n";
        var labels = Assert.Single(CSharpTree.Build(new SourceText("Infra.cs", code))).Map("metadata")!.Get("labels")!;

        Assert.True(labels.IsUnknown, labels.ToString());
    }

    private static IEnumerable<TreeNode> Walk(TreeNode node)
    {
        yield return node;
        IEnumerable<TreeNode> children = node switch
        {
            TreeMapping m => m.Entries.SelectMany(e => new[] { e.Key, e.Value }),
            TreeSequence s => s.Items,
            _ => Array.Empty<TreeNode>(),
        };
        foreach (var child in children)
            foreach (var n in Walk(child)) yield return n;
    }
}

internal static class NodeExtensions
{
    public static T As<T>(this TreeNode node) where T : TreeNode => Assert.IsType<T>(node);
}

public sealed class CSharpTreeShapeTests
{
    private static TreeMapping Root(string body) =>
        Assert.Single(CSharpTree.Build(new SourceText("Infra.cs", "using k8s.Models;\nvar p = " + body + ";\n")));

    [Fact]
    public void Collection_expressions_and_nested_initializers_are_read()
    {
        var root = Root("new V1Pod { Spec = { Containers = [new() { Name = \"a\" }, new V1Container { Name = \"b\" }] } }");
        var containers = root.Map("spec").Seq("containers")!;
        Assert.Equal(new[] { "a", "b" }, containers.Items.Cast<TreeMapping>().Select(c => c.Str("name")));
        Assert.Equal("spec.containers[1].name", containers.Items[1].As<TreeMapping>().Get("name")!.Path);
    }

    [Fact]
    public void Named_constructor_arguments_are_properties_and_positional_ones_make_the_object_unknown()
    {
        var root = Root("new V1Pod(metadata: new V1ObjectMeta(name: \"p\", namespaceProperty: \"ns\"), spec: new V1PodSpec(new List<V1Container>()))");
        Assert.Equal("p", root.Map("metadata").Str("name"));
        Assert.Equal("ns", root.Map("metadata").Str("namespace"));
        Assert.True(root.Get("spec")!.IsUnknown);
    }

    [Fact]
    public void Explicit_api_version_and_kind_win_over_the_type()
    {
        var root = Root("new V1Pod { ApiVersion = \"v1\", Kind = \"Pod\" }");
        Assert.Equal(2, root.Count);
        Assert.Equal(new[] { "apiVersion", "kind" }, root.Entries.Select(e => e.Key.Value));
    }

    [Theory]
    [InlineData("$\"{x}\"")]
    [InlineData("\"a\" + x")]
    [InlineData("\"a\" + 1")]
    [InlineData("x")]
    [InlineData("Get()")]
    [InlineData("x ?? \"a\"")]
    public void What_is_not_a_constant_is_unknown(string value)
    {
        var name = Root("new V1Pod { Metadata = new V1ObjectMeta { Name = " + value + " } }").Map("metadata")!.Get("name")!;
        Assert.True(name.IsUnknown);
        Assert.Null(Assert.IsType<TreeScalar>(name).Value);
    }

    [Theory]
    [InlineData("@\"a\\b\"", "a\\b")]
    [InlineData("\"a\" + \"b\"", "ab")]
    [InlineData("(\"a\")", "a")]
    [InlineData("$\"x-{\"y\"}\"", "x-y")]
    public void Constant_strings_are_read(string value, string expected)
    {
        var name = Assert.IsType<TreeScalar>(Root("new V1Pod { Metadata = new V1ObjectMeta { Name = " + value + " } }").Map("metadata")!.Get("name"));
        Assert.Equal(expected, name.Value);
        Assert.False(name.IsPlain);
    }
}
