using System.Collections.Concurrent;
using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using InfraLint.Core.Fixes;
using InfraLint.Core.Knowledge;
using InfraLint.Core.Locations;

namespace InfraLint.Core.Tests.Findings;

/// <summary>
/// A streaming scan moves what a finding says (message, logical path, related locations, fixes, properties) to the
/// host's storage once its session is over. The finding must read back exactly what it said, masked as every finding
/// is, and keep it in memory when the storage refuses it.
/// </summary>
public sealed class FindingBodyTests
{
    private static readonly RuleDescriptor Rule = new("IL9999", "Test", "A test rule.", Severity.Warning, Precision.High, new[] { "test" });
    private static readonly SourceSpan At = new("k8s/app.yaml", 3, 5, 3, 9, 40, 44);

    private static Finding NewFinding() => new(
        Rule,
        "Container 'app' reaches redis://:s3cret@cache:6379/0",
        At,
        "Deployment/ns/app:spec.containers[0].env[0].value",
        related: new[] { new RelatedLocation(At with { StartLine = 7 }, "set here: redis://:s3cret@cache:6379/0") },
        fixes: new[] { new Fix("Use a secret", new[] { new TextEdit(At, "valueFrom: {}") }) },
        properties: new Dictionary<string, string> { ["url"] = "redis://:s3cret@cache:6379/0", ["gpu"] = "A100" });

    private sealed class Store(bool accepts) : IFindingBodies
    {
        public ConcurrentDictionary<long, FindingBody> Kept { get; } = new();

        public bool TryKeep(FindingBody body, out long at)
        {
            at = Kept.Count + 100;
            return accepts && Kept.TryAdd(at, body);
        }

        public int Reads { get; private set; }

        public FindingBody Read(long at)
        {
            Reads++;
            return Kept[at];
        }
    }

    private static string Describe(Finding f) =>
        $"{f.Message}|{f.LogicalPath}|{string.Join(";", f.Related.Select(r => $"{r.Span.StartLine} {r.Message}"))}|"
        + $"{string.Join(";", f.Fixes.Select(x => $"{x.Description} {string.Join(",", x.Edits.Select(e => $"{e.Span.StartOffset} {e.NewText}"))}"))}|"
        + string.Join(";", f.Properties.Select(p => $"{p.Key}={p.Value}"));

    [Fact]
    public void A_finding_whose_body_is_kept_outside_says_what_a_masked_finding_says()
    {
        var mask = SecretMask.FromFacts(Array.Empty<object>());
        var inMemory = NewFinding();
        inMemory.Mask(mask);
        var store = new Store(accepts: true);
        var kept = NewFinding();

        kept.KeepBodyIn(store, mask);

        Assert.Single(store.Kept);
        Assert.Equal(Describe(inMemory), Describe(kept));
        Assert.Contains("redis://:****@cache:6379/0", kept.Message, StringComparison.Ordinal);
        Assert.Equal("set here: redis://:****@cache:6379/0", Assert.Single(kept.Related).Message);
        Assert.Equal("redis://:****@cache:6379/0", kept.Properties["url"]);
        // Masking again (the scan's last step masks every finding) changes nothing and reads nothing back.
        kept.Mask(mask);
        Assert.Equal(Describe(inMemory), Describe(kept));
        Assert.Equal(("IL9999", 3, 5), (kept.RuleId, kept.Location.StartLine, kept.Location.StartColumn));
    }

    [Fact]
    public void A_finding_whose_body_the_storage_refuses_keeps_it_in_memory()
    {
        var mask = SecretMask.FromFacts(Array.Empty<object>());
        var inMemory = NewFinding();
        inMemory.Mask(mask);
        var kept = NewFinding();

        kept.KeepBodyIn(new Store(accepts: false), mask);

        Assert.Equal(Describe(inMemory), Describe(kept));
    }

    [Fact]
    public void A_kept_finding_about_a_resource_gives_its_logical_path_without_reading_its_body()
    {
        // The report's fingerprints read every finding's path before the report reads each body once.
        var mask = SecretMask.FromFacts(Array.Empty<object>());
        var subject = new Endpoint(SourceFormat.Kubernetes, "Service", "app", "ns", At);
        var store = new Store(accepts: true);
        var kept = new Finding(Rule, "Public.", At, "Service/ns/app:spec.type", subject);
        var elsewhere = new Finding(Rule, "Public.", At, "Service/ns/application:spec.type", subject);

        kept.KeepBodyIn(store, mask);
        elsewhere.KeepBodyIn(store, mask);

        Assert.Equal("Service/ns/app:spec.type", kept.LogicalPath);
        Assert.Equal(0, store.Reads);
        Assert.Equal("Public.", kept.Message);
        Assert.Equal(1, store.Reads);
        // A path that does not continue the subject's id is read back from the body.
        Assert.Equal("Service/ns/application:spec.type", elsewhere.LogicalPath);
        Assert.Equal(2, store.Reads);
    }
}
