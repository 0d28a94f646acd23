using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.Governance;

public sealed class IL4003DatasetNotVersionedTests
{
    private const string Id = "IL4003";

    [Fact]
    public void Spec_dataset_without_version_is_reported_at_the_dataset()
    {
        var finding = Assert.Single(Verify.Findings(Id, """
            apiVersion: infralint.dev/v1alpha1
            kind: AIWorkload
            metadata:
              name: churn-training
            spec:
              role: training
              data:
                dataset: {|IL4003:s3://ml-datasets/churn/|}
            """));
        Assert.Equal((Id, 8, 14), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
        Assert.Contains("spec.data.version", finding.Message);
    }

    [Theory]
    [InlineData("dataset: s3://ml-datasets/churn/\n    version: v2026-11-01")]
    [InlineData("dataset: s3://ml-datasets/churn/train.parquet?versionId=3HL4kqtJlcpXroDTDmJ")]
    [InlineData("dataset: hf://datasets/acme/churn@4f2a9c1")]
    [InlineData("dataset: s3://ml-datasets/churn/v12/")]
    public void Pinned_datasets_are_not_reported(string data)
    {
        Verify.NoFindings(Id, $"""
            apiVersion: infralint.dev/v1alpha1
            kind: AIWorkload
            metadata:
              name: churn-training
            spec:
              role: training
              data:
                {data}
            """);
    }

    [Fact]
    public void Annotated_dataset_on_a_training_job_needs_a_dataset_version_annotation()
    {
        const string job = """
            apiVersion: kubeflow.org/v1
            kind: PyTorchJob
            metadata:
              name: churn-train
              annotations:
                infralint.dev/dataset: {|IL4003:s3://ml-datasets/churn/|}
            spec:
              pytorchReplicaSpecs:
                Master:
                  template:
                    spec:
                      containers:
                        - name: pytorch
                          image: ghcr.io/acme/churn-train:1.4.2
            """;
        Assert.Contains("infralint.dev/dataset-version", Assert.Single(Verify.Findings(Id, job)).Message);
        Verify.NoFindings(Id, Markup.Parse("x.yaml", job).Text.Replace("    infralint.dev/dataset: s3", "    infralint.dev/dataset-version: \"7\"\n    infralint.dev/dataset: s3"));
    }

    [Fact]
    public void Pipeline_stages_feeding_training_need_a_pinned_source()
    {
        Verify.Findings(Id, """
            apiVersion: infralint.dev/v1alpha1
            kind: AIWorkload
            metadata:
              name: clicks
            spec:
              role: training
              pipeline:
                stages:
                  - name: ingest-clicks
                    type: ingest
                    source: {|IL4003:s3://raw/clicks/|}
                    feedsTraining: true
                  - name: ingest-views
                    type: ingest
                    source: s3://raw/views/
                  - name: click-stream
                    type: stream
                    source: kafka://events/clicks
                    feedsTraining: true
                  - name: features
                    type: transform
                    source: ingest-clicks
                  - name: train
                    type: train
                    source: features
                  - name: train-pinned
                    type: train
                    source: s3://features/clicks/
                    version: "2026-11-01"
                  - name: train-unpinned
                    type: train
                    source: {|IL4003:hf://datasets/acme/clicks|}
            """);
    }

    [Fact]
    public void Profiles_without_a_dataset_are_not_reported()
    {
        Verify.NoFindings(Id, """
            apiVersion: infralint.dev/v1alpha1
            kind: AIWorkload
            metadata:
              name: chat
            spec:
              role: inference
            """);
    }

    private const string Trainer = """
        apiVersion: kubeflow.org/v1
        kind: PyTorchJob
        metadata:
          name: finetune
        spec:
          pytorchReplicaSpecs:
            Master:
              replicas: 1
              template:
                spec:
                  containers:
                    - name: pytorch
                      image: ghcr.io/acme/trainer:1.4.0
        """;

    /// <summary>The trainer with <paramref name="lines"/> added to its container, each at the container's indentation.</summary>
    private static string TrainerWith(params string[] lines) => Trainer + "\n" + string.Join("\n", lines.Select(l => "              " + l));

    [Fact]
    public void A_training_container_given_an_unpinned_dataset_in_its_environment_is_reported_at_the_value()
    {
        var finding = Assert.Single(Verify.Findings(Id, TrainerWith(
            "env:",
            "  - name: TRAIN_DATA",
            "    value: {|IL4003:s3://acme-datasets/clicks/|}",
            "  - name: OUTPUT_DIR",
            "    value: s3://acme-models/finetune/")));
        Assert.Equal((Id, 16, 26), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
        Assert.Contains("reads dataset 's3://acme-datasets/clicks/' (environment variable TRAIN_DATA) with no version pin", finding.Message);
    }

    [Fact]
    public void A_training_container_given_an_unpinned_dataset_as_an_argument_is_reported_at_the_argument()
    {
        var finding = Assert.Single(Verify.Findings(Id, TrainerWith("args: [train.py, --data_path, {|IL4003:gs://acme-datasets/clicks|}, --output_dir, gs://acme-models/out]")));
        Assert.Contains("(argument --data_path)", finding.Message);
        Verify.Findings(Id, TrainerWith("args: [train.py, {|IL4003:--train-data=hf://datasets/acme/clicks|}]"));
    }

    [Theory]
    [InlineData("args: [train.py, --data_path, s3://acme-datasets/clicks/v3/]")]
    [InlineData("args: [train.py, --data_path, \"hf://datasets/acme/clicks@2f1c9a0\"]")]
    [InlineData("args: [train.py, --data_path, s3://acme-datasets/clicks/, --dataset-revision, 2026-11-01]")]
    [InlineData("args: [train.py, --output_dir, s3://acme-models/finetune/, --resume_from_checkpoint, s3://acme-models/ckpt/]")]
    [InlineData("args: [train.py, --dataset, wikitext]")]
    [InlineData("args: [train.py, --data_path, \"s3://acme-datasets/${DAY}/\"]")]
    [InlineData("env: [{ name: TRAIN_DATA, value: s3://acme-datasets/clicks/ }, { name: DATASET_VERSION, value: \"7\" }]")]
    [InlineData("env: [{ name: TRAIN_DATA, valueFrom: { configMapKeyRef: { name: data, key: uri } } }]")]
    public void Pinned_or_versioned_datasets_outputs_and_computed_locations_are_not_reported(string container)
    {
        Verify.NoFindings(Id, TrainerWith(container));
    }

    [Fact]
    public void Serving_containers_and_profiled_jobs_are_not_judged_here()
    {
        Verify.NoFindings(Id, """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: server
            spec:
              template:
                spec:
                  containers:
                    - name: vllm
                      image: vllm/vllm-openai:v0.6.3
                      env: [{ name: DATA_DIR, value: s3://acme-datasets/clicks/ }]
            """);
        // A dataset annotation makes the job a profile that IL4003 judges itself, once.
        Verify.NoFindings(Id, TrainerWith("args: [train.py, --data_path, s3://acme-datasets/clicks/]")
            .Replace("  name: finetune", "  name: finetune\n  annotations:\n    infralint.dev/dataset: s3://acme-datasets/clicks/v3/"));
    }
}
