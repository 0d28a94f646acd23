using System;
using static System.FormattableString;
using System.Collections.Generic;
using System.Globalization;
using InfraLint.Core.Sizing.Catalog;
using InfraLint.Core.Sizing.Cost;

namespace InfraLint.Core.Sizing.Training
{
    /// <summary>
    /// Sizes a training run from the 6·N·D rule: FLOPs, GPU-hours at a table MFU, GPUs for memory and for a
    /// deadline, cost. Pure and deterministic; formulas and the MFU table are in docs/sizing.md.
    /// </summary>
    public static class TrainingSizer
    {
        /// <exception cref="SizingInputException">Unknown model/accelerator/instance, or a value out of range.</exception>
        public static TrainingPlan Size(TrainingRequest request, SizingCatalog catalog, SizingOptions? options = null)
        {
            if (request is null) throw new ArgumentNullException(nameof(request));
            if (catalog is null) throw new ArgumentNullException(nameof(catalog));
            options ??= SizingOptions.Default;
            options.Validate();
            if (!(request.Tokens > 0) || double.IsInfinity(request.Tokens))
                throw new SizingInputException($"Training tokens must be greater than zero (got {request.Tokens.ToString(CultureInfo.InvariantCulture)}).");
            if (request.DeadlineHours is double deadline && (!(deadline > 0) || double.IsInfinity(deadline)))
                throw new SizingInputException($"The deadline must be greater than zero hours (got {deadline.ToString(CultureInfo.InvariantCulture)}).");
            if (request.Mfu is double m && !(m > 0 && m <= 1))
                throw new SizingInputException($"MFU must be in (0, 1] (got {m.ToString(CultureInfo.InvariantCulture)}).");
            if (request.ProvisionedGpus is int p && p < 0) throw new SizingInputException("Provisioned GPUs cannot be negative.");

            var steps = new StepLog();
            var warnings = new List<string>();
            var model = ModelResolver.Resolve(catalog, request.Model, request.Parameters, request.ActiveParameters, steps);
            var (accelerator, instance) = HardwareResolver.Resolve(catalog, request.Accelerator, request.InstanceType);
            steps.Note("accelerator", accelerator.Name, $"{accelerator.DisplayName} ({accelerator.Source}, {accelerator.Date}).");

            steps.Add("activeParameters", model.ActiveParameters, "params", "Parameters used per token.");
            steps.Add("tokens", request.Tokens, "tokens", "Training tokens (all epochs).");
            var flops = steps.Add("totalFlops", 6.0 * model.ActiveParameters * request.Tokens, "FLOPs",
                "6 × active parameters × tokens (2 forward + 4 backward per parameter per token; Kaplan et al. 2020).");

            var (format, peak) = accelerator.ComputeFormatFor(request.Precision);
            if (format != request.Precision)
                warnings.Add($"{accelerator.DisplayName} has no dense {Precisions.Name(request.Precision)}; computed at {Precisions.Name(format)}.");
            steps.Add("peakTflops", peak, "TFLOPS", $"Dense {Precisions.Name(format)} peak per accelerator.");

            double mfu;
            if (request.Mfu is double givenMfu)
            {
                mfu = steps.Add("mfu", givenMfu, "ratio", "Model FLOPs utilisation (given).");
            }
            else
            {
                var row = options.Mfu.Lookup(accelerator.Family, model.ActiveParameters);
                mfu = steps.Add("mfu", row.Mfu, "ratio", $"Model FLOPs utilisation from the MFU table for family '{accelerator.Family}' at this size ({row.Basis}).");
            }

            steps.Add("goodput", options.TrainingGoodput, "ratio", "Share of wall-clock time making progress (restarts, checkpoints and evaluations excluded).");
            var effective = steps.Add("effectiveFlopsPerGpu", peak * 1e12 * mfu * options.TrainingGoodput, "FLOP/s", "peak × MFU × goodput.");
            var gpuHours = steps.Add("gpuHours", flops / effective / SizingUnits.SecondsPerHour, "GPU-hours", "total FLOPs ÷ effective FLOP/s per GPU ÷ 3600.");

            var stateBytes = steps.Add("trainingStateBytes", options.TrainingBytesPerParameter * model.Parameters, "bytes",
                $"{options.TrainingBytesPerParameter.ToString(CultureInfo.InvariantCulture)} bytes × parameters (bf16 weights and grads, fp32 master copy, Adam moments), before activations.");
            var perGpu = steps.Add("stateMemoryPerGpu", accelerator.MemoryBytes * options.UsableMemoryFraction * (1 - options.TrainingActivationReserveFraction), "bytes",
                $"memory × {options.UsableMemoryFraction.ToString(CultureInfo.InvariantCulture)} usable × (1 − {options.TrainingActivationReserveFraction.ToString(CultureInfo.InvariantCulture)} kept for activations); state is fully sharded (ZeRO-3/FSDP).");
            var minGpus = (int)Math.Max(1, Math.Ceiling(stateBytes / perGpu - 1e-9));
            steps.Add("minimumGpusForMemory", minGpus, "GPUs", "ceil(training state ÷ state memory per GPU).");

            int? deadlineGpus = null;
            if (request.DeadlineHours is double hours)
            {
                deadlineGpus = (int)Math.Max(1, Math.Ceiling(gpuHours / hours - 1e-9));
                steps.Add("deadlineHours", hours, "h", "Wall-clock deadline.");
                steps.Add("gpusForDeadline", deadlineGpus.Value, "GPUs", "ceil(GPU-hours ÷ deadline); assumes near-linear data-parallel scaling.");
            }

            var gpus = RoundToNodes(Math.Max(minGpus, deadlineGpus ?? 0), options.GpusPerNode);
            steps.Add("gpusNeeded", gpus, "GPUs", $"max(memory, deadline), rounded up to a power of two within a node and to whole {options.GpusPerNode}-GPU nodes beyond.");
            var wallClock = steps.Add("wallClockHours", gpuHours / gpus, "h", "GPU-hours ÷ GPUs.");

            var choice = instance is not null
                ? InstancePicker.Price(instance, 1, gpus)
                : InstancePicker.Cheapest(catalog, accelerator, 1, gpus, options);
            double? cost = null, spotCost = null;
            if (choice is not null)
            {
                cost = choice.OnDemandUsdPerHour * wallClock;
                spotCost = choice.SpotUsdPerHour * wallClock;
                steps.Note("instanceType", choice.Instance.Name,
                    (instance is null ? "Cheapest catalog instance carrying the accelerator" : "Instance type (given)")
                    + Invariant($": ${choice.Instance.OnDemandUsdPerHour:0.####}/h for {choice.Instance.AcceleratorCount} accelerator(s) ({choice.Instance.Source}, {choice.Instance.Date})."));
                steps.Add("instanceCount", choice.InstanceCount, "instances", "Whole instances holding the GPUs.");
                steps.Add("costUsd", cost.Value, "USD", "instances × on-demand $/h × wall-clock hours.");
                if (spotCost is double spot)
                    steps.Add("costSpotUsd", spot, "USD", $"instances × spot $/h × wall-clock hours ({choice.Instance.SpotSource ?? "spot price"}); add checkpoint/restart overhead for preemptions.");
            }
            else
            {
                warnings.Add($"No instance type in the catalog carries {accelerator.DisplayName}; cost not estimated.");
            }

            int excess = 0;
            if (request.ProvisionedGpus is int provisioned)
            {
                excess = Math.Max(0, provisioned - gpus);
                steps.Add("provisionedGpus", provisioned, "GPUs", "Accelerators provisioned.");
                steps.Add("excessGpus", excess, "GPUs", "provisioned − needed, when positive (a deadline can justify more).");
            }

            return new TrainingPlan
            {
                Model = model,
                Accelerator = accelerator,
                TotalFlops = flops,
                Mfu = mfu,
                EffectiveFlopsPerGpu = effective,
                GpuHours = gpuHours,
                MinimumGpusForMemory = minGpus,
                GpusForDeadline = deadlineGpus,
                GpusNeeded = gpus,
                WallClockHours = wallClock,
                Instance = choice,
                CostUsd = cost,
                CostSpotUsd = spotCost,
                ProvisionedGpus = request.ProvisionedGpus,
                ExcessGpus = excess,
                Steps = steps.Steps,
                Warnings = warnings.ToArray(),
            };
        }

        /// <summary>1, 2, 4 … up to a node, then whole nodes: collective communication wants these shapes.</summary>
        internal static int RoundToNodes(int gpus, int gpusPerNode)
        {
            if (gpus <= 1) return 1;
            if (gpus > gpusPerNode) return (gpus + gpusPerNode - 1) / gpusPerNode * gpusPerNode;
            var power = 1;
            while (power < gpus) power *= 2;
            return Math.Min(power, gpusPerNode);
        }
    }
}
