namespace InfraLint.Cli.Inputs;

/// <summary>
/// Writes an output file so that readers see the old file or the whole new one, never half of it: the text goes
/// to a temporary file in the same directory (same file system, so the rename is atomic), which then replaces the target.
/// </summary>
internal static class AtomicFile
{
    public static void Write(string path, Action<TextWriter> write)
    {
        var directory = Path.GetDirectoryName(path) ?? ".";
        string temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(directory);
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
            {
                write(writer);
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new UsageException($"cannot write {path}: {e.Message}");
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the temporary file has a name no reader looks for.
        }
    }
}
