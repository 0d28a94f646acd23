using InfraLint.Cli.Files;
using InfraLint.Cli.Inputs;
using InfraLint.Cli.Tests.Support;
using InfraLint.Core.Scanning;

namespace InfraLint.Cli.Tests.Hostile;

/// <summary>
/// Issue 7, item 7: every file keeps its own name, an exclude cannot silently switch the linter off, a scan of nothing
/// says so, and a folder that cannot be read is reported like a file that cannot be read.
/// </summary>
public sealed class PathTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_backslash_in_a_file_name_is_part_of_the_name_not_a_folder()
    {
        _dir.Write("a\\b.yaml", Manifests.Pod("flat"));
        _dir.Write("a/b.yaml", Manifests.Pod("nested"));

        var run = Bounded.Run(_dir.Path, "scan", ".", "--format", "console");

        Assert.True(run.ExitCode == 1, run.ToString());
        var lines = Manifests.LinesOf(run.Out, "IL2008");
        Assert.Equal(new[] { "a/b.yaml:6:16: error IL2008: ", "a\\b.yaml:6:16: error IL2008: " }, lines.Select(l => l[..(l.IndexOf("IL2008: ", StringComparison.Ordinal) + 8)]).Order(StringComparer.Ordinal));
        Assert.Contains("in 2 files", run.Out);
    }

    [Fact]
    public void A_backslash_in_a_file_name_is_escaped_in_the_SARIF_uri()
    {
        _dir.Write("a\\b.yaml", Manifests.Pod("flat"));

        var run = Bounded.Run(_dir.Path, "scan", ".", "--format", "sarif", "--fail-on", "none");

        Assert.Contains("\"uri\": \"a%5Cb.yaml\"", run.Out);
    }

    [SkippableFact]
    public void Files_whose_only_common_folder_is_the_file_system_root_are_scanned()
    {
        // /tmp and /var/tmp share only "/": the folder the report names files from was looked for above the root, forever.
        Skip.If(OperatingSystem.IsWindows(), "a POSIX layout");
        Skip.IfNot(Directory.Exists("/var/tmp") && Path.GetFullPath(_dir.Path).StartsWith("/tmp/", StringComparison.Ordinal), "needs /var/tmp and a temporary folder under /tmp");
        string elsewhere = Path.Combine("/var/tmp", "infralint-root-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(elsewhere);
        try
        {
            _dir.Write("here/pod.yaml", Manifests.Pod("here"));
            File.WriteAllText(Path.Combine(elsewhere, "pod.yaml"), Manifests.Pod("there"));

            var run = Bounded.Run(Path.Combine(_dir.Path, "here"), "scan", "pod.yaml", Path.Combine(elsewhere, "pod.yaml"), "--format", "sarif", "--fail-on", "none");

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("\"uri\": \"file:///\"", run.Out);
            Assert.Contains($"\"uri\": \"{Path.GetFullPath(_dir.Path).TrimStart('/')}/here/pod.yaml\"", run.Out);
            Assert.Contains($"\"uri\": \"{elsewhere.TrimStart('/')}/pod.yaml\"", run.Out);
        }
        finally
        {
            Directory.Delete(elsewhere, recursive: true);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData(".")]
    [InlineData("./")]
    [InlineData("**")]
    [InlineData("/**/*")]
    public void An_exclude_that_would_exclude_everything_is_a_usage_error(string glob)
    {
        _dir.Write("pod.yaml", Manifests.Pod("web"));

        var scan = Bounded.Run(_dir.Path, "scan", ".", "--exclude", glob);
        var fix = Bounded.Run(_dir.Path, "fix", ".", "--exclude", glob);

        Assert.True(scan.ExitCode == 2, scan.ToString());
        Assert.Contains($"infralint: --exclude '{glob}' would exclude every file", scan.Error);
        Assert.True(fix.ExitCode == 2, fix.ToString());
        Assert.Equal(Manifests.Pod("web"), _dir.Read("pod.yaml"));
    }

    [Fact]
    public void A_scan_that_reads_no_file_says_so_on_stderr()
    {
        _dir.Write("README.md", "# nothing to lint");

        var run = Bounded.Run(_dir.Path, "scan", ".");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("infralint: no files were read: nothing under . is a file InfraLint reads, or every one was excluded.", run.Error);
    }

    [Fact]
    public void A_folder_that_cannot_be_listed_is_an_IL0001_at_the_folder()
    {
        _dir.Write("deploy/pod.yaml", Manifests.Pod("web"));
        Directory.CreateDirectory(Path.Combine(_dir.Path, "deploy", "locked"));
        var env = new CliEnvironment { Out = TextWriter.Null, Error = TextWriter.Null, WorkingDirectory = _dir.Path };
        IEnumerable<FolderEntry> List(string folder) => folder.EndsWith("locked", StringComparison.Ordinal)
            ? throw new UnauthorizedAccessException($"Access to the path '{folder}' is denied.")
            : InputCollector.List(folder);

        var inputs = new InputCollector(env, p => p.EndsWith(".yaml", StringComparison.Ordinal), Array.Empty<string>(), list: List).Collect(new[] { "deploy" });
        var result = LintHost.CreateScanner().Scan(inputs.Files, input => ScanPipeline.ReadSource(input, inputs.Unreadable));

        var failure = Assert.Single(result.Findings, f => f.RuleId == "IL0001");
        Assert.Equal(("deploy/locked", 1, 1), (failure.Location.File, failure.Location.StartLine, failure.Location.StartColumn));
        Assert.StartsWith("Folder could not be read: Access to the path", failure.Message);
        Assert.Contains(result.Findings, f => f.RuleId == "IL2008" && f.Location.File == "deploy/pod.yaml");
    }

    [SkippableFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void An_unreadable_folder_on_disk_is_an_IL0001_finding()
    {
        _dir.Write("deploy/pod.yaml", Manifests.Pod("web"));
        var locked = Directory.CreateDirectory(Path.Combine(_dir.Path, "deploy", "locked")).FullName;
        File.SetUnixFileMode(locked, UnixFileMode.None);
        try
        {
            // Root reads every folder: as root (CI), run the real CLI as the unprivileged user 'nobody' instead.
            var run = Environment.IsPrivilegedProcess ? RunAsNobody("scan", "deploy") : Bounded.Run(_dir.Path, "scan", "deploy");

            Assert.Contains("deploy/locked:1:1: error IL0001: Folder could not be read: ", run.Out);
            Assert.Contains("deploy/pod.yaml:6:16: error IL2008: ", run.Out);
        }
        finally
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private CliRun RunAsNobody(params string[] args)
    {
        var runuser = new[] { "/usr/sbin/runuser", "/sbin/runuser" }.FirstOrDefault(File.Exists);
        Skip.If(runuser is null, "running as root without runuser: no unprivileged user to read the folder as");
        var cli = typeof(Program).Assembly.Location;
        using (var probe = System.Diagnostics.Process.Start(runuser!, new[] { "-u", "nobody", "--", "test", "-r", cli, "-a", "-x", _dir.Path })!)
        {
            probe.WaitForExit();
            Skip.If(probe.ExitCode != 0, $"the user 'nobody' cannot read {cli} or enter {_dir.Path}");
        }
        var start = new System.Diagnostics.ProcessStartInfo(runuser!)
        {
            WorkingDirectory = _dir.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "-u", "nobody", "--", "env", "HOME=/tmp", "DOTNET_CLI_HOME=/tmp", Environment.ProcessPath!, cli }.Concat(args))
            start.ArgumentList.Add(arg);
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), "the CLI run as nobody did not finish within 60 s");
        return new CliRun(process.ExitCode, stdout.Result, stderr.Result);
    }

    [Fact]
    public void A_file_that_is_not_regular_is_described_by_its_kind()
    {
        Assert.Equal(FileKind.Directory, RegularFile.KindOf(_dir.Path, followLinks: false));
        Assert.Equal(FileKind.Missing, RegularFile.KindOf(Path.Combine(_dir.Path, "nothing"), followLinks: false));
        Assert.Throws<SourceUnreadableException>(() => RegularFile.ReadText(_dir.Path));
    }
}
