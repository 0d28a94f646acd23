using System.Collections.Generic;
using InfraLint.Core.Sizing.Catalog;
using InfraLint.Core.Sizing.Cost;

namespace InfraLint.Core.Sizing.Inference
{
    /// <summary>The sizing model's answer for an inference deployment; <see cref="Steps"/> says how it got there.</summary>
    public sealed record InferencePlan
    {
        public ModelSpec Model { get; init; } = null!;

        public AcceleratorSpec Accelerator { get; init; } = null!;

        public Precision Precision { get; init; }

        public Precision KvCachePrecision { get; init; }

        /// <summary>The model's weights plus room for at least one request's KV cache fit in <see cref="GpusPerReplica"/> accelerators.</summary>
        public bool Fits { get; init; }

        /// <summary>The stated SLO is met at the chosen batch (true when no SLO was stated).</summary>
        public bool MeetsSlo { get; init; }

        /// <summary>Accelerators per replica (tensor-parallel width; above one node, tensor × pipeline).</summary>
        public int GpusPerReplica { get; init; }

        /// <summary>Narrowest replica in which the model fits at all (null when even the widest considered does not).</summary>
        public int? MinimumGpusPerReplica { get; init; }

        /// <summary>Concurrent sequences per replica: the largest batch that fits memory and meets the SLO.</summary>
        public int BatchSize { get; init; }

        public int ReplicasNeeded { get; init; }

        /// <summary><see cref="ReplicasNeeded"/> × <see cref="GpusPerReplica"/>.</summary>
        public int GpusNeeded { get; init; }

        public double WeightsBytes { get; init; }

        public double KvCacheBytesPerToken { get; init; }

        public double TimeToFirstTokenMs { get; init; }

        public double TimePerOutputTokenMs { get; init; }

        public double EndToEndLatencyMs { get; init; }

        /// <summary>Output tokens per second one replica sustains at <see cref="BatchSize"/>.</summary>
        public double OutputTokensPerSecondPerReplica { get; init; }

        public double RequestsPerSecondPerReplica { get; init; }

        /// <summary>What bounds a decode step: "memory bandwidth" or "compute".</summary>
        public string DecodeBoundBy { get; init; } = string.Empty;

        /// <summary>What bounds the batch: "memory", "max batch size" or "SLO".</summary>
        public string BatchBoundBy { get; init; } = string.Empty;

        /// <summary>The instance the cost is based on, or null when none in the catalog carries the accelerator.</summary>
        public InstanceChoice? Instance { get; init; }

        public double? MonthlyCostUsd { get; init; }

        public double? MonthlySpotCostUsd { get; init; }

        public int? ProvisionedGpus { get; init; }

        /// <summary>Provisioned minus needed, when positive.</summary>
        public int ExcessGpus { get; init; }

        /// <summary>Needed minus provisioned, when positive.</summary>
        public int MissingGpus { get; init; }

        /// <summary>On-demand monthly cost of <see cref="ExcessGpus"/> at the instance's per-accelerator price.</summary>
        public double? ExcessMonthlyCostUsd { get; init; }

        public IReadOnlyList<SizingStep> Steps { get; init; } = new SizingStep[0];

        /// <summary>Caveats in plain words (SLO cannot be met, a format the chip lacks, no price known …).</summary>
        public IReadOnlyList<string> Warnings { get; init; } = new string[0];
    }
}
