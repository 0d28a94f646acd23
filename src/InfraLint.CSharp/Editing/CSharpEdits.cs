using System;
using System.Globalization;
using System.Linq;
using InfraLint.Core.Fixes;
using InfraLint.Core.Locations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace InfraLint.CSharp.Editing
{
    /// <summary>Plain text edits on C# source that keep its layout: a replaced expression, a new initializer entry in the file's style.</summary>
    public static class CSharpEdits
    {
        /// <summary>A C# literal: <c>true</c>, <c>3</c>, <c>"text"</c> (escaped).</summary>
        public static string? Literal(object value) => value switch
        {
            bool b => b ? "true" : "false",
            int or long or short or byte => Convert.ToString(value, CultureInfo.InvariantCulture),
            double d when !double.IsNaN(d) && !double.IsInfinity(d) => d.ToString("R", CultureInfo.InvariantCulture),
            string s => SymbolDisplay.FormatLiteral(s, quote: true),
            _ => null,
        };

        public static TextEdit Replace(SourceText source, SyntaxNode node, string text) =>
            new TextEdit(source.Span(node.SpanStart, node.Span.End), text);

        /// <summary>
        /// Edits that add <paramref name="entry"/> (<c>Privileged = false</c>) to an object: to its initializer, after the
        /// last entry, on a line of its own with the entries' indentation when the initializer spans lines, keeping the
        /// trailing-comma habit of the file; or a new initializer after <c>new X(…)</c>. Null when the node is not an object.
        /// </summary>
        public static TextEdit[]? AddEntry(SourceText source, SyntaxNode objectNode, string entry)
        {
            switch (objectNode)
            {
                case BaseObjectCreationExpressionSyntax creation when creation.Initializer is null:
                {
                    int at = creation switch
                    {
                        ObjectCreationExpressionSyntax o => o.ArgumentList?.Span.End ?? o.Type.Span.End,
                        ImplicitObjectCreationExpressionSyntax i => i.ArgumentList.Span.End,
                        _ => creation.Span.End,
                    };
                    return new[] { Insert(source, at, " { " + entry + " }") };
                }
                case BaseObjectCreationExpressionSyntax creation:
                    return AddToInitializer(source, creation.Initializer!, entry);
                case InitializerExpressionSyntax initializer:
                    return AddToInitializer(source, initializer, entry);
                default:
                    return null;
            }
        }

        private static TextEdit[] AddToInitializer(SourceText source, InitializerExpressionSyntax initializer, string entry)
        {
            var expressions = initializer.Expressions;
            int openLine = source.LineColumn(initializer.OpenBraceToken.SpanStart).Line;
            int closeLine = source.LineColumn(initializer.CloseBraceToken.SpanStart).Line;
            string newLine = source.NewLine;
            if (openLine == closeLine)
            {
                if (expressions.Count == 0)
                    return new[] { new TextEdit(source.Span(initializer.OpenBraceToken.Span.End, initializer.CloseBraceToken.SpanStart), " " + entry + " ") };
                return new[] { Insert(source, expressions.Last().Span.End, ", " + entry) };
            }

            // Spans lines: the new entry gets a line of its own, indented like the entries (or one level inside the braces).
            string closeIndent = Indentation(source, initializer.CloseBraceToken.SpanStart);
            if (expressions.Count == 0)
                return new[] { Insert(source, source.LineStart(closeLine), IndentUnit(closeIndent, source) + entry + "," + newLine) };
            var last = expressions.Last();
            string indent = Indentation(source, expressions.First().SpanStart);
            bool trailingComma = expressions.SeparatorCount == expressions.Count;
            var lastEnd = trailingComma ? expressions.GetSeparator(expressions.Count - 1).Span.End : last.Span.End;
            int lastEndLine = source.LineColumn(lastEnd).Line;
            var line = lastEndLine == closeLine ? -1 : lastEndLine;
            if (line < 0)
            {
                // The last entry ends on the closing brace's line (`A = 1 }`): the entry goes just before the brace.
                return new[] { Insert(source, last.Span.End, trailingComma ? string.Empty : ","), Insert(source, initializer.CloseBraceToken.SpanStart, entry + (trailingComma ? ", " : " ")) }
                    .Where(e => e.NewText.Length > 0).ToArray();
            }
            // At the end of the last entry's line, after any comment there, so that the comment stays with its entry.
            int lineEnd = source.LineEnd(line);
            string added = newLine + indent + entry + (trailingComma ? "," : string.Empty);
            if (trailingComma) return new[] { Insert(source, lineEnd, added) };
            return lineEnd == last.Span.End
                ? new[] { Insert(source, lineEnd, "," + added) }
                : new[] { Insert(source, last.Span.End, ","), Insert(source, lineEnd, added) };
        }

        private static TextEdit Insert(SourceText source, int offset, string text) => new TextEdit(source.Span(offset, offset), text);

        /// <summary>The whitespace before the first character of the line holding <paramref name="offset"/>.</summary>
        private static string Indentation(SourceText source, int offset)
        {
            int line = source.LineColumn(offset).Line;
            var text = source.LineText(line);
            int n = 0;
            while (n < text.Length && (text[n] == ' ' || text[n] == '\t')) n++;
            return text.Substring(0, n);
        }

        /// <summary>One level deeper than <paramref name="indent"/>, in the file's unit (a tab, or four spaces).</summary>
        private static string IndentUnit(string indent, SourceText source) =>
            indent + (indent.Contains("\t") || source.Text.Contains("\n\t") ? "\t" : "    ");
    }
}
