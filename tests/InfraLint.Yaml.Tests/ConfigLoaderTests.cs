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
    public void Cpu_limits_and_workstation_stacks_are_off_by_default_and_read_as_booleans()
    {
        var defaults = Load("requireImageDigests: false").Settings;
        Assert.False(defaults.RequireCpuLimits);
        Assert.False(defaults.JudgeWorkstationStacks);

        var config = Load("""
            requireCpuLimits: true
            judgeWorkstationStacks: yes
            """);
        Assert.Empty(config.Problems);
        Assert.True(config.Settings.RequireCpuLimits);
        Assert.True(config.Settings.JudgeWorkstationStacks);

        var bad = Load("""
            requireCpuLimits: sometimes
            judgeWorkstationStacks: [prod]
            """);
        Assert.Equal(
            new[] { (1, 19, "'requireCpuLimits' must be true or false."), (2, 25, "'judgeWorkstationStacks' must be true or false.") },
            bad.Problems.Select(p => (p.Span.StartLine, p.Span.StartColumn, p.Message)));
        Assert.False(bad.Settings.RequireCpuLimits);
        Assert.False(bad.Settings.JudgeWorkstationStacks);
    }

    /// <summary>The sizing section rebuilds the settings; it used to drop every setting it did not list.</summary>
    [Fact]
    public void A_sizing_section_keeps_the_other_settings()
    {
        var config = Load("""
            requireCpuLimits: true
            judgeWorkstationStacks: true
            requireCustomerManagedKeys: true
            minLogRetentionDays: 400
            lineageLabels: [dataset]
            sizing:
              buffer: 0.2
            """);
        Assert.Empty(config.Problems);
        Assert.True(config.Settings.RequireCpuLimits);
        Assert.True(config.Settings.JudgeWorkstationStacks);
        Assert.True(config.Settings.RequireCustomerManagedKeys);
        Assert.Equal(400, config.Settings.MinLogRetentionDays);
        Assert.Equal(new[] { "dataset" }, config.Settings.LineageLabels);
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

    [Fact]
    public void Sizing_section_sets_buffer_peak_hours_default_accelerator_and_thresholds()
    {
        var config = Load("""
            sizing:
              buffer: 20%
              hoursPerMonth: 720
              defaultAccelerator: L4
              defaultTpotMs: 50
              cheaperThreshold: 0.5
              peakHours:
                days: [mon, wed-fri]
                start: "09:30"
                end: "18:00"
                timezone: +02:00
            """);
        Assert.Empty(config.Problems);
        var s = config.Settings;
        Assert.Equal(0.20, s.Sizing.Buffer, 6);
        Assert.Equal(720, s.Sizing.HoursPerMonth);
        Assert.Equal("l4", s.DefaultAccelerator);
        Assert.Equal(50, s.DefaultTimePerOutputTokenMs);
        Assert.Equal(0.5, s.CheaperAcceleratorThreshold);
        Assert.Equal("Mon, Wed, Thu, Fri 09:30–18:00 +02:00", s.PeakHours.Describe());
        Assert.Equal(new[] { TimeSpan.FromHours(2) }, s.PeakHours.Offsets);
    }

    [Fact]
    public void Sizing_defaults_hold_without_the_section()
    {
        var s = Load("requireImageDigests: false").Settings;
        Assert.Equal(0.30, s.Sizing.Buffer);
        Assert.Null(s.DefaultAccelerator);
        Assert.Equal("Mon–Fri 08:00–20:00 UTC", s.PeakHours.Describe());
        Assert.Same(Core.Sizing.Catalog.SizingCatalog.Default, s.Catalog);
    }

    [Fact]
    public void Bad_sizing_keys_and_values_are_problems_at_their_node()
    {
        var config = Load("""
            sizing:
              bufer: 30%
              buffer: lots
              defaultAccelerator: gtx-1080
              peakHours:
                days: [mon, funday]
                start: "8am"
                timezone: Mars/Base
                colour: red
              catalog: ./catalog
            """);
        Assert.Equal(
            new[] { (2, 3), (3, 11), (4, 23), (6, 17), (7, 12), (8, 15), (9, 5), (10, 12) },
            config.Problems.Select(p => Pos(p.Span)).OrderBy(p => p));
        Assert.Equal(0.30, config.Settings.Sizing.Buffer);
        Assert.Contains(config.Problems, p => p.Message.Contains("cannot read files"));
    }

    [Fact]
    public void Sizing_catalog_directory_overrides_prices_and_reports_bad_files()
    {
        const string instances = """
            instances:
              - name: g6.xlarge
                provider: aws
                region: us-east-1
                accelerator: l4
                acceleratorCount: 1
                onDemandUsdPerHour: 0.50
                spotUsdPerHour: 0.20
                source: negotiated
                date: 2026-01
            """;
        var good = ConfigLoader.Load(new SourceText(".infralint.yaml", "sizing:\n  catalog: prices\n"), _ => true,
            path => path.Replace('\\', '/') == "prices/instances.yaml" ? instances : null);
        Assert.Empty(good.Problems);
        Assert.Equal(0.50, good.Settings.Catalog.FindInstance("g6.xlarge")!.OnDemandUsdPerHour);

        var bad = ConfigLoader.Load(new SourceText(".infralint.yaml", "sizing:\n  catalog: prices\n"), _ => true,
            path => path.EndsWith("instances.yaml") ? "instances:\n  - name: x\n" : null);
        var problem = Assert.Single(bad.Problems);
        Assert.Equal((2, 12), Pos(problem.Span));
        Assert.Contains("instances.yaml:", problem.Message);
    }

    [Fact]
    public void A_second_document_is_a_problem_at_its_start_not_ignored()
    {
        var config = Load("requireImageDigests: true\n---\nrules:\n  IL3006: off\n");
        var problem = Assert.Single(config.Problems);
        Assert.Equal((2, 1), Pos(problem.Span));
        Assert.Contains("single YAML document", problem.Message);
        Assert.True(config.Settings.RequireImageDigests);
        Assert.Empty(config.Settings.Rules);
    }

    [Theory]
    [InlineData("- : :x\n", 1, 4)]
    [InlineData("a:\n  b:\n *a\n", 3, 2)]
    [InlineData("rules: &r\n  IL3006: *r\n", 2, 11)]
    public void Text_the_yaml_library_cannot_model_is_a_problem_not_an_exception(string yaml, int line, int column)
    {
        var problem = Assert.Single(Load(yaml).Problems);
        Assert.Equal((line, column), Pos(problem.Span));
    }
}
