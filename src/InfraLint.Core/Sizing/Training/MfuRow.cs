namespace InfraLint.Core.Sizing.Training
{
    /// <summary>
    /// One row of the MFU table: for accelerators of <paramref name="Family"/> (or <c>*</c>) and models with at
    /// least <paramref name="MinActiveParameters"/> active parameters, expect <paramref name="Mfu"/>.
    /// </summary>
    /// <param name="Basis">Where the figure comes from, shown in explanations.</param>
    public sealed record MfuRow(string Family, double MinActiveParameters, double Mfu, string Basis);
}
