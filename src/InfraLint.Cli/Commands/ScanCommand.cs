using System.CommandLine;
using InfraLint.Cli.Diagnostics;
using InfraLint.Cli.Files;
using InfraLint.Cli.History;
using InfraLint.Cli.Inputs;
using InfraLint.Cli.Output;
using InfraLint.Core.Findings;

namespace InfraLint.Cli.Commands;

/// <summary><c>infralint scan PATH... [--format console|json|sarif] [--output FILE] [--fail-on LEVEL] [--exclude GLOB]... [--config FILE] [--category NAME] [--context DIR] [--quiet]</c></summary>
internal static class ScanCommand
{
    public static Command Create(CliEnvironment env)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files and directories to scan; directories are searched recursively for files a front end reads (*.yaml, *.yml; CloudFormation *.json, *.template; KubernetesClient models in *.cs, read syntactically); a .csproj, .sln or .slnx is read semantically through MSBuild (restore it first).",
            // One or more, checked in the action: with --shard-by repository none is a shard whose share is empty.
            Arity = ArgumentArity.ZeroOrMore,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format.",
            DefaultValueFactory = _ => "console",
        };
        format.AcceptOnlyFromAmong("console", "json", "sarif");
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Write the report to this file (atomically) instead of standard output.",
        };
        var failOn = new Option<string>("--fail-on")
        {
            Description = "Exit with 1 when an unsuppressed finding has this severity or a higher one; 'none' never fails.",
            DefaultValueFactory = _ => "error",
        };
        failOn.AcceptOnlyFromAmong("error", "warning", "note", "none");
        var exclude = new Option<string[]>("--exclude", "-x")
        {
            Description = "Glob of files to skip, relative to the scanned directory (repeatable). A glob without '/' matches at any depth.",
            DefaultValueFactory = _ => Array.Empty<string>(),
        };
        var config = new Option<string?>("--config", "-c")
        {
            Description = "Configuration file. Default: .infralint.yaml in the current directory, else at the root of its git repository.",
        };
        var baseline = new Option<string?>("--baseline")
        {
            Description = "A previous InfraLint SARIF or JSON report: findings already in it are marked and do not count or fail the scan.",
        };
        var showSuppressed = new Option<bool>("--show-suppressed")
        {
            Description = "Console format: also list suppressed findings and findings already in the baseline.",
        };

        var context = new Option<string?>("--context")
        {
            Description = "Evaluate everything under this directory (with its configuration), but report only the findings in the PATHs given, which must be files; the exit code comes from those. For pre-commit: the staged files, judged with the repository around them.",
        };
        var category = new Option<string?>("--category")
        {
            Description = "SARIF: the analysis category (runs[].automationDetails.id), so uploads of separate scans of one commit do not replace each other on GitHub.",
        };
        category.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value && SarifOutput.CategoryProblem(value) is { } problem) result.AddError(problem);
        });

        var ruleSet = LintHost.RuleSetOption();
        var quiet = LintHost.QuietOption();
        var shard = new Option<string?>("--shard")
        {
            Description = "Evaluate and report shard K of N (K/N, K from 0 to N-1, as JOB_COMPLETION_INDEX or a CI matrix index): every file is read, the evaluation scopes are split between the shards, and the N shards' findings together are the whole scan's.",
        };

        var shardBy = new Option<string>("--shard-by")
        {
            Description = "What --shard splits: 'scope' (every file read, the evaluation scopes split) or 'repository' (the PATHs grouped by git repository, each scanned on its own; shard K scans the repositories whose folder name hashes to K, as 'infralint shard' picks them, and reads no other).",
            DefaultValueFactory = _ => "scope",
        };
        shardBy.AcceptOnlyFromAmong("scope", "repository");

        var store = HistoryOptions.Store("Record this scan and its findings in a history store: sqlite (.infralint/history.db), sqlite:PATH or postgresql://… (docs/history.md).");
        var scanId = new Option<string?>("--scan-id")
        {
            Description = "The scan's id in the store (default: a new GUID). Every shard of one scan must be given the same id.",
        };

        var command = new Command("scan", "Scan infrastructure files and report findings.");
        command.Arguments.Add(paths);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(failOn);
        command.Options.Add(exclude);
        command.Options.Add(config);
        command.Options.Add(baseline);
        command.Options.Add(showSuppressed);
        command.Options.Add(context);
        command.Options.Add(category);
        command.Options.Add(ruleSet);
        command.Options.Add(quiet);
        command.Options.Add(shard);
        command.Options.Add(shardBy);
        command.Options.Add(store);
        command.Options.Add(scanId);
        command.SetAction(parseResult =>
        {
            bool isQuiet = parseResult.GetValue(quiet);
            var baselinePath = parseResult.GetValue(baseline);
            var known = string.IsNullOrEmpty(baselinePath) ? null : BaselineFile.Load(env, baselinePath);
            var contextDir = parseResult.GetValue(context);
            var part = ParseShard(parseResult.GetValue(shard));
            var recording = HistoryOptions.Recording(env, parseResult.GetValue(store), parseResult.GetValue(scanId), part);
            var startedAt = DateTimeOffset.UtcNow;
            var chosenFormat = parseResult.GetValue(format)!;
            // Only SARIF shows what each rule evaluated (a control that holds); the other formats print findings alone.
            bool evaluations = chosenFormat == "sarif";
            // What the first finding of a JSON or SARIF report waits for (hashing, URI escaping, the JSON writer) is
            // loaded while the rules run.
            Action? prepareOutput = chosenFormat switch
            {
                "json" => JsonOutput.Prepare,
                "sarif" => ScanReport.Prepare,
                _ => null,
            };
            ScanReport report;
            RepositoryScanResult? byRepository = null;
            bool byRepositories = parseResult.GetValue(shardBy) == "repository";
            // A pod whose share of the organisation is empty still records its shard, or the scan would never complete.
            if (!byRepositories && (parseResult.GetValue(paths) ?? Array.Empty<string>()).Length == 0)
                throw new UsageException("scan needs at least one PATH (only --shard-by repository takes none: a shard whose share is empty)");
            if (byRepositories)
            {
                if (!string.IsNullOrEmpty(contextDir)) throw new UsageException("--shard-by repository scans whole repositories: it does not take --context");
                using (Timings.Measure("scan (every repository of the shard)"))
                    byRepository = RepositoryScan.Run(env, parseResult.GetValue(paths)!, parseResult.GetValue(exclude) ?? Array.Empty<string>(), parseResult.GetValue(config), known, LintHost.ParseRuleSet(parseResult.GetValue(ruleSet)), part, evaluations);
                report = byRepository.Combined;
            }
            else using (Timings.Measure("scan (with the engine build)"))
                report = TerminalProgress.Run(env, isQuiet, progress => string.IsNullOrEmpty(contextDir)
                    ? ScanPipeline.Run(env, parseResult.GetValue(paths)!, parseResult.GetValue(exclude) ?? Array.Empty<string>(), parseResult.GetValue(config), known, LintHost.ParseRuleSet(parseResult.GetValue(ruleSet)), progress, shard: part, evaluations: evaluations, prepareOutput: prepareOutput)
                    : ScanPipeline.RunInContext(env, contextDir, parseResult.GetValue(paths)!, parseResult.GetValue(exclude) ?? Array.Empty<string>(), parseResult.GetValue(config), known, LintHost.ParseRuleSet(parseResult.GetValue(ruleSet)), progress, part, evaluations, prepareOutput));
            if (!isQuiet)
                foreach (var notice in report.Notices) env.Error.WriteLine($"infralint: {TerminalText.Escape(notice)}");

            var outputPath = parseResult.GetValue(output);
            Action<TextWriter, bool> render = chosenFormat switch
            {
                "json" => (w, _) => JsonOutput.Write(report, w),
                "sarif" => (w, _) => SarifOutput.Write(report, w, parseResult.GetValue(category), note => env.Error.WriteLine($"infralint: {note}")),
                _ => (w, color) => ConsoleOutput.Write(report, w, color, parseResult.GetValue(showSuppressed), summary: !isQuiet),
            };
            using var writing = Timings.Measure("output");
            if (string.IsNullOrEmpty(outputPath))
            {
                render(env.Out, env.UseColor);
                if (chosenFormat != "console" && !isQuiet) env.Error.WriteLine(ConsoleOutput.Summary(report));
            }
            else
            {
                var fullOutput = env.FullPath(outputPath);
                if (chosenFormat == "json") AtomicFile.WriteBytes(fullOutput, file => JsonOutput.Write(report, file), shownAs: outputPath);
                else AtomicFile.Write(fullOutput, w => render(w, false), shownAs: outputPath);
                if (!isQuiet)
                {
                    env.Out.WriteLine(ConsoleOutput.Summary(report));
                    env.Out.WriteLine($"Report written to {outputPath}");
                }
            }

            if (recording is not null && byRepository is not null)
                HistoryOptions.Record(env, byRepository, recording.Value, part, parseResult.GetValue(config), parseResult.GetValue(ruleSet), startedAt);
            else if (recording is not null)
                HistoryOptions.Record(env, report, recording.Value, part, parseResult.GetValue(config), parseResult.GetValue(ruleSet), startedAt);

            return report.Fails(ParseSeverity(parseResult.GetValue(failOn)!)) ? ExitCodes.Findings : ExitCodes.Success;
        });
        return command;
    }

    private static Core.Scanning.ScanShard? ParseShard(string? text) =>
        text is null ? null : Core.Scanning.ScanShard.Parse(text, out var error) ?? throw new UsageException(error!);

    private static Severity ParseSeverity(string level) => level switch
    {
        "error" => Severity.Error,
        "warning" => Severity.Warning,
        "note" => Severity.Note,
        _ => Severity.None,
    };
}
