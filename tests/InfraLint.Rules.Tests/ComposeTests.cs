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
}
