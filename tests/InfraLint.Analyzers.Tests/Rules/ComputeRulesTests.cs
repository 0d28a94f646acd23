using InfraLint.Analyzers.Tests.Infrastructure;
using static InfraLint.Analyzers.Tests.Rules.KubernetesCode;

namespace InfraLint.Analyzers.Tests.Rules;

/// <summary>
/// The capacity and cost rules (IL1001-IL1011) as compiler diagnostics, each firing and not firing in a C# program
/// (KubernetesClient) and in a YAML AdditionalFile. IL1004 and IL1011 wait for InfraLint's vocabulary: their tests turn
/// them on by id, which counts as adoption.
/// </summary>
public sealed class ComputeRulesTests
{
    private static Task Yaml(string id, string yaml) => AnalyzerVerify.Manifest(id, "/deploy/workload.yaml", yaml);

    private static Task ById(string id, string? code = null, string? yaml = null)
    {
        var test = AnalyzerVerify.EnabledById(id);
        test.TestCode = code ?? "System.Console.WriteLine();";
        if (yaml is not null) test.TestState.AdditionalFiles.Add(("/deploy/workload.yaml", yaml));
        return test.RunAsync();
    }

    /// <summary>Llama 3.1 70B at fp8 on 2 × H100 per replica at 40 req/s: the sizing model needs 7 replicas.</summary>
    private const string Chat70b = "[\"infralint.dev/model\"] = \"llama-3.1-70b\", [\"infralint.dev/precision\"] = \"fp8\", [\"infralint.dev/peak-rps\"] = \"40\", [\"infralint.dev/p99-latency-ms\"] = \"20000\"";

    private static string Chat70bServer(string replicas) => Deployment(
        metadata: Annotated("chat-70b", Chat70b),
        replicas: replicas,
        pod: NodeSelector("nvidia.com/gpu.product", "NVIDIA-H100-80GB-HBM3"),
        container: Container(resources: Gpus("\"2\"")));

    private static string Chat70bYaml(string replicas) => $$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: chat-70b
          namespace: serving
          annotations:
            infralint.dev/model: llama-3.1-70b
            infralint.dev/precision: fp8
            infralint.dev/peak-rps: "40"
            infralint.dev/p99-latency-ms: "20000"
        spec:
          replicas: {{replicas}}
          template:
            spec:
              nodeSelector:
                nvidia.com/gpu.product: NVIDIA-H100-80GB-HBM3
              containers:
                - name: vllm
                  image: vllm/vllm-openai:v0.6.3
                  resources:
                    limits:
                      cpu: "8"
                      memory: 64Gi
                      nvidia.com/gpu: 2
        """;

    [Fact]
    public Task IL1001_CSharp_too_many_replicas_are_reported_at_the_replica_count() =>
        AnalyzerVerify.CSharp("IL1001", Chat70bServer("Replicas = {|IL1001:12|},"));

    [Fact]
    public Task IL1001_CSharp_the_needed_replica_count_is_not_reported() =>
        AnalyzerVerify.CSharp("IL1001", Chat70bServer("Replicas = 7,"));

    [Fact]
    public Task IL1001_YAML_too_many_replicas_are_reported_at_the_replica_count() =>
        Yaml("IL1001", Chat70bYaml("{|IL1001:12|}"));

    [Fact]
    public Task IL1001_YAML_the_needed_replica_count_is_not_reported() => Yaml("IL1001", Chat70bYaml("7"));

    [Fact]
    public Task IL1002_CSharp_too_few_replicas_for_the_peak_are_reported_at_the_replica_count() =>
        AnalyzerVerify.CSharp("IL1002", Chat70bServer("Replicas = {|IL1002:3|},"));

    [Fact]
    public Task IL1002_CSharp_enough_replicas_are_not_reported() => AnalyzerVerify.CSharp("IL1002", Chat70bServer("Replicas = 12,"));

    [Fact]
    public Task IL1002_YAML_too_few_replicas_for_the_peak_are_reported_at_the_replica_count() =>
        Yaml("IL1002", Chat70bYaml("{|IL1002:3|}"));

    [Fact]
    public Task IL1002_YAML_enough_replicas_are_not_reported() => Yaml("IL1002", Chat70bYaml("12"));

    private static string Chat8bServer(string nodeSelector) => Deployment(
        metadata: Annotated("chat-8b", "[\"infralint.dev/model\"] = \"llama-3.1-8b\", [\"infralint.dev/peak-rps\"] = \"4\", [\"infralint.dev/p99-latency-ms\"] = \"20000\""),
        replicas: "Replicas = 1,",
        pod: nodeSelector,
        container: Container(resources: Gpus("\"1\"")));

    private static string Chat8bYaml(string instanceType, string key = "nodeSelector") => $$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: chat-8b
          namespace: serving
          annotations:
            infralint.dev/model: llama-3.1-8b
            infralint.dev/peak-rps: "4"
            infralint.dev/p99-latency-ms: "20000"
        spec:
          replicas: 1
          template:
            spec:
              {{key}}:
                node.kubernetes.io/instance-type: {{instanceType}}
              containers:
                - name: vllm
                  image: vllm/vllm-openai:v0.6.3
                  resources:
                    limits:
                      nvidia.com/gpu: 1
        """;

    [Fact]
    public Task IL1003_CSharp_an_8b_model_on_an_h100_is_reported_at_the_node_selector() =>
        AnalyzerVerify.CSharp("IL1003", Chat8bServer(NodeSelector("node.kubernetes.io/instance-type", "p5.48xlarge", "{|IL1003:NodeSelector|}")));

    [Fact]
    public Task IL1003_CSharp_a_class_that_fits_is_not_reported() =>
        AnalyzerVerify.CSharp("IL1003", Chat8bServer(NodeSelector("node.kubernetes.io/instance-type", "g6e.xlarge")));

    [Fact]
    public Task IL1003_YAML_an_8b_model_on_an_h100_is_reported_at_the_node_selector() =>
        Yaml("IL1003", Chat8bYaml("p5.48xlarge", "{|IL1003:nodeSelector|}"));

    [Fact]
    public Task IL1003_YAML_a_class_that_fits_is_not_reported() => Yaml("IL1003", Chat8bYaml("g6e.xlarge"));

    private const string EmbeddingsYaml = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: NAME
          ANNOTATIONS
        spec:
          template:
            spec:
              containers:
                - name: tei
                  image: ghcr.io/huggingface/text-embeddings-inference:1.5
                  resources:
                    limits:
                      nvidia.com/gpu: 1
        """;

    [Fact]
    public Task IL1004_CSharp_an_unnamed_gpu_deployment_without_a_profile_is_reported_at_its_creation() =>
        ById("IL1004", Marked(Deployment(metadata: Unnamed, container: Container(resources: Gpus("\"1\""))), "IL1004", "V1Deployment"));

    [Fact]
    public Task IL1004_CSharp_a_model_annotation_is_a_plan() =>
        ById("IL1004", Deployment(metadata: Annotated("embeddings", "[\"infralint.dev/model\"] = \"mistral-7b\""), container: Container(resources: Gpus("\"1\""))));

    [Fact]
    public Task IL1004_YAML_a_gpu_deployment_without_a_profile_is_reported_at_its_name() =>
        ById("IL1004", yaml: EmbeddingsYaml.Replace("NAME", "{|IL1004:embeddings|}").Replace("  ANNOTATIONS\n", ""));

    [Fact]
    public Task IL1004_YAML_a_model_annotation_is_a_plan() =>
        ById("IL1004", yaml: EmbeddingsYaml.Replace("NAME", "embeddings").Replace("ANNOTATIONS", "annotations:\n    infralint.dev/model: mistral-7b"));

    private const string Hpa = """
        var hpa = new V2HorizontalPodAutoscaler
        {
            Metadata = new V1ObjectMeta { Name = "vllm", NamespaceProperty = "serving" },
            Spec = new V2HorizontalPodAutoscalerSpec { ScaleTargetRef = new V2CrossVersionObjectReference { ApiVersion = "apps/v1", Kind = "Deployment", Name = TARGET }, MinReplicas = 1, MaxReplicas = 4 },
        };
        """;

    private static string VllmYaml(string replicas) => $$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: vllm
          namespace: serving
        spec:
          replicas: {{replicas}}
          template:
            spec:
              containers:
                - name: vllm
                  image: vllm/vllm-openai:v0.6.3
        """;

    private const string HpaYaml = """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata:
          name: vllm
          namespace: serving
        spec:
          scaleTargetRef:
            apiVersion: apps/v1
            kind: Deployment
            name: vllm
          minReplicas: 1
          maxReplicas: 4
        """;

    [Fact]
    public Task IL1005_CSharp_fixed_replicas_are_reported_at_the_replica_count() =>
        AnalyzerVerify.CSharp("IL1005", Deployment(replicas: "Replicas = {|IL1005:2|},"));

    [Fact]
    public Task IL1005_CSharp_an_autoscaler_that_targets_the_deployment_silences_it() =>
        AnalyzerVerify.CSharp("IL1005", Deployment(extra: Hpa.Replace("TARGET", "\"vllm\"")));

    [Fact]
    public Task IL1005_YAML_fixed_replicas_are_reported_at_the_replica_count() =>
        Yaml("IL1005", VllmYaml("{|IL1005:2|}"));

    [Fact]
    public Task IL1005_YAML_an_autoscaler_that_targets_the_deployment_silences_it() =>
        Yaml("IL1005", VllmYaml("2") + "\n---\n" + HpaYaml);

    private const string NodegroupYaml = """
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          TrainNodes:
            Type: AWS::EKS::Nodegroup
            Properties:
              ClusterName: ml
              InstanceTypes: [p5.48xlarge]
              CapacityType: CAPACITY
              Tags:
                infralint.dev/role: training
        """;

    [Fact]
    public Task IL1006_CSharp_on_demand_training_is_reported_at_the_node_selector() =>
        AnalyzerVerify.CSharp("IL1006", Job(pod: NodeSelector("node.kubernetes.io/instance-type", "p4d.24xlarge", "{|IL1006:NodeSelector|}")));

    [Fact]
    public Task IL1006_CSharp_a_spot_node_selector_is_not_reported() =>
        AnalyzerVerify.CSharp("IL1006", Job(pod: NodeSelector("karpenter.sh/capacity-type", "spot")));

    [Fact]
    public Task IL1006_YAML_an_on_demand_training_node_group_is_reported_at_its_capacity_type() =>
        AnalyzerVerify.Manifest("IL1006", "/cfn/training.yaml", NodegroupYaml.Replace("CAPACITY", "{|IL1006:ON_DEMAND|}"));

    [Fact]
    public Task IL1006_YAML_a_spot_node_group_is_not_reported() =>
        AnalyzerVerify.Manifest("IL1006", "/cfn/training.yaml", NodegroupYaml.Replace("CAPACITY", "SPOT"));

    private static string CronJob(string schedule) => $$"""
        using System.Collections.Generic;
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

    private static string CronJobYaml(string schedule) => $$"""
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: retrain
          namespace: training
          annotations:
            infralint.dev/role: training
        spec:
          schedule: {{schedule}}
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: Never
                  containers:
                    - name: trainer
                      image: ghcr.io/example/train:1
        """;

    [Fact]
    public Task IL1007_CSharp_a_training_schedule_inside_the_peak_window_is_reported_at_the_schedule() =>
        AnalyzerVerify.CSharp("IL1007", CronJob("{|IL1007:\"30 9 * * 1-5\"|}"));

    [Fact]
    public Task IL1007_CSharp_a_night_schedule_is_not_reported() => AnalyzerVerify.CSharp("IL1007", CronJob("\"30 1 * * 1-5\""));

    [Fact]
    public Task IL1007_YAML_a_training_schedule_inside_the_peak_window_is_reported_at_the_schedule() =>
        Yaml("IL1007", CronJobYaml("{|IL1007:\"30 9 * * 1-5\"|}"));

    [Fact]
    public Task IL1007_YAML_a_night_schedule_is_not_reported() => Yaml("IL1007", CronJobYaml("\"30 1 * * 1-5\""));

    private static string Fp32Server(string dtype) => Deployment(
        pod: NodeSelector("nvidia.com/gpu.product", "NVIDIA-L40S"),
        container: Container(resources: Gpus("\"1\""), more: $"Args = new List<string> {{ \"--model\", \"meta-llama/Llama-3.1-8B-Instruct\", \"--dtype\", {dtype} }}"));

    private static string ClassifierYaml(string precision) => $$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: classifier
          annotations:
            infralint.dev/role: inference
            infralint.dev/model: mistral-7b
            infralint.dev/precision: {{precision}}
        spec:
          template:
            spec:
              containers:
                - name: server
                  image: ghcr.io/example/classifier:1
                  resources:
                    limits:
                      nvidia.com/gpu: 1
        """;

    [Fact]
    public Task IL1008_CSharp_fp32_server_arguments_are_reported_at_the_dtype() =>
        AnalyzerVerify.CSharp("IL1008", Fp32Server("{|IL1008:\"float32\"|}"));

    [Fact]
    public Task IL1008_CSharp_bf16_is_not_reported() => AnalyzerVerify.CSharp("IL1008", Fp32Server("\"bfloat16\""));

    [Fact]
    public Task IL1008_YAML_a_profile_precision_of_fp32_is_reported_at_the_precision() =>
        Yaml("IL1008", ClassifierYaml("{|IL1008:fp32|}"));

    [Fact]
    public Task IL1008_YAML_a_profile_precision_of_bf16_is_not_reported() => Yaml("IL1008", ClassifierYaml("bf16"));

    private static string Serving(string ns) => $$"""
        var serving = new V1Deployment
        {
            Metadata = new V1ObjectMeta { Name = "chat", NamespaceProperty = "{{ns}}" },
            Spec = new V1DeploymentSpec { Template = new V1PodTemplateSpec { Spec = new V1PodSpec { Containers = new List<V1Container> { new V1Container { Name = "vllm", Image = "vllm/vllm-openai:v0.6.3", Resources = new V1ResourceRequirements { Limits = new Dictionary<string, ResourceQuantity> { ["nvidia.com/gpu"] = "1" } } } } } } },
        };
        """;

    private static string SharedPoolYaml(string jobName, string servingNamespace) => $$"""
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: {{jobName}}
          namespace: ml
          annotations:
            infralint.dev/role: training
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
                - name: train
                  image: ghcr.io/example/finetune:1
                  resources:
                    limits:
                      nvidia.com/gpu: 8
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: chat
          namespace: {{servingNamespace}}
        spec:
          template:
            spec:
              containers:
                - name: vllm
                  image: vllm/vllm-openai:v0.6.3
                  resources:
                    limits:
                      nvidia.com/gpu: 1
        """;

    [Fact]
    public Task IL1009_CSharp_training_and_inference_in_the_default_pool_are_reported_at_the_training_job() =>
        AnalyzerVerify.CSharp("IL1009", Marked(Job(metadata: Training.Replace("Name = \"finetune\", ", ""), extra: Serving("ml")), "IL1009", "V1Job"));

    [Fact]
    public Task IL1009_CSharp_inference_in_another_namespace_is_not_reported() => AnalyzerVerify.CSharp("IL1009", Job(extra: Serving("web")));

    [Fact]
    public Task IL1009_YAML_training_and_inference_in_the_default_pool_are_reported_at_the_training_job() =>
        Yaml("IL1009", SharedPoolYaml("{|IL1009:finetune|}", "ml"));

    [Fact]
    public Task IL1009_YAML_inference_in_another_namespace_is_not_reported() => Yaml("IL1009", SharedPoolYaml("finetune", "web"));

    private const string GpuRequest = "Resources = new V1ResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { [\"nvidia.com/gpu\"] = REQUEST }, Limits = new Dictionary<string, ResourceQuantity> { [\"cpu\"] = \"4\", [\"memory\"] = \"16Gi\"LIMIT } }";

    private static string FinetuneYaml(string request, string limit) => $$"""
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: finetune
        spec:
          template:
            spec:
              containers:
                - name: trainer
                  image: pytorch/pytorch:2.4.0-cuda12.1-cudnn9-runtime
                  resources:
                    requests:
                      cpu: "8"
                      nvidia.com/gpu: {{request}}
                    limits:
                      cpu: "8"{{limit}}
        """;

    [Fact]
    public Task IL1010_CSharp_a_gpu_request_without_limit_is_reported_at_the_request() =>
        AnalyzerVerify.CSharp("IL1010", Deployment(container: Container(resources: GpuRequest.Replace("REQUEST", "{|IL1010:new ResourceQuantity(\"1\")|}").Replace("LIMIT", ""))));

    [Fact]
    public Task IL1010_CSharp_a_gpu_request_with_an_equal_limit_is_not_reported() =>
        AnalyzerVerify.CSharp("IL1010", Deployment(container: Container(resources: GpuRequest.Replace("REQUEST", "\"1\"").Replace("LIMIT", ", [\"nvidia.com/gpu\"] = \"1\""))));

    [Fact]
    public Task IL1010_YAML_a_gpu_request_without_limit_is_reported_at_the_request() =>
        Yaml("IL1010", FinetuneYaml("{|IL1010:2|}", ""));

    [Fact]
    public Task IL1010_YAML_a_gpu_request_with_an_equal_limit_is_not_reported() =>
        Yaml("IL1010", FinetuneYaml("2", "\n              nvidia.com/gpu: 2"));

    private static string ChatYaml(string name, string labels) => $$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{name}}
          labels:
            team: assistants{{labels}}
        spec:
          template:
            spec:
              containers:
                - name: vllm
                  image: vllm/vllm-openai:v0.6.3
                  resources:
                    limits:
                      nvidia.com/gpu: 1
        """;

    [Fact]
    public Task IL1011_CSharp_a_gpu_workload_without_cost_labels_is_reported_at_the_workload() =>
        ById("IL1011", Marked(Deployment(metadata: Unnamed, container: Container(resources: GpuRequest.Replace("REQUEST", "\"1\"").Replace("LIMIT", ", [\"nvidia.com/gpu\"] = \"1\""))), "IL1011", "V1Deployment"));

    [Fact]
    public Task IL1011_CSharp_cost_labels_silence_it() =>
        ById("IL1011", Deployment(
            metadata: "Metadata = new V1ObjectMeta { NamespaceProperty = \"serving\", Labels = new Dictionary<string, string> { [\"team\"] = \"ml\", [\"cost-center\"] = \"cc-42\", [\"model\"] = \"llama-3.1-8b\" } },",
            container: Container(resources: GpuRequest.Replace("REQUEST", "\"1\"").Replace("LIMIT", ", [\"nvidia.com/gpu\"] = \"1\""))));

    [Fact]
    public Task IL1011_YAML_a_gpu_workload_without_cost_labels_is_reported_at_its_name() =>
        ById("IL1011", yaml: ChatYaml("{|IL1011:chat|}", ""));

    [Fact]
    public Task IL1011_YAML_cost_labels_silence_it() =>
        ById("IL1011", yaml: ChatYaml("chat", "\n    example.com/cost-center: cc-1\n    model: llama-3.1-8b"));
}
