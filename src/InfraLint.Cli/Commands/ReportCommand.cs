using System.CommandLine;
using System.Globalization;
using InfraLint.Cli.Diagnostics;
using InfraLint.Cli.Files;
using InfraLint.Cli.Compliance;
using InfraLint.Cli.Output;

namespace InfraLint.Cli.Commands;

/// <summary>
/// <c>infralint report PATH... [--from-sarif FILE...] [--framework KEY|all] --format html|md|csv|json [--output FILE]</c>:
/// for compliance auditors, which controls hold and fail in each repository, what was waived, and what GPU waste costs.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(CliEnvironment env)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Repositories to scan: each path belongs to its git repository (named by the root's folder), or is one of its own outside git.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var fromSarif = new Option<string[]>("--from-sarif")
        {
            Description = "InfraLint SARIF files of earlier runs to report on as well (repeatable): evidence of past scans.",
            DefaultValueFactory = _ => Array.Empty<string>(),
            AllowMultipleArgumentsPerToken = true,
        };
        var framework = new Option<string>("--framework")
        {
            Description = "Which framework's controls to report: eu-ai-act, nist-ai-rmf, iso-42001, nist-800-53, cis-k8s, or all.",
            DefaultValueFactory = _ => "all",
        };
        framework.AcceptOnlyFromAmong(Frameworks.Keys.ToArray());
        var format = new Option<string>("--format", "-f")
        {
            Description = "Report format: html (one self-contained file), md (a GitHub job summary or pull-request comment), csv (a row per finding), json (docs/schemas/report.json).",
            Required = true,
        };
        format.AcceptOnlyFromAmong("html", "md", "csv", "json");
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Write the report to this file (atomically) instead of standard output.",
        };
        var exclude = new Option<string[]>("--exclude", "-x")
        {
            Description = "Glob of files to skip, relative to each scanned directory (repeatable).",
            DefaultValueFactory = _ => Array.Empty<string>(),
        };
        var ruleSet = LintHost.RuleSetOption();
        var store = HistoryOptions.Store("Add the findings history from this store (first seen, last seen, fixed, reopened, open per week, mean time to fix; complete scans only). Without a PATH or --from-sarif, the findings of the scan --scan-id (else the latest complete scan) are the evidence.");
        var scanId = new Option<string?>("--scan-id")
        {
            Description = "With --store: the scan to report (every repository it covered) and to wait for.",
        };
        var waitForShards = new Option<int?>("--wait-for-shards")
        {
            Description = "With --store and --scan-id: first wait until all N shards of the scan have written (a Job's or matrix's report step).",
        };
        var timeout = new Option<string>("--timeout")
        {
            Description = "How long --wait-for-shards waits (30s, 10m, 2h) before it gives up with exit code 2.",
            DefaultValueFactory = _ => "1h",
        };

        var command = new Command("report", "Compliance report across repositories: controls that hold and fail, waivers, GPU waste.");
        command.Arguments.Add(paths);
        command.Options.Add(fromSarif);
        command.Options.Add(framework);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(exclude);
        command.Options.Add(ruleSet);
        command.Options.Add(store);
        command.Options.Add(scanId);
        command.Options.Add(waitForShards);
        command.Options.Add(timeout);
        command.SetAction(parseResult =>
        {
            var scanned = parseResult.GetValue(paths) ?? Array.Empty<string>();
            var sarif = parseResult.GetValue(fromSarif) ?? Array.Empty<string>();
            var storeSpec = parseResult.GetValue(store);
            var id = parseResult.GetValue(scanId);
            var shards = parseResult.GetValue(waitForShards);
            if (scanned.Length == 0 && sarif.Length == 0 && storeSpec is null) throw new UsageException("report needs a PATH to scan, a --from-sarif FILE or a --store");
            if (storeSpec is null && (id is not null || shards is not null)) throw new UsageException("--scan-id and --wait-for-shards read a store: give --store too");
            if (shards is not null && id is null) throw new UsageException("--wait-for-shards needs the --scan-id of the scan to wait for");
            if (shards is < 1) throw new UsageException("--wait-for-shards takes the scan's shard count N, at least 1");

            using var history = storeSpec is null ? null : HistoryOptions.Open(env, storeSpec);
            if (shards is int n) WaitForShards(env, history!, id!, n, ParseTimeout(parseResult.GetValue(timeout)!));

            var repositories = new List<RepositoryEvidence>();
            using (Timings.Measure("scan (every repository)"))
                repositories.AddRange(ScanEvidence.Collect(env, scanned, parseResult.GetValue(exclude) ?? Array.Empty<string>(), LintHost.ParseRuleSet(parseResult.GetValue(ruleSet))));
            repositories.AddRange(SarifEvidence.Load(env, sarif));
            var complete = history?.CompleteScans() ?? Array.Empty<History.StoredScan>();
            if (id is not null && !complete.Any(s => s.ScanId == id))
                throw new UsageException($"scan {id} is not complete in {StoreShown(env, storeSpec!)}: {Progress(history!, id)} (--wait-for-shards N waits for it)");
            var fromStore = StoreEvidence.Load(complete, id);
            if (scanned.Length == 0 && sarif.Length == 0) repositories.AddRange(fromStore.Repositories);
            repositories = Distinct(repositories);

            var rules = LintHost.Catalog.All;
            var report = ComplianceBuilder.Build(repositories, Frameworks.Select(parseResult.GetValue(framework)!, rules), rules, GeneratedAt(env));
            if (history is not null)
            {
                // With a scan named, the history of the repositories it covered; else of every repository in the store.
                var covered = id is null ? null : complete.Where(s => s.ScanId == id).Select(s => s.Repository).ToHashSet(StringComparer.Ordinal);
                var summary = History.FindingHistory.Compute(complete.Where(s => covered is null || covered.Contains(s.Repository)).ToArray());
                report = report with { History = new ReportHistory(StoreShown(env, storeSpec!), id is null && scanned.Length == 0 && sarif.Length == 0 ? fromStore.ScanId : id, summary) };
            }

            Action<TextWriter> render = parseResult.GetValue(format) switch
            {
                "html" => w => ReportHtml.Write(report, w),
                "md" => w => ReportMarkdown.Write(report, w),
                "csv" => w => ReportCsv.Write(report, w),
                _ => w => ReportJson.Write(report, w),
            };
            var outputPath = parseResult.GetValue(output);
            using var writing = Timings.Measure("output");
            if (string.IsNullOrEmpty(outputPath)) render(env.Out);
            else
            {
                AtomicFile.Write(env.FullPath(outputPath), render, shownAs: outputPath);
                env.Out.WriteLine($"Report written to {outputPath}");
            }
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>How often the store is asked whether every shard has written.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Polls until all <paramref name="shards"/> shards of the scan have written. A scan recorded with another shard
    /// count is an error at once; one still incomplete when <paramref name="timeout"/> runs out is exit code 2, saying how far it got.
    /// </summary>
    private static void WaitForShards(CliEnvironment env, History.IHistoryStore store, string scanId, int shards, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var progress = store.Progress(scanId);
            if (progress is not null && progress.ShardCount != shards)
                throw new UsageException($"scan {scanId} was recorded with {progress.ShardCount} shard(s), not the {shards} --wait-for-shards names");
            if (progress is { Complete: true }) return;
            if (clock.Elapsed >= timeout)
                throw new UsageException($"timed out after {timeout} waiting for scan {scanId}: {(progress is null ? "no shard has written" : $"{progress.ShardsWritten} of {shards} shards written")}; a shard that failed must be re-run (its write replaces itself)");
            env.Error.WriteLine($"infralint: waiting for scan {TerminalText.Escape(scanId)}: {(progress is null ? "no shard written yet" : $"{progress.ShardsWritten} of {shards} shards written")}");
            Thread.Sleep(PollInterval < timeout - clock.Elapsed ? PollInterval : (timeout - clock.Elapsed) + TimeSpan.FromMilliseconds(10));
        }
    }

    private static string Progress(History.IHistoryStore store, string scanId) => store.Progress(scanId) is { } p
        ? $"{p.ShardsWritten} of {p.ShardCount} shards written"
        : "no shard has written";

    private static string StoreShown(CliEnvironment env, string spec) => History.StoreLocation.Parse(spec, env).Shown;

    /// <summary><c>--timeout</c>: a whole number of seconds, minutes or hours (<c>90s</c>, <c>10m</c>, <c>2h</c>).</summary>
    internal static TimeSpan ParseTimeout(string text)
    {
        var unit = text.Length > 1 ? text[^1] : ' ';
        if (int.TryParse(text.AsSpan(0, Math.Max(0, text.Length - 1)), NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n <= 1_000_000)
        {
            switch (unit)
            {
                case 's': return TimeSpan.FromSeconds(n);
                case 'm': return TimeSpan.FromMinutes(n);
                case 'h': return TimeSpan.FromHours(n);
            }
        }
        throw new UsageException($"--timeout takes a number of seconds, minutes or hours (90s, 10m, 2h), not '{text}'");
    }

    /// <summary>A SARIF run of a repository also scanned keeps its own column, told apart by " (SARIF)".</summary>
    private static List<RepositoryEvidence> Distinct(List<RepositoryEvidence> repositories)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<RepositoryEvidence>();
        foreach (var repository in repositories)
        {
            var named = repository;
            for (int n = 2; !seen.Add(named.Name); n++)
                named = repository with { Name = $"{repository.Name} ({(repository.Source == "sarif" ? "SARIF" : "scan")}{(n > 2 ? $" {n - 1}" : string.Empty)})" };
            result.Add(named == repository ? repository : Renamed(named));
        }
        return result;
    }

    private static RepositoryEvidence Renamed(RepositoryEvidence r) => r with
    {
        Findings = r.Findings.Select(f => f with { Repository = r.Name }).ToArray(),
        Evaluations = r.Evaluations?.Select(e => e with { Repository = r.Name }).ToArray(),
    };

    /// <summary>UTC now, or SOURCE_DATE_EPOCH when set, so a report can be reproduced byte for byte.</summary>
    private static string GeneratedAt(CliEnvironment env)
    {
        var epoch = env.GetVariable("SOURCE_DATE_EPOCH");
        var at = long.TryParse(epoch, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : DateTimeOffset.UtcNow;
        return at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }
}
