using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.Security;

public sealed class IL2006PrivilegedContainerTests
{
    private const string Id = "IL2006";

    [Fact]
    public void Privileged_container_is_reported_at_the_value_and_escalation_is_not_reported_twice()
    {
        var finding = Assert.Single(Verify.Findings(Id, """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: triton
            spec:
              template:
                spec:
                  containers:
                    - name: triton
                      image: nvcr.io/nvidia/tritonserver:24.08-py3
                      securityContext:
                        privileged: {|IL2006:true|}
            """));
        Assert.Contains("container 'triton' of Deployment 'triton' runs privileged", finding.Message);
        Assert.Equal((Id, 12, 25), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
    }

    [Fact]
    public void Privileged_with_explicit_escalation_gives_two_findings()
    {
        Verify.Findings(Id, """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: triton
            spec:
              template:
                spec:
                  containers:
                    - name: triton
                      image: nvcr.io/nvidia/tritonserver:24.08-py3
                      securityContext:
                        privileged: {|IL2006:true|}
                        allowPrivilegeEscalation: {|IL2006:true|}
            """);
    }

    [Fact]
    public void Missing_allowPrivilegeEscalation_is_reported_at_the_container_name()
    {
        var finding = Assert.Single(Verify.Findings(Id, """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: vllm
            spec:
              template:
                spec:
                  containers:
                    - name: {|IL2006:vllm|}
                      image: vllm/vllm-openai:v0.6.3
            """));
        Assert.Contains("does not set allowPrivilegeEscalation: false", finding.Message);
    }

    [Fact]
    public void Explicit_escalation_true_is_reported_at_the_value()
    {
        Verify.Findings(Id, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: debug
            spec:
              containers:
                - name: shell
                  image: busybox:1.36
                  securityContext:
                    allowPrivilegeEscalation: {|IL2006:true|}
            """);
    }

    [Fact]
    public void Init_containers_are_checked_too()
    {
        Verify.Findings(Id, """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: vllm
            spec:
              template:
                spec:
                  initContainers:
                    - name: fix-permissions
                      image: busybox:1.36
                      securityContext:
                        privileged: {|IL2006:true|}
                  containers:
                    - name: vllm
                      image: vllm/vllm-openai:v0.6.3
                      securityContext:
                        allowPrivilegeEscalation: false
            """);
    }

    [Fact]
    public void Hardened_container_is_not_reported()
    {
        Verify.NoFindings(Id, """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: vllm
            spec:
              template:
                spec:
                  containers:
                    - name: vllm
                      image: vllm/vllm-openai:v0.6.3
                      securityContext:
                        privileged: false
                        allowPrivilegeEscalation: false
            """);
    }

    [Fact]
    public void Fix_sets_privileged_to_false()
    {
        Verify.Fix(Id, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: triton
            spec:
              containers:
                - name: triton
                  image: nvcr.io/nvidia/tritonserver:24.08-py3
                  securityContext:
                    privileged: true
            """, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: triton
            spec:
              containers:
                - name: triton
                  image: nvcr.io/nvidia/tritonserver:24.08-py3
                  securityContext:
                    privileged: false
            """);
    }

    [Fact]
    public void Fix_inserts_allowPrivilegeEscalation_false()
    {
        Verify.Fix(Id, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: vllm
            spec:
              containers:
                - name: vllm
                  image: vllm/vllm-openai:v0.6.3
                  securityContext:
                    runAsNonRoot: true
            """, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: vllm
            spec:
              containers:
                - name: vllm
                  image: vllm/vllm-openai:v0.6.3
                  securityContext:
                    runAsNonRoot: true
                    allowPrivilegeEscalation: false
            """);
    }

    [Fact]
    public void Fix_creates_the_securityContext_when_there_is_none()
    {
        Verify.Fix(Id, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: vllm
            spec:
              containers:
                - name: vllm
                  image: vllm/vllm-openai:v0.6.3
            """, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: vllm
            spec:
              containers:
                - name: vllm
                  image: vllm/vllm-openai:v0.6.3
                  securityContext:
                    allowPrivilegeEscalation: false
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

    [Fact]
    public void Comment_and_annotation_suppressions_are_recorded_not_dropped()
    {
        var result = Lint.Yaml("""
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: device-plugin
              annotations:
                infralint.dev/ignore: "IL2006"
            spec:
              template:
                spec:
                  containers:
                    - name: plugin
                      image: nvcr.io/nvidia/k8s-device-plugin:v0.16.2
                      securityContext:
                        privileged: true
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: debug
            spec:
              containers:
                - name: shell
                  image: busybox:1.36
                  securityContext:
                    # infralint-disable-next-line IL2006 -- node debugging pod, deleted after use
                    privileged: true
                    allowPrivilegeEscalation: true
            """);
        var all = result.Findings.Where(f => f.RuleId == Id).ToArray();
        Assert.Equal(3, all.Length);
        Assert.Equal(2, all.Count(f => f.IsSuppressed));
        Assert.Contains(all, f => f.Suppression?.Justification == "node debugging pod, deleted after use");
        Assert.Equal(new[] { (Id, 27, 35) }, result.Of(Id).Positions());
    }
}
