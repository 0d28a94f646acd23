using InfraLint.Tests;
using InfraLint.Cli.Tests.Support;

namespace InfraLint.Cli.Tests;

/// <summary>The real-world corpus beside the repository (shared/corpus) must scan without a crash or a usage error.</summary>
public sealed class CorpusTests
{
    [SkippableFact]
    public void Scanning_the_whole_shared_corpus_exits_0_or_1()
    {
        var corpus = Repo.RequireSharedCorpus();

        var run = CliRunner.Run(Repo.Root, "scan", corpus, "--format", "json");

        Assert.True(run.ExitCode is 0 or 1, run.ToString());
        using var json = System.Text.Json.JsonDocument.Parse(run.Out);
        Assert.True(json.RootElement.GetProperty("filesScanned").GetInt32() > 100);
    }
}
