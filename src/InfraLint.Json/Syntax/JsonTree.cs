using System;
using System.Collections.Generic;
using System.Text;
using InfraLint.Core.Facts;
using InfraLint.Core.Locations;
using InfraLint.Core.Tree;

namespace InfraLint.Json.Syntax
{
    /// <summary>
    /// The JSON front end: strict RFC 8259 text → the located tree. After this no mapper sees JSON: strings are scalars
    /// with <see cref="TreeScalar.IsPlain"/> false, numbers, <c>true</c>, <c>false</c> and <c>null</c> are plain scalars
    /// holding their literal text, and every node's span is in UTF-16 code units of the file as written.
    /// </summary>
    /// <remarks>
    /// A hand-written recursive-descent reader over the string rather than System.Text.Json: it works in chars, so
    /// offsets, lines and columns need no byte-to-char mapping, and it can say which member a missing comma follows.
    /// A repeated key keeps its first value (what <see cref="TreeMapping.Get"/> would return anyway); the later ones
    /// are read, checked for syntax and left out of the tree, so mappers never see two entries for one key.
    /// </remarks>
    public static class JsonTree
    {
        /// <summary>Containers deeper than this are an error rather than a risk to the stack; real templates nest under 20.</summary>
        public const int MaxDepth = 128;

        public static JsonParseResult Parse(SourceText source)
        {
            if (source is null) throw new ArgumentNullException(nameof(source));
            var parser = new Parser(source);
            try
            {
                return new JsonParseResult(parser.ParseDocument(), null);
            }
            catch (JsonSyntaxError error)
            {
                return new JsonParseResult(null, new ParseFailure(source.Span(error.Offset, error.Offset), "JSON syntax error: " + error.Message));
            }
        }

        private sealed class JsonSyntaxError : Exception
        {
            public JsonSyntaxError(int offset, string message)
                : base(message)
            {
                Offset = offset;
            }

            public int Offset { get; }
        }

        private sealed class Parser
        {
            private readonly SourceText _source;
            private readonly string _text;
            private readonly JsonTreeEditor _editor;
            private int _pos;

            public Parser(SourceText source)
            {
                _source = source;
                _text = source.Text;
                _editor = new JsonTreeEditor(source);
            }

            public TreeNode ParseDocument()
            {
                // RFC 8259 lets a parser ignore a byte order mark, and editors on Windows still write one.
                if (_text.Length > 0 && _text[0] == '\uFEFF') _pos = 1;
                SkipWhitespace();
                if (_pos >= _text.Length) throw new JsonSyntaxError(_pos, "the file is empty; expected a JSON value.");
                var root = ParseValue(0, string.Empty, "a JSON value");
                SkipWhitespace();
                if (_pos < _text.Length)
                    throw new JsonSyntaxError(_pos, $"unexpected {Describe(_pos)} after the top-level value; a JSON file holds exactly one value.");
                return root;
            }

            private TreeNode ParseValue(int depth, string path, string what)
            {
                if (_pos >= _text.Length) throw new JsonSyntaxError(_pos, $"expected {what}, found the end of the file.");
                char c = _text[_pos];
                switch (c)
                {
                    case '{':
                        return ParseObject(depth + 1, path);
                    case '[':
                        return ParseArray(depth + 1, path);
                    case '"':
                        return ParseString(path, JsonOrigin.Value);
                    case '-':
                        return ParseNumber(path);
                }
                if (c >= '0' && c <= '9') return ParseNumber(path);
                if (IsWordChar(c)) return ParseLiteral(path, what);
                throw new JsonSyntaxError(_pos, $"expected {what}, found {Describe(_pos)}.");
            }

            private TreeMapping ParseObject(int depth, string path)
            {
                int start = _pos;
                CheckDepth(depth);
                _pos++;
                var entries = new List<TreeEntry>();
                var seen = new HashSet<string>(StringComparer.Ordinal);
                int lastMemberEnd = -1;
                SkipWhitespace();
                if (Peek() == '}')
                {
                    _pos++;
                    return Mapping(entries, start, path, lastMemberEnd);
                }
                while (true)
                {
                    SkipWhitespace();
                    if (Peek() != '"')
                    {
                        if (_pos >= _text.Length) throw new JsonSyntaxError(_pos, "expected a key in double quotes, found the end of the file.");
                        throw new JsonSyntaxError(_pos, $"expected a key in double quotes, found {Describe(_pos)}.");
                    }
                    int keyStart = _pos;
                    var keyText = ReadString();
                    string childPath = path.Length == 0 ? keyText : path + "." + keyText;
                    var key = new TreeScalar(keyText, false, _source.Span(keyStart, _pos), childPath, null, NodeState.Present, _editor, JsonOrigin.Key);
                    SkipWhitespace();
                    if (Peek() != ':') throw new JsonSyntaxError(_pos, $"expected ':' after the key {Quoted(keyText)}, found {DescribeOrEnd(_pos)}.");
                    _pos++;
                    SkipWhitespace();
                    var value = ParseValue(depth, childPath, $"the value of {Quoted(keyText)}");
                    lastMemberEnd = _pos;
                    if (seen.Add(keyText)) entries.Add(new TreeEntry(key, value));
                    SkipWhitespace();
                    char next = Peek();
                    if (next == '}')
                    {
                        _pos++;
                        return Mapping(entries, start, path, lastMemberEnd);
                    }
                    if (next != ',') throw new JsonSyntaxError(_pos, $"expected ',' or '}}' after the value of {Quoted(keyText)}, found {DescribeOrEnd(_pos)}.");
                    int comma = _pos++;
                    SkipWhitespace();
                    if (Peek() == '}') throw new JsonSyntaxError(comma, "trailing comma: JSON allows no ',' before '}'.");
                }
            }

            private TreeSequence ParseArray(int depth, string path)
            {
                int start = _pos;
                CheckDepth(depth);
                _pos++;
                var items = new List<TreeNode>();
                int lastMemberEnd = -1;
                SkipWhitespace();
                if (Peek() == ']')
                {
                    _pos++;
                    return Sequence(items, start, path, lastMemberEnd);
                }
                while (true)
                {
                    SkipWhitespace();
                    string what = items.Count == 0 ? "an array item" : $"an array item after item {items.Count}";
                    items.Add(ParseValue(depth, $"{path}[{items.Count}]", what));
                    lastMemberEnd = _pos;
                    SkipWhitespace();
                    char next = Peek();
                    if (next == ']')
                    {
                        _pos++;
                        return Sequence(items, start, path, lastMemberEnd);
                    }
                    if (next != ',') throw new JsonSyntaxError(_pos, $"expected ',' or ']' after item {items.Count} of the array, found {DescribeOrEnd(_pos)}.");
                    int comma = _pos++;
                    SkipWhitespace();
                    if (Peek() == ']') throw new JsonSyntaxError(comma, "trailing comma: JSON allows no ',' before ']'.");
                }
            }

            private void CheckDepth(int depth)
            {
                if (depth > MaxDepth) throw new JsonSyntaxError(_pos, $"objects and arrays nest deeper than {MaxDepth} levels here.");
            }

            private TreeMapping Mapping(List<TreeEntry> entries, int start, string path, int lastMemberEnd) =>
                new TreeMapping(entries, true, _source.Span(start, _pos), HeadSpan(start), path, null, NodeState.Present, _editor, new JsonOrigin(false, lastMemberEnd));

            private TreeSequence Sequence(List<TreeNode> items, int start, string path, int lastMemberEnd) =>
                new TreeSequence(items, _source.Span(start, _pos), HeadSpan(start), path, null, NodeState.Present, _editor, new JsonOrigin(false, lastMemberEnd));

            /// <summary>From the opening bracket to the end of its line, as the YAML front end does for a collection.</summary>
            private SourceSpan HeadSpan(int start)
            {
                var (line, _) = _source.LineColumn(start);
                return _source.Span(start, Math.Max(start, _source.LineEnd(line)));
            }

            private TreeScalar ParseString(string path, JsonOrigin origin)
            {
                int start = _pos;
                string value = ReadString();
                return new TreeScalar(value, false, _source.Span(start, _pos), path, null, NodeState.Present, _editor, origin);
            }

            /// <summary>Reads the string at <see cref="_pos"/> (on its opening quote) and returns it unescaped.</summary>
            private string ReadString()
            {
                int open = _pos++;
                StringBuilder? built = null;
                int runStart = _pos;
                while (true)
                {
                    if (_pos >= _text.Length || _text[_pos] == '\n' || _text[_pos] == '\r')
                        throw new JsonSyntaxError(open, "unterminated string: the string that starts here has no closing '\"' on its line.");
                    char c = _text[_pos];
                    if (c == '"')
                    {
                        string value = built is null
                            ? _text.Substring(runStart, _pos - runStart)
                            : built.Append(_text, runStart, _pos - runStart).ToString();
                        _pos++;
                        return value;
                    }
                    if (c < ' ')
                        throw new JsonSyntaxError(_pos, $"control character U+{(int)c:X4} in a string; write it as an escape (\\t, \\u{(int)c:X4}).");
                    if (c != '\\')
                    {
                        _pos++;
                        continue;
                    }
                    built ??= new StringBuilder();
                    built.Append(_text, runStart, _pos - runStart);
                    built.Append(ReadEscape(open));
                    runStart = _pos;
                }
            }

            private char ReadEscape(int open)
            {
                int backslash = _pos++;
                if (_pos >= _text.Length || _text[_pos] == '\n' || _text[_pos] == '\r')
                    throw new JsonSyntaxError(open, "unterminated string: the string that starts here has no closing '\"' on its line.");
                char e = _text[_pos++];
                switch (e)
                {
                    case '"': return '"';
                    case '\\': return '\\';
                    case '/': return '/';
                    case 'b': return '\b';
                    case 'f': return '\f';
                    case 'n': return '\n';
                    case 'r': return '\r';
                    case 't': return '\t';
                    case 'u':
                        int code = 0;
                        for (int k = 0; k < 4; k++)
                        {
                            int digit = _pos < _text.Length ? HexValue(_text[_pos]) : -1;
                            if (digit < 0) throw new JsonSyntaxError(backslash, "invalid escape: '\\u' must be followed by four hexadecimal digits.");
                            code = code * 16 + digit;
                            _pos++;
                        }
                        // A surrogate pair is two \u escapes, each one UTF-16 unit: appending them in turn rebuilds the character.
                        return (char)code;
                    default:
                        throw new JsonSyntaxError(backslash, $"invalid escape '\\{Printable(e)}' in a string; JSON knows \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX.");
                }
            }

            private TreeScalar ParseNumber(string path)
            {
                int start = _pos;
                if (Peek() == '-') _pos++;
                if (Peek() == '0')
                {
                    _pos++;
                    if (IsDigit(Peek())) throw new JsonSyntaxError(start, "invalid number: JSON allows no leading zeros.");
                }
                else if (IsDigit(Peek()))
                {
                    while (IsDigit(Peek())) _pos++;
                }
                else
                {
                    throw new JsonSyntaxError(_pos, $"invalid number: expected a digit after '-', found {DescribeOrEnd(_pos)}.");
                }
                if (Peek() == '.')
                {
                    _pos++;
                    if (!IsDigit(Peek())) throw new JsonSyntaxError(_pos, $"invalid number: expected a digit after '.', found {DescribeOrEnd(_pos)}.");
                    while (IsDigit(Peek())) _pos++;
                }
                if (Peek() == 'e' || Peek() == 'E')
                {
                    _pos++;
                    if (Peek() == '+' || Peek() == '-') _pos++;
                    if (!IsDigit(Peek())) throw new JsonSyntaxError(_pos, $"invalid number: expected a digit in the exponent, found {DescribeOrEnd(_pos)}.");
                    while (IsDigit(Peek())) _pos++;
                }
                if (IsWordChar(Peek())) throw new JsonSyntaxError(_pos, $"invalid number: unexpected {Describe(_pos)} in '{_text.Substring(start, _pos - start + 1)}'.");
                return new TreeScalar(_text.Substring(start, _pos - start), true, _source.Span(start, _pos), path, null, NodeState.Present, _editor, JsonOrigin.Value);
            }

            private TreeScalar ParseLiteral(string path, string what)
            {
                int start = _pos;
                while (IsWordChar(Peek())) _pos++;
                string word = _text.Substring(start, _pos - start);
                if (word != "true" && word != "false" && word != "null")
                {
                    string hint = string.Equals(word, "true", StringComparison.OrdinalIgnoreCase) || string.Equals(word, "false", StringComparison.OrdinalIgnoreCase) || string.Equals(word, "null", StringComparison.OrdinalIgnoreCase)
                        ? $" (JSON's literals are lower case: {word.ToLowerInvariant()})"
                        : " (text must be in double quotes)";
                    throw new JsonSyntaxError(start, $"expected {what}, found '{Shorten(word)}'{hint}.");
                }
                return new TreeScalar(word, true, _source.Span(start, _pos), path, null, NodeState.Present, _editor, JsonOrigin.Value);
            }

            private void SkipWhitespace()
            {
                while (_pos < _text.Length)
                {
                    char c = _text[_pos];
                    if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
                    {
                        _pos++;
                    }
                    else if (c == '/' && _pos + 1 < _text.Length && (_text[_pos + 1] == '/' || _text[_pos + 1] == '*'))
                    {
                        // Comments are the commonest JSON-with-comments habit; naming them beats "unexpected '/'".
                        throw new JsonSyntaxError(_pos, "comments are not allowed in JSON.");
                    }
                    else
                    {
                        return;
                    }
                }
            }

            private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

            private string DescribeOrEnd(int offset) => offset >= _text.Length ? "the end of the file" : Describe(offset);

            /// <summary>The character at <paramref name="offset"/> as a message shows it: a surrogate pair whole, an invisible one by code.</summary>
            private string Describe(int offset)
            {
                char c = _text[offset];
                if (char.IsHighSurrogate(c) && offset + 1 < _text.Length && char.IsLowSurrogate(_text[offset + 1]))
                    return "'" + _text.Substring(offset, 2) + "'";
                return c <= ' ' || char.IsWhiteSpace(c) || char.IsControl(c) || char.IsSurrogate(c) || c == '\uFEFF' ? $"U+{(int)c:X4}" : $"'{c}'";
            }

            private static string Printable(char c) => c < ' ' || char.IsSurrogate(c) ? $"U+{(int)c:X4}" : c.ToString();

            private static string Shorten(string word) => word.Length <= 40 ? word : word.Substring(0, 40) + "…";

            private static string Quoted(string key) => "\"" + Shorten(key) + "\"";

            private static bool IsDigit(char c) => c >= '0' && c <= '9';

            // Letters and digits, so "True", "nul" and "undefined" read as one word in the error rather than one character.
            private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '$';

            private static int HexValue(char c) =>
                c >= '0' && c <= '9' ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                : -1;
        }
    }
}
