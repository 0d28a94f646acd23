using InfraLint.Rules.Tests.Infrastructure;
using static InfraLint.Rules.Tests.CSharp.KubernetesClient.KubernetesClientCode;

namespace InfraLint.Rules.Tests.CSharp.KubernetesClient;

/// <summary>Compute, cost and observability rules on KubernetesClient models, syntactic and bound by KubernetesClient 21.0.8.</summary>
public sealed class ComputeAndObservabilityRulesTests
{
    private static void At(string id, int line, int column, string markup)
    {
        var finding = Assert.Single(CSharpVerify.Findings(id, markup));
        Assert.Equal((id, line, column), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
    }

    private const string GpuRequest = "Resources = new V1ResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { [\"nvidia.com/gpu\"] = REQUEST }, Limits = new Dictionary<string, ResourceQuantity> { [\"cpu\"] = \"4\", [\"memory\"] = \"16Gi\"LIMIT } }";

    [Fact]
    public void IL1010_a_gpu_request_without_limit_is_reported_at_the_request() =>
        At("IL1010", 19, 275, Deployment(container: Container(resources: GpuRequest.Replace("REQUEST", "{|IL1010:new ResourceQuantity(\"1\")|}").Replace("LIMIT", ""))));

    [Fact]
    public void IL1010_a_gpu_request_with_an_equal_limit_is_not_reported() =>
        CSharpVerify.NoFindings("IL1010", Deployment(container: Container(resources: GpuRequest.Replace("REQUEST", "\"1\"").Replace("LIMIT", ", [\"nvidia.com/gpu\"] = \"1\""))));

    [Fact]
    public void IL3006_a_container_without_limits_is_reported_at_its_resources() =>
        At("IL3006", 19, 159, Deployment(container: Container(resources: "{|IL3006:Resources|} = new V1ResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { [\"cpu\"] = \"4\" } }")));

    [Fact]
    public void IL3006_a_container_with_limits_is_not_reported() => CSharpVerify.NoFindings("IL3006", Deployment());

    [Fact]
    public void IL3004_a_serving_container_without_probes_is_reported_at_the_unnamed_container() =>
        At("IL3004", 16, 21, Deployment(name: "", container: Container(probe: "TerminationMessagePath = \"/dev/termination-log\"")).Replace("new V1Container\n", "{|IL3004:new V1Container|}\n"));

    [Fact]
    public void IL3004_a_serving_container_with_a_readiness_probe_is_not_reported() => CSharpVerify.NoFindings("IL3004", Deployment());

    private const string Hpa = """
        var hpa = new V2HorizontalPodAutoscaler
        {
            Metadata = new V1ObjectMeta { Name = "vllm", NamespaceProperty = "serving" },
            Spec = new V2HorizontalPodAutoscalerSpec { ScaleTargetRef = new V2CrossVersionObjectReference { ApiVersion = "apps/v1", Kind = "Deployment", Name = TARGET }, MinReplicas = 1, MaxReplicas = 4 },
        };
        """;

    [Fact]
    public void IL1005_fixed_replicas_are_reported_at_the_replica_count() =>
        At("IL1005", 8, 20, Deployment(replicas: "Replicas = {|IL1005:2|},"));

    [Fact]
    public void IL1005_an_autoscaler_that_targets_the_deployment_silences_it() =>
        CSharpVerify.NoFindings("IL1005", Deployment(extra: Hpa.Replace("TARGET", "\"vllm\"")));

    [Fact]
    public void IL1005_an_autoscaler_of_another_deployment_does_not() =>
        At("IL1005", 8, 20, Deployment(replicas: "Replicas = {|IL1005:2|},", extra: Hpa.Replace("TARGET", "\"other\"")));

    private const string Policy = """
        var policy = new V1NetworkPolicy
        {
            Metadata = new V1ObjectMeta { Name = "default-deny", NamespaceProperty = "serving" },
            Spec = new V1NetworkPolicySpec { PodSelector = new V1LabelSelector(), PolicyTypes = new List<string> { "Ingress" } },
        };
        """;

    private const string Unnamed = "Metadata = new V1ObjectMeta { NamespaceProperty = \"serving\" },";

    [Fact]
    public void IL2013_a_namespace_without_network_policy_is_reported_at_the_workload() =>
        At("IL2013", 3, 18, Deployment(metadata: Unnamed).Replace("new V1Deployment\n", "{|IL2013:new V1Deployment|}\n"));

    [Fact]
    public void IL2013_a_network_policy_in_the_namespace_silences_it() =>
        CSharpVerify.NoFindings("IL2013", Deployment(metadata: Unnamed, extra: Policy));

    [Fact]
    public void IL1011_a_gpu_workload_without_cost_labels_is_reported_at_the_workload() =>
        At("IL1011", 3, 18, Deployment(metadata: Unnamed, container: Container(resources: GpuRequest.Replace("REQUEST", "\"1\"").Replace("LIMIT", ", [\"nvidia.com/gpu\"] = \"1\""))).Replace("new V1Deployment\n", "{|IL1011:new V1Deployment|}\n"));

    [Fact]
    public void IL1011_cost_labels_silence_it() =>
        CSharpVerify.NoFindings("IL1011", Deployment(
            metadata: "Metadata = new V1ObjectMeta { NamespaceProperty = \"serving\", Labels = new Dictionary<string, string> { [\"team\"] = \"ml\", [\"cost-center\"] = \"cc-42\", [\"model\"] = \"llama-3.1-8b\" } },",
            container: Container(resources: GpuRequest.Replace("REQUEST", "\"1\"").Replace("LIMIT", ", [\"nvidia.com/gpu\"] = \"1\""))));

    [Fact]
    public void IL3003_an_inference_service_without_latency_objective_is_reported_at_the_workload() =>
        At("IL3003", 3, 18, Deployment(metadata: Unnamed).Replace("new V1Deployment\n", "{|IL3003:new V1Deployment|}\n"));

    [Fact]
    public void IL3003_a_latency_annotation_silences_it() =>
        CSharpVerify.NoFindings("IL3003", Deployment(metadata: "Metadata = new V1ObjectMeta { NamespaceProperty = \"serving\", Annotations = new Dictionary<string, string> { [\"infralint.dev/p99-latency-ms\"] = \"500\" } },"));
}
