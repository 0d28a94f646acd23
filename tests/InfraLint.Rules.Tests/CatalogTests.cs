using InfraLint.Core.Engine;
using InfraLint.Core.Findings;
using NRules.Fluent;
using NRules.Fluent.Dsl;
using NRules;

namespace InfraLint.Rules.Tests;

/// <summary>
/// The conventions that keep rules findable: a rule class per id, named and placed for its descriptor.
/// A companion class that reports under another rule's id (IL0002's unknown-suppression check) has no
/// descriptor of its own and is named <c>ILxxxx.suffix</c> after the rule it reports for. A derivation that only
/// inserts facts for rules to match (the capacity case of IL1001–IL1003) reports for no rule and is named <c>facts.*</c>.
/// </summary>
public sealed class CatalogTests
{
    private const string DerivationPrefix = "facts.";

    private static readonly Type[] RuleTypes =
        RuleSet.Assembly.GetTypes().Where(t => typeof(Rule).IsAssignableFrom(t) && !t.IsAbstract).ToArray();

    public static TheoryData<string> RuleTypeNames() => new(RuleTypes.Select(t => t.FullName!));

    [Theory]
    [MemberData(nameof(RuleTypeNames))]
    public void Rule_class_is_named_and_placed_for_its_descriptor(string typeName)
    {
        var type = RuleTypes.Single(t => t.FullName == typeName);
        string name = (string)type.GetCustomAttributesData().Single(a => a.AttributeType == typeof(NameAttribute)).ConstructorArguments[0].Value!;
        var descriptor = RuleCatalog.DescriptorOf(type);
        if (name.StartsWith(DerivationPrefix, StringComparison.Ordinal))
        {
            Assert.Null(descriptor);
            Assert.StartsWith("InfraLint.Rules.", type.Namespace, StringComparison.Ordinal);
            return;
        }
        if (descriptor is null)
        {
            string owner = name.Split('.')[0];
            Assert.True(name.Contains('.') && RuleSet.Catalog.Find(owner) is not null, $"{type.Name} has no descriptor and its name '{name}' names no rule.");
            Assert.StartsWith(owner, type.Name, StringComparison.Ordinal);
            descriptor = RuleSet.Catalog.Find(owner)!;
        }
        else
        {
            Assert.Equal(descriptor.Id, type.GetField("Id")!.GetValue(null));
            Assert.Equal(descriptor.Id, name);
            // Acronyms follow .NET casing in class names (Gpu), so the title matches ignoring case.
            Assert.Equal(descriptor.Id + descriptor.Name, type.Name, ignoreCase: true);
        }
        Assert.Equal($"InfraLint.Rules.{descriptor.Area}", type.Namespace);
    }

    [Fact]
    public void Security_rules_carry_a_security_severity_and_others_do_not()
    {
        foreach (var rule in RuleSet.Catalog.All)
            Assert.True((rule.Area == RuleArea.Security) == rule.SecuritySeverity.HasValue, $"{rule.Id} security-severity");
    }

    [Fact]
    public void Every_compiled_rule_reports_for_a_catalog_rule_and_every_catalog_rule_is_compiled()
    {
        var repository = new RuleRepository();
        repository.Load(spec => spec.From(RuleSet.Assembly));
        var names = repository.GetRules().Select(r => r.Name).ToArray();
        Assert.Equal(names.Length, Infrastructure.Lint.Engine.RuleCount);
        var owners = names.Where(n => !n.StartsWith(DerivationPrefix, StringComparison.Ordinal)).Select(n => n.Split('.')[0]).ToArray();
        Assert.All(owners, id => Assert.NotNull(RuleSet.Catalog.Find(id)));
        Assert.Equal(RuleSet.Catalog.All.Select(r => r.Id).OrderBy(i => i), owners.Distinct().OrderBy(i => i));
    }
}
