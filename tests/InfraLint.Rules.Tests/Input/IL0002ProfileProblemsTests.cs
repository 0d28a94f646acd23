using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.Input;

public sealed class IL0002ProfileProblemsTests
{
    private const string Id = "IL0002";

    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: chat
          namespace: serving
        spec:
          template:
            spec:
              containers:
                - name: vllm
                  image: vllm/vllm-openai:v0.6.3
        """;

    [Fact]
    public void A_spec_target_that_matches_nothing_is_reported_at_the_target()
    {
        var findings = Verify.Files(Id,
            ("deploy.yaml", Deployment),
            ("spec.yaml", """
                apiVersion: infralint.dev/v1alpha1
                kind: AIWorkload
                metadata:
                  name: chat
                  namespace: serving
                spec:
                  role: inference
                  model:
                    name: llama-3.1-8b
                  targets:
                    - kind: Deployment
                      name: chat
                    - kind: Deployment
                      name: {|IL0002:chta|}
                    - kind: Deployment
                      name: {|IL0002:chat|}
                      namespace: web
                """));
        Assert.Equal(2, findings.Count);
        Assert.Contains(findings, f => f.Message.Contains("in namespace 'web'"));
        var finding = findings.Single(f => f.Message.Contains("'chta'"));
        Assert.Contains("targets Deployment 'chta', but the scan has no such resource", finding.Message);
    }

    [Fact]
    public void A_target_without_namespace_matches_cloudformation_by_name()
    {
        var result = Lint.Files(
            ("stack.yaml", """
                AWSTemplateFormatVersion: "2010-09-09"
                Resources:
                  Trainer:
                    Type: AWS::EC2::Instance
                    Properties:
                      InstanceType: p4d.24xlarge
                """),
            ("spec.yaml", """
                apiVersion: infralint.dev/v1alpha1
                kind: AIWorkload
                metadata:
                  name: pretrain
                spec:
                  role: training
                  model:
                    name: llama-3.1-8b
                  targets:
                    - kind: AWS::EC2::Instance
                      name: Trainer
                """));
        Assert.Empty(result.Of(Id));
        Assert.Empty(result.Of("IL1004"));
    }

    [Fact]
    public void An_unknown_model_without_parameters_is_reported_at_the_model()
    {
        var finding = Assert.Single(Verify.Findings(Id, """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: chat
              annotations:
                infralint.dev/model: {|IL0002:acme-llm-13b|}
            spec:
              template:
                spec:
                  containers:
                    - name: vllm
                      image: vllm/vllm-openai:v0.6.3
            """));
        Assert.Contains("infralint.dev/parameters", finding.Message);
        Verify.NoFindings(Id, """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: chat
              annotations:
                infralint.dev/model: acme-llm-13b
                infralint.dev/parameters: "13e9"
            spec:
              template:
                spec:
                  containers:
                    - name: vllm
                      image: vllm/vllm-openai:v0.6.3
            """);
    }
}
