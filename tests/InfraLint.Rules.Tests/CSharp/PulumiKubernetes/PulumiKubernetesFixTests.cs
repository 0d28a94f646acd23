using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.CSharp.PulumiKubernetes;

/// <summary>
/// Fixes written in Pulumi Kubernetes C#: args properties replaced in place or added in the file's layout, new objects
/// as the args type the property holds (qualified as the file can name it), <c>InputMap</c> entries as
/// <c>{ "key", "value" }</c> pairs. Pulumi is not served here: the fixed code is parsed, not compiled.
/// </summary>
public sealed class PulumiKubernetesFixTests
{
    [Fact]
    public void IL2006_a_privileged_container_is_set_back_to_unprivileged() => CSharpVerify.Fix("IL2006", """
            using Pulumi;
            using Pulumi.Kubernetes.Types.Inputs.Core.V1;
            using Pulumi.Kubernetes.Types.Inputs.Apps.V1;
            using Pulumi.Kubernetes.Types.Inputs.Meta.V1;

            var deployment = new Pulumi.Kubernetes.Apps.V1.Deployment("vllm", new DeploymentArgs
            {
                Metadata = new ObjectMetaArgs { Name = "vllm", Namespace = "serving" },
                Spec = new DeploymentSpecArgs
                {
                    Replicas = 2,
                    Template = new PodTemplateSpecArgs
                    {
                        Spec = new PodSpecArgs
                        {
                            HostNetwork = false,
                            Containers =
                            {
                                new ContainerArgs
                                {
                                    Name = "vllm",
                                    Image = "vllm/vllm-openai:v0.6.3",
                                    SecurityContext = new SecurityContextArgs { AllowPrivilegeEscalation = false, RunAsNonRoot = true, Privileged = true },
                                    Resources = new ResourceRequirementsArgs { Limits = { { "cpu", "4" }, { "memory", "16Gi" } } },
                                },
                            },
                        },
                    },
                },
            });
            """, """
            using Pulumi;
            using Pulumi.Kubernetes.Types.Inputs.Core.V1;
            using Pulumi.Kubernetes.Types.Inputs.Apps.V1;
            using Pulumi.Kubernetes.Types.Inputs.Meta.V1;

            var deployment = new Pulumi.Kubernetes.Apps.V1.Deployment("vllm", new DeploymentArgs
            {
                Metadata = new ObjectMetaArgs { Name = "vllm", Namespace = "serving" },
                Spec = new DeploymentSpecArgs
                {
                    Replicas = 2,
                    Template = new PodTemplateSpecArgs
                    {
                        Spec = new PodSpecArgs
                        {
                            HostNetwork = false,
                            Containers =
                            {
                                new ContainerArgs
                                {
                                    Name = "vllm",
                                    Image = "vllm/vllm-openai:v0.6.3",
                                    SecurityContext = new SecurityContextArgs { AllowPrivilegeEscalation = false, RunAsNonRoot = true, Privileged = false },
                                    Resources = new ResourceRequirementsArgs { Limits = { { "cpu", "4" }, { "memory", "16Gi" } } },
                                },
                            },
                        },
                    },
                },
            });
            """, compiles: false);

    [Fact]
    public void IL2006_AllowPrivilegeEscalation_is_added_to_the_security_context() => CSharpVerify.Fix("IL2006", """
            using Pulumi;
            using Pulumi.Kubernetes.Types.Inputs.Core.V1;
            using Pulumi.Kubernetes.Types.Inputs.Apps.V1;
            using Pulumi.Kubernetes.Types.Inputs.Meta.V1;

            var deployment = new Pulumi.Kubernetes.Apps.V1.Deployment("vllm", new DeploymentArgs
            {
                Metadata = new ObjectMetaArgs { Name = "vllm", Namespace = "serving" },
                Spec = new DeploymentSpecArgs
                {
                    Replicas = 2,
                    Template = new PodTemplateSpecArgs
                    {
                        Spec = new PodSpecArgs
                        {
                            HostNetwork = false,
                            Containers =
                            {
                                new ContainerArgs
                                {
                                    Name = "vllm",
                                    Image = "vllm/vllm-openai:v0.6.3",
                                    SecurityContext = new SecurityContextArgs { RunAsNonRoot = true },
                                    Resources = new ResourceRequirementsArgs { Limits = { { "cpu", "4" }, { "memory", "16Gi" } } },
                                },
                            },
                        },
                    },
                },
            });
            """, """
            using Pulumi;
            using Pulumi.Kubernetes.Types.Inputs.Core.V1;
            using Pulumi.Kubernetes.Types.Inputs.Apps.V1;
            using Pulumi.Kubernetes.Types.Inputs.Meta.V1;

            var deployment = new Pulumi.Kubernetes.Apps.V1.Deployment("vllm", new DeploymentArgs
            {
                Metadata = new ObjectMetaArgs { Name = "vllm", Namespace = "serving" },
                Spec = new DeploymentSpecArgs
                {
                    Replicas = 2,
                    Template = new PodTemplateSpecArgs
                    {
                        Spec = new PodSpecArgs
                        {
                            HostNetwork = false,
                            Containers =
                            {
                                new ContainerArgs
                                {
                                    Name = "vllm",
                                    Image = "vllm/vllm-openai:v0.6.3",
                                    SecurityContext = new SecurityContextArgs { RunAsNonRoot = true, AllowPrivilegeEscalation = false },
                                    Resources = new ResourceRequirementsArgs { Limits = { { "cpu", "4" }, { "memory", "16Gi" } } },
                                },
                            },
                        },
                    },
                },
            });
            """, compiles: false);

    [Fact]
    public void IL2007_a_container_without_a_security_context_gets_SecurityContextArgs_on_a_line_of_its_own() => CSharpVerify.Fix("IL2007", """
            using Pulumi;
            using Pulumi.Kubernetes.Types.Inputs.Core.V1;
            using Pulumi.Kubernetes.Types.Inputs.Apps.V1;
            using Pulumi.Kubernetes.Types.Inputs.Meta.V1;

            var deployment = new Pulumi.Kubernetes.Apps.V1.Deployment("vllm", new DeploymentArgs
            {
                Metadata = new ObjectMetaArgs { Name = "vllm", Namespace = "serving" },
                Spec = new DeploymentSpecArgs
                {
                    Replicas = 2,
                    Template = new PodTemplateSpecArgs
                    {
                        Spec = new PodSpecArgs
                        {
                            HostNetwork = false,
                            Containers =
                            {
                                new ContainerArgs
                                {
                                    Name = "vllm",
                                    Image = "vllm/vllm-openai:v0.6.3",
                                    Resources = new ResourceRequirementsArgs { Limits = { { "cpu", "4" }, { "memory", "16Gi" } } },
                                },
                            },
                        },
                    },
                },
            });
            """, """
            using Pulumi;
            using Pulumi.Kubernetes.Types.Inputs.Core.V1;
            using Pulumi.Kubernetes.Types.Inputs.Apps.V1;
            using Pulumi.Kubernetes.Types.Inputs.Meta.V1;

            var deployment = new Pulumi.Kubernetes.Apps.V1.Deployment("vllm", new DeploymentArgs
            {
                Metadata = new ObjectMetaArgs { Name = "vllm", Namespace = "serving" },
                Spec = new DeploymentSpecArgs
                {
                    Replicas = 2,
                    Template = new PodTemplateSpecArgs
                    {
                        Spec = new PodSpecArgs
                        {
                            HostNetwork = false,
                            Containers =
                            {
                                new ContainerArgs
                                {
                                    Name = "vllm",
                                    Image = "vllm/vllm-openai:v0.6.3",
                                    Resources = new ResourceRequirementsArgs { Limits = { { "cpu", "4" }, { "memory", "16Gi" } } },
                                    SecurityContext = new SecurityContextArgs { RunAsNonRoot = true },
                                },
                            },
                        },
                    },
                },
            });
            """, compiles: false);

    [Fact]
    public void IL2007_args_types_are_qualified_through_the_files_alias() => CSharpVerify.Fix("IL2007", """
            using K = Pulumi.Kubernetes;
            using CoreV1 = Pulumi.Kubernetes.Types.Inputs.Core.V1;

            var pod = new K.Core.V1.Pod("trainer", new K.Types.Inputs.Core.V1.PodArgs
            {
                Metadata = new K.Types.Inputs.Meta.V1.ObjectMetaArgs { Name = "trainer" },
                Spec = new CoreV1.PodSpecArgs
                {
                    Containers =
                    {
                        new CoreV1.ContainerArgs { Name = "trainer", Image = "pytorch/pytorch:2.4.0", Resources = new CoreV1.ResourceRequirementsArgs { Limits = { { "cpu", "4" }, { "memory", "16Gi" } } } },
                    },
                },
            });
            """, """
            using K = Pulumi.Kubernetes;
            using CoreV1 = Pulumi.Kubernetes.Types.Inputs.Core.V1;

            var pod = new K.Core.V1.Pod("trainer", new K.Types.Inputs.Core.V1.PodArgs
            {
                Metadata = new K.Types.Inputs.Meta.V1.ObjectMetaArgs { Name = "trainer" },
                Spec = new CoreV1.PodSpecArgs
                {
                    Containers =
                    {
                        new CoreV1.ContainerArgs { Name = "trainer", Image = "pytorch/pytorch:2.4.0", Resources = new CoreV1.ResourceRequirementsArgs { Limits = { { "cpu", "4" }, { "memory", "16Gi" } } }, SecurityContext = new CoreV1.SecurityContextArgs { RunAsNonRoot = true } },
                    },
                },
            });
            """, compiles: false);

    [Fact]
    public void IL2007_args_types_are_qualified_in_full_where_the_file_imports_nothing() => CSharpVerify.Fix("IL2007", """
            var pod = new Pulumi.Kubernetes.Core.V1.Pod("trainer", new Pulumi.Kubernetes.Types.Inputs.Core.V1.PodArgs
            {
                Metadata = new Pulumi.Kubernetes.Types.Inputs.Meta.V1.ObjectMetaArgs { Name = "trainer" },
                Spec = new Pulumi.Kubernetes.Types.Inputs.Core.V1.PodSpecArgs
                {
                    Containers =
                    {
                        new Pulumi.Kubernetes.Types.Inputs.Core.V1.ContainerArgs { Name = "trainer", Image = "pytorch/pytorch:2.4.0", Resources = new Pulumi.Kubernetes.Types.Inputs.Core.V1.ResourceRequirementsArgs { Limits = { { "cpu", "4" }, { "memory", "16Gi" } } } },
                    },
                },
            });
            """, """
            var pod = new Pulumi.Kubernetes.Core.V1.Pod("trainer", new Pulumi.Kubernetes.Types.Inputs.Core.V1.PodArgs
            {
                Metadata = new Pulumi.Kubernetes.Types.Inputs.Meta.V1.ObjectMetaArgs { Name = "trainer" },
                Spec = new Pulumi.Kubernetes.Types.Inputs.Core.V1.PodSpecArgs
                {
                    Containers =
                    {
                        new Pulumi.Kubernetes.Types.Inputs.Core.V1.ContainerArgs { Name = "trainer", Image = "pytorch/pytorch:2.4.0", Resources = new Pulumi.Kubernetes.Types.Inputs.Core.V1.ResourceRequirementsArgs { Limits = { { "cpu", "4" }, { "memory", "16Gi" } } }, SecurityContext = new Pulumi.Kubernetes.Types.Inputs.Core.V1.SecurityContextArgs { RunAsNonRoot = true } },
                    },
                },
            });
            """, compiles: false);

    [Fact]
    public void IL2008_host_network_is_turned_off() => CSharpVerify.Fix("IL2008", """
            using Pulumi;
            using Pulumi.Kubernetes.Types.Inputs.Core.V1;
            using Pulumi.Kubernetes.Types.Inputs.Apps.V1;
            using Pulumi.Kubernetes.Types.Inputs.Meta.V1;

            var deployment = new Pulumi.Kubernetes.Apps.V1.Deployment("vllm", new DeploymentArgs
            {
                Metadata = new ObjectMetaArgs { Name = "vllm", Namespace = "serving" },
                Spec = new DeploymentSpecArgs
                {
                    Replicas = 2,
                    Template = new PodTemplateSpecArgs
                    {
                        Spec = new PodSpecArgs
                        {
                            HostNetwork = true,
                            Containers =
                            {
                                new ContainerArgs
                                {
                                    Name = "vllm",
                                    Image = "vllm/vllm-openai:v0.6.3",
                                    SecurityContext = new SecurityContextArgs { AllowPrivilegeEscalation = false, RunAsNonRoot = true },
                                    Resources = new ResourceRequirementsArgs { Limits = { { "cpu", "4" }, { "memory", "16Gi" } } },
                                },
                            },
                        },
                    },
                },
            });
            """, """
            using Pulumi;
            using Pulumi.Kubernetes.Types.Inputs.Core.V1;
            using Pulumi.Kubernetes.Types.Inputs.Apps.V1;
            using Pulumi.Kubernetes.Types.Inputs.Meta.V1;

            var deployment = new Pulumi.Kubernetes.Apps.V1.Deployment("vllm", new DeploymentArgs
            {
                Metadata = new ObjectMetaArgs { Name = "vllm", Namespace = "serving" },
                Spec = new DeploymentSpecArgs
                {
                    Replicas = 2,
                    Template = new PodTemplateSpecArgs
                    {
                        Spec = new PodSpecArgs
                        {
                            HostNetwork = false,
                            Containers =
                            {
                                new ContainerArgs
                                {
                                    Name = "vllm",
                                    Image = "vllm/vllm-openai:v0.6.3",
                                    SecurityContext = new SecurityContextArgs { AllowPrivilegeEscalation = false, RunAsNonRoot = true },
                                    Resources = new ResourceRequirementsArgs { Limits = { { "cpu", "4" }, { "memory", "16Gi" } } },
                                },
                            },
                        },
                    },
                },
            });
            """, compiles: false);

    [Fact]
    public void IL1010_the_gpu_limit_is_added_to_the_limits_as_a_pair() => CSharpVerify.Fix("IL1010", """
            using Pulumi;
            using Pulumi.Kubernetes.Types.Inputs.Core.V1;
            using Pulumi.Kubernetes.Types.Inputs.Apps.V1;
            using Pulumi.Kubernetes.Types.Inputs.Meta.V1;

            var deployment = new Pulumi.Kubernetes.Apps.V1.Deployment("vllm", new DeploymentArgs
            {
                Metadata = new ObjectMetaArgs { Name = "vllm", Namespace = "serving" },
                Spec = new DeploymentSpecArgs
                {
                    Replicas = 2,
                    Template = new PodTemplateSpecArgs
                    {
                        Spec = new PodSpecArgs
                        {
                            HostNetwork = false,
                            Containers =
                            {
                                new ContainerArgs
                                {
                                    Name = "vllm",
                                    Image = "vllm/vllm-openai:v0.6.3",
                                    SecurityContext = new SecurityContextArgs { AllowPrivilegeEscalation = false, RunAsNonRoot = true },
                                    Resources = new ResourceRequirementsArgs
                                    {
                                        Requests = { { "nvidia.com/gpu", "1" } },
                                        Limits = { { "cpu", "4" }, { "memory", "16Gi" } },
                                    },
                                },
                            },
                        },
                    },
                },
            });
            """, """
            using Pulumi;
            using Pulumi.Kubernetes.Types.Inputs.Core.V1;
            using Pulumi.Kubernetes.Types.Inputs.Apps.V1;
            using Pulumi.Kubernetes.Types.Inputs.Meta.V1;

            var deployment = new Pulumi.Kubernetes.Apps.V1.Deployment("vllm", new DeploymentArgs
            {
                Metadata = new ObjectMetaArgs { Name = "vllm", Namespace = "serving" },
                Spec = new DeploymentSpecArgs
                {
                    Replicas = 2,
                    Template = new PodTemplateSpecArgs
                    {
                        Spec = new PodSpecArgs
                        {
                            HostNetwork = false,
                            Containers =
                            {
                                new ContainerArgs
                                {
                                    Name = "vllm",
                                    Image = "vllm/vllm-openai:v0.6.3",
                                    SecurityContext = new SecurityContextArgs { AllowPrivilegeEscalation = false, RunAsNonRoot = true },
                                    Resources = new ResourceRequirementsArgs
                                    {
                                        Requests = { { "nvidia.com/gpu", "1" } },
                                        Limits = { { "cpu", "4" }, { "memory", "16Gi" }, { "nvidia.com/gpu", "1" } },
                                    },
                                },
                            },
                        },
                    },
                },
            });
            """, compiles: false);

    [Fact]
    public void IL1010_missing_limits_become_a_new_InputMap_in_the_files_pair_style() => CSharpVerify.Fix("IL1010", """
            using Pulumi;
            using Pulumi.Kubernetes.Types.Inputs.Core.V1;
            using Pulumi.Kubernetes.Types.Inputs.Apps.V1;
            using Pulumi.Kubernetes.Types.Inputs.Meta.V1;

            var deployment = new Pulumi.Kubernetes.Apps.V1.Deployment("vllm", new DeploymentArgs
            {
                Metadata = new ObjectMetaArgs { Name = "vllm", Namespace = "serving" },
                Spec = new DeploymentSpecArgs
                {
                    Replicas = 2,
                    Template = new PodTemplateSpecArgs
                    {
                        Spec = new PodSpecArgs
                        {
                            HostNetwork = false,
                            Containers =
                            {
                                new ContainerArgs
                                {
                                    Name = "vllm",
                                    Image = "vllm/vllm-openai:v0.6.3",
                                    SecurityContext = new SecurityContextArgs { AllowPrivilegeEscalation = false, RunAsNonRoot = true },
                                    Resources = new ResourceRequirementsArgs
                                    {
                                        Requests = { { "nvidia.com/gpu", "1" } },
                                    },
                                },
                            },
                        },
                    },
                },
            });
            """, """
            using Pulumi;
            using Pulumi.Kubernetes.Types.Inputs.Core.V1;
            using Pulumi.Kubernetes.Types.Inputs.Apps.V1;
            using Pulumi.Kubernetes.Types.Inputs.Meta.V1;

            var deployment = new Pulumi.Kubernetes.Apps.V1.Deployment("vllm", new DeploymentArgs
            {
                Metadata = new ObjectMetaArgs { Name = "vllm", Namespace = "serving" },
                Spec = new DeploymentSpecArgs
                {
                    Replicas = 2,
                    Template = new PodTemplateSpecArgs
                    {
                        Spec = new PodSpecArgs
                        {
                            HostNetwork = false,
                            Containers =
                            {
                                new ContainerArgs
                                {
                                    Name = "vllm",
                                    Image = "vllm/vllm-openai:v0.6.3",
                                    SecurityContext = new SecurityContextArgs { AllowPrivilegeEscalation = false, RunAsNonRoot = true },
                                    Resources = new ResourceRequirementsArgs
                                    {
                                        Requests = { { "nvidia.com/gpu", "1" } },
                                        Limits = new InputMap<string> { { "nvidia.com/gpu", "1" } },
                                    },
                                },
                            },
                        },
                    },
                },
            });
            """, compiles: false);

    [Fact]
    public void IL3006_the_missing_memory_limit_is_set_to_the_request_as_a_string() => CSharpVerify.Fix("IL3006", """
            using Pulumi;
            using Pulumi.Kubernetes.Types.Inputs.Core.V1;
            using Pulumi.Kubernetes.Types.Inputs.Apps.V1;
            using Pulumi.Kubernetes.Types.Inputs.Meta.V1;

            var deployment = new Pulumi.Kubernetes.Apps.V1.Deployment("vllm", new DeploymentArgs
            {
                Metadata = new ObjectMetaArgs { Name = "vllm", Namespace = "serving" },
                Spec = new DeploymentSpecArgs
                {
                    Replicas = 2,
                    Template = new PodTemplateSpecArgs
                    {
                        Spec = new PodSpecArgs
                        {
                            HostNetwork = false,
                            Containers =
                            {
                                new ContainerArgs
                                {
                                    Name = "vllm",
                                    Image = "vllm/vllm-openai:v0.6.3",
                                    SecurityContext = new SecurityContextArgs { AllowPrivilegeEscalation = false, RunAsNonRoot = true },
                                    Resources = new ResourceRequirementsArgs
                                    {
                                        Requests = { { "cpu", "4" }, { "memory", "16Gi" } },
                                        Limits = { { "cpu", "4" } },
                                    },
                                },
                            },
                        },
                    },
                },
            });
            """, """
            using Pulumi;
            using Pulumi.Kubernetes.Types.Inputs.Core.V1;
            using Pulumi.Kubernetes.Types.Inputs.Apps.V1;
            using Pulumi.Kubernetes.Types.Inputs.Meta.V1;

            var deployment = new Pulumi.Kubernetes.Apps.V1.Deployment("vllm", new DeploymentArgs
            {
                Metadata = new ObjectMetaArgs { Name = "vllm", Namespace = "serving" },
                Spec = new DeploymentSpecArgs
                {
                    Replicas = 2,
                    Template = new PodTemplateSpecArgs
                    {
                        Spec = new PodSpecArgs
                        {
                            HostNetwork = false,
                            Containers =
                            {
                                new ContainerArgs
                                {
                                    Name = "vllm",
                                    Image = "vllm/vllm-openai:v0.6.3",
                                    SecurityContext = new SecurityContextArgs { AllowPrivilegeEscalation = false, RunAsNonRoot = true },
                                    Resources = new ResourceRequirementsArgs
                                    {
                                        Requests = { { "cpu", "4" }, { "memory", "16Gi" } },
                                        Limits = { { "cpu", "4" }, { "memory", "16Gi" } },
                                    },
                                },
                            },
                        },
                    },
                },
            });
            """, compiles: false);

}
