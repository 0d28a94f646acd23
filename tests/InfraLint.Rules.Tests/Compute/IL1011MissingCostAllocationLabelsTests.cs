using InfraLint.Core.Facts;
using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.Compute;

public sealed class IL1011MissingCostAllocationLabelsTests
{
    private const string Id = "IL1011";

    [Fact]
    public void A_gpu_workload_missing_labels_names_them()
    {
        var finding = Assert.Single(Verify.Findings(Id, """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: {|IL1011:chat|}
              labels:
                team: assistants
            spec:
              template:
                metadata:
                  labels:
                    CostCenter: cc-1
                spec:
                  containers:
                    - name: vllm
                      image: vllm/vllm-openai:v0.6.3
                      resources:
                        limits:
                          nvidia.com/gpu: 1
            """));
        Assert.Equal((Id, 4, 9), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
        Assert.Contains("has no model label", finding.Message);
        Assert.Empty(finding.Fixes);
    }

    [Fact]
    public void Labelled_and_cpu_workloads_are_not_reported()
    {
        Verify.NoFindings(Id, """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: chat
              labels:
                team: assistants
                example.com/cost-center: cc-1
                model: llama-3.1-8b
            spec:
              template:
                spec:
                  containers:
                    - name: vllm
                      image: vllm/vllm-openai:v0.6.3
                      resources:
                        limits:
                          nvidia.com/gpu: 1
            """);
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
    }

    [Fact]
    public void Storage_and_gpu_instances_in_cloudformation_are_checked_against_their_tags()
    {
        var findings = Verify.Findings(Id, """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              {|IL1011:Models|}:
                Type: AWS::S3::Bucket
                Properties:
                  Tags:
                    - Key: Team
                      Value: ml
              Logs:
                Type: AWS::S3::Bucket
                Properties:
                  Tags:
                    - Key: team
                      Value: ml
                    - Key: cost_center
                      Value: cc-1
                    - Key: model
                      Value: none
              {|IL1011:Trainer|}:
                Type: AWS::EC2::Instance
                Properties:
                  InstanceType: p4d.24xlarge
                  ImageId: ami-12345678
            """);
        Assert.Contains("AWS::S3::Bucket 'Models' has no cost-center, model labels", findings[0].Message);
    }

    [Fact]
    public void Configured_labels_replace_the_defaults()
    {
        Verify.NoFindings(Id, """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              Models:
                Type: AWS::S3::Bucket
                Properties:
                  Tags:
                    - Key: owner
                      Value: ml
            """, new LintSettings { CostLabels = new[] { "owner" } });
    }
}
