using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.Security;

/// <summary>IL2007 on the root group (issue 10, item 8): runAsGroup: 0 at pod or container level, the container's value winning.</summary>
public sealed class IL2007RunAsGroupTests
{
    private const string Id = "IL2007";

    [Fact]
    public void RunAsGroup_zero_is_reported_at_the_value_from_the_pod_or_the_container()
    {
        var findings = Verify.Findings(Id, """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: trainer
            spec:
              template:
                spec:
                  securityContext:
                    runAsUser: 1000
                    runAsNonRoot: true
                    runAsGroup: {|IL2007:0|}
                  containers:
                    - name: trainer
                      image: pytorch/pytorch:2.4.0-cuda12.1-cudnn9-runtime
                    - name: uploader
                      image: python:3.12
                      securityContext:
                        runAsGroup: {|IL2007:0|}
            """);
        Assert.Equal(new[] { (Id, 11, 21), (Id, 18, 25) }, findings.Positions());
        Assert.Contains(findings, f => f.Message == "The container 'trainer' of Deployment 'trainer' runs with the root group: its pod's securityContext sets runAsGroup: 0. Use a non-zero GID the image supports.");
        Assert.Contains(findings, f => f.Message == "The container 'uploader' of Deployment 'trainer' runs with the root group: its securityContext sets runAsGroup: 0. Use a non-zero GID the image supports.");
    }

    [Fact]
    public void A_container_group_overrides_the_pods_root_group()
    {
        Verify.NoFindings(Id, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: server
            spec:
              securityContext:
                runAsUser: 1000
                runAsNonRoot: true
                runAsGroup: 0
              containers:
                - name: server
                  image: python:3.12
                  securityContext:
                    runAsGroup: 3000
            """);
    }

    [Fact]
    public void A_non_root_group_or_an_unset_group_is_not_reported()
    {
        Verify.NoFindings(Id, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: server
            spec:
              securityContext:
                runAsUser: 1000
                runAsNonRoot: true
              containers:
                - name: a
                  image: python:3.12
                  securityContext:
                    runAsGroup: 2000
                - name: b
                  image: python:3.12
            """);
    }

    [Fact]
    public void The_root_group_beside_the_root_user_is_one_finding_at_the_user()
    {
        var findings = Verify.Findings(Id, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: verl
            spec:
              securityContext:
                runAsUser: {|IL2007:0|}
                runAsGroup: 0
              containers:
                - name: trainer
                  image: verlai/verl:app-verl0.5
            """);
        Assert.Equal(new[] { (Id, 7, 16) }, findings.Positions());
    }
}
