using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.Compute;

public sealed class IL1002GpusUnderProvisionedTests
{
    private const string Id = "IL1002";

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
          replicas: {|IL1002:3|}
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
    public void Too_few_replicas_for_the_peak_are_reported_and_fixed()
    {
        var finding = Assert.Single(Verify.Findings(Id, Server));
        Assert.Equal((Id, 12, 13), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
        Assert.Contains("runs 3 replica(s) of 2 × NVIDIA H100 SXM5 80GB (6 GPU(s)), but the sizing model needs 7 replica(s) (14 GPUs", finding.Message);
        string yaml = Plain(Server);
        Verify.Fix(Id, yaml, yaml.Replace("replicas: 3", "replicas: 7"));
    }

    [Fact]
    public void With_an_autoscaler_its_maximum_is_judged()
    {
        const string hpa = """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: chat-70b
              namespace: serving
            spec:
              scaleTargetRef:
                kind: Deployment
                name: chat-70b
              minReplicas: 1
              maxReplicas: {|IL1002:4|}
            """;
        var finding = Assert.Single(Verify.Files(Id, ("deploy.yaml", Plain(Server)), ("hpa.yaml", hpa)));
        Assert.Equal((11, 16), (finding.Location.StartLine, finding.Location.StartColumn));
        Assert.Equal("Set maxReplicas to 7", Assert.Single(finding.Fixes).Description);
        Verify.Files(Id, ("deploy.yaml", Plain(Server)), ("hpa.yaml", Plain(hpa).Replace("maxReplicas: 4", "maxReplicas: 12")));
    }

    [Fact]
    public void A_model_that_does_not_fit_is_reported_at_the_gpu_request()
    {
        var finding = Assert.Single(Verify.Findings(Id, """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: big
              annotations:
                infralint.dev/model: llama-3.1-70b
            spec:
              template:
                spec:
                  nodeSelector:
                    cloud.google.com/gke-accelerator: nvidia-l4
                  containers:
                    - name: vllm
                      image: vllm/vllm-openai:v0.6.3
                      resources:
                        limits:
                          nvidia.com/gpu: {|IL1002:1|}
            """));
        // 90% of the 22,888 MiB (22.35 GiB) an L4 reports, not of the marketed 24 GB.
        Assert.Contains("serves Llama 3.1 70B at bf16 (131.4 GiB of weights) from 1 × NVIDIA L4 24GB per replica (20.1 GiB usable)", finding.Message);
        Assert.Contains("it needs at least 8 per replica", finding.Message);
        Assert.Empty(finding.Fixes);
    }

    [Fact]
    public void Enough_capacity_is_not_reported()
    {
        Verify.NoFindings(Id, Plain(Server).Replace("replicas: 3", "replicas: 7"));
        Verify.NoFindings(Id, Plain(Server).Replace("replicas: 3", "replicas: 12"));
    }

    [Fact]
    public void SageMaker_scaling_maximum_below_the_peak_is_reported_in_the_template()
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
                      InstanceType: ml.g5.xlarge
                      InitialInstanceCount: 1
              ChatEndpoint:
                Type: AWS::SageMaker::Endpoint
                Properties:
                  EndpointName: chat
                  EndpointConfigName: !GetAtt ChatConfig.EndpointConfigName
                  Tags:
                    - Key: infralint.dev/model
                      Value: llama-3.1-8b
                    - Key: infralint.dev/peak-rps
                      Value: "20"
                    - Key: infralint.dev/p99-latency-ms
                      Value: "20000"
              ChatScaling:
                Type: AWS::ApplicationAutoScaling::ScalableTarget
                Properties:
                  ServiceNamespace: sagemaker
                  ResourceId: endpoint/chat/variant/main
                  ScalableDimension: sagemaker:variant:DesiredInstanceCount
                  MinCapacity: 1
                  MaxCapacity: {|IL1002:2|}
            """));
        Assert.Contains("scales AWS::SageMaker::Endpoint 'ChatEndpoint' to at most 2 replica(s) of 1 × NVIDIA A10G", finding.Message);
    }

    private static string Plain(string markup) => Markup.Parse("x.yaml", markup).Text;
}
