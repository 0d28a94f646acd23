namespace InfraLint.Core.Sizing.Training
{
    /// <summary>A pre-training or fine-tuning run to size. Null means "not stated".</summary>
    public sealed record TrainingRequest
    {
        /// <summary>Catalog model name or alias; optional when <see cref="Parameters"/> is given.</summary>
        public string? Model { get; init; }

        public double? Parameters { get; init; }

        public double? ActiveParameters { get; init; }

        /// <summary>Tokens to train on (all epochs).</summary>
        public double Tokens { get; init; }

        /// <summary>Compute format of the matrix math: bf16 by default; fp8 where the chip and recipe support it.</summary>
        public Precision Precision { get; init; } = Precision.Bf16;

        /// <summary>Accelerator catalog name or alias; optional when <see cref="InstanceType"/> is given.</summary>
        public string? Accelerator { get; init; }

        public string? InstanceType { get; init; }

        /// <summary>Wall-clock hours the run must finish in; sets the GPU count.</summary>
        public double? DeadlineHours { get; init; }

        /// <summary>Overrides the MFU table.</summary>
        public double? Mfu { get; init; }

        /// <summary>Accelerators actually provisioned (reported against the need).</summary>
        public int? ProvisionedGpus { get; init; }
    }
}
