using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using InfraLint.Core.Engine;
using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using InfraLint.Core.Fixes;
using InfraLint.Core.Knowledge;
using InfraLint.Core.Locations;
using NRules.Fluent.Dsl;

namespace InfraLint.Rules.Compute
{
    /// <summary>
    /// Extended resources (GPUs and other devices) cannot be overcommitted: Kubernetes requires a limit equal
    /// to the request and rejects the pod otherwise. The limit is what the device plugin allocates from.
    /// </summary>
    [Name(Id)]
    public sealed class IL1010GpuRequestWithoutLimit : SimpleCheck<Container>
    {
        public const string Id = "IL1010";

        public static readonly RuleDescriptor Descriptor = new RuleDescriptor(
            Id,
            "GPU request without limit",
            "A container requests a GPU or another extended resource without a limit of the same amount. Extended resources cannot be overcommitted, so the API server rejects the pod and the workload never starts.",
            Severity.Error,
            Precision.VeryHigh,
            new[] { "compute", "gpu", "kubernetes", "resources" });

        protected override bool Applies(Container container, LintSettings _) => container.Resources.Requests.Keys.Any(IsExtended);

        protected override IEnumerable<Finding> Judge(Container container, LintSettings _) =>
            Unmatched(container).Select(r => Report(container, r.Key, r.Value));

        private static bool IsExtended(string resource) =>
            AcceleratorResources.IsAccelerator(resource) || AcceleratorResources.IsExtendedResource(resource);

        /// <summary>Extended-resource requests that have no limit, or a limit of a different amount.</summary>
        private static IEnumerable<KeyValuePair<string, Located<string>>> Unmatched(Container container) =>
            container.Resources.Requests.Where(r =>
                IsExtended(r.Key) && !(container.Resources.Limits.TryGetValue(r.Key, out var limit) && SameAmount(limit.Value, r.Value.Value)));

        private static bool SameAmount(string a, string b) =>
            TryCount(a, out long x) && TryCount(b, out long y) ? x == y : string.Equals(a.Trim(), b.Trim(), System.StringComparison.Ordinal);

        private static bool TryCount(string value, out long count) =>
            long.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out count);

        private static Finding Report(Container container, string resource, Located<string> request)
        {
            bool hasLimit = container.Resources.Limits.TryGetValue(resource, out var limit);
            string problem = hasLimit
                ? $"a limit of {limit!.Value}; extended resources need the limit to equal the request"
                : "no limit; extended resources need a limit equal to the request";
            // A count is written as a number so the fix reads like the request it copies.
            object amount = TryCount(request.Value, out long n) ? n : (object)request.Value;
            return new Finding(
                Descriptor,
                $"The {Wording.Of(container)} requests {request.Value} {resource} but has {problem}, or the API server rejects the pod.",
                request.Span,
                Wording.PathOf(container.Workload, request),
                container.Workload,
                fixes: Fix.Set(container.Resources.LimitEdit?.Invoke(resource), amount, $"Set limits.{resource} to {request.Value}"),
                properties: new Dictionary<string, string>
                {
                    ["resource"] = resource,
                    ["request"] = request.Value,
                    ["limit"] = hasLimit ? limit!.Value : string.Empty,
                });
        }
    }
}
