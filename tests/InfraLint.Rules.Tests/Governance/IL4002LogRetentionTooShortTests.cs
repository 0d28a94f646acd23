using InfraLint.Core.Facts;
using InfraLint.Rules.Governance;
using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.Governance;

public sealed class IL4002LogRetentionTooShortTests
{
    private const string Id = "IL4002";

    private const string Template = """
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Short:
            Type: AWS::Logs::LogGroup
            Properties:
              RetentionInDays: {|IL4002:30|}
          HalfYear:
            Type: AWS::Logs::LogGroup
            Properties:
              RetentionInDays: {|Y:180|}
          Forever:
            Type: AWS::Logs::LogGroup
            Properties:
              LogGroupName: /aws/sagemaker/Endpoints/llm
          Parametrised:
            Type: AWS::Logs::LogGroup
            Properties:
              RetentionInDays: !Ref Days
        """;

    [Fact]
    public void Retention_below_the_default_minimum_is_reported_and_missing_retention_is_not()
    {
        var finding = Assert.Single(Verify.Findings(Id, Template));
        Assert.Equal((Id, 6, 24), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
        Assert.Contains("AWS::Logs::LogGroup 'Short' keeps logs for 30 days, less than the required 180", finding.Message);
    }

    [Fact]
    public void The_minimum_comes_from_configuration()
    {
        var findings = Verify.Findings(Id, Template.Replace("{|Y:", "{|IL4002:"), new LintSettings { MinLogRetentionDays = 365 });
        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Contains("less than the required 365", f.Message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(180, 180)]
    [InlineData(181, 365)]
    [InlineData(200, 365)]
    [InlineData(2000, 2192)]
    [InlineData(3653, 3653)]
    public void Fix_values_are_ones_cloudwatch_accepts(int minimum, int expected) =>
        Assert.Equal(expected, IL4002LogRetentionTooShort.SmallestAllowedAtLeast(minimum));

    [Fact]
    public void Fix_raises_retention_to_the_smallest_allowed_value_that_meets_the_minimum()
    {
        Verify.Fix(Id, """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              Logs:
                Type: AWS::Logs::LogGroup
                Properties:
                  RetentionInDays: 90
            """, """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              Logs:
                Type: AWS::Logs::LogGroup
                Properties:
                  RetentionInDays: 400
            """, new LintSettings { MinLogRetentionDays = 366 });
    }

    /// <summary>Corpus false positive (HyperPod studio stacks): 7-day logs of the Lambda behind a custom resource are provisioning tooling.</summary>
    [Fact]
    public void Log_groups_of_custom_resource_functions_are_not_ai_system_logs()
    {
        Verify.Findings(Id, """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              SetupLogs:
                Type: AWS::Logs::LogGroup
                Properties:
                  LogGroupName: !Sub /aws/lambda/${AWS::StackName}-setup
                  RetentionInDays: 14
              ReferencedLogs:
                Type: AWS::Logs::LogGroup
                Properties:
                  LogGroupName: !Sub /aws/lambda/${CleanupFunction}
                  RetentionInDays: 7
              InferenceLogs:
                Type: AWS::Logs::LogGroup
                Properties:
                  LogGroupName: !Sub /aws/lambda/${InferenceFunction}
                  RetentionInDays: {|IL4002:7|}
              SetupFunction:
                Type: AWS::Lambda::Function
                Properties:
                  FunctionName: !Sub ${AWS::StackName}-setup
                  Runtime: python3.12
              CleanupFunction:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: python3.12
              InferenceFunction:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: python3.12
              Setup:
                Type: Custom::Setup
                Properties:
                  ServiceToken: !GetAtt SetupFunction.Arn
              Cleanup:
                Type: AWS::CloudFormation::CustomResource
                Properties:
                  ServiceToken:
                    Fn::GetAtt: CleanupFunction.Arn
            """);
    }
}
