using System.ComponentModel;
using System.Diagnostics;

namespace InfraLint.Cli.Tests.Support;

/// <summary>Runs an external program (pre-commit, git, a validator) with a deadline, capturing its output.</summary>
public static class ChildProcess
{
    /// <summary>Null when the program is not installed (it could not be started).</summary>
    public static CliRun? TryRun(string program, string workingDirectory, TimeSpan deadline, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        // As a user's shell has it: not the MSBuild settings of the test host's own build.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToArray())
            start.Environment.Remove(name);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception)
        {
            return null;
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(deadline))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"{program} {string.Join(' ', args)} did not finish within {deadline.TotalSeconds} s.");
            }
            process.WaitForExit();
            return new CliRun(process.ExitCode, stdout.Result, stderr.Result);
        }
    }

    public static CliRun Run(string program, string workingDirectory, TimeSpan deadline, params string[] args) =>
        TryRun(program, workingDirectory, deadline, null, args) ?? throw new InvalidOperationException($"{program} is not installed.");
}
