using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.Observability;

public sealed class IL3001NoDriftMonitoringTests
{
    private const string Id = "IL3001";

    private const string Server = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {|IL3001:churn|}
          namespace: serving
        spec:
          template:
            spec:
              containers:
                - name: server
                  image: seldonio/mlserver:1.6.0
        """;

    [Fact]
    public void Kubernetes_model_server_without_any_monitor_is_reported_at_its_name()
    {
        var finding = Assert.Single(Verify.Findings(Id, Server));
        Assert.Equal((Id, 4, 9), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
        Assert.Contains("Inference Deployment 'churn' serves a model that nothing monitors", finding.Message);
    }

    [Fact]
    public void A_drift_monitoring_service_anywhere_in_the_scan_counts()
    {
        var result = Lint.Files(
            ("serving.yaml", Plain(Server)),
            ("monitoring.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: evidently
                  namespace: monitoring
                spec:
                  template:
                    spec:
                      containers:
                        - name: evidently
                          image: evidently/evidently-service:0.4.33
                """));
        Verify.NoParseFailures(result);
        Assert.Empty(result.Of(Id));
    }

    [Fact]
    public void A_model_server_reporting_to_whylabs_is_monitored()
    {
        Verify.NoFindings(Id, Plain(Server) + """

                      env:
                        - name: WHYLABS_DEFAULT_DATASET_ID
                          value: model-3
            """);
    }

    [Fact]
    public void A_kserve_predictor_with_an_inference_logger_is_monitored_and_one_without_is_not()
    {
        Verify.Findings(Id, """
            apiVersion: serving.kserve.io/v1beta1
            kind: InferenceService
            metadata:
              name: logged
            spec:
              predictor:
                logger:
                  mode: all
                  url: http://alibi-detector.monitoring
                model:
                  modelFormat: {name: sklearn}
                  storageUri: gs://models/churn
            ---
            apiVersion: serving.kserve.io/v1beta1
            kind: InferenceService
            metadata:
              name: {|IL3001:unlogged|}
            spec:
              predictor:
                model:
                  modelFormat: {name: sklearn}
                  storageUri: gs://models/churn
            """);
    }

    [Fact]
    public void Annotation_profile_declaring_a_drift_monitor_counts_and_none_is_reported_at_the_value()
    {
        Verify.NoFindings(Id, Plain(Server).Replace("  namespace: serving\n", "  namespace: serving\n  annotations:\n    infralint.dev/drift-monitor: nannyml\n"));
        var finding = Assert.Single(Verify.Findings(Id, """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: churn
              annotations:
                infralint.dev/drift-monitor: {|IL3001:none|}
            spec:
              template:
                spec:
                  containers:
                    - name: server
                      image: seldonio/mlserver:1.6.0
            """));
        Assert.Contains("declares no drift monitor (none)", finding.Message);
    }

    [Fact]
    public void Spec_profile_is_reported_at_its_monitoring_key_and_covers_its_target()
    {
        var findings = Verify.Files(Id,
            ("serving.yaml", Plain(Server)),
            ("churn.workload.yaml", """
                apiVersion: infralint.dev/v1alpha1
                kind: AIWorkload
                metadata:
                  name: churn
                spec:
                  role: inference
                  {|IL3001:monitoring|}:
                    metrics: prometheus
                  targets:
                    - kind: Deployment
                      name: churn
                      namespace: serving
                """));
        Assert.Contains("AIWorkload 'churn' serves a model and declares no drift or data-quality monitor", Assert.Single(findings).Message);
    }

    [Fact]
    public void Spec_with_drift_or_data_quality_declared_is_not_reported()
    {
        const string spec = """
            apiVersion: infralint.dev/v1alpha1
            kind: AIWorkload
            metadata:
              name: chat
            spec:
              role: inference
              monitoring:
                {0}
            """;
        Verify.NoFindings(Id, spec.Replace("{0}", "drift: evidently"));
        Verify.NoFindings(Id, spec.Replace("{0}", "dataQuality: whylabs"));
        Verify.Findings(Id, spec.Replace("{0}", "drift: {|IL3001:none|}"));
    }

    [Fact]
    public void Training_specs_and_batch_jobs_are_not_deployed_models()
    {
        Verify.NoFindings(Id, """
            apiVersion: infralint.dev/v1alpha1
            kind: AIWorkload
            metadata:
              name: train
            spec:
              role: training
            ---
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: nightly-scoring
            spec:
              template:
                spec:
                  containers:
                    - name: vllm
                      image: vllm/vllm-openai:v0.6.3
            """);
    }

    private const string Endpoint = """
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          {|IL3001:Endpoint|}:
            Type: AWS::SageMaker::Endpoint
            Properties:
              EndpointName: churn
              EndpointConfigName: churn-config
        """;

    private const string Schedule = """
          Monitor:
            Type: AWS::SageMaker::MonitoringSchedule
            Properties:
              MonitoringScheduleName: churn-drift
              EndpointName: !GetAtt Endpoint.EndpointName
              MonitoringScheduleConfig:
                MonitoringType: DataQuality
        """;

    [Fact]
    public void SageMaker_endpoint_without_a_monitoring_schedule_is_reported()
    {
        var finding = Assert.Single(Verify.Findings(Id, Endpoint));
        Assert.Equal((3, 3), (finding.Location.StartLine, finding.Location.StartColumn));
    }

    [Fact]
    public void SageMaker_endpoint_with_a_monitoring_schedule_for_it_is_not_reported()
    {
        Verify.NoFindings(Id, Plain(Endpoint) + "\n" + Schedule);
        Verify.Findings(Id, Endpoint + "\n" + Schedule.Replace("!GetAtt Endpoint.EndpointName", "other-endpoint").Replace("Monitor:", "Other:")
            + """

              Other2:
                Type: AWS::SageMaker::Endpoint
                Properties:
                  EndpointName: other-endpoint
                  EndpointConfigName: other-config
            """);
    }

    [Fact]
    public void A_kubernetes_monitor_does_not_cover_a_sagemaker_endpoint()
    {
        Verify.Files(Id,
            ("stack.yaml", Endpoint),
            ("monitoring.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: evidently
                spec:
                  template:
                    spec:
                      containers:
                        - name: evidently
                          image: evidently/evidently-service:0.4.33
                """));
    }

    private static string Plain(string markup) => Markup.Parse("x.yaml", markup).Text;


    [Fact]
    public void A_one_shot_pull_or_a_benchmark_client_is_not_a_deployed_model()
    {
        Verify.NoFindings(Id, """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: ollama-warmup
            spec:
              template:
                spec:
                  containers:
                    - name: pull
                      image: ollama/ollama:0.5.7
                      args: ["pull", "llama3"]
            """);
        Verify.Findings(Id, """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: {|IL3001:ollama|}
            spec:
              template:
                spec:
                  containers:
                    - name: ollama
                      image: ollama/ollama:0.5.7
                      args: ["serve"]
            """);
    }
}
