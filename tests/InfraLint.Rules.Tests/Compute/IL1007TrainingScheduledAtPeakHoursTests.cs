using InfraLint.Core.Facts;
using InfraLint.Core.Scheduling;
using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.Compute;

public sealed class IL1007TrainingScheduledAtPeakHoursTests
{
    private const string Id = "IL1007";

    private const string CronJob = """
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: retrain
          namespace: training
          annotations:
            infralint.dev/role: training
        spec:
          schedule: {|IL1007:"30 9 * * 1-5"|}
          jobTemplate:
            spec:
              template:
                spec:
                  containers:
                    - name: trainer
                      image: ghcr.io/example/train:1
        """;

    [Fact]
    public void A_start_inside_the_window_is_reported_at_the_schedule()
    {
        var finding = Assert.Single(Verify.Findings(Id, CronJob));
        Assert.Equal((Id, 9, 13), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
        // No spec.timeZone: the controller's local zone decides, so UTC is named as an assumption, not a fact.
        Assert.Contains("for example at Mon 09:30 UTC (read as UTC: without spec.timeZone the schedule runs in the local time zone of the controller that starts it, UTC on most managed clusters but not necessarily), inside the peak window (Mon–Fri 08:00–20:00 UTC)", finding.Message);
    }

    [Fact]
    public void A_schedule_with_a_time_zone_states_no_assumption()
    {
        var finding = Assert.Single(Verify.Findings(Id, CronJob.Replace("  schedule:", "  timeZone: Etc/UTC\n  schedule:")));
        Assert.Contains("for example at Mon 09:30 Etc/UTC, inside the peak window", finding.Message);
        Assert.DoesNotContain("read as UTC", finding.Message);
    }

    [Theory]
    [InlineData("30 1 * * 1-5")]
    [InlineData("0 10 * * SAT,SUN")]
    [InlineData("@daily")]
    [InlineData("0 20-23 * * *")]
    [InlineData("not a schedule")]
    public void Starts_outside_the_window_are_not_reported(string schedule)
    {
        Verify.NoFindings(Id, Plain(CronJob).Replace("\"30 9 * * 1-5\"", $"\"{schedule}\""));
    }

    [Fact]
    public void The_cronjob_time_zone_and_the_configured_window_are_honoured()
    {
        // 03:30 in Los Angeles is 10:30 or 11:30 UTC.
        Verify.Findings(Id, CronJob.Replace("\"30 9 * * 1-5\"", "\"30 3 * * 1-5\"").Replace("  schedule:", "  timeZone: America/Los_Angeles\n  schedule:"));
        var nights = new LintSettings { PeakHours = new PeakWindow(PeakWindow.Default.Days, 0, 6 * 60, "UTC", new[] { TimeSpan.Zero }) };
        Verify.NoFindings(Id, Plain(CronJob), nights);
    }

    [Fact]
    public void Untyped_cronjobs_are_not_reported()
    {
        Verify.NoFindings(Id, Plain(CronJob).Replace("  annotations:\n    infralint.dev/role: training\n", ""));
    }

    [Fact]
    public void A_profile_training_schedule_is_checked_and_a_bad_one_is_a_configuration_problem()
    {
        const string spec = """
            apiVersion: infralint.dev/v1alpha1
            kind: AIWorkload
            metadata:
              name: pretrain
            spec:
              role: training
              model:
                name: llama-3.1-8b
              training:
                tokens: 1.0e12
                schedule: {|IL1007:"0 12 * * 3"|}
            """;
        Verify.Findings(Id, spec);
        var bad = Lint.Yaml(Plain(spec).Replace("\"0 12 * * 3\"", "\"0 12 * *\""));
        var problem = Assert.Single(bad.Of("IL0002"));
        Assert.Equal((11, 15), (problem.Location.StartLine, problem.Location.StartColumn));
        Assert.Contains("five fields", problem.Message);
    }

    private static string Plain(string markup) => Markup.Parse("x.yaml", markup).Text;
}
