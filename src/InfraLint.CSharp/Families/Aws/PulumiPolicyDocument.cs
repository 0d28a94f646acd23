using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using InfraLint.Core.Locations;
using InfraLint.Core.Tree;
using InfraLint.CSharp.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace InfraLint.CSharp.Families.Aws
{
    /// <summary>
    /// An IAM policy document written in a Pulumi program, as the tree of the same JSON: a string constant holding the
    /// JSON (each value located inside the literal when the literal maps one to one onto its text), <c>JsonSerializer.Serialize</c>
    /// (or Newtonsoft's <c>JsonConvert.SerializeObject</c>) of a literal dictionary, anonymous object or array, or
    /// Pulumi's typed <c>PolicyDocumentArgs</c>. Anything else (<c>bucket.Arn.Apply(…)</c>, <c>GetPolicyDocument.Invoke</c>,
    /// serializer options that may rename keys) is unknown.
    /// </summary>
    internal static class PulumiPolicyDocument
    {
        public static TreeNode Read(ExpressionSyntax expression, string path, CSharpReader reader) => Statements(Document(expression, path, reader));

        /// <summary>
        /// A statement with a part we cannot see (its effect, actions or resources) is unknown as a whole: with its actions
        /// unknown, a <c>"*"</c> resource might be needed by them, and an unknown effect might be a deny.
        /// </summary>
        private static TreeNode Statements(TreeNode document)
        {
            if (document is not TreeMapping map || map.Get("Statement") is not { } statement) return document;
            TreeNode Guard(TreeNode s) => HasUnknown(s, 0) ? new TreeScalar(null, false, s.Span, s.Path, null, NodeState.Unknown, null, s.Origin) : s;
            var guarded = statement is TreeSequence list
                ? new TreeSequence(list.Items.Select(Guard).ToList(), list.Span, list.HeadSpan, list.Path, list.Tag, list.State, list.Editor, list.Origin)
                : Guard(statement);
            var entries = map.Entries.Select(e => e.Key.Value == "Statement" ? new TreeEntry(e.Key, guarded) : e).ToList();
            return new TreeMapping(entries, map.IsFlow, map.Span, map.HeadSpan, map.Path, map.Tag, map.State, map.Editor, map.Origin);
        }

        private static bool HasUnknown(TreeNode node, int depth) => depth > 64 || node switch
        {
            TreeMapping m => m.IsUnknown || m.Entries.Any(e => e.Key.IsUnknown || HasUnknown(e.Value, depth + 1)),
            TreeSequence q => q.IsUnknown || q.Items.Any(i => HasUnknown(i, depth + 1)),
            _ => node.IsUnknown,
        };

        private static TreeNode Document(ExpressionSyntax expression, string path, CSharpReader reader)
        {
            while (expression is ParenthesizedExpressionSyntax p) expression = p.Expression;
            if (reader.Evaluate(expression) is { IsPlain: false, Text: string json })
                return Json.Parse(json, expression, path, reader) ?? reader.Unknown(expression, path);
            switch (expression)
            {
                case InvocationExpressionSyntax call when IsSerializeCall(call) && call.ArgumentList.Arguments.Count == 1:
                    return Value(call.ArgumentList.Arguments[0].Expression, path, reader, 0);
                case ObjectCreationExpressionSyntax typed when CSharpReader.TypeLastName(typed.Type) == "PolicyDocumentArgs" && typed.Initializer is not null:
                    return reader.Build(typed, path, PulumiAws.Options);
                case ImplicitObjectCreationExpressionSyntax:
                    // new() { … } for InputUnion<string, PolicyDocumentArgs>: only the typed document can be written so.
                    return reader.Build(expression, path, PulumiAws.Options);
                default:
                    return reader.Unknown(expression, path);
            }
        }

        /// <summary><c>JsonSerializer.Serialize(x)</c> and <c>JsonConvert.SerializeObject(x)</c>: with their default settings, keys stay as written.</summary>
        private static bool IsSerializeCall(InvocationExpressionSyntax call) =>
            call.Expression is MemberAccessExpressionSyntax member
            && (member.Name.Identifier.ValueText == "Serialize" && LastName(member.Expression) == "JsonSerializer"
                || member.Name.Identifier.ValueText == "SerializeObject" && LastName(member.Expression) == "JsonConvert");

        private static string? LastName(ExpressionSyntax expression) => expression switch
        {
            IdentifierNameSyntax id => id.Identifier.ValueText,
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            _ => null,
        };

        /// <summary>What a value serializes to: objects and dictionaries become mappings, arrays and lists sequences, constants scalars.</summary>
        private static TreeNode Value(ExpressionSyntax expression, string path, CSharpReader reader, int depth)
        {
            while (expression is ParenthesizedExpressionSyntax p) expression = p.Expression;
            if (depth > 32) return reader.Unknown(expression, path);
            switch (expression)
            {
                case AnonymousObjectCreationExpressionSyntax anonymous:
                {
                    var entries = new List<TreeEntry>();
                    foreach (var member in anonymous.Initializers)
                    {
                        string? name = member.NameEquals?.Name.Identifier.ValueText ?? LastName(member.Expression);
                        if (name is null) return reader.Unknown(expression, path);
                        var at = member.NameEquals is not null ? reader.SpanOf(member.NameEquals.Name) : reader.SpanOf(member.Expression);
                        entries.Add(new TreeEntry(new TreeScalar(name, true, at, CSharpReader.Child(path, name)), Value(member.Expression, CSharpReader.Child(path, name), reader, depth + 1)));
                    }
                    return new TreeMapping(entries, true, reader.SpanOf(expression), reader.SpanOf(expression), path, origin: expression);
                }
                case BaseObjectCreationExpressionSyntax creation when creation.Initializer is { } initializer && IsDictionary(creation):
                {
                    var entries = new List<TreeEntry>();
                    foreach (var item in initializer.Expressions)
                    {
                        ExpressionSyntax? key = null, value = null;
                        if (item is AssignmentExpressionSyntax { Left: ImplicitElementAccessSyntax element } assignment && element.ArgumentList.Arguments.Count == 1)
                            (key, value) = (element.ArgumentList.Arguments[0].Expression, assignment.Right);
                        else if (item is InitializerExpressionSyntax pair && pair.IsKind(SyntaxKind.ComplexElementInitializerExpression) && pair.Expressions.Count == 2)
                            (key, value) = (pair.Expressions[0], pair.Expressions[1]);
                        if (key is null || value is null || reader.Evaluate(key) is not { IsPlain: false, Text: string name }) return reader.Unknown(expression, path);
                        entries.Add(new TreeEntry(new TreeScalar(name, false, reader.SpanOf(key), CSharpReader.Child(path, name)), Value(value, CSharpReader.Child(path, name), reader, depth + 1)));
                    }
                    return new TreeMapping(entries, true, reader.SpanOf(expression), reader.SpanOf(expression), path, origin: expression);
                }
                case BaseObjectCreationExpressionSyntax list when list.Initializer is { } items && items.IsKind(SyntaxKind.CollectionInitializerExpression)
                    && items.Expressions.All(e => !e.IsKind(SyntaxKind.ComplexElementInitializerExpression)):
                    return Items(expression, items.Expressions, path, reader, depth);
                case ArrayCreationExpressionSyntax array when array.Initializer is not null:
                    return Items(expression, array.Initializer.Expressions, path, reader, depth);
                case ImplicitArrayCreationExpressionSyntax implicitArray:
                    return Items(expression, implicitArray.Initializer.Expressions, path, reader, depth);
                case CollectionExpressionSyntax collection when collection.Elements.All(e => e is ExpressionElementSyntax):
                    return Items(expression, collection.Elements.Cast<ExpressionElementSyntax>().Select(e => e.Expression).ToList(), path, reader, depth);
                case BaseObjectCreationExpressionSyntax:
                    return reader.Unknown(expression, path); // a class of the program's: its properties may be renamed by attributes
                default:
                    return reader.Scalar(expression, path);
            }
        }

        private static bool IsDictionary(BaseObjectCreationExpressionSyntax creation) =>
            creation is ObjectCreationExpressionSyntax typed
                ? CSharpReader.TypeLastName(typed.Type) is "Dictionary" or "SortedDictionary" or "Hashtable" or "JsonObject"
                : creation.Initializer!.Expressions.Count > 0 && creation.Initializer.Expressions.All(e => e is AssignmentExpressionSyntax { Left: ImplicitElementAccessSyntax });

        private static TreeSequence Items(ExpressionSyntax node, IReadOnlyList<ExpressionSyntax> items, string path, CSharpReader reader, int depth)
        {
            var built = new List<TreeNode>();
            for (int i = 0; i < items.Count; i++) built.Add(Value(items[i], path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", reader, depth + 1));
            return new TreeSequence(built, reader.SpanOf(node), reader.SpanOf(node), path, origin: node);
        }

        /// <summary>A small JSON reader whose nodes point into the C# string literal that holds the text.</summary>
        private sealed class Json
        {
            private readonly string _text;
            private readonly SourceSpan _whole;
            private readonly (int Start, int End)[]? _map;
            private readonly SourceText _source;
            private readonly ExpressionSyntax _origin;
            private int _at;

            private Json(string text, ExpressionSyntax origin, CSharpReader reader)
            {
                _text = text;
                _origin = origin;
                _source = reader.Source;
                _whole = reader.SpanOf(origin);
                _map = origin is LiteralExpressionSyntax literal ? SourceMap(literal.Token, text) : null;
            }

            public static TreeNode? Parse(string text, ExpressionSyntax origin, string path, CSharpReader reader)
            {
                var json = new Json(text, origin, reader);
                try
                {
                    var node = json.Node(path, 0);
                    json.Skip();
                    return json._at == text.Length ? node : null;
                }
                catch (FormatException)
                {
                    return null;
                }
            }

            private SourceSpan Span(int start, int end)
            {
                if (_map is null || end <= start) return _whole;
                return _source.Span(_map[start].Start, _map[end - 1].End);
            }

            private void Skip()
            {
                while (_at < _text.Length && char.IsWhiteSpace(_text[_at])) _at++;
            }

            private char Peek()
            {
                Skip();
                if (_at >= _text.Length) throw new FormatException();
                return _text[_at];
            }

            private void Expect(char c)
            {
                if (Peek() != c) throw new FormatException();
                _at++;
            }

            private TreeNode Node(string path, int depth)
            {
                if (depth > 64) throw new FormatException();
                char c = Peek();
                int start = _at;
                if (c == '{')
                {
                    _at++;
                    var entries = new List<TreeEntry>();
                    if (Peek() != '}')
                    {
                        while (true)
                        {
                            int keyStart = _at;
                            string key = String();
                            var keyNode = new TreeScalar(key, false, Span(keyStart, _at), CSharpReader.Child(path, key), origin: _origin);
                            Expect(':');
                            entries.Add(new TreeEntry(keyNode, Node(CSharpReader.Child(path, key), depth + 1)));
                            if (Peek() == ',') { _at++; continue; }
                            break;
                        }
                    }
                    Expect('}');
                    return new TreeMapping(entries, true, Span(start, _at), Span(start, start + 1), path, origin: _origin);
                }
                if (c == '[')
                {
                    _at++;
                    var items = new List<TreeNode>();
                    if (Peek() != ']')
                    {
                        while (true)
                        {
                            items.Add(Node(path + "[" + items.Count.ToString(CultureInfo.InvariantCulture) + "]", depth + 1));
                            if (Peek() == ',') { _at++; continue; }
                            break;
                        }
                    }
                    Expect(']');
                    return new TreeSequence(items, Span(start, _at), Span(start, start + 1), path, origin: _origin);
                }
                if (c == '"')
                {
                    string value = String();
                    return new TreeScalar(value, false, Span(start, _at), path, origin: _origin);
                }
                while (_at < _text.Length && (char.IsLetterOrDigit(_text[_at]) || _text[_at] is '-' or '+' or '.')) _at++;
                string word = _text.Substring(start, _at - start);
                bool number = double.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
                if (word is not ("true" or "false" or "null") && !number) throw new FormatException();
                return new TreeScalar(word, true, Span(start, _at), path, origin: _origin);
            }

            private string String()
            {
                Expect('"');
                var value = new StringBuilder();
                while (true)
                {
                    if (_at >= _text.Length) throw new FormatException();
                    char c = _text[_at++];
                    if (c == '"') return value.ToString();
                    if (c != '\\')
                    {
                        value.Append(c);
                        continue;
                    }
                    if (_at >= _text.Length) throw new FormatException();
                    char e = _text[_at++];
                    switch (e)
                    {
                        case 'n': value.Append('\n'); break;
                        case 't': value.Append('\t'); break;
                        case 'r': value.Append('\r'); break;
                        case 'b': value.Append('\b'); break;
                        case 'f': value.Append('\f'); break;
                        case 'u':
                            if (_at + 4 > _text.Length || !int.TryParse(_text.Substring(_at, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int code)) throw new FormatException();
                            value.Append((char)code);
                            _at += 4;
                            break;
                        default: value.Append(e); break;
                    }
                }
            }

            /// <summary>
            /// For each character of a string literal's value, where it is written in the file (an escape sequence
            /// counts for the character it stands for); null when the literal's text cannot be followed one to one.
            /// </summary>
            private static (int Start, int End)[]? SourceMap(SyntaxToken token, string value)
            {
                string text = token.Text;
                int offset = token.SpanStart;
                var map = new List<(int, int)>(value.Length);
                var decoded = new StringBuilder(value.Length);
                if (token.IsKind(SyntaxKind.StringLiteralToken) && text.StartsWith("@\"", StringComparison.Ordinal))
                {
                    for (int i = 2; i < text.Length - 1; i++)
                    {
                        if (text[i] == '"' && i + 1 < text.Length - 1 && text[i + 1] == '"') { decoded.Append('"'); map.Add((offset + i, offset + i + 2)); i++; }
                        else { decoded.Append(text[i]); map.Add((offset + i, offset + i + 1)); }
                    }
                }
                else if (token.IsKind(SyntaxKind.StringLiteralToken) && text.StartsWith("\"", StringComparison.Ordinal))
                {
                    for (int i = 1; i < text.Length - 1; i++)
                    {
                        if (text[i] != '\\') { decoded.Append(text[i]); map.Add((offset + i, offset + i + 1)); continue; }
                        int length = text[i + 1] switch { 'u' => 6, 'U' => 10, 'x' => HexRun(text, i + 2) + 2, _ => 2 };
                        string escape = text.Substring(i, Math.Min(length, text.Length - 1 - i));
                        string unescaped = Unescape(escape);
                        foreach (char c in unescaped) { decoded.Append(c); map.Add((offset + i, offset + i + length)); }
                        i += length - 1;
                    }
                }
                else if (token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken))
                {
                    int quotes = 0;
                    while (quotes < text.Length && text[quotes] == '"') quotes++;
                    for (int i = quotes; i < text.Length - quotes; i++) { decoded.Append(text[i]); map.Add((offset + i, offset + i + 1)); }
                }
                else if (token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken))
                {
                    int quotes = 0;
                    while (quotes < text.Length && text[quotes] == '"') quotes++;
                    int firstLine = text.IndexOf('\n') + 1;
                    int lastLine = text.LastIndexOf('\n') + 1;
                    if (firstLine <= 0 || lastLine <= firstLine) return null;
                    string indent = text.Substring(lastLine, text.Length - quotes - lastLine);
                    int contentEnd = lastLine - 1;
                    if (contentEnd > 0 && text[contentEnd - 1] == '\r') contentEnd--;
                    int i = firstLine;
                    while (i < contentEnd)
                    {
                        int lineEnd = text.IndexOf('\n', i);
                        if (lineEnd < 0 || lineEnd > contentEnd) lineEnd = contentEnd;
                        int start = i;
                        if (lineEnd - i >= indent.Length && string.CompareOrdinal(text, i, indent, 0, indent.Length) == 0) start = i + indent.Length;
                        for (int j = start; j < lineEnd; j++) { decoded.Append(text[j]); map.Add((offset + j, offset + j + 1)); }
                        if (lineEnd < contentEnd) { decoded.Append('\n'); map.Add((offset + lineEnd, offset + lineEnd + 1)); }
                        i = lineEnd + 1;
                    }
                    // Line breaks inside the literal are written as the file writes them: compare without the carriage returns.
                    if (decoded.ToString() != value.Replace("\r\n", "\n")) return null;
                    return value.Contains("\r\n") ? null : map.ToArray();
                }
                else
                {
                    return null;
                }
                return decoded.ToString() == value ? map.ToArray() : null;
            }

            private static int HexRun(string text, int from)
            {
                int n = 0;
                while (n < 4 && from + n < text.Length && Uri.IsHexDigit(text[from + n])) n++;
                return n;
            }

            private static string Unescape(string escape)
            {
                var parsed = SyntaxFactory.ParseExpression("\"" + escape + "\"") as LiteralExpressionSyntax;
                return parsed?.Token.ValueText ?? string.Empty;
            }
        }
    }
}
