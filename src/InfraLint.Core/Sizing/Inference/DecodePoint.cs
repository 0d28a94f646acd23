namespace InfraLint.Core.Sizing.Inference
{
    /// <summary>Steady-state timings of one replica running <see cref="Batch"/> concurrent sequences.</summary>
    internal sealed record DecodePoint(
        int Batch,
        double MemorySeconds,
        double ComputeSeconds,
        double StepSeconds,
        double TimeToFirstTokenSeconds,
        double EndToEndSeconds)
    {
        /// <summary>Little's law: each of <see cref="Batch"/> slots turns over once per end-to-end latency.</summary>
        public double RequestsPerSecond => Batch / EndToEndSeconds;

        public bool MemoryBound => MemorySeconds >= ComputeSeconds;
    }
}
