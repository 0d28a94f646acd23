using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Engine;
using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using InfraLint.Core.Fixes;
using Precisions = InfraLint.Core.Sizing.Precisions;
using InfraLint.Core.Sizing.Inference;
using NRules.Fluent.Dsl;

namespace InfraLint.Rules.Compute
{
    /// <summary>
    /// The other side of IL1001: a replica too small to hold the model (the server fails to load it, or runs
    /// with no room for the KV cache), or too few replicas at peak for the declared traffic. With an
    /// autoscaler the peak is judged at its maximum, the most it will ever run.
    /// </summary>
    [Name(Id)]
    public sealed class IL1002GpusUnderProvisioned : CapacityRule
    {
        public const string Id = "IL1002";

        public static readonly RuleDescriptor Descriptor = new RuleDescriptor(
            Id,
            "GPUs under-provisioned",
            "An inference workload's replicas cannot hold its declared model at its precision in their GPU memory, or its peak capacity (replicas, or an autoscaler's maximum) is below what the sizing model needs for the declared peak traffic and latency objective.",
            Severity.Warning,
            Precision.Medium,
            new[] { "compute", "gpu", "capacity", "sizing", "reliability" });

        internal override Finding? Judge(CapacityCase capacity)
        {
            if (capacity.AtProvisionedWidth() is not { } plan) return null;
            if (!plan.Fits) return ReportDoesNotFit(capacity, plan);
            if (!plan.MeetsSlo && capacity.AtBestWidth() is { Fits: true, MeetsSlo: true } wider && wider.GpusPerReplica > capacity.GpusPerReplica)
                return ReportTooNarrow(capacity, wider);
            if (capacity.Request.PeakRequestsPerSecond is not null && plan.MeetsSlo
                && capacity.MaxReplicas is int maxReplicas && maxReplicas < plan.ReplicasNeeded)
            {
                return ReportTooFew(capacity, capacity.AtProvisionedWidth(maxReplicas * capacity.GpusPerReplica) ?? plan, maxReplicas);
            }
            return null;
        }

        private static Finding ReportDoesNotFit(CapacityCase capacity, InferencePlan plan)
        {
            var gpus = CapacityCase.GpuAttribute(capacity.Workload);
            var accelerator = plan.Accelerator;
            int? minimum = plan.MinimumGpusPerReplica;
            string need = minimum is int min
                ? $"it needs at least {min} per replica"
                : $"it does not fit even in {capacity.Settings.Sizing.MaxGpusPerReplica} of them";
            double usable = accelerator.MemoryBytes * capacity.Settings.Sizing.UsableMemoryFraction * capacity.GpusPerReplica;
            var properties = capacity.Properties(plan);
            properties["minimumGpusPerReplica"] = CapacityCase.Number(minimum);
            return new Finding(
                Descriptor,
                $"{Wording.Of(capacity.Workload)} serves {plan.Model.DisplayName} at {Precisions.Name(plan.Precision)} ({CapacityCase.GiB(plan.WeightsBytes)} of weights) from "
                + $"{capacity.Width(capacity.GpusPerReplica)} per replica ({CapacityCase.GiB(usable)} usable), which cannot hold the weights plus one request's KV cache; "
                + $"{need}. Assumptions: {capacity.Assumptions(plan)}.",
                gpus.Span,
                Wording.PathOf(capacity.Workload, gpus),
                capacity.Workload,
                properties: properties);
        }

        private static Finding ReportTooNarrow(CapacityCase capacity, InferencePlan plan)
        {
            var gpus = CapacityCase.GpuAttribute(capacity.Workload);
            var properties = capacity.Properties(plan);
            return new Finding(
                Descriptor,
                $"{Wording.Of(capacity.Workload)} gives each replica {capacity.Width(capacity.GpusPerReplica)}, which meets the latency objective at no batch size; the sizing model needs "
                + $"{plan.GpusPerReplica} per replica ({plan.ReplicasNeeded} replica(s), {plan.GpusNeeded} GPUs) for {capacity.Assumptions(plan)}. Widen the replicas (the GPU count and the server's tensor-parallel size change together).",
                gpus.Span,
                Wording.PathOf(capacity.Workload, gpus),
                capacity.Workload,
                properties: properties);
        }

        private static Finding ReportTooFew(CapacityCase capacity, InferencePlan plan, int maxReplicas)
        {
            var attribute = capacity.MaxReplicasAttribute;
            string key = capacity.Scaler is not null ? "maxReplicas" : "replicas";
            string what = capacity.Scaler is not null
                ? $"{Wording.Of(capacity.Scaler)} scales {Wording.Of(capacity.Workload)} to at most {maxReplicas} replica(s)"
                : $"{Wording.Of(capacity.Workload)} runs {maxReplicas} replica(s)";
            var properties = capacity.Properties(plan);
            properties["gpusProvisioned"] = CapacityCase.Number(maxReplicas * capacity.GpusPerReplica);
            properties["missingGpus"] = CapacityCase.Number(plan.MissingGpus);
            return new Finding(
                Descriptor,
                $"{what} of {capacity.Width(capacity.GpusPerReplica)} ({maxReplicas * capacity.GpusPerReplica} GPU(s)), but the sizing model needs {plan.ReplicasNeeded} replica(s) "
                + $"({plan.GpusNeeded} GPUs at {CapacityCase.Invariant($"{plan.RequestsPerSecondPerReplica:0.##}")} req/s per replica) for {capacity.Assumptions(plan)}; "
                + $"set {key} to {plan.ReplicasNeeded} or peak requests queue past the latency objective.",
                attribute.Span,
                Wording.PathOf(capacity.ReplicasOwner, attribute),
                capacity.Workload,
                related: capacity.Scaler is not null ? new[] { new RelatedLocation(capacity.Workload.Span, $"{Wording.Of(capacity.Workload)}, the workload it scales") } : null,
                fixes: Fix.Set(attribute.Edit, plan.ReplicasNeeded, $"Set {key} to {plan.ReplicasNeeded}"),
                properties: properties);
        }
    }
}
