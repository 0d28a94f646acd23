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
}
