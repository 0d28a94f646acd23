using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.CSharp.Cdk;

/// <summary>
/// A SageMaker endpoint served with CDK L1 constructs, in both modes: IL3001 (drift monitor), IL3003 (latency alarm) and
/// IL1005 (autoscaling) join the endpoint with the constructs that name it; IL2004 reads a listener's TLS policy.
/// </summary>
public sealed class CdkServingTests
{
    private const string Endpoint = """
        using Amazon.CDK;
        using Amazon.CDK.AWS.Sagemaker;
        using Amazon.CDK.AWS.CloudWatch;
        using Amazon.CDK.AWS.ApplicationAutoScaling;

        var stack = new Stack(new App(), "Serving");
        var endpointConfig = new CfnEndpointConfig(stack, "Config", new CfnEndpointConfigProps
        {
            ProductionVariants = new[] { new CfnEndpointConfig.ProductionVariantProperty { VariantName = "main", ModelName = "churn", InstanceType = "ml.m5.xlarge", InitialInstanceCount = {|IL1005:2|} } },
        });
        var endpoint = {|IL3001:{|IL3003:new CfnEndpoint(stack, "Endpoint", new CfnEndpointProps { EndpointName = "churn", EndpointConfigName = endpointConfig.AttrEndpointConfigName })|}|};
        """;

    private const string Companions = """

        new CfnMonitoringSchedule(stack, "Drift", new CfnMonitoringScheduleProps
        {
            MonitoringScheduleName = "churn-drift",
            EndpointName = endpoint.AttrEndpointName,
            MonitoringScheduleConfig = new CfnMonitoringSchedule.MonitoringScheduleConfigProperty { MonitoringType = "DataQuality" },
        });
        new CfnAlarm(stack, "Latency", new CfnAlarmProps
        {
            Namespace = "AWS/SageMaker",
            MetricName = "ModelLatency",
            Dimensions = new[] { new CfnAlarm.DimensionProperty { Name = "EndpointName", Value = endpoint.AttrEndpointName } },
            ComparisonOperator = "GreaterThanThreshold",
            EvaluationPeriods = 1,
            Threshold = 2000000,
        });
        new CfnScalableTarget(stack, "Scaling", new CfnScalableTargetProps
        {
            ServiceNamespace = "sagemaker",
            ResourceId = "endpoint/churn/variant/main",
            ScalableDimension = "sagemaker:variant:DesiredInstanceCount",
            MinCapacity = 1,
            MaxCapacity = 4,
        });
        """;

    [Theory]
    [InlineData("IL3001", 11, 16)]
    [InlineData("IL3003", 11, 16)]
    [InlineData("IL1005", 9, 181)]
    public void An_endpoint_alone_has_no_drift_monitor_latency_alarm_or_autoscaling_IL1005_at_its_fixed_instance_count(string id, int line, int column)
    {
        var finding = Assert.Single(CSharpVerify.Findings(id, Endpoint));
        Assert.Equal((id, line, column), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
    }

    [Theory]
    [InlineData("IL3001")]
    [InlineData("IL3003")]
    [InlineData("IL1005")]
    public void A_monitoring_schedule_an_alarm_and_a_scalable_target_naming_the_endpoint_cover_it(string id)
    {
        CSharpVerify.NoFindings(id, Markup.Parse(CSharpLint.File, Endpoint).Text + Companions);
    }

    private const string Listener = """
        using Amazon.CDK;
        using Amazon.CDK.AWS.ElasticLoadBalancingV2;

        var stack = new Stack(new App(), "Serving");
        var lb = new CfnLoadBalancer(stack, "Lb", new CfnLoadBalancerProps { Scheme = "internet-facing" });
        new CfnListener(stack, "Https", new CfnListenerProps
        {
            LoadBalancerArn = lb.Ref,
            Protocol = "HTTPS",
            Port = 443,
            SslPolicy = POLICY,
            DefaultActions = new[] { new CfnListener.ActionProperty { Type = "forward", TargetGroupArn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/llm/0123456789abcdef" } },
        });
        """;

    [Fact]
    public void IL2004_a_listener_policy_that_allows_TLS_1_2_is_reported_at_the_string()
    {
        var finding = Assert.Single(CSharpVerify.Findings("IL2004", Listener.Replace("POLICY", """{|IL2004:"ELBSecurityPolicy-TLS-1-2-2017-01"|}""")));
        Assert.Equal(("IL2004", 11, 17), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
    }

    [Fact]
    public void IL2004_a_TLS_1_3_only_policy_is_not_reported()
    {
        CSharpVerify.NoFindings("IL2004", Listener.Replace("POLICY", "\"ELBSecurityPolicy-TLS13-1-3-2021-06\""));
    }
}
