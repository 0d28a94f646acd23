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
}
