using System.Reflection.PortableExecutable;
using System.Text.Json;
using System.Text.Json.Nodes;

// Usage: InfraLint.ReadyToRunAssets PUBLISH_DIR READY_TO_RUN_DIR RID [KEEP_IL.dll ...]
//
// A ReadyToRun image only loads on the platform it was compiled for: the runtime refuses one for another OS or
// architecture with BadImageFormatException (ReadyToRunInfo::Initialize, "be strict about disallowing machine
// mismatches"), so the portable package cannot simply carry linux-x64 images in place of its IL. The host's deps.json
// resolution can choose, though: a library's runtimeTargets asset for the running RID replaces its plain runtime asset
// (how NuGet packages ship runtimes/RID/lib/TFM). Every assembly of the portable publish that the ReadyToRun publish
// compiled is copied to runtimes/RID/lib/TFM/ and listed as such an asset of its library; other platforms keep the IL.
// The entry assembly stays IL: the host runs it from the application folder by path. So does every KEEP_IL assembly
// (one that finds files beside its own Assembly.Location, which from runtimes/RID/lib/TFM/ it would not find), and
// with either, every other assembly of its library.
if (args.Length < 3)
{
    Console.Error.WriteLine("usage: InfraLint.ReadyToRunAssets PUBLISH_DIR READY_TO_RUN_DIR RID [KEEP_IL.dll ...]");
    return 2;
}
string publishDir = Path.GetFullPath(args[0]), readyToRunDir = Path.GetFullPath(args[1]), rid = args[2];
var keepIl = new HashSet<string>(args.Skip(3), StringComparer.OrdinalIgnoreCase);
var depsPaths = Directory.GetFiles(publishDir, "*.deps.json");
if (depsPaths.Length != 1)
{
    Console.Error.WriteLine($"InfraLint.ReadyToRunAssets: expected one .deps.json in {publishDir}, found {depsPaths.Length}");
    return 1;
}
string depsPath = depsPaths[0];
string entryAssembly = Path.GetFileName(depsPath)[..^".deps.json".Length] + ".dll";
var deps = JsonNode.Parse(File.ReadAllText(depsPath))!.AsObject();
var runtimeTarget = deps["runtimeTarget"]?["name"]?.GetValue<string>() ?? throw new InvalidDataException($"{depsPath}: no runtimeTarget");
var libraries = deps["targets"]?[runtimeTarget]?.AsObject() ?? throw new InvalidDataException($"{depsPath}: no targets for {runtimeTarget}");
string tfm = "net" + runtimeTarget[(runtimeTarget.IndexOf("=v", StringComparison.Ordinal) + 2)..];
string assetFolder = $"runtimes/{rid}/lib/{tfm}";

// A publish folder is reused: images an earlier run put there, which this deps.json does not list, must not ship.
string assetPath = Path.Combine(publishDir, assetFolder);
if (Directory.Exists(assetPath))
{
    var listed = new HashSet<string>(
        libraries.Select(l => l.Value?["runtimeTargets"] as JsonObject).Where(t => t is not null).SelectMany(t => t!.Select(a => a.Key)),
        StringComparer.Ordinal);
    foreach (var stale in Directory.GetFiles(assetPath))
        if (!listed.Contains($"{assetFolder}/{Path.GetFileName(stale)}")) File.Delete(stale);
}

int added = 0;
foreach (var (_, library) in libraries)
{
    if (library?["runtime"] is not JsonObject runtime || runtime.Count == 0) continue;
    // Once a library has an asset for the running RID, the host takes only its RID assets: a library is compiled
    // whole or not at all, or the assemblies left out would not load.
    var assets = runtime.Select(a => (Metadata: a.Value, File: Path.GetFileName(a.Key), Compiled: Path.Combine(readyToRunDir, Path.GetFileName(a.Key)))).ToList();
    if (assets.Any(a => a.File.Equals(entryAssembly, StringComparison.OrdinalIgnoreCase) || keepIl.Contains(a.File) || !File.Exists(a.Compiled) || !IsReadyToRun(a.Compiled)))
        continue;
    var targets = library["runtimeTargets"] as JsonObject;
    if (targets is null) library["runtimeTargets"] = targets = new JsonObject();
    foreach (var asset in assets)
    {
        string target = $"{assetFolder}/{asset.File}";
        // The asset keeps its library's versions: the host compares them when two libraries carry the same assembly.
        var entry = asset.Metadata is JsonObject versions ? (JsonObject)versions.DeepClone() : new JsonObject();
        entry["rid"] = rid;
        entry["assetType"] = "runtime";
        targets[target] = entry;
        Directory.CreateDirectory(assetPath);
        File.Copy(asset.Compiled, Path.Combine(publishDir, target), overwrite: true);
        added++;
    }
}
if (added == 0)
{
    Console.Error.WriteLine($"InfraLint.ReadyToRunAssets: no ReadyToRun image in {readyToRunDir} matches a runtime asset of {depsPath}");
    return 1;
}
// Written beside and moved over, so an interrupted run never leaves a half-written deps.json.
string temporary = depsPath + ".tmp";
File.WriteAllText(temporary, deps.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
File.Move(temporary, depsPath, overwrite: true);
Console.WriteLine($"InfraLint.ReadyToRunAssets: {added} ReadyToRun assemblies for {rid} in {assetFolder}");
return 0;

static bool IsReadyToRun(string path)
{
    using var stream = File.OpenRead(path);
    using var reader = new PEReader(stream);
    // A ReadyToRun image is an IL assembly whose CLI header has a managed native header (the READYTORUN_HEADER).
    return reader.HasMetadata && reader.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory.Size > 0;
}
