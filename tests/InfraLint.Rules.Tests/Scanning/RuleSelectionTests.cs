using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.Scanning;

/// <summary>
/// What runs by default: the recommended set, and rules that only ask for InfraLint's own vocabulary (a capacity plan,
/// cost labels, drift and latency declarations, lineage labels) only once the repository uses that vocabulary.
/// </summary>
public sealed class RuleSelectionTests
{
    private static readonly string[] AdoptionRules = { "IL1004", "IL1011", "IL3001", "IL3003", "IL4004" };

    // A GPU model server and a GPU training job: every adoption rule has something to say about one of them.
    private const string Workloads = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: chat
        spec:
          replicas: 2
          selector:
            matchLabels: {app: chat}
          template:
            metadata:
              labels: {app: chat}
            spec:
              nodeSelector:
                nvidia.com/gpu.product: NVIDIA-A100-SXM4-80GB
              containers:
                - name: vllm
                  image: vllm/vllm-openai:v0.6.3
                  args: ["--model", "meta-llama/Llama-3.1-8B-Instruct"]
                  ports: [{containerPort: 8000}]
                  resources:
                    limits: {nvidia.com/gpu: 1, memory: 32Gi}
        ---
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
                      image: pytorch/pytorch:2.4.0-cuda12.1-cudnn9-runtime
                      command: ["torchrun", "train.py"]
                      resources:
                        limits: {nvidia.com/gpu: 1, memory: 32Gi}
        """;

    private static string[] Fired(Core.Scanning.ScanResult result) =>
        AdoptionRules.Where(id => result.Of(id).Count > 0).ToArray();

    [Fact]
    public void A_repository_without_InfraLint_vocabulary_gets_no_adoption_findings()
    {
        Assert.Empty(Fired(Lint.Files(LintSettings.Default, ("k8s/serving.yaml", Workloads))));
    }

    [Fact]
    public void An_infralint_annotation_in_another_file_opts_the_repository_in()
    {
        var result = Lint.Files(
            LintSettings.Default,
            ("k8s/serving.yaml", Workloads),
            ("k8s/other.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                  annotations:
                    infralint.dev/ignore: "IL2011: pinned by the release pipeline"
                """));
        Assert.Equal(AdoptionRules, Fired(result));
        Assert.Equal(new[] { ("IL1004", 4, 9), ("IL1004", 26, 9) }, result.Of("IL1004").Positions());
    }

    [Fact]
    public void A_workload_spec_opts_the_repository_in()
    {
        var result = Lint.Files(
            LintSettings.Default,
            ("k8s/serving.yaml", Workloads),
            ("profiles/embedder.yaml", """
                apiVersion: infralint.dev/v1
                kind: AIWorkload
                metadata:
                  name: embedder
                spec:
                  role: inference
                  model:
                    name: bge-large
                """));
        Assert.Contains("IL1004", Fired(result));
        Assert.Contains("IL1011", Fired(result));
    }

    [Fact]
    public void A_cloudformation_tag_in_InfraLint_vocabulary_opts_the_repository_in()
    {
        var result = Lint.Files(
            LintSettings.Default,
            ("k8s/serving.yaml", Workloads),
            ("stack.yaml", """
                Resources:
                  Data:
                    Type: AWS::S3::Bucket
                    Properties:
                      Tags:
                        - Key: infralint.dev/dataset
                          Value: s3://corpus/v3
                """));
        Assert.Contains("IL1004", Fired(result));
    }

    [Fact]
    public void Rule_set_all_runs_every_rule_including_those_off_by_default()
    {
        var all = LintSettings.Default with { RuleSet = RuleSelection.All };
        Assert.Equal(AdoptionRules, Fired(Lint.Files(all, ("k8s/serving.yaml", Workloads))));
        var directive = Lint.Files(all, ("pod.yaml", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: tool
            spec:
              containers:
                - name: tool
                  image: busybox # infralint-disable-line IL2011
            """));
        Assert.Equal(("IL0003", 8, 22), directive.Of("IL0003").Positions().Single());
        Assert.Empty(Lint.Files(LintSettings.Default, ("pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: tool\nspec:\n  containers:\n    - name: tool\n      image: busybox # infralint-disable-line IL2011\n")).Of("IL0003"));
    }

    [Fact]
    public void A_rule_enabled_by_id_speaks_without_the_others()
    {
        var settings = LintSettings.Default with
        {
            Rules = new Dictionary<string, RuleOverride>(StringComparer.OrdinalIgnoreCase) { ["IL1011"] = new RuleOverride(true, null) },
        };
        Assert.Equal(new[] { "IL1011" }, Fired(Lint.Files(settings, ("k8s/serving.yaml", Workloads))));
    }

    [Fact]
    public void Every_rule_outside_the_recommended_set_is_argued_in_the_precision_page()
    {
        var page = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "precision.md"));
        foreach (var rule in RuleSet.Catalog.All.Where(r => r.EnabledByDefault && !r.Recommended))
            Assert.True(page.Contains($"### {rule.Id}", StringComparison.Ordinal), $"{rule.Id} is left out of the recommended set without a section in docs/precision.md");
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "InfraLint.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("InfraLint.sln not found above " + AppContext.BaseDirectory);
    }
}
