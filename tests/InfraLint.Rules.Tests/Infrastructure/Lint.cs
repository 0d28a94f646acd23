using InfraLint.Core.Engine;
using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using InfraLint.Core.Locations;
using InfraLint.Core.Scanning;
using InfraLint.Yaml;

namespace InfraLint.Rules.Tests.Infrastructure;

/// <summary>Runs the built-in rules over in-memory YAML, the way the CLI does over files.</summary>
internal static class Lint
{
    /// <summary>Compiled once for the whole test run: compiling the Rete network is the expensive part.</summary>
    public static RuleEngine Engine { get; } = new(new[] { RuleSet.Assembly });

    /// <summary>
    /// Rule tests see every rule, whether or not it is in the recommended set, and rules that wait for InfraLint's
    /// vocabulary run without it: what the default selects is tested on its own, with <see cref="LintSettings.Default"/>
    /// passed explicitly (RuleSelectionTests).
    /// </summary>
    public static LintSettings AllRules { get; } = LintSettings.Default with { RuleSet = RuleSelection.All };

    private static readonly Scanner DefaultScanner = new(Engine, new IAdapter[] { new YamlAdapter() }, AllRules);

    /// <param name="today">The UTC day the scan runs on (suppressions expire); the system clock's when null.</param>
    public static ScanResult Yaml(string yaml, string file = "test.yaml", LintSettings? settings = null, DateTime? today = null) =>
        Files(settings, today, (file, yaml));

    public static ScanResult Files(params (string File, string Yaml)[] files) => Files(null, files);

    public static ScanResult Files(LintSettings? settings, params (string File, string Yaml)[] files) => Files(settings, null, files);

    public static ScanResult Files(LintSettings? settings, DateTime? today, params (string File, string Yaml)[] files)
    {
        var scanner = settings is null && today is null
            ? DefaultScanner
            : new Scanner(Engine, new IAdapter[] { new YamlAdapter() }, settings ?? AllRules, options: new ScanOptions { Today = today });
        return scanner.ScanTexts(files.Select(f => new SourceText(f.File, f.Yaml)));
    }

    /// <summary>The unsuppressed findings of one rule.</summary>
    public static IReadOnlyList<Finding> Of(this ScanResult result, string ruleId) =>
        result.Findings.Where(f => f.RuleId == ruleId && !f.IsSuppressed).ToArray();

    /// <summary>(rule, line, column) of each finding, for compact assertions.</summary>
    public static (string Rule, int Line, int Column)[] Positions(this IEnumerable<Finding> findings) =>
        findings.Select(f => (f.RuleId, f.Location.StartLine, f.Location.StartColumn)).ToArray();
}
