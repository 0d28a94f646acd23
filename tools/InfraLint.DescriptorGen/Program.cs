using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using InfraLint.Core.Engine;
using InfraLint.Core.Findings;
using InfraLint.Rules;

// Usage: InfraLint.DescriptorGen OUTPUT.cs — writes the file only when its text changes, so an unchanged catalog
// does not make the analyzer recompile.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: InfraLint.DescriptorGen OUTPUT.cs");
    return 2;
}

var reach = RuleEngine.ReachOf(new[] { RuleSet.Assembly });
var text = DescriptorSource.Write(RuleSet.Catalog, reach);
var output = args[0];
if (File.Exists(output) && File.ReadAllText(output) == text) return 0;
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
var temporary = output + ".tmp";
File.WriteAllText(temporary, text, new UTF8Encoding(false));
File.Move(temporary, output, overwrite: true);
return 0;

/// <summary>The C# of the analyzer's descriptors: plain source, not marked as generated, so the RS analyzers read it.</summary>
internal static class DescriptorSource
{
    public static string Write(RuleCatalog catalog, IReadOnlyDictionary<string, RuleReach> reach)
    {
        var s = new StringBuilder();
        s.AppendLine("// Written at build time by tools/InfraLint.DescriptorGen from the rule catalog (each rule's Descriptor in");
        s.AppendLine("// rules/InfraLint.Rules). Change a rule's metadata there; this file is rewritten on the next build.");
        s.AppendLine("using System.Collections.Immutable;");
        s.AppendLine("using Microsoft.CodeAnalysis;");
        s.AppendLine();
        s.AppendLine("namespace InfraLint.Analyzers");
        s.AppendLine("{");
        s.AppendLine("    /// <summary>One descriptor per rule of the catalog.</summary>");
        s.AppendLine("    internal static class RuleDiagnostics");
        s.AppendLine("    {");
        foreach (var rule in catalog.All)
        {
            var across = reach.TryGetValue(rule.Id, out var r) && r == RuleReach.AcrossResources;
            var tags = new List<string> { "InfraLint" };
            tags.AddRange(rule.Tags);
            if (across) tags.Add("CompilationEnd");
            s.AppendLine($"        /// <summary>{Xml(rule.Title)}{(across ? " (reported at compilation end: it looks across resources)" : string.Empty)}.</summary>");
            s.AppendLine($"        public static readonly DiagnosticDescriptor {rule.Id} = new DiagnosticDescriptor(");
            s.AppendLine($"            id: \"{rule.Id}\",");
            s.AppendLine($"            title: {Literal(rule.Title)},");
            s.AppendLine("            messageFormat: \"{0}\",");
            s.AppendLine($"            category: \"{rule.Area}\",");
            s.AppendLine($"            defaultSeverity: DiagnosticSeverity.{Severity(rule.DefaultSeverity)},");
            s.AppendLine($"            isEnabledByDefault: {(rule.EnabledByDefault && rule.Recommended ? "true" : "false")},");
            s.AppendLine($"            description: {Literal(rule.Description)},");
            s.AppendLine($"            helpLinkUri: {Literal(rule.HelpUri.ToString())},");
            s.AppendLine($"            customTags: new[] {{ {string.Join(", ", tags.Select(Literal))} }});");
            s.AppendLine();
        }
        s.AppendLine("        /// <summary>Every rule's descriptor, in id order.</summary>");
        s.AppendLine($"        public static readonly ImmutableArray<DiagnosticDescriptor> All = ImmutableArray.Create({string.Join(", ", catalog.All.Select(rule => rule.Id))});");
        s.AppendLine();
        s.AppendLine("        /// <summary>The rules that look across resources, reported at compilation end.</summary>");
        s.AppendLine($"        public static readonly ImmutableHashSet<string> AcrossResources = ImmutableHashSet.Create({string.Join(", ", catalog.All.Where(rule => reach.TryGetValue(rule.Id, out var x) && x == RuleReach.AcrossResources).Select(rule => Literal(rule.Id)))});");
        s.AppendLine("    }");
        s.AppendLine("}");
        return s.ToString();
    }

    private static string Severity(Severity severity) => severity switch
    {
        InfraLint.Core.Findings.Severity.Error => "Error",
        InfraLint.Core.Findings.Severity.Warning => "Warning",
        InfraLint.Core.Findings.Severity.Note => "Info",
        _ => "Hidden",
    };

    private static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    private static string Literal(string text)
    {
        var s = new StringBuilder("\"");
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': s.Append("\\\""); break;
                case '\\': s.Append("\\\\"); break;
                case '\n': s.Append("\\n"); break;
                case '\r': s.Append("\\r"); break;
                case '\t': s.Append("\\t"); break;
                default:
                    if (c < ' ') s.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else s.Append(c);
                    break;
            }
        }
        return s.Append('"').ToString();
    }
}
