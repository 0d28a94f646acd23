namespace InfraLint.Cli.Output;

/// <summary>
/// Standard output whose reader went away (<c>infralint scan | head -1</c>) or that was never open (<c>&gt;&amp;-</c>) is not an internal error: the first failed
/// write closes this writer, later writes go nowhere, and the command ends with the exit code its findings call for.
/// </summary>
internal sealed class ClosedPipeWriter(TextWriter inner) : TextWriter
{
    private bool _closed;

    public override System.Text.Encoding Encoding => inner.Encoding;

    public override IFormatProvider FormatProvider => inner.FormatProvider;

    public override string NewLine
    {
        get => inner.NewLine;
#pragma warning disable CS8765 // TextWriter.NewLine's setter accepts null; the inner writer decides what that means.
        set => inner.NewLine = value;
#pragma warning restore CS8765
    }

    public override void Write(char value) => Guard(() => inner.Write(value));

    public override void Write(string? value) => Guard(() => inner.Write(value));

    public override void Write(char[] buffer, int index, int count) => Guard(() => inner.Write(buffer, index, count));

    public override void WriteLine(string? value) => Guard(() => inner.WriteLine(value));

    public override void Flush() => Guard(inner.Flush);

    private void Guard(Action write)
    {
        if (_closed) return;
        try
        {
            write();
        }
        catch (IOException)
        {
            _closed = true;
        }
        catch (UnauthorizedAccessException)
        {
            // What .NET throws for a closed descriptor (EBADF: 'infralint scan >&-').
            _closed = true;
        }
        catch (ObjectDisposedException)
        {
            _closed = true;
        }
    }
}
