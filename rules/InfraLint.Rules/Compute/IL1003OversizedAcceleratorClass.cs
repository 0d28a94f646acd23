using System;
using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Engine;
using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using InfraLint.Core.Locations;
using InfraLint.Core.Sizing.Catalog;
using InfraLint.Core.Sizing.Inference;
using NRules.Fluent.Dsl;

namespace InfraLint.Rules.Compute
{
    /// <summary>
    /// An 8B model does not need an H100: a smaller, cheaper accelerator holds it and meets the same latency
    /// objective. The sizing model sizes the workload on every priced accelerator (CompareAccelerators); the
    /// rule speaks only when the cheapest clears a clear margin (default 30%) over the current class, costed
    /// for the GPUs the workload needs on each (not for what is provisioned, which is IL1001's question).
    /// </summary>
    [Name(Id)]
    public sealed class IL1003OversizedAcceleratorClass : CapacityRule
    {
        public const string Id = "IL1003";

        public static readonly RuleDescriptor Descriptor = new RuleDescriptor(
            Id,
            "Oversized accelerator class",
            "A cheaper accelerator class serves the workload's declared model, traffic and latency objective for clearly less (by default at least 30% less per month on-demand), so the provisioned class pays for capacity the workload cannot use.",
            Severity.Warning,
            Precision.Medium,
            new[] { "compute", "cost", "gpu", "sizing" });

        /// <summary>Recommending another class on the strength of an assumed one would be a guess about a guess.</summary>
        internal override bool Applies(CapacityCase capacity) => !capacity.Hardware.Assumed;

        internal override Finding? Judge(CapacityCase capacity)
        {
            var current = capacity.AtBestWidth();
            if (current is not { Fits: true, MeetsSlo: true } || capacity.MonthlyGpuCost(current) is not double currentCost || currentCost <= 0) return null;

            var plans = capacity.AcrossAccelerators();

            // Same vendor (the serving stack carries over) and, where the instance is known, the same provider
            // and hosting (SageMaker prices against SageMaker): a move of cloud is not a sizing recommendation.
            var cheapest = plans
                .Where(p => !string.Equals(p.Accelerator.Name, current.Accelerator.Name, StringComparison.OrdinalIgnoreCase)
                    && string.Equals(p.Accelerator.Vendor, current.Accelerator.Vendor, StringComparison.OrdinalIgnoreCase))
                .Select(p => (Plan: p, Instance: Cheapest(capacity, p.Accelerator, p.GpusPerReplica)))
                .Where(a => a.Instance is not null)
                .Select(a => (a.Plan, Instance: a.Instance!, Cost: a.Plan.GpusNeeded * a.Instance!.OnDemandUsdPerAcceleratorHour * capacity.Settings.Sizing.HoursPerMonth))
                .OrderBy(a => a.Cost).ThenBy(a => a.Plan.Accelerator.Name, StringComparer.Ordinal)
                .FirstOrDefault();
            if (cheapest.Plan is null || cheapest.Cost > currentCost * (1 - capacity.Settings.CheaperAcceleratorThreshold)) return null;

            double saving = currentCost - cheapest.Cost;
            var at = Where(capacity.Workload);
            var properties = capacity.Properties(current);
            properties["currentMonthlyCostUsd"] = CapacityCase.Number(currentCost);
            properties["alternativeAccelerator"] = cheapest.Plan.Accelerator.Name;
            properties["alternativeInstanceType"] = cheapest.Instance.Name;
            properties["alternativeGpusPerReplica"] = CapacityCase.Number(cheapest.Plan.GpusPerReplica);
            properties["alternativeReplicas"] = CapacityCase.Number(cheapest.Plan.ReplicasNeeded);
            properties["alternativeGpusNeeded"] = CapacityCase.Number(cheapest.Plan.GpusNeeded);
            properties["alternativeMonthlyCostUsd"] = CapacityCase.Number(cheapest.Cost);
            properties["alternativeEndToEndLatencyMs"] = CapacityCase.Number(cheapest.Plan.EndToEndLatencyMs);
            properties["monthlySavingUsd"] = CapacityCase.Number(saving);
            properties["threshold"] = CapacityCase.Number(capacity.Settings.CheaperAcceleratorThreshold);

            return new Finding(
                Descriptor,
                $"{Wording.Of(capacity.Workload)} runs on {current.Accelerator.DisplayName} ({capacity.Hardware.Evidence}), where the sizing model needs {current.GpusNeeded} GPU(s) "
                + $"at ≈ {CapacityCase.Money(currentCost)}/month; {cheapest.Plan.GpusNeeded} × {cheapest.Plan.Accelerator.DisplayName} ({cheapest.Plan.ReplicasNeeded} replica(s) of {cheapest.Plan.GpusPerReplica}, {cheapest.Instance.Name}) "
                + $"serve the same at ≈ {CapacityCase.Money(cheapest.Cost)}/month, saving ≈ {CapacityCase.Money(saving)}/month ({CapacityCase.Invariant($"{saving / currentCost * 100:0}")}%). "
                + $"Assumptions: {capacity.Assumptions(current)}; on-demand prices per GPU.",
                at.Span,
                Wording.PathOf(capacity.Workload, at),
                capacity.Workload,
                properties: properties);
        }

        /// <summary>
        /// The cheapest instance per GPU carrying <paramref name="accelerator"/>: from the current instance's provider
        /// when it is known (managed hosting included only for a managed endpoint), else from any self-managed one.
        /// A replica's GPUs must share one instance (tensor parallelism), so only instances that hold the replica's
        /// width count, unless the replica is wider than any instance and spans whole ones.
        /// </summary>
        private static InstanceTypeSpec? Cheapest(CapacityCase capacity, AcceleratorSpec accelerator, int gpusPerReplica)
        {
            var current = capacity.Hardware.Instance;
            var candidates = capacity.Settings.Catalog.InstancesWith(accelerator)
                .Where(i => current is not null
                    ? string.Equals(i.Provider, current.Provider, StringComparison.OrdinalIgnoreCase) && i.IsManagedService == current.IsManagedService
                    : !i.IsManagedService)
                .ToArray();
            var holding = candidates.Where(i => i.AcceleratorCount >= gpusPerReplica).ToArray();
            return (holding.Length > 0 ? holding : candidates)
                .OrderBy(i => i.OnDemandUsdPerAcceleratorHour).ThenBy(i => i.Name, StringComparer.Ordinal)
                .FirstOrDefault();
        }

        /// <summary>Where the class is chosen: the instance type, else the pod's node placement, else the GPU request.</summary>
        private static Located<string> Where(ComputeWorkload workload)
        {
            if (workload.InstanceType is { IsPresent: true } type)
                return Located<string>.Present(type.Value ?? string.Empty, type.Span, type.Path);
            var pod = workload.Pods.OrderByDescending(p => p.Containers.Sum(c => c.Resources.AcceleratorCount)).FirstOrDefault();
            if (pod?.Placement is { } placement) return placement;
            return CapacityCase.GpuAttribute(workload);
        }
    }
}
