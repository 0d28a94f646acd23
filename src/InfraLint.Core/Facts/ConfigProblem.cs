using InfraLint.Core.Locations;

namespace InfraLint.Core.Facts
{
    /// <summary>
    /// A bad value in configuration or in a workload profile (negative traffic, unknown precision, a
    /// suppression naming an unknown rule); reported by IL0002 at the exact node, never an exception.
    /// </summary>
    public sealed class ConfigProblem
    {
        public ConfigProblem(SourceSpan span, string message)
        {
            Span = span;
            Message = message;
        }

        public SourceSpan Span { get; }

        public string Message { get; }

        public override string ToString() => $"{Span}: {Message}";
    }
}
