using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using InfraLint.Cli.Output;

namespace InfraLint.Cli.Commands;

/// <summary>
/// <c>infralint store prune --store S --keep 180d [--below-floor]</c>: deletes scans older than the retention period.
/// The floor is six months (180 days): the EU AI Act keeps automatically generated logs of high-risk AI systems at
/// least six months (Regulation (EU) 2024/1689, Article 19(1) for providers, Article 26(6) for deployers; checked
/// 2026-11-30). A shorter period needs <c>--below-floor</c>, so nobody drops audit evidence by a typo.
/// </summary>
internal static partial class StoreCommand
{
    public const int FloorDays = 180;

    public static Command Create(CliEnvironment env)
    {
        var store = HistoryOptions.Store("The history store: sqlite (.infralint/history.db), sqlite:PATH or postgresql://….", required: true);
        var keep = new Option<string>("--keep")
        {
            Description = $"How long to keep scans, in days (180d) or weeks (26w); at least {FloorDays}d, the EU AI Act's six months of record keeping, unless --below-floor.",
            Required = true,
        };
        var belowFloor = new Option<bool>("--below-floor")
        {
            Description = $"Allow --keep under {FloorDays} days (records an AI Act audit may ask for are deleted).",
        };
        var prune = new Command("prune", "Delete scans, and their findings, older than --keep.");
        prune.Options.Add(store);
        prune.Options.Add(keep);
        prune.Options.Add(belowFloor);
        prune.SetAction(parseResult =>
        {
            var period = ParsePeriod(parseResult.GetValue(keep)!);
            if (period < TimeSpan.FromDays(FloorDays) && !parseResult.GetValue(belowFloor))
                throw new UsageException($"--keep {parseResult.GetValue(keep)} is under {FloorDays} days, the EU AI Act's six-month floor for records (Article 19(1), 26(6)); add --below-floor to prune anyway");
            using var opened = HistoryOptions.Open(env, parseResult.GetValue(store)!);
            var cutoff = DateTimeOffset.UtcNow - period;
            int pruned = opened.Prune(cutoff);
            var counts = opened.Counts();
            env.Out.WriteLine($"pruned {pruned} scan(s) started before {cutoff.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}; {counts.Scans} scan(s) ({counts.CompleteScans} complete) and {counts.Findings} finding row(s) left");
            return ExitCodes.Success;
        });

        var command = new Command("store", "Maintain a history store.");
        command.Subcommands.Add(prune);
        return command;
    }

    /// <exception cref="UsageException">Not a whole number of days or weeks.</exception>
    internal static TimeSpan ParsePeriod(string text)
    {
        var match = Period().Match(text);
        if (!match.Success || !int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n > 100_000)
            throw new UsageException($"--keep takes days or weeks (180d, 26w), not '{TerminalText.Escape(text)}'");
        return TimeSpan.FromDays(match.Groups[2].Value == "w" ? n * 7 : n);
    }

    [GeneratedRegex(@"^(\d{1,6})([dw])$")]
    private static partial Regex Period();
}
