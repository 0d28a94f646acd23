using System.Text;
using InfraLint.Core.Scanning;

namespace InfraLint.Cli.Files;

/// <summary>A file's text as read, and whether it began with a BOM (so a fix writes it back the same way).</summary>
internal sealed record FileContent(string Text, bool HasBom);

/// <summary>
/// Every file InfraLint reads (scanned files, <c>--config</c>, <c>--baseline</c>, sizing catalogs) comes through here: only
/// regular files (links are followed), never more than a limit. A FIFO named <c>*.yaml</c> would block a plain open
/// forever and a link to <c>/dev/zero</c> would be read until memory runs out, so the type is checked on the opened
/// handle (not on the path, which may change in between), and the read stops at the limit plus one byte.
/// </summary>
internal static class RegularFile
{
    /// <summary>No infrastructure file is this big, and a parser bomb might be.</summary>
    public const long MaxBytes = 8 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The file's bytes; throws <see cref="SourceUnreadableException"/> with a message for the user when it is not a regular file or is too large.</summary>
    public static byte[] ReadBytes(string path, long limit = MaxBytes)
    {
        var (buffer, count) = Read(path, limit);
        if (count != buffer.Length) Array.Resize(ref buffer, count);
        return buffer;
    }

    /// <summary>The file's bytes, the first <c>Count</c> of the buffer (which has room for one more, to see a file that grew).</summary>
    private static (byte[] Buffer, int Count) Read(string path, long limit)
    {
        try
        {
            using var handle = Posix.Available ? Posix.OpenForReading(path) : OpenManaged(path);
            long length;
            if (Posix.Available)
            {
                var st = Posix.Stat(handle);
                if (st.Kind != FileKind.Regular) throw new SourceUnreadableException($"Not a regular file ({Describe(st.Kind)}); InfraLint reads only regular files.", reason: UnreadableReason.NotRegularFile);
                length = st.Size;
            }
            else
            {
                length = RandomAccess.GetLength(handle);
            }
            if (length > limit) throw TooLarge(length, limit, exact: true);

            // The size can change between the check and the read: never read more than limit + 1 bytes.
            var buffer = new byte[(int)Math.Min(limit + 1, Math.Max(length, 0) + 1)];
            int total = 0;
            while (true)
            {
                if (total == buffer.Length)
                {
                    if (buffer.Length > limit) throw TooLarge(total, limit, exact: false);
                    Array.Resize(ref buffer, (int)Math.Min(limit + 1, (long)buffer.Length * 2));
                }
                int read = RandomAccess.Read(handle, buffer.AsSpan(total), total);
                if (read == 0) break;
                total += read;
                // The size the file reported is read: stop there, as File.ReadAllBytes does, without a second read that
                // only confirms the end (a system call per file; 10,000 files spend about 0.2 s of system time on them
                // here). A size of 0 (a /proc file) is read to its end.
                if (total == length && length > 0) break;
            }
            if (total > limit) throw TooLarge(total, limit, exact: false);
            return (buffer, total);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Opening a socket fails (ENXIO) before its type can be checked on the handle: name the kind, not the errno.
            if (Posix.Available && KindOfOrMissing(path) is var kind and not (FileKind.Regular or FileKind.Missing or FileKind.Unknown))
                throw new SourceUnreadableException($"Not a regular file ({Describe(kind)}); InfraLint reads only regular files.", reason: UnreadableReason.NotRegularFile);
            throw new SourceUnreadableException($"File could not be read: {e.Message}");
        }
    }

    /// <summary>The file as UTF-8 text (a BOM is dropped and remembered); invalid UTF-8 is reported with its line and column.</summary>
    public static FileContent ReadText(string path, long limit = MaxBytes)
    {
        // Decoded from the read buffer as it is: trimming it to the file's size first copied every file once more.
        var (bytes, count) = Read(path, limit);
        bool bom = count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        int skip = bom ? 3 : 0;
        try
        {
            return new FileContent(StrictUtf8.GetString(bytes, skip, count - skip), bom);
        }
        catch (DecoderFallbackException e)
        {
            int offset = skip + Math.Max(0, e.Index);
            int line = 1, lineStart = skip;
            for (int i = skip; i < offset && i < count; i++)
                if (bytes[i] == (byte)'\n') { line++; lineStart = i + 1; }
            int column = 1 + StrictUtf8.GetCharCount(bytes, lineStart, offset - lineStart);
            throw new SourceUnreadableException($"File is not valid UTF-8 (byte offset {offset}).", line, column, UnreadableReason.NotUtf8);
        }
    }

    /// <summary>What a path is, without following a final link; <see cref="FileKind.Missing"/> when nothing is there.</summary>
    public static FileKind KindOf(string path, bool followLinks)
    {
        if (Posix.Available) return Posix.Stat(path, followLinks).Kind;
        var info = new FileInfo(path);
        if (!followLinks && info.LinkTarget is not null) return FileKind.SymbolicLink;
        if (Directory.Exists(path)) return FileKind.Directory;
        return File.Exists(path) ? FileKind.Regular : FileKind.Missing;
    }

    private static FileKind KindOfOrMissing(string path)
    {
        try
        {
            return Posix.Stat(path, followLinks: true).Kind;
        }
        catch (IOException)
        {
            return FileKind.Missing;
        }
    }

    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Fifo => "a FIFO",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        FileKind.Directory => "a directory",
        FileKind.SymbolicLink => "a symbolic link",
        FileKind.Missing => "missing",
        _ => "not a regular file",
    };

    private static SourceUnreadableException TooLarge(long length, long limit, bool exact) =>
        new(reason: UnreadableReason.TooLarge, message: $"File is {(exact ? "" : "more than ")}{(exact ? length : limit).ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} bytes; InfraLint reads files up to {limit.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} bytes.");

    private static Microsoft.Win32.SafeHandles.SafeFileHandle OpenManaged(string path)
    {
        if (Directory.Exists(path)) throw new SourceUnreadableException("Not a regular file (a directory); InfraLint reads only regular files.");
        return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
    }
}
