using System.Diagnostics;
using System.Text.RegularExpressions;
using InfraLint.Cli;

namespace InfraLint.Fuzz;

public sealed record FuzzOptions
{
    public required IReadOnlyList<string> CorpusDirectories { get; init; }

    public int Seed { get; init; } = 1;

    /// <summary>First case index: <c>--start N --count 1</c> regenerates case N alone.</summary>
    public int Start { get; init; }

    public int Count { get; init; } = 1_000;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Where failing inputs are saved (null: nowhere).</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>Each hang leaves a thread spinning, so stop before they starve the rest of the run.</summary>
    public int MaxHangs { get; init; } = 5;
}

/// <summary>One failing case. <see cref="Signature"/> groups failures with the same cause.</summary>
public sealed record FuzzFailure(int Index, string Kind, string Signature, string Mutation, string Command, string Detail)
{
    public override string ToString() => $"case {Index} {Kind} in '{Command}': {Signature}\n  mutation: {Mutation}";
}

public sealed record FuzzReport(int Cases, IReadOnlyList<FuzzFailure> Failures, TimeSpan Wall, int SlowestIndex, TimeSpan Slowest, string SlowestMutation)
{
    public int Hangs => Failures.Count(f => f.Kind == Fuzzer.Hang);

    public int Crashes => Failures.Count - Hangs;
}

/// <summary>Runs mutated corpus files through the real CLI entry point, in-process, and records crashes and hangs.</summary>
public static class Fuzzer
{
    public const string Crash = "crash";
    public const string Hang = "hang";
    public const string DryRunWrote = "dry-run wrote";

    private static readonly string[] Formats = { "console", "json", "sarif" };

    /// <summary>How many inputs of one signature are kept: enough to compare, not thousands of copies of one bug.</summary>
    private const int SavedPerSignature = 3;

    public static FuzzReport Run(FuzzOptions options, TextWriter log)
    {
        var mutator = new Mutator(Mutator.LoadCorpus(options.CorpusDirectories));
        log.WriteLine($"fuzz: seed {options.Seed}, cases {options.Start}..{options.Start + options.Count - 1}, {mutator.CorpusSize} corpus files, timeout {options.Timeout.TotalSeconds:0.#} s");

        var failures = new List<FuzzFailure>();
        var bySignature = new Dictionary<string, int>(StringComparer.Ordinal);
        var wall = Stopwatch.StartNew();
        int cases = 0, slowestIndex = -1;
        var slowest = TimeSpan.Zero;
        string slowestMutation = "";
        if (options.OutputDirectory is not null) Directory.CreateDirectory(options.OutputDirectory);

        for (int index = options.Start; index < options.Start + options.Count; index++)
        {
            var fuzzCase = mutator.Create(options.Seed, index);
            // A stack overflow kills the process before anything is recorded: leave a note saying which case it was.
            if (options.OutputDirectory is not null)
                File.WriteAllText(Path.Combine(options.OutputDirectory, "current-case.txt"), $"--seed {options.Seed} --start {index} --count 1\n{fuzzCase.Description}\n");

            var caseWatch = Stopwatch.StartNew();
            var found = RunCase(fuzzCase, Formats[index % Formats.Length], options.Timeout);
            caseWatch.Stop();
            cases++;
            // The first case pays for JIT and compiling the rules, so it says nothing about the input.
            if (index > options.Start && caseWatch.Elapsed > slowest) (slowest, slowestIndex, slowestMutation) = (caseWatch.Elapsed, index, fuzzCase.Description);

            foreach (var failure in found)
            {
                failures.Add(failure);
                int seen = bySignature[failure.Signature] = bySignature.GetValueOrDefault(failure.Signature) + 1;
                if (seen == 1) log.WriteLine($"fuzz: NEW {failure}");
                if (seen <= SavedPerSignature && options.OutputDirectory is not null) Save(options, fuzzCase, failure);
            }
            if (failures.Count(f => f.Kind == Hang) >= options.MaxHangs)
            {
                log.WriteLine($"fuzz: stopping after {options.MaxHangs} hangs");
                break;
            }
            if (cases % 500 == 0) log.WriteLine($"fuzz: {cases} cases, {failures.Count} failures, {cases / wall.Elapsed.TotalSeconds:0.0} cases/s");
        }

        var report = new FuzzReport(cases, failures, wall.Elapsed, slowestIndex, slowest, slowestMutation);
        WriteSummary(report, bySignature, log);
        return report;
    }

    /// <summary>Writes the case into a fresh folder and runs one scan (format chosen by the caller) and one <c>fix --dry-run</c> on it.</summary>
    public static IReadOnlyList<FuzzFailure> RunCase(FuzzCase fuzzCase, string format, TimeSpan timeout)
    {
        var dir = Directory.CreateTempSubdirectory("infralint-fuzz-").FullName;
        var path = Path.Combine(dir, fuzzCase.FileName);
        File.WriteAllBytes(path, fuzzCase.Bytes);
        if (fuzzCase.Neighbour is { } neighbour)
        {
            Directory.CreateDirectory(Path.Combine(dir, "neighbour"));
            File.WriteAllBytes(Path.Combine(dir, "neighbour", Path.GetFileName(neighbour.Name)), neighbour.Bytes);
        }

        var failures = new List<FuzzFailure>();
        bool hung = false;
        foreach (var args in new[] { new[] { "scan", dir, "--format", format, "--fail-on", "none" }, new[] { "fix", dir, "--dry-run" } })
        {
            var failure = RunCli(fuzzCase, dir, args, timeout);
            if (failure is not null) failures.Add(failure);
            if (failure?.Kind == Hang) { hung = true; break; }
        }
        if (!hung && !File.ReadAllBytes(path).AsSpan().SequenceEqual(fuzzCase.Bytes))
            failures.Add(new FuzzFailure(fuzzCase.Index, DryRunWrote, "fix --dry-run changed the file", fuzzCase.Description, "fix --dry-run", ""));

        // A hung run still holds the folder; leave it to the temp cleaner rather than race the stuck thread.
        if (!hung) Directory.Delete(dir, recursive: true);
        return failures;
    }

    private static FuzzFailure? RunCli(FuzzCase fuzzCase, string dir, string[] args, TimeSpan timeout)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var env = new CliEnvironment { Out = stdout, Error = stderr, WorkingDirectory = dir, OutputIsTerminal = false, GetVariable = _ => null };
        int exit = -1;
        Exception? escaped = null;
        // A dedicated background thread, not the pool: a hung run is abandoned and must neither block exit nor take a pool thread.
        var worker = new Thread(() =>
        {
            try { exit = InfraLint.Cli.Program.Run(args, env); }
            catch (Exception e) { escaped = e; }
        }) { IsBackground = true, Name = $"fuzz case {fuzzCase.Index}" };
        worker.Start();
        string command = string.Join(' ', args.Select(a => a == dir ? "DIR" : a));
        if (!worker.Join(timeout))
            return new FuzzFailure(fuzzCase.Index, Hang, $"hang in {args[0]}", fuzzCase.Description, command, $"no answer after {timeout.TotalSeconds:0.#} s");

        string error = stderr.ToString();
        if (escaped is not null)
            return new FuzzFailure(fuzzCase.Index, Crash, Signature($"{escaped.GetType().Name}: {escaped.Message}", escaped.StackTrace ?? ""), fuzzCase.Description, command, escaped.ToString());
        if (exit == 3 || error.Contains("internal error", StringComparison.OrdinalIgnoreCase))
        {
            var lines = error.Split('\n');
            var headline = lines.FirstOrDefault(l => l.Contains("internal error", StringComparison.OrdinalIgnoreCase)) ?? $"exit {exit}";
            return new FuzzFailure(fuzzCase.Index, Crash, Signature(headline.Trim(), error), fuzzCase.Description, command, $"exit {exit}\n{error}");
        }
        return null;
    }

    /// <summary>
    /// The exception line without positions or quoted input, plus the first frame outside System.* (PLINQ's frames
    /// say nothing about the cause): the same bug gives the same signature.
    /// </summary>
    private static string Signature(string headline, string stack)
    {
        headline = Regex.Replace(headline, @"^infralint: internal error: ", "");
        headline = Regex.Replace(headline, @"'[^']*'|""[^""]*""", "'…'");
        headline = Regex.Replace(headline, @"\d+", "N");
        var frame = stack.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("at ", StringComparison.Ordinal) && !l.StartsWith("at System.", StringComparison.Ordinal)) ?? "";
        int inFile = frame.IndexOf(" in ", StringComparison.Ordinal);
        if (inFile > 0) frame = frame[..inFile];
        return frame.Length == 0 ? headline : $"{headline} {frame}";
    }

    private static void Save(FuzzOptions options, FuzzCase fuzzCase, FuzzFailure failure)
    {
        var dir = Path.Combine(options.OutputDirectory!, $"{failure.Kind.Replace(' ', '-')}-seed{options.Seed}-case{fuzzCase.Index}-{failure.Command.Split(' ')[0]}");
        Directory.CreateDirectory(dir);
        File.WriteAllBytes(Path.Combine(dir, fuzzCase.FileName), fuzzCase.Bytes);
        if (fuzzCase.Neighbour is { } neighbour)
        {
            Directory.CreateDirectory(Path.Combine(dir, "neighbour"));
            File.WriteAllBytes(Path.Combine(dir, "neighbour", Path.GetFileName(neighbour.Name)), neighbour.Bytes);
        }
        File.WriteAllText(Path.Combine(dir, "case.txt"),
            $"{failure.Kind}: {failure.Signature}\nregenerate: --seed {options.Seed} --start {fuzzCase.Index} --count 1\nreplay: --replay {dir}\n" +
            $"command: infralint {failure.Command}\nmutation: {failure.Mutation}\n\n{failure.Detail}\n");
    }

    private static void WriteSummary(FuzzReport report, IReadOnlyDictionary<string, int> bySignature, TextWriter log)
    {
        log.WriteLine();
        log.WriteLine($"cases: {report.Cases}   crashes: {report.Crashes}   hangs: {report.Hangs}   wall: {report.Wall.TotalSeconds:0.0} s   ({report.Cases / Math.Max(report.Wall.TotalSeconds, 0.001):0.0} cases/s)");
        if (report.SlowestIndex >= 0) log.WriteLine($"slowest: case {report.SlowestIndex}, {report.Slowest.TotalMilliseconds:0} ms: {report.SlowestMutation}");
        foreach (var (signature, count) in bySignature.OrderByDescending(kv => kv.Value))
        {
            var first = report.Failures.First(f => f.Signature == signature);
            log.WriteLine($"  {count,6} x {first.Kind}: {signature}\n         first: case {first.Index}: {first.Mutation}");
        }
    }
}
