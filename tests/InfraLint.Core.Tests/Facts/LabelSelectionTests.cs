using InfraLint.Core.Facts;
using InfraLint.Core.Locations;

namespace InfraLint.Core.Tests.Facts;

/// <summary>
/// A Service's selector is matched against every pod template of its namespace with a signature check first
/// (<see cref="LabelSelection.Signature"/>): the signature may only save the lookups, never change the answer.
/// </summary>
public class LabelSelectionTests
{
    private static readonly SourceSpan Span = new("k.yaml", 1, 1, 1, 5, 0, 4);

    [Fact]
    public void A_service_selects_exactly_the_workloads_with_a_pod_holding_every_label_of_its_selector()
    {
        // Few keys and values, so selectors often match, often miss by one value, and share signature bits by chance.
        string[] keys = { "app", "tier", "team", "version", "app.kubernetes.io/name", "model" };
        string[] values = { "web", "api", "llm", "v1", "v2", "gpu" };
        var random = new Random(1201);
        Dictionary<string, string> Labels(int count)
        {
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            while (labels.Count < count) labels[keys[random.Next(keys.Length)]] = values[random.Next(values.Length)];
            return labels;
        }

        int selected = 0, passedOver = 0;
        for (int round = 0; round < 4000; round++)
        {
            var workload = Workload(Labels(random.Next(0, 6)), Labels(random.Next(0, 4)));
            var selector = Labels(random.Next(1, 4));
            // Half the selectors are taken from a pod's own labels, so matches are common.
            if (round % 2 == 0 && workload.Pods[0].Labels.Count > 0)
                selector = workload.Pods[0].Labels.Take(random.Next(1, workload.Pods[0].Labels.Count + 1)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
            var service = Service(selector);

            bool expected = workload.Pods.Any(pod => selector.All(kv => pod.Labels.TryGetValue(kv.Key, out var v) && v == kv.Value));

            Assert.Equal(expected, service.SelectsPodsOf(workload));
            if (expected) selected++;
            else passedOver++;
        }
        // Both answers were exercised many times.
        Assert.True(selected > 1000 && passedOver > 1000, $"{selected} selected, {passedOver} passed over");
    }

    [Fact]
    public void Labels_a_map_looks_up_ignoring_case_are_matched_as_that_map_matches_them()
    {
        // The signature hashes ordinal text; a map with another comparer is never passed over on its strength.
        var labels = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["App"] = "web" };
        var service = Service(new Dictionary<string, string>(StringComparer.Ordinal) { ["app"] = "web" });

        Assert.True(service.SelectsPodsOf(Workload(labels)));
    }

    [Fact]
    public void A_selector_in_any_kind_of_map_selects_the_pods_holding_its_labels()
    {
        // A selector is only enumerated: whatever its map's comparer or type, its signature is its labels'.
        var workload = Workload(new Dictionary<string, string>(StringComparer.Ordinal) { ["app"] = "web", ["tier"] = "api" });
        var ignoringCase = new Endpoint(SourceFormat.Kubernetes, "Service", "a", "ns", Span) { Selector = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["app"] = "web" } };
        var sorted = new Endpoint(SourceFormat.Kubernetes, "Service", "b", "ns", Span) { Selector = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["tier"] = "api" } };

        Assert.True(ignoringCase.SelectsPodsOf(workload));
        Assert.True(sorted.SelectsPodsOf(workload));
    }

    [Fact]
    public void A_selector_or_labels_set_again_are_judged_as_they_are_now()
    {
        var workload = Workload(new Dictionary<string, string>(StringComparer.Ordinal) { ["app"] = "web" });
        var service = Service(new Dictionary<string, string>(StringComparer.Ordinal) { ["app"] = "api" });
        Assert.False(service.SelectsPodsOf(workload));

        service.Selector = new Dictionary<string, string>(StringComparer.Ordinal) { ["app"] = "web" };
        Assert.True(service.SelectsPodsOf(workload));

        workload.Pods[0].Labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["app"] = "batch" };
        Assert.False(service.SelectsPodsOf(workload));
    }

    [Fact]
    public void A_service_without_a_selector_selects_nothing()
    {
        var workload = Workload(new Dictionary<string, string>(StringComparer.Ordinal) { ["app"] = "web" });

        Assert.False(Service(new Dictionary<string, string>(StringComparer.Ordinal)).SelectsPodsOf(workload));
    }

    private static Endpoint Service(Dictionary<string, string> selector) =>
        new(SourceFormat.Kubernetes, "Service", "svc", "ns", Span) { Selector = selector };

    private static ComputeWorkload Workload(params Dictionary<string, string>[] podLabels)
    {
        var workload = new ComputeWorkload(SourceFormat.Kubernetes, "Deployment", "app", "ns", Span);
        workload.Pods = podLabels.Select((labels, i) => new PodTemplate(workload, "main", Span, $"spec.template{i}") { Labels = labels }).ToArray();
        return workload;
    }
}
