using InfraLint.Core.Facts;
using InfraLint.Core.Locations;

namespace InfraLint.Core.Tests.Facts;

public class ReadOnlyMapsTests
{
    private static readonly SourceSpan Span = new("k.yaml", 3, 5, 3, 9, 20, 24);

    [Fact]
    public void An_empty_map_a_fact_is_given_is_the_shared_one_and_reads_as_empty()
    {
        var pod = new PodTemplate(new ComputeWorkload(SourceFormat.Kubernetes, "Deployment", "a", "ns", Span), "main", Span, "spec.template.spec")
        {
            Labels = new Dictionary<string, string>(StringComparer.Ordinal),
            NodeSelector = new Dictionary<string, string>(StringComparer.Ordinal),
        };

        Assert.Same(ReadOnlyMaps.Empty<string>(), pod.Labels);
        Assert.Same(ReadOnlyMaps.Empty<string>(), pod.NodeSelector);
        Assert.Same(ReadOnlyMaps.Empty<string>(), pod.Annotations);
        Assert.Empty(pod.Labels);
        Assert.Empty(pod.Labels.Keys);
        Assert.Empty(pod.Labels.Values);
        Assert.False(pod.Labels.ContainsKey("app"));
        Assert.False(pod.Labels.TryGetValue("app", out _));
        Assert.Throws<KeyNotFoundException>(() => pod.Labels["app"]);
        // Enumerated twice, the shared enumerator still ends at once.
        Assert.Empty(pod.Labels.ToList());
        Assert.Empty(pod.Labels.Select(kv => kv.Key).ToList());
    }

    [Fact]
    public void A_map_with_entries_is_kept_as_given()
    {
        var labels = new Dictionary<string, Located<string>>(StringComparer.Ordinal) { ["app"] = Located<string>.Present("ml", Span, "metadata.labels.app") };
        var workload = new ComputeWorkload(SourceFormat.Kubernetes, "Deployment", "a", "ns", Span) { Labels = labels };

        Assert.Same(labels, workload.Labels);
        Assert.Same(ReadOnlyMaps.Empty<Located<string>>(), workload.Annotations);
    }
}
