using InfraLint.Core.Engine;
using NRules;
using NRules.Fluent;
using NRules.RuleModel;

namespace InfraLint.Rules.Tests;

/// <summary>
/// The CLI builds its engine from <see cref="RuleSet.RuleTypes"/> rather than by scanning the rules' assembly at
/// start-up: the list must be exactly what the scan finds, so a rule added without listing it fails here, not in use.
/// </summary>
public sealed class RuleListTests
{
    [Fact]
    public void The_listed_rule_classes_are_those_NRules_finds_in_the_assembly()
    {
        var scanned = new RuleRepository();
        scanned.Load(spec => spec.From(RuleSet.Assembly));
        var listed = new RuleRepository();
        listed.Load(spec => spec.From(RuleSet.RuleTypes));

        static string[] Names(RuleRepository repository) => repository.GetRules().Select(r => r.Name).Order(StringComparer.Ordinal).ToArray();
        var missing = RuleSet.Assembly.GetTypes().Where(t => typeof(NRules.Fluent.Dsl.Rule).IsAssignableFrom(t) && !t.IsAbstract).Except(RuleSet.RuleTypes)
            .Select(t => $"typeof({t.FullName!.Replace('+', '.')}),").Order(StringComparer.Ordinal);
        Assert.True(Names(scanned).SequenceEqual(Names(listed)), "RuleSet.RuleTypes misses: " + string.Join(Environment.NewLine, missing));
        Assert.Equal(RuleSet.RuleTypes.Count, RuleSet.RuleTypes.Distinct().Count());
        Assert.Equal(Names(scanned).Length, RuleSet.RuleTypes.Count);
    }

    [Fact]
    public void The_catalog_of_the_listed_classes_is_the_catalog_of_the_assembly()
    {
        var scanned = RuleCatalog.FromAssemblies(new[] { RuleSet.Assembly }).All.Select(d => d.Id);
        Assert.Equal(scanned, RuleSet.Catalog.All.Select(d => d.Id));
        Assert.Equal(
            RuleEngine.ReachOf(new[] { RuleSet.Assembly }).OrderBy(r => r.Key, StringComparer.Ordinal),
            new RuleEngine(RuleSet.RuleTypes, RuleSet.Catalog).Reach.OrderBy(r => r.Key, StringComparer.Ordinal));
    }
}
