using System.Runtime.InteropServices;
using InfraLint.Core.Findings;
using InfraLint.Core.Fixes;
using InfraLint.Core.Locations;
using Microsoft.Win32.SafeHandles;

namespace InfraLint.Cli.Files;

/// <summary>
/// A streaming scan's finding bodies (<see cref="FindingBody"/>) in a temporary file until the report reads them: at
/// 100,000 files the 160,000 findings' messages, paths and fixes were the largest part of the heap at the end of the
/// scan. The file is removed from its folder as soon as it is open (on Windows when it closes), so nothing is left behind
/// whatever ends the process. If the file cannot be made or written (no temporary folder, a full disk), findings keep
/// their bodies in memory as before: what was already written stays readable.
/// </summary>
internal sealed class TempFileFindingBodies : IFindingBodies, IDisposable
{
    // Bodies are written in batches: one write per finding would be 160,000 system calls under the lock.
    private const int FlushAt = 1 << 20;

    private readonly object _gate = new();
    private readonly string _directory;
    private SafeFileHandle? _file;
    private bool _failed;
    private long _written;
    private readonly MemoryStream _pending = new();

    /// <param name="directory">Where the file goes; the system's temporary folder when null.</param>
    public TempFileFindingBodies(string? directory = null) => _directory = directory ?? Path.GetTempPath();

    public bool TryKeep(FindingBody body, out long at)
    {
        var bytes = Encode(body);
        lock (_gate)
        {
            at = 0;
            if (_failed || _file is null && !TryOpen()) return false;
            at = _written + _pending.Length;
            _pending.Write(BitConverter.GetBytes(bytes.Length));
            _pending.Write(bytes);
            if (_pending.Length >= FlushAt) Flush();
            return true;
        }
    }

    public FindingBody Read(long at)
    {
        lock (_gate)
        {
            // Not yet written out (or never will be, after a failed write): read from the batch.
            if (at >= _written)
            {
                var pending = _pending.GetBuffer().AsSpan((int)(at - _written));
                return Decode(pending.Slice(sizeof(int), BitConverter.ToInt32(pending)));
            }
        }
        Span<byte> length = stackalloc byte[sizeof(int)];
        ReadExactly(length, at);
        var data = new byte[BitConverter.ToInt32(length)];
        ReadExactly(data, at + sizeof(int));
        return Decode(data);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _file?.Dispose();
            _file = null;
            _failed = true;
        }
    }

    private bool TryOpen()
    {
        string path = Path.Combine(_directory, $"infralint-findings-{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
        try
        {
            _file = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Delete, FileOptions.DeleteOnClose);
            try
            {
                File.Delete(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Windows keeps the name until the handle closes; DeleteOnClose removes it then.
            }
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            _failed = true;
            return false;
        }
    }

    private void Flush()
    {
        try
        {
            RandomAccess.Write(_file!, _pending.GetBuffer().AsSpan(0, (int)_pending.Length), _written);
            _written += _pending.Length;
            _pending.SetLength(0);
        }
        catch (IOException)
        {
            // A full disk: this batch stays in memory, readable, and later findings keep their own bodies.
            _failed = true;
        }
    }

    private void ReadExactly(Span<byte> into, long at)
    {
        while (into.Length > 0)
        {
            int read = RandomAccess.Read(_file!, into, at);
            if (read == 0) throw new IOException("InfraLint's temporary file of findings ended early; it was changed while the scan ran.");
            into = into[read..];
            at += read;
        }
    }

    // Strings as their UTF-16 code units, so every string (a lone surrogate from a YAML escape included) reads back as it was.
    private static byte[] Encode(FindingBody body)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            Write(writer, body.Message);
            Write(writer, body.LogicalPath);
            writer.Write(body.Related.Count);
            foreach (var related in body.Related)
            {
                Write(writer, related.Span);
                Write(writer, related.Message);
            }
            writer.Write(body.Fixes.Count);
            foreach (var fix in body.Fixes)
            {
                Write(writer, fix.Description);
                writer.Write(fix.Edits.Count);
                foreach (var edit in fix.Edits)
                {
                    Write(writer, edit.Span);
                    Write(writer, edit.NewText);
                }
            }
            writer.Write(body.Properties.Count);
            foreach (var (key, value) in body.Properties)
            {
                Write(writer, key);
                Write(writer, value);
            }
        }
        return stream.ToArray();
    }

    private static FindingBody Decode(ReadOnlySpan<byte> data)
    {
        var reader = new SpanReader(data);
        string message = reader.String();
        string logicalPath = reader.String();
        var related = new RelatedLocation[reader.Int()];
        for (int i = 0; i < related.Length; i++) related[i] = new RelatedLocation(reader.Span(), reader.String());
        var fixes = new Fix[reader.Int()];
        for (int i = 0; i < fixes.Length; i++)
        {
            string description = reader.String();
            var edits = new TextEdit[reader.Int()];
            for (int e = 0; e < edits.Length; e++) edits[e] = new TextEdit(reader.Span(), reader.String());
            fixes[i] = new Fix(description, edits);
        }
        int count = reader.Int();
        var properties = new Dictionary<string, string>(count, StringComparer.Ordinal);
        for (int i = 0; i < count; i++) properties.Add(reader.String(), reader.String());
        return new FindingBody(message, logicalPath, related, fixes, properties);
    }

    private static void Write(BinaryWriter writer, string text)
    {
        writer.Write(text.Length);
        writer.Write(MemoryMarshal.AsBytes(text.AsSpan()));
    }

    private static void Write(BinaryWriter writer, SourceSpan span)
    {
        Write(writer, span.File);
        writer.Write(span.StartLine);
        writer.Write(span.StartColumn);
        writer.Write(span.EndLine);
        writer.Write(span.EndColumn);
        writer.Write(span.StartOffset);
        writer.Write(span.EndOffset);
    }

    private ref struct SpanReader(ReadOnlySpan<byte> data)
    {
        private ReadOnlySpan<byte> _rest = data;

        public int Int()
        {
            int value = BitConverter.ToInt32(_rest);
            _rest = _rest[sizeof(int)..];
            return value;
        }

        public string String()
        {
            int length = Int();
            var text = new string(MemoryMarshal.Cast<byte, char>(_rest[..(2 * length)]));
            _rest = _rest[(2 * length)..];
            return text;
        }

        public SourceSpan Span() => new(String(), Int(), Int(), Int(), Int(), Int(), Int());
    }
}
