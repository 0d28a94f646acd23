using System.Globalization;
using System.Text;

namespace InfraLint.Cli.Output;

/// <summary>
/// Text from scanned files (names, values, paths) printed on a terminal or into a CI log, made unable to forge a line:
/// newlines, other control characters (the ESC of ANSI sequences among them), bidirectional overrides and line
/// separators are written as visible escapes, and a line never starts with <c>::</c>, which GitHub Actions reads as a
/// workflow command.
/// </summary>
internal static class TerminalText
{
    public static string Escape(string text)
    {
        StringBuilder? builder = null;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            string? escape = EscapeOf(c);
            if (escape is null)
            {
                builder?.Append(c);
                continue;
            }
            builder ??= new StringBuilder(text, 0, i, text.Length + 16);
            builder.Append(escape);
        }
        return builder?.ToString() ?? text;
    }

    /// <summary>A file path at the start of a console line: escaped, and <c>./</c> before one that starts with <c>::</c>.</summary>
    public static string Path(string displayPath)
    {
        var escaped = Escape(displayPath);
        return escaped.StartsWith("::", StringComparison.Ordinal) ? "./" + escaped : escaped;
    }

    /// <summary>Each line of a diff or other multi-line text, escaped but keeping its line breaks (LF or CRLF, so the diff still applies).</summary>
    public static string EscapeLines(string text) =>
        string.Join('\n', text.Split('\n').Select(line => line.EndsWith('\r') ? Escape(line[..^1]) + "\r" : Escape(line)));

    private static string? EscapeOf(char c) => c switch
    {
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => null,
        '\u001b' => "\\e",
        < ' ' or '\u007f' or (>= '\u0080' and <= '\u009f') => "\\x" + ((int)c).ToString("x2", CultureInfo.InvariantCulture),
        '\u061c' or '\u200e' or '\u200f' or (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069') or '\u2028' or '\u2029'
            => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
        _ => null,
    };
}
