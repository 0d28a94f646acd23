using InfraLint.Cli.Files;
using InfraLint.Cli.Tests.Support;

namespace InfraLint.Cli.Tests.Hostile;

/// <summary>
/// Issue 7, item 4: a write replaces a regular file and nothing else — never a device node, a FIFO or a link, never a
/// file outside the tree being fixed — keeps owner, group and mode, and leaves no temporary file behind.
/// </summary>
[Collection(AtomicFileHooks.Name)]
public sealed class WritingTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Full(string relative) => Path.Combine(_dir.Path, relative);

    private string[] TempFiles() => Directory.GetFiles(_dir.Path, "*.tmp", SearchOption.AllDirectories);

    [Fact]
    public void Output_to_a_device_node_is_refused_and_the_device_stays()
    {
        _dir.Write("pod.yaml", Manifests.Pod("web"));

        var run = Bounded.Run(_dir.Path, "scan", "pod.yaml", "--format", "sarif", "--output", "/dev/null");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("infralint: cannot write /dev/null: it is a character device; InfraLint replaces only regular files.", run.Error);
        Assert.Equal(FileKind.CharacterDevice, RegularFile.KindOf("/dev/null", followLinks: false));
    }

    [Fact]
    public void Output_to_a_FIFO_or_a_folder_is_refused()
    {
        _dir.Fifo("report.fifo");
        Directory.CreateDirectory(Full("report.dir"));
        _dir.Write("pod.yaml", Manifests.Pod("web"));

        var fifo = Bounded.Run(_dir.Path, "scan", "pod.yaml", "--output", "report.fifo");
        var folder = Bounded.Run(_dir.Path, "scan", "pod.yaml", "--output", "report.dir");

        Assert.True(fifo.ExitCode == 2, fifo.ToString());
        Assert.Contains("cannot write report.fifo: it is a FIFO", fifo.Error);
        Assert.True(folder.ExitCode == 2, folder.ToString());
        Assert.Contains("cannot write report.dir: it is a directory", folder.Error);
    }

    [Fact]
    public void Output_through_a_symbolic_link_writes_the_file_it_points_to_and_keeps_the_link()
    {
        Directory.CreateDirectory(Full("reports"));
        File.WriteAllText(Full("reports/latest.sarif"), "old");
        File.CreateSymbolicLink(Full("report.sarif"), "reports/latest.sarif");
        _dir.Write("pod.yaml", Manifests.Pod("web"));

        var run = Bounded.Run(_dir.Path, "scan", "pod.yaml", "--format", "sarif", "--output", "report.sarif", "--fail-on", "none");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("reports/latest.sarif", new FileInfo(Full("report.sarif")).LinkTarget);
        Assert.Contains("\"ruleId\": \"IL2008\"", File.ReadAllText(Full("reports/latest.sarif")));
        Assert.Empty(TempFiles());
    }

    [Fact]
    public void Fix_writes_through_a_link_inside_the_tree_and_keeps_the_link()
    {
        _dir.Write("deploy/real/pod.yaml", Manifests.Pod("web"));
        File.CreateSymbolicLink(Full("deploy/pod.yaml"), "real/pod.yaml");

        var run = Bounded.Run(_dir.Path, "fix", "deploy");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("real/pod.yaml", new FileInfo(Full("deploy/pod.yaml")).LinkTarget);
        Assert.Contains("hostNetwork: false", File.ReadAllText(Full("deploy/real/pod.yaml")));
        Assert.Empty(TempFiles());
    }

    [Fact]
    public void Fix_refuses_a_link_that_leaves_the_tree_lists_what_it_changed_and_exits_non_zero()
    {
        _dir.Write("outside/pod.yaml", Manifests.Pod("elsewhere"));
        _dir.Write("deploy/a.yaml", Manifests.Pod("a"));
        File.CreateSymbolicLink(Full("deploy/b.yaml"), "../outside/pod.yaml");

        var run = Bounded.Run(_dir.Path, "fix", "deploy");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"infralint: not writing deploy/b.yaml: it is a symbolic link to {Full("outside/pod.yaml")}, outside the folders being fixed.", run.Error);
        Assert.Contains("infralint: 1 file was already changed: deploy/a.yaml", run.Error);
        Assert.Contains("hostNetwork: false", _dir.Read("deploy/a.yaml"));
        Assert.Equal(Manifests.Pod("elsewhere"), _dir.Read("outside/pod.yaml"));
    }

    [SkippableFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Fix_keeps_owner_group_and_mode()
    {
        Skip.IfNot(Environment.IsPrivilegedProcess, "giving a file to another owner needs root");
        var pod = _dir.Write("pod.yaml", Manifests.Pod("web"));
        Chown(pod, 1234, 5678);
        File.SetUnixFileMode(pod, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);

        var run = Bounded.Run(_dir.Path, "fix", ".");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("hostNetwork: false", _dir.Read("pod.yaml"));
        var status = Posix.Stat(pod, followLinks: false);
        Assert.Equal((1234u, 5678u), (status.Uid, status.Gid));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(pod));
    }

    [Fact]
    public void Interrupted_before_the_rename_no_temporary_file_is_left_and_the_old_file_stays()
    {
        var target = _dir.Write("report.json", "old, complete report");

        WriteInterrupted(target);

        Assert.Equal("old, complete report", File.ReadAllText(target));
        Assert.Empty(TempFiles());
    }

    [Fact]
    public async Task After_an_interrupted_write_another_thread_can_write()
    {
        var next = Full("next.json");

        WriteInterrupted(_dir.Write("report.json", "old"));

        // Release builds once left the writers' lock held by the interrupted thread here (the cancellation was thrown under
        // it, inside a method with a filtered catch), and this write waited forever. A thread of its own, since a pool
        // thread may be the one that was interrupted; a deadline, not a speed check.
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        new Thread(() =>
        {
            try
            {
                AtomicFile.Write(next, w => w.Write("next"));
                written.SetResult();
            }
            catch (Exception e)
            {
                written.SetException(e);
            }
        }) { IsBackground = true }.Start();
        Assert.True(await Task.WhenAny(written.Task, Task.Delay(TimeSpan.FromMinutes(1))) == written.Task, "a write after an interrupted one did not finish: the writers' lock is still held");
        await written.Task;
        Assert.Equal("next", File.ReadAllText(next));
        Assert.Empty(TempFiles());
    }

    /// <summary>A write of "new" to <paramref name="target"/> interrupted as the SIGTERM / Ctrl-C handler would, at the worst moment: the new text is complete, not yet renamed.</summary>
    private static void WriteInterrupted(string target)
    {
        try
        {
            AtomicFile.BeforeCommit = _ => AtomicFile.AbandonAll();
            Assert.Throws<OperationCanceledException>(() => AtomicFile.Write(target, w => w.Write("new")));
        }
        finally
        {
            AtomicFile.BeforeCommit = null;
            AtomicFile.ResetForTests();
        }
    }

    [Fact]
    public void The_next_run_removes_what_a_killed_run_left_and_keeps_a_live_runs_file()
    {
        _dir.Write("deploy/pod.yaml", Manifests.Pod("web"));
        // A process id above Linux's pid_max (4,194,304) belongs to no process.
        var dead = _dir.Write($"deploy/.pod.yaml.infralint-99999999-{Guid.NewGuid():N}.tmp", "half a manifest");
        var live = _dir.Write($"deploy/.pod.yaml.infralint-{Environment.ProcessId}-{Guid.NewGuid():N}.tmp", "being written");
        var foreign = _dir.Write("deploy/.pod.yaml.swp.tmp", "an editor's file");

        var run = Bounded.Run(_dir.Path, "fix", "deploy");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.False(File.Exists(dead));
        Assert.True(File.Exists(live));
        Assert.True(File.Exists(foreign));
    }

    private static void Chown(string path, int uid, int gid)
    {
        using var chown = System.Diagnostics.Process.Start("chown", $"{uid}:{gid} {path}");
        chown.WaitForExit();
        Assert.Equal(0, chown.ExitCode);
    }
}

/// <summary>Tests that set AtomicFile's process-wide hooks run alone: other tests' writes must not see them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AtomicFileHooks
{
    public const string Name = "AtomicFile hooks";
}
