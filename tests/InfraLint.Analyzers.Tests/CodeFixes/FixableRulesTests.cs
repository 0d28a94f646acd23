using System.Reflection;
using System.Text.RegularExpressions;
using InfraLint.CodeFixes;
using InfraLint.Tests;
using Microsoft.CodeAnalysis.CodeFixes;

namespace InfraLint.Analyzers.Tests.CodeFixes;

/// <summary>The code fix provider's rules are the rules that build a fix, and each is shown fixing C#.</summary>
public sealed class FixableRulesTests
{
    private static readonly InfraLintCodeFixProvider Provider = new();

    /// <summary>
    /// A rule builds a fix where its source calls <c>Fix.Set</c> or creates a <c>Fix</c>; the edit targets are the
    /// located tree's, so a rule that fixes YAML fixes C# as well (each one's test below shows it).
    /// </summary>
    [Fact]
    public void The_fixable_ids_are_the_rules_that_build_a_fix()
    {
        var rules = Path.Combine(Repo.Root, "rules", "InfraLint.Rules");
        var building = Directory.GetFiles(rules, "IL*.cs", SearchOption.AllDirectories)
            .Where(f => Regex.IsMatch(File.ReadAllText(f), @"\bFix\.Set\(|\bnew Fix\("))
            .Select(f => Path.GetFileName(f).Substring(0, 6))
            .OrderBy(id => id, StringComparer.Ordinal)
            .ToArray();
        Assert.NotEmpty(building);
        Assert.Equal(building, Provider.FixableDiagnosticIds.OrderBy(id => id, StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void Every_fixable_rule_has_a_code_fix_test_on_CSharp()
    {
        var tested = typeof(RuleFixTests).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.GetCustomAttribute<FactAttribute>() is not null)
            .Select(m => m.Name.Substring(0, 6))
            .ToHashSet(StringComparer.Ordinal);
        Assert.Empty(Provider.FixableDiagnosticIds.Where(id => !tested.Contains(id)));
    }

    [Fact]
    public void Fix_All_is_offered_per_rule_in_document_project_and_solution()
    {
        var fixAll = Provider.GetFixAllProvider();
        Assert.Equal(new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution }, fixAll.GetSupportedFixAllScopes().ToArray());
        Assert.Equal("InfraLint.IL2006", InfraLintCodeFixProvider.EquivalenceKey("IL2006"));
    }
}
