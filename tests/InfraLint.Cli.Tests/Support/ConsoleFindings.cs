using System.Text.RegularExpressions;

namespace InfraLint.Cli.Tests.Support;

/// <summary>The findings of a console report, one per <c>file:line:column: level ILxxxx:</c> line.</summary>
public static partial class ConsoleFindings
{
    [GeneratedRegex(@"^(?<file>[^\s:]+):(?<line>\d+):(?<column>\d+): (?<level>\w+) (?<rule>IL\d+):", RegexOptions.Multiline)]
    private static partial Regex FindingLine();

    public static List<(string File, int Line, int Column, string Level, string Rule)> Of(CliRun run) =>
        FindingLine().Matches(run.Out)
            .Select(m => (m.Groups["file"].Value, int.Parse(m.Groups["line"].Value), int.Parse(m.Groups["column"].Value), m.Groups["level"].Value, m.Groups["rule"].Value))
            .ToList();
}
