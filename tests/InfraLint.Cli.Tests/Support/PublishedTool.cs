using System.Diagnostics;
using InfraLint.Tests;

namespace InfraLint.Cli.Tests.Support;

/// <summary>
/// The CLI as users get it: <c>dotnet publish</c> output in a temporary folder, made once per test run (from the build
/// the tests run on, so it costs a copy, not a build), run as a child process. Loading projects needs what only a
/// published tool has beside it: the MSBuildWorkspace build hosts and no MSBuild of its own.
/// </summary>
public static class PublishedTool
{
    private static readonly Lazy<string> Folder = new(Publish, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The configuration the tests were built in (Debug or Release), which the CLI was built in too.</summary>
    private static string Configuration =>
        AppContext.BaseDirectory.Replace('\\', '/').Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";

    /// <summary>The published <c>infralint.dll</c>, for a script that runs the tool itself (<c>dotnet PATH</c>).</summary>
    public static string Dll => Path.Combine(Folder.Value, "infralint.dll");

    public static CliRun Run(string workingDirectory, params string[] args) =>
        Dotnet.Run(workingDirectory, TimeSpan.FromMinutes(5), args.Prepend(Path.Combine(Folder.Value, "infralint.dll")).ToArray());

    private static string Publish()
    {
        var output = Path.Combine(Path.GetTempPath(), "infralint-tests", "published-" + Guid.NewGuid().ToString("N"));
        var project = Path.Combine(Repo.Root, "src", "InfraLint.Cli", "InfraLint.Cli.csproj");
        var run = Dotnet.Run(Repo.Root, TimeSpan.FromMinutes(8), "publish", project, "-c", Configuration, "--no-build", "-o", output, "-nologo");
        Assert.True(run.ExitCode == 0, $"dotnet publish failed:\n{run}");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(output);
        return output;
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}

/// <summary>Runs <c>dotnet</c> as a child process with a deadline, capturing its output.</summary>
public static class Dotnet
{
    public static CliRun Run(string workingDirectory, TimeSpan deadline, params string[] args) =>
        ChildProcess.Run("dotnet", workingDirectory, deadline, args);
}
