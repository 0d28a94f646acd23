namespace InfraLint.Core.Sizing.Inference
{
    /// <summary>One candidate replica width, evaluated at the largest batch that fits and meets the SLO.</summary>
    internal sealed record ReplicaOption(
        int Width,
        int MaxBatchByMemory,
        DecodePoint? Point,
        bool MeetsSlo,
        string BatchBoundBy,
        int Replicas)
    {
        public bool Fits => MaxBatchByMemory >= 1 && Point is not null;

        public int Gpus => Replicas * Width;
    }
}
