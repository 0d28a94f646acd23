namespace InfraLint.Rules.Tests.CSharp.PulumiKubernetes;

/// <summary>
/// An inference Deployment written with Pulumi Kubernetes, every line fixed so that tests can name them: line 15 holds
/// the pod's settings, line 20 the container's name, line 21 its other properties, and resources added after it start
/// on line 28. The defaults are a well-configured container. Pulumi is not served here: these tests are syntactic.
/// </summary>
internal static class PulumiKubernetesCode
{
    public const string Image = "Image = \"vllm/vllm-openai:v0.6.3\"";
    public const string Security = "SecurityContext = new SecurityContextArgs { AllowPrivilegeEscalation = false, RunAsNonRoot = true }";
    public const string Limits = "Resources = new ResourceRequirementsArgs { Limits = { { \"cpu\", \"4\" }, { \"memory\", \"16Gi\" } } }";
    public const string Probe = "ReadinessProbe = new ProbeArgs { HttpGet = new HTTPGetActionArgs { Path = \"/health\", Port = 8000 } }, LivenessProbe = new ProbeArgs { HttpGet = new HTTPGetActionArgs { Path = \"/health\", Port = 8000 } }";

    public static string Container(string? image = null, string? security = null, string? resources = null, string? probe = null, string? more = null) =>
        string.Join(", ", new[] { image ?? Image, security ?? Security, resources ?? Limits, probe ?? Probe, more }.Where(p => !string.IsNullOrEmpty(p))) + ",";

    public static string Deployment(string pod = "HostNetwork = false,", string name = "Name = \"vllm\",", string? container = null, string extra = "", string metadata = "Metadata = new ObjectMetaArgs { Name = \"vllm\", Namespace = \"serving\" },", string replicas = "Replicas = 2,") => $$"""
        using Pulumi.Kubernetes.Types.Inputs.Core.V1;
        using Pulumi.Kubernetes.Types.Inputs.Apps.V1;
        using Pulumi.Kubernetes.Types.Inputs.Meta.V1;

        var deployment = new Pulumi.Kubernetes.Apps.V1.Deployment("vllm", new DeploymentArgs
        {
            {{metadata}}
            Spec = new DeploymentSpecArgs
            {
                {{replicas}}
                Template = new PodTemplateSpecArgs
                {
                    Spec = new PodSpecArgs
                    {
                        {{pod}}
                        Containers =
                        {
                            new ContainerArgs
                            {
                                {{name}}
                                {{container ?? Container()}}
                            },
                        },
                    },
                },
            },
        });
        {{extra}}
        """;
}
