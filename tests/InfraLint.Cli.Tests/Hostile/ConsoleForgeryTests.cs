using InfraLint.Cli.Tests.Support;

namespace InfraLint.Cli.Tests.Hostile;

/// <summary>
/// Issue 7, item 6: text taken from a file cannot forge a console line — no fake finding, no GitHub workflow command
/// (<c>::error …</c>), no ANSI sequence, no bidirectional override — in scan, explain or a fix diff.
/// </summary>
public sealed class ConsoleForgeryTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>A Pod (IL2008 on line 6) whose name holds a newline, a workflow command, an ANSI colour and a right-to-left override.</summary>
    private const string ForgingPod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: "web\n::error file=app.cs,line=1::pwned\n\e[32mclean.yaml:1:1: note IL0000: all good\e[0m \u202Elmay.dab"
        spec:
          hostNetwork: true
          containers:
            - name: app
              image: busybox:1.36
              securityContext: {runAsNonRoot: true, allowPrivilegeEscalation: false}
              resources: {limits: {cpu: "1", memory: 128Mi}}

        """;

    [Fact]
    public void A_name_with_newlines_escapes_and_overrides_prints_as_visible_escapes_on_one_line()
    {
        _dir.Write("pod.yaml", ForgingPod);

        var run = Bounded.Run(_dir.Path, "scan", "pod.yaml");

        Assert.True(run.ExitCode == 1, run.ToString());
        var lines = run.Out.TrimEnd('\n').Split('\n');
        Assert.All(lines[..^1], l => Assert.StartsWith("pod.yaml:", l));
        Assert.Contains(@"Pod 'web\n::error file=app.cs,line=1::pwned\n\e[32mclean.yaml:1:1: note IL0000: all good\e[0m \u202elmay.dab'", run.Out);
        Assert.DoesNotContain('\u001b', run.Out);
        Assert.DoesNotContain('\u202e', run.Out);
    }

    [Fact]
    public void Explain_escapes_the_same_way()
    {
        _dir.Write("pod.yaml", ForgingPod);

        var run = Bounded.Run(_dir.Path, "explain", "IL2008", "--file", "pod.yaml");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("\n::", run.Out);
        Assert.DoesNotContain('\u001b', run.Out);
        Assert.StartsWith("pod.yaml:6:16: error IL2008: ", run.Out);
    }

    [Fact]
    public void A_fix_diff_escapes_control_characters_of_the_file_but_keeps_its_lines()
    {
        _dir.Write("pod.yaml", Manifests.Pod("web") + "# \u001b[2J\u202e cleared\n");

        var run = Bounded.Run(_dir.Path, "fix", "pod.yaml", "--dry-run");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain('\u001b', run.Out);
        Assert.Contains("+  hostNetwork: false", run.Out);
    }

    [Fact]
    public void A_file_named_like_a_workflow_command_does_not_start_a_line_with_two_colons()
    {
        _dir.Write("::error title=pwned::x.yaml", Manifests.Pod("web"));

        var run = Bounded.Run(_dir.Path, "scan", ".");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("./::error title=pwned::x.yaml:6:16: error IL2008: ", run.Out);
        Assert.DoesNotContain("\n::", "\n" + run.Out);
    }
}
