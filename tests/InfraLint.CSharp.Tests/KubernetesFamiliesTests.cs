using System.Reflection;
using System.Text.Json.Serialization;
using InfraLint.Core.Locations;
using InfraLint.Core.Tree;
using InfraLint.CSharp.Families.Kubernetes;
using InfraLint.CSharp.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace InfraLint.CSharp.Tests;

/// <summary>The committed KubernetesClient table is what KubernetesClient 21.0.8's assembly says.</summary>
public sealed class KubernetesClientSchemaTests
{
    private static readonly Type[] Models = typeof(k8s.Models.V1Deployment).Assembly.GetExportedTypes()
        .Where(t => t.Namespace == "k8s.Models").ToArray();

    /// <summary>Two properties whose JSON name differs by type; both keep their camelCase name, which is right everywhere else.</summary>
    private static readonly HashSet<(string Type, string Property)> Exceptions = new() { ("V1DaemonEndpoint", "Port"), ("V1JSONSchemaProps", "Schema") };

    [Fact]
    public void The_package_is_the_version_the_table_was_generated_from() =>
        Assert.Equal("21.0.8", typeof(k8s.Models.V1Deployment).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0]);

    [Fact]
    public void Every_model_property_gets_its_json_name()
    {
        var wrong = new List<string>();
        foreach (var type in Models)
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                var json = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name;
                if (json is null || Exceptions.Contains((type.Name, property.Name))) continue;
                if (KubernetesClientModels.SchemaName(property.Name) != json) wrong.Add($"{type.Name}.{property.Name}: {KubernetesClientModels.SchemaName(property.Name)} != {json}");
            }
        Assert.Empty(wrong);
    }

    [Fact]
    public void The_constructor_table_lists_every_constructor_with_parameters_and_no_other()
    {
        var actual = Models
            .Select(t => (t.FullName!, t.GetConstructors().Where(c => c.GetParameters().Length > 0).Select(c => string.Join(",", c.GetParameters().Select(p => p.Name))).OrderBy(s => s, StringComparer.Ordinal).ToArray()))
            .Where(t => t.Item2.Length > 0)
            .ToDictionary(t => t.Item1, t => t.Item2);
        var table = KubernetesClientSchema.Constructors.ToDictionary(kv => kv.Key, kv => kv.Value.Select(c => string.Join(",", c)).OrderBy(s => s, StringComparer.Ordinal).ToArray());
        Assert.Equal(actual.Keys.Order(), table.Keys.Order());
        foreach (var (type, constructors) in actual) Assert.Equal(constructors, table[type]);
        // No model of the kinds InfraLint reads has one: new V1ContainerPort(8000) is older KubernetesClient.
        Assert.DoesNotContain(table.Keys, k => k.StartsWith("k8s.Models.V1", StringComparison.Ordinal) && k != "k8s.Models.V1Patch");
    }

    [Fact]
    public void Kinds_are_the_types_own_group_version_and_kind()
    {
        foreach (var (name, (apiVersion, kind)) in KubernetesClientSchema.Kinds)
        {
            var type = Models.Single(t => t.FullName == name);
            var group = (string)type.GetField("KubeGroup")!.GetValue(null)!;
            var version = (string)type.GetField("KubeApiVersion")!.GetValue(null)!;
            Assert.Equal(group.Length == 0 ? version : group + "/" + version, apiVersion);
            Assert.Equal((string)type.GetField("KubeKind")!.GetValue(null)!, kind);
        }
    }
}

public sealed class KubernetesClientValueFormTests
{
    private static TreeMapping Root(string body, SemanticModel? model = null) =>
        Assert.Single(CSharpTree.Build(new SourceText("Infra.cs", "using k8s.Models;\nvar p = " + body + ";\n")));

    [Fact]
    public void Int_or_string_is_the_value_it_holds()
    {
        var root = Root("new V1Service { Spec = new V1ServiceSpec { Ports = new List<V1ServicePort> { new V1ServicePort { Port = 80, TargetPort = new IntOrString { Value = \"http\" } }, new() { Port = 81, TargetPort = 8000 } } } }");
        var ports = root.Map("spec").Seq("ports")!.Items.Cast<TreeMapping>().ToArray();
        Assert.Equal("http", ports[0].Str("targetPort"));
        Assert.Equal("8000", ports[1].Scalar("targetPort")!.Value);
    }

    [Fact]
    public void Int_or_string_built_from_something_else_is_unknown()
    {
        var root = Root("new V1Service { Spec = new V1ServiceSpec { Ports = new List<V1ServicePort> { new V1ServicePort { TargetPort = new IntOrString { Value = Port() } } } } }");
        Assert.True(root.Map("spec").Seq("ports")!.Items[0].As<TreeMapping>().Get("targetPort")!.IsUnknown);
    }

    [Fact]
    public void Json_names_come_from_the_table()
    {
        var root = Root("new V1Pod { Spec = new V1PodSpec { Affinity = new V1Affinity { NodeAffinity = new V1NodeAffinity { RequiredDuringSchedulingIgnoredDuringExecution = new V1NodeSelector { NodeSelectorTerms = new List<V1NodeSelectorTerm> { new() { MatchExpressions = new List<V1NodeSelectorRequirement> { new() { Key = \"k\", OperatorProperty = \"In\" } } } } } } } } }");
        var term = root.Map("spec").Map("affinity").Map("nodeAffinity").Map("requiredDuringSchedulingIgnoredDuringExecution").Seq("nodeSelectorTerms")!.Items[0].As<TreeMapping>();
        Assert.Equal("In", term.Seq("matchExpressions")!.Items[0].As<TreeMapping>().Str("operator"));
    }

    [Fact]
    public void Positional_arguments_are_unknown_without_a_compilation_since_no_21_0_8_model_has_such_a_constructor()
    {
        var root = Root("new V1Pod { Spec = new V1PodSpec { Containers = new List<V1Container> { new V1Container(\"a\") { Ports = new List<V1ContainerPort> { new V1ContainerPort(8000) } } } } }");
        Assert.True(root.Map("spec").Seq("containers")!.Items[0].IsUnknown);
        Assert.Empty(CSharpTree.Build(new SourceText("Infra.cs", "using k8s.Models;\nvar p = new V1Pod(new V1ObjectMeta { Name = \"a\" });\n")));
    }

    /// <summary>KubernetesClient before 13 built models through constructors; a compilation against such a version binds them.</summary>
    private const string OldModels = """
        namespace k8s.Models
        {
            public class V1Pod { public V1Pod() { } public V1Pod(string apiVersion = null, string kind = null, V1ObjectMeta metadata = null, V1PodSpec spec = null) { } public string ApiVersion { get; set; } public string Kind { get; set; } public V1ObjectMeta Metadata { get; set; } public V1PodSpec Spec { get; set; } }
            public class V1ObjectMeta { public V1ObjectMeta(string name = null, string namespaceProperty = null) { } public string Name { get; set; } }
            public class V1PodSpec { public V1PodSpec(System.Collections.Generic.IList<V1Container> containers) { } public bool? HostNetwork { get; set; } }
            public class V1Container { public V1Container(string name, System.Collections.Generic.IList<V1ContainerPort> ports = null) { } public string Image { get; set; } }
            public class V1ContainerPort { public V1ContainerPort(int containerPort, string hostIP = null) { } }
        }
        """;

    [Fact]
    public void Positional_arguments_take_the_names_of_the_constructor_the_compiler_bound()
    {
        const string code = """
            using k8s.Models;
            using System.Collections.Generic;
            static class Infra
            {
                static object Pod() => new V1Pod("v1", "Pod", new V1ObjectMeta("triton", "serving"), new V1PodSpec(new List<V1Container> { new V1Container("triton", new List<V1ContainerPort> { new V1ContainerPort(8000) }) { Image = "x" } }) { HostNetwork = true });
            }
            """;
        var tree = CSharpSyntaxTree.ParseText(code, CSharpTree.ParseOptions, "Infra.cs");
        var models = CSharpSyntaxTree.ParseText(OldModels, CSharpTree.ParseOptions, "Models.cs");
        var compilation = CSharpCompilation.Create("Infra", new[] { tree, models },
            ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Where(p => p.EndsWith("System.Runtime.dll") || p.EndsWith("System.Private.CoreLib.dll") || p.EndsWith("System.Collections.dll")).Select(p => MetadataReference.CreateFromFile(p)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var source = new SourceText("Infra.cs", code);
        var root = Assert.Single(CSharpTree.Build(source, tree.GetCompilationUnitRoot(), compilation.GetSemanticModel(tree)));
        Assert.Equal("Pod", root.Str("kind"));
        Assert.Equal("triton", root.Map("metadata").Str("name"));
        Assert.Equal("serving", root.Map("metadata").Str("namespace"));
        Assert.Equal("true", root.Map("spec").Scalar("hostNetwork")!.Value);
        var container = root.Map("spec").Seq("containers")!.Items[0].As<TreeMapping>();
        Assert.Equal("triton", container.Str("name"));
        Assert.Equal("x", container.Str("image"));
        var port = container.Seq("ports")!.Items[0].As<TreeMapping>().Scalar("containerPort")!;
        Assert.Equal("8000", port.Value);
        Assert.Equal("spec.containers[0].ports[0].containerPort", port.Path);
        Assert.Equal(source.LineColumn(code.IndexOf("8000", StringComparison.Ordinal)), (port.Span.StartLine, port.Span.StartColumn));
        // Syntactically the same code is not read: the 21.0.8 table has no such constructor.
        Assert.Empty(CSharpTree.Build(source));
    }
}

public sealed class PulumiKubernetesTreeTests
{
    private static (SourceText Source, TreeMapping Root) Build(string body)
    {
        var source = new SourceText("Infra.cs", "using Pulumi.Kubernetes.Types.Inputs.Core.V1;\nusing Pulumi.Kubernetes.Types.Inputs.Apps.V1;\nusing Pulumi.Kubernetes.Types.Inputs.Meta.V1;\n" + body);
        return (source, Assert.Single(CSharpTree.Build(source)));
    }

    private const string Deployment = """
        var deployment = new Pulumi.Kubernetes.Apps.V1.Deployment("triton", new DeploymentArgs
        {
            Metadata = new ObjectMetaArgs { Labels = { { "app", "triton" } } },
            Spec = new DeploymentSpecArgs
            {
                Replicas = 2,
                Selector = new LabelSelectorArgs { MatchLabels = { { "app", "triton" } } },
                Template = new PodTemplateSpecArgs
                {
                    Metadata = new ObjectMetaArgs { Labels = new InputMap<string> { { "app", "triton" } } },
                    Spec = new PodSpecArgs
                    {
                        Containers =
                        {
                            new ContainerArgs
                            {
                                Name = "triton",
                                Image = image.Apply(i => i + ":1"),
                                Ports = { new ContainerPortArgs { ContainerPortValue = 8000 } },
                                Resources = new ResourceRequirementsArgs { Limits = { { "nvidia.com/gpu", "1" } } },
                            },
                        },
                    },
                },
            },
        });
        """;

    [Fact]
    public void A_deployment_reads_like_its_yaml()
    {
        var (source, root) = Build(Deployment);
        Assert.Equal("apps/v1", root.Str("apiVersion"));
        Assert.Equal("Deployment", root.Str("kind"));
        Assert.Equal("triton", root.Map("metadata").Map("labels").Str("app"));
        var container = root.Map("spec").Map("template").Map("spec").Seq("containers")!.Items[0].As<TreeMapping>();
        Assert.Equal("triton", container.Str("name"));
        Assert.True(container.Get("image")!.IsUnknown);
        Assert.Equal("8000", container.Seq("ports")!.Items[0].As<TreeMapping>().Scalar("containerPort")!.Value);
        Assert.Equal("1", container.Map("resources").Map("limits").Str("nvidia.com/gpu"));
        Assert.Equal("triton", root.Map("spec").Map("template").Map("metadata").Map("labels").Str("app"));
        Assert.Equal(source.LineColumn(source.Text.IndexOf("new Pulumi", StringComparison.Ordinal)), (root.HeadSpan.StartLine, root.HeadSpan.StartColumn));
    }

    [Fact]
    public void Without_a_name_the_object_is_auto_named_from_the_resource_name()
    {
        var (_, root) = Build(Deployment);
        Assert.Null(root.Map("metadata")!.Get("name"));
        Assert.Equal("triton-", root.Map("metadata").Str("generateName"));
        var (_, named) = Build("var p = new Pulumi.Kubernetes.Core.V1.Pod(\"p\", new PodArgs { Metadata = new ObjectMetaArgs { Name = \"pod-a\" } });");
        Assert.Equal("pod-a", named.Map("metadata").Str("name"));
        Assert.Null(named.Map("metadata")!.Get("generateName"));
        var (_, bare) = Build("var p = new Pulumi.Kubernetes.Core.V1.Pod(\"p\", new PodArgs { Spec = new PodSpecArgs() });");
        Assert.Equal("p-", bare.Map("metadata").Str("generateName"));
        var (_, unknown) = Build("var p = new Pulumi.Kubernetes.Core.V1.Pod(config.Require(\"n\"), new PodArgs { Spec = new PodSpecArgs() });");
        Assert.Null(unknown.Get("metadata"));
    }

    [Fact]
    public void Named_and_target_typed_args_are_read()
    {
        var (_, root) = Build("var p = new Pulumi.Kubernetes.Core.V1.Pod(name: \"p\", args: new() { Spec = new PodSpecArgs { HostNetwork = true } }, options: null);");
        Assert.Equal("true", root.Map("spec").Scalar("hostNetwork")!.Value);
    }

    [Theory]
    [InlineData("namespace App { class Deployment { public Deployment(string n, object a) { } } class C { object D() => new Deployment(\"x\", new DeploymentArgs { Spec = new DeploymentSpecArgs() }); } }")]
    [InlineData("using Mine;\nvar d = new Deployment(\"x\", new DeploymentArgs { Spec = new DeploymentSpecArgs() });")]
    public void Other_types_named_deployment_are_not_read(string body)
    {
        Assert.Empty(CSharpTree.Build(new SourceText("Infra.cs", "using Pulumi.Kubernetes.Types.Inputs.Apps.V1;\n" + body)));
    }

    [Fact]
    public void A_deployment_imported_by_namespace_is_read()
    {
        var (_, root) = Build("using Pulumi.Kubernetes.Apps.V1;\nvar d = new Deployment(\"x\", new DeploymentArgs { Spec = new DeploymentSpecArgs { Replicas = 1 } });");
        Assert.Equal("Deployment", root.Str("kind"));
    }

    [Fact]
    public void Value_is_dropped_only_where_pulumi_added_it()
    {
        Assert.Equal("containerPort", PulumiKubernetes.SchemaName("ContainerPortValue", "ContainerPort"));
        Assert.Equal("value", PulumiKubernetes.SchemaName("Value", "EnvVar"));
        Assert.Equal("intValue", PulumiKubernetes.SchemaName("IntValue", "Other"));
        Assert.Equal("namespace", PulumiKubernetes.SchemaName("Namespace", "ObjectMeta"));
    }
}
