using InfraLint.Core.Findings;
using InfraLint.Core.Locations;
using InfraLint.Yaml.Configuration;
using static InfraLint.Yaml.Tests.AdapterHarness;

namespace InfraLint.Yaml.Tests;

public class ConfigLoaderTests
{
    private static LoadedConfig Load(string yaml) =>
        ConfigLoader.Load(new SourceText(".infralint.yaml", yaml), id => id is "IL2011" or "IL3006" or "IL0003");

    [Fact]
    public void Settings_are_read()
    {
        var config = Load("""
            rules:
              IL3006: off
              IL2011: {severity: error}
              IL0003: on
            requireImageDigests: true
            costLabels: [team, owner]
            exclude: ["charts/**"]
            """);
        Assert.Empty(config.Problems);
        Assert.False(config.Settings.Rules["IL3006"].Enabled);
        Assert.Equal(Severity.Error, config.Settings.Rules["IL2011"].Severity);
        Assert.True(config.Settings.RequireImageDigests);
        Assert.Equal(new[] { "team", "owner" }, config.Settings.CostLabels);
        Assert.Equal(new[] { "charts/**" }, config.Excludes);
    }

    [Fact]
    public void Unknown_keys_and_bad_values_are_problems_with_their_line()
    {
        var config = Load("""
            rules:
              IL9999: off
              IL2011: {severity: loud, colour: red}
            requireImageDigests: sometimes
            costlabels: [team]
            """);
        Assert.Equal(new[] { (2, 3), (3, 22), (3, 28), (4, 22), (5, 1) }, config.Problems.Select(p => Pos(p.Span)).OrderBy(p => p));
    }
}
