using InfraLint.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace InfraLint.Analyzers.Tests.Configuration;

/// <summary>
/// What configures the analyzer: Roslyn's own severities and suppressions (.editorconfig, .globalconfig, #pragma,
/// [SuppressMessage]) on what it reports, and InfraLint's settings (.infralint.yaml as an AdditionalFile, infralint_*
/// options) on what the rules judge — read by the CLI's code.
/// </summary>
public sealed class ConfigurationTests
{
    private static readonly string PrivilegedPod = Snippets.PrivilegedPodCSharp("true");


    private static DiagnosticResult Privileged(DiagnosticSeverity severity) =>
        new DiagnosticResult("IL2006", severity).WithSpan("/0/Test0.cs", 15, 106, 15, 110);

    [Fact]
    public async Task An_editorconfig_severity_changes_the_severity_reported()
    {
        var test = AnalyzerVerify.Test("IL2006");
        test.TestCode = PrivilegedPod;
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.IL2006.severity = warning\n"));
        test.ExpectedDiagnostics.Add(Privileged(DiagnosticSeverity.Warning).WithMessageFormat("{0}").WithArguments("The container 'triton' of Pod 'triton' runs privileged: it has every capability and the node's devices, which is root on the node."));
        await test.RunAsync();
    }

    [Fact]
    public async Task An_editorconfig_severity_of_none_silences_the_rule()
    {
        var test = AnalyzerVerify.Test("IL2006");
        test.TestCode = PrivilegedPod;
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.IL2006.severity = none\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Pragma_warning_disable_suppresses_the_diagnostic()
    {
        var test = AnalyzerVerify.Test("IL2006");
        test.TestCode = PrivilegedPod
            .Replace("SecurityContext = new", "\n#pragma warning disable IL2006 // the benchmark node is disposable\nSecurityContext = new", StringComparison.Ordinal);
        await test.RunAsync();
    }

    [Fact]
    public async Task SuppressMessage_on_the_member_suppresses_the_diagnostic()
    {
        var test = AnalyzerVerify.Test("IL2006");
        test.TestCode = """
            using System.Collections.Generic;
            using System.Diagnostics.CodeAnalysis;
            using k8s.Models;

            System.Console.WriteLine(Pods.Benchmark());

            static class Pods
            {
                [SuppressMessage("Security", "IL2006:Privileged container", Justification = "the benchmark node is disposable")]
                public static V1Pod Benchmark() => new V1Pod
                {
                    Metadata = new V1ObjectMeta { Name = "bench" },
                    Spec = new V1PodSpec
                    {
                        Containers = new List<V1Container>
                        {
                            new V1Container { Name = "bench", Image = "nvcr.io/nvidia/pytorch:24.08-py3", SecurityContext = new V1SecurityContext { AllowPrivilegeEscalation = false, Privileged = true } },
                        },
                    },
                };
            }
            """;
        await test.RunAsync();
    }

    private const string ShortRetention = """
        using Amazon.CDK;
        using Amazon.CDK.AWS.Logs;

        var stack = new Stack(new App(), "Serving");
        new LogGroup(stack, "Inference", new LogGroupProps { Retention = RetentionDays.THREE_MONTHS });
        """;

    private static DiagnosticResult Retention() => new DiagnosticResult("IL4002", DiagnosticSeverity.Warning).WithSpan("/0/Test0.cs", 5, 66, 5, 92);

    [Fact]
    public async Task A_rule_outside_the_recommended_set_is_silent_until_something_turns_it_on()
    {
        var test = AnalyzerVerify.Test();  // every rule but none asked for: IL4002 is not in the recommended set
        test.DisabledDiagnostics.Clear();
        test.TestCode = ShortRetention;
        await test.RunAsync();
    }

    [Fact]
    public async Task An_infralint_yaml_AdditionalFile_turns_a_rule_on_and_sets_its_threshold()
    {
        var test = AnalyzerVerify.Test();
        test.DisabledDiagnostics.Clear();
        test.TestCode = ShortRetention.Replace("THREE_MONTHS", "SIX_MONTHS", StringComparison.Ordinal);
        test.TestState.AdditionalFiles.Add(("/.infralint.yaml", "rules:\n  IL4002: on\nminLogRetentionDays: 365\n"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("IL4002", DiagnosticSeverity.Warning).WithSpan("/0/Test0.cs", 5, 66, 5, 90));
        await test.RunAsync();
    }

    [Fact]
    public async Task An_infralint_option_in_editorconfig_sets_the_threshold_over_the_file()
    {
        var test = AnalyzerVerify.Test("IL4002");
        test.TestCode = ShortRetention;
        test.TestState.AdditionalFiles.Add(("/.infralint.yaml", "minLogRetentionDays: 365\n"));
        // 90 days: reported under the default of 180 and the file's 365, not under the option's 30.
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\ninfralint_min_log_retention_days = 30\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_Roslyn_severity_turns_a_rule_outside_the_recommended_set_on()
    {
        var test = AnalyzerVerify.Test("IL4002");  // the harness sets dotnet_diagnostic.IL4002.severity = warning
        test.TestCode = ShortRetention;
        test.ExpectedDiagnostics.Add(Retention());
        await test.RunAsync();
    }

    [Fact]
    public async Task A_bad_infralint_option_is_reported_as_IL0002_naming_the_option()
    {
        var test = AnalyzerVerify.Test("IL0002");
        test.TestCode = "System.Console.WriteLine();";
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ninfralint_min_log_retention_days = forever\n"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("IL0002", DiagnosticSeverity.Error)
            .WithMessage("'minLogRetentionDays' must be a whole number of days from 1 to 3653. (option infralint_min_log_retention_days)"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_problem_in_infralint_yaml_is_reported_where_it_is()
    {
        var test = AnalyzerVerify.Test("IL0002");
        test.TestCode = "System.Console.WriteLine();";
        test.TestState.AdditionalFiles.Add(("/.infralint.yaml", "minLogRetentionDays: 365\n{|IL0002:colour|}: blue\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_suppression_comment_in_a_YAML_AdditionalFile_suppresses_the_finding_below_it()
    {
        await AnalyzerVerify.Manifest("IL2006", "/deploy/pod.yaml", """
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
                    # infralint-disable-next-line IL2006 -- the benchmark node is disposable
                    privileged: true
            """);
    }

    [Fact]
    public async Task A_YAML_AdditionalFile_that_does_not_parse_is_reported_as_IL0001_where_it_breaks()
    {
        await AnalyzerVerify.Manifest("IL0001", "/deploy/broken.yaml", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: vllm
              labels: app{|IL0001:|}: vllm
            """);
    }

    [Fact]
    public async Task The_exclude_globs_of_infralint_yaml_leave_AdditionalFiles_out_as_in_the_CLI()
    {
        var pod = Snippets.PrivilegedPodYaml();
        var test = AnalyzerVerify.Test("IL2006");
        test.TestCode = "System.Console.WriteLine();";
        test.TestState.AdditionalFiles.Add(("/repo/.infralint.yaml", "exclude: [\"vendor/**\"]\n"));
        test.TestState.AdditionalFiles.Add(("/repo/deploy/pod.yaml", pod));
        test.TestState.AdditionalFiles.Add(("/repo/vendor/chart/pod.yaml", Snippets.PrivilegedPodYaml("true")));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_second_infralint_yaml_is_reported_as_not_read_and_the_one_nearest_the_root_is_read()
    {
        var test = AnalyzerVerify.Test("IL0002", "IL4002");
        test.TestCode = ShortRetention;
        test.TestState.AdditionalFiles.Add(("/repo/.infralint.yaml", "minLogRetentionDays: 30\n"));
        test.TestState.AdditionalFiles.Add(("/repo/infra/.infralint.yaml", "{|IL0002:|}minLogRetentionDays: 365\n"));
        await test.RunAsync();  // 90 days: not reported under the root's 30; the nested file's 365 is not read
    }
}
