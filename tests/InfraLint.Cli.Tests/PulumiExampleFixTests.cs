using System.Text.Json;
using InfraLint.Cli.Tests.Support;
using InfraLint.Core.Locations;
using InfraLint.CSharp;
using InfraLint.Tests;

namespace InfraLint.Cli.Tests;

/// <summary>
/// Issue 9: <c>infralint fix</c> on a copy of examples/pulumi-csharp (Pulumi Kubernetes and Pulumi AWS, read
/// syntactically) removes every finding that offered a fix, leaves every file parsing, and a second run changes nothing.
/// </summary>
public sealed class PulumiExampleFixTests
{
    private static string Example => Path.Combine(Repo.Examples, "pulumi-csharp");

    private static Dictionary<string, string> Snapshot(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(dir, f), File.ReadAllText);

    /// <summary>(rule, file, logical path) of each unsuppressed finding, and whether it offered a fix.</summary>
    private static List<(string Rule, string File, string Path, bool Fixable)> Findings(string dir)
    {
        var run = CliRunner.Run(dir, "scan", ".", "--format", "json", "--fail-on", "none");
        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        return json.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => !(f.TryGetProperty("suppression", out var s) && s.ValueKind != JsonValueKind.Null))
            .Select(f => (
                f.GetProperty("ruleId").GetString()!,
                f.GetProperty("file").GetString()!,
                f.GetProperty("logicalPath").GetString()!,
                f.TryGetProperty("fixes", out var fixes) && fixes.ValueKind == JsonValueKind.Array && fixes.GetArrayLength() > 0))
            .ToList();
    }

    [Fact]
    public void Fix_removes_every_fixable_finding_of_the_Pulumi_example_keeps_every_file_parsing_and_a_second_run_changes_nothing()
    {
        using var temp = new TempDir();
        foreach (var file in Directory.EnumerateFiles(Example, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Example, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj")) continue;
            temp.Write(relative, File.ReadAllText(file));
        }
        var before = Snapshot(temp.Path);
        var findings = Findings(temp.Path);
        var fixable = findings.Where(f => f.Fixable).ToList();
        // Both Pulumi families offer fixes here: Kubernetes (host network, GPU limit) and AWS (retention, encryption, …).
        Assert.Contains(fixable, f => f.File.EndsWith("KubernetesStack.cs", StringComparison.Ordinal));
        Assert.Contains(fixable, f => f.File.EndsWith("TrainingStack.cs", StringComparison.Ordinal));
        Assert.True(fixable.Count >= 5, string.Join("; ", fixable));

        var first = CliRunner.Run(temp.Path, "fix", ".");
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.StartsWith($"{fixable.Count} fixes applied in ", first.Out);

        var after = Findings(temp.Path);
        foreach (var fixedFinding in fixable)
            Assert.DoesNotContain(after, f => f.Rule == fixedFinding.Rule && f.File == fixedFinding.File && f.Path == fixedFinding.Path);
        // Nothing new appears, and what had no fix is still reported as before.
        Assert.Equal(findings.Where(f => !f.Fixable).OrderBy(f => f.ToString()), after.OrderBy(f => f.ToString()));

        var fixedFiles = Snapshot(temp.Path);
        Assert.NotEqual(before, fixedFiles);
        foreach (var (file, text) in fixedFiles.Where(kv => kv.Key.EndsWith(".cs", StringComparison.Ordinal)))
            Assert.True(CSharpAdapter.SyntaxErrors(new SourceText(file, text)) == 0, $"{file} no longer parses");

        var second = CliRunner.Run(temp.Path, "fix", ".");
        Assert.Equal(0, second.ExitCode);
        Assert.StartsWith("0 fixes applied in 0 files", second.Out);
        Assert.Equal(fixedFiles, Snapshot(temp.Path));
    }
}
