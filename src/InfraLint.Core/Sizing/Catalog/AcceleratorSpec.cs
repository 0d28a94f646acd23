using System;
using System.Collections.Generic;

namespace InfraLint.Core.Sizing.Catalog
{
    /// <summary>One accelerator chip as the sizing model sees it: memory, bandwidth and dense peak throughput.</summary>
    public sealed record AcceleratorSpec
    {
        /// <summary>Catalog name, e.g. <c>h100-sxm</c>.</summary>
        public string Name { get; init; } = string.Empty;

        public string DisplayName { get; init; } = string.Empty;

        public string Vendor { get; init; } = string.Empty;

        /// <summary>Architecture family (<c>hopper</c>, <c>ampere</c>, <c>tpu</c> …); selects the MFU table row.</summary>
        public string Family { get; init; } = string.Empty;

        public IReadOnlyList<string> Aliases { get; init; } = Array.Empty<string>();

        public double MemoryGiB { get; init; }

        public double MemoryBandwidthGBps { get; init; }

        public double? Fp32Tflops { get; init; }

        public double? Bf16Tflops { get; init; }

        public double? Fp16Tflops { get; init; }

        public double? Fp8Tflops { get; init; }

        public double? Int8Tops { get; init; }

        /// <summary>Kubernetes node-label values that identify this chip, by label key (<c>nvidia.com/gpu.product</c> …).</summary>
        public IReadOnlyDictionary<string, IReadOnlyList<string>> Labels { get; init; } =
            new Dictionary<string, IReadOnlyList<string>>();

        public string Source { get; init; } = string.Empty;

        public string Date { get; init; } = string.Empty;

        /// <summary>Where the entry was read (<c>accelerators.yaml:12</c>).</summary>
        public string DefinedAt { get; init; } = string.Empty;

        public double MemoryBytes => MemoryGiB * SizingUnits.BytesPerGiB;

        /// <summary>Dense peak for a format in TFLOPS (TOPS for int8), or null when the hardware lacks it.</summary>
        public double? DenseTflops(Precision format) => format switch
        {
            Precision.Fp32 => Fp32Tflops,
            Precision.Bf16 => Bf16Tflops,
            Precision.Fp16 => Fp16Tflops,
            Precision.Fp8 => Fp8Tflops,
            Precision.Int8 => Int8Tops,
            Precision.Int4 => null,
            _ => null,
        };

        /// <summary>
        /// The format the matrix units actually compute in for weights stored at <paramref name="weights"/>, and
        /// its dense peak. Weight-only quantisation (int4, or fp8 on chips without fp8) dequantises to 16 bits, so
        /// it saves memory and bandwidth but not FLOPs.
        /// </summary>
        public (Precision Format, double Tflops) ComputeFormatFor(Precision weights)
        {
            var chain = weights switch
            {
                Precision.Fp8 => new[] { Precision.Fp8, Precision.Bf16, Precision.Fp16, Precision.Fp32 },
                Precision.Int8 => new[] { Precision.Int8, Precision.Bf16, Precision.Fp16, Precision.Fp32 },
                Precision.Int4 => new[] { Precision.Bf16, Precision.Fp16, Precision.Fp32 },
                Precision.Fp16 => new[] { Precision.Fp16, Precision.Bf16, Precision.Fp32 },
                Precision.Fp32 => new[] { Precision.Fp32, Precision.Bf16, Precision.Fp16 },
                _ => new[] { Precision.Bf16, Precision.Fp16, Precision.Fp32 },
            };
            foreach (var format in chain)
            {
                var tflops = DenseTflops(format);
                if (tflops is double value && value > 0) return (format, value);
            }

            throw new SizingInputException($"Accelerator '{Name}' has no throughput figure usable for {Precisions.Name(weights)} ({DefinedAt}).");
        }
    }
}
