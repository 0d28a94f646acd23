using System;
using static System.FormattableString;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using InfraLint.Core.Sizing.Catalog;
using InfraLint.Core.Sizing.Cost;

namespace InfraLint.Core.Sizing.Inference
{
    /// <summary>
    /// Sizes an LLM inference deployment: replica width, batch, throughput, replicas, GPUs and cost.
    /// Pure and deterministic; the formulas and defaults are in docs/sizing.md.
    /// </summary>
    public static class InferenceSizer
    {
        private static readonly int[] SearchWidths = { 1, 2, 4, 8, 16, 32, 64, 128 };

        /// <exception cref="SizingInputException">Unknown model/accelerator/instance, or a value out of range.</exception>
        public static InferencePlan Size(InferenceRequest request, SizingCatalog catalog, SizingOptions? options = null)
        {
            if (request is null) throw new ArgumentNullException(nameof(request));
            if (catalog is null) throw new ArgumentNullException(nameof(catalog));
            options ??= SizingOptions.Default;
            options.Validate();
            Validate(request);

            var steps = new StepLog();
            var warnings = new List<string>();
            var model = ModelResolver.Resolve(catalog, request.Model, request.Parameters, request.ActiveParameters, steps);
            var (accelerator, instance) = HardwareResolver.Resolve(catalog, request.Accelerator, request.InstanceType);
            var kvPrecision = request.KvCachePrecision ?? Precisions.DefaultKvCache(request.Precision);
            var buffer = request.Buffer ?? options.Buffer;
            if (model.IsEstimated) warnings.Add($"Model shape estimated from the parameter count; name a catalog model for a better KV-cache estimate.");

            var roofline = new ServingRoofline(model, accelerator, request.Precision, kvPrecision, request.InputTokens, request.OutputTokens, options);

            steps.Note("precision", Precisions.Name(request.Precision), "Weight format.");
            steps.Note("kvCachePrecision", Precisions.Name(kvPrecision),
                request.KvCachePrecision is null ? "KV-cache format (default: 16-bit, as vLLM's kv_cache_dtype=auto)." : "KV-cache format (given).");
            steps.Add("parameters", model.Parameters, "params", "Total parameters; all of them are held in accelerator memory.");
            steps.Add("activeParameters", model.ActiveParameters, "params", "Parameters used per token; FLOPs scale with these (differs for mixture-of-experts).");
            steps.Add("bytesPerParameter", Precisions.BytesPerElement(request.Precision), "bytes", "fp32 4, bf16/fp16 2, fp8/int8 1, int4 0.5.");
            steps.Add("weightsBytes", roofline.WeightsBytes, "bytes", "parameters × bytes per parameter.");
            steps.Add("kvCacheBytesPerToken", roofline.KvBytesPerToken, "bytes",
                $"2 (K and V) × {model.Layers} layers × {model.KvHeads} KV heads × {model.HeadDim} head dim × {Precisions.BytesPerElement(kvPrecision).ToString(CultureInfo.InvariantCulture)} bytes.");
            steps.Note("accelerator", accelerator.Name, $"{accelerator.DisplayName} ({accelerator.Source}, {accelerator.Date}).");
            steps.Add("memoryPerGpu", accelerator.MemoryBytes, "bytes", $"{accelerator.MemoryGiB.ToString("0.##", CultureInfo.InvariantCulture)} GiB per accelerator, as the cloud API and driver report it.");
            steps.Add("usableMemoryPerGpu", roofline.UsableBytesPerGpu, "bytes", $"memory × usable fraction {options.UsableMemoryFraction.ToString(CultureInfo.InvariantCulture)} (vLLM gpu_memory_utilization default).");
            steps.Add("runtimeOverheadPerGpu", roofline.OverheadBytesPerGpu, "bytes", "CUDA context, activation workspace and CUDA graphs, per accelerator.");
            steps.Note("computeFormat", Precisions.Name(roofline.ComputeFormat), "Format the matrix units compute in for these weights.");
            if (roofline.ComputeFormat != request.Precision && request.Precision != Precision.Int4)
                warnings.Add($"{accelerator.DisplayName} has no dense {Precisions.Name(request.Precision)} throughput; {Precisions.Name(request.Precision)} weights are computed in {Precisions.Name(roofline.ComputeFormat)} (memory saving only).");
            steps.Add("peakTflops", roofline.PeakTflops, "TFLOPS", $"Dense (not sparse) {Precisions.Name(roofline.ComputeFormat)} peak per accelerator.");
            steps.Add("memoryBandwidth", roofline.BandwidthBytesPerSecond, "bytes/s", "Datasheet memory bandwidth per accelerator.");
            steps.Add("inputTokens", request.InputTokens, "tokens", "Mean prompt length per request.");
            steps.Add("outputTokens", request.OutputTokens, "tokens", "Mean generated length per request.");
            steps.Add("kvCacheBytesPerSequence", roofline.KvBytesPerSequence, "bytes", "(input + output tokens) × KV bytes per token: a sequence's KV at its longest.");
            if (request.InputTokens + request.OutputTokens > model.ContextLength)
                warnings.Add(Invariant($"Input plus output ({request.InputTokens + request.OutputTokens:0} tokens) exceeds {model.DisplayName}'s context length of {model.ContextLength} tokens."));

            var widths = SearchWidths.Where(w => w <= options.MaxGpusPerReplica).ToArray();
            var searched = widths.Select(w => Evaluate(roofline, w, request, buffer, options)).ToArray();
            var minimumWidth = searched.FirstOrDefault(o => o.Fits)?.Width;

            var candidates = request.GpusPerReplica is int fixedWidth
                ? new[] { searched.FirstOrDefault(o => o.Width == fixedWidth) ?? Evaluate(roofline, fixedWidth, request, buffer, options) }
                : searched;
            foreach (var option in searched.Where(o => o.Fits))
            {
                steps.Add($"candidate.{option.Width}gpu", option.Gpus, "GPUs",
                    $"{option.Width} per replica: up to {option.MaxBatchByMemory} sequences fit, batch {option.Point!.Batch} ({option.BatchBoundBy}), "
                    + Invariant($"{option.Point.RequestsPerSecond:0.##} req/s per replica, {option.Replicas} replica(s)")
                    + (option.MeetsSlo ? string.Empty : ", misses the SLO") + ".");
            }

            var chosen = Choose(candidates, request.PeakRequestsPerSecond is not null);
            if (chosen is null)
                return DoesNotFit(request, model, accelerator, kvPrecision, roofline, candidates, minimumWidth, steps, warnings, options);

            var point = chosen.Point!;
            if (!chosen.MeetsSlo)
                warnings.Add("No batch size on any considered replica width meets the stated SLO; the plan shows the lowest-latency option (batch 1).");
            if (!HasSlo(request) && point.StepSeconds * 1000 > InteractiveTokenMs)
                warnings.Add(Invariant($"No latency objective given, so the batch is as large as memory allows: each token takes ~{point.StepSeconds * 1000:0} ms ")
                    + Invariant($"and a request ~{point.EndToEndSeconds:0.#} s. State a time-per-output-token or p99 objective for interactive serving."));
            if (request.GpusPerReplica is int given && minimumWidth is int min && given > min)
                steps.Note("minimumGpusPerReplica", min.ToString(CultureInfo.InvariantCulture), $"The model would already fit in {min} accelerator(s) per replica.");

            steps.Add("gpusPerReplica", chosen.Width, "GPUs",
                request.GpusPerReplica is null
                    ? "Replica width (power of two; tensor parallel within a node, pipeline across nodes) that needs the fewest GPUs in total for the traffic; ties go to the narrower."
                    : "Replica width (given).");
            steps.Add("parallelEfficiency", roofline.ParallelEfficiency(chosen.Width), "ratio",
                $"{options.TensorParallelEfficiency.ToString(CultureInfo.InvariantCulture)} per doubling within a node, {options.InterNodeEfficiency.ToString(CultureInfo.InvariantCulture)} per doubling across nodes.");
            steps.Add("freeKvMemoryPerGpu", roofline.FreeKvBytesPerGpu(chosen.Width), "bytes", "usable − runtime overhead − weights ÷ width.");
            steps.Add("maxBatchByMemory", chosen.MaxBatchByMemory, "sequences", "free KV memory × KV shards ÷ KV bytes per sequence.");
            steps.Add("batchSize", point.Batch, "sequences", $"Largest concurrent batch that fits and meets the SLO, capped at {options.BatchCap(accelerator)}, {options.BatchCapReason(accelerator)} (bound by {chosen.BatchBoundBy}).");
            steps.Add("decodeMemoryTime", point.MemorySeconds * 1000, "ms",
                Invariant($"(weights ÷ width + batch × {roofline.AverageDecodeContext:0} mean context tokens × KV bytes ÷ KV shards) ÷ (bandwidth × {options.MemoryBandwidthEfficiency.ToString(CultureInfo.InvariantCulture)} × parallel efficiency)."));
            steps.Add("decodeComputeTime", point.ComputeSeconds * 1000, "ms",
                Invariant($"(batch × {roofline.DecodeFlopsPerToken:0.###e0} FLOPs + batch × input/output prompt tokens × {roofline.PrefillFlopsPerToken:0.###e0} FLOPs) ÷ width ÷ (peak × {options.ComputeEfficiency.ToString(CultureInfo.InvariantCulture)} × parallel efficiency); FLOPs/token = 2 × active params + attention."));
            steps.Add("timePerOutputToken", point.StepSeconds * 1000, "ms",
                $"max(memory, compute) + {(1 - options.MemoryComputeOverlap).ToString(CultureInfo.InvariantCulture)} × min(memory, compute); decode is {(point.MemoryBound ? "memory-bandwidth" : "compute")}-bound.");
            steps.Add("timeToFirstToken", point.TimeToFirstTokenSeconds * 1000, "ms", "Prompt prefill alone (compute-bound) plus one step of the running batch.");
            steps.Add("endToEndLatency", point.EndToEndSeconds * 1000, "ms", "TTFT + (output tokens − 1) × time per output token; used as the p99 estimate at steady peak.");
            var tokensPerSecond = point.RequestsPerSecond * request.OutputTokens;
            steps.Add("requestsPerSecondPerReplica", point.RequestsPerSecond, "req/s", "batch ÷ end-to-end latency (Little's law).");
            steps.Add("outputTokensPerSecondPerReplica", tokensPerSecond, "tokens/s", "requests per second × output tokens.");

            if (request.PeakRequestsPerSecond is double rps)
            {
                steps.Add("peakRequestsPerSecond", rps, "req/s", "Declared peak traffic.");
                steps.Add("buffer", buffer, "ratio", request.Buffer is null ? "Headroom over peak (default)." : "Headroom over peak (given).");
                steps.Add("concurrentRequestsAtPeak", rps * (1 + buffer) * point.EndToEndSeconds, "requests", "peak × (1 + buffer) × end-to-end latency (Little's law).");
                steps.Add("replicasNeeded", chosen.Replicas, "replicas", "ceil(concurrent requests at peak ÷ batch per replica).");
            }
            else
            {
                steps.Add("replicasNeeded", chosen.Replicas, "replicas", "No peak traffic given: one replica (memory fit and per-replica capacity only).");
            }

            var gpusNeeded = chosen.Gpus;
            steps.Add("gpusNeeded", gpusNeeded, "GPUs", "replicas × GPUs per replica.");

            var cost = InstancePicker.Cheapest(catalog, accelerator, chosen.Width, chosen.Replicas, options, instance);
            double? monthly = null, monthlySpot = null, excessCost = null;
            if (cost is not null)
            {
                monthly = cost.OnDemandUsdPerHour * options.HoursPerMonth;
                monthlySpot = cost.SpotUsdPerHour * options.HoursPerMonth;
                steps.Note("instanceType", cost.Instance.Name,
                    (instance is null ? "Cheapest catalog instance carrying the accelerator" : "Instance type (given)")
                    + Invariant($": {cost.Instance.AcceleratorCount} × {accelerator.Name}, ${cost.Instance.OnDemandUsdPerHour:0.####}/h on-demand in {cost.Instance.Region} ({cost.Instance.Source}, {cost.Instance.Date})."));
                steps.Add("instanceCount", cost.InstanceCount, "instances", "Whole instances holding every replica (replicas do not straddle instances unless wider than one).");
                steps.Add("monthlyCostUsd", monthly.Value, "USD/month", $"instances × on-demand $/h × {options.HoursPerMonth.ToString(CultureInfo.InvariantCulture)} h/month.");
                if (monthlySpot is double spot)
                    steps.Add("monthlySpotCostUsd", spot, "USD/month", $"instances × spot $/h × {options.HoursPerMonth.ToString(CultureInfo.InvariantCulture)} h/month ({cost.Instance.SpotSource ?? "spot price"}).");
            }
            else
            {
                warnings.Add($"No instance type in the catalog carries {accelerator.DisplayName}; cost not estimated.");
            }

            int excess = 0, missing = 0;
            if (request.ProvisionedGpus is int provisioned)
            {
                excess = Math.Max(0, provisioned - gpusNeeded);
                missing = Math.Max(0, gpusNeeded - provisioned);
                steps.Add("provisionedGpus", provisioned, "GPUs", "Accelerators provisioned.");
                steps.Add("excessGpus", excess, "GPUs", "provisioned − needed, when positive.");
                if (cost is not null)
                {
                    excessCost = excess * cost.Instance.OnDemandUsdPerAcceleratorHour * options.HoursPerMonth;
                    steps.Add("excessMonthlyCostUsd", excessCost.Value, "USD/month", "excess GPUs × on-demand $/accelerator-hour × hours per month.");
                }
            }

            return new InferencePlan
            {
                Model = model,
                Accelerator = accelerator,
                Precision = request.Precision,
                KvCachePrecision = kvPrecision,
                Fits = true,
                MeetsSlo = chosen.MeetsSlo,
                GpusPerReplica = chosen.Width,
                MinimumGpusPerReplica = minimumWidth,
                BatchSize = point.Batch,
                ReplicasNeeded = chosen.Replicas,
                GpusNeeded = gpusNeeded,
                WeightsBytes = roofline.WeightsBytes,
                KvCacheBytesPerToken = roofline.KvBytesPerToken,
                TimeToFirstTokenMs = point.TimeToFirstTokenSeconds * 1000,
                TimePerOutputTokenMs = point.StepSeconds * 1000,
                EndToEndLatencyMs = point.EndToEndSeconds * 1000,
                OutputTokensPerSecondPerReplica = tokensPerSecond,
                RequestsPerSecondPerReplica = point.RequestsPerSecond,
                DecodeBoundBy = point.MemoryBound ? "memory bandwidth" : "compute",
                BatchBoundBy = chosen.BatchBoundBy,
                Instance = cost,
                MonthlyCostUsd = monthly,
                MonthlySpotCostUsd = monthlySpot,
                ProvisionedGpus = request.ProvisionedGpus,
                ExcessGpus = excess,
                MissingGpus = missing,
                ExcessMonthlyCostUsd = excessCost,
                Steps = steps.Steps,
                Warnings = warnings.ToArray(),
            };
        }

        /// <summary>
        /// Sizes the same workload on every accelerator that has a priced instance (or on the given ones) and
        /// returns the plans that fit and meet the SLO, cheapest on-demand first (ties by name). For rules such as
        /// "a cheaper accelerator class serves this workload" (IL1003).
        /// </summary>
        public static IReadOnlyList<InferencePlan> CompareAccelerators(
            InferenceRequest request,
            SizingCatalog catalog,
            SizingOptions? options = null,
            IEnumerable<string>? accelerators = null)
        {
            if (request is null) throw new ArgumentNullException(nameof(request));
            if (catalog is null) throw new ArgumentNullException(nameof(catalog));
            options ??= SizingOptions.Default;
            var names = accelerators?.ToArray()
                ?? catalog.Accelerators
                    .Where(a => catalog.InstancesWith(a).Any(i => options.IncludeManagedServiceInstances || !i.IsManagedService))
                    .Select(a => a.Name)
                    .ToArray();

            var plans = new List<InferencePlan>();
            foreach (var name in names)
            {
                var plan = Size(request with { Accelerator = name, InstanceType = null, GpusPerReplica = null }, catalog, options);
                if (plan.Fits && plan.MeetsSlo && plan.MonthlyCostUsd is not null) plans.Add(plan);
            }

            return plans
                .OrderBy(p => p.MonthlyCostUsd!.Value)
                .ThenBy(p => p.Accelerator.Name, StringComparer.Ordinal)
                .ToArray();
        }

        private static void Validate(InferenceRequest request)
        {
            Positive("input tokens", request.InputTokens, allowZero: true);
            Positive("output tokens", request.OutputTokens, allowZero: false);
            if (request.OutputTokens < 1) throw new SizingInputException("Output tokens must be at least 1.");
            if (request.PeakRequestsPerSecond is double rps) Positive("peak requests per second", rps, allowZero: true);
            if (request.TimeToFirstTokenMs is double ttft) Positive("time-to-first-token SLO", ttft, allowZero: false);
            if (request.TimePerOutputTokenMs is double tpot) Positive("time-per-output-token SLO", tpot, allowZero: false);
            if (request.P99LatencyMs is double p99) Positive("p99 latency SLO", p99, allowZero: false);
            if (request.Buffer is double buffer) Positive("buffer", buffer, allowZero: true);
            if (request.GpusPerReplica is int width && width < 1) throw new SizingInputException("GPUs per replica must be at least 1.");
            if (request.ProvisionedGpus is int provisioned && provisioned < 0) throw new SizingInputException("Provisioned GPUs cannot be negative.");
        }

        private static void Positive(string what, double value, bool allowZero)
        {
            var ok = !double.IsNaN(value) && !double.IsInfinity(value) && (allowZero ? value >= 0 : value > 0);
            if (!ok)
                throw new SizingInputException($"The {what} must be {(allowZero ? "zero or more" : "greater than zero")} (got {value.ToString(CultureInfo.InvariantCulture)}).");
        }

        private static ReplicaOption Evaluate(ServingRoofline roofline, int width, InferenceRequest request, double buffer, SizingOptions options)
        {
            var byMemory = roofline.MaxBatchByMemory(width);
            if (byMemory < 1) return new ReplicaOption(width, byMemory, null, false, "memory", 0);

            var cap = Math.Min(byMemory, options.BatchCap(roofline.Accelerator));
            DecodePoint? best = null;
            for (var batch = cap; batch >= 1; batch--)
            {
                var point = roofline.Evaluate(width, batch);
                if (MeetsSlo(point, request))
                {
                    best = point;
                    break;
                }
            }

            var meets = best is not null;
            best ??= roofline.Evaluate(width, 1);
            var boundBy = !meets || best.Batch < cap ? "SLO" : cap == byMemory ? "memory" : "max batch size";
            return new ReplicaOption(width, byMemory, best, meets, boundBy, Replicas(best, request.PeakRequestsPerSecond, buffer));
        }

        /// <summary>Above this time per output token (≈ 10 tokens/s, slower than people read) an unstated SLO earns a warning.</summary>
        private const double InteractiveTokenMs = 100;

        private static bool HasSlo(InferenceRequest request) =>
            request.TimeToFirstTokenMs is not null || request.TimePerOutputTokenMs is not null || request.P99LatencyMs is not null;

        private static bool MeetsSlo(DecodePoint point, InferenceRequest request) =>
            (request.TimeToFirstTokenMs is not double ttft || point.TimeToFirstTokenSeconds * 1000 <= ttft)
            && (request.TimePerOutputTokenMs is not double tpot || point.StepSeconds * 1000 <= tpot)
            && (request.P99LatencyMs is not double p99 || point.EndToEndSeconds * 1000 <= p99);

        private static int Replicas(DecodePoint point, double? peakRps, double buffer)
        {
            if (peakRps is not double rps || rps <= 0) return 1;
            // The small epsilon keeps 3.0000000001 (floating-point noise) from becoming 4.
            var replicas = Math.Ceiling(rps * (1 + buffer) / point.RequestsPerSecond - 1e-9);
            return (int)Math.Max(1, Math.Min(int.MaxValue, replicas));
        }

        /// <summary>
        /// Among widths that fit: those meeting the SLO first; with traffic, the fewest GPUs in total (ties →
        /// narrower), without traffic the narrowest. If none meets the SLO, the lowest latency.
        /// </summary>
        private static ReplicaOption? Choose(IReadOnlyList<ReplicaOption> options, bool hasTraffic)
        {
            var fitting = options.Where(o => o.Fits).ToArray();
            if (fitting.Length == 0) return null;
            var meeting = fitting.Where(o => o.MeetsSlo).ToArray();
            if (meeting.Length == 0)
                return fitting.OrderBy(o => o.Point!.EndToEndSeconds).ThenBy(o => o.Gpus).ThenBy(o => o.Width).First();
            return hasTraffic
                ? meeting.OrderBy(o => o.Gpus).ThenBy(o => o.Width).First()
                : meeting.OrderBy(o => o.Width).First();
        }

        private static InferencePlan DoesNotFit(
            InferenceRequest request,
            ModelSpec model,
            AcceleratorSpec accelerator,
            Precision kvPrecision,
            ServingRoofline roofline,
            IReadOnlyList<ReplicaOption> candidates,
            int? minimumWidth,
            StepLog steps,
            List<string> warnings,
            SizingOptions options)
        {
            var widest = candidates.OrderByDescending(c => c.Width).First().Width;
            steps.Add("gpusPerReplica", widest, "GPUs", "Widest replica considered.");
            steps.Add("freeKvMemoryPerGpu", roofline.FreeKvBytesPerGpu(widest), "bytes", "usable − runtime overhead − weights ÷ width; negative or too small for one request's KV.");
            warnings.Add(minimumWidth is int min
                ? $"{model.DisplayName} at {Precisions.Name(request.Precision)} does not fit in {widest} × {accelerator.DisplayName}; it needs at least {min} per replica."
                : $"{model.DisplayName} at {Precisions.Name(request.Precision)} does not fit in up to {options.MaxGpusPerReplica} × {accelerator.DisplayName}.");
            int missing = 0;
            if (request.ProvisionedGpus is int provisioned && minimumWidth is int needed) missing = Math.Max(0, needed - provisioned);
            return new InferencePlan
            {
                Model = model,
                Accelerator = accelerator,
                Precision = request.Precision,
                KvCachePrecision = kvPrecision,
                Fits = false,
                MeetsSlo = false,
                GpusPerReplica = widest,
                MinimumGpusPerReplica = minimumWidth,
                WeightsBytes = roofline.WeightsBytes,
                KvCacheBytesPerToken = roofline.KvBytesPerToken,
                BatchBoundBy = "memory",
                ProvisionedGpus = request.ProvisionedGpus,
                MissingGpus = missing,
                Steps = steps.Steps,
                Warnings = warnings.ToArray(),
            };
        }
    }
}
