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
    public void A_kserve_llm_inference_service_template_takes_its_security_context_from_its_presets()
    {
        const string Service = """
            apiVersion: serving.kserve.io/v1alpha2
            kind: LLMInferenceService
            metadata:
              name: coder
            spec:
              model:
                uri: hf://Qwen/Qwen3-Coder-30B-A3B-Instruct-FP8
              template:
                containers:
                  - name: main
                    image: ghcr.io/llm-d/llm-d-cuda:v0.9.0
                    resources:
                      limits: {nvidia.com/gpu: "1"}
            """;
        Verify.NoFindings(Id, Service);
        Verify.NoFindings("IL2006", Service);
        Verify.NoFindings("IL3004", Service);
        // The presets do not size the model server: a missing memory limit is still the template's.
        Assert.Equal(new[] { ("IL3006", 12, 9) }, Lint.Yaml(Service).Of("IL3006").Positions());
        // What the template sets itself still counts.
        var explicitRoot = Service.Replace("        resources:", "        securityContext:\n          runAsUser: 0\n        resources:");
        Assert.Equal(new[] { (Id, 13, 22) }, Lint.Yaml(explicitRoot).Of(Id).Positions());
        // The same template under another API group is a complete pod.
        Assert.Equal(new[] { (Id, 10, 15) }, Lint.Yaml(Service.Replace("serving.kserve.io/v1alpha2", "example.com/v1")).Of(Id).Positions());
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
