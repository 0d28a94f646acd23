using System.IO.Compression;
using Microsoft.CodeAnalysis.Sarif;

namespace InfraLint.Cli.Output;

/// <summary>
/// GitHub code scanning's hard limits on an upload (docs.github.com, "SARIF results exceed one or more limits" and
/// "SARIF file is too large"). Above them GitHub rejects the whole file; so the log keeps what fits, the most severe
/// results first, and says what it left out in each run's <c>toolExecutionNotifications</c>.
/// </summary>
internal static class SarifLimits
{
    public const int MaxResultsPerRun = 25_000;

    public const int MaxRunsPerFile = 20;

    /// <summary>
    /// "Location per result". GitHub's table does not say whether <c>relatedLocations</c> count; both arrays are kept
    /// under it, so either reading of the limit holds.
    /// </summary>
    public const int MaxLocationsPerResult = 1_000;

    /// <summary>The gzip-compressed file; GitHub says 10 MB (taken as 10,000,000 bytes, the stricter reading).</summary>
    public const long MaxGzipBytes = 10_000_000;

    private const long NotificationRoom = 4_096;

    /// <summary>Trims every run of <paramref name="log"/> to the limits; returns one sentence per thing left out.</summary>
    public static IReadOnlyList<string> Apply(SarifLog log, long maxGzipBytes = MaxGzipBytes)
    {
        var notes = new List<string>();
        foreach (var run in log.Runs)
        {
            foreach (var result in run.Results ?? new List<Result>())
            {
                if (result.Locations?.Count > MaxLocationsPerResult)
                    Note(run, notes, $"a {result.RuleId} result has {result.Locations.Count:N0} locations; GitHub accepts at most {MaxLocationsPerResult:N0}: the first {MaxLocationsPerResult:N0} are kept.");
                if (result.RelatedLocations?.Count > MaxLocationsPerResult)
                    Note(run, notes, $"a {result.RuleId} result has {result.RelatedLocations.Count:N0} related locations; only the first {MaxLocationsPerResult:N0} are kept.");
                if (result.Locations?.Count > MaxLocationsPerResult) result.Locations = result.Locations.Take(MaxLocationsPerResult).ToList();
                if (result.RelatedLocations?.Count > MaxLocationsPerResult) result.RelatedLocations = result.RelatedLocations.Take(MaxLocationsPerResult).ToList();
            }
            if (run.Results?.Count > MaxResultsPerRun)
            {
                var total = run.Results.Count;
                run.Results = MostSevere(run.Results, MaxResultsPerRun);
                Note(run, notes, $"{total:N0} results, more than the {MaxResultsPerRun:N0} GitHub accepts in a run: the {total - MaxResultsPerRun:N0} least severe were left out ({Kept(run.Results)}).");
            }
        }

        // What held is worth less than what failed: over the size limit, the evaluations go first, whole (a part would
        // turn "holds" into "not applicable"), and only then results.
        if (log.Runs.Any(HasEvaluations) && WrittenSize(log, gzip: false) > maxGzipBytes && WrittenSize(log, gzip: true) > maxGzipBytes)
        {
            foreach (var run in log.Runs.Where(HasEvaluations))
            {
                SarifEvaluations.Remove(run);
                Note(run, notes, $"the log would be over GitHub's {maxGzipBytes / 1_000_000.0:0.#} MB gzip-compressed limit: what the rules evaluated (run.properties.{SarifEvaluations.PropertyName}) was left out, so a report from this log cannot tell a control that holds.");
            }
        }

        // The size is known only once written, and the rules' help is a fixed share of it: the largest share of every
        // run's results that fits is searched for, in steps of 1/1000. Text at most the limit compresses to less, so
        // the common small log is never gzipped.
        if (WrittenSize(log, gzip: false) > maxGzipBytes && WrittenSize(log, gzip: true) > maxGzipBytes)
        {
            var all = log.Runs.Select(r => r.Results ?? new List<Result>()).ToArray();
            void Keep(int permille)
            {
                for (int i = 0; i < all.Length; i++)
                    if (log.Runs[i].Results is not null) log.Runs[i].Results = MostSevere(all[i], (int)((long)all[i].Count * permille / 1000));
            }
            int fits = 0, over = 1000;
            while (over - fits > 1)
            {
                var middle = (fits + over) / 2;
                Keep(middle);
                // Room is left for the notifications this adds below.
                if (WrittenSize(log, gzip: true) <= maxGzipBytes - NotificationRoom) fits = middle; else over = middle;
            }
            Keep(fits);
            for (int i = 0; i < all.Length; i++)
            {
                var run = log.Runs[i];
                var kept = run.Results?.Count ?? 0;
                if (kept < all[i].Count)
                    Note(run, notes, $"the log would be over GitHub's {maxGzipBytes / 1_000_000.0:0.#} MB gzip-compressed limit: {all[i].Count - kept:N0} of {all[i].Count:N0} results, the least severe, were left out ({Kept(run.Results)}).");
            }
        }
        return notes;
    }

    private static bool HasEvaluations(Run run) => SarifEvaluations.Read(run) is { Items.Count: > 0 };

    /// <summary>
    /// The <paramref name="count"/> results worth most: errors before warnings before notes, then what counts (not
    /// suppressed, not already in the baseline) before what does not, then the log's own order, which they keep.
    /// </summary>
    public static IList<Result> MostSevere(IList<Result> results, int count) => results
        .Select((r, i) => (Result: r, Index: i))
        .OrderBy(p => Rank(p.Result.Level))
        .ThenBy(p => p.Result.Suppressions?.Count > 0 || p.Result.BaselineState == BaselineState.Unchanged ? 1 : 0)
        .ThenBy(p => p.Index)
        .Take(Math.Max(0, count))
        .OrderBy(p => p.Index)
        .Select(p => p.Result)
        .ToList();

    private static int Rank(FailureLevel level) => level switch
    {
        FailureLevel.Error => 0,
        FailureLevel.Warning => 1,
        FailureLevel.Note => 2,
        _ => 3,
    };

    private static string Kept(IList<Result>? results)
    {
        var list = results ?? new List<Result>();
        var lowest = list.Count == 0 ? "nothing" : list.Max(r => Rank(r.Level)) switch { 0 => "errors", 1 => "warnings", 2 => "notes", _ => "results of every level" };
        return $"kept {list.Count:N0}, down to {lowest}";
    }

    private static void Note(Run run, List<string> notes, string text)
    {
        notes.Add(text);
        run.Invocations ??= new List<Invocation>();
        if (run.Invocations.Count == 0) run.Invocations.Add(new Invocation { ExecutionSuccessful = true });
        var invocation = run.Invocations[0];
        invocation.ToolExecutionNotifications ??= new List<Notification>();
        invocation.ToolExecutionNotifications.Add(new Notification { Level = FailureLevel.Warning, Message = SarifOutput.Text(text) });
    }

    /// <summary>The log's size as UTF-8, gzip-compressed or not.</summary>
    public static long WrittenSize(SarifLog log, bool gzip)
    {
        var counter = new CountingStream();
        using (Stream target = gzip ? new GZipStream(counter, CompressionLevel.Optimal, leaveOpen: true) : counter)
        using (var writer = new StreamWriter(target, new System.Text.UTF8Encoding(false), 64 * 1024, leaveOpen: true))
            SarifOutput.Write(log, writer);
        return counter.Length;
    }

    /// <summary>Counts what is written and keeps none of it: a large log is measured without being held twice.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => _length += count;
        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
    }
}
