namespace InfraLint.Core.Sizing
{
    /// <summary>
    /// One assumption or intermediate number of a sizing calculation, in the order it was used, so that
    /// <c>infralint explain</c> and <c>infralint size</c> can show how an answer came about.
    /// </summary>
    /// <param name="Name">Stable camelCase key (e.g. <c>weightsBytes</c>).</param>
    /// <param name="Value">The number, or null for a step that is a choice rather than a number (see <see cref="Text"/>).</param>
    /// <param name="Unit">Unit of <paramref name="Value"/> (<c>bytes</c>, <c>ms</c>, <c>USD/month</c>, <c>1</c> for plain counts).</param>
    /// <param name="Explanation">Plain-words description, including the formula or the source of a default.</param>
    public sealed record SizingStep(string Name, double? Value, string Unit, string Explanation)
    {
        /// <summary>Textual value for choices (the instance type picked, the precision used).</summary>
        public string? Text { get; init; }
    }
}
