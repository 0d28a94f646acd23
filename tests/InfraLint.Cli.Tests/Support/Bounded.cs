namespace InfraLint.Cli.Tests.Support;

/// <summary>Runs the CLI with a deadline, so a test about a hang fails instead of hanging the suite.</summary>
public static class Bounded
{
    public static CliRun Run(string workingDirectory, params string[] args)
    {
        var run = Task.Run(() => CliRunner.Run(workingDirectory, args));
        // A guard against hangs, not a speed check (benchmarks under bench/ measure speed): generous enough for a
        // loaded 2-core CI machine running the other test assemblies in parallel, finite so a hang fails the test.
        Assert.True(run.Wait(TimeSpan.FromMinutes(5)), $"infralint {string.Join(' ', args)} did not finish within 5 minutes (a hang).");
        return run.Result;
    }
}
