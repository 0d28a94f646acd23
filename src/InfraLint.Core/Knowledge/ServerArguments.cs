using System.Collections.Generic;
using InfraLint.Core.Sizing;

namespace InfraLint.Core.Knowledge
{
    /// <summary>What a model server's command line says about how it serves.</summary>
    public static class ServerArguments
    {
        /// <summary>
        /// The precision a model server's command line asks for: vLLM/SGLang <c>--dtype</c> and
        /// <c>--quantization</c>, TGI <c>--dtype</c>/<c>--quantize</c>. Quantization wins over dtype since it
        /// decides the weights' size. Null when the command says nothing (the server's default, usually the checkpoint's).
        /// </summary>
        public static string? Precision(IReadOnlyList<string> words)
        {
            string? dtype = null, quant = null;
            for (int i = 0; i < words.Count; i++)
            {
                string flag = words[i];
                string? value = i + 1 < words.Count ? words[i + 1] : null;
                int eq = flag.IndexOf('=');
                if (eq > 0)
                {
                    value = flag.Substring(eq + 1);
                    flag = flag.Substring(0, eq);
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
                        quant = Normalize(value) ?? (value is not null && value.StartsWith("bitsandbytes", System.StringComparison.Ordinal) ? "int4" : quant);
                        break;
                }
            }
            return quant ?? dtype;
        }

        /// <summary>fp32, bf16, fp16, fp8, int8 or int4 for any spelling the sizing model accepts; null otherwise.</summary>
        public static string? Normalize(string? value) =>
            Precisions.TryParse(value, out var precision) ? Precisions.Name(precision) : null;
    }
}
