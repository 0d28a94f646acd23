using InfraLint.Core.Locations;

namespace InfraLint.Core.Facts
{
    /// <summary>
    /// A file (or one document of it) that could not be read. Adapters emit this instead of throwing,
    /// so the rule IL0001 reports it and the rest of the scan goes on. A class, not a record: two equal
    /// failures are still two facts.
    /// </summary>
    public sealed class ParseFailure
    {
        public ParseFailure(SourceSpan span, string message)
        {
            Span = span;
            Message = message;
        }

        public SourceSpan Span { get; }

        public string Message { get; }

        public override string ToString() => $"{Span}: {Message}";
    }
}
