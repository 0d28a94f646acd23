using InfraLint.Cli.Tests.Support;

namespace InfraLint.Cli.Tests;

/// <summary>IL2009's promise: a plaintext secret's value never appears in any output, whatever the format.</summary>
public sealed class SecretLeakTests
{
    private const string Secret = "hunter2-s3cr3t";

    private const string Manifest = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
          namespace: serving
        spec:
          replicas: 1
          selector:
            matchLabels: {app: api}
          template:
            metadata:
              labels: {app: api}
            spec:
              containers:
                - name: api
                  image: ghcr.io/example/api:1.2.3
                  env: [{name: DB_PASSWORD, value: "hunter2-s3cr3t"}]
        """;

    [Theory]
    [InlineData("console")]
    [InlineData("json")]
    [InlineData("sarif")]
    public void The_secret_value_appears_in_no_output(string format)
    {
        using var dir = new TempDir();
        dir.Write("deploy/api.yaml", Manifest);

        var toStdout = CliRunner.Run(dir.Path, "scan", "deploy", "--format", format, "--show-suppressed", "--fail-on", "none");
        var toFile = CliRunner.Run(dir.Path, "scan", "deploy", "--format", format, "--output", "report.out", "--fail-on", "none");

        Assert.True(toStdout.ExitCode == 0, toStdout.ToString());
        Assert.True(toFile.ExitCode == 0, toFile.ToString());
        Assert.DoesNotContain(Secret, toStdout.Out + toStdout.Error);
        Assert.DoesNotContain(Secret, toFile.Out + toFile.Error);
        Assert.DoesNotContain(Secret, dir.Read("report.out"));
    }
}
