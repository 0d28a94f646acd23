namespace InfraLint.Cli.Commands;

/// <summary>The inputs of <c>infralint size</c>, typed and still unvalidated (the sizers validate ranges).</summary>
internal sealed record SizeCommandOptions
{
    public string Role { get; init; } = "inference";

    public string? Model { get; init; }

    public double? Parameters { get; init; }

    public double? ActiveParameters { get; init; }

    public string Precision { get; init; } = "bf16";

    public string? KvCachePrecision { get; init; }

    public string? Gpu { get; init; }

    public string? InstanceType { get; init; }

    public int? GpusPerReplica { get; init; }

    public double? InputTokens { get; init; }

    public double? OutputTokens { get; init; }

    public double? PeakRequestsPerSecond { get; init; }

    public double? P99LatencyMs { get; init; }

    public double? TimeToFirstTokenMs { get; init; }

    public double? TimePerOutputTokenMs { get; init; }

    public double? Buffer { get; init; }

    public int? ProvisionedGpus { get; init; }

    public double? TrainingTokens { get; init; }

    public double? DeadlineHours { get; init; }

    public double? Mfu { get; init; }

    public string Format { get; init; } = "text";

    /// <summary>Folder with accelerators.yaml / instances.yaml / models.yaml whose entries override the built-in catalog.</summary>
    public string? CatalogDirectory { get; init; }
}
