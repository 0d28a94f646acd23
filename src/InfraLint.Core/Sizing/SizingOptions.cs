using System.Globalization;
using InfraLint.Core.Sizing.Training;

namespace InfraLint.Core.Sizing
{
    /// <summary>
    /// The model's global defaults. Every number here is documented, with its source, in docs/sizing.md;
    /// they are calibrated once against published results, never per case. Override with <c>with { … }</c>.
    /// </summary>
    public sealed record SizingOptions
    {
        public static SizingOptions Default { get; } = new SizingOptions();

        /// <summary>Share of accelerator memory the serving engine may use (vLLM <c>gpu_memory_utilization</c> default 0.90).</summary>
        public double UsableMemoryFraction { get; init; } = 0.90;

        /// <summary>Per-GPU memory taken by the runtime before weights and KV: CUDA context, activation workspace, CUDA graphs.</summary>
        public double RuntimeOverheadGiB { get; init; } = 2.0;

        /// <summary>
        /// Cap on concurrent sequences per replica; null (the default) means vLLM's own default <c>max_num_seqs</c>
        /// for the accelerator, see <see cref="BatchCap"/>.
        /// </summary>
        public int? MaxBatchSize { get; init; }

        /// <summary>vLLM's default <c>max_num_seqs</c> on GPUs with less than 70 GiB, on A100s and on TPUs.</summary>
        public const int EngineDefaultBatch = 256;

        /// <summary>vLLM's default <c>max_num_seqs</c> on GPUs with at least 70 GiB other than the A100 (H100, H200, B200, MI300X).</summary>
        public const int LargeGpuEngineDefaultBatch = 1024;

        /// <summary>
        /// The batch cap for <paramref name="accelerator"/>: <see cref="MaxBatchSize"/> when set, else vLLM's default
        /// <c>max_num_seqs</c> for the OpenAI server, which vLLM V1 raises from 256 to 1,024 (with
        /// <c>max_num_batched_tokens</c> from 2,048 to 8,192) when the device has at least 70 GiB and is not an A100
        /// (vllm/engine/arg_utils.py, <c>EngineArgs.get_batch_defaults</c>, checked 2026-11-30). TPUs keep 256.
        /// </summary>
        public int BatchCap(Catalog.AcceleratorSpec accelerator)
        {
            if (MaxBatchSize is int given) return given;
            bool gpu = accelerator.Vendor is "nvidia" or "amd";
            bool a100 = accelerator.Name.IndexOf("a100", System.StringComparison.OrdinalIgnoreCase) >= 0
                || accelerator.DisplayName.IndexOf("A100", System.StringComparison.OrdinalIgnoreCase) >= 0;
            return gpu && !a100 && accelerator.MemoryGiB >= 70 ? LargeGpuEngineDefaultBatch : EngineDefaultBatch;
        }

        /// <summary>Where <see cref="BatchCap"/> comes from, for the step log.</summary>
        public string BatchCapReason(Catalog.AcceleratorSpec accelerator) =>
            MaxBatchSize is not null ? "sizing.maxBatchSize (given)"
            : BatchCap(accelerator) == LargeGpuEngineDefaultBatch ? "vLLM's default max_num_seqs on a GPU with at least 70 GiB that is not an A100"
            : "vLLM's default max_num_seqs";

        /// <summary>Achieved share of datasheet memory bandwidth in decode (memory-bound GEMV and attention).</summary>
        public double MemoryBandwidthEfficiency { get; init; } = 0.80;

        /// <summary>Achieved share of dense peak FLOPS in serving GEMMs (model FLOPs utilisation, prefill and decode).</summary>
        public double ComputeEfficiency { get; init; } = 0.50;

        /// <summary>
        /// Share of the shorter of (memory time, compute time) hidden under the longer one in a mixed
        /// prefill+decode step: 1 = perfect overlap (pure roofline), 0 = strictly serial.
        /// </summary>
        public double MemoryComputeOverlap { get; init; } = 0.50;

        /// <summary>Scaling efficiency kept per doubling of tensor-parallel width inside a node (all-reduce cost).</summary>
        public double TensorParallelEfficiency { get; init; } = 0.90;

        /// <summary>Scaling efficiency kept per doubling beyond one node (pipeline stages over the network).</summary>
        public double InterNodeEfficiency { get; init; } = 0.80;

        /// <summary>Accelerators per node; tensor parallelism stays inside a node, wider replicas span nodes.</summary>
        public int GpusPerNode { get; init; } = 8;

        /// <summary>Widest replica considered when searching for one that fits.</summary>
        public int MaxGpusPerReplica { get; init; } = 64;

        /// <summary>Headroom over peak demand (0.30 = 30%), applied to replicas and to the over-provisioning threshold.</summary>
        public double Buffer { get; init; } = 0.30;

        /// <summary>Billing hours per month (8,760 h / 12 = 730, the AWS and Azure convention).</summary>
        public double HoursPerMonth { get; init; } = 730.0;

        /// <summary>Consider SageMaker-style managed hosting when choosing the cheapest instance (they carry a premium).</summary>
        public bool IncludeManagedServiceInstances { get; init; }

        /// <summary>Training state per parameter: bf16 weights 2 + bf16 grads 2 + fp32 master weights 4 + Adam moments 8.</summary>
        public double TrainingBytesPerParameter { get; init; } = 16.0;

        /// <summary>Share of usable memory per GPU kept for activations (with activation checkpointing) in training.</summary>
        public double TrainingActivationReserveFraction { get; init; } = 0.25;

        /// <summary>Share of wall-clock time a large training run spends making progress (restarts, checkpoints, evals excluded).</summary>
        public double TrainingGoodput { get; init; } = 0.90;

        /// <summary>Model FLOPs utilisation by accelerator family and model size, for training.</summary>
        public MfuTable Mfu { get; init; } = MfuTable.Default;

        /// <summary>Throws <see cref="SizingInputException"/> when a value is out of its meaningful range.</summary>
        public void Validate()
        {
            Fraction(nameof(UsableMemoryFraction), UsableMemoryFraction, allowZero: false);
            Fraction(nameof(MemoryBandwidthEfficiency), MemoryBandwidthEfficiency, allowZero: false);
            Fraction(nameof(ComputeEfficiency), ComputeEfficiency, allowZero: false);
            Fraction(nameof(MemoryComputeOverlap), MemoryComputeOverlap, allowZero: true);
            Fraction(nameof(TensorParallelEfficiency), TensorParallelEfficiency, allowZero: false);
            Fraction(nameof(InterNodeEfficiency), InterNodeEfficiency, allowZero: false);
            Fraction(nameof(TrainingActivationReserveFraction), TrainingActivationReserveFraction, allowZero: true, allowOne: false);
            Fraction(nameof(TrainingGoodput), TrainingGoodput, allowZero: false);
            NonNegative(nameof(RuntimeOverheadGiB), RuntimeOverheadGiB);
            NonNegative(nameof(Buffer), Buffer);
            Positive(nameof(HoursPerMonth), HoursPerMonth);
            Positive(nameof(TrainingBytesPerParameter), TrainingBytesPerParameter);
            if (MaxBatchSize is int batch && batch < 1) throw Bad(nameof(MaxBatchSize), batch, "at least 1");
            if (GpusPerNode < 1) throw Bad(nameof(GpusPerNode), GpusPerNode, "at least 1");
            if (MaxGpusPerReplica < 1) throw Bad(nameof(MaxGpusPerReplica), MaxGpusPerReplica, "at least 1");
            if (Mfu is null) throw new SizingInputException("Sizing option Mfu must be set.");
        }

        private static void Fraction(string name, double value, bool allowZero, bool allowOne = true)
        {
            var ok = (allowZero ? value >= 0 : value > 0) && (allowOne ? value <= 1 : value < 1);
            if (!ok) throw Bad(name, value, allowZero ? "between 0 and 1" : "greater than 0 and at most 1");
        }

        private static void NonNegative(string name, double value)
        {
            if (!(value >= 0) || double.IsInfinity(value)) throw Bad(name, value, "zero or more");
        }

        private static void Positive(string name, double value)
        {
            if (!(value > 0) || double.IsInfinity(value)) throw Bad(name, value, "greater than zero");
        }

        private static SizingInputException Bad(string name, double value, string expected) =>
            new SizingInputException($"Sizing option {name} must be {expected} (got {value.ToString(CultureInfo.InvariantCulture)}).");
    }
}
