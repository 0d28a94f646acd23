using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using InfraLint.Core.Engine;
using InfraLint.Core.Facts;
using InfraLint.Core.Knowledge;
using InfraLint.Core.Locations;
using InfraLint.Core.Sizing;
using InfraLint.Core.Sizing.Catalog;
using InfraLint.Core.Sizing.Inference;

namespace InfraLint.Rules.Compute
{
    /// <summary>
    /// One inference workload with accelerators, the profile that describes it and what the sizing model says
    /// about it: the shared ground of IL1001–IL1003, built once per workload and session by <see cref="CapacityCaseRule"/>
    /// and matched by the three as a fact, so each sizing question is answered once and a report can count a workload's
    /// waste once even when two of them speak about it. Every number a capacity finding prints comes from here,
    /// and <see cref="Properties"/> carries the inputs and the plan's steps for <c>infralint explain</c>.
    /// </summary>
    [DerivedFact]
    internal sealed class CapacityCase
    {
        private CapacityCase(
            ComputeWorkload workload,
            WorkloadProfile profile,
            LintSettings settings,
            Autoscaler? scaler,
            ProvisionedHardware hardware,
            InferenceRequest request,
            string precisionSource,
            string modelSource,
            bool sloAssumed)
        {
            Workload = workload;
            Profile = profile;
            Settings = settings;
            Scaler = scaler;
            Hardware = hardware;
            Request = request;
            PrecisionSource = precisionSource;
            ModelSource = modelSource;
            SloAssumed = sloAssumed;
        }

        public ComputeWorkload Workload { get; }

        public WorkloadProfile Profile { get; }

        public LintSettings Settings { get; }

        /// <summary>The autoscaler that targets the workload, if any (the first by name when several do).</summary>
        public Autoscaler? Scaler { get; }

        public ProvisionedHardware Hardware { get; }

        /// <summary>The workload as the sizing model sees it, at the provisioned replica width.</summary>
        public InferenceRequest Request { get; }

        public string PrecisionSource { get; }

        public string ModelSource { get; }

        /// <summary>True when the profile states no latency objective and the default time per output token stands in.</summary>
        public bool SloAssumed { get; }

        public int GpusPerReplica => Hardware.GpusPerReplica;

        /// <summary>Replicas at quiet times: the autoscaler's minimum, else the fixed count (null when an intrinsic decides it).</summary>
        public int? MinReplicas =>
            Scaler is not null ? Scaler.MinReplicas.Value ?? 1 : FixedReplicas;

        /// <summary>Replicas at peak: the autoscaler's maximum, else the fixed count; null when unknown (a self-scaling CRD).</summary>
        public int? MaxReplicas =>
            Scaler is not null ? Scaler.MaxReplicas.Value : Workload.InlineAutoscaling is not null ? null : FixedReplicas;

        /// <summary>The attribute that holds <see cref="MinReplicas"/>, for the finding's location and fix.</summary>
        public Located<int?> MinReplicasAttribute => Scaler?.MinReplicas ?? Workload.Replicas;

        public Located<int?> MaxReplicasAttribute => Scaler?.MaxReplicas ?? Workload.Replicas;

        public InfraResource ReplicasOwner => Scaler is not null ? Scaler : Workload;

        private int? FixedReplicas => Workload.Replicas.IsUnknown ? null : Workload.Replicas.IsPresent ? Workload.Replicas.Value : 1;

        /// <summary>
        /// The case for an inference workload with known accelerators and a sizable profile; null when any of
        /// these is missing (IL1004 reports a missing profile, IL0002 an unknown model; an unknown accelerator is
        /// skipped rather than guessed unless <see cref="LintSettings.DefaultAccelerator"/> is set).
        /// </summary>
        public static CapacityCase? For(ComputeWorkload workload, IEnumerable<WorkloadProfile> profiles, IEnumerable<Autoscaler> scalers, LintSettings settings)
        {
            // The workload's own annotations or tags are more specific than a spec document naming it.
            var profile = profiles.OrderByDescending(p => p.FromAnnotations).ThenBy(p => p.File, StringComparer.Ordinal).FirstOrDefault();
            if (profile is null || workload.IsNodePool) return null;
            if ((profile.Role.Value ?? workload.Role) != WorkloadRole.Inference) return null;

            var hardware = ProvisionedAccelerators.Identify(workload, settings.Catalog, settings.DefaultAccelerator);
            if (!hardware.IsKnown || hardware.GpusPerReplica < 1) return null;

            var words = ServerWords(workload);
            string? model = profile.ModelName.Value;
            string modelSource = "profile";
            if (model is null && profile.Parameters.Value is null && ServerArguments.Model(words) is string served && settings.Catalog.FindModel(served) is not null)
            {
                model = served;
                modelSource = "server --model argument";
            }
            if (model is null && profile.Parameters.Value is null) return null;
            if (model is not null && profile.Parameters.Value is null && settings.Catalog.FindModel(model) is null) return null;

            var (precision, precisionSource) = PrecisionOf(workload, profile);
            bool hasSlo = profile.P99LatencyMs.Value is not null || profile.TimeToFirstTokenMs.Value is not null;
            var request = new InferenceRequest
            {
                Model = model,
                Parameters = profile.Parameters.Value,
                Precision = precision,
                Accelerator = hardware.Accelerator!.Name,
                InstanceType = hardware.Instance?.Name,
                GpusPerReplica = hardware.GpusPerReplica,
                InputTokens = profile.InputTokens.Value ?? new InferenceRequest().InputTokens,
                OutputTokens = profile.OutputTokens.Value ?? new InferenceRequest().OutputTokens,
                PeakRequestsPerSecond = profile.PeakRequestsPerSecond.Value,
                P99LatencyMs = profile.P99LatencyMs.Value,
                TimeToFirstTokenMs = profile.TimeToFirstTokenMs.Value,
                TimePerOutputTokenMs = hasSlo ? null : settings.DefaultTimePerOutputTokenMs,
                Buffer = settings.Sizing.Buffer,
            };
            // Two autoscalers of one name (in two files) are told apart by where they are, never by how the facts arrived.
            var scaler = scalers.OrderBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.Span.File, StringComparer.Ordinal).ThenBy(s => s.Span.StartOffset).FirstOrDefault();
            return new CapacityCase(workload, profile, settings, scaler, hardware, request, precisionSource, modelSource, !hasSlo);
        }

        /// <summary>The precision that runs: the server's own arguments, else the profile's, else bf16 (the usual checkpoint format).</summary>
        public static (Precision Precision, string Source) PrecisionOf(ComputeWorkload workload, WorkloadProfile? profile)
        {
            if (ServerArguments.Precision(ServerWords(workload)) is string fromArgs && Precisions.TryParse(fromArgs, out var p1))
                return (p1, "server arguments");
            if (profile?.Precision.Value is string fromProfile && Precisions.TryParse(fromProfile, out var p2))
                return (p2, "profile");
            return (Precision.Bf16, "assumed: neither the profile nor the server arguments state it");
        }

        /// <summary>Command and arguments of the serving containers, in order.</summary>
        public static IReadOnlyList<string> ServerWords(ComputeWorkload workload) =>
            workload.Containers.Where(c => !c.IsInit).SelectMany(c => c.Command.Concat(c.Args.Select(a => a.Value))).ToArray();

        /// <summary>The plan at the provisioned replica width, or null when the model cannot size it.</summary>
        public InferencePlan? AtProvisionedWidth(int? provisionedGpus = null) =>
            Size(Request with { ProvisionedGpus = provisionedGpus });

        /// <summary>The plan with the replica width the model would choose on the same accelerator.</summary>
        public InferencePlan? AtBestWidth(int? provisionedGpus = null) =>
            Size(Request with { GpusPerReplica = null, ProvisionedGpus = provisionedGpus });

        /// <summary>
        /// The plans of every accelerator class for the workload's demand, each at the width the model would choose
        /// (IL1003's comparison); empty when the model cannot size it.
        /// </summary>
        public IReadOnlyList<InferencePlan> AcrossAccelerators()
        {
            lock (_plans)
            {
                if (_comparison is null)
                {
                    SizingRuns++;
                    try
                    {
                        _comparison = InferenceSizer.CompareAccelerators(Request with { GpusPerReplica = null }, Settings.Catalog, Settings.Sizing);
                    }
                    catch (SizingInputException)
                    {
                        _comparison = Array.Empty<InferencePlan>();
                    }
                }
                return _comparison;
            }
        }

        /// <summary>How often the sizing model ran for this case: once per distinct question, whichever rules asked it.</summary>
        internal int SizingRuns { get; private set; }

        // The case is a fact of one session shared by IL1001–IL1003, so a question two rules ask is answered once.
        private readonly Dictionary<InferenceRequest, InferencePlan?> _plans = new Dictionary<InferenceRequest, InferencePlan?>();

        private IReadOnlyList<InferencePlan>? _comparison;

        private InferencePlan? Size(InferenceRequest request)
        {
            lock (_plans)
            {
                if (_plans.TryGetValue(request, out var known)) return known;
                SizingRuns++;
                InferencePlan? plan;
                try
                {
                    plan = InferenceSizer.Size(request, Settings.Catalog, Settings.Sizing);
                }
                catch (SizingInputException)
                {
                    plan = null;
                }
                _plans.Add(request, plan);
                return plan;
            }
        }

        /// <summary>
        /// Monthly on-demand cost of a plan's GPUs at the per-accelerator share of its instance's price, so a pod
        /// that uses one GPU of an eight-GPU node is charged one eighth of the node.
        /// </summary>
        public double? MonthlyGpuCost(InferencePlan plan) =>
            plan.Instance is { } choice ? plan.GpusNeeded * choice.Instance.OnDemandUsdPerAcceleratorHour * Settings.Sizing.HoursPerMonth : null;

        /// <summary>Where the GPU count is written: the accelerator request, else the instance type, else the workload.</summary>
        public static Located<string> GpuAttribute(ComputeWorkload workload)
        {
            foreach (var container in workload.Containers.Where(c => !c.IsInit).OrderByDescending(c => c.Resources.AcceleratorCount))
            {
                foreach (var entry in container.Resources.Limits.Concat(container.Resources.Requests))
                    if (AcceleratorResources.IsAccelerator(entry.Key)) return entry.Value;
            }
            if (workload.InstanceType is { IsPresent: true } type)
                return Located<string>.Present(type.Value ?? string.Empty, type.Span, type.Path);
            return Located<string>.Present(string.Empty, workload.Span, workload.NamePath);
        }

        /// <summary><c>2 × NVIDIA H100 SXM5 80GB</c>.</summary>
        public string Width(int gpus) => $"{gpus} × {Hardware.Accelerator!.DisplayName}";

        /// <summary>The assumptions a capacity message states: model, precision, GPU, traffic, tokens, SLO, buffer.</summary>
        public string Assumptions(InferencePlan plan)
        {
            var parts = new List<string>
            {
                $"{plan.Model.DisplayName} at {Precisions.Name(plan.Precision)}" + (PrecisionSource.StartsWith("assumed", StringComparison.Ordinal) ? " (assumed)" : string.Empty),
                Hardware.Accelerator!.DisplayName + (Hardware.Assumed ? " (assumed: sizing.defaultAccelerator)" : string.Empty),
            };
            if (Request.PeakRequestsPerSecond is double rps) parts.Add(Invariant($"peak {rps:0.##} req/s"));
            parts.Add(Invariant($"{Request.InputTokens:0}→{Request.OutputTokens:0} tokens"));
            if (Request.P99LatencyMs is double p99) parts.Add(Invariant($"p99 ≤ {p99:0} ms"));
            if (Request.TimeToFirstTokenMs is double ttft) parts.Add(Invariant($"TTFT ≤ {ttft:0} ms"));
            if (SloAssumed) parts.Add(Invariant($"≤ {Settings.DefaultTimePerOutputTokenMs:0} ms per token (no SLO stated)"));
            parts.Add(Invariant($"{Settings.Sizing.Buffer * 100:0}% buffer"));
            return string.Join(", ", parts);
        }

        /// <summary>Inputs, provisioned capacity and every step of <paramref name="plan"/>, for <c>infralint explain</c>.</summary>
        public Dictionary<string, string> Properties(InferencePlan plan)
        {
            var properties = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["profile"] = Profile.FromAnnotations ? $"annotations on {Workload.Id}" : $"{Profile.Kind} {Profile.Name} ({Profile.File})",
                ["model"] = plan.Model.Name,
                ["modelSource"] = ModelSource,
                ["precision"] = Precisions.Name(plan.Precision),
                ["precisionSource"] = PrecisionSource,
                ["accelerator"] = plan.Accelerator.Name,
                ["acceleratorEvidence"] = Hardware.Evidence,
                ["instanceType"] = plan.Instance?.Instance.Name ?? string.Empty,
                ["peakRequestsPerSecond"] = Number(Request.PeakRequestsPerSecond),
                ["inputTokens"] = Number(Request.InputTokens),
                ["outputTokens"] = Number(Request.OutputTokens),
                ["p99LatencyMs"] = Number(Request.P99LatencyMs),
                ["timeToFirstTokenMs"] = Number(Request.TimeToFirstTokenMs),
                ["timePerOutputTokenMs"] = Number(Request.TimePerOutputTokenMs),
                ["buffer"] = Number(Settings.Sizing.Buffer),
                ["gpusPerReplicaProvisioned"] = Number(GpusPerReplica),
                ["minReplicas"] = Number(MinReplicas),
                ["maxReplicas"] = Number(MaxReplicas),
                ["autoscaler"] = Scaler?.Id ?? string.Empty,
                ["gpusPerReplicaPlanned"] = Number(plan.GpusPerReplica),
                ["replicasNeeded"] = Number(plan.ReplicasNeeded),
                ["gpusNeeded"] = Number(plan.GpusNeeded),
                ["fits"] = plan.Fits ? "true" : "false",
                ["meetsSlo"] = plan.MeetsSlo ? "true" : "false",
            };
            foreach (var step in plan.Steps)
                properties["step." + step.Name] = step.Value is double v ? $"{Number(v)} {step.Unit}".TrimEnd() : step.Text ?? string.Empty;
            for (int i = 0; i < plan.Warnings.Count; i++)
                properties[$"warning.{i + 1}"] = plan.Warnings[i];
            return properties;
        }

        public static string Money(double usd) => "$" + usd.ToString("N0", CultureInfo.InvariantCulture);

        public static string GiB(double bytes) => (bytes / SizingUnits.BytesPerGiB).ToString("0.#", CultureInfo.InvariantCulture) + " GiB";

        public static string Number(double? value) => value is double v ? v.ToString("R", CultureInfo.InvariantCulture) : string.Empty;

        public static string Invariant(FormattableString text) => FormattableString.Invariant(text);
    }
}
