using InfraLint.Analyzers.Tests.Infrastructure;

namespace InfraLint.Analyzers.Tests.Configuration;

/// <summary>
/// InfraLint's own suppression comments in the analyzer: <c>// infralint-disable-next-line</c> in C# and
/// <c># infralint-disable-next-line</c> in a YAML AdditionalFile silence a finding until their date, and after it the
/// finding is back and IL0004 is reported at the comment. The analyzer takes the day from the system clock, so the
/// dates are far in the past or the future.
/// </summary>
public sealed class ExpiringSuppressionTests
{
    private static string Pod(string comment, string value = "true") => Snippets.PrivilegedPodCSharp(value).Replace(
        "                SecurityContext = new",
        $"                {comment}\n                SecurityContext = new",
        StringComparison.Ordinal);

    [Theory]
    [InlineData("// infralint-disable-next-line IL2006 -- the benchmark node is disposable")]
    [InlineData("// infralint-disable-next-line IL2006 -- the benchmark node is disposable (until 9999-12-31)")]
    public async Task A_csharp_comment_that_has_not_expired_suppresses_the_diagnostic(string comment)
    {
        await AnalyzerVerify.CSharp("IL2006", Pod(comment));
        var test = AnalyzerVerify.Test("IL2006", "IL0004");
        test.TestCode = Pod(comment);
        await test.RunAsync();
    }

    [Fact]
    public async Task An_expired_csharp_comment_suppresses_nothing_and_is_IL0004_at_the_comment()
    {
        var test = AnalyzerVerify.Test("IL2006", "IL0004");
        test.TestCode = Pod("{|IL0004:// infralint-disable-next-line IL2006 -- the benchmark node is disposable (until 2000-01-31)|}", "{|IL2006:true|}");
        await test.RunAsync();
    }

    [Fact]
    public async Task A_csharp_comment_with_a_bad_date_suppresses_nothing_and_is_IL0002_at_the_comment()
    {
        var test = AnalyzerVerify.Test("IL2006", "IL0002", "IL0004");
        test.TestCode = Pod("{|IL0002:// infralint-disable-next-line IL2006 -- the benchmark node is disposable (until 31.01.2000)|}", "{|IL2006:true|}");
        await test.RunAsync();
    }

    private const string PodYaml = """
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
                COMMENT
                privileged: VALUE
        """;

    [Fact]
    public async Task A_YAML_comment_that_has_not_expired_suppresses_the_diagnostic()
    {
        var test = AnalyzerVerify.Test("IL2006", "IL0004");
        test.TestCode = "System.Console.WriteLine();";
        test.TestState.AdditionalFiles.Add(("/deploy/pod.yaml", PodYaml
            .Replace("COMMENT", "# infralint-disable-next-line IL2006 -- the benchmark node is disposable (until 9999-12-31)", StringComparison.Ordinal)
            .Replace("VALUE", "true", StringComparison.Ordinal)));
        await test.RunAsync();
    }

    [Fact]
    public async Task An_expired_YAML_comment_is_IL0004_at_the_comment_and_the_diagnostic_is_back()
    {
        await AnalyzerVerify.Manifest("IL0004", "/deploy/pod.yaml", PodYaml
            .Replace("COMMENT", "{|IL0004:# infralint-disable-next-line IL2006 -- the benchmark node is disposable (until 2000-01-31)|}", StringComparison.Ordinal)
            .Replace("VALUE", "true", StringComparison.Ordinal));
        var test = AnalyzerVerify.Test("IL2006");
        test.TestCode = "System.Console.WriteLine();";
        test.TestState.AdditionalFiles.Add(("/deploy/pod.yaml", PodYaml
            .Replace("COMMENT", "# infralint-disable-next-line IL2006 -- the benchmark node is disposable (until 2000-01-31)", StringComparison.Ordinal)
            .Replace("VALUE", "{|IL2006:true|}", StringComparison.Ordinal)));
        await test.RunAsync();
    }
}
