using InfraLint.Core.Facts;
using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests;

/// <summary>
/// The same rules over docker-compose: the facts carry Kubernetes meaning, so no rule knows the format, and the
/// platform's spelling, so every message names the compose key to write. A stack without Swarm deployment is a
/// developer's workstation stack: what it leaves out is not judged there, what it asks for is.
/// </summary>
public sealed class ComposeTests
{
    /// <summary>deploy.placement makes the stack a Swarm stack, judged as production.</summary>
    private const string SwarmService = """
        services:
          {|IL2006:{|IL2007:{|IL3004:vllm|}|}|}:
            image: {|IL2011:vllm/vllm-openai:latest|}
            ports:
              - "8000:8000"
            environment:
              HF_TOKEN: {|IL2009:hf-example-not-a-real-token|}
            deploy:
              placement:
                constraints: [node.labels.gpu == true]
              {|IL3006:resources|}:
                limits:
                  cpus: "8"
        """;

    private const string WorkstationService = """
        services:
          vllm:
            image: {|IL2011:vllm/vllm-openai:latest|}
            ports:
              - "8000:8000"
            environment:
              HF_TOKEN: {|IL2009:hf-example-not-a-real-token|}
        """;

    private static readonly LintSettings JudgeWorkstations = new() { JudgeWorkstationStacks = true };

    [Theory]
    [InlineData("IL2006")]
    [InlineData("IL2007")]
    [InlineData("IL2009")]
    [InlineData("IL2011")]
    [InlineData("IL3004")]
    [InlineData("IL3006")]
    public void Service_level_rules_fire_on_swarm_services(string ruleId)
    {
        Verify.Files(ruleId, ("docker-compose.yaml", SwarmService));
    }

    /// <summary>Only what the service explicitly does wrong (a secret, a floating tag) is reported on a workstation stack.</summary>
    [Theory]
    [InlineData("IL2006")]
    [InlineData("IL2007")]
    [InlineData("IL2009")]
    [InlineData("IL2011")]
    [InlineData("IL3004")]
    [InlineData("IL3006")]
    public void Omissions_are_not_judged_on_a_workstation_stack(string ruleId)
    {
        Verify.Files(ruleId, ("docker-compose.yaml", WorkstationService));
    }

    [Theory]
    [InlineData("IL1005")]
    [InlineData("IL2013")]
    public void Kubernetes_scoped_rules_do_not_fire_on_compose(string ruleId)
    {
        Verify.Files(ruleId, ("docker-compose.yaml", SwarmService));
    }

    [Fact]
    public void Compose_messages_name_compose_keys_and_never_pod_spec_settings()
    {
        var result = Lint.Files(JudgeWorkstations, ("docker-compose.yaml", """
            services:
              vllm:
                image: vllm/vllm-openai:v0.6.3
                ports: ["8000:8000"]
                network_mode: host
            """));
        Verify.NoParseFailures(result);
        var findings = new[] { "IL2006", "IL2007", "IL2008", "IL3004", "IL3006" }.SelectMany(result.Of).ToArray();
        Assert.Equal(new[] { ("IL2006", 2, 3), ("IL2007", 2, 3), ("IL2008", 5, 19), ("IL3004", 2, 3), ("IL3006", 2, 3) }, findings.Positions());
        Assert.Contains("security_opt: [no-new-privileges:true]", findings[0].Message);
        Assert.Contains("sets no user:", findings[1].Message);
        Assert.Contains("network_mode: host", findings[2].Message);
        Assert.Contains("sets no healthcheck:", findings[3].Message);
        Assert.Contains("image is not visible", findings[3].Message);
        Assert.Contains("set deploy.resources.limits.memory (or mem_limit)", findings[4].Message);
        foreach (var finding in findings)
        {
            Assert.DoesNotContain("allowPrivilegeEscalation", finding.Message);
            Assert.DoesNotContain("runAsNonRoot", finding.Message);
            Assert.DoesNotContain("runAsUser", finding.Message);
            Assert.DoesNotContain("probe", finding.Message);
            Assert.DoesNotMatch(@"(?<!deploy\.)resources\.limits", finding.Message);
            Assert.DoesNotContain("hostNetwork", finding.Message);
        }
    }

    [Fact]
    public void An_image_compose_builds_from_source_is_a_local_tag_not_an_unpinned_pull()
    {
        Verify.NoFindings("IL2011", """
            services:
              pull-model:
                build:
                  context: .
                  dockerfile: pull_model.Dockerfile
                image: genai-stack/pull-model:latest
            """);
        Verify.Files("IL2011", ("docker-compose.yaml", """
            services:
              pull-model:
                image: {|IL2011:genai-stack/pull-model:latest|}
            """));
    }

    [Fact]
    public void Explicit_dangers_are_reported_on_a_workstation_stack()
    {
        const string Stack = """
            services:
              sandbox:
                image: example/sandbox:1.0
                privileged: {|IL2006:true|}
                user: {|IL2007:root|}
                pid: {|IL2008:host|}
                ipc: {|IL2008:host|}
                network_mode: {|IL2008:host|}
              worker:
                image: example/worker:1.0
                user: {|IL2007:"0:0"|}
                security_opt: [{|IL2006:no-new-privileges:false|}]
            """;
        var privileged = Verify.Files("IL2006", ("docker-compose.yaml", Stack));
        Assert.Equal(new[] { ("IL2006", 4, 17), ("IL2006", 12, 20) }, privileged.Positions());
        Assert.Contains("root on the host", privileged[0].Message);
        Assert.Contains("sets security_opt: [no-new-privileges:false]", privileged[1].Message);

        var root = Verify.Files("IL2007", ("docker-compose.yaml", Stack));
        Assert.Equal(new[] { ("IL2007", 5, 11), ("IL2007", 11, 11) }, root.Positions());
        Assert.All(root, f => Assert.Contains("its service sets user: 0 (root)", f.Message));

        var host = Verify.Files("IL2008", ("docker-compose.yaml", Stack));
        var byLine = host.OrderBy(f => f.Location.StartLine).ToArray();
        Assert.Equal(new[] { ("IL2008", 6, 10), ("IL2008", 7, 10), ("IL2008", 8, 19) }, byLine.Positions());
        Assert.Equal(new[] { "pid: host", "ipc: host", "network_mode: host" }, byLine.Select(f => f.Message.Split(" sets ")[1].Split(';')[0]));
    }

    [Fact]
    public void A_service_that_asks_for_nothing_dangerous_is_not_reported_on_a_workstation_stack()
    {
        const string Stack = """
            services:
              app:
                image: example/app:1.0
                privileged: false
                user: "1000:1000"
                network_mode: bridge
                ipc: "service:db"
              dev:
                image: example/dev:1.0
                user: "${UID}:${GID}"
            """;
        Verify.NoFindings("IL2006", Stack);
        Verify.NoFindings("IL2007", Stack);
        Verify.NoFindings("IL2008", Stack);
    }

    /// <summary>An interpolated user is decided when the stack starts (usually the developer's own UID): unknown, never root.</summary>
    [Fact]
    public void An_interpolated_user_is_not_judged_even_when_workstations_are()
    {
        Verify.NoFindings("IL2007", """
            services:
              dev:
                image: example/dev:1.0
                user: "${UID}:${GID}"
              app:
                image: example/app:1.0
                user: app
            """, JudgeWorkstations);
    }

    [Theory]
    [InlineData("placement:\n        constraints: [node.role == worker]")]
    [InlineData("mode: global")]
    [InlineData("replicas: 3")]
    [InlineData("update_config:\n        parallelism: 1")]
    public void Swarm_deployment_on_any_service_makes_the_whole_stack_production(string deploy)
    {
        var result = Lint.Yaml($$"""
            services:
              web:
                image: example/web:1.0
              db:
                image: example/db:1.0
                deploy:
                  {{deploy}}
            """);
        Verify.NoParseFailures(result);
        Assert.Equal(new[] { ("IL2007", 2, 3), ("IL2007", 4, 3) }, result.Of("IL2007").Positions());
    }

    [Fact]
    public void A_single_replica_or_a_resources_block_does_not_make_a_stack_production()
    {
        Verify.NoFindings("IL2007", """
            services:
              llm:
                image: ollama/ollama:0.3.14
                deploy:
                  replicas: 1
                  resources:
                    reservations:
                      devices:
                        - driver: nvidia
                          count: 1
                          capabilities: [gpu]
            """);
    }

    [Fact]
    public void JudgeWorkstationStacks_reports_omissions_on_a_workstation_stack()
    {
        var findings = Verify.Files("IL2007", JudgeWorkstations, ("docker-compose.yaml", """
            services:
              {|IL2007:vllm|}:
                image: vllm/vllm-openai:v0.6.3
            """));
        Assert.Equal(new[] { ("IL2007", 2, 3) }, findings.Positions());
        Assert.Contains("root unless the image's Dockerfile sets USER", findings[0].Message);
        Assert.Empty(findings[0].Fixes);
    }

    [Fact]
    public void A_healthcheck_satisfies_IL3004_and_a_disabled_one_does_not()
    {
        var findings = Verify.Files("IL3004", JudgeWorkstations, ("docker-compose.yaml", """
            services:
              checked:
                image: vllm/vllm-openai:v0.6.3
                healthcheck:
                  test: ["CMD", "curl", "-f", "http://localhost:8000/health"]
              {|IL3004:disabled|}:
                image: vllm/vllm-openai:v0.6.3
                healthcheck:
                  disable: true
            """));
        Assert.Equal(new[] { ("IL3004", 6, 3) }, findings.Positions());
        Assert.Contains("sets no healthcheck:", findings[0].Message);
    }

    [Fact]
    public void Memory_limits_count_in_either_compose_form_and_cpus_only_when_asked_for()
    {
        const string Stack = """
            services:
              deployed:
                image: example/app:1.0
                deploy:
                  resources:
                    limits:
                      memory: 4g
              legacy:
                image: example/app:1.0
                mem_limit: 4g
                cpus: 2
              interpolated:
                image: example/app:1.0
                mem_limit: ${MEM_LIMIT}
            """;
        Verify.NoFindings("IL3006", Stack, JudgeWorkstations);

        var findings = Verify.Files("IL3006", new LintSettings { JudgeWorkstationStacks = true, RequireCpuLimits = true }, ("docker-compose.yaml", """
            services:
              deployed:
                image: example/app:1.0
                deploy:
                  {|IL3006:resources|}:
                    limits:
                      memory: 4g
              legacy:
                image: example/app:1.0
                mem_limit: 4g
                cpus: 2
            """));
        Assert.Equal(new[] { ("IL3006", 5, 7) }, findings.Positions());
        Assert.Contains("sets no CPU limit; set deploy.resources.limits.cpus.", findings[0].Message);
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
            """, JudgeWorkstations);
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
