using InfraLint.Core.Engine;
using InfraLint.Core.Findings;
using InfraLint.Rules.Tests.Infrastructure;
using NRules.Fluent.Dsl;

namespace InfraLint.Rules.Tests;

/// <summary>The conventions that keep rules findable: one class per id, named and placed for it, with one descriptor.</summary>
public sealed class CatalogTests
{
    private static readonly Type[] RuleTypes =
        RuleSet.Assembly.GetTypes().Where(t => typeof(Rule).IsAssignableFrom(t) && !t.IsAbstract).ToArray();

    public static TheoryData<string> RuleTypeNames() => new(RuleTypes.Select(t => t.FullName!));

    [Theory]
    [MemberData(nameof(RuleTypeNames))]
    public void Rule_class_is_named_and_placed_for_its_descriptor(string typeName)
    {
        var type = RuleTypes.Single(t => t.FullName == typeName);
        var descriptor = RuleCatalog.DescriptorOf(type);
        Assert.NotNull(descriptor);
        Assert.Equal(descriptor!.Id, type.GetField("Id")!.GetValue(null));
        Assert.Equal(descriptor.Id, type.GetCustomAttributesData().Single(a => a.AttributeType == typeof(NameAttribute)).ConstructorArguments[0].Value);
        // Acronyms follow .NET casing in class names (Gpu), so the title matches ignoring case.
        Assert.Equal(descriptor.Id + descriptor.Name, type.Name, ignoreCase: true);
        Assert.Equal($"InfraLint.Rules.{descriptor.Area}", type.Namespace);
    }

    [Fact]
    public void Security_rules_carry_a_security_severity_and_others_do_not()
    {
        foreach (var rule in RuleSet.Catalog.All)
            Assert.True((rule.Area == RuleArea.Security) == rule.SecuritySeverity.HasValue, $"{rule.Id} security-severity");
    }

    [Fact]
    public void The_engine_compiles_every_rule_in_the_catalog()
    {
        Assert.Equal(RuleSet.Catalog.All.Count, Lint.Engine.RuleCount);
    }
}
