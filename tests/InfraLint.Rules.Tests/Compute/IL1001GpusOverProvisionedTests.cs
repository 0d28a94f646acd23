using InfraLint.Core.Facts;
using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.Compute;

public sealed class IL1001GpusOverProvisionedTests
{
    private const string Id = "IL1001";

    /// <summary>Llama 3.1 70B at fp8 on 2 × H100 per replica, 40 req/s: the sizing model needs 7 replicas (14 GPUs).</summary>
    private const string Server = """
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
          replicas: {|IL1001:12|}
          template:
            spec:
              nodeSelector:
                nvidia.com/gpu.product: NVIDIA-H100-80GB-HBM3
              containers:
                - name: vllm
                  image: vllm/vllm-openai:v0.6.3
                  resources:
                    limits:
                      nvidia.com/gpu: 2
        """;

    [Fact]
    public void Too_many_replicas_are_reported_with_needed_provisioned_assumptions_and_cost()
    {
        var finding = Assert.Single(Verify.Findings(Id, Server));
        Assert.Equal((Id, 12, 13), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
        Assert.Contains("24 GPUs provisioned, but the sizing model needs 14 (7 replica(s)", finding.Message);
        Assert.Contains("Llama 3.1 70B at fp8, NVIDIA H100 SXM5 80GB, peak 40 req/s, 1000→250 tokens, p99 ≤ 20000 ms, 30% buffer", finding.Message);
        // 10 idle H100s at p5.48xlarge's per-GPU price: 10 × 55.04 / 8 × 730.
        Assert.Contains("The 10 idle GPU(s) cost ≈ $50,224/month on-demand (p5.48xlarge prices); set replicas to 7", finding.Message);
        Assert.Equal("14", finding.Properties["gpusNeeded"]);
        Assert.Equal("24", finding.Properties["gpusProvisioned"]);
        Assert.Equal("node label nvidia.com/gpu.product=NVIDIA-H100-80GB-HBM3", finding.Properties["acceleratorEvidence"]);
        Assert.Contains("step.weightsBytes", finding.Properties.Keys);
        Assert.Contains("step.maxBatchByMemory", finding.Properties.Keys);
    }

    [Fact]
    public void Fix_sets_replicas_to_the_needed_count_and_the_finding_goes()
    {
        string yaml = Plain(Server);
        Verify.Fix(Id, yaml, yaml.Replace("replicas: 12", "replicas: 7"));
    }

    [Fact]
    public void The_needed_count_or_fewer_is_not_reported()
    {
        Verify.NoFindings(Id, Plain(Server).Replace("replicas: 12", "replicas: 7"));
        Verify.NoFindings(Id, Plain(Server).Replace("replicas: 12", "replicas: 3"));
    }

    [Fact]
    public void With_an_autoscaler_the_minimum_is_judged_and_fixed()
    {
        const string hpa = """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: chat-70b
              namespace: serving
            spec:
              scaleTargetRef:
                apiVersion: apps/v1
                kind: Deployment
                name: chat-70b
              minReplicas: {|IL1001:10|}
              maxReplicas: 20
            """;
        var finding = Assert.Single(Verify.Files(Id, ("deploy.yaml", Plain(Server)), ("hpa.yaml", hpa)));
        Assert.Equal(("hpa.yaml", 11, 16), (finding.Location.File, finding.Location.StartLine, finding.Location.StartColumn));
        Assert.Contains("HorizontalPodAutoscaler 'chat-70b' keeps at least 10 replica(s)", finding.Message);
        Assert.Equal("Set minReplicas to 7", Assert.Single(finding.Fixes).Description);
        Assert.Equal("deploy.yaml", Assert.Single(finding.Related).Span.File);

        Verify.Files(Id, ("deploy.yaml", Plain(Server)), ("hpa.yaml", Plain(hpa).Replace("minReplicas: 10", "minReplicas: 2")));
    }

    [Fact]
    public void Replicas_wider_than_the_model_needs_are_reported_at_the_gpu_request_without_a_fix()
    {
        var finding = Assert.Single(Verify.Findings(Id, """
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
                  nodeSelector:
                    node.kubernetes.io/instance-type: p5.48xlarge
                  containers:
                    - name: vllm
                      image: vllm/vllm-openai:v0.6.3
                      args: ["--model", "meta-llama/Llama-3.1-8B-Instruct", "--tensor-parallel-size", "8"]
                      resources:
                        limits:
                          nvidia.com/gpu: {|IL1001:8|}
            """));
        Assert.Contains("gives each of its 1 replica(s) 8 × NVIDIA H100 SXM5 80GB (8 GPUs), but the sizing model needs 1 (1 replica(s) of 1)", finding.Message);
        Assert.Contains("Llama 3.1 8B at bf16 (assumed)", finding.Message);
        Assert.Empty(finding.Fixes);
    }

    [Fact]
    public void An_unknown_accelerator_is_skipped_unless_a_default_is_configured()
    {
        string yaml = Plain(Server).Replace("      nodeSelector:\n        nvidia.com/gpu.product: NVIDIA-H100-80GB-HBM3\n", "");
        Verify.NoFindings(Id, yaml);

        var settings = new LintSettings { DefaultAccelerator = "h100-sxm" };
        var finding = Assert.Single(Lint.Yaml(yaml, settings: settings).Of(Id));
        Assert.Contains("NVIDIA H100 SXM5 80GB (assumed: sizing.defaultAccelerator)", finding.Message);
        Assert.StartsWith("assumed h100-sxm", finding.Properties["acceleratorEvidence"]);
    }

    [Fact]
    public void A_larger_buffer_from_settings_raises_the_need()
    {
        var settings = new LintSettings { Sizing = Core.Sizing.SizingOptions.Default with { Buffer = 1.0 } };
        Verify.NoFindings(Id, Plain(Server).Replace("replicas: 12", "replicas: 10"), settings);
    }

    [Fact]
    public void Workloads_without_a_profile_or_traffic_are_not_judged_by_count()
    {
        Verify.NoFindings(Id, Plain(Server).Replace("    infralint.dev/peak-rps: \"40\"\n", ""));
        Verify.NoFindings(Id, Plain(Server).Replace("  annotations:\n", "  labels:\n").Replace("infralint.dev/", "x.example/"));
    }

    [Fact]
    public void A_spec_document_in_another_file_describes_the_workload()
    {
        const string spec = """
            apiVersion: infralint.dev/v1alpha1
            kind: AIWorkload
            metadata:
              name: chat
              namespace: serving
            spec:
              role: inference
              model:
                name: llama-3.1-70b
                precision: fp8
              traffic:
                peakRequestsPerSecond: 40
              slo:
                p99LatencyMs: 20000
              targets:
                - kind: Deployment
                  name: chat-70b
            """;
        string deployment = Plain(Server).Replace("  annotations:\n    infralint.dev/model: llama-3.1-70b\n    infralint.dev/precision: fp8\n    infralint.dev/peak-rps: \"40\"\n    infralint.dev/p99-latency-ms: \"20000\"\n", "");
        var finding = Assert.Single(Verify.Files(Id, ("deploy.yaml", deployment.Replace("replicas: 12", "replicas: {|IL1001:12|}")), ("workloads/chat.yaml", spec)));
        Assert.Equal("AIWorkload chat (workloads/chat.yaml)", finding.Properties["profile"]);
    }

    [Fact]
    public void SageMaker_endpoint_instances_are_judged_from_tags()
    {
        var finding = Assert.Single(Verify.Findings(Id, """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              ChatConfig:
                Type: AWS::SageMaker::EndpointConfig
                Properties:
                  ProductionVariants:
                    - VariantName: main
                      ModelName: chat-model
                      InstanceType: ml.g5.12xlarge
                      InitialInstanceCount: {|IL1001:4|}
              ChatEndpoint:
                Type: AWS::SageMaker::Endpoint
                Properties:
                  EndpointConfigName: !GetAtt ChatConfig.EndpointConfigName
                  Tags:
                    - Key: infralint.dev/model
                      Value: llama-3.1-8b
                    - Key: infralint.dev/peak-rps
                      Value: "2"
                    - Key: infralint.dev/p99-latency-ms
                      Value: "20000"
            """));
        Assert.Contains("16 GPUs provisioned", finding.Message);
        Assert.Contains("ml.g5.12xlarge prices", finding.Message);
        Assert.Equal("Set replicas to 1", Assert.Single(finding.Fixes).Description);
    }

    [Fact]
    public void Compose_services_are_judged_with_a_configured_accelerator()
    {
        const string compose = """
            services:
              chat:
                image: vllm/vllm-openai:v0.6.3
                labels:
                  infralint.dev/model: llama-3.1-8b
                  infralint.dev/peak-rps: "1"
                  infralint.dev/p99-latency-ms: "20000"
                deploy:
                  replicas: {|IL1001:6|}
                  resources:
                    reservations:
                      devices:
                        - driver: nvidia
                          count: 1
                          capabilities: [gpu]
            """;
        var finding = Assert.Single(Verify.Files(Id, new LintSettings { DefaultAccelerator = "l40s" }, ("docker-compose.yml", compose)));
        Assert.Contains("service 'chat' runs 6 replica(s)", finding.Message);
        Verify.Files(Id, ("docker-compose.yml", Plain(compose)));
    }

    private static string Plain(string markup) => Markup.Parse("x.yaml", markup).Text;
}
