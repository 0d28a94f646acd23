using InfraLint.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using static InfraLint.Analyzers.Tests.Rules.KubernetesCode;

namespace InfraLint.Analyzers.Tests.Rules;

/// <summary>
/// What the compilation-end pass adds: rules that look across resources join facts from every C# file and every
/// AdditionalFile of the compilation, report once, in the file the finding is about; rules outside the recommended set
/// stay silent until switched on; rules that wait for InfraLint's vocabulary speak once any file uses it.
/// </summary>
public sealed class AcrossFilesTests
{
    private static string VllmYaml(string name, string ns = "serving", string replicas = "2") => $$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{name}}
          namespace: {{ns}}
        spec:
          replicas: {{replicas}}
          template:
            spec:
              containers:
                - name: vllm
                  image: vllm/vllm-openai:v0.6.3
        """;

    private static string HpaYaml(string target) => $$"""
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata:
          name: vllm
          namespace: serving
        spec:
          scaleTargetRef:
            apiVersion: apps/v1
            kind: Deployment
            name: {{target}}
          minReplicas: 1
          maxReplicas: 4
        """;

    private static string PolicyYaml(string ns) => $$"""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: default-deny
          namespace: {{ns}}
        spec:
          podSelector: {}
          policyTypes: [Ingress]
        """;

    private static Task Run(string id, string code, params (string Path, string Text)[] files)
    {
        var test = AnalyzerVerify.Test(id);
        test.TestCode = code;
        foreach (var file in files) test.TestState.AdditionalFiles.Add(file);
        return test.RunAsync();
    }

    private const string NoCode = "System.Console.WriteLine();";

    [Fact]
    public Task IL1005_YAML_an_autoscaler_in_another_file_silences_the_deployment() =>
        Run("IL1005", NoCode, ("/deploy/vllm.yaml", VllmYaml("vllm")), ("/deploy/hpa.yaml", HpaYaml("vllm")));

    [Fact]
    public Task IL1005_YAML_an_autoscaler_of_another_deployment_in_another_file_leaves_it_reported_in_the_deployments_file() =>
        Run("IL1005", NoCode, ("/deploy/vllm.yaml", VllmYaml("vllm", replicas: "{|IL1005:2|}")), ("/deploy/hpa.yaml", HpaYaml("other")));

    [Fact]
    public Task IL1005_CSharp_a_deployment_built_in_code_is_silenced_by_an_autoscaler_in_a_YAML_file() =>
        Run("IL1005", Deployment(), ("/deploy/hpa.yaml", HpaYaml("vllm")));

    [Fact]
    public Task IL1005_CSharp_a_deployment_built_in_code_stays_reported_in_code_when_the_YAML_autoscaler_targets_another() =>
        Run("IL1005", Deployment(replicas: "Replicas = {|IL1005:2|},"), ("/deploy/hpa.yaml", HpaYaml("other")));

    [Fact]
    public Task IL2013_CSharp_a_network_policy_in_a_YAML_file_silences_the_workload_built_in_code() =>
        Run("IL2013", Deployment(metadata: Unnamed), ("/deploy/policy.yaml", PolicyYaml("serving")));

    [Fact]
    public Task IL2013_a_policy_in_another_namespace_leaves_the_code_and_the_YAML_workload_each_reported_in_its_own_file() =>
        Run("IL2013", Marked(Deployment(metadata: Unnamed), "IL2013", "V1Deployment"),
            ("/deploy/chat.yaml", VllmYaml("{|IL2013:chat|}", ns: "chat")),
            ("/deploy/policy.yaml", PolicyYaml("web")));

    /// <summary>
    /// One namespace, its workloads in code and in YAML: one finding, at the first workload (files in ordinal order),
    /// the other as an additional location in the AdditionalFile. Markup cannot say additional locations.
    /// </summary>
    [Fact]
    public Task IL2013_one_namespace_across_code_and_YAML_is_one_finding_with_the_YAML_workload_as_additional_location()
    {
        var test = AnalyzerVerify.Test("IL2013");
        test.TestCode = Deployment(metadata: Unnamed);
        test.TestState.AdditionalFiles.Add(("/deploy/chat.yaml", VllmYaml("chat")));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("IL2013", DiagnosticSeverity.Warning).WithSpan("/0/Test0.cs", 4, 18, 4, 34).WithSpan("/deploy/chat.yaml", 4, 9, 4, 13));
        return test.RunAsync();
    }

    [Fact]
    public Task IL2006_a_rule_of_one_resource_reports_in_code_and_in_YAML_once_each() =>
        Run("IL2006",
            Deployment(container: Container(security: "SecurityContext = new V1SecurityContext { AllowPrivilegeEscalation = false, Privileged = {|IL2006:true|} }")),
            ("/deploy/triton.yaml", Snippets.PrivilegedPodYaml()));

    /// <summary>
    /// A rule outside the recommended set is off in a build without configuration (the harness undoes the test library's
    /// habit of switching every descriptor on), and the analyzer does not evaluate it.
    /// </summary>
    [Fact]
    public async Task IL1005_outside_the_recommended_set_reports_nothing_until_a_severity_switches_it_on()
    {
        var test = AnalyzerVerify.Test("IL1005");
        AsConfigured(test, "IL1005");
        test.TestCode = Deployment(replicas: "Replicas = 2,");
        test.TestState.AdditionalFiles.Add(("/deploy/vllm.yaml", VllmYaml("vllm")));
        await test.RunAsync();
    }

    /// <summary>As a project without Roslyn configuration has the rule: without the severity the harness writes to ask for it.</summary>
    private static void AsConfigured(CSharpAnalyzerTest<InfraLintAnalyzer, DefaultVerifier> test, string ruleId)
    {
        Assert.Contains(test.TestState.AnalyzerConfigFiles, file => file.content.ToString().Contains($"dotnet_diagnostic.{ruleId}.severity", StringComparison.Ordinal));
        test.TestState.AnalyzerConfigFiles.Clear();
    }

    /// <summary>A rule outside the recommended set that <c>.infralint.yaml</c> (an AdditionalFile) enables is shown like one a severity enables.</summary>
    [Theory]
    [InlineData("rules:\n  IL1005: on\n")]
    [InlineData("ruleSet: all\n")]
    public async Task IL1005_outside_the_recommended_set_is_reported_when_infralint_yaml_enables_it(string configuration)
    {
        var test = AnalyzerVerify.Test("IL1005");
        AsConfigured(test, "IL1005");
        test.TestCode = Deployment(replicas: "Replicas = {|IL1005:2|},");
        test.TestState.AdditionalFiles.Add(("/.infralint.yaml", configuration));
        test.TestState.AdditionalFiles.Add(("/deploy/vllm.yaml", VllmYaml("vllm", replicas: "{|IL1005:2|}")));
        await test.RunAsync();
    }

    private static string GpuDeployment(string marked) => Deployment(metadata: Unnamed, container: Container(resources: Gpus("\"1\""))).Replace("new V1Deployment\n", marked + "\n");

    /// <summary>InfraLint's vocabulary on a Namespace: the repository opted in, so every rule waiting for it speaks.</summary>
    private const string OptedInNamespace = """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: serving
          labels:
            infralint.dev/owner: ml-platform
        """;

    [Fact]
    public Task IL1004_waits_for_InfraLints_vocabulary_and_reports_nothing_without_it() =>
        Run("IL1004", GpuDeployment("new V1Deployment"));

    [Fact]
    public Task IL1004_InfraLints_vocabulary_in_a_YAML_file_opts_the_code_in() =>
        Run("IL1004", GpuDeployment("{|IL1004:new V1Deployment|}"), ("/deploy/namespace.yaml", OptedInNamespace));

    /// <summary>The profile of a Deployment built in code, kept as a workload spec in YAML (targets name the Deployment).</summary>
    private const string ChatSpec = """
        apiVersion: infralint.dev/v1alpha1
        kind: AIWorkload
        metadata:
          name: chat
          namespace: serving
        spec:
          role: inference
          model:
            name: llama-3.1-70b
            precision: fp8
          traffic:
            peakRequestsPerSecond: 40
          slo:
            p99LatencyMs: 20000
          targets:
            - kind: Deployment
              name: chat-70b
        """;

    private static string Chat70bServer(string replicas) => Deployment(
        metadata: "Metadata = new V1ObjectMeta { Name = \"chat-70b\", NamespaceProperty = \"serving\" },",
        replicas: replicas,
        pod: NodeSelector("nvidia.com/gpu.product", "NVIDIA-H100-80GB-HBM3"),
        container: Container(resources: Gpus("\"2\"")));

    [Fact]
    public Task IL1001_CSharp_a_deployment_sized_by_a_workload_spec_in_YAML_is_reported_in_code() =>
        Run("IL1001", Chat70bServer("Replicas = {|IL1001:12|},"), ("/workloads/chat.yaml", ChatSpec));

    [Fact]
    public Task IL1001_CSharp_a_deployment_the_YAML_spec_sizes_right_is_not_reported() =>
        Run("IL1001", Chat70bServer("Replicas = 7,"), ("/workloads/chat.yaml", ChatSpec));

    [Fact]
    public Task IL1004_CSharp_a_workload_spec_in_YAML_is_the_capacity_plan_of_the_code() =>
        Run("IL1004", Chat70bServer("Replicas = 7,"), ("/workloads/chat.yaml", ChatSpec));

    [Fact]
    public Task IL1004_CSharp_a_workload_spec_in_YAML_for_another_deployment_opts_in_and_leaves_the_code_without_a_plan() =>
        Run("IL1004", Chat70bServer("Replicas = 7,").Replace("Name = \"chat-70b\"", "Name = {|IL1004:\"chat-70b\"|}"), ("/workloads/chat.yaml", ChatSpec.Replace("name: chat-70b", "name: other")));

    /// <summary>An AdditionalFile checked out with CRLF line endings (Windows, core.autocrlf): same places, lines and columns.</summary>
    [Fact]
    public Task IL2006_YAML_with_CRLF_line_endings_is_reported_at_the_same_place() =>
        Run("IL2006", NoCode, ("/deploy/triton.yaml", Snippets.PrivilegedPodYaml().ReplaceLineEndings("\r\n")));
}
