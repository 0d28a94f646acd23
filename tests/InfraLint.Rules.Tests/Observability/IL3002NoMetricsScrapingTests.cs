using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.Observability;

public sealed class IL3002NoMetricsScrapingTests
{
    private const string Id = "IL3002";

    private const string Server = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {|IL3002:llama|}
          namespace: serving
        spec:
          template:
            metadata:
              labels:
                app: llama
            spec:
              containers:
                - name: vllm
                  image: vllm/vllm-openai:v0.6.3
        """;

    private const string Service = """
        apiVersion: v1
        kind: Service
        metadata:
          name: llama
          namespace: serving
          labels:
            app: llama
        spec:
          selector:
            app: llama
          ports:
            - name: http
              port: 8000
        """;

    private const string ServiceMonitor = """
        apiVersion: monitoring.coreos.com/v1
        kind: ServiceMonitor
        metadata:
          name: llama
          namespace: monitoring
        spec:
          namespaceSelector:
            matchNames: [serving]
          selector:
            matchLabels:
              app: llama
          endpoints:
            - port: http
        """;

    [Fact]
    public void Model_server_nothing_scrapes_is_reported_at_its_name()
    {
        var finding = Assert.Single(Verify.Findings(Id, Server));
        Assert.Equal((Id, 4, 9), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
        Assert.Contains("no PodMonitor selects its pods and no Service selects them", finding.Message);
    }

    [Fact]
    public void The_services_in_front_of_the_pods_are_named_in_the_same_order_whatever_order_their_files_come_in()
    {
        var partner = Service.Replace("name: llama\n", "name: llama-partner\n", StringComparison.Ordinal);
        var forward = Lint.Files(("deploy.yaml", Plain(Server)), ("a.yaml", Service), ("b.yaml", partner));
        var backward = Lint.Files(("deploy.yaml", Plain(Server)), ("a.yaml", partner), ("b.yaml", Service));

        var findings = new[] { forward, backward }.Select(r => Assert.Single(r.Findings, f => f.RuleId == Id)).ToArray();

        Assert.All(findings, f => Assert.Equal("Service/serving/llama,Service/serving/llama-partner", f.Properties["services"]));
        Assert.All(findings, f => Assert.Contains("no ServiceMonitor selects Services 'llama', 'llama-partner' in front of them", f.Message));
        Assert.Equal(new[] { "a.yaml", "b.yaml" }, findings[0].Related.Select(r => r.Span.File));
        Assert.Equal(new[] { "b.yaml", "a.yaml" }, findings[1].Related.Select(r => r.Span.File));
    }

    [Fact]
    public void A_service_monitor_selecting_the_service_in_front_of_the_pods_counts()
    {
        var result = Lint.Files(("deploy.yaml", Plain(Server)), ("service.yaml", Service), ("monitor.yaml", ServiceMonitor));
        Verify.NoParseFailures(result);
        Assert.Empty(result.Of(Id));
    }

    [Fact]
    public void A_service_monitor_for_another_namespace_or_service_does_not_count()
    {
        var findings = Verify.Files(Id,
            ("deploy.yaml", Server),
            ("service.yaml", Service),
            ("other-namespace.yaml", ServiceMonitor.Replace("matchNames: [serving]", "matchNames: [web]")),
            ("other-service.yaml", ServiceMonitor.Replace("      app: llama", "      app: mistral")));
        Assert.Contains("no ServiceMonitor selects Service 'llama'", Assert.Single(findings).Message);
        Assert.Single(findings[0].Related);
    }

    [Fact]
    public void A_pod_monitor_selecting_the_pods_counts()
    {
        Verify.NoFindings(Id, Plain(Server) + """

            ---
            apiVersion: monitoring.coreos.com/v1
            kind: PodMonitor
            metadata:
              name: vllm
              namespace: serving
            spec:
              selector:
                matchLabels:
                  app: llama
              podMetricsEndpoints:
                - port: http
            """);
    }

    [Fact]
    public void Google_managed_prometheus_cluster_pod_monitoring_counts()
    {
        Verify.NoFindings(Id, Plain(Server) + """

            ---
            apiVersion: monitoring.googleapis.com/v1
            kind: ClusterPodMonitoring
            metadata:
              name: vllm
            spec:
              selector:
                matchLabels:
                  app: llama
              endpoints:
                - port: 8000
            """);
    }

    [Fact]
    public void Scrape_annotations_on_the_pod_template_or_the_service_count()
    {
        Verify.NoFindings(Id, Plain(Server).Replace("      labels:\n", "      annotations:\n        prometheus.io/scrape: \"true\"\n      labels:\n"));
        Verify.NoFindings(Id, Plain(Server) + "\n---\n" + Service.Replace("  labels:\n", "  annotations:\n    prometheus.io/scrape: \"true\"\n  labels:\n"));
        Verify.Findings(Id, Server.Replace("      labels:\n", "      annotations:\n        prometheus.io/scrape: \"false\"\n      labels:\n"));
    }

    [Fact]
    public void Platforms_with_their_own_metrics_and_non_inference_workloads_are_not_judged()
    {
        Verify.NoFindings(Id, """
            apiVersion: serving.kserve.io/v1beta1
            kind: InferenceService
            metadata:
              name: churn
            spec:
              predictor:
                model:
                  modelFormat: {name: sklearn}
                  storageUri: gs://models/churn
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              template:
                spec:
                  containers:
                    - name: nginx
                      image: nginx:1.27
            ---
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              Endpoint:
                Type: AWS::SageMaker::Endpoint
                Properties:
                  EndpointConfigName: cfg
            """);
    }

    [Fact]
    public void Compose_services_are_scraped_from_the_collectors_own_configuration()
    {
        Verify.NoFindings(Id, """
            services:
              vllm:
                image: vllm/vllm-openai:v0.6.3
                labels:
                  infralint.dev/role: inference
            """);
    }

    [Fact]
    public void KubeRay_pod_monitors_select_ray_pods_by_the_labels_the_operator_adds()
    {
        // Corpus false positive: KubeRay's documented PodMonitors select ray.io/node-type, which no template shows.
        const string rayService = """
            apiVersion: ray.io/v1
            kind: RayService
            metadata:
              name: {|IL3002:llm|}
            spec:
              rayClusterConfig:
                headGroupSpec:
                  template:
                    spec:
                      containers:
                        - name: ray-head
                          image: rayproject/ray-ml:2.9.0
            """;
        const string podMonitor = """
            apiVersion: monitoring.coreos.com/v1
            kind: PodMonitor
            metadata:
              name: ray-head-monitor
              namespace: prometheus-system
            spec:
              namespaceSelector:
                matchNames: [default]
              selector:
                matchLabels:
                  ray.io/node-type: head
              podMetricsEndpoints:
                - port: metrics
            """;
        Verify.Files(Id, ("ray.yaml", rayService));
        var result = Lint.Files(("ray.yaml", Plain(rayService)), ("monitor.yaml", podMonitor));
        Verify.NoParseFailures(result);
        Assert.Empty(result.Of(Id));
    }

    [Fact]
    public void An_autoscaler_scaling_on_the_pods_own_metrics_proves_they_are_collected()
    {
        // Corpus false positive: the vLLM HPA sample scales on vllm_num_requests_running through the Prometheus Adapter.
        const string hpa = """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: llama
              namespace: serving
            spec:
              scaleTargetRef:
                apiVersion: apps/v1
                kind: Deployment
                name: llama
              minReplicas: 1
              maxReplicas: 5
              metrics:
                - type: Pods
                  pods:
                    metric:
                      name: vllm_num_requests_running
                    target:
                      type: AverageValue
                      averageValue: 4
            """;
        var result = Lint.Files(("deploy.yaml", Plain(Server)), ("hpa.yaml", hpa));
        Verify.NoParseFailures(result);
        Assert.Empty(result.Of(Id));
        Verify.Files(Id, ("deploy.yaml", Server), ("hpa.yaml", hpa.Replace("type: Pods", "type: Object")));
        Verify.NoFindings(Id, Plain(Server) + """

            ---
            apiVersion: keda.sh/v1alpha1
            kind: ScaledObject
            metadata:
              name: llama
              namespace: serving
            spec:
              scaleTargetRef:
                name: llama
              triggers:
                - type: prometheus
                  metadata:
                    serverAddress: http://prometheus.monitoring:9090
                    query: sum(vllm:num_requests_waiting{namespace="serving"})
                    threshold: "5"
            """);
    }

    private static string Plain(string markup) => Markup.Parse("x.yaml", markup).Text;
}
