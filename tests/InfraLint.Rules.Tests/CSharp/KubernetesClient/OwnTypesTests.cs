using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.CSharp.KubernetesClient;

/// <summary>
/// A user's own V1Deployment is not KubernetesClient's: declared in the file, or in a namespace imported instead of
/// k8s.Models, it is not read in either mode. A real V1Pod beside it shows that the file is read (and, in semantic mode,
/// that KubernetesClient's types were bound).
/// </summary>
public sealed class OwnTypesTests
{
    private const string RealPod = """
        var pod = new k8s.Models.V1Pod { Metadata = new k8s.Models.V1ObjectMeta { Name = "ok" }, Spec = new k8s.Models.V1PodSpec { HostNetwork = false, Containers = new List<k8s.Models.V1Container> { new k8s.Models.V1Container { Name = "c", Image = "busybox:1.36" } } } };
        """;

    private const string OwnModels = """
            public class V1Deployment { public V1ObjectMeta? Metadata { get; set; } public V1DeploymentSpec? Spec { get; set; } }
            public class V1ObjectMeta { public string? Name { get; set; } }
            public class V1DeploymentSpec { public bool HostNetwork { get; set; } }
        """;

    private const string Use = """
        var deployment = new V1Deployment { Metadata = new V1ObjectMeta { Name = "mine" }, Spec = new V1DeploymentSpec { HostNetwork = true } };
        """;

    [Fact]
    public void A_v1_deployment_declared_in_the_file_is_not_read() =>
        CSharpVerify.NoFindings("IL2008", RealPod + "\n" + Use + "\n" + OwnModels);

    [Fact]
    public void A_v1_deployment_of_another_imported_namespace_is_not_read() =>
        CSharpVerify.NoFindings("IL2008", "using Acme.Models;\n" + RealPod + "\n" + Use + "\nnamespace Acme.Models\n{\n" + OwnModels + "}\n");

    [Fact]
    public void The_real_one_beside_it_is_read() =>
        CSharpVerify.Findings("IL2008", "using Acme.Models;\n" + RealPod.Replace("HostNetwork = false", "HostNetwork = {|IL2008:true|}") + "\n" + Use + "\nnamespace Acme.Models\n{\n" + OwnModels + "}\n");
}
