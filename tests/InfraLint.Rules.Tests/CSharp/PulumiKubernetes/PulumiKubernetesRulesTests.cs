using InfraLint.Rules.Tests.Infrastructure;
using static InfraLint.Rules.Tests.CSharp.PulumiKubernetes.PulumiKubernetesCode;

namespace InfraLint.Rules.Tests.CSharp.PulumiKubernetes;

/// <summary>The Kubernetes rules on Pulumi Kubernetes resources, read syntactically (no Pulumi package is served here).</summary>
public sealed class PulumiKubernetesRulesTests
{
    private static void At(string id, int line, int column, string markup)
    {
        var finding = Assert.Single(CSharpVerify.Findings(id, markup, CSharpMode.Syntactic));
        Assert.Equal((id, line, column), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
    }

    private static void None(string id, string code) => CSharpVerify.NoFindings(id, code, CSharpMode.Syntactic);

    [Fact]
    public void IL2006_a_privileged_container_is_reported_at_the_value() =>
        At("IL2006", 21, 172, Deployment(container: Container(security: "SecurityContext = new SecurityContextArgs { AllowPrivilegeEscalation = false, RunAsNonRoot = true, Privileged = {|IL2006:true|} }")));

    [Fact]
    public void IL2006_a_container_without_privileges_is_not_reported() => None("IL2006", Deployment());

    [Fact]
    public void IL2007_an_unnamed_container_that_may_run_as_root_is_reported_at_its_creation() =>
        At("IL2007", 18, 21, Deployment(name: "", container: Container(security: "SecurityContext = new SecurityContextArgs { AllowPrivilegeEscalation = false }")).Replace("new ContainerArgs\n", "{|IL2007:new ContainerArgs|}\n"));

    [Fact]
    public void IL2007_a_non_root_container_is_not_reported() => None("IL2007", Deployment());

    [Fact]
    public void IL2008_host_network_is_reported_at_the_value() => At("IL2008", 15, 31, Deployment(pod: "HostNetwork = {|IL2008:true|},"));

    [Fact]
    public void IL2008_host_network_false_is_not_reported() => None("IL2008", Deployment());

    [Fact]
    public void IL2009_a_token_in_an_environment_variable_is_reported_at_the_value() =>
        At("IL2009", 21, 512, Deployment(container: Container(more: "Env = { new EnvVarArgs { Name = \"HF_TOKEN\", Value = {|IL2009:\"hf_FAKEFAKEFAKEFAKEFAKE\"|} } }")));

    [Fact]
    public void IL2009_a_token_from_a_secret_is_not_reported() =>
        None("IL2009", Deployment(container: Container(more: "Env = { new EnvVarArgs { Name = \"HF_TOKEN\", ValueFrom = new EnvVarSourceArgs { SecretKeyRef = new SecretKeySelectorArgs { Name = \"hf\", Key = \"token\" } } } }")));

    [Fact]
    public void IL2009_a_token_from_an_output_is_unknown_and_not_reported() =>
        None("IL2009", Deployment(container: Container(more: "Env = { new EnvVarArgs { Name = \"HF_TOKEN\", Value = token.Apply(t => t) } }")));

    [Fact]
    public void IL2011_a_latest_image_is_reported_at_the_image() =>
        At("IL2011", 21, 33, Deployment(container: Container(image: "Image = {|IL2011:\"vllm/vllm-openai:latest\"|}")));

    [Fact]
    public void IL2011_a_pinned_image_is_not_reported() => None("IL2011", Deployment());

    private const string GpuRequest = "Resources = new ResourceRequirementsArgs { Requests = { { \"nvidia.com/gpu\", REQUEST } }, Limits = { { \"cpu\", \"4\" }, { \"memory\", \"16Gi\" }LIMIT } }";

    [Fact]
    public void IL1010_a_gpu_request_without_limit_is_reported_at_the_request() =>
        At("IL1010", 21, 237, Deployment(container: Container(resources: GpuRequest.Replace("REQUEST", "{|IL1010:\"1\"|}").Replace("LIMIT", ""))));

    [Fact]
    public void IL1010_a_gpu_request_with_an_equal_limit_is_not_reported() =>
        None("IL1010", Deployment(container: Container(resources: GpuRequest.Replace("REQUEST", "\"1\"").Replace("LIMIT", ", { \"nvidia.com/gpu\", \"1\" }"))));

    [Fact]
    public void IL3006_a_container_without_limits_is_reported_at_its_resources() =>
        At("IL3006", 21, 161, Deployment(container: Container(resources: "{|IL3006:Resources|} = new ResourceRequirementsArgs { Requests = { { \"cpu\", \"4\" } } }")));

    [Fact]
    public void IL3006_a_container_with_limits_is_not_reported() => None("IL3006", Deployment());

    [Fact]
    public void IL3004_a_serving_container_without_probes_is_reported_at_the_unnamed_container() =>
        At("IL3004", 18, 21, Deployment(name: "", container: Container(probe: "WorkingDir = \"/srv\"")).Replace("new ContainerArgs\n", "{|IL3004:new ContainerArgs|}\n"));

    [Fact]
    public void IL3004_probes_silence_it() => None("IL3004", Deployment());

    private const string Hpa = """
        var hpa = new Pulumi.Kubernetes.Autoscaling.V2.HorizontalPodAutoscaler("vllm", new Pulumi.Kubernetes.Types.Inputs.Autoscaling.V2.HorizontalPodAutoscalerArgs
        {
            Metadata = new ObjectMetaArgs { Namespace = "serving" },
            Spec = new Pulumi.Kubernetes.Types.Inputs.Autoscaling.V2.HorizontalPodAutoscalerSpecArgs { ScaleTargetRef = new Pulumi.Kubernetes.Types.Inputs.Autoscaling.V2.CrossVersionObjectReferenceArgs { ApiVersion = "apps/v1", Kind = "Deployment", Name = TARGET }, MinReplicas = 1, MaxReplicas = 4 },
        });
        """;

    [Fact]
    public void IL1005_fixed_replicas_are_reported_at_the_replica_count() => At("IL1005", 10, 20, Deployment(replicas: "Replicas = {|IL1005:2|},"));

    [Fact]
    public void IL1005_an_autoscaler_that_names_the_deployment_silences_it() => None("IL1005", Deployment(extra: Hpa.Replace("TARGET", "\"vllm\"")));

    [Fact]
    public void IL1005_an_autoscaler_that_targets_the_deployments_output_name_silences_it() =>
        None("IL1005", Deployment(extra: Hpa.Replace("TARGET", "deployment.Metadata.Apply(m => m.Name)")));

    [Fact]
    public void IL1005_an_autoscaler_of_another_deployment_does_not() =>
        At("IL1005", 10, 20, Deployment(replicas: "Replicas = {|IL1005:2|},", extra: Hpa.Replace("TARGET", "\"other\"")));

    [Fact]
    public void IL1005_an_auto_named_deployment_is_named_after_its_resource_in_the_finding()
    {
        var finding = Assert.Single(CSharpVerify.Findings("IL1005", Deployment(metadata: "Metadata = new ObjectMetaArgs { Namespace = \"serving\" },", replicas: "Replicas = {|IL1005:2|},"), CSharpMode.Syntactic));
        Assert.Contains("Deployment 'vllm-'", finding.Message);
    }

    private const string Role = """
        var role = new Pulumi.Kubernetes.Rbac.V1.Role("reader", new Pulumi.Kubernetes.Types.Inputs.Rbac.V1.RoleArgs
        {
            Metadata = new ObjectMetaArgs { Name = "reader", Namespace = "serving" },
            Rules = { new Pulumi.Kubernetes.Types.Inputs.Rbac.V1.PolicyRuleArgs { ApiGroups = { "" }, Resources = { RESOURCE }, Verbs = { "get" } } },
        });
        """;

    [Fact]
    public void IL2005_a_wildcard_resource_is_reported_at_the_wildcard() =>
        At("IL2005", 5, 109, "using Pulumi.Kubernetes.Types.Inputs.Meta.V1;\n" + Role.Replace("RESOURCE", "{|IL2005:\"*\"|}"));

    [Fact]
    public void IL2005_named_resources_are_not_reported() => None("IL2005", "using Pulumi.Kubernetes.Types.Inputs.Meta.V1;\n" + Role.Replace("RESOURCE", "\"pods\""));

    private const string Policy = """
        var policy = new Pulumi.Kubernetes.Networking.V1.NetworkPolicy("deny", new Pulumi.Kubernetes.Types.Inputs.Networking.V1.NetworkPolicyArgs
        {
            Metadata = new ObjectMetaArgs { Namespace = "serving" },
            Spec = new Pulumi.Kubernetes.Types.Inputs.Networking.V1.NetworkPolicySpecArgs { PodSelector = new LabelSelectorArgs(), PolicyTypes = { "Ingress" } },
        });
        """;

    [Fact]
    public void IL2013_a_namespace_without_network_policy_is_reported_at_the_workload() =>
        At("IL2013", 5, 18, Deployment().Replace("new Pulumi.Kubernetes.Apps.V1.Deployment(\"vllm\"", "{|IL2013:new Pulumi.Kubernetes.Apps.V1.Deployment|}(\"vllm\"").Replace("Name = \"vllm\", Namespace", "Namespace"));

    [Fact]
    public void IL2013_a_network_policy_in_the_namespace_silences_it() => None("IL2013", Deployment(extra: Policy));

    [Fact]
    public void A_deployment_of_the_users_own_type_is_not_read() =>
        None("IL2008", Deployment(pod: "HostNetwork = true,").Replace("new Pulumi.Kubernetes.Apps.V1.Deployment(", "new Deployment(") + "\nclass Deployment { public Deployment(string name, DeploymentArgs args) { } }\n");

    [Fact]
    public void A_deployment_of_another_imported_namespace_is_not_read() =>
        None("IL2008", "using Acme.Apps;\n" + Deployment(pod: "HostNetwork = true,").Replace("new Pulumi.Kubernetes.Apps.V1.Deployment(", "new Deployment("));
}
