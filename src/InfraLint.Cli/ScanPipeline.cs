using InfraLint.Cli.Inputs;
using InfraLint.Cli.Output;

namespace InfraLint.Cli;

/// <summary>Paths on the command line → files → one scan → a report every output format can render.</summary>
internal static class ScanPipeline
{
    public static ScanReport Run(CliEnvironment env, IReadOnlyList<string> paths, IReadOnlyList<string> excludes)
    {
        var scanner = LintHost.CreateScanner();
        var inputs = new InputCollector(env, scanner.Accepts, excludes).Collect(paths);
        var result = scanner.Scan(inputs.Files);
        return new ScanReport(result, LintHost.Catalog, inputs.Root, inputs.FullPathByDisplay, inputs.Notices, env);
    }
}
