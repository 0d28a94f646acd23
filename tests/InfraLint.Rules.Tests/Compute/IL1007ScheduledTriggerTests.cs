using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.Compute;

/// <summary>IL1007 on CloudFormation: EventBridge rules and schedules that start training or batch work.</summary>
public sealed class IL1007ScheduledTriggerTests
{
    private const string Id = "IL1007";

    private static string Template(string schedule, string target) => $$"""
        Resources:
          Pipeline:
            Type: AWS::SageMaker::Pipeline
            Properties: {PipelineName: retrain, PipelineDefinition: {PipelineDefinitionBody: "{}"}, RoleArn: arn:aws:iam::123456789012:role/sm}
          Nightly:
            Type: AWS::Events::Rule
            Properties:
              ScheduleExpression: {{schedule}}
              Targets:
                - Id: retrain
        {{target}}
        """;

    private const string PipelineTarget = "          Arn: !Sub arn:aws:sagemaker:${AWS::Region}:${AWS::AccountId}:pipeline/retrain\n          RoleArn: arn:aws:iam::123456789012:role/events\n          SageMakerPipelineParameters: {}";

    [Fact]
    public void A_pipeline_started_on_weekday_mornings_is_reported_at_the_expression()
    {
        var finding = Assert.Single(Verify.Findings(Id, Template("{|IL1007:cron(0 9 ? * MON-FRI *)|}", PipelineTarget)));
        Assert.Equal((Id, 8, 27), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
        Assert.Contains("AWS::Events::Rule 'Nightly' starts training on schedule '0 9 * * MON-FRI'", finding.Message);
    }

    [Theory]
    [InlineData("cron(0 2 ? * MON-FRI *)")]
    [InlineData("cron(0 10 ? * 1,7 *)")]   // Sunday and Saturday: EventBridge counts days 1-7 from Sunday
    [InlineData("cron(0 10 L * ? *)")]     // the last day of the month has no five-field equivalent: not judged
    [InlineData("rate(1 day)")]
    public void Off_peak_weekend_and_unconvertible_schedules_are_not_reported(string schedule) =>
        Verify.NoFindings(Id, Template(schedule, PipelineTarget));

    [Fact]
    public void A_rule_that_starts_something_else_is_not_judged() =>
        Verify.NoFindings(Id, Template("cron(0 9 ? * MON-FRI *)", "          Arn: arn:aws:lambda:us-east-1:123456789012:function:report"));

    [Fact]
    public void Weekday_numbers_shift_to_standard_cron()
    {
        // EventBridge 2-6 is Monday to Friday; standard cron writes that 1-5.
        var finding = Assert.Single(Verify.Findings(Id, Template("{|IL1007:cron(30 12 ? * 2-6 *)|}", PipelineTarget)));
        Assert.Contains("'30 12 * * 1-5'", finding.Message);
    }
}
