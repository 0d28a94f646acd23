using InfraLint.Core.Facts;
using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.Governance;

public sealed class IL4004NoLineageMetadataTests
{
    private const string Id = "IL4004";

    private const string Job = """
        apiVersion: kubeflow.org/v1
        kind: PyTorchJob
        metadata:
          name: {|IL4004:churn-train|}
          namespace: training
        spec:
          pytorchReplicaSpecs:
            Master:
              template:
                spec:
                  containers:
                    - name: pytorch
                      image: ghcr.io/acme/churn-train:1.4.2
        """;

    [Fact]
    public void Training_job_without_lineage_labels_is_reported_with_the_missing_keys()
    {
        var finding = Assert.Single(Verify.Findings(Id, Job));
        Assert.Equal((Id, 4, 9), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
        Assert.Contains("infralint.dev/dataset, app.kubernetes.io/version, infralint.dev/model-version", finding.Message);
    }

    [Fact]
    public void Labels_and_annotations_on_the_job_or_its_pods_count()
    {
        Verify.NoFindings(Id, Plain(Job)
            .Replace("  namespace: training\n", "  namespace: training\n  labels:\n    app.kubernetes.io/version: 4f2a9c1\n  annotations:\n    infralint.dev/dataset: s3://d/churn/v3/\n")
            .Replace("        spec:\n          containers:", "        metadata:\n          labels:\n            infralint.dev/model-version: churn-v12\n        spec:\n          containers:"));
        var partial = Assert.Single(Lint.Yaml(Plain(Job).Replace("  namespace: training\n", "  namespace: training\n  labels:\n    app.kubernetes.io/version: 4f2a9c1\n")).Of(Id));
        Assert.Equal("infralint.dev/dataset,infralint.dev/model-version", partial.Properties["missing"]);
    }

    [Fact]
    public void Lineage_keys_come_from_configuration()
    {
        var settings = new LintSettings { LineageLabels = new[] { "git-sha" } };
        Verify.Findings(Id, Job, settings);
        Verify.NoFindings(Id, Plain(Job).Replace("  namespace: training\n", "  namespace: training\n  labels:\n    git-sha: 4f2a9c1\n"), settings);
    }

    [Fact]
    public void Training_runtimes_and_serving_workloads_are_not_judged()
    {
        Verify.NoFindings(Id, """
            apiVersion: trainer.kubeflow.org/v1alpha1
            kind: ClusterTrainingRuntime
            metadata:
              name: torch-distributed
            spec:
              template:
                spec:
                  replicatedJobs:
                    - name: node
                      template:
                        spec:
                          template:
                            spec:
                              containers:
                                - name: node
                                  image: pytorch/pytorch:2.5.1-cuda12.4-cudnn9-runtime
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: llama
            spec:
              template:
                spec:
                  containers:
                    - name: vllm
                      image: vllm/vllm-openai:v0.6.3
            """);
    }

    [Fact]
    public void SageMaker_model_artifacts_need_lineage_tags()
    {
        Verify.Findings(Id, """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              {|IL4004:Model|}:
                Type: AWS::SageMaker::Model
                Properties:
                  ExecutionRoleArn: arn:aws:iam::123456789012:role/sm
                  PrimaryContainer:
                    Image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/churn:1.4.2
              Tagged:
                Type: AWS::SageMaker::Model
                Properties:
                  ExecutionRoleArn: arn:aws:iam::123456789012:role/sm
                  PrimaryContainer:
                    Image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/churn:1.4.2
                  Tags:
                    - Key: infralint.dev/dataset
                      Value: s3://d/churn/v3/
                    - Key: app.kubernetes.io/version
                      Value: 4f2a9c1
                    - Key: infralint.dev/model-version
                      Value: churn-v12
            """);
    }

    [Fact]
    public void SageMaker_models_created_from_a_registry_model_package_have_their_lineage_in_the_registry()
    {
        // Corpus false positive: the SageMaker project templates deploy an approved Model Registry version this way.
        Verify.NoFindings(Id, """
            AWSTemplateFormatVersion: "2010-09-09"
            Parameters:
              ModelPackageName: { Type: String }
            Resources:
              Primary:
                Type: AWS::SageMaker::Model
                Properties:
                  ExecutionRoleArn: arn:aws:iam::123456789012:role/sm
                  PrimaryContainer:
                    ModelPackageName: !Ref ModelPackageName
              Pipeline:
                Type: AWS::SageMaker::Model
                Properties:
                  ExecutionRoleArn: arn:aws:iam::123456789012:role/sm
                  Containers:
                    - ModelPackageName: arn:aws:sagemaker:eu-west-1:123456789012:model-package/churn/12
            """);
    }

    [Fact]
    public void A_SageMaker_model_with_any_container_outside_the_registry_still_needs_lineage_tags()
    {
        Verify.Findings(Id, """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              {|IL4004:Pipeline|}:
                Type: AWS::SageMaker::Model
                Properties:
                  ExecutionRoleArn: arn:aws:iam::123456789012:role/sm
                  Containers:
                    - ModelPackageName: arn:aws:sagemaker:eu-west-1:123456789012:model-package/churn/12
                    - Image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/postprocess:1.0.0
              {|IL4004:Removed|}:
                Type: AWS::SageMaker::Model
                Properties:
                  ExecutionRoleArn: arn:aws:iam::123456789012:role/sm
                  PrimaryContainer:
                    ModelPackageName: !Ref AWS::NoValue
                    Image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/churn:1.4.2
            """);
    }

    [Fact]
    public void Benchmarks_run_by_training_operators_carry_no_model_lineage()
    {
        // Corpus false positive: NCCL bandwidth tests run as an MPIJob.
        Verify.NoFindings(Id, """
            apiVersion: kubeflow.org/v2beta1
            kind: MPIJob
            metadata:
              name: nccl-tests
            spec:
              mpiReplicaSpecs:
                Launcher:
                  template:
                    spec:
                      containers:
                        - name: launcher
                          image: ghcr.io/acme/nccl:2.21
                          args: [mpirun, -np, "16", /opt/nccl-tests/build/all_reduce_perf]
            """);
    }

    private static string Plain(string markup) => Markup.Parse("x.yaml", markup).Text;
}
