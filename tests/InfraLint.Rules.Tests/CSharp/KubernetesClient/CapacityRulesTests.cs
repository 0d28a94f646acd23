using InfraLint.Core.Findings;
using InfraLint.Rules.Tests.Infrastructure;
using static InfraLint.Rules.Tests.CSharp.KubernetesClient.KubernetesClientCode;
using static InfraLint.Rules.Tests.CSharp.KubernetesClient.KubernetesClientJobCode;

namespace InfraLint.Rules.Tests.CSharp.KubernetesClient;

/// <summary>
/// The sizing and capacity rules (IL1001-IL1004, IL1006-IL1009) on KubernetesClient models, syntactic and bound by
/// KubernetesClient 21.0.8: the workload profile comes from <c>infralint.dev/*</c> annotations in C# as in YAML.
/// </summary>
public sealed class CapacityRulesTests
{
    private static Finding At(string id, int line, int column, string markup)
    {
        var finding = Assert.Single(CSharpVerify.Findings(id, markup));
        Assert.Equal((id, line, column), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
        return finding;
    }

    private static string Metadata(string name, string annotations) =>
        $"Metadata = new V1ObjectMeta {{ Name = \"{name}\", NamespaceProperty = \"serving\", Annotations = new Dictionary<string, string> {{ {annotations} }} }},";

    private static string Gpus(string count) =>
        $"Resources = new V1ResourceRequirements {{ Limits = new Dictionary<string, ResourceQuantity> {{ [\"cpu\"] = \"8\", [\"memory\"] = \"64Gi\", [\"nvidia.com/gpu\"] = {count} }} }}";

    private static string NodeSelector(string label, string value, string key = "NodeSelector") =>
        $"{key} = new Dictionary<string, string> {{ [\"{label}\"] = \"{value}\" }},";

    /// <summary>Llama 3.1 70B at fp8 on 2 × H100 per replica at 40 req/s: the sizing model needs 7 replicas.</summary>
    private const string Chat70b = "[\"infralint.dev/model\"] = \"llama-3.1-70b\", [\"infralint.dev/precision\"] = \"fp8\", [\"infralint.dev/peak-rps\"] = \"40\", [\"infralint.dev/p99-latency-ms\"] = \"20000\"";

    private static string Chat70bServer(string replicas) => Deployment(
        metadata: Metadata("chat-70b", Chat70b),
        replicas: replicas,
        pod: NodeSelector("nvidia.com/gpu.product", "NVIDIA-H100-80GB-HBM3"),
        container: Container(resources: Gpus("\"2\"")));

    [Fact]
    public void IL1001_too_many_replicas_are_reported_at_the_replica_count() =>
        Assert.Contains("24 GPUs provisioned, but the sizing model needs 14", At("IL1001", 8, 20, Chat70bServer("Replicas = {|IL1001:12|},")).Message);

    [Fact]
    public void IL1001_the_needed_count_is_not_reported() => CSharpVerify.NoFindings("IL1001", Chat70bServer("Replicas = 7,"));

    [Fact]
    public void IL1002_too_few_replicas_for_the_peak_are_reported_at_the_replica_count() =>
        At("IL1002", 8, 20, Chat70bServer("Replicas = {|IL1002:3|},"));

    [Fact]
    public void IL1002_enough_replicas_are_not_reported() => CSharpVerify.NoFindings("IL1002", Chat70bServer("Replicas = 12,"));

    private static string Chat8bServer(string nodeSelector) => Deployment(
        metadata: Metadata("chat-8b", "[\"infralint.dev/model\"] = \"llama-3.1-8b\", [\"infralint.dev/peak-rps\"] = \"4\", [\"infralint.dev/p99-latency-ms\"] = \"20000\""),
        replicas: "Replicas = 1,",
        pod: nodeSelector,
        container: Container(resources: Gpus("\"1\"")));

    [Fact]
    public void IL1003_an_8b_model_on_an_h100_is_reported_at_the_node_selector() =>
        At("IL1003", 13, 17, Chat8bServer(NodeSelector("node.kubernetes.io/instance-type", "p5.48xlarge", "{|IL1003:NodeSelector|}")));

    [Fact]
    public void IL1003_a_class_that_fits_is_not_reported() =>
        CSharpVerify.NoFindings("IL1003", Chat8bServer(NodeSelector("node.kubernetes.io/instance-type", "g6e.xlarge")));

    // A workload's own findings point at its name, or at `new X` when it has none (a name that becomes unknown would
    // still name the place, and the literal-to-unknown check wants the finding gone from every literal it points at).
    private const string Unnamed = "Metadata = new V1ObjectMeta { NamespaceProperty = \"serving\" },";

    [Fact]
    public void IL1004_an_unnamed_gpu_deployment_without_a_profile_is_reported_at_its_creation() =>
        At("IL1004", 3, 18, Deployment(metadata: Unnamed, container: Container(resources: Gpus("\"1\""))).Replace("new V1Deployment\n", "{|IL1004:new V1Deployment|}\n"));

    [Fact]
    public void IL1004_a_model_annotation_is_a_plan() =>
        CSharpVerify.NoFindings("IL1004", Deployment(metadata: Metadata("embeddings", "[\"infralint.dev/model\"] = \"mistral-7b\""), container: Container(resources: Gpus("\"1\""))));

    [Fact]
    public void IL1006_on_demand_training_is_reported_at_the_node_selector() =>
        At("IL1006", 12, 17, Job(pod: NodeSelector("node.kubernetes.io/instance-type", "p4d.24xlarge", "{|IL1006:NodeSelector|}")));

    [Fact]
    public void IL1006_a_spot_node_selector_is_not_reported() =>
        CSharpVerify.NoFindings("IL1006", Job(pod: NodeSelector("karpenter.sh/capacity-type", "spot")));

    private static string CronJob(string schedule) => $$"""
        using k8s.Models;

        var retrain = new V1CronJob
        {
            Metadata = new V1ObjectMeta { Name = "retrain", NamespaceProperty = "training", Annotations = new Dictionary<string, string> { ["infralint.dev/role"] = "training" } },
            Spec = new V1CronJobSpec
            {
                Schedule = {{schedule}},
                JobTemplate = new V1JobTemplateSpec
                {
                    Spec = new V1JobSpec
                    {
                        Template = new V1PodTemplateSpec
                        {
                            Spec = new V1PodSpec { RestartPolicy = "Never", Containers = new List<V1Container> { new V1Container { Name = "trainer", Image = "ghcr.io/example/train:1" } } },
                        },
                    },
                },
            },
        };
        """;

    [Fact]
    public void IL1007_a_training_schedule_inside_the_peak_window_is_reported_at_the_schedule() =>
        At("IL1007", 8, 20, CronJob("{|IL1007:\"30 9 * * 1-5\"|}"));

    [Fact]
    public void IL1007_a_night_schedule_is_not_reported() => CSharpVerify.NoFindings("IL1007", CronJob("\"30 1 * * 1-5\""));

    private static string Fp32Server(string dtype) => Deployment(
        pod: NodeSelector("nvidia.com/gpu.product", "NVIDIA-L40S"),
        container: Container(resources: Gpus("\"1\""), more: $"Args = new List<string> {{ \"--model\", \"meta-llama/Llama-3.1-8B-Instruct\", \"--dtype\", {dtype} }}"));

    [Fact]
    public void IL1008_fp32_server_arguments_are_reported_at_the_dtype() =>
        At("IL1008", 19, 599, Fp32Server("{|IL1008:\"float32\"|}"));

    [Fact]
    public void IL1008_bf16_is_not_reported() => CSharpVerify.NoFindings("IL1008", Fp32Server("\"bfloat16\""));

    private static string Serving(string ns) => $$"""
        var serving = new V1Deployment
        {
            Metadata = new V1ObjectMeta { Name = "chat", NamespaceProperty = "{{ns}}" },
            Spec = new V1DeploymentSpec { Template = new V1PodTemplateSpec { Spec = new V1PodSpec { Containers = new List<V1Container> { new V1Container { Name = "vllm", Image = "vllm/vllm-openai:v0.6.3", Resources = new V1ResourceRequirements { Limits = new Dictionary<string, ResourceQuantity> { ["nvidia.com/gpu"] = "1" } } } } } } },
        };
        """;

    [Fact]
    public void IL1009_training_and_inference_in_the_default_pool_are_reported_at_the_training_job() =>
        At("IL1009", 3, 11, Job(metadata: Training.Replace("Name = \"finetune\", ", ""), extra: Serving("ml")).Replace("new V1Job\n", "{|IL1009:new V1Job|}\n"));

    [Fact]
    public void IL1009_inference_in_another_namespace_is_not_reported() => CSharpVerify.NoFindings("IL1009", Job(extra: Serving("web")));
}
