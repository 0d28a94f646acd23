using System;
using System.Collections.Generic;

namespace InfraLint.Core.Locations
{
    /// <summary>The text of one source file with a line map, so any offset can become a line and column.</summary>
    public sealed class SourceText
    {
        private readonly int[] _lineStarts;

        public SourceText(string path, string text)
        {
            Path = path ?? throw new ArgumentNullException(nameof(path));
            Text = text ?? throw new ArgumentNullException(nameof(text));
            _lineStarts = ComputeLineStarts(text, out bool crlf);
            Lines = new SourceLines(path, _lineStarts, text.Length, crlf ? "\r\n" : "\n");
        }

        /// <summary>The line map without the text: what an edit target keeps to turn offsets into spans later.</summary>
        public SourceLines Lines { get; }

        /// <summary>The path as findings should show it (relative to the scan root where there is one).</summary>
        public string Path { get; }

        public string Text { get; }

        public int LineCount => _lineStarts.Length;

        /// <summary>1-based line and column of a 0-based offset.</summary>
        public (int Line, int Column) LineColumn(int offset) => Lines.LineColumn(offset);

        /// <summary>0-based offset of the start of a 1-based line.</summary>
        public int LineStart(int line)
        {
            if (line < 1) return 0;
            if (line > _lineStarts.Length) return Text.Length;
            return _lineStarts[line - 1];
        }

        /// <summary>0-based offset just past the end of a 1-based line's content (before its line break).</summary>
        public int LineEnd(int line)
        {
            int end = line < _lineStarts.Length ? _lineStarts[line] : Text.Length;
            while (end > LineStart(line) && (Text[end - 1] == '\n' || Text[end - 1] == '\r')) end--;
            return end;
        }

        public string LineText(int line) => Text.Substring(LineStart(line), LineEnd(line) - LineStart(line));

        /// <summary>The line break the file already uses, so inserted lines match it.</summary>
        public string NewLine => Lines.NewLine;

        public SourceSpan Span(int startOffset, int endOffset) => Lines.Span(startOffset, endOffset);

        private static readonly char[] LineBreaks = { '\r', '\n' };

        // Counted first, then written into an array of the right size: the breaks are found by a vectorized search,
        // where a loop over every character with a growing list cost 5 MB of copies over a 10,000-file scan.
        /// <param name="crlf">Whether the text has a <c>\r\n</c> line break anywhere (the line break inserted lines get).</param>
        private static int[] ComputeLineStarts(string text, out bool crlf)
        {
            crlf = false;
            int count = 1;
            for (int start = NextLineStart(text, 0, ref crlf); start >= 0; start = NextLineStart(text, start, ref crlf)) count++;
            var starts = new int[count];
            int n = 1;
            for (int start = NextLineStart(text, 0, ref crlf); start >= 0; start = NextLineStart(text, start, ref crlf)) starts[n++] = start;
            return starts;
        }

        /// <summary>Where the line after the first break at or after <paramref name="from"/> starts (\r\n, \n and a lone \r are one break each); -1 when no break follows.</summary>
        private static int NextLineStart(string text, int from, ref bool crlf)
        {
            int i = from < text.Length ? text.IndexOfAny(LineBreaks, from) : -1;
            if (i < 0) return -1;
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                crlf = true;
                i++;
            }
            return i + 1;
        }
    }
}
