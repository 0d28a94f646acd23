using InfraLint.Core.Locations;
using InfraLint.Core.Tree;
using InfraLint.Yaml.Parsing;
using InfraLint.Yaml.Syntax;

namespace InfraLint.Yaml.Tests;

/// <summary>The YAML front end's located tree: spans, head spans, logical paths, plain scalars, tags and the three states.</summary>
public sealed class YamlTreeTests
{
    private static TreeMapping Tree(string yaml)
    {
        var source = new SourceText("t.yaml", yaml);
        var (documents, failures) = YamlDocumentLoader.Load(source);
        Assert.Empty(failures);
        return Assert.IsType<TreeMapping>(YamlTree.Build(documents.Single().RootNode, source));
    }

    private static (int, int, int, int) Pos(SourceSpan s) => (s.StartLine, s.StartColumn, s.EndLine, s.EndColumn);

    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: "vllm"
        spec:
          replicas: 2
          template:
            spec:
              containers:
                - name: vllm
                  ports: [{containerPort: 8000}]
        """;

    [Fact]
    public void Scalars_have_their_exact_span_path_and_quoting()
    {
        var root = Tree(Deployment);
        var name = root.Map("metadata").Scalar("name")!;
        var replicas = root.Map("spec").Scalar("replicas")!;

        Assert.Equal(("vllm", false, "metadata.name", (4, 9, 4, 15)), (name.Value, name.IsPlain, name.Path, Pos(name.Span)));
        Assert.Equal(("2", true, "spec.replicas", (6, 13, 6, 14)), (replicas.Value, replicas.IsPlain, replicas.Path, Pos(replicas.Span)));
        Assert.Equal(2L, TreeValues.Long(replicas));
        Assert.Equal(NodeState.Present, replicas.State);
    }

    [Fact]
    public void Collections_have_a_head_span_on_their_first_line_and_items_are_indexed_in_paths()
    {
        var root = Tree(Deployment);
        var containers = root.Map("spec").Map("template").Map("spec").Seq("containers")!;
        var container = Assert.IsType<TreeMapping>(containers.Items[0]);
        var port = Assert.IsType<TreeMapping>(container.Seq("ports")!.Items[0]);

        // A block collection starts at its first entry: the list at "- name: vllm", to the end of that line.
        Assert.Equal(("spec.template.spec.containers", (10, 9, 10, 21)), (containers.Path, Pos(containers.HeadSpan)));
        Assert.Equal("spec.template.spec.containers[0]", container.Path);
        Assert.Equal(("spec.template.spec.containers[0].ports[0].containerPort", (11, 35, 11, 39)), (port.Scalar("containerPort")!.Path, Pos(port.Scalar("containerPort")!.Span)));
        Assert.True(port.IsFlow);
        Assert.False(container.IsFlow);
    }

    [Fact]
    public void An_absent_key_is_a_missing_node_at_its_parents_head_with_the_path_it_would_have()
    {
        var root = Tree(Deployment);
        var missing = root.Map("spec")!.At("strategy");

        // spec's mapping starts at its first entry, "replicas: 2".
        Assert.Equal((NodeState.Missing, "spec.strategy", (6, 3, 6, 14)), (missing.State, missing.Path, Pos(missing.Span)));
        Assert.Null(root.Map("spec")!.Get("strategy"));
    }

    [Fact]
    public void An_application_tag_makes_a_node_unknown_and_is_kept_but_a_core_schema_tag_is_not()
    {
        var root = Tree("""
            a: !Ref InstanceType
            b: !Sub "arn:${AWS::Partition}:s3:::x"
            c: !!str 8080
            d: !GetAtt [Model, ModelName]
            e: !override [1, 2]
            """);

        var a = root.Scalar("a")!;
        Assert.Equal((NodeState.Unknown, "!Ref", "InstanceType"), (a.State, a.Tag, a.Value));
        Assert.Null(TreeValues.Text(a));
        Assert.Equal((NodeState.Unknown, "!Sub"), (root.Get("b")!.State, root.Get("b")!.Tag));
        Assert.Equal((NodeState.Present, (string?)null, "8080"), (root.Get("c")!.State, root.Get("c")!.Tag, TreeValues.Text(root.Scalar("c"))));
        Assert.Equal((NodeState.Unknown, "!GetAtt", 2), (root.Get("d")!.State, root.Get("d")!.Tag, root.Seq("d")!.Count));
        Assert.Equal((NodeState.Present, "!override"), (root.Get("e")!.State, root.Get("e")!.Tag));
    }

    [Fact]
    public void An_alias_is_read_at_its_own_path_with_the_anchors_spans()
    {
        var root = Tree("""
            defaults: &d
              cpu: "1"
            app:
              limits: *d
            """);

        var cpu = root.Map("app").Map("limits").Scalar("cpu")!;
        Assert.Equal(("app.limits.cpu", (2, 8, 2, 11)), (cpu.Path, Pos(cpu.Span)));
    }

    [Fact]
    public void Yaml_booleans_and_nulls_are_plain_scalars_only()
    {
        var root = Tree("a: yes\nb: \"true\"\nc: ~\nd: \"~\"\n");

        Assert.Equal((true, (bool?)null), (TreeValues.Bool(root.Scalar("a")), TreeValues.Bool(root.Scalar("b"))));
        Assert.Equal(((string?)null, "~"), (root.Str("c"), root.Str("d")));
    }

    [Fact]
    public void The_editor_sets_an_existing_value_in_place_and_inserts_a_missing_one_with_its_parents()
    {
        var root = Tree(Deployment);
        var spec = root.Map("spec")!;

        var replace = Assert.Single(spec.EditAt("replicas")!.Set(4));
        var insert = spec.EditAt("strategy", "type")!.Set("RollingUpdate");

        Assert.Equal(("4", (6, 13, 6, 14)), (replace.NewText, Pos(replace.Span)));
        Assert.Contains("strategy:", string.Concat(insert.Select(e => e.NewText)));
        Assert.Contains("type: RollingUpdate", string.Concat(insert.Select(e => e.NewText)));
    }

    [Fact]
    public void A_merge_key_adds_the_anchors_entries_at_the_merging_path_with_the_anchors_spans()
    {
        var root = Tree("""
            x-gpu: &gpu
              privileged: true
              image: a:1
            services:
              vllm:
                <<: *gpu
                image: b:2
            """);

        var vllm = root.Map("services").Map("vllm")!;
        var privileged = vllm.Scalar("privileged")!;
        Assert.Equal(("services.vllm.privileged", (2, 15, 2, 19)), (privileged.Path, Pos(privileged.Span)));
        // The mapping's own key wins over the merged one, wherever it is written; the merge key itself is no entry.
        Assert.Equal("b:2", vllm.Str("image"));
        Assert.Equal(new[] { "privileged", "image" }, vllm.Entries.Select(e => e.Key.Value));
        // Editing the merged value in place would change every service that merges the anchor.
        Assert.Null(privileged.Editor);
    }

    [Fact]
    public void Merges_from_a_list_take_the_first_source_that_sets_a_key_and_nest_through_anchors()
    {
        var root = Tree("""
            base: &base {user: root, read_only: false}
            gpu: &gpu
              <<: *base
              user: "1000"
              runtime: nvidia
            svc:
              <<: [*gpu, {runtime: runc, cap_add: [SYS_ADMIN]}]
            quoted:
              "<<": *gpu
            """);

        var svc = root.Map("svc")!;
        Assert.Equal(("1000", "nvidia", "false"), (svc.Str("user"), svc.Str("runtime"), svc.Str("read_only")));
        Assert.Equal("svc.cap_add[0]", ((TreeSequence)svc.Get("cap_add")!).Items[0].Path);
        // A quoted << is an ordinary key.
        Assert.Null(root.Map("quoted")!.Get("user"));
        Assert.NotNull(root.Map("quoted")!.Get("<<"));
    }

    [Fact]
    public void A_fix_to_a_merged_value_is_a_local_override_and_below_a_merged_mapping_there_is_none()
    {
        const string Yaml = """
            x-ctx: &ctx
              securityContext:
                runAsUser: 0
              privileged: true
            app:
              <<: *ctx
              name: api
            """;
        var app = Tree(Yaml).Map("app")!;

        var overrideEdit = Assert.Single(app.EditAt("privileged")!.Set(false));
        Assert.Equal((7, 12), (overrideEdit.Span.StartLine, overrideEdit.Span.StartColumn));
        Assert.Equal("\n  privileged: false", overrideEdit.NewText.Replace("\r", string.Empty));
        // A local securityContext would replace the merged one as a whole (merges are shallow), dropping runAsUser.
        Assert.Empty(app.EditAt("securityContext", "runAsNonRoot")!.Set(true));
    }

    [Fact]
    public void An_entry_after_a_merge_written_last_is_inserted_after_the_merge_line_not_at_the_anchor()
    {
        const string Yaml = "x: &x\n  a: 1\n  b: 2\napp:\n  name: api\n  <<: *x\nnext: 1\n";
        var app = Tree(Yaml).Map("app")!;

        var edit = Assert.Single(app.EditAt("c")!.Set(3));
        Assert.Equal((6, 9), (edit.Span.StartLine, edit.Span.StartColumn));
        Assert.Equal("\n  c: 3", edit.NewText);
    }

    [Fact]
    public void A_setter_kept_for_later_edits_as_EditAt_does()
    {
        var spec = Tree(Deployment).Map("spec")!;
        var set = spec.Setter()!;

        static string Describe(IReadOnlyList<Core.Fixes.TextEdit> edits) =>
            string.Join(" | ", edits.Select(e => $"{e.Span.StartOffset}+{e.Span.Length}:{e.NewText}"));
        Assert.Equal(Describe(spec.EditAt("replicas")!.Set(4)), Describe(set("replicas")!.Set(4)));
        Assert.Equal(Describe(spec.EditAt("strategy", "type")!.Set("RollingUpdate")), Describe(spec.Setter("strategy")!("type")!.Set("RollingUpdate")));
    }

    [Fact]
    public void A_setter_kept_for_later_does_not_keep_the_located_tree_alive()
    {
        // Facts keep setters for the labels and limits a rule may ask to set; the tree of every file must not stay with them.
        var (tree, set) = TreeAndSetter();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(tree.IsAlive);
        Assert.NotNull(set("replicas"));
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static (WeakReference Tree, Func<string, Core.Fixes.EditTarget?> Set) TreeAndSetter()
    {
        var spec = Tree(Deployment).Map("spec")!;
        return (new WeakReference(spec), spec.Setter()!);
    }

    [Fact]
    public void A_setter_from_below_a_missing_path_keeps_neither_the_tree_nor_the_YAML_alive()
    {
        // A Pod without labels: the setter starts from metadata and must still let the tree and every YAML node go.
        var (tree, node, set) = TreeAndLabelSetter();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(tree.IsAlive);
        Assert.False(node.IsAlive);
        var edit = Assert.Single(set("app")!.Set("ml"));
        Assert.Equal(("\n  labels:\n    app: ml", 4), (edit.NewText, edit.Span.StartLine));
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static (WeakReference Tree, WeakReference Node, Func<string, Core.Fixes.EditTarget?> Set) TreeAndLabelSetter()
    {
        var root = Tree("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers: []\n");
        var metadata = root.Map("metadata")!;
        return (new WeakReference(root), new WeakReference(metadata.Origin), root.Setter("metadata", "labels")!);
    }

    [Fact]
    public void An_edit_target_does_not_keep_its_YAML_document_alive()
    {
        // Each fact keeps the targets of the fixes a rule may offer; the documents they came from must be able to go.
        var (document, target) = DocumentAndTarget();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(document.IsAlive);
        var edit = Assert.Single(target.Set(4));
        Assert.Equal(("4", 6), (edit.NewText, edit.Span.StartLine));
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static (WeakReference Document, Core.Fixes.EditTarget Target) DocumentAndTarget()
    {
        var source = new SourceText("t.yaml", Deployment);
        var (documents, _) = YamlDocumentLoader.Load(source);
        var root = (YamlDotNet.RepresentationModel.YamlMappingNode)documents.Single().RootNode;
        return (new WeakReference(root), new Editing.YamlEditTarget(source, root, "spec", "replicas"));
    }

    [Theory]
    [InlineData("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n    app: x\n")]
    [InlineData("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n")]
    [InlineData("apiVersion: v1\nkind: Pod\n")]
    [InlineData("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels: {app: x}\n")]
    [InlineData("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n")]
    [InlineData("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n    app: |\n      x\n    team: \"\"\n")]
    [InlineData("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n    app:\n    team: [a]\n")]
    [InlineData("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels: ~\n")]
    [InlineData("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels: []\n")]
    [InlineData("d: &d\n  labels:\n    app: x\napiVersion: v1\nkind: Pod\nmetadata:\n  <<: *d\n  name: p\n")]
    [InlineData("d: &d\n  app: x\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n    <<: *d\n    team: y\n")]
    public void A_setter_from_below_a_path_edits_as_EditAt_of_the_whole_path(string yaml)
    {
        // The setter starts from as much of metadata.labels as the document has, and must write what EditAt from the root writes.
        var root = Tree(yaml);
        var set = root.Setter("metadata", "labels")!;

        static string Describe(IReadOnlyList<Core.Fixes.TextEdit> edits) =>
            string.Join(" | ", edits.Select(e => $"{e.Span.StartOffset}+{e.Span.Length}:{e.NewText}"));
        foreach (var key in new[] { "app", "team", "tier" })
            Assert.Equal(Describe(root.EditAt("metadata", "labels", key)!.Set("ml")), Describe(set(key)!.Set("ml")));
    }
}

