using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.Observability;

public sealed class IL3005NoProgressiveDeliveryTests
{
    private const string Id = "IL3005";

    private const string Recreate = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: llama
          namespace: serving
        spec:
          replicas: 3
          strategy:
            type: {|IL3005:Recreate|}
          template:
            spec:
              containers:
                - name: vllm
                  image: vllm/vllm-openai:v0.6.3
                  resources:
                    limits:
                      nvidia.com/gpu: 1
        """;

    [Fact]
    public void Recreate_is_reported_at_the_strategy_type()
    {
        var finding = Assert.Single(Verify.Findings(Id, Recreate));
        Assert.Equal((Id, 9, 11), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
        Assert.Contains("uses the Recreate strategy", finding.Message);
    }

    [Fact]
    public void Recreate_becomes_a_rolling_update_one_replica_at_a_time()
    {
        Verify.Fix(Id, Plain(Recreate), Plain(Recreate).Replace(
            "    type: Recreate\n",
            "    type: RollingUpdate\n    rollingUpdate:\n      maxUnavailable: 1\n"));
    }

    [Fact]
    public void Flow_style_strategy_is_fixed_in_place()
    {
        string flow = Plain(Recreate).Replace("  strategy:\n    type: Recreate\n", "  strategy: {type: Recreate}\n");
        Verify.Fix(Id, flow, flow.Replace("{type: Recreate}", "{type: RollingUpdate, rollingUpdate: {maxUnavailable: 1}}"));
    }

    [Fact]
    public void No_fix_for_a_single_replica_or_a_pod_with_a_volume_claim()
    {
        var single = Assert.Single(Lint.Yaml(Plain(Recreate).Replace("replicas: 3", "replicas: 1")).Of(Id));
        Assert.Empty(single.Fixes);
        var claim = Assert.Single(Lint.Yaml(Plain(Recreate).Replace("      containers:\n", "      volumes:\n        - name: cache\n          persistentVolumeClaim:\n            claimName: model-cache\n      containers:\n")).Of(Id));
        Assert.Empty(claim.Fixes);
    }

    [Fact]
    public void A_single_replica_that_may_stop_before_its_successor_is_ready_is_told_to_surge_first_not_to_set_maxUnavailable_1()
    {
        string yaml = Plain(Recreate).Replace("replicas: 3", "replicas: 1")
            .Replace("    type: Recreate\n", "    type: RollingUpdate\n    rollingUpdate:\n      maxSurge: 1\n      maxUnavailable: 1\n");
        var finding = Assert.Single(Lint.Yaml(yaml).Of(Id));
        Assert.Equal((12, 23), (finding.Location.StartLine, finding.Location.StartColumn));
        Assert.Contains("allows maxUnavailable 1 of 1 replica", finding.Message);
        Assert.Contains("maxUnavailable 0 with a maxSurge of 1", finding.Message);
        Assert.DoesNotContain("a rolling update with maxUnavailable 1", finding.Message);
        Assert.Empty(finding.Fixes);
    }

    [Theory]
    [InlineData("100%")]
    [InlineData("3")]
    [InlineData("5")]
    public void Rolling_update_that_may_take_every_replica_down_is_reported_and_fixed(string maxUnavailable)
    {
        string yaml = Plain(Recreate).Replace("    type: Recreate\n", $"    type: RollingUpdate\n    rollingUpdate:\n      maxUnavailable: {Quote(maxUnavailable)}\n");
        var finding = Assert.Single(Lint.Yaml(yaml).Of(Id));
        Assert.Equal(11, finding.Location.StartLine);
        Verify.Fix(Id, yaml, yaml.Replace($"maxUnavailable: {Quote(maxUnavailable)}", "maxUnavailable: 1"));
    }

    [Theory]
    [InlineData("    type: RollingUpdate\n    rollingUpdate:\n      maxUnavailable: 1\n")]
    [InlineData("    rollingUpdate:\n      maxUnavailable: 50%\n")]
    [InlineData("    rollingUpdate:\n      maxSurge: 1\n")]
    public void Progressive_rolling_updates_are_not_reported(string strategy)
    {
        Verify.NoFindings(Id, Plain(Recreate).Replace("    type: Recreate\n", strategy));
        Verify.NoFindings(Id, Plain(Recreate).Replace("  strategy:\n    type: Recreate\n", string.Empty));
    }

    [Fact]
    public void Workloads_that_do_not_serve_models_are_not_reported()
    {
        Verify.NoFindings(Id, Plain(Recreate).Replace("vllm/vllm-openai:v0.6.3", "postgres:16.4"));
    }

    private static string Quote(string value) => value.EndsWith('%') ? $"\"{value}\"" : value;

    private static string Plain(string markup) => Markup.Parse("x.yaml", markup).Text;
}
