using InfraLint.Tests;
using System.Diagnostics;
using System.Text.Json;
using InfraLint.Cli.Output;
using InfraLint.Cli.Tests.Support;
using InfraLint.Core.Findings;
using InfraLint.Core.Locations;
using InfraLint.Rules.Security;

namespace InfraLint.Cli.Tests;

/// <summary>
/// GitHub code scanning's own checks: <c>Sarif.Multitool validate --rule-kind "Sarif;Ghas"</c> must report no error and
/// no warning. The validator comes from npm (.ci/package.json); .ci/run installs it and passes its path in
/// INFRALINT_SARIF_MULTITOOL. Without it the tests fail on CI and show as skipped on a developer machine.
/// </summary>
public sealed class SarifValidationTests
{
    public const string ValidatorVariable = "INFRALINT_SARIF_MULTITOOL";

    private static string Validator()
    {
        var path = Environment.GetEnvironmentVariable(ValidatorVariable);
        if (string.IsNullOrEmpty(path))
            path = Path.Combine(Repo.Root, ".ci", "node_modules", "@microsoft", "sarif-multitool-linux", "Sarif.Multitool");
        if (File.Exists(path)) return path;
        Assert.False(Repo.IsCi, $"CI must provide the SARIF validator ({ValidatorVariable} or .ci/node_modules); .ci/run installs it.");
        throw new SkipException($"The SARIF validator is not installed ({ValidatorVariable} or .ci/node_modules; 'npm ci --prefix .ci' installs it).");
    }

    [SkippableFact]
    public void Scan_of_the_examples_passes_the_Ghas_validator()
    {
        var validator = Validator();
        using var dir = new TempDir();
        var target = Directory.Exists(Repo.Examples) ? Repo.Examples : Repo.SharedCorpus;
        Assert.True(Directory.Exists(target), $"Nothing to scan: neither {Repo.Examples} nor {Repo.SharedCorpus} exists.");
        var sarif = Path.Combine(dir.Path, "examples.sarif");

        var run = CliRunner.Run(Repo.Root, "scan", target, "--format", "sarif", "--output", sarif, "--fail-on", "none");

        Assert.True(run.ExitCode == 0, run.ToString());
        AssertValid(validator, sarif, dir.Path);
    }

    /// <summary>What the rules evaluated (run properties) and a rule the configuration turned off (a rule configuration override).</summary>
    [SkippableFact]
    public void A_scan_with_a_rule_turned_off_and_its_evaluations_passes_the_Ghas_validator()
    {
        var validator = Validator();
        using var dir = new TempDir();
        GitRepo.CopyDirectory(Path.Combine(Repo.Examples, "kubernetes"), Path.Combine(dir.Path, "repo"));
        File.WriteAllText(Path.Combine(dir.Path, "repo", ".infralint.yaml"), "rules:\n  IL2006: off\n");
        var sarif = Path.Combine(dir.Path, "off.sarif");

        var run = CliRunner.Run(Path.Combine(dir.Path, "repo"), "scan", ".", "--format", "sarif", "--output", sarif, "--fail-on", "none");

        Assert.True(run.ExitCode == 0, run.ToString());
        var text = File.ReadAllText(sarif);
        Assert.Contains("\"ruleConfigurationOverrides\"", text);
        Assert.Contains("\"infralint/evaluations\"", text);
        AssertValid(validator, sarif, dir.Path);
    }

    [SkippableFact]
    public void A_report_with_fixes_related_locations_and_suppressions_passes_the_Ghas_validator()
    {
        var validator = Validator();
        using var dir = new TempDir();
        var suppression = new Suppression("inSource", "host networking is needed for RDMA", Reports.HostNetwork(1).Location);
        var expiring = suppression with { Until = new DateTime(2027, 3, 31) };
        var report = Reports.Of(dir.Path, Reports.HostNetwork(4), Reports.HostNetwork(9, suppression), Reports.HostNetwork(14, expiring));
        var sarif = Path.Combine(dir.Path, "rich.sarif");
        using (var writer = new StreamWriter(sarif)) SarifOutput.Write(report, writer);

        AssertValid(validator, sarif, dir.Path);
    }

    /// <summary>Provenance, a category and repository-relative URIs, as a scan from a subfolder of a clone in CI writes them.</summary>
    [SkippableFact]
    public void A_scan_from_a_subfolder_of_a_repository_passes_the_Ghas_validator()
    {
        var validator = Validator();
        using var dir = new TempDir();
        var root = Path.Combine(dir.Path, "repo");
        GitRepo.CopyDirectory(Path.Combine(Repo.Examples, "kubernetes"), Path.Combine(root, "deploy", "kubernetes"));
        GitRepo.Init(root, "https://x-access-token:ghs_token@github.com/o/r.git");
        var sarif = Path.Combine(dir.Path, "subfolder.sarif");

        var run = CliRunner.Run(Path.Combine(root, "deploy"), "scan", "kubernetes", "--format", "sarif", "--output", sarif, "--fail-on", "none", "--category", "kubernetes");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("\"versionControlProvenance\"", File.ReadAllText(sarif));
        AssertValid(validator, sarif, dir.Path);
    }

    [SkippableFact]
    public void A_merged_log_of_two_categories_passes_the_Ghas_validator()
    {
        var validator = Validator();
        using var dir = new TempDir();
        string Shard(string name, params string[] paths)
        {
            var path = Path.Combine(dir.Path, name + ".sarif");
            var run = CliRunner.Run(Repo.Root, new[] { "scan" }.Concat(paths).Concat(new[] { "--format", "sarif", "--output", path, "--fail-on", "none", "--category", name }).ToArray());
            Assert.True(run.ExitCode == 0, run.ToString());
            return path;
        }
        var merged = Path.Combine(dir.Path, "merged.sarif");

        var run = CliRunner.Run(dir.Path, "merge", Shard("kubernetes", "examples/kubernetes"), Shard("cloud", "examples/cloudformation", "examples/compose"), "--output", merged);

        Assert.True(run.ExitCode == 0, run.ToString());
        AssertValid(validator, merged, dir.Path);
    }

    /// <summary>
    /// A log GitHub's limits trimmed: a result cut to 1,000 related locations and the notification saying so. The
    /// 25,000-result cap is tested on a real scan (SarifCodeScanningTests) without the validator, which took 95 s here
    /// on that 36 MB log (three times the test's whole budget); what the cap adds to a log is the same notification.
    /// </summary>
    [SkippableFact]
    public void A_log_trimmed_to_GitHubs_limits_passes_the_Ghas_validator()
    {
        var validator = Validator();
        using var dir = new TempDir();
        var related = Enumerable.Range(1, SarifLimits.MaxLocationsPerResult + 500)
            .Select(i => new RelatedLocation(new SourceSpan(Reports.File, i, 1, i, 10, i * 20, i * 20 + 9), $"Pod {i} shares the node's network namespace"))
            .ToArray();
        var finding = new Finding(IL2008HostNamespacesShared.Descriptor, "Pods share the node's network namespace", new SourceSpan(Reports.File, 3, 7, 3, 22, 40, 55), "Deployment/serving/vllm:spec", related: related);
        var sarif = Path.Combine(dir.Path, "trimmed.sarif");
        var notes = new List<string>();
        using (var writer = new StreamWriter(sarif)) SarifOutput.Write(Reports.Of(dir.Path, finding, Reports.HostNetwork(4)), writer, limited: notes.Add);

        Assert.Single(notes);
        Assert.Contains("\"toolExecutionNotifications\"", File.ReadAllText(sarif));
        AssertValid(validator, sarif, dir.Path);
    }

    private static void AssertValid(string validator, string sarif, string workDir)
    {
        var output = Path.Combine(workDir, "validation.sarif");
        var start = new ProcessStartInfo(validator)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workDir,
        };
        foreach (var arg in new[] { "validate", "--rule-kind", "Sarif;Ghas", "--level", "Error;Warning", "--output", output, sarif })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)), "The SARIF validator did not finish in 3 minutes.");
        Assert.True(File.Exists(output), $"The validator wrote no output (exit {process.ExitCode}).\n{stdout.Result}\n{stderr.Result}");

        using var log = JsonDocument.Parse(File.ReadAllText(output));
        var run = log.RootElement.GetProperty("runs")[0];
        var problems = (run.TryGetProperty("results", out var results) ? results.EnumerateArray() : default)
            .Where(r => !r.TryGetProperty("level", out var level) || level.GetString() is "error" or "warning")
            .Select(r => r.GetProperty("ruleId").GetString() + ": " + r.GetProperty("message"))
            .ToList();
        var notifications = run.GetProperty("invocations")[0];
        foreach (var kind in new[] { "toolExecutionNotifications", "toolConfigurationNotifications" })
            if (notifications.TryGetProperty(kind, out var list))
                problems.AddRange(list.EnumerateArray()
                    .Where(n => !n.TryGetProperty("level", out var level) || level.GetString() is "error" or "warning")
                    .Select(n => $"{kind}: {n.GetProperty("message")}"));

        Assert.True(problems.Count == 0, $"{sarif}:\n{string.Join("\n", problems)}\n{stdout.Result}");
    }
}
