using InfraLint.Core.Fixes;
using InfraLint.Core.Tree;

namespace InfraLint.Core.Locations
{
    /// <summary>
    /// One attribute of a fact together with where it came from and how to change it, in one of three states:
    /// present (a literal), missing (not written: <see cref="Span"/> is the node that would hold it, so a finding about
    /// its absence points somewhere useful, and <see cref="Edit"/> inserts it), or unknown (written, but not as a
    /// literal: a CloudFormation <c>!Ref</c>, a Pulumi <c>Output&lt;T&gt;</c>, a method call). Rules treat unknown as
    /// neither good nor bad: an unknown value never produces a finding, and it is never "missing".
    /// </summary>
    public sealed class Located<T>
    {
        public Located(T value, bool isPresent, SourceSpan span, string path, EditTarget? edit)
            : this(value, isPresent ? LocatedState.Present : LocatedState.Missing, span, (object)path, edit)
        {
        }

        private Located(T value, LocatedState state, SourceSpan span, object path, EditTarget? edit)
        {
            // Values repeat over files too (an image, a model, "8", "512Mi"): texts are shared like paths.
            Value = typeof(T) == typeof(string) && value is string literal ? (T)(object)SharedStrings.Of(literal) : value;
            State = state;
            Span = span;
            // Files share their paths' text (SharedStrings): a scan keeps every attribute until its end.
            _path = path is string text ? SharedStrings.Of(text) : path ?? throw new System.ArgumentNullException(nameof(path));
            Edit = edit;
        }

        /// <summary>The literal when present; default when missing or unknown.</summary>
        public T Value { get; }

        public LocatedState State { get; }

        public bool IsPresent => State == LocatedState.Present;

        /// <summary>Not written at all: the platform default applies.</summary>
        public bool IsMissing => State == LocatedState.Missing;

        /// <summary>Written, but decided elsewhere: no rule may judge it.</summary>
        public bool IsUnknown => State == LocatedState.Unknown;

        public SourceSpan Span { get; }

        /// <summary>Format-specific logical path, e.g. <c>spec.template.spec.containers[0].image</c>; stable across line moves.</summary>
        public string Path => _path as string ?? Join();

        // The path, or the parts it is joined from the first time it is read: a scan keeps every attribute of every file
        // until its end, and reads the paths of the few a finding names.
        private object _path;

        private string Join()
        {
            string joined = ((LogicalPath)_path).ToString();
            _path = joined;
            return joined;
        }

        /// <summary>
        /// How a message names the attribute to its reader, in the vocabulary of what they wrote: a spec key path
        /// (<c>spec.data.version</c>), an annotation (<c>infralint.dev/dataset-version</c>), later a C# property. The
        /// mapper decides; rules only quote it. Defaults to <see cref="Path"/>.
        /// </summary>
        public string Name => _name ?? Path;

        private string? _name;

        /// <summary>The same attribute, named <paramref name="name"/> in messages.</summary>
        public Located<T> Named(string name)
        {
            var copy = new Located<T>(Value, State, Span, _path, Edit) { _name = name };
            return copy;
        }

        /// <summary>Where a fix would write this attribute; null where the adapter cannot edit it safely.</summary>
        public EditTarget? Edit { get; }

        public static Located<T> Present(T value, SourceSpan span, string path, EditTarget? edit = null) =>
            new Located<T>(value, LocatedState.Present, span, path, edit);

        public static Located<T> Present(T value, SourceSpan span, LogicalPath path, EditTarget? edit = null) =>
            new Located<T>(value, LocatedState.Present, span, path, edit);

        public static Located<T> Missing(SourceSpan anchor, string path, EditTarget? insert = null) =>
            new Located<T>(default!, LocatedState.Missing, anchor, path, insert);

        public static Located<T> Missing(SourceSpan anchor, LogicalPath path, EditTarget? insert = null) =>
            new Located<T>(default!, LocatedState.Missing, anchor, path, insert);

        /// <summary>A value that is there but not a literal; <paramref name="span"/> is the expression that computes it.</summary>
        public static Located<T> Unknown(SourceSpan span, string path) =>
            new Located<T>(default!, LocatedState.Unknown, span, path, null);

        public static Located<T> Unknown(SourceSpan span, LogicalPath path) =>
            new Located<T>(default!, LocatedState.Unknown, span, path, null);

        public override string ToString() => State switch
        {
            LocatedState.Present => $"{Value} @ {Span}",
            LocatedState.Unknown => $"<unknown {Path}> @ {Span}",
            _ => $"<missing {Path}> @ {Span}",
        };
    }

    /// <summary>Whether an attribute is a literal, absent, or there but not a literal.</summary>
    public enum LocatedState
    {
        Present,
        Missing,
        Unknown,
    }
}
