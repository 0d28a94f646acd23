using InfraLint.Core.Scanning;
using InfraLint.Core.Findings;
using InfraLint.Rules.Input;
using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.Scanning;

/// <summary>
/// Suppressions with <c>(until yyyy-MM-dd)</c>, in every YAML form (comment, annotation, CloudFormation metadata), on a
/// day given to the scanner: through the last day they apply, from the next UTC day on the finding is back and IL0004
/// points at the directive; a date that is not one is an IL0002 there and the directive applies to nothing.
/// </summary>
public sealed class ExpiringSuppressionTests
{
    private static readonly DateTime LastDay = new(2027, 3, 31);

    /// <summary>Each form's input with <c>{0}</c> where the expiry goes, the rule it waives, where that finding is, and where the directive is.</summary>
    public static TheoryData<string, string, string, (int, int), (int, int)> Forms() => new()
    {
        {
            "comment", "pod.yaml", "IL2006", (11, 21), (10, 9)
        },
        {
            "annotation", "daemonset.yaml", "IL2006", (14, 25), (6, 27)
        },
        {
            "cloudformation", "template.yaml", "IL2001", (3, 3), (8, 13)
        },
    };

    private static string Input(string form, string until) => form switch
    {
        "comment" => $"""
            apiVersion: v1
            kind: Pod
            metadata:
              name: debug
            spec:
              containers:
                - name: shell
                  image: busybox:1.36
                  securityContext:
                    # infralint-disable-next-line IL2006 -- node debugging pod{until}
                    privileged: true
            """,
        "annotation" => $"""
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: device-plugin
              annotations:
                infralint.dev/ignore: "IL2006 -- needs the host's devices{until}"
            spec:
              template:
                spec:
                  containers:
                    - name: plugin
                      image: nvcr.io/nvidia/k8s-device-plugin:v0.16.2
                      securityContext:
                        privileged: true
            """,
        _ => $"""
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              ModelCache:
                Type: AWS::EFS::FileSystem
                Metadata:
                  infralint:
                    ignore:
                      - id: IL2001
                        reason: scratch space for public weights{(until.Length == 0 ? "" : "\n            until: " + until.Trim().Replace("(until ", "").TrimEnd(')'))}
                Properties:
                  PerformanceMode: generalPurpose
            """,
    };

    private static ScanResult Scan(string form, string file, string until, DateTime today) =>
        Lint.Files(null, today, (file, Input(form, until)));

    private static (int, int) At(Finding finding) => (finding.Location.StartLine, finding.Location.StartColumn);

    [Theory]
    [MemberData(nameof(Forms))]
    public void Without_an_expiry_the_suppression_applies_on_any_day(string form, string file, string rule, (int, int) finding, (int, int) directive)
    {
        var result = Scan(form, file, "", new DateTime(2999, 1, 1));
        var waived = Assert.Single(result.Findings, f => f.RuleId == rule);
        Assert.Equal(finding, At(waived));
        Assert.NotNull(waived.Suppression);
        Assert.Null(waived.Suppression!.Until);
        Assert.Equal(directive, (waived.Suppression.Span.StartLine, waived.Suppression.Span.StartColumn));
        Assert.DoesNotContain(result.Findings, f => f.RuleId is IL0004ExpiredSuppression.Id or IL0002ConfigurationProblem.Id);
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Through_its_last_day_the_suppression_applies_and_carries_its_expiry(string form, string file, string rule, (int, int) finding, (int, int) directive)
    {
        foreach (var today in new[] { new DateTime(2026, 11, 30), LastDay })
        {
            var result = Scan(form, file, " (until 2027-03-31)", today);
            var waived = Assert.Single(result.Findings, f => f.RuleId == rule);
            Assert.Equal(finding, At(waived));
            Assert.Equal(LastDay, waived.Suppression?.Until);
            Assert.Equal(directive, (waived.Suppression!.Span.StartLine, waived.Suppression.Span.StartColumn));
            Assert.NotEqual("", waived.Suppression.Justification);
            Assert.DoesNotContain("until", waived.Suppression.Justification!, StringComparison.Ordinal);
            Assert.DoesNotContain(result.Findings, f => f.RuleId is IL0004ExpiredSuppression.Id);
        }
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void From_the_next_day_the_finding_is_back_and_IL0004_points_at_the_directive(string form, string file, string rule, (int, int) finding, (int, int) directive)
    {
        var result = Scan(form, file, " (until 2027-03-31)", LastDay.AddDays(1));
        var back = Assert.Single(result.Findings, f => f.RuleId == rule);
        Assert.Equal(finding, At(back));
        Assert.Null(back.Suppression);
        var expired = Assert.Single(result.Findings, f => f.RuleId == IL0004ExpiredSuppression.Id);
        Assert.Equal((file, directive), (expired.Location.File, At(expired)));
        Assert.Contains($"of {rule} expired at the end of 2027-03-31 (UTC)", expired.Message, StringComparison.Ordinal);
        Assert.Null(expired.Suppression);
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void A_date_that_is_not_an_ISO_date_is_IL0002_at_the_directive_which_then_applies_to_nothing(string form, string file, string rule, (int, int) finding, (int, int) directive)
    {
        var result = Scan(form, file, " (until 31/03/2027)", new DateTime(2026, 11, 30));
        var unwaived = Assert.Single(result.Findings, f => f.RuleId == rule);
        Assert.Equal(finding, At(unwaived));
        Assert.Null(unwaived.Suppression);
        var problem = Assert.Single(result.Findings, f => f.RuleId == IL0002ConfigurationProblem.Id);
        Assert.Equal(directive, At(problem));
        Assert.Contains("'31/03/2027' is not an ISO date", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Findings, f => f.RuleId is IL0004ExpiredSuppression.Id);
    }

    [Fact]
    public void An_expired_suppression_cannot_be_suppressed_by_another_directive()
    {
        var yaml = """
            # infralint-disable-file -- everything here is a sandbox
            apiVersion: v1
            kind: Pod
            metadata:
              name: debug
            spec:
              containers:
                - name: shell
                  image: busybox:1.36
                  securityContext:
                    # infralint-disable-next-line IL2006,IL0004 -- node debugging pod (until 2025-01-31)
                    privileged: true
            """;
        var result = Lint.Files(null, new DateTime(2026, 11, 30), ("pod.yaml", yaml));
        var expired = Assert.Single(result.Findings, f => f.RuleId == IL0004ExpiredSuppression.Id);
        Assert.Equal((11, 9), At(expired));
        Assert.Null(expired.Suppression);
        // The file-wide directive, which has no date, still waives the finding the expired one no longer does.
        Assert.Equal("everything here is a sandbox", Assert.Single(result.Findings, f => f.RuleId == "IL2006").Suppression?.Justification);
    }

    [Theory]
    [InlineData("# infralint-disable-line IL2006 (until 2027-03-31)", null)]
    [InlineData("# infralint-disable-line IL2006 -- reason (until 2027-03-31)", "reason")]
    [InlineData("# infralint-disable-line IL2006 -- reason (UNTIL  2027-03-31 )", "reason")]
    public void The_expiry_may_follow_the_ids_or_the_reason(string comment, string? reason)
    {
        var yaml = $"apiVersion: v1\nkind: Pod\nmetadata:\n  name: debug\nspec:\n  containers:\n    - name: shell\n      image: busybox:1.36\n      securityContext:\n        privileged: true {comment}\n";
        var waived = Assert.Single(Lint.Files(null, LastDay, ("pod.yaml", yaml)).Findings, f => f.RuleId == "IL2006");
        Assert.Equal((LastDay, reason), (waived.Suppression?.Until, waived.Suppression?.Justification));
    }
}
