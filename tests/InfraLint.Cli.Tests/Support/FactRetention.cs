using InfraLint.Core.Locations;
using InfraLint.Core.Scanning;
using InfraLint.Tests;

namespace InfraLint.Cli.Tests.Support;

/// <summary>What an adapter's facts keep alive, file by file (<see cref="Retention"/>): a scan keeps every fact to its end.</summary>
internal static class FactRetention
{
    /// <summary>
    /// Reads every file of <paramref name="paths"/> the adapter accepts and fails naming, for the first five files whose
    /// facts reach a <paramref name="forbidden"/> type, the way from the facts to it.
    /// </summary>
    public static void AssertKeepNone(IAdapter adapter, IEnumerable<string> paths, string root, Func<Type, bool> forbidden, string what)
    {
        var files = paths.Where(adapter.Accepts).OrderBy(p => p, StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);
        var kept = new List<string>();
        int facts = 0;
        foreach (var file in files)
        {
            var read = adapter.Read(new SourceText(Path.GetRelativePath(root, file), File.ReadAllText(file))).Facts;
            facts += read.Count;
            if (Retention.FirstWayTo(read, forbidden) is { } way) kept.Add($"{Path.GetRelativePath(root, file)}: {way}");
        }
        Assert.True(facts > 0, "no facts read: nothing was checked");
        Assert.True(kept.Count == 0, $"{kept.Count} files keep {what}:\n" + string.Join("\n", kept.Take(5)));
    }
}
