namespace InfraLint.Core.Sizing.Catalog
{
    /// <summary>A cloud instance (VM) type that carries accelerators, with list prices.</summary>
    public sealed record InstanceTypeSpec
    {
        /// <summary>Provider's name, e.g. <c>p5.48xlarge</c>, <c>a3-highgpu-8g</c>, <c>Standard_ND96isr_H100_v5</c>, <c>ml.g5.xlarge</c>.</summary>
        public string Name { get; init; } = string.Empty;

        /// <summary><c>aws</c>, <c>gcp</c>, <c>azure</c>, <c>aws-sagemaker</c>.</summary>
        public string Provider { get; init; } = string.Empty;

        public string Region { get; init; } = string.Empty;

        /// <summary>Catalog name of the accelerator (resolved through aliases when loaded).</summary>
        public string Accelerator { get; init; } = string.Empty;

        public int AcceleratorCount { get; init; }

        public int? Vcpus { get; init; }

        public double OnDemandUsdPerHour { get; init; }

        /// <summary>Typical spot/preemptible price, or null when there is no spot market or no reliable figure.</summary>
        public double? SpotUsdPerHour { get; init; }

        public string Source { get; init; } = string.Empty;

        public string? SpotSource { get; init; }

        public string Date { get; init; } = string.Empty;

        public string DefinedAt { get; init; } = string.Empty;

        /// <summary>Managed-service hosting (SageMaker) carries a premium; it is only chosen when named explicitly.</summary>
        public bool IsManagedService => Provider.EndsWith("-sagemaker", System.StringComparison.OrdinalIgnoreCase)
            || Name.StartsWith("ml.", System.StringComparison.OrdinalIgnoreCase);

        public double OnDemandUsdPerAcceleratorHour => OnDemandUsdPerHour / AcceleratorCount;

        public double? SpotUsdPerAcceleratorHour => SpotUsdPerHour / AcceleratorCount;
    }
}
