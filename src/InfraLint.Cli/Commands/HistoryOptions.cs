using System.CommandLine;
using InfraLint.Cli.History;
using InfraLint.Cli.Output;
using InfraLint.Core.Scanning;

namespace InfraLint.Cli.Commands;

/// <summary>
/// The <c>--store</c> option of <c>scan</c>, <c>history</c> and <c>store</c>. A store that cannot be opened or written
/// is a usage error (exit 2), like an unwritable <c>--output</c>: the scan's report is still printed first.
/// </summary>
internal static class HistoryOptions
{
    public static Option<string?> Store(string description, bool required = false) => new("--store")
    {
        Description = description,
        Required = required,
    };

    /// <summary>Where and under which id <c>scan</c> records, or null without <c>--store</c>.</summary>
    public static (StoreLocation Location, string ScanId)? Recording(CliEnvironment env, string? store, string? scanId, ScanShard? shard)
    {
        if (store is null)
        {
            if (scanId is not null) throw new UsageException("--scan-id names a scan in a store: give --store too");
            return null;
        }
        // Each shard would record a scan of its own, none ever complete.
        if (shard is { Count: > 1 } && scanId is null)
            throw new UsageException($"--shard {shard} with --store needs --scan-id, the same for every shard of the scan");
        if (scanId is not null && (scanId.Length == 0 || scanId.Length > 200 || scanId.Any(char.IsControl)))
            throw new UsageException("--scan-id takes 1 to 200 printable characters");
        return (StoreLocation.Parse(store, env), scanId ?? Guid.NewGuid().ToString("D"));
    }

    public static void Record(CliEnvironment env, ScanReport report, (StoreLocation Location, string ScanId) recording, ScanShard? shard, string? configPath, string? ruleSet, DateTimeOffset startedAt) =>
        Recorded(env, recording.Location, shard, $"{report.Findings.Count} findings",
            () => ScanRecording.Record(env, report, recording.Location, recording.ScanId, shard, configPath, ruleSet, startedAt).ScanId);

    /// <summary><c>scan --shard-by repository --store</c>: each repository of the shard under its own name.</summary>
    public static void Record(CliEnvironment env, RepositoryScanResult scanned, (StoreLocation Location, string ScanId) recording, ScanShard? shard, string? configPath, string? ruleSet, DateTimeOffset startedAt) =>
        Recorded(env, recording.Location, shard, $"{scanned.Repositories.Count} repositories, {scanned.Combined.Findings.Count} findings",
            () => ScanRecording.Record(env, scanned, recording.Location, recording.ScanId, shard, configPath, ruleSet, startedAt).ScanId);

    /// <summary>Records, says so on stderr, and turns a store's failure into a usage error (exit 2) naming the store.</summary>
    private static void Recorded(CliEnvironment env, StoreLocation location, ScanShard? shard, string what, Func<string> record)
    {
        try
        {
            var scanId = record();
            env.Error.WriteLine($"infralint: recorded scan {TerminalText.Escape(scanId)}{(shard is null ? "" : $" shard {shard}")} ({what}) in {TerminalText.Escape(location.Shown)}");
        }
        catch (HistoryStoreException e)
        {
            throw new UsageException(e.Message);
        }
    }

    /// <summary>Opens the store a command reads, with its errors as usage errors.</summary>
    public static IHistoryStore Open(CliEnvironment env, string store)
    {
        try
        {
            return StoreLocation.Parse(store, env).Open();
        }
        catch (HistoryStoreException e)
        {
            throw new UsageException(e.Message);
        }
    }
}
