using System;
using System.Collections.Generic;
using InfraLint.Core.Locations;

namespace InfraLint.Core.Facts
{
    /// <summary>
    /// Something that starts work on a clock outside the workload itself: an EventBridge rule or schedule
    /// that launches a SageMaker pipeline or a Batch job. <see cref="Schedule"/> is in standard five-field cron
    /// (minute hour day-of-month month day-of-week), converted from the provider's own syntax.
    /// </summary>
    public sealed class ScheduledTrigger : InfraResource
    {
        public ScheduledTrigger(string format, string kind, string name, string @namespace, SourceSpan span)
            : base(format, kind, name, @namespace, span)
        {
        }

        public Located<string?> Schedule { get; set; } = null!;

        /// <summary>IANA zone or UTC offset the schedule is read in; missing means UTC.</summary>
        public Located<string?>? TimeZone { get; set; }

        /// <summary>What the started work is, judged from the targets (a SageMaker pipeline trains; a Batch job is batch work).</summary>
        public WorkloadRole Role { get; set; }

        public string? RoleReason { get; set; }

        /// <summary>Template logical ids (or names) of what it starts.</summary>
        public IReadOnlyList<string> TargetIds { get; set; } = Array.Empty<string>();
    }
}
