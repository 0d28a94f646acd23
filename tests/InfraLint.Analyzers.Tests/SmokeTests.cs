using InfraLint.Analyzers.Tests.Infrastructure;

namespace InfraLint.Analyzers.Tests;

public sealed class SmokeTests
{
    [Fact]
    public Task IL2006_in_CSharp() => AnalyzerVerify.CSharp("IL2006", """
        using System.Collections.Generic;
        using k8s.Models;

        var pod = new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = "triton" },
            Spec = new V1PodSpec
            {
                Containers = new List<V1Container>
                {
                    new V1Container
                    {
                        Name = "triton",
                        Image = "nvcr.io/nvidia/tritonserver:24.08-py3",
                        SecurityContext = new V1SecurityContext { AllowPrivilegeEscalation = false, Privileged = {|IL2006:true|} },
                    },
                },
            },
        };
        System.Console.WriteLine(pod);
        """);

    [Fact]
    public Task IL2006_in_YAML() => AnalyzerVerify.Manifest("IL2006", "/deploy/pod.yaml", """
        apiVersion: v1
        kind: Pod
        metadata:
          name: triton
        spec:
          containers:
            - name: triton
              image: nvcr.io/nvidia/tritonserver:24.08-py3
              securityContext:
                allowPrivilegeEscalation: false
                privileged: {|IL2006:true|}
        """);
}
