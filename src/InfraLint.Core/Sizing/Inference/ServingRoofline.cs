using System;
using InfraLint.Core.Sizing.Catalog;

namespace InfraLint.Core.Sizing.Inference
{
    /// <summary>
    /// The roofline arithmetic for one model on one accelerator at one precision and request shape. Pure:
    /// every method is a formula of the constructor's inputs (see docs/sizing.md, "Inference").
    /// </summary>
    internal sealed class ServingRoofline
    {
        private readonly ModelSpec _model;
        private readonly SizingOptions _options;

        public AcceleratorSpec Accelerator { get; }

        public ServingRoofline(
            ModelSpec model,
            AcceleratorSpec accelerator,
            Precision weights,
            Precision kvCache,
            double inputTokens,
            double outputTokens,
            SizingOptions options)
        {
            _model = model;
            _options = options;
            Accelerator = accelerator;
            InputTokens = inputTokens;
            OutputTokens = outputTokens;
            WeightsBytes = model.Parameters * Precisions.BytesPerElement(weights);
            KvBytesPerToken = model.KvBytesPerToken(kvCache);
            (ComputeFormat, PeakTflops) = accelerator.ComputeFormatFor(weights);
            BandwidthBytesPerSecond = accelerator.MemoryBandwidthGBps * SizingUnits.BytesPerGB;
            UsableBytesPerGpu = accelerator.MemoryBytes * options.UsableMemoryFraction;
            OverheadBytesPerGpu = options.RuntimeOverheadGiB * SizingUnits.BytesPerGiB;

            // Attention's own FLOPs (QKᵀ and AV: 4·layers·heads·headDim per token per context position);
            // decode sees on average the prompt plus half the answer, a prefill token half the prompt.
            var attentionPerPosition = 4.0 * model.Layers * model.AttentionHeads * model.HeadDim;
            AverageDecodeContext = inputTokens + outputTokens / 2.0;
            DecodeFlopsPerToken = 2.0 * model.ActiveParameters + attentionPerPosition * AverageDecodeContext;
            PrefillFlopsPerToken = 2.0 * model.ActiveParameters + attentionPerPosition * inputTokens / 2.0;
        }

        public double InputTokens { get; }

        public double OutputTokens { get; }

        public double WeightsBytes { get; }

        public double KvBytesPerToken { get; }

        public Precision ComputeFormat { get; }

        public double PeakTflops { get; }

        public double BandwidthBytesPerSecond { get; }

        public double UsableBytesPerGpu { get; }

        public double OverheadBytesPerGpu { get; }

        public double AverageDecodeContext { get; }

        public double DecodeFlopsPerToken { get; }

        public double PrefillFlopsPerToken { get; }

        /// <summary>KV reserved per sequence: room for the whole prompt and answer, as paged attention needs at the end.</summary>
        public double KvBytesPerSequence => (InputTokens + OutputTokens) * KvBytesPerToken;

        /// <summary>
        /// How many ways the KV cache splits: tensor parallelism splits KV heads (a head cannot be split, so
        /// with fewer KV heads than GPUs heads are replicated); pipeline stages across nodes split layers.
        /// </summary>
        public double KvShards(int width)
        {
            var nodes = Math.Max(1.0, (double)width / _options.GpusPerNode);
            return Math.Min(width, _model.KvHeads * nodes);
        }

        /// <summary>Throughput kept after communication: per doubling inside a node, and per doubling across nodes.</summary>
        public double ParallelEfficiency(int width)
        {
            var inNode = Math.Min(width, _options.GpusPerNode);
            var efficiency = Math.Pow(_options.TensorParallelEfficiency, Math.Log(inNode, 2));
            if (width > _options.GpusPerNode)
                efficiency *= Math.Pow(_options.InterNodeEfficiency, Math.Log((double)width / _options.GpusPerNode, 2));
            return efficiency;
        }

        /// <summary>Memory per GPU left for the KV cache once the runtime and the weight shard are in.</summary>
        public double FreeKvBytesPerGpu(int width) => UsableBytesPerGpu - OverheadBytesPerGpu - WeightsBytes / width;

        /// <summary>Most sequences whose full KV fits (0 = not even one request fits).</summary>
        public int MaxBatchByMemory(int width)
        {
            var free = FreeKvBytesPerGpu(width);
            if (free <= 0) return 0;
            var batch = Math.Floor(free * KvShards(width) / KvBytesPerSequence);
            return batch >= int.MaxValue ? int.MaxValue : (int)batch;
        }

        /// <summary>
        /// One steady-state decode iteration with <paramref name="batch"/> sequences and chunked prefill: each
        /// step reads all weights plus the batch's KV (memory time) and computes the batch's next tokens plus the
        /// prompt tokens that keep the batch full, batch × input/output of them (compute time).
        /// </summary>
        public DecodePoint Evaluate(int width, int batch)
        {
            var efficiency = ParallelEfficiency(width);
            var bandwidth = BandwidthBytesPerSecond * _options.MemoryBandwidthEfficiency * efficiency;
            var flops = PeakTflops * 1e12 * _options.ComputeEfficiency * efficiency;

            var bytesPerGpu = WeightsBytes / width + batch * AverageDecodeContext * KvBytesPerToken / KvShards(width);
            var memory = bytesPerGpu / bandwidth;

            var prefillTokensPerStep = batch * InputTokens / OutputTokens;
            var compute = (batch * DecodeFlopsPerToken + prefillTokensPerStep * PrefillFlopsPerToken) / width / flops;

            var step = Math.Max(memory, compute) + (1.0 - _options.MemoryComputeOverlap) * Math.Min(memory, compute);

            var prefillAlone = Math.Max(
                InputTokens * PrefillFlopsPerToken / width / flops,
                WeightsBytes / width / bandwidth);
            var ttft = prefillAlone + step;
            var endToEnd = ttft + Math.Max(0.0, OutputTokens - 1.0) * step;
            return new DecodePoint(batch, memory, compute, step, ttft, endToEnd);
        }
    }
}
