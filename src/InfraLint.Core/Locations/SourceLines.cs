using System;

namespace InfraLint.Core.Locations
{
    /// <summary>
    /// Where the lines of one file start, without its text (<see cref="SourceText.Lines"/>): an edit target keeps this to
    /// turn the offsets it decided on into spans when a fix is asked of it, and a scan keeps its targets to the end.
    /// </summary>
    public sealed class SourceLines
    {
        private readonly int[] _lineStarts;
        private readonly int _length;

        internal SourceLines(string path, int[] lineStarts, int length, string newLine)
        {
            Path = path;
            _lineStarts = lineStarts;
            _length = length;
            NewLine = newLine;
        }

        /// <summary>The path as findings should show it.</summary>
        public string Path { get; }

        /// <summary>The line break the file already uses, so inserted lines match it.</summary>
        public string NewLine { get; }

        /// <summary>1-based line and column of a 0-based offset.</summary>
        public (int Line, int Column) LineColumn(int offset)
        {
            if (offset < 0) offset = 0;
            if (offset > _length) offset = _length;
            int index = Array.BinarySearch(_lineStarts, offset);
            if (index < 0) index = ~index - 1;
            return (index + 1, offset - _lineStarts[index] + 1);
        }

        public SourceSpan Span(int startOffset, int endOffset)
        {
            var (sl, sc) = LineColumn(startOffset);
            var (el, ec) = LineColumn(endOffset);
            return new SourceSpan(Path, sl, sc, el, ec, startOffset, endOffset);
        }
    }
}
