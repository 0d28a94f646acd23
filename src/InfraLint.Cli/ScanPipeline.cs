using InfraLint.Cli.CSharpProjects;
using InfraLint.Cli.Files;
using InfraLint.Cli.Inputs;
using InfraLint.Cli.Output;
using InfraLint.Core.Facts;
using InfraLint.Core.Locations;
using InfraLint.Core.Scanning;

namespace InfraLint.Cli;

/// <summary>Configuration + paths on the command line → files → one scan → a report every output format can render.</summary>
internal static class ScanPipeline
{
    /// <param name="progress">Told of each file read and each rule session (a terminal's progress display).</param>
    /// <param name="reportedFiles">With <c>--context</c>: the only files whose findings are reported.</param>
    /// <param name="shard">The part of the scan to evaluate and report (<c>--shard K/N</c>); all of it when null.</param>
    /// <param name="repositoryRoot">The root files and fingerprints are relative to (<c>--shard-by repository</c> knows it); else the files' git work tree's.</param>
    /// <param name="evaluations">Whether the report lists what each rule evaluated (SARIF and compliance evidence read it; nothing else does).</param>
    /// <param name="prepareOutput">Loads what the report's format will need, while the rules run (<see cref="LintHost.CreateScanner"/>).</param>
    public static ScanReport Run(CliEnvironment env, IReadOnlyList<string> paths, IReadOnlyList<string> excludes, string? configPath = null, Baseline? baseline = null, RuleSelection? ruleSet = null, IScanProgress? progress = null, IReadOnlySet<string>? reportedFiles = null, ScanShard? shard = null, string? repositoryRoot = null, bool evaluations = true, Action? prepareOutput = null)
    {
        var config = ConfigFile.Find(env, configPath, LintHost.Catalog);
        var scanner = LintHost.CreateScanner(config?.Loaded, ruleSet: ruleSet, env: env, progress: progress, shard: shard, evaluations: evaluations, prepareOutput: prepareOutput);
        InputSet inputs;
        using (Diagnostics.Timings.Measure("  inputs"))
            inputs = new InputCollector(env, scanner.Accepts, excludes, config, projects: project => ProjectLoader.Load(project, env.DisplayPath)).Collect(paths);
        if (inputs.Compilations.Count > 0) scanner = LintHost.CreateScanner(config?.Loaded, inputs.Compilations, ruleSet, env: env, progress: progress, shard: shard, evaluations: evaluations);
        var result = scanner.Scan(inputs.Files, input => ReadSource(input, inputs.Unreadable));
        foreach (var phase in result.Phases) Diagnostics.Timings.Add("  " + phase.Name, phase.Elapsed);
        // %SRCROOT% is the repository root, wherever in it the scan ran; outside a work tree, the folder chosen as before.
        var repository = GitWorkTree.Root(inputs.Root);
        return new ScanReport(result, LintHost.Catalog, repositoryRoot ?? repository ?? inputs.Root, inputs.FullPathByDisplay, inputs.Notices, env, legacyRoot: inputs.Root)
        {
            Baseline = baseline,
            ReportedFiles = reportedFiles,
            EnabledRules = EnabledRules(config, ruleSet),
            // Asked of git only when a format writes it.
            Provenance = repository is null ? null : new Lazy<GitProvenance?>(() => GitWorkTree.Provenance(repository)),
        };
    }

    private static IReadOnlySet<string> EnabledRules(ConfigFile? config, RuleSelection? ruleSet)
    {
        var settings = LintHost.EffectiveSettings(config?.Loaded.Settings, ruleSet);
        return LintHost.Catalog.All.Where(settings.IsEnabled).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// <c>scan --context DIR FILE...</c>: everything under <paramref name="contextDir"/> is evaluated, so a rule that
    /// looks across files (an autoscaler for a Deployment, a policy for a bucket) sees the unchanged files too, and only
    /// the findings located in <paramref name="files"/> are reported. A file outside the context, or one the context's
    /// excludes leave out, is not evaluated and so has nothing to report.
    /// </summary>
    public static ScanReport RunInContext(CliEnvironment env, string contextDir, IReadOnlyList<string> files, IReadOnlyList<string> excludes, string? configPath = null, Baseline? baseline = null, RuleSelection? ruleSet = null, IScanProgress? progress = null, ScanShard? shard = null, bool evaluations = true, Action? prepareOutput = null)
    {
        var fullContext = env.FullPath(contextDir);
        if (!Directory.Exists(fullContext)) throw new UsageException($"--context must be a directory: {contextDir}");
        foreach (var file in files)
            if (Directory.Exists(env.FullPath(file))) throw new UsageException($"with --context, each path is a file to report on, not a directory: {file}");
        var reported = new HashSet<string>(files.Select(env.FullPath), OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        return Run(env, new[] { contextDir }, excludes, configPath, baseline, ruleSet, progress, reported, shard, evaluations: evaluations, prepareOutput: prepareOutput);
    }

    /// <summary>How the CLI hands a file to the scanner: a bounded read of a regular file, as UTF-8.</summary>
    public static SourceText ReadSource(ScanInput input, IReadOnlyDictionary<string, string> unreadable)
    {
        if (unreadable.TryGetValue(input.DisplayPath, out var why)) throw new SourceUnreadableException(why);
        try
        {
            return new(input.DisplayPath, RegularFile.ReadText(input.FullPath).Text);
        }
        catch (SourceUnreadableException e) when (IsSomeoneElsesJson(input, e))
        {
            return new(input.DisplayPath, string.Empty);
        }
    }

    /// <summary>
    /// Most <c>*.json</c> files in a repository are not CloudFormation (a package-lock.json can pass 8 MiB). CloudFormation
    /// takes templates of at most 1 MB, as UTF-8, so a huge or non-UTF-8 <c>.json</c> is none of ours: it is skipped, not
    /// reported. A <c>.template</c>, or a FIFO or device named <c>.json</c>, is still reported.
    /// </summary>
    private static bool IsSomeoneElsesJson(ScanInput input, SourceUnreadableException e) =>
        input.FullPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
        && e.Reason is UnreadableReason.TooLarge or UnreadableReason.NotUtf8;
}
