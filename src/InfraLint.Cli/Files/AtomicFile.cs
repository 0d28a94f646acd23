using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace InfraLint.Cli.Files;

/// <summary>
/// Writes a file so that readers see the old file or the whole new one, never half of it: the text goes to a temporary
/// file beside the target (same file system, so the rename is atomic), which then replaces it. What the rename would
/// lose is kept: a symbolic link is written through (the link stays a link), and owner, group and mode carry over.
/// Only regular files are ever replaced: a device node, a FIFO or a folder at the target is refused.
/// </summary>
internal static partial class AtomicFile
{
    /// <summary>Temporary files carry the writer's process id, so a later run can tell a dead run's leftovers from a live one's.</summary>
    [GeneratedRegex(@"^\..+\.infralint-(?<pid>\d+)-[0-9a-f]{32}\.tmp$")]
    private static partial Regex TempName();

    private static readonly object Gate = new();
    private static readonly HashSet<string> Pending = new(StringComparer.Ordinal);
    private static bool _terminating;
    private static readonly Lazy<PosixSignalRegistration[]> SignalHandlers = new(RegisterSignalHandlers);

    /// <summary>Test seam: runs after the temporary file is complete and before it replaces the target.</summary>
    internal static Action<string>? BeforeCommit { get; set; }

    /// <param name="within">When given, a link at <paramref name="path"/> may only lead to a file under one of these folders.</param>
    /// <param name="shownAs">How messages name the file: as the user wrote it. Default: <paramref name="path"/>.</param>
    public static void Write(string path, Action<TextWriter> write, IReadOnlyList<string>? within = null, bool bom = false, string? shownAs = null) =>
        WriteBytes(path, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: bom), leaveOpen: true);
            write(writer);
            writer.Flush();
        }, within, shownAs);

    /// <summary>
    /// <see cref="Write"/> for a writer that produces UTF-8 itself (System.Text.Json's <c>Utf8JsonWriter</c>): its bytes go
    /// to the file as they are, without being decoded into text and encoded again.
    /// </summary>
    /// <inheritdoc cref="Write" path="/param[@name='within' or @name='shownAs']"/>
    public static void WriteBytes(string path, Action<Stream> write, IReadOnlyList<string>? within = null, string? shownAs = null)
    {
        _ = SignalHandlers.Value;
        string name = shownAs ?? path;
        string target = ResolveTarget(path, name, within);
        var directory = Path.GetDirectoryName(target) ?? ".";
        FileStatus? existing = Posix.Available && File.Exists(target) ? Posix.Stat(target, followLinks: false) : null;
        if (existing is { Kind: not FileKind.Regular and not FileKind.Missing } status)
            throw new UsageException($"cannot write {name}: it is {RegularFile.Describe(status.Kind)}; InfraLint replaces only regular files.");
        if (existing is null && Directory.Exists(target))
            throw new UsageException($"cannot write {name}: it is a directory.");

        string temp = Path.Combine(directory, $".{Path.GetFileName(target)}.infralint-{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(directory);
            RemoveLeftovers(directory);
            using (var stream = Open(temp))
            {
                write(stream);
                if (existing is { } keep && !OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(stream.SafeFileHandle, keep.Mode);
                    var mine = Posix.Stat(stream.SafeFileHandle);
                    if (mine.Uid != keep.Uid || mine.Gid != keep.Gid) Posix.SetOwner(stream.SafeFileHandle, keep.Uid, keep.Gid);
                }
                else if (!OperatingSystem.IsWindows() && File.Exists(target))
                {
                    File.SetUnixFileMode(stream.SafeFileHandle, File.GetUnixFileMode(target));
                }
                stream.Flush(flushToDisk: true);
            }
            BeforeCommit?.Invoke(temp);
            Commit(temp, target);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Abandon(temp);
            throw new UsageException($"cannot write {name}: {e.Message}");
        }
        catch
        {
            Abandon(temp);
            throw;
        }
    }

    // Open and Commit take the gate in methods of their own, never inlined. With both locks inside WriteBytes, whose catch
    // has a filter, a cancellation thrown under the second lock left the gate held in Release builds (.NET 10.0.12; the
    // optimized IL shares one lock-taken flag between the two locks, the Debug IL does not and released it), and the next
    // write on another thread waited forever. WritingTests.After_an_interrupted_write_another_thread_can_write pins it.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static FileStream Open(string temp)
    {
        lock (Gate)
        {
            if (_terminating) throw new OperationCanceledException();
            var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            Pending.Add(temp);
            return stream;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Commit(string temp, string target)
    {
        lock (Gate)
        {
            if (_terminating) throw new OperationCanceledException();
            File.Move(temp, target, overwrite: true);
            Pending.Remove(temp);
        }
    }

    /// <summary>
    /// The file a write to <paramref name="path"/> must replace: the path itself, or the end of its chain of links. A
    /// link that leads out of <paramref name="within"/> is refused: fixing a manifest must not rewrite a file elsewhere.
    /// </summary>
    private static string ResolveTarget(string path, string name, IReadOnlyList<string>? within)
    {
        var full = Path.GetFullPath(path);
        FileSystemInfo? final;
        try
        {
            final = new FileInfo(full).LinkTarget is null ? null : File.ResolveLinkTarget(full, returnFinalTarget: true);
        }
        catch (IOException e)
        {
            throw new UsageException($"cannot write {name}: {e.Message}");
        }
        if (final is null) return full;
        var target = Path.GetFullPath(final.FullName);
        if (within is not null && !within.Any(root => IsUnder(RealPath(target), RealPath(root))))
            throw new UsageException($"not writing {name}: it is a symbolic link to {target}, outside the folders being fixed.");
        return target;
    }

    /// <summary>Deletes temporary files that a run which no longer exists left in <paramref name="directory"/> (it was killed mid-write).</summary>
    public static void RemoveLeftovers(string directory)
    {
        IEnumerable<string> candidates;
        try
        {
            candidates = Directory.EnumerateFiles(directory, ".*.infralint-*.tmp").ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }
        foreach (var file in candidates)
        {
            var match = TempName().Match(Path.GetFileName(file));
            if (!match.Success || !int.TryParse(match.Groups["pid"].Value, out int pid) || IsAlive(pid)) continue;
            TryDelete(file);
        }
    }

    /// <summary>On SIGTERM or Ctrl-C: no temporary file is left behind, and no rename starts after it.</summary>
    internal static void AbandonAll()
    {
        lock (Gate)
        {
            _terminating = true;
            foreach (var temp in Pending) TryDelete(temp);
            Pending.Clear();
        }
    }

    /// <summary>Test seam: lets writes happen again after <see cref="AbandonAll"/>.</summary>
    internal static void ResetForTests()
    {
        lock (Gate) _terminating = false;
    }

    private static PosixSignalRegistration[] RegisterSignalHandlers()
    {
        if (OperatingSystem.IsWindows() || OperatingSystem.IsBrowser()) return Array.Empty<PosixSignalRegistration>();
        // The handlers do not cancel: the default action (the process ends) follows once the files are gone.
        return new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT, PosixSignal.SIGHUP, PosixSignal.SIGQUIT }
            .Select(signal => PosixSignalRegistration.Create(signal, _ => AbandonAll()))
            .ToArray();
    }

    private static void Abandon(string temp)
    {
        lock (Gate)
        {
            Pending.Remove(temp);
            TryDelete(temp);
        }
    }

    private static bool IsAlive(int pid)
    {
        if (pid == Environment.ProcessId) return true;
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private static string RealPath(string path)
    {
        try
        {
            // Resolve links in the folders too, so /tmp/x and its real path compare equal.
            var info = new DirectoryInfo(path);
            var parts = new Stack<string>();
            for (var dir = info; dir is not null; dir = dir.Parent)
            {
                if (dir.LinkTarget is not null && dir.ResolveLinkTarget(returnFinalTarget: true) is { } resolved)
                {
                    var real = RealPath(resolved.FullName);
                    return parts.Aggregate(real, (acc, part) => Path.Combine(acc, part));
                }
                parts.Push(dir.Name);
                if (dir.Parent is null) break;
            }
            return Path.GetFullPath(path);
        }
        catch (IOException)
        {
            return Path.GetFullPath(path);
        }
    }

    private static bool IsUnder(string path, string directory) => FolderPaths.IsWithin(path, directory, StringComparison.Ordinal);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the name says what it is, and the next run removes it.
        }
    }
}
