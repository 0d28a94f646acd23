using InfraLint.Bench.CorpusGen;

// Usage: CorpusGen [--repository] OUTPUT_DIR [COUNT=10000] [SEED=42]
// --repository: the mixed, repository-like tree of bench/scale/run.sh (RepositoryGenerator) instead of Kubernetes only.
bool repository = args.Length > 0 && args[0] == "--repository";
if (repository) args = args[1..];
if (args.Length is < 1 or > 3)
{
    Console.Error.WriteLine("usage: InfraLint.Bench.CorpusGen [--repository] OUTPUT_DIR [COUNT=10000] [SEED=42]");
    return 2;
}
var output = Path.GetFullPath(args[0]);
int count = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
int seed = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 42;
var files = repository ? new RepositoryGenerator(seed).Generate(count) : new ManifestGenerator(seed).Generate(count);
var created = new HashSet<string>(StringComparer.Ordinal);
long bytes = 0;
// One file at a time straight to disk: 100,000 files never sit in memory together.
foreach (var (name, text) in files)
{
    var path = Path.Combine(output, name);
    var dir = Path.GetDirectoryName(path)!;
    if (created.Add(dir)) Directory.CreateDirectory(dir);
    File.WriteAllText(path, text);
    bytes += text.Length;
}
Console.WriteLine($"Wrote {count:N0} files ({bytes / 1024.0 / 1024.0:F1} MiB) to {output}");
return 0;
