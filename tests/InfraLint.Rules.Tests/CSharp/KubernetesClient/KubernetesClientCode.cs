namespace InfraLint.Rules.Tests.CSharp.KubernetesClient;

/// <summary>
/// An inference Deployment built with KubernetesClient models, every line fixed so that tests can name them: line 13
/// holds the pod's settings, line 18 the container's name, line 19 its other properties, and objects added after it
/// start on line 26. The defaults are a well-configured container.
/// </summary>
internal static class KubernetesClientCode
{
    public const string Image = "Image = \"vllm/vllm-openai:v0.6.3\"";
    public const string Security = "SecurityContext = new V1SecurityContext { AllowPrivilegeEscalation = false, RunAsNonRoot = true }";
    public const string Limits = "Resources = new V1ResourceRequirements { Limits = new Dictionary<string, ResourceQuantity> { [\"cpu\"] = \"4\", [\"memory\"] = \"16Gi\" } }";
    public const string Probe = "ReadinessProbe = new V1Probe { HttpGet = new V1HTTPGetAction { Path = \"/health\", Port = 8000 } }, LivenessProbe = new V1Probe { HttpGet = new V1HTTPGetAction { Path = \"/health\", Port = \"http\" } }";

    public static string Container(string? image = null, string? security = null, string? resources = null, string? probe = null, string? more = null) =>
        string.Join(", ", new[] { image ?? Image, security ?? Security, resources ?? Limits, probe ?? Probe, more }.Where(p => !string.IsNullOrEmpty(p))) + ",";

    public static string Deployment(string pod = "HostNetwork = false,", string name = "Name = \"vllm\",", string? container = null, string extra = "", string metadata = "Metadata = new V1ObjectMeta { Name = \"vllm\", NamespaceProperty = \"serving\" },", string replicas = "Replicas = 2,") => $$"""
        using k8s.Models;

        var deployment = new V1Deployment
        {
            {{metadata}}
            Spec = new V1DeploymentSpec
            {
                {{replicas}}
                Template = new V1PodTemplateSpec
                {
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
}
