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
    public static ScanReport Run(CliEnvironment env, IReadOnlyList<string> paths, IReadOnlyList<string> excludes, string? configPath = null, IReadOnlySet<string>? baseline = null, RuleSelection? ruleSet = null, ScanShard? shard = null)
    {
        var config = ConfigFile.Find(env, configPath, LintHost.Catalog);
        var scanner = LintHost.CreateScanner(config?.Loaded, ruleSet: ruleSet, env: env, shard: shard);
        var inputs = new InputCollector(env, scanner.Accepts, excludes, config, projects: project => ProjectLoader.Load(project, env.DisplayPath)).Collect(paths);
        if (inputs.Compilations.Count > 0) scanner = LintHost.CreateScanner(config?.Loaded, inputs.Compilations, ruleSet, env: env, shard: shard);
        var result = scanner.Scan(inputs.Files, input => ReadSource(input, inputs.Unreadable));
        foreach (var phase in result.Phases) Diagnostics.Timings.Add("  " + phase.Name, phase.Elapsed);
        return new ScanReport(result, LintHost.Catalog, inputs.Root, inputs.FullPathByDisplay, inputs.Notices, env) { Baseline = baseline };
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
