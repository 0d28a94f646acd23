namespace InfraLint.Cli.Tests.Support;

/// <summary>Runs the CLI with a deadline, so a test about a hang fails instead of hanging the suite.</summary>
public static class Bounded
{
    public static CliRun Run(string workingDirectory, params string[] args)
    {
        var run = Task.Run(() => CliRunner.Run(workingDirectory, args));
        Assert.True(run.Wait(TimeSpan.FromSeconds(60)), $"infralint {string.Join(' ', args)} did not finish within 60 s (a hang).");
        return run.Result;
    }
}
