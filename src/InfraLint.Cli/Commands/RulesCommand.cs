using System.CommandLine;
using System.Text.Json;
using InfraLint.Cli.Output;

namespace InfraLint.Cli.Commands;

/// <summary><c>infralint rules [--format console|json]</c>: the rule catalog.</summary>
internal static class RulesCommand
{
    public static Command Create(CliEnvironment env)
    {
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format.",
            DefaultValueFactory = _ => "console",
        };
        format.AcceptOnlyFromAmong("console", "json");

        var command = new Command("rules", "List every rule: id, default severity and title.");
        command.Options.Add(format);
        command.SetAction(parseResult =>
        {
            var rules = LintHost.Catalog.All;
            if (parseResult.GetValue(format) == "json")
            {
                var entries = rules.Select(r => new
                {
                    id = r.Id,
                    name = r.Name,
                    title = r.Title,
                    description = r.Description,
                    severity = ScanReport.SeverityWord(r.DefaultSeverity),
                    enabledByDefault = r.EnabledByDefault,
                    recommended = r.Recommended,
                    area = r.Area.ToString(),
                    precision = r.Precision.ToString(),
                    tags = r.Tags,
                    securitySeverity = r.SecuritySeverity,
                    helpUri = r.HelpUri.ToString(),
                    controls = r.Controls.Select(c => new { framework = c.Framework, control = c.Control, title = c.Title }),
                });
                env.Out.WriteLine(JsonSerializer.Serialize(entries, JsonOutput.Options));
                return ExitCodes.Success;
            }
            foreach (var rule in rules)
                env.Out.WriteLine($"{rule.Id}  {ScanReport.SeverityWord(rule.DefaultSeverity),-7}  {rule.Title}{SetNote(rule)}");
            env.Out.WriteLine($"{rules.Count} rules, {rules.Count(r => r.EnabledByDefault && r.Recommended)} in the recommended set (the default; 'ruleSet: all' or --rule-set all runs every rule). 'infralint explain ILxxxx' shows one in full.");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Why a rule does not run by default, if it does not.</summary>
    public static string SetNote(Core.Findings.RuleDescriptor rule) =>
        !rule.EnabledByDefault ? " (off by default)" : !rule.Recommended ? " (not in the recommended set)" : "";
}
