using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.Observability;

public sealed class IL3003NoLatencySloTests
{
    private const string Id = "IL3003";

    private const string Server = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {|IL3003:llama|}
          namespace: serving
        spec:
          template:
            metadata:
              labels:
                app: llama-server
            spec:
              containers:
                - name: vllm
                  image: vllm/vllm-openai:v0.6.3
        """;

    private const string Alert = """
        apiVersion: monitoring.coreos.com/v1
        kind: PrometheusRule
        metadata:
          name: serving-slo
          namespace: monitoring
        spec:
          groups:
            - name: latency
              rules:
                - alert: LlamaP99TooSlow
                  expr: histogram_quantile(0.99, sum(rate(vllm:e2e_request_latency_seconds_bucket{SELECTOR}[5m])) by (le)) > 2
                  for: 10m
        """;

    [Fact]
    public void Model_server_without_objective_or_alert_is_reported_at_its_name()
    {
        var finding = Assert.Single(Verify.Findings(Id, Server));
        Assert.Equal((Id, 4, 9), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
    }

    [Theory]
    [InlineData("{app=\"llama-server\"}")]
    [InlineData("{deployment=\"llama\"}")]
    [InlineData("")]
    public void A_latency_alert_naming_the_workload_or_selecting_everything_counts(string selector)
    {
        var result = Lint.Files(("deploy.yaml", Plain(Server)), ("rules.yaml", Alert.Replace("{SELECTOR}", selector)));
        Verify.NoParseFailures(result);
        Assert.Empty(result.Of(Id));
    }

    [Fact]
    public void An_alert_for_another_workload_a_non_latency_alert_or_a_recording_rule_does_not_count()
    {
        Verify.Files(Id,
            ("deploy.yaml", Server),
            ("other.yaml", Alert.Replace("{SELECTOR}", "{app=\"mistral\"}")),
            ("errors.yaml", Alert.Replace("e2e_request_latency_seconds_bucket{SELECTOR}", "request_failure_total{app=\"llama-server\"}")),
            ("recording.yaml", Alert.Replace("- alert: LlamaP99TooSlow", "- record: llama:p99").Replace("{SELECTOR}", "")));
    }

    [Fact]
    public void Annotation_objective_counts_and_a_profile_without_one_is_reported_at_the_workload()
    {
        Verify.NoFindings(Id, Plain(Server).Replace("  namespace: serving\n", "  namespace: serving\n  annotations:\n    infralint.dev/p95-latency-ms: \"800\"\n"));
        var finding = Assert.Single(Verify.Findings(Id, Server.Replace("  namespace: serving\n", "  namespace: serving\n  annotations:\n    infralint.dev/model: llama-3.1-8b\n")));
        Assert.Contains("infralint.dev/p99-latency-ms", finding.Message);
    }

    [Fact]
    public void Inference_spec_without_slo_is_reported_at_its_slo_key_or_name()
    {
        Verify.Findings(Id, """
            apiVersion: infralint.dev/v1alpha1
            kind: AIWorkload
            metadata:
              name: {|IL3003:chat|}
            spec:
              role: inference
            ---
            apiVersion: infralint.dev/v1alpha1
            kind: AIWorkload
            metadata:
              name: chat-ttft-only
            spec:
              role: inference
              {|IL3003:slo|}:
                timeToFirstTokenMs: 400
            ---
            apiVersion: infralint.dev/v1alpha1
            kind: AIWorkload
            metadata:
              name: chat-ok
            spec:
              role: inference
              slo:
                p99LatencyMs: 2000
            ---
            apiVersion: infralint.dev/v1alpha1
            kind: AIWorkload
            metadata:
              name: trainer
            spec:
              role: training
            """);
    }

    private const string Endpoint = """
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          {|IL3003:Endpoint|}:
            Type: AWS::SageMaker::Endpoint
            Properties:
              EndpointConfigName: churn-config
        """;

    [Fact]
    public void SageMaker_endpoint_needs_a_cloudwatch_latency_alarm_on_it()
    {
        Verify.Findings(Id, Endpoint);
        Verify.NoFindings(Id, Plain(Endpoint) + """

              LatencyAlarm:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  Namespace: AWS/SageMaker
                  MetricName: ModelLatency
                  Statistic: Average
                  Period: 60
                  EvaluationPeriods: 5
                  Threshold: 500000
                  ComparisonOperator: GreaterThanThreshold
                  Dimensions:
                    - Name: EndpointName
                      Value: !GetAtt Endpoint.EndpointName
                    - Name: VariantName
                      Value: AllTraffic
            """);
        Verify.Findings(Id, Endpoint + """

              InvocationsAlarm:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  Namespace: AWS/SageMaker
                  MetricName: Invocation5XXErrors
                  Dimensions:
                    - Name: EndpointName
                      Value: !GetAtt Endpoint.EndpointName
            """);
    }

    private static string Plain(string markup) => Markup.Parse("x.yaml", markup).Text;
}
