using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using InfraLint.Rules.Tests.Infrastructure;
using static InfraLint.Rules.Tests.CSharp.PulumiKubernetes.PulumiKubernetesCode;

namespace InfraLint.Rules.Tests.CSharp.PulumiKubernetes;

/// <summary>
/// The remaining Kubernetes rules on Pulumi Kubernetes resources, read syntactically (no Pulumi package is served here):
/// capacity (IL1001-IL1004, IL1006-IL1009, IL1011), endpoints (IL2003, IL2010), monitoring and rollout (IL3001-IL3003,
/// IL3005) and governance (IL4003-IL4006). The workload profile comes from <c>infralint.dev/*</c> annotations.
/// </summary>
public sealed class PulumiKubernetesCoverageTests
{
    private static Finding At(string id, int line, int column, string markup, LintSettings? settings = null)
    {
        var finding = Assert.Single(CSharpVerify.Findings(settings, id, markup, CSharpMode.Syntactic));
        Assert.Equal((id, line, column), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
        return finding;
    }

    private static void None(string id, string code, LintSettings? settings = null) => CSharpVerify.NoFindings(settings, id, code, CSharpMode.Syntactic);

    private const string DeploymentHead = "new Pulumi.Kubernetes.Apps.V1.Deployment(\"vllm\"";

    /// <summary>
    /// The Deployment without <c>Metadata.Name</c> (auto-named after its resource), its <c>new X</c> marked: a workload's own
    /// findings point there, where a literal name would stay their place when it became unknown.
    /// </summary>
    private static string AtCreation(string id, string code) =>
        code.Replace(DeploymentHead, $"{{|{id}:new Pulumi.Kubernetes.Apps.V1.Deployment|}}(\"vllm\"").Replace("Name = \"vllm\", Namespace", "Namespace");

    private static string Metadata(string annotations, string name = "Name = \"vllm\", ") =>
        $"Metadata = new ObjectMetaArgs {{ {name}Namespace = \"serving\", Annotations = {{ {annotations} }} }},";

    private static string Gpus(string count) => $"Resources = new ResourceRequirementsArgs {{ Limits = {{ {{ \"cpu\", \"8\" }}, {{ \"memory\", \"64Gi\" }}, {{ \"nvidia.com/gpu\", {count} }} }} }}";

    private static string NodeSelector(string label, string value, string key = "NodeSelector") => $"{key} = {{ {{ \"{label}\", \"{value}\" }} }},";

    // ---- capacity --------------------------------------------------------------------------------------------------

    private const string Chat70b = "{ \"infralint.dev/model\", \"llama-3.1-70b\" }, { \"infralint.dev/precision\", \"fp8\" }, { \"infralint.dev/peak-rps\", \"40\" }, { \"infralint.dev/p99-latency-ms\", \"20000\" }";

    private static string Chat70bServer(string replicas) =>
        Deployment(metadata: Metadata(Chat70b), replicas: replicas, pod: NodeSelector("nvidia.com/gpu.product", "NVIDIA-H100-80GB-HBM3"), container: Container(resources: Gpus("\"2\"")));

    [Fact]
    public void IL1001_too_many_replicas_are_reported_at_the_replica_count() =>
        Assert.Contains("24 GPUs provisioned, but the sizing model needs 14", At("IL1001", 10, 20, Chat70bServer("Replicas = {|IL1001:12|},")).Message);

    [Fact]
    public void IL1001_the_needed_count_is_not_reported() => None("IL1001", Chat70bServer("Replicas = 7,"));

    [Fact]
    public void IL1002_too_few_replicas_are_reported_at_the_replica_count() => At("IL1002", 10, 20, Chat70bServer("Replicas = {|IL1002:3|},"));

    [Fact]
    public void IL1002_enough_replicas_are_not_reported() => None("IL1002", Chat70bServer("Replicas = 12,"));

    private static string Chat8bServer(string nodeSelector) => Deployment(
        metadata: Metadata("{ \"infralint.dev/model\", \"llama-3.1-8b\" }, { \"infralint.dev/peak-rps\", \"4\" }, { \"infralint.dev/p99-latency-ms\", \"20000\" }"),
        replicas: "Replicas = 1,", pod: nodeSelector, container: Container(resources: Gpus("\"1\"")));

    [Fact]
    public void IL1003_an_8b_model_on_an_h100_is_reported_at_the_node_selector() =>
        At("IL1003", 15, 17, Chat8bServer(NodeSelector("node.kubernetes.io/instance-type", "p5.48xlarge", "{|IL1003:NodeSelector|}")));

    [Fact]
    public void IL1003_a_class_that_fits_is_not_reported() => None("IL1003", Chat8bServer(NodeSelector("node.kubernetes.io/instance-type", "g6e.xlarge")));

    [Fact]
    public void IL1004_a_gpu_deployment_without_a_profile_is_reported_at_its_creation() =>
        At("IL1004", 5, 18, AtCreation("IL1004", Deployment(container: Container(resources: Gpus("\"1\"")))));

    [Fact]
    public void IL1004_a_model_annotation_is_a_plan() =>
        None("IL1004", Deployment(metadata: Metadata("{ \"infralint.dev/model\", \"mistral-7b\" }"), container: Container(resources: Gpus("\"1\""))));

    /// <summary>A training Job (by its role annotation) with 8 GPUs in namespace ml: metadata on line 7, the pod's settings on line 14, the container on line 21, more resources from line 28.</summary>
    private static string Job(string annotations = "", string labels = "", string name = "Name = \"finetune\", ", string pod = "ServiceAccountName = \"trainer\",", string container = "", string extra = "") => $$"""
        using Pulumi.Kubernetes.Types.Inputs.Core.V1;
        using Pulumi.Kubernetes.Types.Inputs.Batch.V1;
        using Pulumi.Kubernetes.Types.Inputs.Meta.V1;

        var job = new Pulumi.Kubernetes.Batch.V1.Job("finetune", new JobArgs
        {
            Metadata = new ObjectMetaArgs { {{name}}Namespace = "ml", {{labels}}Annotations = { { "infralint.dev/role", "training" }{{annotations}} } },
            Spec = new JobSpecArgs
            {
                Template = new PodTemplateSpecArgs
                {
                    Spec = new PodSpecArgs
                    {
                        {{pod}}
                        RestartPolicy = "Never",
                        Containers =
                        {
                            new ContainerArgs
                            {
                                Name = "train",
                                Image = "ghcr.io/example/finetune:1", Resources = new ResourceRequirementsArgs { Limits = { { "nvidia.com/gpu", "8" } } },{{container}}
                            },
                        },
                    },
                },
            },
        });
        {{extra}}
        """;

    private static string JobAtCreation(string id, string code) =>
        code.Replace("new Pulumi.Kubernetes.Batch.V1.Job(", $"{{|{id}:new Pulumi.Kubernetes.Batch.V1.Job|}}(");

    [Fact]
    public void IL1006_on_demand_training_is_reported_at_the_node_selector() =>
        At("IL1006", 14, 17, Job(pod: NodeSelector("node.kubernetes.io/instance-type", "p4d.24xlarge", "{|IL1006:NodeSelector|}")));

    [Fact]
    public void IL1006_a_spot_node_selector_is_not_reported() => None("IL1006", Job(pod: NodeSelector("karpenter.sh/capacity-type", "spot")));

    private static string CronJob(string schedule) => $$"""
        using Pulumi.Kubernetes.Types.Inputs.Core.V1;
        using Pulumi.Kubernetes.Types.Inputs.Batch.V1;
        using Pulumi.Kubernetes.Types.Inputs.Meta.V1;

        var retrain = new Pulumi.Kubernetes.Batch.V1.CronJob("retrain", new CronJobArgs
        {
            Metadata = new ObjectMetaArgs { Namespace = "training", Annotations = { { "infralint.dev/role", "training" } } },
            Spec = new CronJobSpecArgs
            {
                Schedule = {{schedule}},
                JobTemplate = new JobTemplateSpecArgs { Spec = new JobSpecArgs { Template = new PodTemplateSpecArgs { Spec = new PodSpecArgs { RestartPolicy = "Never", Containers = { new ContainerArgs { Name = "trainer", Image = "ghcr.io/example/train:1" } } } } } },
            },
        });
        """;

    [Fact]
    public void IL1007_a_training_schedule_inside_the_peak_window_is_reported_at_the_schedule() => At("IL1007", 10, 20, CronJob("{|IL1007:\"30 9 * * 1-5\"|}"));

    [Fact]
    public void IL1007_a_night_schedule_is_not_reported() => None("IL1007", CronJob("\"30 1 * * 1-5\""));

    private static string Fp32Server(string dtype) => Deployment(
        pod: NodeSelector("nvidia.com/gpu.product", "NVIDIA-L40S"),
        container: Container(resources: Gpus("\"1\""), more: $"Args = {{ \"--model\", \"meta-llama/Llama-3.1-8B-Instruct\", \"--dtype\", {dtype} }}"));

    [Fact]
    public void IL1008_fp32_server_arguments_are_reported_at_the_dtype() => At("IL1008", 21, 554, Fp32Server("{|IL1008:\"float32\"|}"));

    [Fact]
    public void IL1008_bf16_is_not_reported() => None("IL1008", Fp32Server("\"bfloat16\""));

    private static string Serving(string ns) => $$"""
        var serving = new Pulumi.Kubernetes.Apps.V1.Deployment("chat", new Pulumi.Kubernetes.Types.Inputs.Apps.V1.DeploymentArgs
        {
            Metadata = new ObjectMetaArgs { Name = "chat", Namespace = "{{ns}}" },
            Spec = new Pulumi.Kubernetes.Types.Inputs.Apps.V1.DeploymentSpecArgs { Template = new PodTemplateSpecArgs { Spec = new PodSpecArgs { Containers = { new ContainerArgs { Name = "vllm", Image = "vllm/vllm-openai:v0.6.3", Resources = new ResourceRequirementsArgs { Limits = { { "nvidia.com/gpu", "1" } } } } } } } },
        });
        """;

    [Fact]
    public void IL1009_training_and_inference_in_the_default_pool_are_reported_at_the_training_job() =>
        At("IL1009", 5, 11, JobAtCreation("IL1009", Job(name: "", extra: Serving("ml"))));

    [Fact]
    public void IL1009_inference_in_another_namespace_is_not_reported() => None("IL1009", Job(extra: Serving("web")));

    [Fact]
    public void IL1011_a_gpu_workload_without_cost_labels_is_reported_at_its_creation() =>
        At("IL1011", 5, 18, AtCreation("IL1011", Deployment(container: Container(resources: Gpus("\"1\"")))));

    [Fact]
    public void IL1011_cost_labels_silence_it() =>
        None("IL1011", Deployment(
            metadata: "Metadata = new ObjectMetaArgs { Namespace = \"serving\", Labels = { { \"team\", \"ml\" }, { \"cost-center\", \"cc-42\" }, { \"model\", \"llama-3.1-8b\" } } },",
            container: Container(resources: Gpus("\"1\""))));

    // ---- endpoints -------------------------------------------------------------------------------------------------

    private const string Ingress = """
        using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
        using Pulumi.Kubernetes.Types.Inputs.Networking.V1;

        var ingress = new Pulumi.Kubernetes.Networking.V1.Ingress("vllm", new IngressArgs
        {
            Metadata = new ObjectMetaArgs { Namespace = "serving", Annotations = { { "nginx.ingress.kubernetes.io/limit-rps", "10" } } },
            Spec = new IngressSpecArgs { TLS },
        });
        """;

    [Fact]
    public void IL2003_an_ingress_without_tls_is_reported_at_its_creation() =>
        At("IL2003", 4, 15, Ingress.Replace("TLS", "IngressClassName = \"nginx\"").Replace("new Pulumi.Kubernetes.Networking.V1.Ingress(", "{|IL2003:new Pulumi.Kubernetes.Networking.V1.Ingress|}("));

    [Fact]
    public void IL2003_an_ingress_with_tls_is_not_reported() =>
        None("IL2003", Ingress.Replace("TLS", "IngressClassName = \"nginx\", Tls = { new IngressTLSArgs { SecretName = \"vllm-tls\", Hosts = { \"llm.example.com\" } } }"));

    private const string LoadBalancer = """
        var service = new Pulumi.Kubernetes.Core.V1.Service("vllm", new ServiceArgs
        {
            Metadata = new ObjectMetaArgs { Name = "vllm", Namespace = "serving" },
            Spec = new ServiceSpecArgs { Type = TYPE, Selector = { { "app", "vllm" } }, Ports = { new ServicePortArgs { Port = 80, TargetPort = 8000 } } },
        });
        """;

    /// <summary>The Deployment with pod labels app=vllm, then <paramref name="service"/> from line 29 (its type on line 32).</summary>
    private static string ServedBy(string service) =>
        Deployment(extra: service).Replace(
            "Template = new PodTemplateSpecArgs\n        {\n",
            "Template = new PodTemplateSpecArgs\n        {\n            Metadata = new ObjectMetaArgs { Labels = { { \"app\", \"vllm\" } } },\n");

    [Fact]
    public void IL2010_a_public_load_balancer_without_rate_limit_is_reported_at_its_type() =>
        At("IL2010", 32, 41, ServedBy(LoadBalancer.Replace("TYPE", "{|IL2010:\"LoadBalancer\"|}")));

    [Fact]
    public void IL2010_a_cluster_ip_service_is_not_reported() => None("IL2010", ServedBy(LoadBalancer.Replace("TYPE", "\"ClusterIP\"")));

    // ---- monitoring and rollout ------------------------------------------------------------------------------------

    private const string MlServer = "Image = \"seldonio/mlserver:1.6.0\"";

    [Fact]
    public void IL3001_a_model_server_nothing_monitors_is_reported_at_its_creation() =>
        At("IL3001", 5, 18, AtCreation("IL3001", Deployment(container: Container(image: MlServer))));

    [Fact]
    public void IL3001_a_declared_drift_monitor_is_not_reported() =>
        None("IL3001", Deployment(metadata: Metadata("{ \"infralint.dev/drift-monitor\", \"nannyml\" }"), container: Container(image: MlServer)));

    [Fact]
    public void IL3002_a_model_server_nothing_scrapes_is_reported_at_its_creation() => At("IL3002", 5, 18, AtCreation("IL3002", Deployment()));

    [Fact]
    public void IL3002_scrape_annotations_on_the_pod_template_are_not_reported() =>
        None("IL3002", Deployment().Replace(
            "Template = new PodTemplateSpecArgs\n        {\n",
            "Template = new PodTemplateSpecArgs\n        {\n            Metadata = new ObjectMetaArgs { Annotations = { { \"prometheus.io/scrape\", \"true\" }, { \"prometheus.io/port\", \"8000\" } } },\n"));

    [Fact]
    public void IL3003_an_inference_service_without_latency_objective_is_reported_at_its_creation() => At("IL3003", 5, 18, AtCreation("IL3003", Deployment()));

    [Fact]
    public void IL3003_a_latency_annotation_silences_it() => None("IL3003", Deployment(metadata: Metadata("{ \"infralint.dev/p99-latency-ms\", \"500\" }")));

    [Fact]
    public void IL3005_a_recreate_rollout_is_reported_at_the_strategy_type() =>
        At("IL3005", 10, 70, Deployment(replicas: "Replicas = 3, Strategy = new DeploymentStrategyArgs { Type = {|IL3005:\"Recreate\"|} },"));

    [Fact]
    public void IL3005_a_rolling_update_one_replica_at_a_time_is_not_reported() =>
        None("IL3005", Deployment(replicas: "Replicas = 3, Strategy = new DeploymentStrategyArgs { Type = \"RollingUpdate\", RollingUpdate = new RollingUpdateDeploymentArgs { MaxUnavailable = 1 } },"));

    // ---- governance ------------------------------------------------------------------------------------------------

    [Fact]
    public void IL4003_an_annotated_dataset_without_version_is_reported_at_the_dataset() =>
        At("IL4003", 7, 155, Job(annotations: ", { \"infralint.dev/dataset\", {|IL4003:\"s3://ml-datasets/churn/\"|} }"));

    [Fact]
    public void IL4003_a_dataset_version_annotation_is_not_reported() =>
        None("IL4003", Job(annotations: ", { \"infralint.dev/dataset\", \"s3://ml-datasets/churn/\" }, { \"infralint.dev/dataset-version\", \"7\" }"));

    [Fact]
    public void IL4004_a_training_job_without_lineage_labels_is_reported_at_its_creation() =>
        At("IL4004", 5, 11, JobAtCreation("IL4004", Job(name: "")));

    [Fact]
    public void IL4004_lineage_labels_and_annotations_are_not_reported() =>
        None("IL4004", Job(annotations: ", { \"infralint.dev/dataset\", \"s3://d/churn/v3/\" }", labels: "Labels = { { \"app.kubernetes.io/version\", \"4f2a9c1\" }, { \"infralint.dev/model-version\", \"churn-v12\" } }, "));

    [Fact]
    public void IL4005_a_training_job_without_a_tracker_is_reported_at_its_creation() => At("IL4005", 5, 11, JobAtCreation("IL4005", Job(name: "")));

    [Fact]
    public void IL4005_a_tracking_uri_in_the_environment_is_not_reported() =>
        None("IL4005", Job(container: " Env = { new EnvVarArgs { Name = \"MLFLOW_TRACKING_URI\", Value = \"http://mlflow:5000\" } },"));

    private static readonly LintSettings EuOnly = new() { AllowedRegions = new[] { "eu-west-1", "eu-central-*" } };

    [Fact]
    public void IL4006_a_pod_required_in_a_disallowed_region_is_reported_at_the_region() =>
        Assert.Contains("Job 'finetune' is placed in us-east-1", At("IL4006", 14, 69, Job(pod: "NodeSelector = { { \"topology.kubernetes.io/region\", {|IL4006:\"us-east-1\"|} } },"), EuOnly).Message);

    [Fact]
    public void IL4006_an_allowed_region_is_not_reported() => None("IL4006", Job(pod: NodeSelector("topology.kubernetes.io/region", "eu-west-1")), EuOnly);
}
