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

        /// <summary>
        /// The <c>--dtype</c> word that sets the precision when no quantization flag overrides it, so a fix can
        /// rewrite its value; null when the precision comes from a quantization flag or nothing sets it.
        /// </summary>
        public static DtypeArgument? Dtype(IReadOnlyList<string> words)
        {
            DtypeArgument? found = null;
            for (int i = 0; i < words.Count; i++)
            {
                string word = words[i];
                int eq = word.IndexOf('=');
                string flag = eq > 0 ? word.Substring(0, eq) : word;
                if (flag is "--quantization" or "--quantize" or "-q") return null;
                if (flag is not ("--dtype" or "--torch-dtype")) continue;
                if (eq > 0) found = new DtypeArgument(i, flag, word.Substring(eq + 1), Inline: true);
                else if (i + 1 < words.Count) found = new DtypeArgument(i + 1, flag, words[i + 1], Inline: false);
            }
            return found;
        }

        /// <summary>
        /// The model a server is started with: vLLM/SGLang <c>--model</c>/<c>--model-path</c>, TGI
        /// <c>--model-id</c>, or the word after <c>vllm serve</c>. Null when the command does not name one.
        /// </summary>
        public static string? Model(IReadOnlyList<string> words)
        {
            for (int i = 0; i < words.Count; i++)
            {
                string word = words[i];
                int eq = word.IndexOf('=');
                string flag = eq > 0 ? word.Substring(0, eq) : word;
                if (flag is "--model" or "--model-id" or "--model-path" or "--model_name_or_path")
                    return eq > 0 ? word.Substring(eq + 1) : i + 1 < words.Count ? words[i + 1] : null;
                if (word == "serve" && i > 0 && words[i - 1].EndsWith("vllm", System.StringComparison.Ordinal) && i + 1 < words.Count && !words[i + 1].StartsWith("-", System.StringComparison.Ordinal))
                    return words[i + 1];
            }
            return null;
        }

        /// <summary>fp32, bf16, fp16, fp8, int8 or int4 for any spelling the sizing model accepts; null otherwise.</summary>
        public static string? Normalize(string? value) =>
            Precisions.TryParse(value, out var precision) ? Precisions.Name(precision) : null;
    }

    /// <summary>A <c>--dtype</c> value on a server command line: the word at <see cref="Index"/> holds it (after <c>=</c> when <see cref="Inline"/>).</summary>
    public sealed record DtypeArgument(int Index, string Flag, string Value, bool Inline)
    {
        /// <summary>The word at <see cref="Index"/> rewritten to carry <paramref name="value"/>.</summary>
        public string WithValue(string value) => Inline ? Flag + "=" + value : value;
    }
}
