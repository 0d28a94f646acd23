using InfraLint.Cli.Files;
using InfraLint.Core.Findings;
using InfraLint.Core.Fixes;
using InfraLint.Core.Locations;

namespace InfraLint.Cli.Tests;

/// <summary>
/// The CLI keeps a streaming scan's finding bodies in a temporary file: each must read back exactly as kept (any string,
/// a lone surrogate included), from the file or from the batch not yet written, from several threads at once; the file
/// leaves nothing behind in its folder; and a folder it cannot write refuses bodies instead of failing the scan.
/// </summary>
public sealed class TempFileFindingBodiesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("infralint-bodies-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static FindingBody Body(int i) => new(
        $"message {i}: \"quoted\" é \ud83d\ude80 lone \ud800 end\r\n",
        $"Deployment/ns/app-{i}:spec.containers[{i % 3}]",
        i % 2 == 0 ? Array.Empty<RelatedLocation>() : new[] { new RelatedLocation(new SourceSpan($"dir/f{i}.yaml", i, 2, i + 1, 3, 10 * i, 10 * i + 5), "related \u2028") },
        i % 3 == 0 ? Array.Empty<Fix>() : new[] { new Fix("fix it", new[] { new TextEdit(new SourceSpan($"dir/f{i}.yaml", 1, 1, 1, 1, 0, 0), new string('x', i % 50)), new TextEdit(new SourceSpan("b", 2, 2, 2, 2, 7, 7), "") }) },
        i % 4 == 0 ? new Dictionary<string, string>() : new Dictionary<string, string> { ["gpu"] = "A100", [$"k{i}"] = $"v{i}" });

    private static string Describe(FindingBody b) =>
        $"{b.Message}|{b.LogicalPath}|{string.Join(";", b.Related.Select(r => $"{r.Span} {r.Span.EndLine} {r.Span.EndColumn} {r.Span.StartOffset} {r.Span.EndOffset} {r.Message}"))}|"
        + $"{string.Join(";", b.Fixes.Select(x => $"{x.Description} {string.Join(",", x.Edits.Select(e => $"{e.Span} {e.Span.StartOffset} {e.Span.EndOffset} {e.NewText}"))}"))}|"
        + string.Join(";", b.Properties.Select(p => $"{p.Key}={p.Value}"));

    [Fact]
    public void Every_body_reads_back_as_it_was_kept_from_many_threads()
    {
        using var store = new TempFileFindingBodies(_folder);
        // Enough bodies that most are read from the file and the last ones from the batch not yet written.
        const int Count = 12_000;
        var at = new long[Count];

        Parallel.For(0, Count, i => Assert.True(store.TryKeep(Body(i), out at[i])));

        Assert.Equal(Count, at.Distinct().Count());
        Parallel.For(0, Count, i => Assert.Equal(Describe(Body(i)), Describe(store.Read(at[i]))));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder));
    }

    [Fact]
    public void A_folder_that_cannot_be_written_refuses_bodies()
    {
        using var store = new TempFileFindingBodies(Path.Combine(_folder, "missing", "folder"));

        Assert.False(store.TryKeep(Body(1), out _));
        Assert.False(store.TryKeep(Body(2), out _));
    }
}
