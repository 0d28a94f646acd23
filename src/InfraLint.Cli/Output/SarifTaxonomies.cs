using InfraLint.Core.Findings;
using Microsoft.CodeAnalysis.Sarif;

namespace InfraLint.Cli.Output;

/// <summary>
/// The frameworks rules give evidence for (<see cref="RuleDescriptor.Controls"/>) as SARIF <c>taxonomies</c>: one tool
/// component per framework whose taxa are its controls, and each rule's <c>relationships</c> to them. GitHub ignores
/// taxonomies, so the control ids also go into the rule's tags (<see cref="Tags"/>).
/// </summary>
internal sealed class SarifTaxonomies
{
    /// <summary>GitHub keeps at most 20 tags per rule and shows the first 10.</summary>
    public const int MaxTags = 20;

    public const int ShownTags = 10;

    /// <summary>Frameworks in the order their controls are worth a tag: the ones audits ask for most first.</summary>
    private static readonly (string Framework, string Tag)[] Frameworks =
    {
        (FrameworkControl.Nist80053, "NIST-800-53"),
        (FrameworkControl.CisKubernetes, "CIS-Kubernetes"),
        (FrameworkControl.EuAiAct, "EU-AI-Act"),
        (FrameworkControl.NistAiRmf, "NIST-AI-RMF"),
        (FrameworkControl.Iso42001, "ISO-42001"),
    };

    private readonly Dictionary<string, int> _componentIndex;
    private readonly Dictionary<(string Framework, string Control), int> _taxonIndex;

    private SarifTaxonomies(List<ToolComponent>? components, Dictionary<string, int> componentIndex, Dictionary<(string, string), int> taxonIndex)
    {
        Components = components;
        _componentIndex = componentIndex;
        _taxonIndex = taxonIndex;
    }

    /// <summary>Null when no rule names a control (SARIF wants no empty array).</summary>
    public IList<ToolComponent>? Components { get; }

    public static SarifTaxonomies Of(IEnumerable<RuleDescriptor> rules)
    {
        var components = new List<ToolComponent>();
        var componentIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var taxonIndex = new Dictionary<(string, string), int>();
        foreach (var control in rules.SelectMany(r => r.Controls).OrderBy(c => Priority(c.Framework)).ThenBy(c => c.Framework, StringComparer.Ordinal))
        {
            if (!componentIndex.TryGetValue(control.Framework, out var index))
            {
                index = components.Count;
                componentIndex[control.Framework] = index;
                components.Add(new ToolComponent { Name = control.Framework, Taxa = new List<ReportingDescriptor>() });
            }
            var taxa = components[index].Taxa;
            if (taxonIndex.ContainsKey((control.Framework, control.Control))) continue;
            taxonIndex[(control.Framework, control.Control)] = taxa.Count;
            taxa.Add(new ReportingDescriptor { Id = control.Control, ShortDescription = new MultiformatMessageString { Text = SarifOutput.Text(control.Title).Text } });
        }
        return new SarifTaxonomies(components.Count == 0 ? null : components, componentIndex, taxonIndex);
    }

    public IList<ReportingDescriptorRelationship> Relationships(RuleDescriptor rule) => rule.Controls
        .Distinct()
        .Select(c => new ReportingDescriptorRelationship
        {
            Target = new ReportingDescriptorReference
            {
                Id = c.Control,
                Index = _taxonIndex[(c.Framework, c.Control)],
                ToolComponent = new ToolComponentReference { Name = c.Framework, Index = _componentIndex[c.Framework] },
            },
            // The rule's findings are evidence about the control; it neither implements nor is the control.
            Kinds = new List<string> { "relevant" },
        })
        .ToList();

    /// <summary>
    /// The rule's own tags first (GitHub needs <c>security</c> among the kept ones for a security severity to count),
    /// then its controls as <c>FRAMEWORK/CONTROL</c>, round-robin over the frameworks in <see cref="Frameworks"/>'
    /// order, so the ten GitHub shows cover every framework the rule maps to before a second control of any; at most 20.
    /// </summary>
    public static string[] Tags(RuleDescriptor rule)
    {
        var byFramework = rule.Controls
            .GroupBy(c => c.Framework, StringComparer.Ordinal)
            .OrderBy(g => Priority(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Select(c => $"{FrameworkTag(g.Key)}/{c.Control.Replace(" ", "", StringComparison.Ordinal)}").ToArray())
            .ToArray();
        var tags = new List<string>(rule.Tags);
        for (int round = 0; byFramework.Any(f => round < f.Length); round++)
            tags.AddRange(byFramework.Where(f => round < f.Length).Select(f => f[round]));
        return tags.Distinct(StringComparer.Ordinal).Take(MaxTags).ToArray();
    }

    private static int Priority(string framework)
    {
        var index = Array.FindIndex(Frameworks, f => f.Framework == framework);
        return index < 0 ? Frameworks.Length : index;
    }

    /// <summary>A known framework's short name; another's first word ("GDPR (Regulation (EU) 2016/679)" → GDPR).</summary>
    private static string FrameworkTag(string framework)
    {
        if (Frameworks.FirstOrDefault(f => f.Framework == framework).Tag is { } known) return known;
        var word = new string(framework.TakeWhile(c => char.IsLetterOrDigit(c) || c is '-' or '.').ToArray());
        return word.Length > 0 ? word : "framework";
    }
}
