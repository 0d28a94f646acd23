using System.Collections.Generic;
using InfraLint.Core.Sizing.Catalog;
using InfraLint.Core.Sizing.Cost;

namespace InfraLint.Core.Sizing.Training
{
    /// <summary>The sizing model's answer for a training run; <see cref="Steps"/> says how it got there.</summary>
    public sealed record TrainingPlan
    {
        public ModelSpec Model { get; init; } = null!;

        public AcceleratorSpec Accelerator { get; init; } = null!;

        /// <summary>6 × active parameters × tokens.</summary>
        public double TotalFlops { get; init; }

        public double Mfu { get; init; }

        /// <summary>Model FLOPs per second one accelerator delivers on average (peak × MFU × goodput).</summary>
        public double EffectiveFlopsPerGpu { get; init; }

        public double GpuHours { get; init; }

        /// <summary>Fewest accelerators whose memory holds the sharded training state.</summary>
        public int MinimumGpusForMemory { get; init; }

        /// <summary>Accelerators needed to finish by the deadline (null without one).</summary>
        public int? GpusForDeadline { get; init; }

        /// <summary>Max of the two, rounded up to a power of two within a node, whole nodes beyond.</summary>
        public int GpusNeeded { get; init; }

        public double WallClockHours { get; init; }

        public InstanceChoice? Instance { get; init; }

        /// <summary>On-demand cost of the whole run (billed instance-hours, whole instances).</summary>
        public double? CostUsd { get; init; }

        public double? CostSpotUsd { get; init; }

        public int? ProvisionedGpus { get; init; }

        /// <summary>Provisioned minus needed, when positive.</summary>
        public int ExcessGpus { get; init; }

        public IReadOnlyList<SizingStep> Steps { get; init; } = new SizingStep[0];

        public IReadOnlyList<string> Warnings { get; init; } = new string[0];
    }
}
