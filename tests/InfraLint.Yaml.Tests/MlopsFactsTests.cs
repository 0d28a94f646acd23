using InfraLint.Core.Facts;
using InfraLint.Core.Locations;
using InfraLint.Yaml.Configuration;
using static InfraLint.Yaml.Tests.AdapterHarness;

namespace InfraLint.Yaml.Tests;

/// <summary>The facts the observability, MLOps and data-pipeline rules read (issue 4).</summary>
public class MlopsFactsTests
{
    [Fact]
    public void Spec_monitoring_slo_data_and_tracking_are_read()
    {
        var facts = Facts("""
            apiVersion: infralint.dev/v1alpha1
            kind: AIWorkload
            metadata:
              name: churn
            spec:
              role: inference
              slo:
                p95LatencyMs: 150
              monitoring:
                drift: evidently
                dataQuality: none
                metrics: prometheus
                alerts: [p95-latency, drift]
              data:
                dataset: s3://features/churn/
                version: v2026-11-01
              tracking:
                tool: mlflow
                uri: http://mlflow.mlops:5000
            """);
        Assert.Empty(facts.OfType<ConfigProblem>());
        var profile = Assert.Single(facts.OfType<WorkloadProfile>());
        Assert.Equal(150, profile.P95LatencyMs.Value);
        Assert.True(profile.HasLatencyObjective);
        Assert.Equal("evidently", profile.DriftMonitor.Value);
        Assert.Equal("none", profile.DataQualityMonitor.Value);
        Assert.True(profile.HasDriftMonitoring);
        Assert.Equal(new[] { "p95-latency", "drift" }, profile.Alerts.Select(a => a.Value));
        Assert.Equal("mlflow", profile.Tracking.Value);
        Assert.Equal((9, 3), Pos(profile.MonitoringSpan!));
        Assert.Equal((7, 3), Pos(profile.SloSpan!));
    }

    [Fact]
    public void Drift_none_is_not_monitoring()
    {
        var profile = Facts("""
            apiVersion: infralint.dev/v1alpha1
            kind: AIWorkload
            metadata: {name: x}
            spec:
              monitoring: {drift: None}
            """).OfType<WorkloadProfile>().Single();
        Assert.True(profile.DriftMonitor.IsPresent);
        Assert.False(profile.HasDriftMonitoring);
    }

    [Fact]
    public void Pipeline_stages_are_facts_with_located_attributes()
    {
        var facts = Facts("""
            apiVersion: infralint.dev/v1alpha1
            kind: AIWorkload
            metadata:
              name: clicks
            spec:
              role: training
              pipeline:
                stages:
                  - name: ingest-clicks
                    type: ingest
                    source: s3://raw/clicks/
                    schema: schemas/clicks.avsc
                    qualityChecks: [row-count, null-rate]
                    feedsTraining: true
                  - name: click-stream
                    type: stream
                    source: kafka://events/clicks
                    schemaCheck: great-expectations
                    deadLetter: s3://dlq/clicks/
                  - name: train
                    type: Train
                    source: s3://features/clicks/?versionId=3HL4kqtJlcpXroDTDmJ
            """);
        Assert.Empty(facts.OfType<ConfigProblem>());
        var stages = facts.OfType<PipelineStage>().ToList();
        Assert.Equal(new[] { "ingest-clicks", "click-stream", "train" }, stages.Select(s => s.Name.Value));
        var profile = Assert.Single(facts.OfType<WorkloadProfile>());
        Assert.Same(profile, stages[0].Profile);
        Assert.Equal(stages, profile.Stages);
        Assert.Equal(StageType.Ingest, stages[0].Type.Value);
        Assert.Equal((9, 15), Pos(stages[0].Name.Span));
        Assert.Equal(new[] { "row-count", "null-rate" }, stages[0].QualityChecks.Select(q => q.Value));
        Assert.True(stages[0].IsQualityGate);
        Assert.True(stages[0].FeedsTrainingData);
        Assert.True(stages[0].ChecksSchema);
        Assert.Null(stages[0].SourcePin);
        Assert.True(stages[1].IsStreaming);
        Assert.Equal("s3://dlq/clicks/", stages[1].DeadLetter.Value);
        Assert.Equal(StageType.Train, stages[2].Type.Value);
        Assert.Equal("versionId=3HL4kqtJlcpXroDTDmJ", stages[2].SourcePin);
        Assert.Equal(new[] { stages[1], stages[2] }, stages[0].Later);
    }

    [Fact]
    public void Bad_pipeline_values_and_unknown_keys_are_problems_at_the_node()
    {
        var facts = Facts("""
            apiVersion: infralint.dev/v1alpha1
            kind: AIWorkload
            metadata: {name: bad}
            spec:
              monitoring: {drift: evidently, dirft: x}
              pipeline:
                stages:
                  - name: a
                    type: etl
                    feedsTraining: sometimes
                    qualityChecks: {rows: 1}
                    deadletter: s3://x/
                  - type: ingest
                  - name: a
                    type: validate
                  - just-a-string
              tracking: {uri: http://mlflow}
            """);
        var problems = facts.OfType<ConfigProblem>().OrderBy(p => p.Span.StartLine).ThenBy(p => p.Span.StartColumn).ToList();
        Assert.Equal(
            new[] { (5, 34), (9, 15), (10, 24), (11, 24), (12, 9), (13, 9), (14, 15), (16, 9), (17, 3) },
            problems.Select(p => Pos(p.Span)));
        Assert.Contains("etl", problems[1].Message);
        Assert.Contains("spec.pipeline.stages[0].deadletter", problems[4].Message);
        Assert.Contains("used twice", problems[6].Message);
        Assert.Equal(3, facts.OfType<PipelineStage>().Count());
    }

    [Fact]
    public void Annotations_declare_p95_data_quality_and_tracking()
    {
        var facts = Facts("""
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: finetune
              annotations:
                infralint.dev/role: training
                infralint.dev/tracking: wandb
                infralint.dev/p95-latency-ms: "300"
                infralint.dev/data-quality-monitor: whylabs
            spec:
              template:
                spec:
                  containers:
                    - name: train
                      image: ghcr.io/acme/train:1.0
            """);
        var profile = Assert.Single(facts.OfType<WorkloadProfile>());
        Assert.Equal("wandb", profile.Tracking.Value);
        Assert.Equal(300, profile.P95LatencyMs.Value);
        Assert.True(profile.HasDriftMonitoring);
    }

    [Fact]
    public void Deployment_rollout_pod_annotations_claims_and_env_from_are_read()
    {
        var workload = Workload("""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: vllm
            spec:
              replicas: 2
              strategy:
                type: Recreate
              template:
                metadata:
                  annotations:
                    prometheus.io/scrape: "true"
                spec:
                  volumes:
                    - name: cache
                      persistentVolumeClaim:
                        claimName: model-cache
                  containers:
                    - name: vllm
                      image: vllm/vllm-openai:v0.6.3
                      envFrom:
                        - secretRef: {name: wandb-credentials}
            """);
        Assert.Equal("Recreate", workload.RolloutStrategy!.Value);
        Assert.Equal((8, 11), Pos(workload.RolloutStrategy.Span));
        Assert.False(workload.RolloutMaxUnavailable!.IsPresent);
        var pod = workload.Pods.Single();
        Assert.Equal("true", pod.Annotations["prometheus.io/scrape"]);
        Assert.Equal(new[] { "model-cache" }, pod.PersistentVolumeClaims);
        Assert.Equal(new[] { "wandb-credentials" }, workload.Containers.Single().EnvFrom);
        Assert.Null(workload.MetricsCollectedElsewhere);
    }

    [Fact]
    public void Monitors_alerts_and_drift_services_are_read()
    {
        var facts = Facts("""
            apiVersion: monitoring.googleapis.com/v1
            kind: ClusterPodMonitoring
            metadata:
              name: vllm
            spec:
              selector:
                matchLabels: {app: vllm}
            ---
            apiVersion: monitoring.coreos.com/v1
            kind: PrometheusRule
            metadata:
              name: serving
              namespace: monitoring
            spec:
              groups:
                - name: latency
                  rules:
                    - record: job:latency:p99
                      expr: histogram_quantile(0.99, rate(x_bucket[5m]))
                    - alert: VllmSlow
                      expr: histogram_quantile(0.99, sum(rate(vllm:e2e_request_latency_seconds_bucket{namespace="serving"}[5m])) by (le)) > 2
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: drift
              namespace: monitoring
            spec:
              template:
                spec:
                  containers:
                    - name: evidently
                      image: evidently/evidently-service:0.4.33
            """);
        var collector = Assert.Single(facts.OfType<MetricsCollector>());
        Assert.True(collector.SelectsPods);
        Assert.True(collector.Watches("anything"));
        var alert = Assert.Single(facts.OfType<AlertRule>());
        Assert.Equal(("VllmSlow", "monitoring", 20, 18), (alert.Name, alert.Namespace, alert.Span.StartLine, alert.Span.StartColumn));
        Assert.True(alert.IsLatency);
        var monitor = Assert.Single(facts.OfType<ModelMonitor>());
        Assert.True(monitor.ClusterWide);
        Assert.Equal("Evidently", monitor.Tool);
    }

    [Fact]
    public void A_model_server_reporting_to_a_monitoring_service_is_monitored()
    {
        var facts = Facts("""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: fraud
              namespace: serving
            spec:
              template:
                spec:
                  containers:
                    - name: server
                      image: seldonio/mlserver:1.6.0
                      env:
                        - name: WHYLABS_DEFAULT_DATASET_ID
                          value: model-3
            """);
        var workload = Assert.Single(facts.OfType<ComputeWorkload>());
        var monitor = Assert.Single(facts.OfType<ModelMonitor>());
        Assert.True(monitor.Monitors(workload));
        Assert.Equal("WhyLabs", monitor.Tool);
    }

    [Fact]
    public void CloudFormation_latency_alarm_is_bound_to_its_endpoint_and_endpoints_have_cloudwatch_metrics()
    {
        var facts = Facts("""
            Resources:
              Endpoint:
                Type: AWS::SageMaker::Endpoint
                Properties:
                  EndpointConfigName: cfg
              Model:
                Type: AWS::SageMaker::Model
                Properties:
                  ExecutionRoleArn: arn
              LatencyAlarm:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  Namespace: AWS/SageMaker
                  MetricName: ModelLatency
                  Dimensions:
                    - Name: EndpointName
                      Value: !GetAtt Endpoint.EndpointName
                    - Name: VariantName
                      Value: AllTraffic
            """, "stack.yaml");
        var endpoint = facts.OfType<ComputeWorkload>().Single(w => w.Name == "Endpoint");
        Assert.NotNull(endpoint.MetricsCollectedElsewhere);
        Assert.True(facts.OfType<ComputeWorkload>().Single(w => w.Name == "Model").IsModelArtifact);
        var alarm = Assert.Single(facts.OfType<AlertRule>());
        Assert.True(alarm.IsLatency);
        Assert.True(alarm.Covers(endpoint));
    }

    [Fact]
    public void Lineage_labels_are_configurable()
    {
        var config = ConfigLoader.Load(new SourceText(".infralint.yaml", "lineageLabels: [dataset, git-sha]\n"), _ => true);
        Assert.Empty(config.Problems);
        Assert.Equal(new[] { "dataset", "git-sha" }, config.Settings.LineageLabels);
        Assert.Contains("app.kubernetes.io/version", LintSettings.Default.LineageLabels);
        var bad = ConfigLoader.Load(new SourceText(".infralint.yaml", "lineageLabels: dataset\n"), _ => true);
        Assert.Equal((1, 16), Pos(Assert.Single(bad.Problems).Span));
    }

    [Theory]
    [InlineData("s3://bucket/clicks/", null)]
    [InlineData("s3://bucket/clicks/part.parquet?versionId=abc123", "versionId=abc123")]
    [InlineData("gs://bucket/clicks.csv#1712345678901234", "generation 1712345678901234")]
    [InlineData("hf://datasets/acme/clicks@v1.2", "v1.2")]
    [InlineData("dvc://data/clicks.csv?rev=4f2a9c1", "rev=4f2a9c1")]
    [InlineData("s3://datasets/clicks/v3/", "v3")]
    [InlineData("s3://datasets/clicks/2026-11-01/", "2026-11-01")]
    [InlineData("https://user@example.com/data.csv", null)]
    [InlineData("s3://datasets/clicks/latest/", null)]
    public void Version_pins_are_recognised_in_source_uris(string uri, string? pin) =>
        Assert.Equal(pin, Core.Knowledge.DataSources.VersionPin(uri));
}

public class KubeRayLabelTests
{
    [Fact]
    public void Ray_pod_templates_carry_the_labels_KubeRay_adds()
    {
        var workload = AdapterHarness.Workload("""
            apiVersion: ray.io/v1
            kind: RayService
            metadata:
              name: llm
            spec:
              rayClusterConfig:
                headGroupSpec:
                  template:
                    spec:
                      containers:
                        - name: ray-head
                          image: rayproject/ray-ml:2.9.0
                workerGroupSpecs:
                  - groupName: gpu
                    template:
                      metadata:
                        labels: {team: ml}
                      spec:
                        containers:
                          - name: ray-worker
                            image: rayproject/ray-ml:2.9.0
            """);
        var head = workload.Pods.Single(p => p.Role == "head");
        var worker = workload.Pods.Single(p => p.Role == "worker:gpu");
        Assert.Equal("head", head.Labels["ray.io/node-type"]);
        Assert.Equal("yes", head.Labels["ray.io/is-ray-node"]);
        Assert.Equal("worker", worker.Labels["ray.io/node-type"]);
        Assert.Equal("ml", worker.Labels["team"]);
    }
}
