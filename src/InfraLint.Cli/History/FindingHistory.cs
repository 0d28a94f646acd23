namespace InfraLint.Cli.History;

/// <summary>When a finding was open: from the scan it appeared in to the first complete scan without it (null: still open).</summary>
internal sealed record OpenInterval(DateTimeOffset Opened, DateTimeOffset? Fixed);

/// <summary>
/// One finding over the recorded scans of its repository, identified by fingerprint (and the fingerprint's version:
/// a finding whose key changed version starts a new history).
/// </summary>
internal sealed record FindingTimeline(
    string Repository,
    string FingerprintVersion,
    string Fingerprint,
    string RuleId,
    string Severity,
    string File,
    string LogicalPath,
    IReadOnlyList<OpenInterval> Intervals)
{
    public DateTimeOffset FirstSeen => Intervals[0].Opened;

    /// <summary>The last complete scan that reported it.</summary>
    public DateTimeOffset LastSeen { get; init; }

    public bool Open => Intervals[^1].Fixed is null;

    /// <summary>When it was last fixed; null while open or if never fixed.</summary>
    public DateTimeOffset? FixedAt => Intervals[^1].Fixed;

    /// <summary>How often it came back after a fix.</summary>
    public int Reopened => Intervals.Count - 1;
}

/// <summary>Findings open at the end of a week (the last complete scan of each repository up to then), weeks starting on Monday, UTC.</summary>
internal sealed record WeeklyOpen(DateOnly Week, int Open);

/// <summary>What the history says, computed from complete scans only: a scan with a missing shard would read as fixes.</summary>
internal sealed record HistorySummary(
    int CompleteScans,
    IReadOnlyList<FindingTimeline> Findings,
    IReadOnlyList<WeeklyOpen> OpenPerWeek,
    TimeSpan? MeanTimeToFix)
{
    public int Open => Findings.Count(f => f.Open);

    /// <summary>Findings fixed and not back in the latest scan.</summary>
    public int Fixed => Findings.Count(f => !f.Open);

    /// <summary>Findings that came back at least once after a fix.</summary>
    public int ReopenedFindings => Findings.Count(f => f.Reopened > 0);
}

/// <summary>
/// The history queries: first seen, last seen, fixed, reopened, open findings per week and mean time to fix. The API
/// <c>report --store</c> calls; <c>infralint history</c> prints it. Suppressed findings are not open: a justified
/// suppression is a decision, and the store keeps it, but it is not a finding to fix.
/// </summary>
internal static class FindingHistory
{
    public static HistorySummary Load(IHistoryStore store, string? repository = null) => Compute(store.CompleteScans(repository));

    /// <param name="scans">Complete scans, any order; each repository's are read oldest first.</param>
    public static HistorySummary Compute(IReadOnlyList<StoredScan> scans)
    {
        var timelines = new List<FindingTimeline>();
        var fixTimes = new List<TimeSpan>();
        var byRepository = scans.GroupBy(s => s.Repository, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.OrderBy(s => s.StartedAt).ThenBy(s => s.ScanId, StringComparer.Ordinal).ToArray())
            .ToArray();
        foreach (var ordered in byRepository)
        {
            var open = new Dictionary<(string, string), (FindingRecord Finding, List<OpenInterval> Intervals, DateTimeOffset LastSeen)>();
            var closed = new Dictionary<(string, string), (FindingRecord Finding, List<OpenInterval> Intervals, DateTimeOffset LastSeen)>();
            foreach (var scan in ordered)
            {
                var present = scan.Findings.Where(f => !f.Suppressed)
                    .GroupBy(f => (f.FingerprintVersion, f.Fingerprint)).ToDictionary(g => g.Key, g => g.First());
                foreach (var key in open.Keys.Where(k => !present.ContainsKey(k)).ToArray())
                {
                    var entry = open[key];
                    entry.Intervals[^1] = entry.Intervals[^1] with { Fixed = scan.StartedAt };
                    fixTimes.Add(scan.StartedAt - entry.Intervals[^1].Opened);
                    open.Remove(key);
                    closed[key] = entry;
                }
                foreach (var (key, finding) in present)
                {
                    if (open.TryGetValue(key, out var entry))
                        open[key] = (finding, entry.Intervals, scan.StartedAt);
                    else if (closed.Remove(key, out var back))
                    {
                        back.Intervals.Add(new OpenInterval(scan.StartedAt, null));
                        open[key] = (finding, back.Intervals, scan.StartedAt);
                    }
                    else open[key] = (finding, new List<OpenInterval> { new(scan.StartedAt, null) }, scan.StartedAt);
                }
            }
            var repository = ordered[0].Repository;
            timelines.AddRange(open.Concat(closed).Select(p => new FindingTimeline(
                repository, p.Key.Item1, p.Key.Item2, p.Value.Finding.RuleId, p.Value.Finding.Severity, p.Value.Finding.File, p.Value.Finding.LogicalPath, p.Value.Intervals)
            { LastSeen = p.Value.LastSeen }));
        }
        var sorted = timelines
            .OrderBy(t => t.Repository, StringComparer.Ordinal).ThenBy(t => t.File, StringComparer.Ordinal)
            .ThenBy(t => t.RuleId, StringComparer.Ordinal).ThenBy(t => t.LogicalPath, StringComparer.Ordinal).ThenBy(t => t.Fingerprint, StringComparer.Ordinal)
            .ToArray();
        TimeSpan? mean = fixTimes.Count == 0 ? null : TimeSpan.FromTicks((long)fixTimes.Average(t => t.Ticks));
        // A scan by repository is one StoredScan per repository: count scans, not repositories.
        return new HistorySummary(scans.Select(s => s.ScanId).Distinct(StringComparer.Ordinal).Count(), sorted, Weekly(byRepository), mean);
    }

    private static IReadOnlyList<WeeklyOpen> Weekly(IReadOnlyList<StoredScan[]> byRepository)
    {
        if (byRepository.Count == 0) return Array.Empty<WeeklyOpen>();
        var first = Monday(byRepository.Min(r => r[0].StartedAt));
        var last = Monday(byRepository.Max(r => r[^1].StartedAt));
        var weeks = new List<WeeklyOpen>();
        for (var week = first; week <= last; week = week.AddDays(7))
        {
            var end = new DateTimeOffset(week.AddDays(7).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            int count = 0;
            foreach (var scans in byRepository)
            {
                var latest = scans.LastOrDefault(s => s.StartedAt < end);
                if (latest is not null) count += latest.Findings.Where(f => !f.Suppressed).Select(f => (f.FingerprintVersion, f.Fingerprint)).Distinct().Count();
            }
            weeks.Add(new WeeklyOpen(week, count));
        }
        return weeks;
    }

    private static DateOnly Monday(DateTimeOffset time)
    {
        var day = DateOnly.FromDateTime(time.UtcDateTime);
        return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
    }
}
