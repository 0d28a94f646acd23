namespace InfraLint.Analyzers.Tests.Rules;

/// <summary>
/// The KubernetesClient programs of the rule tests (tests/InfraLint.Rules.Tests/CSharp/KubernetesClient), where each
/// rule is known to fire at an exact place, as whole programs: the analyzer compiles them without implicit usings.
/// The defaults are a well-configured inference Deployment and a GPU training Job.
/// </summary>
internal static class KubernetesCode
{
    public const string Image = "Image = \"vllm/vllm-openai:v0.6.3\"";
    public const string Security = "SecurityContext = new V1SecurityContext { AllowPrivilegeEscalation = false, RunAsNonRoot = true }";
    public const string Limits = "Resources = new V1ResourceRequirements { Limits = new Dictionary<string, ResourceQuantity> { [\"cpu\"] = \"4\", [\"memory\"] = \"16Gi\" } }";
    public const string Probe = "ReadinessProbe = new V1Probe { HttpGet = new V1HTTPGetAction { Path = \"/health\", Port = 8000 } }, LivenessProbe = new V1Probe { HttpGet = new V1HTTPGetAction { Path = \"/health\", Port = \"http\" } }";

    /// <summary>Metadata without a name: the workload's findings point at its <c>new X</c>.</summary>
    public const string Unnamed = "Metadata = new V1ObjectMeta { NamespaceProperty = \"serving\" },";

    public static string Container(string? image = null, string? security = null, string? resources = null, string? probe = null, string? more = null) =>
        string.Join(", ", new[] { image ?? Image, security ?? Security, resources ?? Limits, probe ?? Probe, more }.Where(p => !string.IsNullOrEmpty(p))) + ",";

    public static string Gpus(string count) =>
        $"Resources = new V1ResourceRequirements {{ Limits = new Dictionary<string, ResourceQuantity> {{ [\"cpu\"] = \"8\", [\"memory\"] = \"64Gi\", [\"nvidia.com/gpu\"] = {count} }} }}";

    public static string NodeSelector(string label, string value, string key = "NodeSelector") =>
        $"{key} = new Dictionary<string, string> {{ [\"{label}\"] = \"{value}\" }},";

    public static string Annotated(string name, string annotations) =>
        $"Metadata = new V1ObjectMeta {{ Name = \"{name}\", NamespaceProperty = \"serving\", Annotations = new Dictionary<string, string> {{ {annotations} }} }},";

    /// <summary>Marks the workload's <c>new X</c> (the place a finding about an unnamed workload points at).</summary>
    public static string Marked(string code, string id, string type) => code.Replace($"new {type}\n", $"{{|{id}:new {type}|}}\n");

    public static string Deployment(string pod = "HostNetwork = false,", string name = "Name = \"vllm\",", string? container = null, string extra = "", string metadata = "Metadata = new V1ObjectMeta { Name = \"vllm\", NamespaceProperty = \"serving\" },", string replicas = "Replicas = 2,", string template = "") => $$"""
        using System.Collections.Generic;
        using k8s.Models;

        var deployment = new V1Deployment
        {
            {{metadata}}
            Spec = new V1DeploymentSpec
            {
                {{replicas}}
                Template = new V1PodTemplateSpec
                {
                    {{template}}
                    Spec = new V1PodSpec
                    {
                        {{pod}}
                        Containers = new List<V1Container>
                        {
                            new V1Container
                            {
                                {{name}}
                                {{container ?? Container()}}
                            },
                        },
                    },
                },
            },
        };
        {{extra}}
        """;

    public const string Training = "Metadata = new V1ObjectMeta { Name = \"finetune\", NamespaceProperty = \"ml\", Annotations = new Dictionary<string, string> { [\"infralint.dev/role\"] = \"training\" } },";

    /// <summary>The training Job's metadata with <paramref name="labels"/> (<c>Labels = …,</c>) and more annotations after the role.</summary>
    public static string JobMetadata(string annotations = "", string labels = "") =>
        $"Metadata = new V1ObjectMeta {{ Name = \"finetune\", NamespaceProperty = \"ml\", {labels}Annotations = new Dictionary<string, string> {{ [\"infralint.dev/role\"] = \"training\"{annotations} }} }},";

    public const string JobGpus = "Image = \"ghcr.io/example/finetune:1\", Resources = new V1ResourceRequirements { Limits = new Dictionary<string, ResourceQuantity> { [\"nvidia.com/gpu\"] = \"8\" } },";

    public static string Job(string metadata = Training, string pod = "ServiceAccountName = \"trainer\",", string container = JobGpus, string extra = "") => $$"""
        using System.Collections.Generic;
        using k8s.Models;

        var job = new V1Job
        {
            {{metadata}}
            Spec = new V1JobSpec
            {
                Template = new V1PodTemplateSpec
                {
                    Spec = new V1PodSpec
                    {
                        {{pod}}
                        Containers = new List<V1Container>
                        {
                            new V1Container
                            {
                                Name = "train",
                                {{container}}
                            },
                        },
                        RestartPolicy = "Never",
                    },
                },
            },
        };
        {{extra}}
        """;
}
