using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using InfraLint.Cli.History;
using InfraLint.Cli.Output;

namespace InfraLint.Cli.Commands;

/// <summary>
/// <c>infralint history --store S [--repository R] [--format console|json]</c>: first seen, last seen, fixed and
/// reopened findings, open findings per week and mean time to fix, from complete scans only.
/// </summary>
internal static class HistoryCommand
{
    public static Command Create(CliEnvironment env)
    {
        var store = HistoryOptions.Store("The history store to read: sqlite (.infralint/history.db), sqlite:PATH or postgresql://….", required: true);
        var repository = new Option<string?>("--repository")
        {
            Description = "Only this repository's scans (as recorded: INFRALINT_REPOSITORY, GITHUB_REPOSITORY or the git remote).",
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format.",
            DefaultValueFactory = _ => "console",
        };
        format.AcceptOnlyFromAmong("console", "json");

        var command = new Command("history", "What the recorded scans say over time: when each finding was first and last seen, fixed or reopened; open findings per week; mean time to fix. Complete scans only.");
        command.Options.Add(store);
        command.Options.Add(repository);
        command.Options.Add(format);
        command.SetAction(parseResult =>
        {
            HistorySummary summary;
            using (var opened = HistoryOptions.Open(env, parseResult.GetValue(store)!))
                summary = FindingHistory.Load(opened, parseResult.GetValue(repository));
            if (parseResult.GetValue(format) == "json") WriteJson(summary, env.Out);
            else WriteConsole(summary, env.Out);
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void WriteJson(HistorySummary summary, TextWriter writer)
    {
        var json = new
        {
            schemaVersion = 1,
            completeScans = summary.CompleteScans,
            open = summary.Open,
            @fixed = summary.Fixed,
            reopened = summary.ReopenedFindings,
            meanTimeToFixHours = summary.MeanTimeToFix is { } mean ? Math.Round(mean.TotalHours, 2) : (double?)null,
            openPerWeek = summary.OpenPerWeek.Select(w => new { week = w.Week.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), open = w.Open }),
            findings = summary.Findings.Select(f => new
            {
                repository = f.Repository,
                ruleId = f.RuleId,
                severity = f.Severity,
                file = f.File,
                logicalPath = f.LogicalPath,
                fingerprint = f.Fingerprint,
                fingerprintVersion = f.FingerprintVersion,
                state = f.Open ? "open" : "fixed",
                firstSeen = Time(f.FirstSeen),
                lastSeen = Time(f.LastSeen),
                fixedAt = f.FixedAt is { } at ? Time(at) : null,
                reopened = f.Reopened,
            }),
        };
        writer.WriteLine(JsonSerializer.Serialize(json, JsonOutput.Options));
    }

    private static void WriteConsole(HistorySummary summary, TextWriter writer)
    {
        foreach (var f in summary.Findings)
        {
            var state = f.Open ? (f.Reopened > 0 ? $"open (reopened {f.Reopened}x)" : "open") : $"fixed {Time(f.FixedAt!.Value)}";
            writer.WriteLine($"{TerminalText.Escape(f.Repository)} {TerminalText.Escape(f.File)} {f.RuleId} {TerminalText.Escape(f.LogicalPath)}: {state}; first seen {Time(f.FirstSeen)}, last seen {Time(f.LastSeen)}");
        }
        foreach (var week in summary.OpenPerWeek)
            writer.WriteLine($"week of {week.Week:yyyy-MM-dd}: {week.Open} open");
        var mean = summary.MeanTimeToFix is { } m ? $"{m.TotalDays:0.0} days" : "no fix yet";
        writer.WriteLine($"{summary.CompleteScans} complete scans: {summary.Open} open, {summary.Fixed} fixed, {summary.ReopenedFindings} reopened; mean time to fix {mean}");
    }
}
