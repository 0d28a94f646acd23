namespace InfraLint.Cli;

/// <summary>
/// Everything a command reads from its surroundings: writers, working directory, environment variables,
/// whether stdout is a terminal. Passed in (never read from statics) so tests run commands in parallel, in-process.
/// </summary>
internal sealed class CliEnvironment
{
    public required TextWriter Out { get; init; }

    public required TextWriter Error { get; init; }

    /// <summary>Standard input (<c>infralint shard</c> reads a list from it); empty unless given.</summary>
    public TextReader In { get; init; } = TextReader.Null;

    /// <summary>Absolute directory that relative paths on the command line, and displayed paths, are relative to.</summary>
    public required string WorkingDirectory { get; init; }

    public bool OutputIsTerminal { get; init; }

    /// <summary>Whether standard error is a terminal: progress is shown there, and only there.</summary>
    public bool ErrorIsTerminal { get; init; }

    public Func<string, string?> GetVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>The clock scans take their day from (a suppression's expiry is a UTC date); tests set a fixed one.</summary>
    public Func<DateTime> UtcNow { get; init; } = () => DateTime.UtcNow;

    /// <summary>ANSI colour only on a terminal, and never when NO_COLOR is set to anything (https://no-color.org).</summary>
    public bool UseColor => OutputIsTerminal && string.IsNullOrEmpty(GetVariable("NO_COLOR"));

    /// <summary>Escape sequences on standard error (colour, a redrawn progress display): on a terminal, without NO_COLOR.</summary>
    public bool ErrorUsesAnsi => ErrorIsTerminal && string.IsNullOrEmpty(GetVariable("NO_COLOR"));

    /// <summary>
    /// Progress on standard error: only on a terminal, never under CI=true (CI logs keep every redraw) and never with
    /// --quiet; a redirected standard error gets nothing extra.
    /// </summary>
    public bool ShowsProgress(bool quiet) =>
        !quiet && ErrorIsTerminal && !string.Equals(GetVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public string FullPath(string path) => Path.GetFullPath(path, WorkingDirectory);

    /// <summary>How findings name a file: relative to the working directory, with forward slashes.</summary>
    public string DisplayPath(string fullPath) => Slashes(Path.GetRelativePath(WorkingDirectory, fullPath));

    /// <summary>
    /// Forward slashes where the system separates folders with backslashes; elsewhere a backslash is part of a file
    /// name (<c>a\b.yaml</c> on Linux is one file, not <c>a/b.yaml</c>) and stays.
    /// </summary>
    public static string Slashes(string path) => Path.DirectorySeparatorChar == '\\' ? path.Replace('\\', '/') : path;

    /// <summary>The same environment, writing through <see cref="Output.ClosedPipeWriter"/>s.</summary>
    public CliEnvironment WithClosedPipesTolerated() => new()
    {
        Out = Out as Output.ClosedPipeWriter ?? new Output.ClosedPipeWriter(Out),
        Error = Error as Output.ClosedPipeWriter ?? new Output.ClosedPipeWriter(Error),
        In = In,
        WorkingDirectory = WorkingDirectory,
        OutputIsTerminal = OutputIsTerminal,
        ErrorIsTerminal = ErrorIsTerminal,
        GetVariable = GetVariable,
        UtcNow = UtcNow,
    };

    public static CliEnvironment FromConsole() => new()
    {
        Out = Console.Out,
        Error = Console.Error,
        In = Console.In,
        WorkingDirectory = Directory.GetCurrentDirectory(),
        OutputIsTerminal = !Console.IsOutputRedirected,
        ErrorIsTerminal = !Console.IsErrorRedirected,
    };
}
