using InfraLint.Core.Facts;
using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.CSharp.Cdk;

/// <summary>
/// IL4004 (lineage tags on a SageMaker model), IL4006 (allowed regions) and IL1007 (training scheduled at peak hours) on
/// CDK L1 constructs, in both modes.
/// </summary>
public sealed class CdkGovernance2Tests
{
    private static readonly LintSettings EuOnly = new() { AllowedRegions = new[] { "eu-west-1", "eu-central-*" } };

    [Fact]
    public void IL4006_a_volume_and_a_subnet_in_a_disallowed_zone_are_reported_at_the_zone()
    {
        var findings = CSharpVerify.Findings(EuOnly, "IL4006", """
            using Amazon.CDK;
            using Amazon.CDK.AWS.EC2;

            var stack = new Stack(new App(), "Data");
            new CfnVolume(stack, "Scratch", new CfnVolumeProps { AvailabilityZone = {|IL4006:"us-east-1a"|}, Size = 100, Encrypted = true });
            new CfnSubnet(stack, "LocalZone", new CfnSubnetProps { VpcId = "vpc-0123", CidrBlock = "10.0.0.0/24", AvailabilityZone = {|IL4006:"us-west-2-lax-1a"|} });
            new CfnSubnet(stack, "Allowed", new CfnSubnetProps { VpcId = "vpc-0123", CidrBlock = "10.0.1.0/24", AvailabilityZone = "eu-central-1b" });
            """);
        Assert.Equal(new[] { (5, 73), (6, 122) }, findings.Select(f => (f.Location.StartLine, f.Location.StartColumn)).Order().ToArray());
        Assert.Contains(findings, f => f.Message.Contains("AWS::EC2::Volume 'Scratch' is placed in us-east-1"));
    }

    [Fact]
    public void IL4006_allowed_zones_and_no_configured_regions_are_not_reported()
    {
        const string Code = """
            using Amazon.CDK;
            using Amazon.CDK.AWS.EC2;

            var stack = new Stack(new App(), "Data");
            new CfnVolume(stack, "Scratch", new CfnVolumeProps { AvailabilityZone = "ZONE", Size = 100, Encrypted = true });
            """;
        CSharpVerify.NoFindings(EuOnly, "IL4006", Code.Replace("ZONE", "eu-west-1a"));
        CSharpVerify.NoFindings("IL4006", Code.Replace("ZONE", "us-east-1a"));
    }

    private const string Model = """
        using Amazon.CDK;
        using Amazon.CDK.AWS.Sagemaker;

        var stack = new Stack(new App(), "Serving");
        new CfnModel(stack, "Model", new CfnModelProps
        {
            ExecutionRoleArn = "arn:aws:iam::123456789012:role/sm",
            PrimaryContainer = new CfnModel.ContainerDefinitionProperty { Image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/churn:1.4.2" },
            TAGS
        });
        """;

    [Fact]
    public void IL4004_a_model_without_inline_lineage_tags_is_not_reported_since_Tags_Of_may_add_them()
    {
        // CDK's Tags.Of(scope).Add(...) tags every construct below the scope, from anywhere in the app: absent inline
        // tags are unknown, not missing (as for IL1011).
        CSharpVerify.NoFindings("IL4004", Model.Replace("TAGS", ""));
    }

    [Fact]
    public void IL4004_a_model_tagged_with_dataset_code_revision_and_model_version_is_not_reported()
    {
        CSharpVerify.NoFindings("IL4004", Model.Replace("TAGS", """
            Tags = new[]
                {
                    new CfnTag { Key = "infralint.dev/dataset", Value = "s3://d/churn/v3/" },
                    new CfnTag { Key = "app.kubernetes.io/version", Value = "4f2a9c1" },
                    new CfnTag { Key = "infralint.dev/model-version", Value = "churn-v12" },
                },
            """));
    }

    private const string Schedule = """
        using Amazon.CDK;
        using CfnRule = Amazon.CDK.AWS.Events.CfnRule;
        using CfnRuleProps = Amazon.CDK.AWS.Events.CfnRuleProps;

        var stack = new Stack(new App(), "Training");
        new CfnRule(stack, "Nightly", new CfnRuleProps
        {
            ScheduleExpression = SCHEDULE,
            Targets = new[]
            {
                new CfnRule.TargetProperty
                {
                    Id = "retrain",
                    Arn = "arn:aws:sagemaker:eu-west-1:123456789012:pipeline/retrain",
                    RoleArn = "arn:aws:iam::123456789012:role/events",
                    SageMakerPipelineParameters = new CfnRule.SageMakerPipelineParametersProperty(),
                },
            },
        });
        """;

    [Fact]
    public void IL1007_a_pipeline_started_on_weekday_mornings_is_reported_at_the_expression()
    {
        var finding = Assert.Single(CSharpVerify.Findings("IL1007", Schedule.Replace("SCHEDULE", "{|IL1007:\"cron(0 9 ? * MON-FRI *)\"|}")));
        Assert.Equal(("IL1007", 8, 26), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
        Assert.Contains("starts training on schedule '0 9 * * MON-FRI'", finding.Message);
    }

    [Fact]
    public void IL1007_an_off_peak_schedule_is_not_reported()
    {
        CSharpVerify.NoFindings("IL1007", Schedule.Replace("SCHEDULE", "\"cron(0 2 ? * MON-FRI *)\""));
        CSharpVerify.NoFindings("IL1007", Schedule.Replace("SCHEDULE", "\"rate(1 day)\""));
    }
}
