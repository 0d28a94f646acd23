namespace InfraLint.Analyzers.Tests.Infrastructure;

/// <summary>Sources several tests share: what they are about is the configuration or the files around them, not the resource.</summary>
public static class Snippets
{
    /// <summary>
    /// A Pod whose only container runs privileged (IL2006 at <c>privileged</c>'s value, line 11, column 19), forbidding
    /// escalation so that nothing else fires; <paramref name="value"/> is that value, with or without markup.
    /// </summary>
    public static string PrivilegedPodYaml(string value = "{|IL2006:true|}") => $"""
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
                privileged: {value}
        """;

    /// <summary>The same Pod in KubernetesClient code, as a program (IL2006 at <c>Privileged</c>'s value, line 15, column 106).</summary>
    public static string PrivilegedPodCSharp(string value = "{|IL2006:true|}") => $$"""
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
                        SecurityContext = new V1SecurityContext { AllowPrivilegeEscalation = false, Privileged = {{value}} },
                    },
                },
            },
        };
        System.Console.WriteLine(pod);
        """;
}
