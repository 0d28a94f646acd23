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

    /// <summary>The same Deployment built with KubernetesClient: the secret is a C# constant, read through a concatenation.</summary>
    private const string CSharp = """
        using k8s.Models;

        const string Password = "hunter2-" + "s3cr3t";
        var api = new V1Deployment
        {
            Metadata = new V1ObjectMeta { Name = "api", NamespaceProperty = "serving" },
            Spec = new V1DeploymentSpec
            {
                Replicas = 1,
                Template = new V1PodTemplateSpec
                {
                    Spec = new V1PodSpec
                    {
                        Containers = new List<V1Container>
                        {
                            new V1Container
                            {
                                Name = "api",
                                Image = "ghcr.io/example/api:1.2.3",
                                Env = new List<V1EnvVar> { new V1EnvVar { Name = "DB_PASSWORD", Value = Password } },
                                Args = new List<string> { "--password", "hunter2-s3cr3t" },
                            },
                        },
                    },
                },
            },
        };
        """;

    [Theory]
    [InlineData("console")]
    [InlineData("json")]
    [InlineData("sarif")]
    public void A_secret_in_a_csharp_string_literal_appears_in_no_output(string format)
    {
        using var dir = new TempDir();
        dir.Write("infra/Api.cs", CSharp);

        var scan = CliRunner.Run(dir.Path, "scan", "infra", "--format", format, "--show-suppressed", "--fail-on", "none");
        var toFile = CliRunner.Run(dir.Path, "scan", "infra", "--format", format, "--output", "report.out", "--fail-on", "none");
        var diff = CliRunner.Run(dir.Path, "fix", "infra", "--dry-run");
        var explain = CliRunner.Run(dir.Path, "explain", "IL2009", "--file", "infra/Api.cs", "--line", "20");

        Assert.True(scan.ExitCode == 0, scan.ToString());
        Assert.Contains("IL2009", scan.Out, StringComparison.Ordinal);
        Assert.Contains("+", diff.Out, StringComparison.Ordinal); // the dry run did show a diff, with the secret's line as context
        foreach (var output in new[] { scan.Out + scan.Error, toFile.Out + toFile.Error, dir.Read("report.out"), diff.Out + diff.Error, explain.Out + explain.Error })
        {
            Assert.DoesNotContain(Secret, output);
            Assert.DoesNotContain("s3cr3t", output);
        }
    }
}
