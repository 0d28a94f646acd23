using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace InfraLint.Cli.Files;

/// <summary>What the operating system says a path is. .NET cannot tell: its FileAttributes call a FIFO or a device a normal file.</summary>
internal enum FileKind
{
    Missing,
    Regular,
    Directory,
    SymbolicLink,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,
    Unknown,
}

/// <summary>One <c>stat</c> answer: the kind, owner, group, permission bits and size of a file.</summary>
internal readonly record struct FileStatus(FileKind Kind, uint Uid, uint Gid, UnixFileMode Mode, long Size, ulong Device, ulong Inode);

/// <summary>
/// The few POSIX calls InfraLint needs and .NET does not offer: <c>statx</c> (file type, owner; its struct layout is the
/// same on every Linux architecture, unlike <c>struct stat</c>), <c>open</c> with <c>O_NONBLOCK</c> (opening a FIFO
/// must not wait for a writer) and <c>fchown</c>. On other systems the managed fallbacks in the callers apply.
/// </summary>
internal static class Posix
{
    public static bool Available { get; } = OperatingSystem.IsLinux() && Probe();

    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxBasicStats = 0x7ff;

    // Linux's generic values, shared by x86-64 and arm64.
    private const int ORdOnly = 0, ONoCtty = 0x100, ONonBlock = 0x800, OCloExec = 0x80000;

    private const int ENoEnt = 2, ENotDir = 20;

    [DllImport("libc", SetLastError = true, EntryPoint = "statx")]
    private static extern int StatX(int dirfd, string path, int flags, uint mask, byte[] buffer);

    [DllImport("libc", SetLastError = true, EntryPoint = "open")]
    private static extern int Open(string path, int flags, int mode);

    [DllImport("libc", SetLastError = true, EntryPoint = "fchown")]
    private static extern int FChown(SafeFileHandle fd, uint owner, uint group);

    private static bool Probe()
    {
        try
        {
            StatX(AtFdCwd, "/", 0, StatxBasicStats, new byte[256]);
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>The status of <paramref name="path"/> itself (a link is reported as a link) or, with <paramref name="followLinks"/>, of what it points to.</summary>
    public static FileStatus Stat(string path, bool followLinks)
    {
        var buffer = new byte[256];
        if (StatX(AtFdCwd, path, followLinks ? 0 : AtSymlinkNoFollow, StatxBasicStats, buffer) != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            if (errno is ENoEnt or ENotDir) return new FileStatus(FileKind.Missing, 0, 0, 0, 0, 0, 0);
            throw new IOException($"{path}: {Marshal.GetPInvokeErrorMessage(errno)}");
        }
        return Decode(buffer);
    }

    /// <summary>The status of an open file: what was actually opened, whatever the path says now.</summary>
    public static FileStatus Stat(SafeFileHandle handle)
    {
        var buffer = new byte[256];
        bool added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            int fd = (int)handle.DangerousGetHandle();
            if (StatXFd(fd, buffer) != 0) throw new IOException(Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError()));
        }
        finally
        {
            if (added) handle.DangerousRelease();
        }
        return Decode(buffer);
    }

    private static int StatXFd(int fd, byte[] buffer) => StatX(fd, string.Empty, AtEmptyPath, StatxBasicStats, buffer);

    /// <summary>Opens for reading without blocking on a FIFO and without becoming a device's controlling terminal.</summary>
    public static SafeFileHandle OpenForReading(string path)
    {
        int fd = Open(path, ORdOnly | ONonBlock | OCloExec | ONoCtty, 0);
        if (fd < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            var message = Marshal.GetPInvokeErrorMessage(errno);
            if (errno == 13) throw new UnauthorizedAccessException(message);
            if (errno is ENoEnt or ENotDir) throw new FileNotFoundException(message, path);
            throw new IOException(message);
        }
        return new SafeFileHandle(fd, ownsHandle: true);
    }

    public static void SetOwner(SafeFileHandle handle, uint uid, uint gid)
    {
        if (FChown(handle, uid, gid) != 0)
            throw new IOException($"cannot keep owner {uid} and group {gid}: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
    }

    private static FileStatus Decode(byte[] b)
    {
        uint uid = BitConverter.ToUInt32(b, 20);
        uint gid = BitConverter.ToUInt32(b, 24);
        ushort mode = BitConverter.ToUInt16(b, 28);
        ulong inode = BitConverter.ToUInt64(b, 32);
        long size = BitConverter.ToInt64(b, 40);
        // stx_dev_major and stx_dev_minor (offsets 136, 140) identify the file system; with the inode, the file.
        ulong device = ((ulong)BitConverter.ToUInt32(b, 136) << 32) | BitConverter.ToUInt32(b, 140);
        var kind = (mode & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0xA000 => FileKind.SymbolicLink,
            0x1000 => FileKind.Fifo,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            0xC000 => FileKind.Socket,
            _ => FileKind.Unknown,
        };
        return new FileStatus(kind, uid, gid, (UnixFileMode)(mode & 0xFFF), size, device, inode);
    }
}
