using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.Input;

public sealed class IL0001FileCouldNotBeParsedTests
{
    private const string Id = "IL0001";

    [Fact]
    public void Syntax_error_is_reported_in_its_file_and_the_scan_goes_on()
    {
        var result = Lint.Files(
            ("broken.yaml", """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: broken
                spec:
                  containers:
                    - name: app
                      image: "example/app:1.0
                """),
            ("good.yaml", """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: good
                spec:
                  containers:
                    - name: app
                      image: example/app:latest
                """));
        var finding = Assert.Single(result.Of(Id));
        Assert.Equal("broken.yaml", finding.Location.File);
        Assert.True(finding.Location.StartLine >= 8, $"IL0001 should point at the unclosed quote, not at {finding.Location}.");
        Assert.Contains(result.Of("IL2011"), f => f.Location.File == "good.yaml");
    }

    [Fact]
    public void Valid_yaml_is_not_reported()
    {
        Verify.NoFindings(Id, """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
            data:
              model: meta-llama/Llama-3.1-8B-Instruct
            """);
    }

    /// <summary>Issue 10, item 5: CloudFormation, cfn-lint and PyYAML read this; YAML 1.2 would not (the second line is indented less than the key).</summary>
    [Fact]
    public void A_double_quoted_string_continued_on_a_less_indented_line_is_no_parse_error()
    {
        Verify.NoFindings(Id, """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              Topic:
                Type: AWS::SNS::Topic
                Properties:
                  DisplayName: "a long display
              name that continues"
            """);
    }

    [Fact]
    public void A_double_quoted_string_without_its_closing_quote_is_still_reported_at_its_opening_quote()
    {
        var result = Lint.Files(("topic.yaml", """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              Topic:
                Type: AWS::SNS::Topic
                Properties:
                  DisplayName: "a long display
              TopicName: "name"
            """));
        var finding = Assert.Single(result.Of(Id));
        Assert.Equal((6, 20), (finding.Location.StartLine, finding.Location.StartColumn));
        Assert.Contains("has no closing quote", finding.Message);
    }
}
