using System;
using System.Collections.Generic;
using System.Linq;

namespace InfraLint.Core.Sizing.Training
{
    /// <summary>
    /// Model FLOPs utilisation (achieved model FLOPs ÷ dense BF16 peak) for large-scale training, by accelerator
    /// family and model size. Combined with <see cref="SizingOptions.TrainingGoodput"/> it reproduces the
    /// published GPU-hour totals in docs/sizing.md.
    /// </summary>
    public sealed class MfuTable
    {
        public MfuTable(IEnumerable<MfuRow> rows)
        {
            Rows = (rows ?? throw new ArgumentNullException(nameof(rows))).ToArray();
            foreach (var row in Rows)
                if (!(row.Mfu > 0 && row.Mfu <= 1)) throw new SizingInputException($"MFU for family '{row.Family}' must be in (0, 1].");
            if (!Rows.Any(r => r.Family == "*" && r.MinActiveParameters <= 0))
                throw new SizingInputException("The MFU table needs a fallback row for family '*' starting at 0 parameters.");
        }

        /// <summary>
        /// Hopper's size dependence is what Meta's Llama 3/3.1 GPU-hours imply (small models on large clusters
        /// are communication-bound; the Llama 3 paper reports 38–43% for 405B); Ampere's 0.48 is LLaMA-65B's
        /// 380 tokens/s/GPU on A100-80GB (LLaMA paper §2.4); TPU's 0.46 is PaLM 540B's reported MFU.
        /// </summary>
        public static MfuTable Default { get; } = new MfuTable(new[]
        {
            new MfuRow("hopper", 0, 0.17, "Llama 3/3.1 8B model cards (H100 GPU-hours for ~15T tokens)"),
            new MfuRow("hopper", 20e9, 0.30, "Llama 3/3.1 70B model cards (H100 GPU-hours for ~15T tokens)"),
            new MfuRow("hopper", 200e9, 0.40, "Llama 3 paper: 38-43% BF16 MFU for 405B on 8-16K H100"),
            new MfuRow("blackwell", 0, 0.17, "assumed as Hopper (no published at-scale figures)"),
            new MfuRow("blackwell", 20e9, 0.30, "assumed as Hopper"),
            new MfuRow("blackwell", 200e9, 0.40, "assumed as Hopper"),
            new MfuRow("ampere", 0, 0.48, "LLaMA paper: 380 tokens/s/GPU for 65B on 2048 A100-80GB (47.6% MFU)"),
            new MfuRow("tpu", 0, 0.46, "PaLM paper: 46.2% MFU for 540B on TPU v4"),
            new MfuRow("*", 0, 0.40, "generic default for other accelerators"),
        });

        public IReadOnlyList<MfuRow> Rows { get; }

        /// <summary>The row for the family (falling back to <c>*</c>) with the largest threshold not above the model size.</summary>
        public MfuRow Lookup(string family, double activeParameters)
        {
            var forFamily = Rows.Where(r => string.Equals(r.Family, family, StringComparison.OrdinalIgnoreCase)).ToArray();
            if (forFamily.Length == 0) forFamily = Rows.Where(r => r.Family == "*").ToArray();
            return forFamily
                .Where(r => r.MinActiveParameters <= activeParameters)
                .OrderByDescending(r => r.MinActiveParameters)
                .FirstOrDefault()
                ?? forFamily.OrderBy(r => r.MinActiveParameters).First();
        }
    }
}
