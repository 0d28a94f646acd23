using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.CSharp.KubernetesClient;

public sealed class IL2006PrivilegedContainerTests
{
    private const string Id = "IL2006";

    [Fact]
    public void A_privileged_container_is_reported_at_the_value()
    {
        var finding = Assert.Single(CSharpVerify.Findings(Id, """
            using k8s.Models;

            var deployment = new V1Deployment
            {
                Metadata = new V1ObjectMeta { Name = "triton" },
                Spec = new V1DeploymentSpec
                {
                    Template = new V1PodTemplateSpec
                    {
                        Spec = new V1PodSpec
                        {
                            Containers = new List<V1Container>
                            {
                                new V1Container
                                {
                                    Name = "triton",
                                    Image = "nvcr.io/nvidia/tritonserver:24.08-py3",
                                    SecurityContext = new V1SecurityContext { AllowPrivilegeEscalation = false, Privileged = {|IL2006:true|} },
                                },
                            },
                        },
                    },
                },
            };
            """));
        Assert.Equal((Id, 18, 114), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
        Assert.Contains("container 'triton' of Deployment 'triton' runs privileged", finding.Message);
    }

    [Fact]
    public void A_container_that_drops_privileges_is_not_reported()
    {
        CSharpVerify.NoFindings(Id, """
            using k8s.Models;

            var pod = new V1Pod
            {
                Metadata = new V1ObjectMeta { Name = "triton" },
                Spec = new V1PodSpec
                {
                    Containers = new List<V1Container>
                    {
                        new V1Container
                        {
                            Name = "triton",
                            Image = "nvcr.io/nvidia/tritonserver:24.08-py3",
                            SecurityContext = new V1SecurityContext { AllowPrivilegeEscalation = false, Privileged = false },
                        },
                    },
                },
            };
            """);
    }

    [Fact]
    public void The_fix_sets_allowPrivilegeEscalation_false_in_a_new_security_context()
    {
        CSharpVerify.Fix(Id, """
            using k8s.Models;

            var pod = new V1Pod
            {
                Metadata = new V1ObjectMeta { Name = "vllm" },
                Spec = new V1PodSpec
                {
                    Containers = new List<V1Container>
                    {
                        new V1Container
                        {
                            Name = "vllm",
                            Image = "vllm/vllm-openai:v0.6.3",
                        },
                    },
                },
            };
            """, """
            using k8s.Models;

            var pod = new V1Pod
            {
                Metadata = new V1ObjectMeta { Name = "vllm" },
                Spec = new V1PodSpec
                {
                    Containers = new List<V1Container>
                    {
                        new V1Container
                        {
                            Name = "vllm",
                            Image = "vllm/vllm-openai:v0.6.3",
                            SecurityContext = new V1SecurityContext { AllowPrivilegeEscalation = false },
                        },
                    },
                },
            };
            """);
    }
}
