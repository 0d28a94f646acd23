using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using InfraLint.Core.Sizing;
using InfraLint.Core.Sizing.Inference;
using InfraLint.Core.Sizing.Training;

namespace InfraLint.Cli.Commands;

/// <summary>Renders sizing plans for people (text) and for tools (JSON, camelCase, stable keys).</summary>
internal static class SizeReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static void WriteJson(InferencePlan plan, InferenceRequest request, TextWriter writer)
    {
        var document = new
        {
            role = "inference",
            model = plan.Model.Name,
            accelerator = plan.Accelerator.Name,
            precision = Precisions.Name(plan.Precision),
            kvCachePrecision = Precisions.Name(plan.KvCachePrecision),
            fits = plan.Fits,
            meetsSlo = plan.MeetsSlo,
            gpusPerReplica = plan.GpusPerReplica,
            minimumGpusPerReplica = plan.MinimumGpusPerReplica,
            batchSize = plan.BatchSize,
            replicasNeeded = plan.ReplicasNeeded,
            gpusNeeded = plan.GpusNeeded,
            tokensPerSecondPerReplica = Round(plan.OutputTokensPerSecondPerReplica, 1),
            requestsPerSecondPerReplica = Round(plan.RequestsPerSecondPerReplica, 3),
            timeToFirstTokenMs = Round(plan.TimeToFirstTokenMs, 1),
            timePerOutputTokenMs = Round(plan.TimePerOutputTokenMs, 2),
            endToEndLatencyMs = Round(plan.EndToEndLatencyMs, 1),
            peakRequestsPerSecond = request.PeakRequestsPerSecond,
            instanceType = plan.Instance?.Instance.Name,
            instanceCount = plan.Instance?.InstanceCount,
            monthlyCostUsd = Round(plan.MonthlyCostUsd, 2),
            monthlySpotCostUsd = Round(plan.MonthlySpotCostUsd, 2),
            provisionedGpus = plan.ProvisionedGpus,
            excessGpus = plan.ExcessGpus,
            missingGpus = plan.MissingGpus,
            excessMonthlyCostUsd = Round(plan.ExcessMonthlyCostUsd, 2),
            warnings = plan.Warnings,
            assumptions = Assumptions(plan.Steps),
        };
        writer.WriteLine(JsonSerializer.Serialize(document, Json));
    }

    public static void WriteJson(TrainingPlan plan, TextWriter writer)
    {
        var document = new
        {
            role = "training",
            model = plan.Model.Name,
            accelerator = plan.Accelerator.Name,
            totalFlops = plan.TotalFlops,
            mfu = plan.Mfu,
            gpuHours = Round(plan.GpuHours, 1),
            minimumGpusForMemory = plan.MinimumGpusForMemory,
            gpusForDeadline = plan.GpusForDeadline,
            gpusNeeded = plan.GpusNeeded,
            wallClockHours = Round(plan.WallClockHours, 2),
            instanceType = plan.Instance?.Instance.Name,
            instanceCount = plan.Instance?.InstanceCount,
            costUsd = Round(plan.CostUsd, 2),
            costSpotUsd = Round(plan.CostSpotUsd, 2),
            provisionedGpus = plan.ProvisionedGpus,
            excessGpus = plan.ExcessGpus,
            warnings = plan.Warnings,
            assumptions = Assumptions(plan.Steps),
        };
        writer.WriteLine(JsonSerializer.Serialize(document, Json));
    }

    public static void WriteText(InferencePlan plan, InferenceRequest request, SizingOptions options, TextWriter w)
    {
        w.WriteLine($"{plan.Model.DisplayName} ({plan.Model.Name}) at {Precisions.Name(plan.Precision)} on {plan.Accelerator.DisplayName}");
        w.WriteLine();
        w.WriteLine($"  Weights take {Bytes(plan.WeightsBytes)}; each token of context adds {Bytes(plan.KvCacheBytesPerToken)} of KV cache.");
        if (!plan.Fits)
        {
            w.WriteLine(plan.MinimumGpusPerReplica is int min
                ? $"  It does NOT fit in {plan.GpusPerReplica} GPU(s) per replica; it needs at least {min}."
                : $"  It does NOT fit in up to {plan.GpusPerReplica} GPUs per replica.");
        }
        else
        {
            var narrower = plan.MinimumGpusPerReplica is int min && min < plan.GpusPerReplica
                ? $" (it would fit in {min}, but {plan.GpusPerReplica} serves the traffic with fewer GPUs in total)"
                : string.Empty;
            w.WriteLine($"  Each replica uses {plan.GpusPerReplica} GPU(s){narrower}.");
            w.WriteLine($"  A replica runs up to {plan.BatchSize} requests at once (limited by {plan.BatchBoundBy}) and produces about "
                + $"{plan.OutputTokensPerSecondPerReplica.ToString("N0", Invariant)} output tokens/s ({plan.RequestsPerSecondPerReplica.ToString("0.##", Invariant)} requests/s).");
            w.WriteLine($"  At that load: first token after ~{Ms(plan.TimeToFirstTokenMs)}, then ~{Ms(plan.TimePerOutputTokenMs)} per token "
                + $"({plan.DecodeBoundBy}-bound), ~{Ms(plan.EndToEndLatencyMs)} end to end.");
            if (!plan.MeetsSlo) w.WriteLine("  The stated latency objective cannot be met on this accelerator.");
            if (request.PeakRequestsPerSecond is double rps)
            {
                var buffer = request.Buffer ?? options.Buffer;
                w.WriteLine($"  For {rps.ToString("0.##", Invariant)} requests/s at peak plus a {buffer.ToString("0%", Invariant)} buffer you need "
                    + $"{plan.ReplicasNeeded} replica(s) = {plan.GpusNeeded} GPU(s).");
            }
            else
            {
                w.WriteLine($"  No peak traffic given (--peak-rps): sized one replica = {plan.GpusNeeded} GPU(s).");
            }

            if (plan.Instance is { } instance)
            {
                var spot = plan.MonthlySpotCostUsd is double s ? $", ≈ {Usd(s)}/month at spot prices" : string.Empty;
                w.WriteLine($"  Cost: {instance.InstanceCount} × {instance.Instance.Name} ≈ {Usd(plan.MonthlyCostUsd!.Value)}/month on-demand{spot}.");
            }

            if (plan.ProvisionedGpus is int provisioned)
            {
                if (plan.ExcessGpus > 0)
                    w.WriteLine($"  Provisioned {provisioned} GPUs: {plan.ExcessGpus} more than needed"
                        + (plan.ExcessMonthlyCostUsd is double excess ? $", ≈ {Usd(excess)}/month idle." : "."));
                else if (plan.MissingGpus > 0)
                    w.WriteLine($"  Provisioned {provisioned} GPUs: {plan.MissingGpus} short of what peak traffic needs.");
                else
                    w.WriteLine($"  Provisioned {provisioned} GPUs: matches the need.");
            }
        }

        WriteWarningsAndSteps(plan.Warnings, plan.Steps, w);
    }

    public static void WriteText(TrainingPlan plan, TrainingRequest request, TextWriter w)
    {
        w.WriteLine($"Training {plan.Model.DisplayName} ({plan.Model.Name}) on {plan.Accelerator.DisplayName}");
        w.WriteLine();
        w.WriteLine($"  {request.Tokens.ToString("0.###e0", Invariant)} tokens need {plan.TotalFlops.ToString("0.###e0", Invariant)} FLOPs "
            + $"(6 × {plan.Model.ActiveParameters.ToString("0.###e0", Invariant)} active parameters × tokens).");
        w.WriteLine($"  At {plan.Mfu.ToString("0%", Invariant)} MFU, with time lost to restarts and checkpoints, that is {plan.GpuHours.ToString("N0", Invariant)} GPU-hours.");
        w.WriteLine($"  The training state needs at least {plan.MinimumGpusForMemory} GPU(s) of memory"
            + (plan.GpusForDeadline is int d ? $"; the {request.DeadlineHours!.Value.ToString("0.##", Invariant)} h deadline needs {d}." : "."));
        w.WriteLine($"  Use {plan.GpusNeeded} GPU(s): about {plan.WallClockHours.ToString("N1", Invariant)} hours of wall-clock time.");
        if (plan.Instance is { } instance)
        {
            var spot = plan.CostSpotUsd is double s ? $", ≈ {Usd(s)} at spot prices" : string.Empty;
            w.WriteLine($"  Cost: {instance.InstanceCount} × {instance.Instance.Name} ≈ {Usd(plan.CostUsd!.Value)} on-demand{spot}.");
        }

        WriteWarningsAndSteps(plan.Warnings, plan.Steps, w);
    }

    private static void WriteWarningsAndSteps(IReadOnlyList<string> warnings, IReadOnlyList<SizingStep> steps, TextWriter w)
    {
        if (warnings.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("Warnings:");
            foreach (var warning in warnings) w.WriteLine($"  - {warning}");
        }

        w.WriteLine();
        w.WriteLine("How this was worked out:");
        var width = steps.Max(s => s.Name.Length);
        foreach (var step in steps)
            w.WriteLine($"  {step.Name.PadRight(width)}  {Value(step),-18}  {step.Explanation}");
    }

    private static object[] Assumptions(IReadOnlyList<SizingStep> steps) =>
        steps.Select(s => (object)new { name = s.Name, value = s.Value, unit = s.Unit, text = s.Text, explanation = s.Explanation }).ToArray();

    private static string Value(SizingStep step)
    {
        if (step.Value is not double value) return step.Text ?? string.Empty;
        return step.Unit switch
        {
            "bytes" => Bytes(value),
            "bytes/s" => (value / 1e9).ToString("N0", Invariant) + " GB/s",
            "ms" => Ms(value),
            "USD" or "USD/month" => Usd(value) + (step.Unit == "USD/month" ? "/mo" : string.Empty),
            "ratio" => value.ToString("0.###", Invariant),
            "FLOPs" or "FLOP/s" or "params" => value.ToString("0.###e0", Invariant) + " " + step.Unit,
            _ => (Math.Abs(value) >= 1e6 ? value.ToString("0.###e0", Invariant) : value.ToString("#,0.##", Invariant)) + " " + step.Unit,
        };
    }

    private static string Bytes(double bytes) =>
        bytes >= 1e9 ? (bytes / 1e9).ToString("0.##", Invariant) + " GB"
        : bytes >= 1e6 ? (bytes / 1e6).ToString("0.##", Invariant) + " MB"
        : bytes >= 1e3 ? (bytes / 1e3).ToString("0.##", Invariant) + " kB"
        : bytes.ToString("0.##", Invariant) + " bytes";

    private static string Ms(double ms) =>
        ms >= 1000 ? (ms / 1000).ToString("0.#", Invariant) + " s" : ms.ToString("0.#", Invariant) + " ms";

    private static string Usd(double usd) => "$" + usd.ToString("N0", Invariant);

    private static double? Round(double? value, int digits) => value is double v ? Math.Round(v, digits) : null;

    private static double Round(double value, int digits) => Math.Round(value, digits);
}
