using System;
using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Engine;
using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using InfraLint.Core.Fixes;
using InfraLint.Core.Knowledge;
using InfraLint.Core.Locations;
using InfraLint.Core.Sizing.Catalog;
using NRules.Fluent.Dsl;

namespace InfraLint.Rules.Compute
{
    /// <summary>
    /// Training and batch jobs checkpoint and restart; spot or preemptible capacity runs them at a fraction of the
    /// on-demand price. A job whose profile marks it critical (a deadline that cannot slip) is left alone, and so
    /// are CPU-only jobs (the saving is in accelerators) and jobs on SageMaker-managed capacity, whose spot use
    /// (HyperPod instance groups, Managed Spot Training) is decided outside the file.
    /// </summary>
    [Name(Id)]
    public sealed class IL1006TrainingWithoutSpotPreemptibleCapacity : Rule
    {
        public const string Id = "IL1006";

        public static readonly RuleDescriptor Descriptor = new RuleDescriptor(
            Id,
            "Training without spot/preemptible capacity",
            "A training or batch job that is not marked critical runs on on-demand capacity only: no spot node selector, affinity or toleration in Kubernetes, an on-demand capacity type in the cloud. Checkpointed jobs run on spot capacity for a fraction of the price.",
            Severity.Warning,
            Precision.Medium,
            new[] { "compute", "cost", "training", "spot" },
            recommended: false);

        public override void Define()
        {
            LintSettings settings = default!;
            ComputeWorkload workload = default!;
            IEnumerable<WorkloadProfile> profiles = default!;

            When()
                .Match(() => settings)
                .Match(() => workload,
                    w => w.Pods.Count > 0 || w.CapacityType != null,
                    w => ProvisionedAccelerators.UsesAccelerators(w, settings.Catalog),
                    w => !SpotCapacity.UsesSpot(w),
                    w => !SpotCapacity.CapacityUnknown(w),
                    w => SpotCapacity.SpotDecidedElsewhere(w) == null)
                .Query(() => profiles, q => q.Match<WorkloadProfile>(p => p.Describes(workload)).Collect())
                .Having(() => IsTraining(workload, profiles) && profiles.All(p => p.Critical.Value != true && !p.Critical.IsUnknown));

            Then()
                .Do(ctx => ctx.Report(Report(workload, settings)));
        }

        private static bool IsTraining(ComputeWorkload workload, IEnumerable<WorkloadProfile> profiles)
        {
            var role = profiles.Select(p => p.Role.Value).FirstOrDefault(r => r is not null) ?? workload.Role;
            return role is WorkloadRole.Training or WorkloadRole.BatchInference;
        }

        private static Finding Report(ComputeWorkload workload, LintSettings settings)
        {
            var properties = new Dictionary<string, string>(StringComparer.Ordinal) { ["role"] = workload.Role.ToString() };
            var at = Where(workload);
            string saving = string.Empty;
            var hardware = ProvisionedAccelerators.Identify(workload, settings.Catalog);
            if (hardware.Accelerator is { } accelerator && (hardware.Instance ?? CheapestWithSpot(settings.Catalog, accelerator)) is { SpotUsdPerHour: not null } instance)
            {
                double onDemand = instance.OnDemandUsdPerAcceleratorHour, spot = instance.SpotUsdPerAcceleratorHour!.Value;
                int gpus = Math.Max(1, hardware.GpusPerReplica);
                saving = CapacityCase.Invariant($" At {instance.Name} prices a {accelerator.DisplayName} costs ≈ ${spot:0.00}/GPU-hour on spot against ${onDemand:0.00} on-demand ({(1 - spot / onDemand) * 100:0}% less; ≈ ${(onDemand - spot) * gpus:0.00}/hour for the {gpus} GPU(s) of one replica); spot prices are estimates and move hourly.");
                properties["accelerator"] = accelerator.Name;
                properties["instanceType"] = instance.Name;
                properties["onDemandUsdPerGpuHour"] = CapacityCase.Number(onDemand);
                properties["spotUsdPerGpuHour"] = CapacityCase.Number(spot);
                properties["gpusPerReplica"] = CapacityCase.Number(gpus);
                properties["spotSource"] = instance.SpotSource ?? string.Empty;
            }

            string where = workload.CapacityType is not null
                ? $"its capacity type is {workload.CapacityType.Value ?? "on-demand"}"
                : "no pod template selects, prefers or tolerates spot nodes (eks.amazonaws.com/capacityType: SPOT, karpenter.sh/capacity-type: spot, cloud.google.com/gke-spot, cloud.google.com/gke-preemptible, kubernetes.azure.com/scalesetpriority: spot)";
            var edit = workload.CapacityType?.Edit;
            return new Finding(
                Descriptor,
                $"{Wording.Of(workload)} is a non-critical {(workload.Role == WorkloadRole.BatchInference ? "batch" : "training")} workload on on-demand capacity only: {where}. Checkpoint it and run it on spot or preemptible capacity, or mark it critical (infralint.dev/critical: \"true\") if it cannot be interrupted.{saving}",
                at.Span,
                Wording.PathOf(workload, at),
                workload,
                fixes: Fix.Set(edit, "SPOT", "Set CapacityType to SPOT"),
                properties: properties);
        }

        private static Located<string?> Where(ComputeWorkload workload)
        {
            if (workload.CapacityType is { } capacity) return capacity;
            var pod = workload.Pods.OrderByDescending(p => p.Containers.Sum(c => c.Resources.AcceleratorCount)).FirstOrDefault();
            return pod?.Placement is { } placement
                ? Located<string?>.Present(null, placement.Span, placement.Path)
                : Located<string?>.Present(null, workload.Span, workload.NamePath);
        }

        private static InstanceTypeSpec? CheapestWithSpot(SizingCatalog catalog, AcceleratorSpec accelerator) =>
            catalog.InstancesWith(accelerator)
                .Where(i => !i.IsManagedService && i.SpotUsdPerHour is not null)
                .OrderBy(i => i.OnDemandUsdPerAcceleratorHour).ThenBy(i => i.Name, StringComparer.Ordinal)
                .FirstOrDefault();
    }
}
