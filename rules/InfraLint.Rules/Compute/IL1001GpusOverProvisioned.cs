using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Engine;
using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using InfraLint.Core.Fixes;
using NRules.Fluent.Dsl;

namespace InfraLint.Rules.Compute
{
    /// <summary>
    /// Idle GPUs are the largest avoidable cost in AI infrastructure. The sizing model turns the declared demand
    /// (model, precision, peak traffic, tokens, SLO) into the GPUs needed with the buffer; anything provisioned
    /// beyond that at the quietest time (a fixed count, or an autoscaler's minimum) idles.
    /// </summary>
    [Name(Id)]
    public sealed class IL1001GpusOverProvisioned : CapacityRule
    {
        public const string Id = "IL1001";

        public static readonly RuleDescriptor Descriptor = new RuleDescriptor(
            Id,
            "GPUs over-provisioned",
            "An inference workload provisions more GPUs (replicas × GPUs per replica, or an autoscaler's minimum) than the sizing model needs for its declared model, precision, peak traffic and latency objective plus the buffer, so the excess idles at on-demand prices.",
            Severity.Warning,
            Precision.Medium,
            new[] { "compute", "cost", "gpu", "capacity", "sizing" });

        /// <summary>
        /// Without peak traffic there is nothing to weigh the GPUs against: a wider replica holds more KV cache and
        /// serves more per GPU, so "the narrowest that fits" is no verdict on its own. Nor is a count an intrinsic decides.
        /// </summary>
        internal override bool Applies(CapacityCase capacity) => capacity.MinReplicas is int && capacity.Request.PeakRequestsPerSecond is not null;

        internal override Finding? Judge(CapacityCase capacity)
        {
            int minReplicas = capacity.MinReplicas!.Value;
            int width = capacity.GpusPerReplica;
            int provisioned = minReplicas * width;

            // Too many replicas at the provisioned width: the fix is the count.
            if (capacity.AtProvisionedWidth(provisioned) is { Fits: true, MeetsSlo: true } plan
                && minReplicas > plan.ReplicasNeeded)
            {
                return ReportCount(capacity, plan, minReplicas, provisioned);
            }

            // Replicas wider than the model needs: fewer GPUs in total would serve the same traffic.
            if (capacity.AtBestWidth(provisioned) is { Fits: true, MeetsSlo: true } best
                && best.GpusPerReplica < width
                && best.GpusNeeded < provisioned)
            {
                return ReportWidth(capacity, best, minReplicas, provisioned);
            }

            return null;
        }

        private static Finding ReportCount(CapacityCase capacity, Core.Sizing.Inference.InferencePlan plan, int minReplicas, int provisioned)
        {
            var attribute = capacity.MinReplicasAttribute;
            string what = capacity.Scaler is not null
                ? $"{Wording.Of(capacity.Scaler)} keeps at least {minReplicas} replica(s) of {Wording.Of(capacity.Workload)}"
                : $"{Wording.Of(capacity.Workload)} runs {minReplicas} replica(s)";
            string key = capacity.Scaler is not null ? "minReplicas" : "replicas";
            var properties = capacity.Properties(plan);
            properties["gpusProvisioned"] = CapacityCase.Number(provisioned);
            properties["excessGpus"] = CapacityCase.Number(plan.ExcessGpus);
            properties["excessMonthlyCostUsd"] = CapacityCase.Number(plan.ExcessMonthlyCostUsd);
            return new Finding(
                Descriptor,
                $"{what} of {capacity.Width(capacity.GpusPerReplica)}: {provisioned} GPUs provisioned, but the sizing model needs {plan.GpusNeeded} "
                + $"({plan.ReplicasNeeded} replica(s) at {CapacityCase.Invariant($"{plan.RequestsPerSecondPerReplica:0.##}")} req/s each) for {capacity.Assumptions(plan)}. "
                + $"The {plan.ExcessGpus} idle GPU(s) cost {Cost(plan.ExcessMonthlyCostUsd, plan)}; set {key} to {plan.ReplicasNeeded}.",
                attribute.Span,
                Wording.PathOf(capacity.ReplicasOwner, attribute),
                capacity.Workload,
                related: capacity.Scaler is not null ? new[] { new RelatedLocation(capacity.Workload.Span, $"{Wording.Of(capacity.Workload)}, the workload it scales") } : null,
                fixes: Fix.Set(attribute.Edit, plan.ReplicasNeeded, $"Set {key} to {plan.ReplicasNeeded}"),
                properties: properties);
        }

        private static Finding ReportWidth(CapacityCase capacity, Core.Sizing.Inference.InferencePlan plan, int minReplicas, int provisioned)
        {
            var gpus = CapacityCase.GpuAttribute(capacity.Workload);
            var properties = capacity.Properties(plan);
            properties["gpusProvisioned"] = CapacityCase.Number(provisioned);
            properties["excessGpus"] = CapacityCase.Number(plan.ExcessGpus);
            properties["excessMonthlyCostUsd"] = CapacityCase.Number(plan.ExcessMonthlyCostUsd);
            return new Finding(
                Descriptor,
                $"{Wording.Of(capacity.Workload)} gives each of its {minReplicas} replica(s) {capacity.Width(capacity.GpusPerReplica)} ({provisioned} GPUs), but the sizing model needs "
                + $"{plan.GpusNeeded} ({plan.ReplicasNeeded} replica(s) of {plan.GpusPerReplica}) for {capacity.Assumptions(plan)}. "
                + $"The {plan.ExcessGpus} idle GPU(s) cost {Cost(plan.ExcessMonthlyCostUsd, plan)}; serve from {plan.GpusPerReplica} GPU(s) per replica (the GPU count and the server's tensor-parallel size change together).",
                gpus.Span,
                Wording.PathOf(capacity.Workload, gpus),
                capacity.Workload,
                properties: properties);
        }

        private static string Cost(double? usd, Core.Sizing.Inference.InferencePlan plan) =>
            usd is double v
                ? $"≈ {CapacityCase.Money(v)}/month on-demand ({plan.Instance?.Instance.Name} prices)"
                : "an unknown amount (no catalog price for this accelerator)";
    }
}
