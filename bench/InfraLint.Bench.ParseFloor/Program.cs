using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

// Usage: ParseFloor [--builders-per-thread] DIR
// Parses every *.yaml, *.yml and *.json file under DIR (JSON is YAML, and InfraLint reads CloudFormation JSON through
// the same parser) in parallel, visits every node of every document, and prints what it saw so the work cannot be
// skipped. C# files are not parsed: the floor is YAML's. --builders-per-thread gives YamlDotNet's shared StringBuilder
// pool a cache per thread first, as InfraLint does (InfraLint.Yaml.Parsing.YamlDotNetBuilders): the floor as issue 12
// defines it is without, and bench/scale/run.sh times it so; this shows what that pool costs the floor.
bool perThread = args.Length == 2 && args[0] == "--builders-per-thread";
if (args.Length != 1 && !perThread)
{
    Console.Error.WriteLine("usage: InfraLint.Bench.ParseFloor [--builders-per-thread] DIR");
    return 2;
}
if (perThread && !BuildersPerThread())
{
    Console.Error.WriteLine("this YamlDotNet's builder pool cannot be given a cache per thread");
    return 2;
}
var root = args[^1];
string[] patterns = { "*.yaml", "*.yml", "*.json" };
var files = patterns.SelectMany(p => Directory.EnumerateFiles(root, p, SearchOption.AllDirectories));
long documents = 0, nodes = 0, errors = 0, fileCount = 0;
Parallel.ForEach(files, file =>
{
    var stream = new YamlStream();
    try
    {
        using var reader = new StreamReader(file);
        stream.Load(reader);
    }
    catch (YamlException)
    {
        Interlocked.Increment(ref errors);
    }
    long seen = 0;
    foreach (var document in stream.Documents) seen += Count(document.RootNode);
    Interlocked.Increment(ref fileCount);
    Interlocked.Add(ref documents, stream.Documents.Count);
    Interlocked.Add(ref nodes, seen);
});
Console.WriteLine($"{fileCount} files, {documents} documents, {nodes} nodes, {errors} files with YAML errors");
return 0;

static long Count(YamlNode node)
{
    long count = 1;
    switch (node)
    {
        case YamlMappingNode mapping:
            foreach (var (key, value) in mapping.Children) count += Count(key) + Count(value);
            break;
        case YamlSequenceNode sequence:
            foreach (var item in sequence.Children) count += Count(item);
            break;
    }
    return count;
}

// A method of its own, so that the floor without the option never loads InfraLint's assemblies.
[System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
static bool BuildersPerThread() => InfraLint.Yaml.Parsing.YamlDotNetBuilders.PerThread;
