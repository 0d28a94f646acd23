namespace InfraLint.Cli;

/// <summary>
/// Everything a command reads from its surroundings: writers, working directory, environment variables,
/// whether stdout is a terminal. Passed in (never read from statics) so tests run commands in parallel, in-process.
/// </summary>
internal sealed class CliEnvironment
{
    public required TextWriter Out { get; init; }

    public required TextWriter Error { get; init; }

    /// <summary>Absolute directory that relative paths on the command line, and displayed paths, are relative to.</summary>
    public required string WorkingDirectory { get; init; }

    public bool OutputIsTerminal { get; init; }

    public Func<string, string?> GetVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>ANSI colour only on a terminal, and never when NO_COLOR is set to anything (https://no-color.org).</summary>
    public bool UseColor => OutputIsTerminal && string.IsNullOrEmpty(GetVariable("NO_COLOR"));

    public string FullPath(string path) => Path.GetFullPath(path, WorkingDirectory);

    /// <summary>How findings name a file: relative to the working directory, with forward slashes.</summary>
    public string DisplayPath(string fullPath) => Path.GetRelativePath(WorkingDirectory, fullPath).Replace('\\', '/');

    public static CliEnvironment FromConsole() => new()
    {
        Out = Console.Out,
        Error = Console.Error,
        WorkingDirectory = Directory.GetCurrentDirectory(),
        OutputIsTerminal = !Console.IsOutputRedirected,
    };
}
