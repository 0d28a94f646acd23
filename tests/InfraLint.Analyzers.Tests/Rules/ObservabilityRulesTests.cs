using InfraLint.Analyzers.Tests.Infrastructure;
using static InfraLint.Analyzers.Tests.Rules.KubernetesCode;

namespace InfraLint.Analyzers.Tests.Rules;

/// <summary>
/// The observability rules (IL3001-IL3006) as compiler diagnostics, each firing and not firing in a C# program
/// (KubernetesClient) and in a YAML AdditionalFile. IL3001 and IL3003 wait for InfraLint's vocabulary: their tests turn
/// them on by id, which counts as adoption.
/// </summary>
public sealed class ObservabilityRulesTests
{
    private static Task Yaml(string id, string yaml) => AnalyzerVerify.Manifest(id, "/deploy/server.yaml", yaml);

    private static Task ById(string id, string? code = null, string? yaml = null)
    {
        var test = AnalyzerVerify.EnabledById(id);
        test.TestCode = code ?? "System.Console.WriteLine();";
        if (yaml is not null) test.TestState.AdditionalFiles.Add(("/deploy/server.yaml", yaml));
        return test.RunAsync();
    }

    private const string MlServer = "Image = \"seldonio/mlserver:1.6.0\"";

    /// <summary>An inference Deployment; <paramref name="metadata"/> and <paramref name="template"/> are lines at their indentation.</summary>
    private static string ServerYaml(string name, string image = "vllm/vllm-openai:v0.6.3", string metadata = "", string template = "", string container = "", string spec = "") => $$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{name}}
          namespace: serving{{metadata}}
        spec:{{spec}}
          template:{{template}}
            spec:
              containers:
                - name: server
                  image: {{image}}{{container}}
        """;

    [Fact]
    public Task IL3001_CSharp_a_model_server_nothing_monitors_is_reported_at_its_creation() =>
        ById("IL3001", Marked(Deployment(metadata: Unnamed, container: Container(image: MlServer)), "IL3001", "V1Deployment"));

    [Fact]
    public Task IL3001_CSharp_a_declared_drift_monitor_is_not_reported() =>
        ById("IL3001", Deployment(
            metadata: "Metadata = new V1ObjectMeta { Name = \"churn\", NamespaceProperty = \"serving\", Annotations = new Dictionary<string, string> { [\"infralint.dev/drift-monitor\"] = \"nannyml\" } },",
            container: Container(image: MlServer)));

    [Fact]
    public Task IL3001_YAML_a_model_server_nothing_monitors_is_reported_at_its_name() =>
        ById("IL3001", yaml: ServerYaml("{|IL3001:churn|}", "seldonio/mlserver:1.6.0"));

    [Fact]
    public Task IL3001_YAML_a_declared_drift_monitor_is_not_reported() =>
        ById("IL3001", yaml: ServerYaml("churn", "seldonio/mlserver:1.6.0", metadata: "\n  annotations:\n    infralint.dev/drift-monitor: nannyml"));

    private const string ScrapeAnnotations = "Metadata = new V1ObjectMeta { Annotations = new Dictionary<string, string> { [\"prometheus.io/scrape\"] = \"true\", [\"prometheus.io/port\"] = \"8000\" } },";

    [Fact]
    public Task IL3002_CSharp_a_model_server_nothing_scrapes_is_reported_at_its_creation() =>
        AnalyzerVerify.CSharp("IL3002", Marked(Deployment(metadata: Unnamed), "IL3002", "V1Deployment"));

    [Fact]
    public Task IL3002_CSharp_scrape_annotations_on_the_pod_template_are_not_reported() =>
        AnalyzerVerify.CSharp("IL3002", Deployment(template: ScrapeAnnotations));

    [Fact]
    public Task IL3002_YAML_a_model_server_nothing_scrapes_is_reported_at_its_name() =>
        Yaml("IL3002", ServerYaml("{|IL3002:llama|}"));

    [Fact]
    public Task IL3002_YAML_scrape_annotations_on_the_pod_template_are_not_reported() =>
        Yaml("IL3002", ServerYaml("llama", template: "\n    metadata:\n      annotations:\n        prometheus.io/scrape: \"true\"\n        prometheus.io/port: \"8000\""));

    [Fact]
    public Task IL3003_CSharp_an_inference_service_without_latency_objective_is_reported_at_the_workload() =>
        ById("IL3003", Marked(Deployment(metadata: Unnamed), "IL3003", "V1Deployment"));

    [Fact]
    public Task IL3003_CSharp_a_latency_annotation_silences_it() =>
        ById("IL3003", Deployment(metadata: "Metadata = new V1ObjectMeta { NamespaceProperty = \"serving\", Annotations = new Dictionary<string, string> { [\"infralint.dev/p99-latency-ms\"] = \"500\" } },"));

    [Fact]
    public Task IL3003_YAML_an_inference_service_without_latency_objective_is_reported_at_its_name() =>
        ById("IL3003", yaml: ServerYaml("{|IL3003:llama|}"));

    [Fact]
    public Task IL3003_YAML_a_latency_annotation_silences_it() =>
        ById("IL3003", yaml: ServerYaml("llama", metadata: "\n  annotations:\n    infralint.dev/p99-latency-ms: \"500\""));

    private const string ProbesYaml = """

                  readinessProbe:
                    httpGet: {path: /health, port: 8000}
                  livenessProbe:
                    httpGet: {path: /health, port: 8000}
        """;

    [Fact]
    public Task IL3004_CSharp_a_serving_container_without_probes_is_reported_at_the_unnamed_container() =>
        AnalyzerVerify.CSharp("IL3004", Deployment(name: "", container: Container(probe: "TerminationMessagePath = \"/dev/termination-log\"")).Replace("new V1Container\n", "{|IL3004:new V1Container|}\n"));

    [Fact]
    public Task IL3004_CSharp_a_serving_container_with_probes_is_not_reported() => AnalyzerVerify.CSharp("IL3004", Deployment());

    [Fact]
    public Task IL3004_YAML_a_serving_container_without_probes_is_reported_at_its_name() =>
        Yaml("IL3004", ServerYaml("vllm").Replace("- name: server", "- name: {|IL3004:server|}"));

    [Fact]
    public Task IL3004_YAML_a_serving_container_with_probes_is_not_reported() =>
        Yaml("IL3004", ServerYaml("vllm", container: ProbesYaml));

    [Fact]
    public Task IL3005_CSharp_a_recreate_rollout_is_reported_at_the_strategy_type() =>
        AnalyzerVerify.CSharp("IL3005", Deployment(replicas: "Replicas = 3, Strategy = new V1DeploymentStrategy { Type = {|IL3005:\"Recreate\"|} },"));

    [Fact]
    public Task IL3005_CSharp_a_rolling_update_one_replica_at_a_time_is_not_reported() =>
        AnalyzerVerify.CSharp("IL3005", Deployment(replicas: "Replicas = 3, Strategy = new V1DeploymentStrategy { Type = \"RollingUpdate\", RollingUpdate = new V1RollingUpdateDeployment { MaxUnavailable = 1 } },"));

    [Fact]
    public Task IL3005_YAML_a_recreate_rollout_is_reported_at_the_strategy_type() =>
        Yaml("IL3005", ServerYaml("vllm", spec: "\n  replicas: 3\n  strategy:\n    type: {|IL3005:Recreate|}"));

    [Fact]
    public Task IL3005_YAML_a_rolling_update_one_replica_at_a_time_is_not_reported() =>
        Yaml("IL3005", ServerYaml("vllm", spec: "\n  replicas: 3\n  strategy:\n    type: RollingUpdate\n    rollingUpdate:\n      maxUnavailable: 1"));

    [Fact]
    public Task IL3006_CSharp_a_container_without_limits_is_reported_at_its_resources() =>
        AnalyzerVerify.CSharp("IL3006", Deployment(container: Container(resources: "{|IL3006:Resources|} = new V1ResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { [\"cpu\"] = \"4\" } }")));

    [Fact]
    public Task IL3006_CSharp_a_container_with_limits_is_not_reported() => AnalyzerVerify.CSharp("IL3006", Deployment());

    [Fact]
    public Task IL3006_YAML_a_container_without_limits_is_reported_at_its_resources() =>
        Yaml("IL3006", ServerYaml("vllm", container: "\n          {|IL3006:resources|}:\n            requests:\n              cpu: \"4\""));

    [Fact]
    public Task IL3006_YAML_a_container_with_limits_is_not_reported() =>
        Yaml("IL3006", ServerYaml("vllm", container: "\n          resources:\n            limits:\n              cpu: \"4\"\n              memory: 16Gi"));
}
