using System.Diagnostics;
using System.Text.Json.Nodes;
using InfraLint.Cli.Tests.Support;
using InfraLint.Tests;

namespace InfraLint.Cli.Tests;

/// <summary>
/// Issue 9's acceptance for fixes in C#: <c>infralint fix</c> on a copy of the C# examples (the CDK app and the
/// KubernetesClient service) fixes every finding that offered a fix, the result parses, both projects still build
/// against their real packages, and a second run changes no byte.
/// </summary>
public sealed class CSharpExamplesFixTests : IDisposable
{
    private static readonly string[] Projects = { "cdk-csharp", "k8s-csharp" };

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [SkippableFact]
    public void Fix_on_the_csharp_examples_fixes_every_fixable_finding_the_projects_still_build_and_a_second_run_changes_nothing()
    {
        SkipUnlessTheExamplesCanBuild();
        CopyExamples();
        // Every rule, so the fixes of rules outside the recommended set (retention, spot capacity) are exercised too.

        var fixable = Findings(Scan()).Where(f => f.Fixable).Select(f => f.Key).ToHashSet();
        // The control: the copies have fixable findings in both projects, so "none left" below means something.
        foreach (var project in Projects) Assert.Contains(fixable, key => key.File.StartsWith(project + "/", StringComparison.Ordinal));

        var run = CliRunner.Run(_dir.Path, "fix", ".", "--rule-set", "all");
        Assert.True(run.ExitCode == 0, run.ToString());
        var left = Findings(Scan()).Select(f => f.Key).Where(fixable.Contains).ToList();
        Assert.True(left.Count == 0, "Fixable findings left after fix: " + string.Join("; ", left));

        var sources = CSharpFiles().ToDictionary(path => path, File.ReadAllText);
        foreach (var (path, text) in sources)
            Assert.True(CSharp.CSharpAdapter.SyntaxErrors(new Core.Locations.SourceText(path, text)) == 0, $"{path} no longer parses:\n{text}");

        var second = CliRunner.Run(_dir.Path, "fix", ".", "--rule-set", "all");
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("0 fixes applied", second.Out, StringComparison.Ordinal);
        foreach (var (path, text) in sources) Assert.Equal(text, File.ReadAllText(path));

        foreach (var project in Projects) Build(Path.Combine(_dir.Path, project));
    }

    /// <summary>The examples need the .NET SDK and their packages in the local NuGet cache (nothing is downloaded here).</summary>
    private static void SkipUnlessTheExamplesCanBuild()
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var package in new[] { Path.Combine("amazon.cdk.lib", "2.103.0"), Path.Combine("kubernetesclient", "21.0.8") })
            Skip.IfNot(Directory.Exists(Path.Combine(packages, package)), $"The package {package} is not in the local NuGet cache ({packages}), so the fixed examples cannot be built.");
        Skip.If(Dotnet() is null, "The dotnet command is not on PATH, so the fixed examples cannot be built.");
    }

    private static string? Dotnet()
    {
        var name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (root is not null && File.Exists(Path.Combine(root, name))) return Path.Combine(root, name);
        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);
    }

    /// <summary>The two projects with the examples folder's build settings (they build on their own, outside the repository's).</summary>
    private void CopyExamples()
    {
        var examples = Path.Combine(Repo.Root, "examples");
        foreach (var props in new[] { "Directory.Build.props", "Directory.Packages.props" })
            File.Copy(Path.Combine(examples, props), Path.Combine(_dir.Path, props));
        foreach (var project in Projects)
        {
            var from = Path.Combine(examples, project);
            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(from, file);
                if (relative.Split(Path.DirectorySeparatorChar)[0] is "bin" or "obj") continue;
                var to = Path.Combine(_dir.Path, project, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Copy(file, to);
            }
        }
    }

    private IEnumerable<string> CSharpFiles() =>
        Projects.SelectMany(p => Directory.EnumerateFiles(Path.Combine(_dir.Path, p), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                        && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal));

    private JsonArray Scan()
    {
        var run = CliRunner.Run(_dir.Path, "scan", ".", "--format", "json", "--fail-on", "none", "--rule-set", "all");
        Assert.True(run.ExitCode == 0, run.ToString());
        return JsonNode.Parse(run.Out)!["findings"]!.AsArray();
    }

    /// <summary>A finding by rule, file and logical path (which does not move when a fix shifts lines), and whether it offered a fix.</summary>
    private static IEnumerable<(FindingKey Key, bool Fixable)> Findings(JsonArray findings) =>
        findings.Select(f => (
            new FindingKey((string)f!["ruleId"]!, (string)f["file"]!, (string)f["logicalPath"]!),
            f["fixes"] is JsonArray fixes && fixes.Count > 0));

    private static void Build(string project)
    {
        var start = new ProcessStartInfo(Dotnet()!, new[] { "build", "-nologo", "-v", "quiet" })
        {
            WorkingDirectory = project,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"dotnet build of the fixed {Path.GetFileName(project)} did not finish in 5 minutes.");
        }
        Assert.True(process.ExitCode == 0, $"dotnet build of the fixed {Path.GetFileName(project)} failed:\n{output.Result}\n{error.Result}");
    }

    private sealed record FindingKey(string RuleId, string File, string LogicalPath)
    {
        public override string ToString() => $"{RuleId} {File} {LogicalPath}";
    }
}
