using System.Collections.Generic;
using System.Linq;

namespace InfraLint.Core.Knowledge
{
    /// <summary>Numeric precisions a model can be served or trained at, and how servers spell them.</summary>
    public static class Precisions
    {
        private static readonly Dictionary<string, string> Aliases = new Dictionary<string, string>(System.StringComparer.OrdinalIgnoreCase)
        {
            ["fp32"] = "fp32", ["float32"] = "fp32", ["float"] = "fp32", ["full"] = "fp32",
            ["bf16"] = "bf16", ["bfloat16"] = "bf16",
            ["fp16"] = "fp16", ["float16"] = "fp16", ["half"] = "fp16",
            ["fp8"] = "fp8", ["float8"] = "fp8", ["fp8_e4m3"] = "fp8", ["e4m3"] = "fp8",
            ["int8"] = "int8", ["w8a8"] = "int8",
            ["int4"] = "int4", ["w4a16"] = "int4", ["awq"] = "int4", ["gptq"] = "int4",
        };

        /// <summary>fp32, bf16, fp16, fp8, int8 or int4; null for anything else.</summary>
        public static string? Normalize(string? value) =>
            value is not null && Aliases.TryGetValue(value.Trim(), out var normalized) ? normalized : null;

        /// <summary>
        /// The precision a model server's command line asks for: vLLM/SGLang <c>--dtype</c> and
        /// <c>--quantization</c>, TGI <c>--dtype</c>/<c>--quantize</c>. Quantization wins over dtype since it
        /// decides the weights' size. Null when the command says nothing (the server's default, usually the checkpoint's).
        /// </summary>
        public static string? FromArguments(IReadOnlyList<string> words)
        {
            string? dtype = null, quant = null;
            for (int i = 0; i < words.Count; i++)
            {
                string w = words[i];
                string? value = null;
                string flag = w;
                int eq = w.IndexOf('=');
                if (eq > 0)
                {
                    flag = w.Substring(0, eq);
                    value = w.Substring(eq + 1);
                }
                else if (i + 1 < words.Count)
                {
                    value = words[i + 1];
                }
                switch (flag)
                {
                    case "--dtype":
                    case "--torch-dtype":
                        dtype = Normalize(value) ?? dtype;
                        break;
                    case "--quantization":
                    case "--quantize":
                    case "-q":
                        quant = Normalize(value) ?? (value is not null && value.StartsWith("bitsandbytes") ? "int4" : quant);
                        break;
                }
            }
            return quant ?? dtype;
        }

        /// <summary>Bytes per parameter for weights stored at this precision.</summary>
        public static double BytesPerParameter(string precision) => precision switch
        {
            "fp32" => 4,
            "bf16" or "fp16" => 2,
            "fp8" or "int8" => 1,
            "int4" => 0.5,
            _ => 2,
        };

        public static IEnumerable<string> All => new[] { "fp32", "bf16", "fp16", "fp8", "int8", "int4" }.AsEnumerable();
    }
}
