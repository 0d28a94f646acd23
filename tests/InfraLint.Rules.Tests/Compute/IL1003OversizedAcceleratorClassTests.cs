using InfraLint.Core.Facts;
using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.Compute;

public sealed class IL1003OversizedAcceleratorClassTests
{
    private const string Id = "IL1003";

    private const string Server = """
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
              {|IL1003:nodeSelector|}:
                node.kubernetes.io/instance-type: p5.48xlarge
              containers:
                - name: vllm
                  image: vllm/vllm-openai:v0.6.3
                  resources:
                    limits:
                      nvidia.com/gpu: 1
        """;

    [Fact]
    public void An_8b_model_on_an_h100_names_the_cheaper_class_and_the_saving()
    {
        var finding = Assert.Single(Verify.Findings(Id, Server));
        Assert.Equal((Id, 14, 7), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
        // One H100 at p5.48xlarge's per-GPU price (55.04 / 8 × 730) against one L40S on g6e.xlarge (1.861 × 730).
        Assert.Contains("needs 1 GPU(s) at ≈ $5,022/month; 1 × NVIDIA L40S 48GB (1 replica(s) of 1, g6e.xlarge) serve the same at ≈ $1,359/month, saving ≈ $3,664/month (73%)", finding.Message);
        Assert.Equal("l40s", finding.Properties["alternativeAccelerator"]);
        Assert.Empty(finding.Fixes);
    }

    [Fact]
    public void A_class_within_the_threshold_is_not_reported()
    {
        Verify.NoFindings(Id, Plain(Server).Replace("p5.48xlarge", "g6e.xlarge"));
        Verify.NoFindings(Id, Plain(Server), new LintSettings { CheaperAcceleratorThreshold = 0.8 });
    }

    [Fact]
    public void An_assumed_accelerator_is_not_judged()
    {
        string yaml = Plain(Server).Replace("      nodeSelector:\n        node.kubernetes.io/instance-type: p5.48xlarge\n", "");
        Verify.NoFindings(Id, yaml);
        Verify.NoFindings(Id, yaml, new LintSettings { DefaultAccelerator = "h100" });
    }

    [Fact]
    public void A_SageMaker_endpoint_is_compared_with_SageMaker_instances()
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
                      InstanceType: {|IL1003:ml.p4d.24xlarge|}
                      InitialInstanceCount: 1
              ChatEndpoint:
                Type: AWS::SageMaker::Endpoint
                Properties:
                  EndpointConfigName: !GetAtt ChatConfig.EndpointConfigName
                  Tags:
                    - Key: infralint.dev/model
                      Value: llama-3.1-8b
                    - Key: infralint.dev/peak-rps
                      Value: "1"
                    - Key: infralint.dev/p99-latency-ms
                      Value: "30000"
            """));
        Assert.StartsWith("ml.", finding.Properties["alternativeInstanceType"]);
    }

    private static string Plain(string markup) => Markup.Parse("x.yaml", markup).Text;
}
