using InfraLint.Cli.Tests.Support;
using InfraLint.Tests;

namespace InfraLint.Cli.Tests;

/// <summary>The runtime settings the tool ships with (its runtimeconfig), seen from the published tool's own process.</summary>
public sealed class ToolRuntimeTests
{
    /// <summary>
    /// W^X is off in the tool's runtimeconfig: a one-file scan compiles over a thousand methods, and mapping each one's
    /// code twice was a sixth of its time (bench/README.md, Session 18). The environment variable still turns it on.
    /// </summary>
    [SkippableFact]
    public void The_tool_maps_its_compiled_code_once_unless_the_environment_asks_for_W_xor_X()
    {
        Skip.IfNot(File.Exists("/proc/self/maps"), "the process's memory map is read from /proc, which this system does not have");

        var shipped = Timed(new Dictionary<string, string>());
        var asked = Timed(new Dictionary<string, string> { ["DOTNET_EnableWriteXorExecute"] = "1" });

        Assert.Contains("infralint: timing: executable memory mapped once (W^X off)", shipped);
        Assert.Contains("infralint: timing: executable memory double-mapped (W^X on)", asked);
    }

    private static string Timed(Dictionary<string, string> environment)
    {
        environment["INFRALINT_TIMINGS"] = "1";
        var run = ChildProcess.TryRun("dotnet", Repo.Root, TimeSpan.FromMinutes(2), environment, PublishedTool.Dll, "--version");
        Assert.NotNull(run);
        Assert.True(run!.ExitCode == 0, run.ToString());
        return run.Error;
    }
}
