using InfraLint.Core.Findings;
using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.Security;

public sealed class IL2009PlaintextSecretTests
{
    private const string Id = "IL2009";

    private const string Secret = "hf_SeCrEtVaLuE1234567890abcdefXYZ";

    [Fact]
    public void Literal_credential_is_reported_at_the_value()
    {
        var finding = Assert.Single(Verify.Findings(Id, $$"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: tgi
            spec:
              template:
                spec:
                  containers:
                    - name: tgi
                      image: ghcr.io/huggingface/text-generation-inference:2.3.0
                      env:
                        - name: HF_TOKEN
                          value: {|IL2009:{{Secret}}|}
                        - name: MAX_TOTAL_TOKENS
                          value: "4096"
            """));
        Assert.Equal((Id, 13, 22), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
        Assert.Contains("'HF_TOKEN'", finding.Message);
        Assert.Contains("secretKeyRef", finding.Message);
    }

    [Fact]
    public void The_value_appears_nowhere_in_the_finding()
    {
        var result = Lint.Yaml($"""
            apiVersion: v1
            kind: Pod
            metadata:
              name: app
            spec:
              containers:
                - name: app
                  image: python:3.12
                  env:
                    - name: OPENAI_API_KEY
                      value: "{Secret}"
                    - name: dbPassword
                      value: '{Secret}'
            """);
        var findings = result.Of(Id);
        Assert.Equal(2, findings.Count);
        foreach (var finding in findings)
        {
            foreach (string fragment in Fragments(Secret))
            {
                Assert.DoesNotContain(fragment, finding.Message);
                Assert.DoesNotContain(fragment, finding.LogicalPath);
                Assert.DoesNotContain(fragment, finding.ToString());
                Assert.All(finding.Properties, p => Assert.DoesNotContain(fragment, p.Key + "=" + p.Value));
                Assert.All(finding.Related, r => Assert.DoesNotContain(fragment, r.Message));
                Assert.All(finding.Fixes, f => Assert.DoesNotContain(fragment, f.Description));
            }
        }
    }

    [Fact]
    public void References_placeholders_and_non_secret_names_are_not_reported()
    {
        Verify.NoFindings(Id, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: app
            spec:
              containers:
                - name: app
                  image: python:3.12
                  env:
                    - name: HF_TOKEN
                      valueFrom:
                        secretKeyRef:
                          name: hf
                          key: token
                    - name: API_TOKEN
                      value: $(HF_TOKEN)
                    - name: DB_PASSWORD
                      value: ""
                    - name: AUTH_ENABLED
                      value: "true"
                    - name: PASSWORD_FILE
                      value: /var/run/secrets/db/password
                    - name: TOKENIZER
                      value: meta-llama/Llama-3.1-8B-Instruct
                    - name: MAX_TOKENS
                      value: "2048"
            """);
    }

    /// <summary>Every 6-character piece of the value: "not even partially".</summary>
    private static IEnumerable<string> Fragments(string value) =>
        Enumerable.Range(0, value.Length - 5).Select(i => value.Substring(i, 6));

    [Theory]
    [InlineData("$HF_TOKEN")]
    [InlineData("<input your token here>")]
    [InlineData("<HF_token>")]
    [InlineData("PLACEHOLDER_HF_TOKEN")]
    [InlineData("your-hf-token")]
    [InlineData("ADD Key")]
    [InlineData("addkey")]
    [InlineData("HF_TOKEN")]
    [InlineData("EMPTY")]
    [InlineData("********")]
    public void Documentation_placeholders_are_not_reported(string value)
    {
        Verify.NoFindings(Id, $"""
            apiVersion: v1
            kind: Pod
            metadata:
              name: app
            spec:
              containers:
                - name: app
                  image: python:3.12
                  env:
                    - name: HF_TOKEN
                      value: "{value}"
            """);
    }

    [Theory]
    [InlineData("minioadmin")]
    [InlineData("changeme")]
    [InlineData("12345")]
    public void Well_known_defaults_are_real_credentials(string value)
    {
        Verify.Findings(Id, $$"""
            apiVersion: v1
            kind: Pod
            metadata:
              name: app
            spec:
              containers:
                - name: app
                  image: python:3.12
                  env:
                    - name: AWS_SECRET_ACCESS_KEY
                      value: {|IL2009:{{value}}|}
            """);
    }
}
