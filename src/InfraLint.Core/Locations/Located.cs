using InfraLint.Core.Fixes;

namespace InfraLint.Core.Locations
{
    /// <summary>
    /// One attribute of a fact together with where it came from and how to change it.
    /// A missing attribute still has a <see cref="Span"/> (the node that would hold it, so a
    /// finding about its absence points somewhere useful) and an <see cref="Edit"/> that inserts it.
    /// </summary>
    public sealed class Located<T>
    {
        public Located(T value, bool isPresent, SourceSpan span, string path, EditTarget? edit)
        {
            Value = value;
            IsPresent = isPresent;
            Span = span;
            Path = path;
            Edit = edit;
        }

        public T Value { get; }

        public bool IsPresent { get; }

        public SourceSpan Span { get; }

        /// <summary>Format-specific logical path, e.g. <c>spec.template.spec.containers[0].image</c>; stable across line moves.</summary>
        public string Path { get; }

        /// <summary>Where a fix would write this attribute; null where the adapter cannot edit it safely.</summary>
        public EditTarget? Edit { get; }

        public static Located<T> Present(T value, SourceSpan span, string path, EditTarget? edit = null) =>
            new Located<T>(value, true, span, path, edit);

        public static Located<T> Missing(SourceSpan anchor, string path, EditTarget? insert = null) =>
            new Located<T>(default!, false, anchor, path, insert);

        public override string ToString() => IsPresent ? $"{Value} @ {Span}" : $"<missing {Path}> @ {Span}";
    }
}
