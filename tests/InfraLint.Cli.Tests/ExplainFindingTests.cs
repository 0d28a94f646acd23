using InfraLint.Tests;
using InfraLint.Cli.Tests.Support;

namespace InfraLint.Cli.Tests;

public sealed class ExplainFindingTests
{
    [Fact]
    public void Explain_on_a_finding_shows_the_sizing_inputs_from_a_profile_in_another_file()
    {
        using var temp = new TempDir();
        temp.Write("kubernetes/llm-capacity.yaml", File.ReadAllText(Path.Combine(Repo.Examples, "kubernetes", "llm-capacity.yaml")));
        temp.Write("workloads/chat-api.yaml", File.ReadAllText(Path.Combine(Repo.Examples, "workloads", "chat-api.yaml")));

        var run = CliRunner.Run(temp.Path, "explain", "IL1001", "--file", "kubernetes/llm-capacity.yaml", "--line", "13");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("kubernetes/llm-capacity.yaml:13:13: warning IL1001: ", run.Out);
        Assert.Contains("  profile = AIWorkload chat-api (workloads/chat-api.yaml)", run.Out);
        Assert.Contains("  gpusNeeded = 14", run.Out);
        Assert.Contains("  step.weightsBytes = ", run.Out);

        var alone = CliRunner.Run(temp.Path, "explain", "IL1001", "--file", "kubernetes/llm-capacity.yaml", "--line", "13", "--context", "kubernetes");
        Assert.Contains("No IL1001 finding in kubernetes/llm-capacity.yaml on line 13.", alone.Out);
    }
}
