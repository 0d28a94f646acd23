using System.CommandLine;
using System.Text;
using InfraLint.Cli.Inputs;
using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using InfraLint.Core.Fixes;
using InfraLint.Core.Locations;
using InfraLint.Yaml;

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
            Description = "Apply only the fixes of these rules (repeatable). Default: every rule with a fix.",
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
        command.SetAction(parseResult =>
        {
            var only = new HashSet<string>(parseResult.GetValue(rules) ?? Array.Empty<string>(), StringComparer.OrdinalIgnoreCase);
            foreach (var id in only)
                if (LintHost.Catalog.Find(id) is null) throw new UsageException($"unknown rule id '{id}' in --rule; run 'infralint rules' for the catalog");
            return Run(env, parseResult.GetValue(paths)!, parseResult.GetValue(exclude) ?? Array.Empty<string>(), parseResult.GetValue(config), only, parseResult.GetValue(dryRun));
        });
        return command;
    }

    private static int Run(CliEnvironment env, IReadOnlyList<string> paths, IReadOnlyList<string> excludes, string? configPath, IReadOnlySet<string> only, bool dryRun)
    {
        var config = ConfigFile.Find(env, configPath, LintHost.Catalog);
        var scanner = LintHost.CreateScanner(config?.Loaded);
        var inputs = new InputCollector(env, scanner.Accepts, excludes, config).Collect(paths);
        foreach (var notice in inputs.Notices) env.Error.WriteLine($"infralint: {notice}");

        var originals = new Dictionary<string, FileText>(StringComparer.Ordinal);
        foreach (var input in inputs.Files)
            if (FileText.TryRead(input.FullPath) is { } file) originals[input.DisplayPath] = file;
        var current = originals.ToDictionary(kv => kv.Key, kv => kv.Value.Text, StringComparer.Ordinal);
        var rejected = new HashSet<string>(StringComparer.Ordinal);
        var appliedByRule = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var adapter = new YamlAdapter();

        for (int round = 0; round < MaxRounds; round++)
        {
            // Every file is rescanned each round: cross-document rules may change their verdict after a fix.
            var result = scanner.ScanTexts(current.Select(kv => new SourceText(kv.Key, kv.Value)));
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
                if (!StillParses(adapter, file, text, outcome.Text))
                {
                    env.Error.WriteLine($"infralint: {file}: the fixed text would not parse; the file was left unchanged.");
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
        foreach (var file in changedFiles)
        {
            if (dryRun)
            {
                env.Out.Write(UnifiedDiff.Create(file, originals[file].Text, current[file]));
                continue;
            }
            var original = originals[file];
            string fullPath = inputs.FullPathByDisplay[file];
            AtomicFile.Write(fullPath, w =>
            {
                if (original.HasBom) w.Write('\uFEFF');
                w.Write(current[file]);
            });
            original.RestoreMode(fullPath);
        }

        int total = appliedByRule.Values.Sum();
        string byRule = total == 0 ? string.Empty : " (" + string.Join(", ", appliedByRule.Select(kv => $"{kv.Key} ×{kv.Value}")) + ")";
        string verb = dryRun ? "would apply" : "applied";
        (dryRun ? env.Error : env.Out).WriteLine($"{total} fix{(total == 1 ? "" : "es")} {verb} in {changedFiles.Count} file{(changedFiles.Count == 1 ? "" : "s")}{byRule}.");
        return rejected.Count == 0 ? ExitCodes.Success : ExitCodes.Findings;
    }

    /// <summary>A fix must not turn a file that parsed into one that does not.</summary>
    private static bool StillParses(YamlAdapter adapter, string file, string before, string after)
    {
        static int Failures(YamlAdapter a, string f, string t) => a.Read(new SourceText(f, t)).Facts.OfType<ParseFailure>().Count();
        return Failures(adapter, file, after) <= Failures(adapter, file, before);
    }

    /// <summary>A file's text as read, with what is needed to write it back the same way (BOM, permissions).</summary>
    private sealed record FileText(string Text, bool HasBom, UnixFileMode? Mode)
    {
        private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        public static FileText? TryRead(string path)
        {
            try
            {
                byte[] bytes = File.ReadAllBytes(path);
                bool bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
                string text = Strict.GetString(bytes, bom ? 3 : 0, bytes.Length - (bom ? 3 : 0));
                return new FileText(text, bom, OperatingSystem.IsWindows() ? null : File.GetUnixFileMode(path));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException)
            {
                // Unreadable or not UTF-8: 'scan' reports it as IL0001; there is nothing to fix.
                return null;
            }
        }

        public void RestoreMode(string path)
        {
            if (Mode is { } mode && !OperatingSystem.IsWindows()) File.SetUnixFileMode(path, mode);
        }
    }
}
