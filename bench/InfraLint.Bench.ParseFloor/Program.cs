using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

// Usage: ParseFloor DIR
// Parses every *.yaml, *.yml and *.json file under DIR (JSON is YAML, and InfraLint reads CloudFormation JSON through
// the same parser) in parallel, visits every node of every document, and prints what it saw so the work cannot be
// skipped. C# files are not parsed: the floor is YAML's.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: InfraLint.Bench.ParseFloor DIR");
    return 2;
}
string[] patterns = { "*.yaml", "*.yml", "*.json" };
var files = patterns.SelectMany(p => Directory.EnumerateFiles(args[0], p, SearchOption.AllDirectories));
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
