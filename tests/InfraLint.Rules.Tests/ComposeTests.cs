using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests;

/// <summary>The same rules over docker-compose: the facts carry Kubernetes meaning, so no rule knows the format.</summary>
public sealed class ComposeTests
{
    private const string Service = """
        services:
          {|IL2006:{|IL2007:{|IL3004:{|IL3006:vllm|}|}|}|}:
            image: {|IL2011:vllm/vllm-openai:latest|}
            ports:
              - "8000:8000"
            environment:
              HF_TOKEN: {|IL2009:hf-example-not-a-real-token|}
        """;

    [Theory]
    [InlineData("IL2006")]
    [InlineData("IL2007")]
    [InlineData("IL2009")]
    [InlineData("IL2011")]
    [InlineData("IL3004")]
    [InlineData("IL3006")]
    public void Service_level_rules_fire_on_compose_services(string ruleId)
    {
        Verify.Files(ruleId, ("docker-compose.yaml", Service));
    }

    [Theory]
    [InlineData("IL1005")]
    [InlineData("IL2013")]
    public void Kubernetes_scoped_rules_do_not_fire_on_compose(string ruleId)
    {
        Verify.Files(ruleId, ("docker-compose.yaml", Service));
    }

    [Fact]
    public void Escalation_fix_adds_no_new_privileges()
    {
        Verify.Fix("IL2006", """
            services:
              vllm:
                image: vllm/vllm-openai:v0.6.3
            """, """
            services:
              vllm:
                image: vllm/vllm-openai:v0.6.3
                security_opt:
                  - no-new-privileges:true
            """);
    }

    /// <summary>Compose stacks share settings through anchors and merge keys: what comes in through a merge is judged too.</summary>
    [Fact]
    public void A_privileged_flag_merged_from_an_anchor_is_reported_at_the_anchor_for_each_service_that_merges_it()
    {
        var result = Lint.Yaml("""
            x-gpu: &gpu
              image: vllm/vllm-openai:v0.6.3
              privileged: true
              security_opt: [no-new-privileges:true]
            services:
              vllm:
                <<: *gpu
              worker:
                <<: *gpu
            """);
        Verify.NoParseFailures(result);
        var findings = result.Of("IL2006");
        Assert.Equal(new[] { ("IL2006", 3, 15), ("IL2006", 3, 15) }, findings.Positions());
        Assert.Equal(2, findings.Select(f => f.LogicalPath).Distinct().Count());
        Assert.All(findings, f => Assert.Contains("privileged", f.LogicalPath, StringComparison.Ordinal));
    }

    [Fact]
    public void A_service_that_overrides_the_merged_flag_is_not_reported()
    {
        Verify.NoFindings("IL2006", """
            x-gpu: &gpu
              image: vllm/vllm-openai:v0.6.3
              privileged: true
            services:
              vllm:
                <<: *gpu
                privileged: false
                security_opt: [no-new-privileges:true]
            """);
    }

    [Fact]
    public void The_fix_for_a_merged_flag_overrides_it_in_the_service_and_leaves_the_anchor_alone()
    {
        Verify.Fix("IL2006", """
            x-gpu: &gpu
              image: vllm/vllm-openai:v0.6.3
              privileged: true
            services:
              vllm:
                <<: *gpu
                security_opt: [no-new-privileges:true]
            """, """
            x-gpu: &gpu
              image: vllm/vllm-openai:v0.6.3
              privileged: true
            services:
              vllm:
                <<: *gpu
                security_opt: [no-new-privileges:true]
                privileged: false
            """);
    }
}
