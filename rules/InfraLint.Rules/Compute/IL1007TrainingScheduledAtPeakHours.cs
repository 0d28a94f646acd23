using System;
using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Engine;
using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using InfraLint.Core.Locations;
using InfraLint.Core.Scheduling;
using NRules.Fluent.Dsl;

namespace InfraLint.Rules.Compute
{
    /// <summary>
    /// A scheduled training run that starts while inference traffic peaks competes with serving for the same
    /// GPUs and pays peak prices. The peak window is configuration (default weekdays 08:00–20:00 UTC); the
    /// schedule is read as cron, in the CronJob's own time zone when it names one; otherwise the kube-controller-manager
    /// runs it in its local time zone, which the file cannot show, and it is read as UTC (the usual zone of managed
    /// control planes) with that assumption stated in the message.
    /// </summary>
    [Name(Id)]
    public sealed class IL1007TrainingScheduledAtPeakHours : Rule
    {
        public const string Id = "IL1007";

        public static readonly RuleDescriptor Descriptor = new RuleDescriptor(
            Id,
            "Training scheduled at peak hours",
            "A scheduled training or batch job starts inside the configured peak window (default Monday to Friday, 08:00–20:00 UTC), when it competes with inference for accelerators.",
            Severity.Warning,
            Precision.High,
            new[] { "compute", "cost", "training", "scheduling" });

        public override void Define()
        {
            LintSettings settings = default!;
            ComputeWorkload workload = default!;
            IEnumerable<WorkloadProfile> profiles = default!;
            Finding? finding = default;

            When()
                .Match(() => settings)
                .Match(() => workload, w => w.Schedule != null && w.Schedule.IsPresent)
                .Query(() => profiles, q => q.Match<WorkloadProfile>(p => p.Describes(workload)).Collect())
                .Let(() => finding, () => IsTraining(workload.Role, profiles)
                    ? Judge(workload, workload.Schedule!, workload.ScheduleTimeZone, settings)
                    : null)
                .Having(() => finding != null);

            Then()
                .Do(ctx => ctx.Report(finding!));
        }

        internal static bool IsTraining(WorkloadRole role, IEnumerable<WorkloadProfile> profiles) =>
            (profiles.Select(p => p.Role.Value).FirstOrDefault(r => r is not null) ?? role) is WorkloadRole.Training or WorkloadRole.BatchInference;

        internal static Finding? Judge(InfraResource subject, Located<string?> schedule, Located<string?>? timeZone, LintSettings settings)
        {
            if (schedule.Value is not string text || !CronSchedule.TryParse(text, out var cron, out _)) return null;
            string zone = timeZone?.Value ?? "UTC";
            if (PeakWindow.ResolveOffsets(zone) is not { } offsets) return null;
            if (settings.PeakHours.FirstStartInside(cron!, offsets) is not (DayOfWeek day, int minute)) return null;

            string when = $"{PeakWindow.Short(day)} {PeakWindow.Clock(minute)} {zone}";
            // Without a zone the schedule runs in the controller's local time zone, which the file cannot show: UTC is an assumption.
            string assumed = timeZone is { IsMissing: true }
                ? $" (read as UTC: without {timeZone.Name} the schedule runs in the local time zone of the controller that starts it, UTC on most managed clusters but not necessarily)"
                : string.Empty;
            return new Finding(
                Descriptor,
                $"{Wording.Of(subject)} starts training on schedule '{text}', for example at {when}{assumed}, inside the peak window ({settings.PeakHours.Describe()}), when inference needs the GPUs; move the start outside the window.",
                schedule.Span,
                Wording.PathOf(subject, schedule),
                subject,
                properties: new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["schedule"] = text,
                    ["scheduleTimeZone"] = zone,
                    ["scheduleTimeZoneAssumed"] = timeZone is { IsMissing: true } ? "true" : "false",
                    ["firstStartInWindow"] = when,
                    ["peakWindow"] = settings.PeakHours.Describe(),
                    ["weekdays"] = string.Join(",", cron!.Weekdays.Select(PeakWindow.Short)),
                    ["hours"] = string.Join(",", cron.Hours),
                    ["minutes"] = string.Join(",", cron.Minutes),
                });
        }
    }

    /// <summary>The same check for a training schedule declared in a workload profile (<c>spec.training.schedule</c>).</summary>
    [Name(IL1007TrainingScheduledAtPeakHours.Id + ".profile")]
    public sealed class IL1007ProfileSchedule : Rule
    {
        public override void Define()
        {
            LintSettings settings = default!;
            WorkloadProfile profile = default!;
            Finding? finding = default;

            When()
                .Match(() => settings)
                .Match(() => profile, p => p.TrainingSchedule.IsPresent, p => p.Role.Value == WorkloadRole.Training || p.Role.Value == WorkloadRole.BatchInference)
                .Let(() => finding, () => IL1007TrainingScheduledAtPeakHours.Judge(profile, profile.TrainingSchedule, null, settings))
                .Having(() => finding != null);

            Then()
                .Do(ctx => ctx.Report(finding!));
        }
    }

    /// <summary>
    /// The same check for a cloud scheduler that starts training or batch work (an EventBridge rule or schedule
    /// launching a SageMaker pipeline or a Batch job); its cron was converted to five fields by the adapter.
    /// </summary>
    [Name(IL1007TrainingScheduledAtPeakHours.Id + ".trigger")]
    public sealed class IL1007ScheduledTrigger : Rule
    {
        public override void Define()
        {
            LintSettings settings = default!;
            ScheduledTrigger trigger = default!;
            Finding? finding = default;

            When()
                .Match(() => settings)
                .Match(() => trigger, t => t.Role == WorkloadRole.Training || t.Role == WorkloadRole.BatchInference)
                .Let(() => finding, () => IL1007TrainingScheduledAtPeakHours.Judge(trigger, trigger.Schedule, trigger.TimeZone, settings))
                .Having(() => finding != null);

            Then()
                .Do(ctx => ctx.Report(finding!));
        }
    }
}
