using System;

namespace InfraLint.Core.Locations
{
    /// <summary>
    /// A region of one source file. Lines and columns are 1-based and count UTF-16 code units,
    /// which is what SARIF's default <c>columnKind</c> and every editor expect. Offsets are 0-based
    /// character indexes into the file's text, end exclusive, so fixes can splice text directly.
    /// </summary>
    public sealed record SourceSpan(
        string File,
        int StartLine,
        int StartColumn,
        int EndLine,
        int EndColumn,
        int StartOffset,
        int EndOffset)
    {
        public int Length => EndOffset - StartOffset;

        /// <summary>A zero-width span at one position, used where something is missing and would be inserted.</summary>
        public static SourceSpan At(string file, int line, int column, int offset) =>
            new SourceSpan(file, line, column, line, column, offset, offset);

        /// <summary>The whole first line of a file: where findings about the file itself point.</summary>
        public static SourceSpan FileStart(string file) => new SourceSpan(file, 1, 1, 1, 1, 0, 0);

        public override string ToString() => $"{File}:{StartLine}:{StartColumn}";

        public SourceSpan WithFile(string file) =>
            string.Equals(file, File, StringComparison.Ordinal) ? this : this with { File = file };
    }
}
