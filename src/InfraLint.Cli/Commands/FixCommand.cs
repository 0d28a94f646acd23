using System.CommandLine;
using System.Text;
using InfraLint.Cli.Files;
using InfraLint.Cli.Inputs;
using InfraLint.Cli.Output;
using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using InfraLint.Core.Fixes;
using InfraLint.Core.Locations;
using InfraLint.Core.Scanning;

namespace InfraLint.Cli.Commands;

/// <summary>
/// <c>infralint fix PATH... [--dry-run] [--rule ID]... [--exclude GLOB]... [--config FILE]</c>: applies every
/// mechanical fix. Fixes are applied in rounds, rescanning in memory, until no fix is left, so a second run
/// changes nothing; a file whose fixed text no longer parses is left untouched; files are replaced atomically.
/// </summary>
internal static class FixCommand
{
    /// <summary>Enough for fixes that only become possible after another (e.g. a key inserted into a block another fix created).</summary>
    private const int MaxRounds = 5;

    public static Command Create(CliEnvironment env)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files and directories to fix (searched like 'scan').",
            Arity = ArgumentArity.OneOrMore,
        };
        var dryRun = new Option<bool>("--dry-run", "-n")
        {
            Description = "Print a unified diff of what would change and write nothing.",
        };
        var rules = new Option<string[]>("--rule", "-r")
        {
            Description = "Apply only the fixes of these rules (repeatable), whether or not they are in the rule set. Default: every rule of the set with a fix.",
            DefaultValueFactory = _ => Array.Empty<string>(),
        };
        var exclude = new Option<string[]>("--exclude", "-x")
        {
            Description = "Glob of files to skip, as for 'scan' (repeatable).",
            DefaultValueFactory = _ => Array.Empty<string>(),
        };
        var config = new Option<string?>("--config", "-c")
        {
            Description = "Configuration file, as for 'scan'.",
        };

        var command = new Command("fix", "Apply the mechanical fixes of findings to the files, keeping comments and formatting.");
        command.Arguments.Add(paths);
        command.Options.Add(dryRun);
        command.Options.Add(rules);
        command.Options.Add(exclude);
        command.Options.Add(config);
        var ruleSet = LintHost.RuleSetOption();
        command.Options.Add(ruleSet);
        var quiet = LintHost.QuietOption();
        command.Options.Add(quiet);
        command.SetAction(parseResult =>
        {
            var only = new HashSet<string>(parseResult.GetValue(rules) ?? Array.Empty<string>(), StringComparer.OrdinalIgnoreCase);
            foreach (var id in only)
                if (LintHost.Catalog.Find(id) is null) throw new UsageException($"unknown rule id '{id}' in --rule; run 'infralint rules' for the catalog");
            return Run(env, parseResult.GetValue(paths)!, parseResult.GetValue(exclude) ?? Array.Empty<string>(), parseResult.GetValue(config), only, parseResult.GetValue(dryRun), LintHost.ParseRuleSet(parseResult.GetValue(ruleSet)), parseResult.GetValue(quiet));
        });
        return command;
    }

    private static int Run(CliEnvironment env, IReadOnlyList<string> paths, IReadOnlyList<string> excludes, string? configPath, IReadOnlySet<string> only, bool dryRun, RuleSelection? ruleSet, bool quiet)
    {
        var config = ConfigFile.Find(env, configPath, LintHost.Catalog);
        var scanner = LintHost.CreateScanner(config?.Loaded, ruleSet: ruleSet, enable: only, env: env, evaluations: false);
        var inputs = new InputCollector(env, scanner.Accepts, excludes, config).Collect(paths);
        if (!quiet)
            foreach (var notice in inputs.Notices) env.Error.WriteLine($"infralint: {TerminalText.Escape(notice)}");

        foreach (var directory in inputs.Files.Select(f => Path.GetDirectoryName(f.FullPath)!).Distinct(StringComparer.Ordinal))
            AtomicFile.RemoveLeftovers(directory);
        var originals = new Dictionary<string, FileContent>(StringComparer.Ordinal);
        foreach (var input in inputs.Files)
        {
            if (inputs.Unreadable.ContainsKey(input.DisplayPath)) continue;
            try
            {
                originals[input.DisplayPath] = RegularFile.ReadText(input.FullPath);
            }
            catch (SourceUnreadableException)
            {
                // Not a regular file, too large or not UTF-8: 'scan' reports it as IL0001; there is nothing to fix.
            }
        }
        var current = originals.ToDictionary(kv => kv.Key, kv => kv.Value.Text, StringComparer.Ordinal);
        var rejected = new HashSet<string>(StringComparer.Ordinal);
        var secrets = Core.Knowledge.SecretMask.None;
        var appliedByRule = new SortedDictionary<string, int>(StringComparer.Ordinal);

        for (int round = 0; round < MaxRounds; round++)
        {
            // Every file is rescanned each round: cross-document rules may change their verdict after a fix.
            var result = scanner.ScanTexts(current.Select(kv => new SourceText(kv.Key, kv.Value)));
            if (round == 0) secrets = result.Secrets;
            var fixable = result.Findings
                .Where(f => !f.IsSuppressed && f.Fixes.Count > 0 && (only.Count == 0 || only.Contains(f.RuleId)) && !rejected.Contains(f.Location.File))
                .GroupBy(f => f.Location.File);
            bool changed = false;
            foreach (var group in fixable)
            {
                string file = group.Key;
                if (!current.TryGetValue(file, out var text)) continue;
                var fixes = group.Select(f => (Finding: f, Fix: f.Fixes[0])).ToList();
                var outcome = FixApplier.Apply(text, fixes.Select(x => x.Fix));
                if (outcome.Applied.Count == 0 || outcome.Text == text) continue;
                if (!StillParses(scanner, file, text, outcome.Text))
                {
                    env.Error.WriteLine($"infralint: {TerminalText.Escape(file)}: the fixed text would not parse; the file was left unchanged.");
                    current[file] = originals[file].Text;
                    rejected.Add(file);
                    continue;
                }
                current[file] = outcome.Text;
                foreach (var (finding, fix) in fixes.Where(x => outcome.Applied.Contains(x.Fix)))
                    appliedByRule[finding.RuleId] = appliedByRule.GetValueOrDefault(finding.RuleId) + 1;
                changed = true;
            }
            if (!changed) break;
        }

        var changedFiles = current.Where(kv => kv.Value != originals[kv.Key].Text).Select(kv => kv.Key).OrderBy(f => f, StringComparer.Ordinal).ToList();
        if (dryRun)
        {
            // The diff shows the files' own lines, context included: their secrets are masked like in any finding.
            foreach (var file in changedFiles) env.Out.Write(TerminalText.EscapeLines(secrets.Apply(UnifiedDiff.Create(file, originals[file].Text, current[file]))));
        }
        else
        {
            // A link may be fixed through, but only when it leads to a file inside what was asked to be fixed.
            var within = paths.Select(p => env.FullPath(p)).Select(p => Directory.Exists(p) ? p : Path.GetDirectoryName(p)!).ToArray();
            var written = new List<string>();
            foreach (var file in changedFiles)
            {
                try
                {
                    AtomicFile.Write(inputs.FullPathByDisplay[file], w => w.Write(current[file]), within, originals[file].HasBom, shownAs: file);
                    written.Add(file);
                }
                catch (UsageException e)
                {
                    env.Error.WriteLine($"infralint: {TerminalText.Escape(e.Message)}");
                    env.Error.WriteLine(written.Count == 0
                        ? "infralint: no file was changed."
                        : $"infralint: {written.Count} file{(written.Count == 1 ? " was" : "s were")} already changed: {string.Join(", ", written.Select(TerminalText.Escape))}");
                    return ExitCodes.Usage;
                }
            }
        }

        int total = appliedByRule.Values.Sum();
        string byRule = total == 0 ? string.Empty : " (" + string.Join(", ", appliedByRule.Select(kv => $"{kv.Key} ×{kv.Value}")) + ")";
        string verb = dryRun ? "would apply" : "applied";
        if (!quiet) (dryRun ? env.Error : env.Out).WriteLine($"{total} fix{(total == 1 ? "" : "es")} {verb} in {changedFiles.Count} file{(changedFiles.Count == 1 ? "" : "s")}{byRule}.");
        return rejected.Count == 0 ? ExitCodes.Success : ExitCodes.Findings;
    }

    /// <summary>A fix must not turn a file that parsed into one that does not (for C#, one that Roslyn parses with more errors).</summary>
    private static bool StillParses(Core.Scanning.Scanner scanner, string file, string before, string after)
    {
        static int Failures(Core.Scanning.Scanner s, string f, string t) =>
            s.Read(new SourceText(f, t)).Facts.OfType<ParseFailure>().Count()
            + (f.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) ? CSharp.CSharpAdapter.SyntaxErrors(new SourceText(f, t)) : 0);
        return Failures(scanner, file, after) <= Failures(scanner, file, before);
    }
}
