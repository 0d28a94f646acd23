using System.Diagnostics;

namespace InfraLint.Analyzers.Tests.Packaging;

/// <summary>What one <c>dotnet</c> child process printed and returned.</summary>
internal sealed record DotnetRun(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}

/// <summary>Runs the installed <c>dotnet</c> as a user's shell would, with a deadline.</summary>
internal static class DotnetProcess
{
    /// <summary>The <c>dotnet</c> executable (DOTNET_ROOT, then PATH), or null when there is none.</summary>
    public static string? Find()
    {
        var name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (root is not null && File.Exists(Path.Combine(root, name))) return Path.Combine(root, name);
        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);
    }

    public static DotnetRun Run(string dotnet, string workingDirectory, TimeSpan deadline, params string[] args)
    {
        var start = new ProcessStartInfo(dotnet)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        // The test host runs inside an MSBuild-launched process: its MSBUILD* settings must not steer the child build.
        foreach (var variable in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToArray())
            start.Environment.Remove(variable);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(deadline))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"dotnet {string.Join(' ', args)} did not finish within {deadline.TotalMinutes} minutes.");
        }
        process.WaitForExit();
        return new DotnetRun(process.ExitCode, stdout.Result, stderr.Result);
    }
}
