using InfraLint.Cli.Tests.Support;
using InfraLint.Tests;

namespace InfraLint.Cli.Tests;

/// <summary>
/// action.yml and the example workflow against SchemaStore's github-action and github-workflow schemas (those
/// check-jsonschema vendors as vendor.github-actions / vendor.github-workflows), through @action-validator/cli from
/// .ci/package.json. Skipped without it (npm ci --prefix .ci), failed on CI.
/// </summary>
public sealed class GitHubActionSchemaTests
{
    private static string Validator()
    {
        var path = Path.Combine(Repo.Root, ".ci", "node_modules", ".bin", "action-validator");
        if (File.Exists(path)) return path;
        Assert.False(Repo.IsCi, $"CI must install the action validator at {path} (npm ci --prefix .ci).");
        throw new SkipException($"The action validator is not installed at {path} (npm ci --prefix .ci).");
    }

    [SkippableTheory]
    [InlineData("action.yml")]
    [InlineData("examples/github-actions/infralint.yml")]
    [InlineData("examples/github-actions/org-scan.yml")]
    public void The_file_matches_its_schema(string file)
    {
        var run = ChildProcess.Run(Validator(), Repo.Root, TimeSpan.FromMinutes(1), Path.Combine(Repo.Root, file));

        Assert.True(run.ExitCode == 0, run.ToString());
    }

    /// <summary>The validator is trusted only because it rejects what GitHub would: a misspelt key in either kind of file.</summary>
    [SkippableTheory]
    [InlineData("action.yml", "  format:\n    description:", "  format:\n    descripton:", "Additional property 'descripton' is not allowed")]
    [InlineData("examples/github-actions/infralint.yml", "    runs-on: ubuntu-latest", "    runs_on: ubuntu-latest", "Additional property 'runs_on' is not allowed")]
    public void A_misspelt_key_is_rejected(string file, string from, string to, string message)
    {
        var validator = Validator();
        using var dir = new TempDir();
        var text = File.ReadAllText(Path.Combine(Repo.Root, file));
        Assert.Contains(from, text, StringComparison.Ordinal);
        // The validator tells an action from a workflow by the file's name and folder: keep both.
        var broken = dir.Write(file, text.Replace(from, to, StringComparison.Ordinal));

        var run = ChildProcess.Run(validator, dir.Path, TimeSpan.FromMinutes(1), broken);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(message, run.Out + run.Error, StringComparison.Ordinal);
    }
}
