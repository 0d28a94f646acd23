using InfraLint.Cli.Files;
using InfraLint.Cli.Inputs;
using InfraLint.Cli.Output;
using InfraLint.Core.Locations;
using InfraLint.Core.Scanning;

namespace InfraLint.Cli;

/// <summary>Configuration + paths on the command line → files → one scan → a report every output format can render.</summary>
internal static class ScanPipeline
{
    public static ScanReport Run(CliEnvironment env, IReadOnlyList<string> paths, IReadOnlyList<string> excludes, string? configPath = null, IReadOnlySet<string>? baseline = null)
    {
        var config = ConfigFile.Find(env, configPath, LintHost.Catalog);
        var scanner = LintHost.CreateScanner(config?.Loaded);
        var inputs = new InputCollector(env, scanner.Accepts, excludes, config).Collect(paths);
        var result = scanner.Scan(inputs.Files, input => ReadSource(input, inputs.Unreadable));
        return new ScanReport(result, LintHost.Catalog, inputs.Root, inputs.FullPathByDisplay, inputs.Notices, env) { Baseline = baseline };
    }

    /// <summary>How the CLI hands a file to the scanner: a bounded read of a regular file, as UTF-8.</summary>
    public static SourceText ReadSource(ScanInput input, IReadOnlyDictionary<string, string> unreadable) =>
        unreadable.TryGetValue(input.DisplayPath, out var why)
            ? throw new SourceUnreadableException(why)
            : new(input.DisplayPath, RegularFile.ReadText(input.FullPath).Text);
}
