using InfraLint.Cli.Tests.Support;

namespace InfraLint.Cli.Tests.Hostile;

/// <summary>
/// Issue 7, items 1 and 2: whatever one file holds or is, it costs only its own results, and InfraLint reads nothing but
/// bounded regular files, in every command and for every file it is given (scanned files, --config, --baseline).
/// </summary>
public sealed class ReadingTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private void Fifo(string relative) => _dir.Fifo(relative);

    private void LinkToDevZero(string relative) =>
        File.CreateSymbolicLink(Path.Combine(_dir.Path, relative), "/dev/zero");

    [Theory]
    [InlineData("- : :x\n", "1:4")]
    [InlineData("a:\n  b:\n *a\n", "3:2")]
    public void A_file_that_makes_the_YAML_parser_throw_is_an_IL0001_and_the_other_files_are_still_reported(string hostile, string at)
    {
        _dir.Write("deploy/hostile.yaml", hostile);
        _dir.Write("deploy/pod.yaml", Manifests.Pod("web"));

        var run = Bounded.Run(_dir.Path, "scan", "deploy");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Single(Manifests.LinesOf(run.Out, "IL0001"), l => l.StartsWith($"deploy/hostile.yaml:{at}: error IL0001: ", StringComparison.Ordinal));
        Assert.Contains("deploy/pod.yaml:6:16: error IL2008: ", run.Out);
    }

    [Fact]
    public void Fix_goes_on_past_a_file_that_makes_the_YAML_parser_throw()
    {
        _dir.Write("deploy/hostile.yaml", "- : :x\n");
        _dir.Write("deploy/pod.yaml", Manifests.Pod("web"));

        var run = Bounded.Run(_dir.Path, "fix", "deploy");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("hostNetwork: false", _dir.Read("deploy/pod.yaml"));
        Assert.Equal("- : :x\n", _dir.Read("deploy/hostile.yaml"));
    }

    [Fact]
    public void A_FIFO_and_a_link_to_a_device_are_IL0001_findings_not_a_hang_or_a_4_GB_read()
    {
        Fifo("deploy/pipe.yaml");
        LinkToDevZero("deploy/zero.yaml");
        _dir.Write("deploy/pod.yaml", Manifests.Pod("web"));

        var run = Bounded.Run(_dir.Path, "scan", "deploy");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("deploy/pipe.yaml:1:1: error IL0001: Not a regular file (a FIFO); InfraLint reads only regular files.", run.Out);
        Assert.Contains("deploy/zero.yaml:1:1: error IL0001: Not a regular file (a character device); InfraLint reads only regular files.", run.Out);
        Assert.Contains("deploy/pod.yaml:6:16: error IL2008: ", run.Out);
    }

    [Fact]
    public void A_socket_a_link_loop_and_a_dangling_link_are_IL0001_findings_that_say_what_they_are()
    {
        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
        socket.Bind(new System.Net.Sockets.UnixDomainSocketEndPoint(Path.Combine(_dir.Path, "sock.yaml")));
        File.CreateSymbolicLink(Path.Combine(_dir.Path, "loop.yaml"), "loop.yaml");
        File.CreateSymbolicLink(Path.Combine(_dir.Path, "dangling.yaml"), "nowhere.yaml");

        var run = Bounded.Run(_dir.Path, "scan", ".");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("sock.yaml:1:1: error IL0001: Not a regular file (a socket); InfraLint reads only regular files.", run.Out);
        Assert.Contains("loop.yaml:1:1: error IL0001: File could not be read: ", run.Out);
        Assert.Contains("dangling.yaml:1:1: error IL0001: File could not be read: ", run.Out);
    }

    [Fact]
    public void Fix_and_its_dry_run_skip_a_FIFO_and_a_device_link_and_fix_the_rest()
    {
        Fifo("deploy/pipe.yaml");
        LinkToDevZero("deploy/zero.yaml");
        _dir.Write("deploy/pod.yaml", Manifests.Pod("web"));

        var dry = Bounded.Run(_dir.Path, "fix", "deploy", "--dry-run");
        var real = Bounded.Run(_dir.Path, "fix", "deploy");

        Assert.True(dry.ExitCode == 0, dry.ToString());
        Assert.Contains("+  hostNetwork: false", dry.Out);
        Assert.True(real.ExitCode == 0, real.ToString());
        Assert.Contains("hostNetwork: false", _dir.Read("deploy/pod.yaml"));
        Assert.Equal("/dev/zero", new FileInfo(Path.Combine(_dir.Path, "deploy/zero.yaml")).LinkTarget);
    }

    [Fact]
    public void Explain_on_a_FIFO_and_with_a_FIFO_in_its_context_walk_does_not_hang()
    {
        Fifo("pipe.yaml");
        _dir.Write("pod.yaml", Manifests.Pod("web"));

        var onFifo = Bounded.Run(_dir.Path, "explain", "IL0001", "--file", "pipe.yaml");
        var withFifoBeside = Bounded.Run(_dir.Path, "explain", "IL2008", "--file", "pod.yaml", "--line", "6");

        Assert.True(onFifo.ExitCode == 0, onFifo.ToString());
        Assert.StartsWith("pipe.yaml:1:1: error IL0001: Not a regular file (a FIFO)", onFifo.Out);
        Assert.True(withFifoBeside.ExitCode == 0, withFifoBeside.ToString());
        Assert.StartsWith("pod.yaml:6:16: error IL2008: ", withFifoBeside.Out);
    }

    [Fact]
    public void A_FIFO_or_a_device_as_config_or_baseline_is_a_usage_error()
    {
        Fifo("config.yaml");
        Fifo("baseline.sarif");
        LinkToDevZero("zero.sarif");
        _dir.Write("pod.yaml", Manifests.Pod("web"));

        var config = Bounded.Run(_dir.Path, "scan", "pod.yaml", "--config", "config.yaml");
        var baseline = Bounded.Run(_dir.Path, "scan", "pod.yaml", "--baseline", "baseline.sarif");
        var zero = Bounded.Run(_dir.Path, "scan", "pod.yaml", "--baseline", "zero.sarif");

        Assert.True(config.ExitCode == 2, config.ToString());
        Assert.Contains("infralint: cannot read configuration config.yaml: Not a regular file (a FIFO)", config.Error);
        Assert.True(baseline.ExitCode == 2, baseline.ToString());
        Assert.Contains("infralint: cannot read baseline baseline.sarif: Not a regular file (a FIFO)", baseline.Error);
        Assert.True(zero.ExitCode == 2, zero.ToString());
        Assert.Contains("infralint: cannot read baseline zero.sarif: Not a regular file (a character device)", zero.Error);
    }

    [Fact]
    public void A_FIFO_named_as_the_default_config_is_a_usage_error_not_a_hang()
    {
        Fifo(".infralint.yaml");
        _dir.Write("pod.yaml", Manifests.Pod("web"));

        var run = Bounded.Run(_dir.Path, "scan", "pod.yaml");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("Not a regular file (a FIFO)", run.Error);
    }

    [Fact]
    public void Fix_reads_no_file_over_the_scan_limit()
    {
        // Valid YAML, three bytes over 8 MiB: scan reports it, fix leaves it alone instead of parsing it.
        var big = "# " + new string('x', 8 * 1024 * 1024) + "\n";
        _dir.Write("big.yaml", big);
        _dir.Write("pod.yaml", Manifests.Pod("web"));

        var scan = Bounded.Run(_dir.Path, "scan", ".");
        var fix = Bounded.Run(_dir.Path, "fix", ".");

        Assert.Contains("big.yaml:1:1: error IL0001: File is 8,388,611 bytes; InfraLint reads files up to 8,388,608 bytes.", scan.Out);
        Assert.True(fix.ExitCode == 0, fix.ToString());
        Assert.Contains("hostNetwork: false", _dir.Read("pod.yaml"));
        Assert.Equal(big.Length, new FileInfo(Path.Combine(_dir.Path, "big.yaml")).Length);
    }
}
