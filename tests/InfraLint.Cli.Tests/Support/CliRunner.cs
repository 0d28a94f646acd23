namespace InfraLint.Cli.Tests.Support;

/// <summary>What one in-process run of <c>infralint</c> printed and returned.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}

/// <summary>Runs the CLI's real entry point in-process with captured writers and its own working directory.</summary>
public static class CliRunner
{
    public static CliRun Run(string workingDirectory, params string[] args) =>
        Run(workingDirectory, new Dictionary<string, string>(), terminal: false, args);

    public static CliRun Run(string workingDirectory, IReadOnlyDictionary<string, string> variables, bool terminal, params string[] args) =>
        Run(workingDirectory, variables, terminal, errorTerminal: false, () => DateTime.UtcNow, args);

    /// <summary>A run on a given UTC day (suppressions expire), as its clock reads at noon.</summary>
    public static CliRun RunOn(DateTime today, string workingDirectory, params string[] args) =>
        Run(workingDirectory, new Dictionary<string, string>(), terminal: false, errorTerminal: false, () => today.Date.AddHours(12), args);

    /// <param name="terminal">Whether standard output is a terminal.</param>
    /// <param name="errorTerminal">Whether standard error is a terminal (where progress is drawn).</param>
    public static CliRun RunOn(string workingDirectory, IReadOnlyDictionary<string, string> variables, bool terminal, bool errorTerminal, params string[] args) =>
        Run(workingDirectory, variables, terminal, errorTerminal, () => DateTime.UtcNow, args);

    /// <summary>A run with <paramref name="input"/> on standard input.</summary>
    public static CliRun RunWithInput(string workingDirectory, string input, params string[] args) =>
        Run(workingDirectory, new Dictionary<string, string>(), terminal: false, errorTerminal: false, () => DateTime.UtcNow, args, input);

    private static CliRun Run(string workingDirectory, IReadOnlyDictionary<string, string> variables, bool terminal, bool errorTerminal, Func<DateTime> utcNow, string[] args, string input = "")
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var env = new CliEnvironment
        {
            Out = stdout,
            Error = stderr,
            In = new StringReader(input),
            WorkingDirectory = Path.GetFullPath(workingDirectory),
            OutputIsTerminal = terminal,
            ErrorIsTerminal = errorTerminal,
            GetVariable = name => variables.TryGetValue(name, out var value) ? value : null,
            UtcNow = utcNow,
        };
        int exit = Program.Run(args, env);
        return new CliRun(exit, stdout.ToString(), stderr.ToString());
    }
}
