using System.Collections.Generic;
using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Apps.V1;
using Pulumi.Kubernetes.Types.Inputs.Core.V1;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;

// A GPU inference Deployment with Pulumi Kubernetes. Problems on purpose, for InfraLint to find: the image is not
// pinned, the pod shares the node's network, a GPU is requested without a limit, and a token is in plain text (a fake one).
public sealed class KubernetesStack : Stack
{
    public KubernetesStack()
    {
        var config = new Config();
        var appLabels = new InputMap<string> { { "app", "triton" } };

        var triton = new Pulumi.Kubernetes.Apps.V1.Deployment("triton", new DeploymentArgs
        {
            Metadata = new ObjectMetaArgs { Namespace = "inference" },
            Spec = new DeploymentSpecArgs
            {
                Replicas = 2,
                Selector = new LabelSelectorArgs { MatchLabels = appLabels },
                Template = new PodTemplateSpecArgs
                {
                    Metadata = new ObjectMetaArgs { Labels = appLabels },
                    Spec = new PodSpecArgs
                    {
                        HostNetwork = true,
                        Containers =
                        {
                            new ContainerArgs
                            {
                                Name = "triton",
                                Image = "nvcr.io/nvidia/tritonserver:latest",
                                Env = { new EnvVarArgs { Name = "NGC_API_KEY", Value = "nvapi-EXAMPLEexampleEXAMPLEexample0000" } },
                                Ports = { new ContainerPortArgs { Name = "http", ContainerPortValue = 8000 } },
                                SecurityContext = new SecurityContextArgs { AllowPrivilegeEscalation = false, RunAsNonRoot = true },
                                Resources = new ResourceRequirementsArgs
                                {
                                    Requests = { { "nvidia.com/gpu", "1" }, { "cpu", "4" } },
                                    Limits = { { "cpu", "8" }, { "memory", "32Gi" } },
                                },
                                ReadinessProbe = new ProbeArgs { HttpGet = new HTTPGetActionArgs { Path = "/v2/health/ready", Port = "http" } },
                                LivenessProbe = new ProbeArgs { HttpGet = new HTTPGetActionArgs { Path = "/v2/health/live", Port = "http" } },
                            },
                        },
                    },
                },
            },
        });

        // Scales whatever name Pulumi gave the Deployment: the target is an Output, so InfraLint counts it as an autoscaler of it.
        var autoscaler = new Pulumi.Kubernetes.Autoscaling.V2.HorizontalPodAutoscaler("triton", new Pulumi.Kubernetes.Types.Inputs.Autoscaling.V2.HorizontalPodAutoscalerArgs
        {
            Metadata = new ObjectMetaArgs { Namespace = "inference" },
            Spec = new Pulumi.Kubernetes.Types.Inputs.Autoscaling.V2.HorizontalPodAutoscalerSpecArgs
            {
                ScaleTargetRef = new Pulumi.Kubernetes.Types.Inputs.Autoscaling.V2.CrossVersionObjectReferenceArgs
                {
                    ApiVersion = "apps/v1",
                    Kind = "Deployment",
                    Name = triton.Metadata.Apply(m => m.Name),
                },
                MinReplicas = 2,
                MaxReplicas = 8,
            },
        });
    }
}
