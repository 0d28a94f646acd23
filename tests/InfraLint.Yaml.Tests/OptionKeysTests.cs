using InfraLint.Core.Facts;
using InfraLint.Core.Locations;
using InfraLint.Yaml.Configuration;

namespace InfraLint.Yaml.Tests;

/// <summary>
/// <c>infralint_*</c> analyzer options are the configuration keys in snake case, read by the same loader as
/// <c>.infralint.yaml</c> and over it: an option wins over the file, a key the options leave out keeps the file's value.
/// </summary>
public sealed class OptionKeysTests
{
    private static readonly Func<string, bool> Known = id => id is "IL2011" or "IL3006" or "IL4002";

    private static LoadedConfig FromOptions(LintSettings basis, params (string Key, string Value)[] options)
    {
        var written = OptionKeys.ToConfiguration(options.Select(o => new KeyValuePair<string, string>(o.Key, o.Value)), "<options>");
        return ConfigLoader.Load(written.Source, Known, basis: basis);
    }

    private static LintSettings File(string yaml) => ConfigLoader.Load(new SourceText(".infralint.yaml", yaml), Known).Settings;

    [Theory]
    [InlineData("infralint_min_log_retention_days", "minLogRetentionDays")]
    [InlineData("infralint_cost_labels", "costLabels")]
    [InlineData("infralint_require_customer_managed_keys", "requireCustomerManagedKeys")]
    [InlineData("infralint_rule_set", "ruleSet")]
    [InlineData("INFRALINT_ALLOWED_REGIONS", "allowedRegions")]
    public void An_option_names_its_configuration_key_in_snake_case(string option, string key) =>
        Assert.Equal(key, OptionKeys.ConfigurationKey(option));

    [Fact]
    public void Options_are_read_with_their_types_and_lists_are_comma_separated()
    {
        var config = FromOptions(
            LintSettings.Default,
            ("infralint_min_log_retention_days", "365"),
            ("infralint_cost_labels", "team, owner ,"),
            ("infralint_allowed_regions", "eu-west-1,eu-central-1"),
            ("infralint_require_image_digests", "true"),
            ("infralint_rule_set", "all"),
            ("dotnet_diagnostic.IL2006.severity", "error"));
        Assert.Empty(config.Problems);
        Assert.Equal(365, config.Settings.MinLogRetentionDays);
        Assert.Equal(new[] { "team", "owner" }, config.Settings.CostLabels);
        Assert.Equal(new[] { "eu-west-1", "eu-central-1" }, config.Settings.AllowedRegions);
        Assert.True(config.Settings.RequireImageDigests);
        Assert.Equal(RuleSelection.All, config.Settings.RuleSet);
    }

    [Fact]
    public void An_option_wins_over_the_file_and_the_file_keeps_what_the_options_leave_out()
    {
        var file = File("""
            minLogRetentionDays: 30
            costLabels: [squad]
            rules:
              IL3006: off
            """);
        var config = FromOptions(file, ("infralint_min_log_retention_days", "400"));
        Assert.Empty(config.Problems);
        Assert.Equal(400, config.Settings.MinLogRetentionDays);
        Assert.Equal(new[] { "squad" }, config.Settings.CostLabels);
        Assert.False(config.Settings.Rules["IL3006"].Enabled);
    }

    [Fact]
    public void A_bad_or_unknown_option_is_a_problem_on_the_line_of_that_option()
    {
        var written = OptionKeys.ToConfiguration(
            new[]
            {
                new KeyValuePair<string, string>("infralint_min_log_retention_days", "forever"),
                new KeyValuePair<string, string>("infralint_colour", "blue"),
            },
            "<options>");
        var config = ConfigLoader.Load(written.Source, Known);
        Assert.Equal(2, config.Problems.Count);
        Assert.All(config.Problems, p => Assert.Equal("<options>", p.Span.File));
        // Options are written in key order, one line each: the line names the option.
        var byOption = config.Problems.ToDictionary(p => written.OptionAt(p.Span.StartLine), p => p.Message);
        Assert.Contains("Unknown configuration key 'colour'", byOption["infralint_colour"]);
        Assert.Contains("'minLogRetentionDays' must be a whole number", byOption["infralint_min_log_retention_days"]);
    }

    [Fact]
    public void A_value_YAML_would_read_otherwise_is_quoted_so_it_stays_one_string()
    {
        var config = FromOptions(LintSettings.Default, ("infralint_default_namespace", "ml: {serving} # x"));
        Assert.Empty(config.Problems);
        Assert.Equal("ml: {serving} # x", config.Settings.DefaultNamespace);
    }
}
