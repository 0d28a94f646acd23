using InfraLint.Core.Findings;
using InfraLint.Rules.Input;
using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.Scanning;

/// <summary>How directives from comments and from the <c>infralint.dev/ignore</c> annotation reach findings.</summary>
public sealed class SuppressionTests
{
    private const string PrivilegedDaemonSet = """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: device-plugin
          annotations:
            infralint.dev/ignore: "{0}"
        spec:
          template:
            spec:
              containers:
                - name: plugin
                  image: nvcr.io/nvidia/k8s-device-plugin:v0.16.2
                  securityContext:
                    privileged: true
        """;

    private static Finding[] Findings(string ignore, string rule) =>
        Lint.Yaml(string.Format(PrivilegedDaemonSet, ignore)).Findings.Where(f => f.RuleId == rule).ToArray();

    [Theory]
    [InlineData("IL2006")]
    [InlineData("il2006")]
    [InlineData("IL2011, il2006")]
    [InlineData("IL2011 IL2006")]
    [InlineData("*")]
    public void Annotation_suppresses_the_rules_it_names_on_its_resource_in_source_with_its_own_span(string ignore)
    {
        var finding = Assert.Single(Findings(ignore, "IL2006"));
        var suppression = Assert.IsType<Suppression>(finding.Suppression);
        Assert.Equal("inSource", suppression.Kind);
        Assert.Equal("annotation infralint.dev/ignore", suppression.Justification);
        Assert.Equal(("test.yaml", 6, 27, 6, 27 + ignore.Length + 2), (suppression.Span.File, suppression.Span.StartLine, suppression.Span.StartColumn, suppression.Span.EndLine, suppression.Span.EndColumn));
    }

    [Theory]
    [InlineData("IL2011")]
    [InlineData("IL20066")]
    [InlineData("")]
    [InlineData(" , ")]
    public void Annotation_that_does_not_name_the_rule_suppresses_nothing(string ignore)
    {
        var finding = Assert.Single(Findings(ignore, "IL2006"));
        Assert.Null(finding.Suppression);
    }

    [Fact]
    public void Annotation_ids_are_not_judged_as_suppressions_are()
    {
        Assert.Empty(Findings("IL9999 not-a-rule", IL0002ConfigurationProblem.Id));
    }

    [Fact]
    public void A_comment_on_the_line_wins_over_the_annotation()
    {
        var yaml = string.Format(PrivilegedDaemonSet, "*").Replace(
            "          privileged: true",
            "          # infralint-disable-next-line IL2006 -- the device plugin needs the host's devices\n              privileged: true");
        var finding = Assert.Single(Lint.Yaml(yaml).Findings, f => f.RuleId == "IL2006");
        Assert.Equal("the device plugin needs the host's devices", finding.Suppression?.Justification);
    }

    [Fact]
    public void Compose_label_suppresses_like_the_annotation()
    {
        var result = Lint.Yaml("""
            services:
              plugin:
                image: nvcr.io/nvidia/k8s-device-plugin:v0.16.2
                privileged: true
                labels:
                  infralint.dev/ignore: "IL2006"
            """, "compose.yaml");
        var finding = Assert.Single(result.Findings, f => f.RuleId == "IL2006");
        Assert.Equal(("inSource", "annotation infralint.dev/ignore", 6, 29), (finding.Suppression?.Kind, finding.Suppression?.Justification, finding.Suppression?.Span.StartLine, finding.Suppression?.Span.StartColumn));
    }

    [Fact]
    public void A_parse_failure_cannot_be_suppressed_by_its_own_file()
    {
        Assert.False(IL0001FileCouldNotBeParsed.Descriptor.SuppressibleInSource);
        var result = Lint.Yaml("""
            # infralint-disable-file -- nothing here is checked anyway
            # infralint-disable-file IL0001 -- nor this
            apiVersion: v1
            kind: Pod
            metadata:
              name: broken
              annotations:
                infralint.dev/ignore: "*"
            spec:
              containers:
                - name: app
                  image: "example/app:1.0
            """);
        var finding = Assert.Single(result.Findings, f => f.RuleId == IL0001FileCouldNotBeParsed.Id);
        Assert.Null(finding.Suppression);
    }

    /// <summary>IL0004 is not suppressible either: a comment that silenced it would make every expiry meaningless.</summary>
    [Fact]
    public void Every_other_rule_can_be_suppressed_in_source() =>
        Assert.Equal(new[] { IL0001FileCouldNotBeParsed.Id, IL0004ExpiredSuppression.Id }, RuleSet.Catalog.All.Where(d => !d.SuppressibleInSource).Select(d => d.Id).ToArray());
}
