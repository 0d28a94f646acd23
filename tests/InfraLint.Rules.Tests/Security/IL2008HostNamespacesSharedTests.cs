using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.Security;

public sealed class IL2008HostNamespacesSharedTests
{
    private const string Id = "IL2008";

    [Fact]
    public void Each_shared_namespace_is_a_finding_at_its_flag()
    {
        var findings = Verify.Findings(Id, """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: exporter
            spec:
              template:
                spec:
                  hostNetwork: {|IL2008:true|}
                  hostPID: {|IL2008:true|}
                  hostIPC: false
                  containers:
                    - name: exporter
                      image: nvcr.io/nvidia/k8s/dcgm-exporter:3.3.7-3.5.0-ubuntu22.04
            """);
        Assert.Equal(new[] { (Id, 8, 20), (Id, 9, 16) }, findings.Positions());
        Assert.Contains(findings, f => f.Message.Contains("hostNetwork: true") && f.Message.Contains("network namespace"));
    }

    [Fact]
    public void Pod_without_host_namespaces_is_not_reported()
    {
        Verify.NoFindings(Id, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: trainer
            spec:
              hostNetwork: false
              containers:
                - name: trainer
                  image: pytorch/pytorch:2.4.0-cuda12.1-cudnn9-runtime
            """);
    }

    [Fact]
    public void Fix_sets_the_flag_to_false()
    {
        Verify.Fix(Id, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: trainer
            spec:
              hostIPC: true
              containers:
                - name: trainer
                  image: pytorch/pytorch:2.4.0-cuda12.1-cudnn9-runtime
            """, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: trainer
            spec:
              hostIPC: false
              containers:
                - name: trainer
                  image: pytorch/pytorch:2.4.0-cuda12.1-cudnn9-runtime
            """);
    }

    /// <summary>Issue 10, item 8: a pod template whose containers come from elsewhere (a patch, an overlay) still sets its host namespaces.</summary>
    [Fact]
    public void A_template_without_containers_is_reported_at_its_flag()
    {
        var findings = Verify.Findings(Id, """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: node-agent
            spec:
              template:
                spec:
                  hostNetwork: {|IL2008:true|}
                  hostPID: false
            """);
        Assert.Equal(new[] { (Id, 8, 20) }, findings.Positions());
    }

    [Fact]
    public void A_template_without_containers_or_host_namespaces_is_not_reported()
    {
        Verify.NoFindings(Id, """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: patch
            spec:
              template:
                spec:
                  hostNetwork: false
                  nodeSelector:
                    pool: gpu
            """);
    }

    [Fact]
    public void Fix_on_a_template_without_containers_sets_the_flag_to_false()
    {
        Verify.Fix(Id, """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: node-agent
            spec:
              template:
                spec:
                  hostPID: true
            """, """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: node-agent
            spec:
              template:
                spec:
                  hostPID: false
            """);
    }
}
