using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.Compute;

public sealed class IL1004GpuWorkloadWithoutACapacityPlanTests
{
    private const string Id = "IL1004";

    [Fact]
    public void A_gpu_deployment_without_a_profile_is_reported_at_its_name()
    {
        var finding = Assert.Single(Verify.Findings(Id, """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: {|IL1004:embeddings|}
            spec:
              template:
                spec:
                  containers:
                    - name: tei
                      image: ghcr.io/huggingface/text-embeddings-inference:1.5
                      resources:
                        limits:
                          nvidia.com/gpu: 1
            """));
        Assert.Equal((Id, 4, 9), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
        Assert.Contains("requests 1 GPU(s) per replica but no workload profile states its model", finding.Message);
    }

    [Fact]
    public void Annotations_or_a_spec_naming_a_model_are_a_plan()
    {
        Verify.NoFindings(Id, """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: embeddings
              annotations:
                infralint.dev/model: mistral-7b
            spec:
              template:
                spec:
                  containers:
                    - name: tei
                      image: ghcr.io/huggingface/text-embeddings-inference:1.5
                      resources:
                        limits:
                          nvidia.com/gpu: 1
            """);
        var result = Lint.Files(
            ("deploy.yaml", """
                apiVersion: batch/v1
                kind: Job
                metadata:
                  name: finetune
                  namespace: training
                spec:
                  template:
                    spec:
                      containers:
                        - name: t
                          image: ghcr.io/example/t:1
                          resources:
                            limits:
                              nvidia.com/gpu: 8
                """),
            ("spec.yaml", """
                apiVersion: infralint.dev/v1alpha1
                kind: AIWorkload
                metadata:
                  name: finetune
                  namespace: training
                spec:
                  role: training
                  model:
                    name: llama-3.1-8b
                  targets:
                    - kind: Job
                      name: finetune
                """));
        Assert.Empty(result.Of(Id));
    }

    [Fact]
    public void Cpu_workloads_and_node_pools_are_not_reported()
    {
        Verify.NoFindings(Id, """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              template:
                spec:
                  containers:
                    - name: web
                      image: nginx:1.27
            """);
        Verify.NoFindings(Id, """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              GpuNodes:
                Type: AWS::EKS::Nodegroup
                Properties:
                  ClusterName: ml
                  NodeRole: arn:aws:iam::123456789012:role/node
                  Subnets: [subnet-1]
                  InstanceTypes: [p5.48xlarge]
            """);
    }

    [Fact]
    public void A_gpu_instance_in_cloudformation_and_a_compose_gpu_service_are_reported()
    {
        Verify.Findings(Id, """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              {|IL1004:Trainer|}:
                Type: AWS::EC2::Instance
                Properties:
                  InstanceType: p4d.24xlarge
                  ImageId: ami-12345678
              Web:
                Type: AWS::EC2::Instance
                Properties:
                  InstanceType: m5.large
                  ImageId: ami-12345678
            """);
        Verify.Files(Id, ("docker-compose.yml", """
            services:
              {|IL1004:llm|}:
                image: ollama/ollama:0.3.12
                deploy:
                  resources:
                    reservations:
                      devices:
                        - driver: nvidia
                          count: 1
                          capabilities: [gpu]
            """));
    }
}
