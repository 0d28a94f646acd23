using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.Compute;

public sealed class IL1009TrainingAndInferenceShareCapacityTests
{
    private const string Id = "IL1009";

    private const string Training = """
        apiVersion: kubeflow.org/v1
        kind: PyTorchJob
        metadata:
          name: {|IL1009:finetune|}
          namespace: ml
        spec:
          pytorchReplicaSpecs:
            Worker:
              replicas: 2
              template:
                spec:
                  containers:
                    - name: pytorch
                      image: ghcr.io/example/finetune:1
                      resources:
                        limits:
                          nvidia.com/gpu: 8
        """;

    private const string Serving = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: chat
          namespace: ml
        spec:
          template:
            spec:
              containers:
                - name: vllm
                  image: vllm/vllm-openai:v0.6.3
                  resources:
                    limits:
                      nvidia.com/gpu: 1
        """;

    [Fact]
    public void Both_in_the_default_pool_are_reported_once_at_the_training_workload()
    {
        var finding = Assert.Single(Verify.Files(Id, ("train.yaml", Training), ("serve.yaml", Serving)));
        Assert.Equal(("train.yaml", 4, 9), (finding.Location.File, finding.Location.StartLine, finding.Location.StartColumn));
        Assert.Contains("neither requires node labels", finding.Message);
        var related = Assert.Single(finding.Related);
        Assert.Equal(("serve.yaml", 4), (related.Span.File, related.Span.StartLine));
    }

    [Fact]
    public void Several_inference_workloads_make_one_finding_with_each_as_a_related_location()
    {
        var finding = Assert.Single(Verify.Files(Id, ("train.yaml", Training), ("serve.yaml", Serving), ("serve2.yaml", Serving.Replace("name: chat", "name: embed"))));
        Assert.Equal(("train.yaml", 4, 9), (finding.Location.File, finding.Location.StartLine, finding.Location.StartColumn));
        Assert.Contains("(and 1 more inference workload)", finding.Message);
        Assert.Equal(new[] { ("serve.yaml", 4), ("serve2.yaml", 4) }, finding.Related.Select(r => (r.Span.File, r.Span.StartLine)));
    }

    [Fact]
    public void Overlapping_required_labels_are_reported_at_the_placement()
    {
        string train = Plain(Training).Replace("          containers:", "          {|IL1009:nodeSelector|}:\n            pool: gpu\n          containers:")
            .Replace("name: finetune", "name: finetune");
        string serve = Serving.Replace("      containers:", "      nodeSelector:\n        pool: gpu\n      containers:");
        var finding = Assert.Single(Verify.Files(Id, ("train.yaml", train), ("serve.yaml", serve)));
        Assert.Contains("both require pool=gpu", finding.Message);
    }

    [Fact]
    public void Separate_pools_other_namespaces_and_cpu_workloads_are_not_reported()
    {
        string train = Plain(Training);
        Verify.Files(Id, ("train.yaml", train.Replace("          containers:", "          nodeSelector:\n            pool: training\n          containers:")),
            ("serve.yaml", Serving.Replace("      containers:", "      nodeSelector:\n        pool: serving\n      containers:")));
        Verify.Files(Id, ("train.yaml", train), ("serve.yaml", Serving.Replace("namespace: ml", "namespace: web")));
        // Without a namespace, only manifests applied together (one directory) share the default namespace.
        string trainDefault = train.Replace("  namespace: ml\n", ""), serveDefault = Serving.Replace("  namespace: ml\n", "");
        Verify.Files(Id, ("training/job.yaml", trainDefault), ("serving/deploy.yaml", serveDefault));
        Assert.Single(Lint.Files(("app/job.yaml", trainDefault), ("app/deploy.yaml", serveDefault)).Of(Id));
        Verify.Files(Id, ("train.yaml", train), ("serve.yaml", Serving.Replace("\n          resources:\n            limits:\n              nvidia.com/gpu: 1", "")));
    }

    private static string Plain(string markup) => Markup.Parse("x.yaml", markup).Text;
}
