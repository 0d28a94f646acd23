using InfraLint.Bench.CorpusGen;

// Usage: CorpusGen OUTPUT_DIR [COUNT=10000] [SEED=42]
if (args.Length is < 1 or > 3)
{
    Console.Error.WriteLine("usage: InfraLint.Bench.CorpusGen OUTPUT_DIR [COUNT=10000] [SEED=42]");
    return 2;
}
var output = Path.GetFullPath(args[0]);
int count = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
int seed = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 42;
long bytes = 0;
foreach (var (name, text) in new ManifestGenerator(seed).Generate(count))
{
    var path = Path.Combine(output, name);
    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    File.WriteAllText(path, text);
    bytes += text.Length;
}
Console.WriteLine($"Wrote {count:N0} manifests ({bytes / 1024.0 / 1024.0:F1} MiB) to {output}");
return 0;
