using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.CSharp.PulumiAws;

/// <summary>
/// A SageMaker endpoint served with Pulumi AWS, read syntactically: IL3001 (drift monitor), IL3003 (latency alarm) and
/// IL1005 (autoscaling) join the endpoint with the resources that name it; IL2004 reads a listener's TLS policy.
/// </summary>
public sealed class PulumiAwsServingTests
{
    private static readonly CSharpMode[] Syntactic = { CSharpMode.Syntactic };

    private const string Endpoint = """
        using Pulumi;
        using Aws = Pulumi.Aws;

        return await Deployment.RunAsync(() =>
        {
            var endpointConfig = new Aws.Sagemaker.EndpointConfiguration("churn-config", new()
            {
                ProductionVariants = { new Aws.Sagemaker.Inputs.EndpointConfigurationProductionVariantArgs { VariantName = "main", ModelName = "churn", InstanceType = "ml.m5.xlarge", InitialInstanceCount = {|IL1005:2|} } },
            });
            var endpoint = {|IL3001:{|IL3003:new Aws.Sagemaker.Endpoint("churn", new() { Name = "churn", EndpointConfigName = endpointConfig.Name })|}|};
        COMPANIONS});
        """;

    private const string Companions = """
            new Aws.Sagemaker.MonitoringSchedule("churn-drift", new()
            {
                MonitoringScheduleConfig = new Aws.Sagemaker.Inputs.MonitoringScheduleMonitoringScheduleConfigArgs { MonitoringJobDefinitionName = "churn-quality", MonitoringType = "DataQuality" },
            });
            new Aws.CloudWatch.MetricAlarm("churn-latency", new()
            {
                Namespace = "AWS/SageMaker",
                MetricName = "ModelLatency",
                Dimensions = { { "EndpointName", endpoint.Name } },
                ComparisonOperator = "GreaterThanThreshold",
                EvaluationPeriods = 1,
                Threshold = 2000000,
            });
            new Aws.AppAutoScaling.Target("churn-scaling", new()
            {
                ServiceNamespace = "sagemaker",
                ResourceId = "endpoint/churn/variant/main",
                ScalableDimension = "sagemaker:variant:DesiredInstanceCount",
                MinCapacity = 1,
                MaxCapacity = 4,
            });

        """;

    [Theory]
    [InlineData("IL3001", 10, 20)]
    [InlineData("IL3003", 10, 20)]
    [InlineData("IL1005", 8, 199)]
    public void An_endpoint_alone_has_no_drift_monitor_latency_alarm_or_autoscaling_IL1005_at_its_fixed_instance_count(string id, int line, int column)
    {
        var finding = Assert.Single(CSharpVerify.Findings(id, Endpoint.Replace("COMPANIONS", string.Empty), Syntactic));
        Assert.Equal((id, line, column), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
    }

    [Theory]
    [InlineData("IL3001")]
    [InlineData("IL3003")]
    [InlineData("IL1005")]
    public void A_monitoring_schedule_an_alarm_and_a_scalable_target_naming_the_endpoint_cover_it(string id)
    {
        CSharpVerify.NoFindings(id, Markup.Parse(CSharpLint.File, Endpoint.Replace("COMPANIONS", Companions)).Text, Syntactic);
    }

    private const string Listener = """
        using Pulumi;
        using Pulumi.Aws.LB;
        using Pulumi.Aws.LB.Inputs;

        return await Deployment.RunAsync(() =>
        {
            var lb = new LoadBalancer("llm", new() { Internal = false, LoadBalancerType = "application" });
            new Listener("https", new()
            {
                LoadBalancerArn = lb.Arn,
                Protocol = "HTTPS",
                Port = 443,
                SslPolicy = POLICY,
                DefaultActions = { new ListenerDefaultActionArgs { Type = "forward", TargetGroupArn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/llm/0123456789abcdef" } },
            });
        });
        """;

    [Fact]
    public void IL2004_a_listener_policy_that_allows_TLS_1_2_is_reported_at_the_string()
    {
        var finding = Assert.Single(CSharpVerify.Findings("IL2004", Listener.Replace("POLICY", """{|IL2004:"ELBSecurityPolicy-TLS-1-2-2017-01"|}"""), Syntactic));
        Assert.Equal(("IL2004", 13, 21), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
    }

    [Fact]
    public void IL2004_a_TLS_1_3_only_policy_is_not_reported()
    {
        CSharpVerify.NoFindings("IL2004", Listener.Replace("POLICY", "\"ELBSecurityPolicy-TLS13-1-3-2021-06\""), Syntactic);
    }
}
