using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using InfraLint.Rules.Tests.Infrastructure;
using static InfraLint.Rules.Tests.CSharp.KubernetesClient.KubernetesClientCode;
using static InfraLint.Rules.Tests.CSharp.KubernetesClient.KubernetesClientJobCode;

namespace InfraLint.Rules.Tests.CSharp.KubernetesClient;

/// <summary>
/// Model monitoring, rollout and governance rules (IL3001, IL3002, IL3005, IL4003-IL4006) on KubernetesClient models,
/// syntactic and bound by KubernetesClient 21.0.8.
/// </summary>
public sealed class GovernanceAndMonitoringRulesTests
{
    private static Finding At(string id, int line, int column, string markup, LintSettings? settings = null)
    {
        var finding = Assert.Single(CSharpVerify.Findings(settings, id, markup));
        Assert.Equal((id, line, column), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
        return finding;
    }

    /// <summary>A workload without a name is reported at its <c>new X</c>; a literal name would stay its place when it became unknown.</summary>
    private const string Unnamed = "Metadata = new V1ObjectMeta { NamespaceProperty = \"serving\" },";

    private static string Marked(string code, string id, string type) => code.Replace($"new {type}\n", $"{{|{id}:new {type}|}}\n");

    private const string MlServer = "Image = \"seldonio/mlserver:1.6.0\"";

    [Fact]
    public void IL3001_a_model_server_nothing_monitors_is_reported_at_its_creation() =>
        Assert.Contains("serves a model that nothing monitors", At("IL3001", 3, 18, Marked(Deployment(metadata: Unnamed, container: Container(image: MlServer)), "IL3001", "V1Deployment")).Message);

    [Fact]
    public void IL3001_a_declared_drift_monitor_is_not_reported() =>
        CSharpVerify.NoFindings("IL3001", Deployment(
            metadata: "Metadata = new V1ObjectMeta { Name = \"churn\", NamespaceProperty = \"serving\", Annotations = new Dictionary<string, string> { [\"infralint.dev/drift-monitor\"] = \"nannyml\" } },",
            container: Container(image: MlServer)));

    /// <summary>Annotations built by code may declare the monitor: the profile's attributes are unknown, not absent.</summary>
    [Theory]
    [InlineData("Annotations = new Dictionary<string, string> { [Settings.Key()] = \"nannyml\" }")]
    [InlineData("Annotations = Settings.Annotations()")]
    public void IL3001_annotations_computed_elsewhere_are_not_judged(string annotations) =>
        CSharpVerify.NoFindings("IL3001", Deployment(
            metadata: "Metadata = new V1ObjectMeta { NamespaceProperty = \"serving\", " + annotations + " },",
            container: Container(image: MlServer)) + "\nstatic class Settings\n{\n    public static string Key() => System.Environment.GetEnvironmentVariable(\"K\") ?? \"\";\n    public static Dictionary<string, string> Annotations() => new();\n}\n");

    [Fact]
    public void IL3002_a_model_server_nothing_scrapes_is_reported_at_its_creation() =>
        At("IL3002", 3, 18, Marked(Deployment(metadata: Unnamed), "IL3002", "V1Deployment"));

    [Fact]
    public void IL3002_scrape_annotations_on_the_pod_template_are_not_reported() =>
        CSharpVerify.NoFindings("IL3002", Deployment().Replace(
            "Template = new V1PodTemplateSpec\n        {\n",
            "Template = new V1PodTemplateSpec\n        {\n            Metadata = new V1ObjectMeta { Annotations = new Dictionary<string, string> { [\"prometheus.io/scrape\"] = \"true\", [\"prometheus.io/port\"] = \"8000\" } },\n"));

    [Fact]
    public void IL3005_a_recreate_rollout_is_reported_at_the_strategy_type() =>
        At("IL3005", 8, 68, Deployment(replicas: "Replicas = 3, Strategy = new V1DeploymentStrategy { Type = {|IL3005:\"Recreate\"|} },"));

    [Fact]
    public void IL3005_a_rolling_update_one_replica_at_a_time_is_not_reported() =>
        CSharpVerify.NoFindings("IL3005", Deployment(replicas: "Replicas = 3, Strategy = new V1DeploymentStrategy { Type = \"RollingUpdate\", RollingUpdate = new V1RollingUpdateDeployment { MaxUnavailable = 1 } },"));

    [Fact]
    public void IL4003_an_annotated_dataset_without_version_is_reported_at_the_dataset() =>
        Assert.Contains("infralint.dev/dataset-version", At("IL4003", 5, 192, Job(metadata: Metadata(", [\"infralint.dev/dataset\"] = {|IL4003:\"s3://ml-datasets/churn/\"|}"))).Message);

    [Fact]
    public void IL4003_a_dataset_version_annotation_is_not_reported() =>
        CSharpVerify.NoFindings("IL4003", Job(metadata: Metadata(", [\"infralint.dev/dataset\"] = \"s3://ml-datasets/churn/\", [\"infralint.dev/dataset-version\"] = \"7\"")));

    private static readonly string UnnamedJob = Training.Replace("Name = \"finetune\", ", "");

    [Fact]
    public void IL4004_a_training_job_without_lineage_labels_is_reported_at_its_creation() =>
        Assert.Contains("infralint.dev/dataset, app.kubernetes.io/version, infralint.dev/model-version", At("IL4004", 3, 11, Marked(Job(metadata: UnnamedJob), "IL4004", "V1Job")).Message);

    [Fact]
    public void IL4004_labels_computed_elsewhere_are_not_judged() =>
        CSharpVerify.NoFindings("IL4004", Job(metadata: Metadata(labels: "Labels = Lineage.Labels(), ")) + "\nstatic class Lineage\n{\n    public static Dictionary<string, string> Labels() => new();\n}\n");

    [Fact]
    public void IL4004_lineage_labels_and_annotations_are_not_reported() =>
        CSharpVerify.NoFindings("IL4004", Job(metadata: Metadata(
            ", [\"infralint.dev/dataset\"] = \"s3://d/churn/v3/\"",
            "Labels = new Dictionary<string, string> { [\"app.kubernetes.io/version\"] = \"4f2a9c1\", [\"infralint.dev/model-version\"] = \"churn-v12\" }, ")));

    [Fact]
    public void IL4005_a_training_job_without_a_tracker_is_reported_at_its_creation() =>
        At("IL4005", 3, 11, Marked(Job(metadata: UnnamedJob), "IL4005", "V1Job"));

    [Fact]
    public void IL4005_a_tracking_uri_in_the_environment_is_not_reported() =>
        CSharpVerify.NoFindings("IL4005", Job(container: Gpus + " Env = new List<V1EnvVar> { new V1EnvVar { Name = \"MLFLOW_TRACKING_URI\", Value = \"http://mlflow:5000\" } },"));

    private static readonly LintSettings EuOnly = new() { AllowedRegions = new[] { "eu-west-1", "eu-central-*" } };

    private static string Region(string value) => Job(pod: $"NodeSelector = new Dictionary<string, string> {{ [\"topology.kubernetes.io/region\"] = {value} }},");

    [Fact]
    public void IL4006_a_pod_required_in_a_disallowed_region_is_reported_at_the_region() =>
        Assert.Contains("Job 'finetune' is placed in us-east-1 (node label topology.kubernetes.io/region)", At("IL4006", 12, 101, Region("{|IL4006:\"us-east-1\"|}"), EuOnly).Message);

    [Fact]
    public void IL4006_an_allowed_region_is_not_reported() => CSharpVerify.NoFindings(EuOnly, "IL4006", Region("\"eu-west-1\""));
}
