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
        var partial = Assert.Single(Lint.Yaml(Plain(Job).Replace("  namespace: training\n", "  namespace: training\n  labels:\n    app.kubernetes.io/version: 4f2a9c1\n"), settings: ((LintSettings?)null).Selecting(Id)).Of(Id));
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


    [Theory]
    [InlineData("[\"nsys\", \"profile\", \"-o\", \"/out/step\", \"torchrun\", \"--nproc_per_node=8\", \"main.py\"]")]
    [InlineData("[\"dcgmproftester12\", \"--no-dcgm-validation\", \"-t\", \"1004\", \"-d\", \"120\"]")]
    [InlineData("[\"bash\", \"-c\", \"neuron_parallel_compile torchrun --nproc_per_node=32 run_clm.py\"]")]
    public void A_trainer_kind_that_profiles_or_precompiles_does_not_train(string command) =>
        Verify.NoFindings(Id, """
            apiVersion: kubeflow.org/v1
            kind: PyTorchJob
            metadata:
              name: churn-profile
            spec:
              pytorchReplicaSpecs:
                Master:
                  template:
                    spec:
                      containers:
                        - name: pytorch
                          image: ghcr.io/acme/llm:1.4.2
            """ + "\n              command: " + command + "\n");

    [Theory]
    [InlineData("batch/v1", "Job", "spec:\n  template:\n    spec:\n      containers:\n        - name: train\n          image: ghcr.io/acme/llm:1.4.2\n          command: [\"accelerate\", \"launch\", \"sft.py\"]")]
    [InlineData("batch.volcano.sh/v1alpha1", "Job", "spec:\n  minAvailable: 2\n  tasks:\n    - name: worker\n      replicas: 2\n      template:\n        spec:\n          containers:\n            - name: train\n              image: ghcr.io/acme/llm:1.4.2\n              command: [\"torchrun\", \"--nnodes=2\", \"main.py\"]")]
    [InlineData("jobset.x-k8s.io/v1alpha2", "JobSet", "spec:\n  replicatedJobs:\n    - name: workers\n      template:\n        spec:\n          template:\n            spec:\n              containers:\n                - name: train\n                  image: ghcr.io/acme/jax:1\n                  command: [\"python\", \"Gemma3LLMTrain.py\", \"--maxlen\", \"256\"]")]
    [InlineData("ray.io/v1", "RayJob", "spec:\n  entrypoint: python /app/train.py --epochs 3\n  rayClusterSpec:\n    headGroupSpec:\n      template:\n        spec:\n          containers:\n            - name: ray-head\n              image: rayproject/ray:2.41.0")]
    public void A_training_entry_point_makes_a_job_of_any_kind_training(string apiVersion, string kind, string spec)
    {
        var findings = Verify.Findings(Id, $"apiVersion: {apiVersion}\nkind: {kind}\nmetadata:\n  name: {{|{Id}:llm-train|}}\n" + spec + "\n");
        Assert.Equal(new[] { (Id, 4, 9) }, findings.Positions());
    }

    [Fact]
    public void A_job_whose_program_is_not_a_training_entry_point_is_not_training() =>
        Verify.NoFindings(Id, "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: report\nspec:\n  template:\n    spec:\n      containers:\n        - name: report\n          image: ghcr.io/acme/llm:1.4.2\n          command: [\"python\", \"main.py\"]\n");
}
