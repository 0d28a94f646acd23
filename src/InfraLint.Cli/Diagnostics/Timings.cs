using System.Diagnostics;

namespace InfraLint.Cli.Diagnostics;

/// <summary>
/// <c>INFRALINT_TIMINGS=1</c>: named phase times on standard error, for measuring start-up on a whole process
/// (bench/startup/run.sh). Off, every call is a flag test, so the tool pays nothing for carrying it.
/// </summary>
internal static class Timings
{
    public static bool Enabled { get; } = Environment.GetEnvironmentVariable("INFRALINT_TIMINGS") == "1";

    private static readonly List<(string Name, double Milliseconds)> Phases = new();

    /// <summary>When <c>Main</c> first asked for a phase: what came before is the runtime's start and the host's.</summary>
    private static readonly long FirstUse = Stopwatch.GetTimestamp();

    /// <summary>Times the phase until the returned scope is disposed; nested phases are reported on their own.</summary>
    public static Phase Measure(string name) => new(Enabled ? name : null);

    /// <summary>Records a phase measured elsewhere (the scanner's own phases).</summary>
    public static void Add(string name, TimeSpan elapsed)
    {
        if (!Enabled) return;
        lock (Phases) Phases.Add((name, elapsed.TotalMilliseconds));
    }

    /// <summary>Writes every phase, the time the runtime took before <c>Main</c> and the assemblies loaded, then forgets them.</summary>
    public static void Report(TextWriter error)
    {
        if (!Enabled) return;
        lock (Phases)
        {
            var sinceFirstUse = Stopwatch.GetElapsedTime(FirstUse).TotalMilliseconds;
            var sinceStart = (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds;
            error.WriteLine($"infralint: timing: runtime start {sinceStart - sinceFirstUse:F0} ms");
            error.WriteLine($"infralint: timing: main {sinceFirstUse:F0} ms");
            foreach (var (name, ms) in Phases) error.WriteLine($"infralint: timing: {name} {ms:F1} ms");
            // What the garbage collector cost: a scan's facts live until its end, so each one is copied on its way to gen2.
            var gc = GC.GetGCMemoryInfo(GCKind.Any);
            error.WriteLine($"infralint: timing: memory: {GC.GetTotalAllocatedBytes() / 1e6:F0} MB allocated; "
                + $"collections gen0 {GC.CollectionCount(0)}, gen1 {GC.CollectionCount(1)}, gen2 {GC.CollectionCount(2)}; "
                + $"paused {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms; heap after the last {gc.HeapSizeBytes / 1e6:F0} MB; "
                + $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MiB");
            if (ExecutableMemory() is { } mapping) error.WriteLine($"infralint: timing: executable memory {mapping}");
            var loaded = AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();
            error.WriteLine($"infralint: timing: {loaded.Length} assemblies loaded: {string.Join(", ", loaded)}");
            Phases.Clear();
        }
    }

    /// <summary>
    /// Whether the runtime maps JIT-compiled code twice (W^X: its double mapper's memory shows in the process's map) or
    /// once, as the tool's runtimeconfig asks (src/InfraLint.Cli/InfraLint.Cli.csproj); null where there is no /proc.
    /// </summary>
    private static string? ExecutableMemory()
    {
        const string maps = "/proc/self/maps";
        if (!File.Exists(maps)) return null;
        return File.ReadLines(maps).Any(line => line.Contains("doublemapper", StringComparison.Ordinal))
            ? "double-mapped (W^X on)"
            : "mapped once (W^X off)";
    }

    internal readonly struct Phase : IDisposable
    {
        private readonly string? _name;
        private readonly long _start;

        public Phase(string? name)
        {
            _name = name;
            _start = name is null ? 0 : Stopwatch.GetTimestamp();
        }

        public void Dispose()
        {
            if (_name is null) return;
            var elapsed = Stopwatch.GetElapsedTime(_start).TotalMilliseconds;
            lock (Phases) Phases.Add((_name, elapsed));
        }
    }
}
