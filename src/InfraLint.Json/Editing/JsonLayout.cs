using System;
using InfraLint.Core.Locations;

namespace InfraLint.Json.Editing
{
    /// <summary>How the file is laid out, so inserted members look like their neighbours.</summary>
    internal static class JsonLayout
    {
        private const int LinesToSample = 200;

        /// <summary>The spaces and tabs that begin <paramref name="line"/>.</summary>
        public static string Indent(SourceText source, int line)
        {
            string text = source.LineText(line);
            int n = 0;
            while (n < text.Length && (text[n] == ' ' || text[n] == '\t')) n++;
            return text.Substring(0, n);
        }

        /// <summary>Whether only whitespace precedes <paramref name="offset"/> on its line.</summary>
        public static bool FirstOnLine(SourceText source, int offset)
        {
            var (line, _) = source.LineColumn(offset);
            for (int i = source.LineStart(line); i < offset; i++)
                if (source.Text[i] != ' ' && source.Text[i] != '\t') return false;
            return true;
        }

        /// <summary>One level of indentation: the first indented line's, or two spaces for a file that has none.</summary>
        public static string Unit(SourceText source)
        {
            int lines = Math.Min(source.LineCount, LinesToSample);
            for (int line = 1; line <= lines; line++)
            {
                string indent = Indent(source, line);
                if (indent.Length > 0 && indent.Length < source.LineText(line).Length) return indent[0] == '\t' ? "\t" : indent;
            }
            return "  ";
        }

        /// <summary>The indentation one level inside a container that opens on a line indented by <paramref name="outer"/>.</summary>
        public static string Step(SourceText source, string outer, string? inner) =>
            inner is not null && inner.Length > outer.Length && inner.StartsWith(outer, StringComparison.Ordinal)
                ? inner.Substring(outer.Length)
                : Unit(source);
    }
}
