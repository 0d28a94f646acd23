using System;

namespace InfraLint.Core.Sizing
{
    /// <summary>Names and sizes of <see cref="Precision"/> values, as written in specs, annotations and the CLI.</summary>
    public static class Precisions
    {
        /// <summary>The spellings accepted by <see cref="TryParse"/>, for error messages and help text.</summary>
        public const string Accepted = "fp32, bf16, fp16, fp8, int8, int4";

        /// <summary>Bytes one parameter (or one KV element) takes in memory.</summary>
        public static double BytesPerElement(Precision precision) => precision switch
        {
            Precision.Fp32 => 4.0,
            Precision.Bf16 => 2.0,
            Precision.Fp16 => 2.0,
            Precision.Fp8 => 1.0,
            Precision.Int8 => 1.0,
            Precision.Int4 => 0.5,
            _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, null),
        };

        public static string Name(Precision precision) => precision switch
        {
            Precision.Fp32 => "fp32",
            Precision.Bf16 => "bf16",
            Precision.Fp16 => "fp16",
            Precision.Fp8 => "fp8",
            Precision.Int8 => "int8",
            Precision.Int4 => "int4",
            _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, null),
        };

        /// <summary>Parses the usual spellings (case-insensitive; "float16", "bfloat16", "e4m3", "awq" etc. included).</summary>
        public static bool TryParse(string? text, out Precision precision)
        {
            switch ((text ?? string.Empty).Trim().ToLowerInvariant())
            {
                case "fp32": case "float32": case "float": case "f32":
                    precision = Precision.Fp32; return true;
                case "bf16": case "bfloat16":
                    precision = Precision.Bf16; return true;
                case "fp16": case "float16": case "half": case "f16":
                    precision = Precision.Fp16; return true;
                case "fp8": case "float8": case "e4m3": case "fp8_e4m3": case "e5m2": case "fp8_e5m2":
                    precision = Precision.Fp8; return true;
                case "int8": case "w8a8": case "i8":
                    precision = Precision.Int8; return true;
                case "int4": case "w4a16": case "awq": case "gptq": case "i4":
                    precision = Precision.Int4; return true;
                default:
                    precision = default; return false;
            }
        }

        public static Precision Parse(string text) =>
            TryParse(text, out var precision)
                ? precision
                : throw new SizingInputException($"Unknown precision '{text}'. Use one of: {Accepted}.");

        /// <summary>
        /// KV-cache format when none is given: what vLLM's <c>kv_cache_dtype=auto</c> does, i.e. the activation
        /// format. Quantised weights (fp8/int8/int4) still keep a 16-bit KV cache unless asked otherwise.
        /// </summary>
        public static Precision DefaultKvCache(Precision weights) => weights switch
        {
            Precision.Fp32 => Precision.Fp32,
            Precision.Fp16 => Precision.Fp16,
            _ => Precision.Bf16,
        };
    }
}
