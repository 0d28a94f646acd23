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

        /// <param name="crlf">Whether the text has a <c>\r\n</c> line break anywhere (the line break inserted lines get).</param>
        private static int[] ComputeLineStarts(string text, out bool crlf)
        {
            crlf = false;
            var starts = new List<int> { 0 };
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '\r')
                {
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        crlf = true;
                        i++;
                    }
                    starts.Add(i + 1);
                }
                else if (c == '\n')
                {
                    starts.Add(i + 1);
                }
            }
            return starts.ToArray();
        }
    }
}
