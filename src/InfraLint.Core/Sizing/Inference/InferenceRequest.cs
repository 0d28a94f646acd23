namespace InfraLint.Core.Sizing.Inference
{
    /// <summary>What an inference deployment must serve and on what hardware. Null means "not stated".</summary>
    public sealed record InferenceRequest
    {
        /// <summary>Catalog model name or alias (<c>llama-3.1-70b</c>); optional when <see cref="Parameters"/> is given.</summary>
        public string? Model { get; init; }

        /// <summary>Total parameters; overrides the catalog's count, or stands alone for unknown models.</summary>
        public double? Parameters { get; init; }

        /// <summary>Parameters used per token (mixture-of-experts); defaults to the catalog's or to <see cref="Parameters"/>.</summary>
        public double? ActiveParameters { get; init; }

        public Precision Precision { get; init; } = Precision.Bf16;

        /// <summary>KV-cache format; default is 16-bit (see <see cref="Precisions.DefaultKvCache"/>).</summary>
        public Precision? KvCachePrecision { get; init; }

        /// <summary>Accelerator catalog name or alias; optional when <see cref="InstanceType"/> is given.</summary>
        public string? Accelerator { get; init; }

        /// <summary>Instance type to price on; when null the cheapest instance carrying the accelerator is used.</summary>
        public string? InstanceType { get; init; }

        /// <summary>Fixes the replica width instead of searching for the best one.</summary>
        public int? GpusPerReplica { get; init; }

        /// <summary>Mean prompt tokens per request.</summary>
        public double InputTokens { get; init; } = 1000;

        /// <summary>Mean generated tokens per request.</summary>
        public double OutputTokens { get; init; } = 250;

        /// <summary>Peak requests per second; without it one replica is sized (memory fit and per-replica capacity only).</summary>
        public double? PeakRequestsPerSecond { get; init; }

        /// <summary>Time-to-first-token objective.</summary>
        public double? TimeToFirstTokenMs { get; init; }

        /// <summary>Time-per-output-token (inter-token latency) objective.</summary>
        public double? TimePerOutputTokenMs { get; init; }

        /// <summary>End-to-end p99 request latency objective.</summary>
        public double? P99LatencyMs { get; init; }

        /// <summary>Headroom over peak; defaults to <see cref="SizingOptions.Buffer"/>.</summary>
        public double? Buffer { get; init; }

        /// <summary>Accelerators actually provisioned, to price any excess over what is needed.</summary>
        public int? ProvisionedGpus { get; init; }
    }
}
