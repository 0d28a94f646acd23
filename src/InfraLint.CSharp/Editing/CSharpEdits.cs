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
        public static TextEdit[]? AddEntry(SourceText source, SyntaxNode objectNode, string entry) => EntryPlace(source, objectNode)?.Edits(entry);

        /// <summary>
        /// Where <see cref="AddEntry"/> puts an entry in this object, decided now for any entry later: it keeps offsets and
        /// the file's indentation, not the syntax, so an edit target can keep it without keeping the file's syntax tree.
        /// </summary>
        public static EntryPlacement? EntryPlace(SourceText source, SyntaxNode objectNode)
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
                    return new EntryPlacement(source, EntryPlacement.Layout.NewInitializer, at);
                }
                case BaseObjectCreationExpressionSyntax creation:
                    return InitializerPlace(source, creation.Initializer!);
                case InitializerExpressionSyntax initializer:
                    return InitializerPlace(source, initializer);
                default:
                    return null;
            }
        }

        private static EntryPlacement InitializerPlace(SourceText source, InitializerExpressionSyntax initializer)
        {
            var expressions = initializer.Expressions;
            int openLine = source.LineColumn(initializer.OpenBraceToken.SpanStart).Line;
            int closeLine = source.LineColumn(initializer.CloseBraceToken.SpanStart).Line;
            if (openLine == closeLine)
            {
                return expressions.Count == 0
                    ? new EntryPlacement(source, EntryPlacement.Layout.IntoEmptyLine, initializer.OpenBraceToken.Span.End, initializer.CloseBraceToken.SpanStart)
                    : new EntryPlacement(source, EntryPlacement.Layout.AfterOnLine, expressions.Last().Span.End);
            }

            // Spans lines: the new entry gets a line of its own, indented like the entries (or one level inside the braces).
            string closeIndent = Indentation(source, initializer.CloseBraceToken.SpanStart);
            if (expressions.Count == 0)
                return new EntryPlacement(source, EntryPlacement.Layout.IntoEmptyLines, source.LineStart(closeLine), indent: IndentUnit(closeIndent, source));
            var last = expressions.Last();
            string indent = Indentation(source, expressions.First().SpanStart);
            bool trailingComma = expressions.SeparatorCount == expressions.Count;
            var lastEnd = trailingComma ? expressions.GetSeparator(expressions.Count - 1).Span.End : last.Span.End;
            int lastEndLine = source.LineColumn(lastEnd).Line;
            // The last entry ends on the closing brace's line (`A = 1 }`): the entry goes just before the brace.
            if (lastEndLine == closeLine)
                return new EntryPlacement(source, EntryPlacement.Layout.BeforeBrace, last.Span.End, initializer.CloseBraceToken.SpanStart, trailingComma: trailingComma);
            // At the end of the last entry's line, after any comment there, so that the comment stays with its entry.
            return new EntryPlacement(source, EntryPlacement.Layout.NewLine, last.Span.End, source.LineEnd(lastEndLine), indent, trailingComma);
        }


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
