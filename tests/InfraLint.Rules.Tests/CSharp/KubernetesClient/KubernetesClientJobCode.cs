namespace InfraLint.Rules.Tests.CSharp.KubernetesClient;

/// <summary>
/// A GPU training Job built with KubernetesClient models, every line fixed so that tests can name them: line 5 holds the
/// metadata, line 12 the pod's settings, line 18 the container's properties, and objects added after it start on line
/// 26. The defaults are a training Job (by its <c>infralint.dev/role</c> annotation) with 8 GPUs in namespace ml.
/// </summary>
internal static class KubernetesClientJobCode
{
    public const string Training = "Metadata = new V1ObjectMeta { Name = \"finetune\", NamespaceProperty = \"ml\", Annotations = new Dictionary<string, string> { [\"infralint.dev/role\"] = \"training\" } },";

    /// <summary>The training Job's metadata with <paramref name="labels"/> (<c>Labels = …,</c>) and more annotations after the role (<c>, ["key"] = "value"</c>).</summary>
    public static string Metadata(string annotations = "", string labels = "") =>
        $"Metadata = new V1ObjectMeta {{ Name = \"finetune\", NamespaceProperty = \"ml\", {labels}Annotations = new Dictionary<string, string> {{ [\"infralint.dev/role\"] = \"training\"{annotations} }} }},";

    public const string Gpus = "Image = \"ghcr.io/example/finetune:1\", Resources = new V1ResourceRequirements { Limits = new Dictionary<string, ResourceQuantity> { [\"nvidia.com/gpu\"] = \"8\" } },";

    public static string Job(string metadata = Training, string pod = "ServiceAccountName = \"trainer\",", string container = Gpus, string extra = "") => $$"""
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
