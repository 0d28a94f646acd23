using InfraLint.Rules.Tests.Infrastructure;
using static InfraLint.Rules.Tests.CSharp.KubernetesClient.KubernetesClientCode;

namespace InfraLint.Rules.Tests.CSharp.KubernetesClient;

/// <summary>The security rules on KubernetesClient models, syntactic and bound by KubernetesClient 21.0.8.</summary>
public sealed class SecurityRulesTests
{
    private static void At(string id, int line, int column, string markup)
    {
        var finding = Assert.Single(CSharpVerify.Findings(id, markup));
        Assert.Equal((id, line, column), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
    }

    [Fact]
    public void IL2006_allow_privilege_escalation_unset_is_reported_at_the_unnamed_container() =>
        At("IL2006", 16, 21, Deployment(name: "", container: Container(security: "SecurityContext = new V1SecurityContext { RunAsNonRoot = true }")).Replace("new V1Container\n", "{|IL2006:new V1Container|}\n"));

    [Fact]
    public void IL2006_a_container_without_privileges_is_not_reported() => CSharpVerify.NoFindings("IL2006", Deployment());

    [Fact]
    public void IL2007_an_unnamed_container_that_may_run_as_root_is_reported_at_its_creation() =>
        At("IL2007", 16, 21, Deployment(name: "", container: Container(security: "SecurityContext = new V1SecurityContext { AllowPrivilegeEscalation = false }")).Replace("new V1Container\n", "{|IL2007:new V1Container|}\n"));

    [Fact]
    public void IL2007_run_as_user_zero_is_reported_at_the_value() =>
        At("IL2007", 19, 148, Deployment(container: Container(security: "SecurityContext = new V1SecurityContext { AllowPrivilegeEscalation = false, RunAsUser = {|IL2007:0|} }")));

    [Fact]
    public void IL2007_a_non_root_container_is_not_reported() => CSharpVerify.NoFindings("IL2007", Deployment());

    [Fact]
    public void IL2008_host_network_is_reported_at_the_value() =>
        At("IL2008", 13, 31, Deployment(pod: "HostNetwork = {|IL2008:true|},"));

    [Fact]
    public void IL2008_host_pid_false_is_not_reported() => CSharpVerify.NoFindings("IL2008", Deployment(pod: "HostPID = false, HostIPC = false,"));

    [Fact]
    public void IL2009_a_token_in_an_environment_variable_is_reported_at_the_value() =>
        At("IL2009", 19, 558, Deployment(container: Container(more: "Env = new List<V1EnvVar> { new V1EnvVar { Name = \"HF_TOKEN\", Value = {|IL2009:\"hf_FAKEFAKEFAKEFAKEFAKE\"|} } }")));

    [Fact]
    public void IL2009_a_token_from_a_secret_is_not_reported() =>
        CSharpVerify.NoFindings("IL2009", Deployment(container: Container(more: "Env = new List<V1EnvVar> { new V1EnvVar { Name = \"HF_TOKEN\", ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = \"hf\", Key = \"token\" } } } }")));

    [Fact]
    public void IL2011_a_latest_image_is_reported_at_the_image() =>
        At("IL2011", 19, 33, Deployment(container: Container(image: "Image = {|IL2011:\"vllm/vllm-openai:latest\"|}")));

    [Fact]
    public void IL2011_a_pinned_image_is_not_reported() => CSharpVerify.NoFindings("IL2011", Deployment());

    private const string Role = """
        using k8s.Models;

        var role = new V1Role
        {
            Metadata = new V1ObjectMeta { Name = "reader", NamespaceProperty = "serving" },
            Rules = new List<V1PolicyRule> { new V1PolicyRule { ApiGroups = new List<string> { "" }, Resources = new List<string> { RESOURCE }, Verbs = new List<string> { "get" } } },
        };
        """;

    [Fact]
    public void IL2005_a_wildcard_resource_is_reported_at_the_wildcard() =>
        At("IL2005", 6, 125, Role.Replace("RESOURCE", "{|IL2005:\"*\"|}"));

    [Fact]
    public void IL2005_named_resources_are_not_reported() => CSharpVerify.NoFindings("IL2005", Role.Replace("RESOURCE", "\"pods\""));

    private const string LoadBalancer = """
        var service = new V1Service
        {
            Metadata = new V1ObjectMeta { Name = "vllm", NamespaceProperty = "serving" },
            Spec = new V1ServiceSpec { Type = TYPE, Selector = new Dictionary<string, string> { ["app"] = "vllm" }, Ports = new List<V1ServicePort> { new V1ServicePort { Port = 80, TargetPort = "8000" } } },
        };
        """;

    [Fact]
    public void IL2010_a_public_load_balancer_without_rate_limit_is_reported_at_its_type() =>
        At("IL2010", 30, 39, ServedBy(LoadBalancer.Replace("TYPE", "{|IL2010:\"LoadBalancer\"|}")));

    [Fact]
    public void IL2010_a_cluster_ip_service_is_not_reported() => CSharpVerify.NoFindings("IL2010", ServedBy(LoadBalancer.Replace("TYPE", "\"ClusterIP\"")));

    /// <summary>The Deployment with pod labels app=vllm, then <paramref name="service"/> from line 26.</summary>
    private static string ServedBy(string service) =>
        Deployment(extra: service).Replace(
            "Template = new V1PodTemplateSpec\n        {\n",
            "Template = new V1PodTemplateSpec\n        {\n            Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { [\"app\"] = \"vllm\" } },\n");

    private const string Ingress = """
        var ingress = INGRESS
        {
            Metadata = new V1ObjectMeta { NamespaceProperty = "serving", Annotations = new Dictionary<string, string> { ["nginx.ingress.kubernetes.io/limit-rps"] = "10" } },
            Spec = new V1IngressSpec { TLS },
        };
        """;

    [Fact]
    public void IL2003_an_unnamed_ingress_without_tls_is_reported_at_its_creation() =>
        At("IL2003", 3, 15, Ingress.Replace("INGRESS", "{|IL2003:new V1Ingress|}").Replace("TLS", "IngressClassName = \"nginx\"").Insert(0, "using k8s.Models;\n\n"));

    [Fact]
    public void IL2003_an_ingress_with_tls_is_not_reported() =>
        CSharpVerify.NoFindings("IL2003", Ingress.Replace("INGRESS", "new V1Ingress").Replace("TLS", "IngressClassName = \"nginx\", Tls = new List<V1IngressTLS> { new V1IngressTLS { SecretName = \"vllm-tls\", Hosts = new List<string> { \"llm.example.com\" } } }").Insert(0, "using k8s.Models;\n\n"));
}
