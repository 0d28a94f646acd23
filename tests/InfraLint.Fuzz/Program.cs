using System.Globalization;
using InfraLint.Fuzz;

// dotnet run -c Release --project tests/InfraLint.Fuzz -- [--seed 1] [--count 1000] [--start 0] [--corpus DIR]... [--timeout 20] [--out DIR]
//                                                        [--replay FILE_OR_DIR]
// Exit code: 0 when no crash or hang, 1 otherwise, 2 for bad arguments.
var corpus = new List<string>();
int seed = 1, count = 1_000, start = 0, timeout = 20;
string? output = null, replay = null;
try
{
    for (int i = 0; i < args.Length; i++)
    {
        string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
        int Number() => int.Parse(Value(), CultureInfo.InvariantCulture);
        switch (args[i])
        {
            case "--seed": seed = Number(); break;
            case "--count": count = Number(); break;
            case "--start": start = Number(); break;
            case "--timeout": timeout = Number(); break;
            case "--corpus": corpus.Add(Path.GetFullPath(Value())); break;
            case "--out": output = Path.GetFullPath(Value()); break;
            case "--replay": replay = Path.GetFullPath(Value()); break;
            default: throw new ArgumentException($"unknown argument {args[i]}");
        }
    }
}
catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine($"fuzz: {e.Message}");
    return 2;
}

if (replay is not null) return Replay.Run(replay, TimeSpan.FromSeconds(timeout), Console.Out);

var root = RepositoryRoot();
if (corpus.Count == 0) corpus.AddRange(new[] { Path.Combine(root, "..", "shared", "corpus"), Path.Combine(root, "examples") }.Select(Path.GetFullPath));
var report = Fuzzer.Run(new FuzzOptions
{
    CorpusDirectories = corpus,
    Seed = seed,
    Start = start,
    Count = count,
    Timeout = TimeSpan.FromSeconds(timeout),
    OutputDirectory = output ?? Path.Combine(root, "fuzz-findings"),
}, Console.Out);
return report.Failures.Count == 0 ? 0 : 1;

static string RepositoryRoot()
{
    foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "InfraLint.sln"))) return dir.FullName;
    throw new InvalidOperationException("No InfraLint.sln above the current directory or the harness.");
}
