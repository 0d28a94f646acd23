using System;
using System.Collections.Generic;

namespace InfraLint.Core.Sizing.Catalog
{
    /// <summary>A transformer's shape: what weights, KV cache and FLOPs depend on.</summary>
    public sealed record ModelSpec
    {
        public string Name { get; init; } = string.Empty;

        public string DisplayName { get; init; } = string.Empty;

        public IReadOnlyList<string> Aliases { get; init; } = Array.Empty<string>();

        /// <summary>Total parameters; all of them occupy accelerator memory.</summary>
        public double Parameters { get; init; }

        /// <summary>Parameters used per token (mixture-of-experts models use fewer than they store).</summary>
        public double ActiveParameters { get; init; }

        public int Layers { get; init; }

        public int HiddenSize { get; init; }

        public int AttentionHeads { get; init; }

        public int KvHeads { get; init; }

        public int HeadDim { get; init; }

        public int ContextLength { get; init; }

        public string Source { get; init; } = string.Empty;

        public string Date { get; init; } = string.Empty;

        public string DefinedAt { get; init; } = string.Empty;

        /// <summary>True when the shape was guessed from a parameter count rather than read from a catalog.</summary>
        public bool IsEstimated { get; init; }

        /// <summary>KV cache per token: keys and values (×2) for every layer and KV head.</summary>
        public double KvBytesPerToken(Precision kvPrecision) =>
            2.0 * Layers * KvHeads * HeadDim * Precisions.BytesPerElement(kvPrecision);

        /// <summary>
        /// A Llama-shaped guess from a parameter count alone: 12·L·d² ≈ P with d/L ≈ 128 (Llama 2 7B is
        /// 4096/32), head dim 128, grouped-query attention with 8 KV heads (Llama 3, Mistral, Qwen2.5 all use
        /// 8 or fewer). Good to ±20% on the KV cache of the models in the catalog; give the name for better.
        /// </summary>
        public static ModelSpec Estimate(string name, double parameters, double? activeParameters = null)
        {
            if (!(parameters > 0)) throw new SizingInputException("The parameter count must be a positive number.");
            var hidden = Math.Pow(parameters * 128.0 / 12.0, 1.0 / 3.0);
            var d = Math.Max(128, (int)Math.Round(hidden / 128.0) * 128);
            var layers = Math.Max(1, (int)Math.Round(parameters / (12.0 * d * (double)d)));
            var heads = d / 128;
            return new ModelSpec
            {
                Name = name,
                DisplayName = name,
                Parameters = parameters,
                ActiveParameters = activeParameters ?? parameters,
                Layers = layers,
                HiddenSize = d,
                AttentionHeads = heads,
                KvHeads = Math.Min(heads, 8),
                HeadDim = 128,
                ContextLength = 8192,
                Source = "estimated from the parameter count (Llama-shaped: 12·L·d² = P, d/L = 128, head dim 128, 8 KV heads)",
                DefinedAt = "estimate",
                IsEstimated = true,
            };
        }
    }
}
