using InfraLint.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;

namespace InfraLint.Analyzers.Tests.CodeFixes;

/// <summary>
/// Fix All of one rule in a document, a project and a solution: every marked finding fixed in one pass, as
/// <c>infralint fix --rule</c> would (the provider rescans each document between rounds).
/// </summary>
public sealed class FixAllTests
{
    [Fact]
    public async Task IL2006_two_privileged_containers_of_one_pod_are_fixed_together()
    {
        var test = CodeFixVerify.Test("IL2006");
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary;
        test.TestCode = Pod("triton", "{|IL2006:true|}", "{|IL2006:true|}");
        test.FixedCode = Pod("triton", "false", "false");
        // One lightbulb fixes one container; Fix All, in any scope, fixes both at once.
        test.NumberOfIncrementalIterations = 2;
        test.NumberOfFixAllIterations = 1;
        test.NumberOfFixAllInDocumentIterations = 1;
        test.NumberOfFixAllInProjectIterations = 1;
        await test.RunAsync();
    }

    [Fact]
    public async Task IL2006_privileged_containers_in_two_documents_are_fixed_by_project_and_solution_scope()
    {
        var test = CodeFixVerify.Test("IL2006");
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary;
        test.TestState.Sources.Add(("/0/Triton.cs", Pod("triton", "{|IL2006:true|}", "false")));
        test.TestState.Sources.Add(("/0/Vllm.cs", Pod("vllm", "{|IL2006:true|}", "false")));
        test.FixedState.Sources.Add(("/0/Triton.cs", Pod("triton", "false", "false")));
        test.FixedState.Sources.Add(("/0/Vllm.cs", Pod("vllm", "false", "false")));
        test.NumberOfIncrementalIterations = 2;
        // Fix All in a document reaches one file per invocation; in the project and the solution, both at once.
        test.NumberOfFixAllInDocumentIterations = 2;
        test.NumberOfFixAllInProjectIterations = 1;
        test.NumberOfFixAllIterations = 1;
        await test.RunAsync();
    }

    [Fact]
    public async Task IL1006_two_on_demand_training_node_groups_are_fixed_together_at_compilation_end()
    {
        var test = CodeFixVerify.Test("IL1006");
        test.TestCode = NodeGroups("{|IL1006:\"ON_DEMAND\"|}", "{|IL1006:\"ON_DEMAND\"|}");
        test.FixedCode = NodeGroups("\"SPOT\"", "\"SPOT\"");
        test.NumberOfIncrementalIterations = 2;
        test.NumberOfFixAllIterations = 1;
        test.NumberOfFixAllInDocumentIterations = 1;
        test.NumberOfFixAllInProjectIterations = 1;
        await test.RunAsync();
    }

    /// <summary>A pod built by a class of a library: top-level statements would be allowed in one file of the project only.</summary>
    private static string Pod(string name, string firstPrivileged, string secondPrivileged) => $$"""
        using System.Collections.Generic;
        using k8s.Models;

        public static class {{char.ToUpperInvariant(name[0]) + name.Substring(1)}}Pod
        {
            public static V1Pod Create() => new V1Pod
            {
                Metadata = new V1ObjectMeta { Name = "{{name}}" },
                Spec = new V1PodSpec
                {
                    Containers = new List<V1Container>
                    {
                        new V1Container
                        {
                            Name = "server",
                            Image = "nvcr.io/nvidia/tritonserver:24.08-py3",
                            SecurityContext = new V1SecurityContext { AllowPrivilegeEscalation = false, Privileged = {{firstPrivileged}} },
                        },
                        new V1Container
                        {
                            Name = "sidecar",
                            Image = "nvcr.io/nvidia/tritonserver:24.08-py3",
                            SecurityContext = new V1SecurityContext { AllowPrivilegeEscalation = false, Privileged = {{secondPrivileged}} },
                        },
                    },
                },
            };
        }
        """;

    private static string NodeGroups(string first, string second) => $$"""
        using System.Collections.Generic;
        using Amazon.CDK;
        using Amazon.CDK.AWS.EKS;

        var stack = new Stack(new App(), "Training");
        new CfnNodegroup(stack, "Pretrain", new CfnNodegroupProps
        {
            ClusterName = "ml",
            NodeRole = "arn:aws:iam::123456789012:role/nodes",
            Subnets = new[] { "subnet-0123456789abcdef0" },
            InstanceTypes = new[] { "p4d.24xlarge" },
            CapacityType = {{first}},
            Tags = new Dictionary<string, string> { ["infralint.dev/role"] = "training" },
        });
        new CfnNodegroup(stack, "Finetune", new CfnNodegroupProps
        {
            ClusterName = "ml",
            NodeRole = "arn:aws:iam::123456789012:role/nodes",
            Subnets = new[] { "subnet-0123456789abcdef0" },
            InstanceTypes = new[] { "g5.12xlarge" },
            CapacityType = {{second}},
            Tags = new Dictionary<string, string> { ["infralint.dev/role"] = "training" },
        });
        """;
}
