namespace InfraLint.Core.Sizing
{
    /// <summary>Unit constants, so that GiB versus GB is never guessed at a call site.</summary>
    public static class SizingUnits
    {
        public const double BytesPerGiB = 1024.0 * 1024.0 * 1024.0;

        public const double BytesPerGB = 1e9;

        public const double SecondsPerHour = 3600.0;
    }
}
