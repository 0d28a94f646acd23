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
}
