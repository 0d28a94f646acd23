using System.CommandLine;
using System.Globalization;
using InfraLint.Cli.Diagnostics;
using InfraLint.Cli.Files;
using InfraLint.Cli.Compliance;

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

        var command = new Command("report", "Compliance report across repositories: controls that hold and fail, waivers, GPU waste.");
        command.Arguments.Add(paths);
        command.Options.Add(fromSarif);
        command.Options.Add(framework);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(exclude);
        command.Options.Add(ruleSet);
        command.SetAction(parseResult =>
        {
            var scanned = parseResult.GetValue(paths) ?? Array.Empty<string>();
            var sarif = parseResult.GetValue(fromSarif) ?? Array.Empty<string>();
            if (scanned.Length == 0 && sarif.Length == 0) throw new UsageException("report needs a PATH to scan or a --from-sarif FILE");

            var repositories = new List<RepositoryEvidence>();
            using (Timings.Measure("scan (every repository)"))
                repositories.AddRange(ScanEvidence.Collect(env, scanned, parseResult.GetValue(exclude) ?? Array.Empty<string>(), LintHost.ParseRuleSet(parseResult.GetValue(ruleSet))));
            repositories.AddRange(SarifEvidence.Load(env, sarif));
            repositories = Distinct(repositories);

            var rules = LintHost.Catalog.All;
            var report = ComplianceBuilder.Build(repositories, Frameworks.Select(parseResult.GetValue(framework)!, rules), rules, GeneratedAt(env));

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
