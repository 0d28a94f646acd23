using InfraLint.Fuzz;
using InfraLint.Tests;

namespace InfraLint.Cli.Tests;

/// <summary>
/// The fuzz harness (tests/InfraLint.Fuzz) at a small fixed seed and count, so every CI run replays the same damaged
/// inputs through 'scan' and 'fix --dry-run'. Long runs are done by hand: see tests/InfraLint.Fuzz/README.md.
/// </summary>
public class FuzzTests
{
    /// <summary>Measured: 16–24 s in Debug on 2 cores with other builds running (load average 7–12), well under a minute.</summary>
    private const int Count = 1000;

    [Fact]
    public void Fixed_seed_mutations_never_crash_or_hang()
    {
        // Without the shared corpus the examples alone are mutated: fewer shapes, but never a vacuous pass.
        var corpus = new[] { Directory.Exists(Repo.SharedCorpus) ? Repo.SharedCorpus : null, Repo.Examples }.OfType<string>().ToList();
        var log = new StringWriter();

        var report = Fuzzer.Run(new FuzzOptions { CorpusDirectories = corpus, Seed = 1, Count = Count }, log);

        Assert.True(report.Failures.Count == 0,
            $"{report.Crashes} crashes and {report.Hangs} hangs; rerun one with 'dotnet run --project tests/InfraLint.Fuzz -- --seed 1 --start INDEX --count 1'.\n{log}");
        Assert.Equal(Count, report.Cases);
    }

    [Fact]
    public void Mutator_is_deterministic_per_seed_and_case()
    {
        var first = new Mutator(Mutator.LoadCorpus(new[] { Repo.Examples }));
        var second = new Mutator(Mutator.LoadCorpus(new[] { Repo.Examples }));

        for (int index = 0; index < 50; index++)
        {
            var expected = first.Create(seed: 7, index);
            var actual = second.Create(seed: 7, index);
            Assert.Equal(expected.Description, actual.Description);
            Assert.Equal(expected.FileName, actual.FileName);
            Assert.Equal(expected.Bytes, actual.Bytes);
        }
        // Made in reverse order, the cases are the same: a case depends on (seed, index) only, so one can be rerun alone.
        var reversed = Enumerable.Range(0, 50).Reverse().Select(i => second.Create(7, i).Bytes).Reverse().ToList();
        Assert.Equal(Enumerable.Range(0, 50).Select(i => first.Create(7, i).Bytes), reversed);
        Assert.NotEqual(Enumerable.Range(0, 50).Select(i => first.Create(7, i).Bytes), Enumerable.Range(0, 50).Select(i => first.Create(8, i).Bytes));
    }
}
