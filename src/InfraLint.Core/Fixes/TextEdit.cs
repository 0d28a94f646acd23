using InfraLint.Core.Locations;

namespace InfraLint.Core.Fixes
{
    /// <summary>Replace <see cref="Span"/> (possibly empty, i.e. an insertion) with <see cref="NewText"/>.</summary>
    public sealed record TextEdit(SourceSpan Span, string NewText);
}
