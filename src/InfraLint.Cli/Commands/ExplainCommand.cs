using System.CommandLine;
using InfraLint.Cli.Output;
using InfraLint.Core.Findings;
using InfraLint.Rules;

namespace InfraLint.Cli.Commands;

/// <summary>
/// <c>infralint explain ILxxxx [--file F [--line N]] [--context PATH]...</c>: a rule's metadata and docs page; with a
/// file, the rule's findings there and the numbers behind each (a finding's Properties, e.g. the sizing model's
/// inputs). Cross-document rules need the other documents (the AIWorkload spec that profiles a Deployment), so the
/// file is scanned together with the context paths, the current directory by default.
/// </summary>
internal static class ExplainCommand
{
    public static Command Create(CliEnvironment env)
    {
        var ruleId = new Argument<string>("rule") { Description = "A rule id such as IL2008." };
        var file = new Option<string?>("--file") { Description = "Rescan this file and show the rule's findings in it." };
        var line = new Option<int?>("--line") { Description = "With --file: only the finding on this line." };
        var context = new Option<string[]>("--context")
        {
            Description = "With --file: files and directories scanned with it, as 'scan' would (repeatable). Default: the current directory.",
            DefaultValueFactory = _ => Array.Empty<string>(),
        };

        var command = new Command("explain", "Show a rule's metadata and documentation, or the details behind a finding.");
        command.Arguments.Add(ruleId);
        command.Options.Add(file);
        command.Options.Add(line);
        command.Options.Add(context);
        command.SetAction(parseResult =>
        {
            var id = parseResult.GetValue(ruleId)!;
            var rule = LintHost.Catalog.Find(id) ?? throw new UsageException($"unknown rule id '{id}'. 'infralint rules' lists them.");
            var path = parseResult.GetValue(file);
            if (path is null && parseResult.GetValue(line) is not null) throw new UsageException("--line needs --file.");
            if (path is null)
            {
                WriteRule(env.Out, rule);
                return ExitCodes.Success;
            }
            return WriteFindings(env, rule, path, parseResult.GetValue(line), parseResult.GetValue(context) ?? Array.Empty<string>());
        });
        return command;
    }

    private static void WriteRule(TextWriter o, RuleDescriptor rule)
    {
        o.WriteLine($"{rule.Id}: {rule.Title}");
        o.WriteLine();
        o.WriteLine(rule.Description);
        o.WriteLine();
        o.WriteLine($"  severity           {ScanReport.SeverityWord(rule.DefaultSeverity)}{RulesCommand.SetNote(rule)}");
        o.WriteLine($"  area               {rule.Area}");
        o.WriteLine($"  precision          {rule.Precision}");
        o.WriteLine($"  tags               {string.Join(", ", rule.Tags)}");
        if (rule.SecuritySeverity is not null) o.WriteLine($"  security-severity  {rule.SecuritySeverityText}");
        foreach (var control in rule.Controls) o.WriteLine($"  evidence for       {control}");
        o.WriteLine($"  help               {rule.HelpUri}");
        o.WriteLine();
        o.WriteLine(RuleSet.Docs(rule.Id) ?? "(This rule has no docs page yet.)");
    }

    private static int WriteFindings(CliEnvironment env, RuleDescriptor rule, string path, int? line, IReadOnlyList<string> context)
    {
        if (!File.Exists(env.FullPath(path))) throw new UsageException($"file not found: {path}");
        var scanned = new[] { path }.Concat(context.Count == 0 ? new[] { "." } : context).ToArray();
        var report = ScanPipeline.Run(env, scanned, Array.Empty<string>(), evaluations: false);
        string display = env.DisplayPath(env.FullPath(path));
        var matches = report.Findings
            .Where(f => f.RuleId == rule.Id && f.Location.File == display && (line is null || (f.Location.StartLine <= line && line <= f.Location.EndLine)))
            .ToArray();
        if (matches.Length == 0)
        {
            env.Out.WriteLine($"No {rule.Id} finding in {path}{(line is null ? "" : $" on line {line}")}.");
            return ExitCodes.Success;
        }
        foreach (var finding in matches)
        {
            var location = finding.Location;
            env.Out.WriteLine($"{TerminalText.Path(location.File)}:{location.StartLine}:{location.StartColumn}: {ScanReport.SeverityWord(finding.Severity)} {finding.RuleId}: {TerminalText.Escape(finding.Message)}");
            env.Out.WriteLine($"  about   {TerminalText.Escape(finding.LogicalPath)}");
            foreach (var property in finding.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
                env.Out.WriteLine($"  {TerminalText.Escape(property.Key)} = {TerminalText.Escape(property.Value)}");
            foreach (var fix in finding.Fixes) env.Out.WriteLine($"  fix     {TerminalText.Escape(fix.Description)}");
            if (finding.Suppression is { } s) env.Out.WriteLine($"  suppressed ({s.Kind}){(s.Justification is null ? "" : ": " + TerminalText.Escape(s.Justification))}");
        }
        return ExitCodes.Success;
    }
}
