using System;
using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Engine;
using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using InfraLint.Core.Fixes;
using InfraLint.Core.Knowledge;
using InfraLint.Core.Locations;
using InfraLint.Core.Sizing;
using InfraLint.Core.Sizing.Inference;
using NRules.Fluent.Dsl;
using RulePrecision = InfraLint.Core.Findings.Precision;

namespace InfraLint.Rules.Compute
{
    /// <summary>
    /// Serving at fp32 doubles the weights' memory and halves tensor-core throughput against bf16/fp16, with no
    /// quality gain for models trained in 16 bits. What runs is what the server's arguments say, so they win over
    /// the profile; the profile is reported only when the arguments say nothing.
    /// </summary>
    [Name(Id)]
    public sealed class IL1008FullPrecisionInference : Rule
    {
        public const string Id = "IL1008";

        public static readonly RuleDescriptor Descriptor = new RuleDescriptor(
            Id,
            "Full-precision inference",
            "A GPU inference server runs at fp32 (--dtype float32, or a profile precision of fp32) where bf16 or fp16 serves the same model in half the memory and at several times the throughput.",
            Severity.Warning,
            RulePrecision.High,
            new[] { "compute", "cost", "inference", "precision" });

        public override void Define()
        {
            LintSettings settings = default!;
            ComputeWorkload workload = default!;
            IEnumerable<WorkloadProfile> profiles = default!;
            Finding? finding = default;

            When()
                .Match(() => settings)
                .Match(() => workload, w => !w.IsNodePool, w => w.Pods.Count > 0)
                .Query(() => profiles, q => q.Match<WorkloadProfile>(p => p.Describes(workload)).Collect())
                .Let(() => finding, () => Judge(workload, profiles, settings))
                .Having(() => finding != null);

            Then()
                .Do(ctx => ctx.Report(finding!));
        }

        private static Finding? Judge(ComputeWorkload workload, IEnumerable<WorkloadProfile> profiles, LintSettings settings)
        {
            var profile = profiles.OrderByDescending(p => p.FromAnnotations).FirstOrDefault();
            if ((profile?.Role.Value ?? workload.Role) != WorkloadRole.Inference) return null;
            if (!ProvisionedAccelerators.UsesAccelerators(workload, settings.Catalog)) return null;

            var (precision, source) = CapacityCase.PrecisionOf(workload, profile);
            if (precision != Core.Sizing.Precision.Fp32 || source.StartsWith("assumed", StringComparison.Ordinal)) return null;

            var hardware = ProvisionedAccelerators.Identify(workload, settings.Catalog, settings.DefaultAccelerator);
            // Volta and Turing have no bf16 tensor cores; fp16 is their 16-bit format.
            bool bf16 = hardware.Accelerator?.Bf16Tflops is not null || hardware.Accelerator is null;
            var target = bf16 ? Core.Sizing.Precision.Bf16 : Core.Sizing.Precision.Fp16;

            Located<string> at;
            IReadOnlyList<Fix> fixes = Fix.None;
            string said;
            var container = workload.Containers.Where(c => !c.IsInit).FirstOrDefault(c => ServerArguments.Precision(c.Command.Concat(c.Args.Select(a => a.Value)).ToArray()) == "fp32");
            if (container is not null)
            {
                var words = container.Command.Concat(container.Args.Select(a => a.Value)).ToArray();
                var dtype = ServerArguments.Dtype(words);
                int argIndex = dtype is null ? -1 : dtype.Index - container.Command.Count;
                if (dtype is not null && argIndex >= 0 && argIndex < container.Args.Count)
                {
                    at = container.Args[argIndex];
                    string value = bf16 ? "bfloat16" : "float16";
                    fixes = Fix.Set(at.Edit, dtype.WithValue(value), $"Serve at {value} ({dtype.Flag} {value})");
                }
                else
                {
                    at = container.Name;
                }
                said = $"the {Wording.Of(container)} starts its server with {dtype?.Flag ?? "--dtype"} {dtype?.Value ?? "float32"}";
            }
            else if (profile is not null && profile.Precision.IsPresent)
            {
                at = Located<string>.Present(profile.Precision.Value ?? "fp32", profile.Precision.Span, profile.Precision.Path);
                said = $"its profile declares precision {profile.Precision.Value}";
            }
            else
            {
                return null;
            }

            var properties = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["precision"] = "fp32",
                ["precisionSource"] = source,
                ["suggestedPrecision"] = Precisions.Name(target),
                ["accelerator"] = hardware.Accelerator?.Name ?? string.Empty,
                ["acceleratorEvidence"] = hardware.Evidence,
            };
            string numbers = Numbers(workload, profile, settings, hardware, target, properties);
            var subject = container is not null || profile is null || profile.FromAnnotations ? (InfraResource)workload : profile;
            return new Finding(
                Descriptor,
                $"Inference {Wording.Of(workload)} serves at fp32: {said}.{numbers} Serve at {Precisions.Name(target)} unless the model was trained in fp32 and loses accuracy in 16 bits.",
                at.Span,
                Wording.PathOf(subject, at),
                workload,
                fixes: fixes,
                properties: properties);
        }

        /// <summary>What fp32 costs against the 16-bit format, from the sizing model: weights always, GPUs and money where the accelerator is known.</summary>
        private static string Numbers(ComputeWorkload workload, WorkloadProfile? profile, LintSettings settings, ProvisionedHardware hardware, Core.Sizing.Precision target, Dictionary<string, string> properties)
        {
            string? model = profile?.ModelName.Value ?? ServerArguments.Model(CapacityCase.ServerWords(workload));
            double? parameters = profile?.Parameters.Value;
            var spec = model is null ? null : settings.Catalog.FindModel(model);
            if (spec is null && parameters is null) return string.Empty;
            string name = spec?.DisplayName ?? model ?? "the model";

            if (hardware.Accelerator is null)
            {
                double count = parameters ?? spec!.Parameters;
                double full = count * Precisions.BytesPerElement(Core.Sizing.Precision.Fp32), half = count * Precisions.BytesPerElement(target);
                properties["weightsBytesFp32"] = CapacityCase.Number(full);
                properties[$"weightsBytes{Precisions.Name(target)}"] = CapacityCase.Number(half);
                return $" {name}'s weights take {CapacityCase.GiB(full)} at fp32 against {CapacityCase.GiB(half)} at {Precisions.Name(target)}.";
            }

            var request = new InferenceRequest
            {
                Model = spec?.Name ?? model,
                Parameters = parameters,
                Accelerator = hardware.Accelerator.Name,
                InstanceType = hardware.Instance?.Name,
                InputTokens = profile?.InputTokens.Value ?? new InferenceRequest().InputTokens,
                OutputTokens = profile?.OutputTokens.Value ?? new InferenceRequest().OutputTokens,
                PeakRequestsPerSecond = profile?.PeakRequestsPerSecond.Value,
                P99LatencyMs = profile?.P99LatencyMs.Value,
                TimeToFirstTokenMs = profile?.TimeToFirstTokenMs.Value,
                TimePerOutputTokenMs = profile?.P99LatencyMs.Value is null && profile?.TimeToFirstTokenMs.Value is null ? settings.DefaultTimePerOutputTokenMs : null,
                Buffer = settings.Sizing.Buffer,
            };
            InferencePlan fp32, sixteen;
            try
            {
                fp32 = InferenceSizer.Size(request with { Precision = Core.Sizing.Precision.Fp32 }, settings.Catalog, settings.Sizing);
                sixteen = InferenceSizer.Size(request with { Precision = target }, settings.Catalog, settings.Sizing);
            }
            catch (SizingInputException)
            {
                return string.Empty;
            }

            properties["weightsBytesFp32"] = CapacityCase.Number(fp32.WeightsBytes);
            properties[$"weightsBytes{Precisions.Name(target)}"] = CapacityCase.Number(sixteen.WeightsBytes);
            properties["gpusNeededFp32"] = fp32.Fits ? CapacityCase.Number(fp32.GpusNeeded) : string.Empty;
            properties[$"gpusNeeded{Precisions.Name(target)}"] = sixteen.Fits ? CapacityCase.Number(sixteen.GpusNeeded) : string.Empty;
            string text = $" {name}'s weights take {CapacityCase.GiB(fp32.WeightsBytes)} at fp32 against {CapacityCase.GiB(sixteen.WeightsBytes)} at {Precisions.Name(target)}";
            if (fp32.Fits && sixteen.Fits && Cost(fp32, settings) is double c32 && Cost(sixteen, settings) is double c16)
            {
                properties["monthlyCostUsdFp32"] = CapacityCase.Number(c32);
                properties[$"monthlyCostUsd{Precisions.Name(target)}"] = CapacityCase.Number(c16);
                string traffic = request.PeakRequestsPerSecond is double rps ? CapacityCase.Invariant($" for {rps:0.##} req/s") : " for one replica";
                text += $"; on {hardware.Accelerator.DisplayName} the sizing model needs {fp32.GpusNeeded} GPU(s) (≈ {CapacityCase.Money(c32)}/month) at fp32 against {sixteen.GpusNeeded} (≈ {CapacityCase.Money(c16)}/month) at {Precisions.Name(target)}{traffic}";
            }
            else if (!fp32.Fits && sixteen.Fits)
            {
                text += $"; at fp32 it does not fit {hardware.Accelerator.DisplayName} replicas the sizing model considers, at {Precisions.Name(target)} it needs {sixteen.GpusNeeded} GPU(s)";
            }
            foreach (var step in sixteen.Steps)
                properties[$"step.{Precisions.Name(target)}.{step.Name}"] = step.Value is double v ? $"{CapacityCase.Number(v)} {step.Unit}".TrimEnd() : step.Text ?? string.Empty;
            return text + ".";
        }

        private static double? Cost(InferencePlan plan, LintSettings settings) =>
            plan.Instance is { } choice ? plan.GpusNeeded * choice.Instance.OnDemandUsdPerAcceleratorHour * settings.Sizing.HoursPerMonth : null;
    }
}
