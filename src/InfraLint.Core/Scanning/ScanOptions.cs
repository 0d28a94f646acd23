namespace InfraLint.Core.Scanning
{
    /// <summary>
    /// How a scanner evaluates, as opposed to what it finds: no option here may change a finding, except the day the scan
    /// runs on (<see cref="Today"/>), which decides whether a suppression has expired (a shard reports a part of them,
    /// never another one).
    /// </summary>
    public sealed class ScanOptions
    {
        public static ScanOptions Default { get; } = new ScanOptions();

        /// <summary>
        /// One rule session per <see cref="EvaluationScopes">scope</see> (the default) rather than one over the whole scan;
        /// single is the reference a partitioned run is compared with.
        /// </summary>
        public bool Partitioned { get; init; } = true;

        /// <summary>
        /// With more inputs than this, <see cref="Scanner.Scan"/> streams: it reads each file once for the partition and
        /// again for its scopes' sessions, so memory is bounded by the sessions running at once, not by the tree, for twice
        /// the reading. Null (the default) never streams; a partitioned scan only (<see cref="Partitioned"/>).
        /// </summary>
        public int? StreamAbove { get; init; }

        /// <summary>How many sessions run at once. The host decides (the CLI: its core count); one by default, for a host that owns its threads (an analyzer).</summary>
        public int MaxParallelism { get; init; } = 1;

        /// <summary>
        /// The UTC date the scan runs on, given by the host (the CLI from its environment, tests a fixed day); when null,
        /// the system clock's UTC date at the time of each evaluation. A suppression applies through the end of its last day.
        /// </summary>
        public System.DateTime? Today { get; init; }

        /// <summary>Told of each file read and each session evaluated by <see cref="Scanner.Scan"/>; none by default.</summary>
        public IScanProgress? Progress { get; init; }

        /// <summary>
        /// Whether the result lists what each rule evaluated (<see cref="ScanResult.Evaluations"/>), for a host whose output
        /// tells a control that holds from one with nothing to look at (SARIF, compliance evidence). Findings are the same
        /// either way; a host that prints only findings turns it off to save the sessions the records.
        /// </summary>
        public bool RecordEvaluations { get; init; } = true;

        /// <summary>The part of the scan to evaluate and report; null for all of it.</summary>
        public ScanShard? Shard { get; init; }

        /// <summary>
        /// Where a streaming scan keeps what its findings say (<see cref="Findings.FindingBody"/>) from the end of their
        /// session until the report reads it, so that memory at the end is bounded by the findings' count, not their
        /// text; null keeps it in memory. Findings about no resource (settings, unreadable input) stay in memory.
        /// </summary>
        public Findings.IFindingBodies? FindingBodies { get; init; }
    }
}
