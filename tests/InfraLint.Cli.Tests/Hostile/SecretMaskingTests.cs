using InfraLint.Cli.Tests.Support;

namespace InfraLint.Cli.Tests.Hostile;

/// <summary>
/// Issue 7, item 5: a value InfraLint recognises as a secret — a credential variable's literal value, the password in a
/// URI — appears in no output: not in messages of any format, not in explain, not in the context lines of a fix diff.
/// </summary>
public sealed class SecretMaskingTests : IDisposable
{
    private const string UriPassword = "hunter2-in-the-uri";

    private const string Training = """
        apiVersion: infralint.dev/v1alpha1
        kind: AIWorkload
        metadata:
          name: churn-training
        spec:
          role: training
          data:
            dataset: https://ml:hunter2-in-the-uri@data.example.com/churn.csv
        """;

    private const string EnvPassword = "Sup3r-S3cret-Value";

    /// <summary>IL2008 on line 6 has a fix; the password two lines below it is in the diff's context.</summary>
    private const string PodWithPassword = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: api
        spec:
          hostNetwork: true
          containers:
            - name: api
              env: [{name: DB_PASSWORD, value: "Sup3r-S3cret-Value"}, {name: CACHE, value: "redis://:Sup3r-S3cret-Value@cache:6379/0"}]
              image: busybox:1.36
              securityContext: {runAsNonRoot: true, allowPrivilegeEscalation: false}
              resources: {limits: {cpu: "1", memory: 128Mi}}

        """;

    private const string ArgumentKey = "Zk3mW9qPx2Lr7TfB-arg";

    private const string KeyLine = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj";

    private const string ParameterDefault = "Vq9rT2xLw8-default";

    private const string AnnotationPassword = "Hk4nR7sQz1-annotation";

    /// <summary>Every kind of secret issue 10 added: an argument, a private key, a URI password in an annotation, a known token.</summary>
    private const string PodWithEverySecretKind = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: api
          annotations:
            example.com/upstream: https://bot:Hk4nR7sQz1-annotation@git.internal.corp/repo.git
        spec:
          hostNetwork: true
          containers:
            - name: api
              args: ["--api-key", "Zk3mW9qPx2Lr7TfB-arg", "--model", "m"]
              env:
                - name: TLS_KEY
                  value: |
                    -----BEGIN PRIVATE KEY-----
                    MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj
                    MzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu
                    -----END PRIVATE KEY-----
                - name: MODEL_SOURCE
                  value: hf_SeCrEtVaLuEabcdefghijklmnopqrstuvwx
              image: busybox:1.36
              securityContext: {runAsNonRoot: true, allowPrivilegeEscalation: false}
              resources: {limits: {cpu: "1", memory: 128Mi}}

        """;

    private const string TemplateWithNoEchoDefault = """
        AWSTemplateFormatVersion: "2010-09-09"
        Parameters:
          DbSecret:
            Type: String
            NoEcho: true
            Default: Vq9rT2xLw8-default
        Resources:
          Bucket:
            Type: AWS::S3::Bucket
        """;

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("console")]
    [InlineData("json")]
    [InlineData("sarif")]
    public void A_password_in_a_URI_is_masked_in_every_format(string format)
    {
        _dir.Write("train.yaml", Training);

        var run = Bounded.Run(_dir.Path, "scan", "train.yaml", "--format", format, "--fail-on", "none");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain(UriPassword, run.Out + run.Error);
        Assert.Contains("https://ml:****@data.example.com/churn.csv", run.Out);
    }

    [Fact]
    public void Explain_masks_a_password_in_a_URI()
    {
        _dir.Write("train.yaml", Training);

        var run = Bounded.Run(_dir.Path, "explain", "IL4003", "--file", "train.yaml");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("train.yaml:8:14: warning IL4003: Dataset 'https://ml:****@data.example.com/churn.csv'", run.Out);
        Assert.DoesNotContain(UriPassword, run.Out + run.Error);
    }

    [Fact]
    public void A_fix_diff_masks_secrets_in_its_context_lines()
    {
        _dir.Write("pod.yaml", PodWithPassword);

        var run = Bounded.Run(_dir.Path, "fix", "pod.yaml", "--dry-run");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("+  hostNetwork: false", run.Out);
        Assert.Contains("""       env: [{name: DB_PASSWORD, value: "****"}, {name: CACHE, value: "redis://:****@cache:6379/0"}]""", run.Out);
        Assert.DoesNotContain(EnvPassword, run.Out + run.Error);
    }

    [Fact]
    public void The_file_itself_keeps_its_secret_when_fixed()
    {
        // Masking is for what InfraLint prints, never for what it writes back.
        _dir.Write("pod.yaml", PodWithPassword);

        var run = Bounded.Run(_dir.Path, "fix", "pod.yaml");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(EnvPassword, _dir.Read("pod.yaml"));
        Assert.DoesNotContain(EnvPassword, run.Out + run.Error);
    }

    [Theory]
    [InlineData("console")]
    [InlineData("json")]
    [InlineData("sarif")]
    public void Every_new_kind_of_secret_is_masked_in_every_format(string format)
    {
        _dir.Write("pod.yaml", PodWithEverySecretKind);
        _dir.Write("template.yaml", TemplateWithNoEchoDefault);

        var run = Bounded.Run(_dir.Path, "scan", ".", "--format", format, "--fail-on", "none");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("IL2009", run.Out);
        foreach (var secret in new[] { ArgumentKey, KeyLine, ParameterDefault, AnnotationPassword, "hf_SeCrEtVaLuE" })
            Assert.DoesNotContain(secret, run.Out + run.Error);
    }

    [Fact]
    public void A_fix_diff_masks_arguments_and_private_key_lines_in_its_context()
    {
        _dir.Write("pod.yaml", PodWithEverySecretKind);

        var run = Bounded.Run(_dir.Path, "fix", "pod.yaml", "--dry-run");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("+  hostNetwork: false", run.Out);
        Assert.Contains("""args: ["--api-key", "****", "--model", "m"]""", run.Out);
        foreach (var secret in new[] { ArgumentKey, KeyLine, AnnotationPassword })
            Assert.DoesNotContain(secret, run.Out + run.Error);
    }
}
