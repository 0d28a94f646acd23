using InfraLint.Analyzers.Tests.Infrastructure;
using static InfraLint.Analyzers.Tests.Rules.KubernetesCode;

namespace InfraLint.Analyzers.Tests.Rules;

/// <summary>
/// The governance rules (IL4001-IL4006) as compiler diagnostics, each firing and not firing in a C# program
/// (KubernetesClient or AWS CDK) and in a YAML AdditionalFile (Kubernetes or CloudFormation). IL4004 waits for
/// InfraLint's vocabulary: its tests turn it on by id, which counts as adoption.
/// </summary>
public sealed class GovernanceRulesTests
{
    private static Task Yaml(string id, string yaml) => AnalyzerVerify.Manifest(id, "/deploy/training.yaml", yaml);

    private static Task Run(string id, string? code = null, string? yaml = null, string options = "")
    {
        var test = AnalyzerVerify.EnabledById(id, options);
        test.TestCode = code ?? "System.Console.WriteLine();";
        if (yaml is not null) test.TestState.AdditionalFiles.Add(("/deploy/training.yaml", yaml));
        return test.RunAsync();
    }

    [Fact]
    public Task IL4001_CSharp_an_EKS_cluster_without_the_audit_log_type_is_reported() => AnalyzerVerify.CSharp("IL4001", """
        using Amazon.CDK;
        using Amazon.CDK.AWS.EKS;

        var stack = new Stack(new App(), "Training");
        new Cluster(stack, "Api", new ClusterProps { Version = KubernetesVersion.V1_27, ClusterLogging = {|IL4001:new[] { ClusterLoggingTypes.API }|} });
        """);

    [Fact]
    public Task IL4001_CSharp_a_trail_and_a_cluster_with_audit_logs_are_not_reported() => AnalyzerVerify.CSharp("IL4001", """
        using Amazon.CDK;
        using Amazon.CDK.AWS.CloudTrail;
        using Amazon.CDK.AWS.EKS;

        var stack = new Stack(new App(), "Training");
        new Trail(stack, "Api");
        new Cluster(stack, "Ml", new ClusterProps { Version = KubernetesVersion.V1_27, ClusterLogging = new[] { ClusterLoggingTypes.API, ClusterLoggingTypes.AUDIT } });
        """);

    private const string TrailYaml = """
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Trail:
            Type: AWS::CloudTrail::Trail
            Properties:
              S3BucketName: audit
              IsLogging: LOGGING
        """;

    [Fact]
    public Task IL4001_YAML_a_stopped_trail_is_reported_at_the_flag() =>
        AnalyzerVerify.Manifest("IL4001", "/cfn/audit.yaml", TrailYaml.Replace("LOGGING", "{|IL4001:false|}"));

    [Fact]
    public Task IL4001_YAML_a_logging_trail_is_not_reported() =>
        AnalyzerVerify.Manifest("IL4001", "/cfn/audit.yaml", TrailYaml.Replace("LOGGING", "true"));

    private const string LogGroupYaml = """
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Inference:
            Type: AWS::Logs::LogGroup
            Properties:
              RetentionInDays: DAYS
        """;

    [Fact]
    public Task IL4002_CSharp_a_short_L2_retention_is_reported_at_the_enum_member() => AnalyzerVerify.CSharp("IL4002", """
        using Amazon.CDK;
        using Amazon.CDK.AWS.Logs;

        var stack = new Stack(new App(), "Serving");
        new LogGroup(stack, "Inference", new LogGroupProps { Retention = {|IL4002:RetentionDays.ONE_WEEK|} });
        """);

    [Fact]
    public Task IL4002_CSharp_CDKs_default_of_two_years_and_infinite_retention_are_not_reported() => AnalyzerVerify.CSharp("IL4002", """
        using Amazon.CDK;
        using Amazon.CDK.AWS.Logs;

        var stack = new Stack(new App(), "Serving");
        new LogGroup(stack, "Inference");
        new LogGroup(stack, "Audit", new LogGroupProps { Retention = RetentionDays.INFINITE });
        """);

    [Fact]
    public Task IL4002_YAML_a_short_retention_is_reported_at_the_days() =>
        AnalyzerVerify.Manifest("IL4002", "/cfn/logs.yaml", LogGroupYaml.Replace("DAYS", "{|IL4002:30|}"));

    [Fact]
    public Task IL4002_YAML_a_long_retention_is_not_reported() =>
        AnalyzerVerify.Manifest("IL4002", "/cfn/logs.yaml", LogGroupYaml.Replace("DAYS", "400"));

    /// <summary>A training Job; <paramref name="annotations"/> and <paramref name="labels"/> are lines at the metadata's indentation.</summary>
    private static string TrainingYaml(string name = "finetune", string annotations = "", string labels = "", string pod = "", string container = "") => $$"""
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: {{name}}
          namespace: ml{{labels}}
          annotations:
            infralint.dev/role: training{{annotations}}
        spec:
          template:
            spec:{{pod}}
              restartPolicy: Never
              containers:
                - name: train
                  image: ghcr.io/example/finetune:1{{container}}
                  resources:
                    limits:
                      nvidia.com/gpu: 8
        """;

    [Fact]
    public Task IL4003_CSharp_an_annotated_dataset_without_version_is_reported_at_the_dataset() =>
        AnalyzerVerify.CSharp("IL4003", Job(metadata: JobMetadata(", [\"infralint.dev/dataset\"] = {|IL4003:\"s3://ml-datasets/churn/\"|}")));

    [Fact]
    public Task IL4003_CSharp_a_dataset_version_annotation_is_not_reported() =>
        AnalyzerVerify.CSharp("IL4003", Job(metadata: JobMetadata(", [\"infralint.dev/dataset\"] = \"s3://ml-datasets/churn/\", [\"infralint.dev/dataset-version\"] = \"7\"")));

    [Fact]
    public Task IL4003_YAML_an_annotated_dataset_without_version_is_reported_at_the_dataset() =>
        Yaml("IL4003", TrainingYaml(annotations: "\n    infralint.dev/dataset: {|IL4003:s3://ml-datasets/churn/|}"));

    [Fact]
    public Task IL4003_YAML_a_dataset_version_annotation_is_not_reported() =>
        Yaml("IL4003", TrainingYaml(annotations: "\n    infralint.dev/dataset: s3://ml-datasets/churn/\n    infralint.dev/dataset-version: \"7\""));

    private static readonly string UnnamedJob = Training.Replace("Name = \"finetune\", ", "");

    [Fact]
    public Task IL4004_CSharp_a_training_job_without_lineage_labels_is_reported_at_its_creation() =>
        Run("IL4004", Marked(Job(metadata: UnnamedJob), "IL4004", "V1Job"));

    [Fact]
    public Task IL4004_CSharp_lineage_labels_and_annotations_are_not_reported() =>
        Run("IL4004", Job(metadata: JobMetadata(
            ", [\"infralint.dev/dataset\"] = \"s3://d/churn/v3/\"",
            "Labels = new Dictionary<string, string> { [\"app.kubernetes.io/version\"] = \"4f2a9c1\", [\"infralint.dev/model-version\"] = \"churn-v12\" }, ")));

    [Fact]
    public Task IL4004_YAML_a_training_job_without_lineage_labels_is_reported_at_its_name() =>
        Run("IL4004", yaml: TrainingYaml(name: "{|IL4004:finetune|}"));

    [Fact]
    public Task IL4004_YAML_lineage_labels_and_annotations_are_not_reported() =>
        Run("IL4004", yaml: TrainingYaml(
            annotations: "\n    infralint.dev/dataset: s3://d/churn/v3/",
            labels: "\n  labels:\n    app.kubernetes.io/version: 4f2a9c1\n    infralint.dev/model-version: churn-v12"));

    [Fact]
    public Task IL4005_CSharp_a_training_job_without_a_tracker_is_reported_at_its_creation() =>
        AnalyzerVerify.CSharp("IL4005", Marked(Job(metadata: UnnamedJob), "IL4005", "V1Job"));

    [Fact]
    public Task IL4005_CSharp_a_tracking_uri_in_the_environment_is_not_reported() =>
        AnalyzerVerify.CSharp("IL4005", Job(container: JobGpus + " Env = new List<V1EnvVar> { new V1EnvVar { Name = \"MLFLOW_TRACKING_URI\", Value = \"http://mlflow:5000\" } },"));

    [Fact]
    public Task IL4005_YAML_a_training_job_without_a_tracker_is_reported_at_its_name() =>
        Yaml("IL4005", TrainingYaml(name: "{|IL4005:finetune|}"));

    [Fact]
    public Task IL4005_YAML_a_tracking_uri_in_the_environment_is_not_reported() =>
        Yaml("IL4005", TrainingYaml(container: "\n          env:\n            - name: MLFLOW_TRACKING_URI\n              value: http://mlflow:5000"));

    /// <summary>The allowed regions as a team sets them in <c>.globalconfig</c>: a list option, comma-separated.</summary>
    private const string EuOnly = "infralint_allowed_regions = eu-west-1, eu-central-*\n";

    private static string Region(string value) => Job(pod: $"NodeSelector = new Dictionary<string, string> {{ [\"topology.kubernetes.io/region\"] = {value} }},");

    [Fact]
    public Task IL4006_CSharp_a_pod_required_in_a_disallowed_region_is_reported_at_the_region() =>
        Run("IL4006", Region("{|IL4006:\"us-east-1\"|}"), options: EuOnly);

    [Fact]
    public Task IL4006_CSharp_an_allowed_region_is_not_reported() => Run("IL4006", Region("\"eu-west-1\""), options: EuOnly);

    [Fact]
    public Task IL4006_YAML_a_pod_required_in_a_disallowed_region_is_reported_at_the_region() =>
        Run("IL4006", yaml: TrainingYaml(pod: "\n      nodeSelector:\n        topology.kubernetes.io/region: {|IL4006:us-east-1|}"), options: EuOnly);

    [Fact]
    public Task IL4006_YAML_an_allowed_region_is_not_reported() =>
        Run("IL4006", yaml: TrainingYaml(pod: "\n      nodeSelector:\n        topology.kubernetes.io/region: eu-west-1"), options: EuOnly);
}
