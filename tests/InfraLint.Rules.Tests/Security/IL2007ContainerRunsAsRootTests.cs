using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.Security;

public sealed class IL2007ContainerRunsAsRootTests
{
    private const string Id = "IL2007";

    [Fact]
    public void Container_without_non_root_settings_is_reported_at_its_name()
    {
        var finding = Assert.Single(Verify.Findings(Id, """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: embeddings
            spec:
              template:
                spec:
                  containers:
                    - name: {|IL2007:tei|}
                      image: ghcr.io/huggingface/text-embeddings-inference:1.5
            """));
        Assert.Equal((Id, 9, 17), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
        Assert.Contains("does not set runAsNonRoot: true", finding.Message);
    }

    [Fact]
    public void Explicit_root_user_is_reported_at_the_value_even_from_the_pod()
    {
        var finding = Assert.Single(Verify.Findings(Id, """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: embeddings
            spec:
              template:
                spec:
                  securityContext:
                    runAsUser: {|IL2007:0|}
                  containers:
                    - name: tei
                      image: ghcr.io/huggingface/text-embeddings-inference:1.5
            """));
        Assert.Contains("pod's securityContext sets runAsUser: 0", finding.Message);
        Assert.Empty(finding.Fixes);
    }

    [Fact]
    public void Container_runAsUser_overrides_the_pod()
    {
        Verify.Findings(Id, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: trainer
            spec:
              securityContext:
                runAsUser: 1000
              containers:
                - name: trainer
                  image: pytorch/pytorch:2.4.0-cuda12.1-cudnn9-runtime
                  securityContext:
                    runAsUser: {|IL2007:0|}
                - name: sidecar
                  image: busybox:1.36
            """);
    }

    [Fact]
    public void RunAsNonRoot_false_is_reported()
    {
        var finding = Assert.Single(Verify.Findings(Id, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: trainer
            spec:
              containers:
                - name: {|IL2007:trainer|}
                  image: pytorch/pytorch:2.4.0-cuda12.1-cudnn9-runtime
                  securityContext:
                    runAsNonRoot: false
            """));
        Assert.Contains("sets runAsNonRoot: false", finding.Message);
    }

    [Theory]
    [InlineData("runAsNonRoot: true")]
    [InlineData("runAsUser: 1000")]
    public void Pod_level_non_root_settings_cover_every_container(string setting)
    {
        Verify.NoFindings(Id, $"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: embeddings
            spec:
              template:
                spec:
                  securityContext:
                    {setting}
                  initContainers:
                    - name: download
                      image: busybox:1.36
                  containers:
                    - name: tei
                      image: ghcr.io/huggingface/text-embeddings-inference:1.5
            """);
    }

    [Fact]
    public void Fix_sets_runAsNonRoot_on_the_container()
    {
        Verify.Fix(Id, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: tei
            spec:
              containers:
                - name: tei
                  image: ghcr.io/huggingface/text-embeddings-inference:1.5
                  securityContext:
                    allowPrivilegeEscalation: false
            """, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: tei
            spec:
              containers:
                - name: tei
                  image: ghcr.io/huggingface/text-embeddings-inference:1.5
                  securityContext:
                    allowPrivilegeEscalation: false
                    runAsNonRoot: true
            """);
    }

    [Fact]
    public void A_container_whose_security_comes_from_elsewhere_is_not_judged()
    {
        Verify.NoFindings(Id, """
            apiVersion: trainer.kubeflow.org/v1alpha1
            kind: TrainJob
            metadata:
              name: tj
            spec:
              runtimeRef:
                name: torch-distributed
              trainer:
                image: docker.io/acme/train:1.0
                resourcesPerNode:
                  limits:
                    nvidia.com/gpu: 4
            """);
    }
}
