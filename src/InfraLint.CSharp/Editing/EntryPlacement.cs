using System.Linq;
using InfraLint.Core.Fixes;
using InfraLint.Core.Locations;
using InfraLint.Core.Tree;

namespace InfraLint.CSharp.Editing
{
    /// <summary>
    /// Where and how a new entry goes into one object (<see cref="CSharpEdits.EntryPlace"/>), as offsets and text: what an
    /// edit target keeps for the fix a rule may ask of it, instead of the syntax the place was read from.
    /// </summary>
    public sealed class EntryPlacement
    {
        internal enum Layout
        {
            /// <summary><c>new X(…)</c> without an initializer: <c> { entry }</c> after it.</summary>
            NewInitializer,

            /// <summary><c>{ }</c> on one line: <c>{ entry }</c>.</summary>
            IntoEmptyLine,

            /// <summary><c>{ A = 1 }</c> on one line: <c>, entry</c> after the last entry.</summary>
            AfterOnLine,

            /// <summary>An empty initializer over several lines: a line of its own before the closing brace.</summary>
            IntoEmptyLines,

            /// <summary>The last entry ends on the closing brace's line (<c>A = 1 }</c>): the entry goes just before the brace.</summary>
            BeforeBrace,

            /// <summary>A line of its own after the last entry's line.</summary>
            NewLine,
        }

        private readonly SourceLines _lines;
        private readonly Layout _layout;
        private readonly int _at;
        private readonly int _end;
        private readonly string _indent;
        private readonly bool _trailingComma;

        /// <param name="at">Where the text goes (for <see cref="Layout.BeforeBrace"/> and <see cref="Layout.NewLine"/>: the end of the last entry).</param>
        /// <param name="end">The closing brace (<see cref="Layout.IntoEmptyLine"/>, <see cref="Layout.BeforeBrace"/>) or the end of the last entry's line (<see cref="Layout.NewLine"/>).</param>
        internal EntryPlacement(SourceText source, Layout layout, int at, int end = -1, string indent = "", bool trailingComma = false)
        {
            _lines = source.Lines;
            _layout = layout;
            _at = at;
            _end = end;
            _indent = SharedStrings.Of(indent);
            _trailingComma = trailingComma;
        }

        /// <summary>The edits that add <paramref name="entry"/> (<c>Privileged = false</c>).</summary>
        public TextEdit[] Edits(string entry)
        {
            string newLine = _lines.NewLine;
            switch (_layout)
            {
                case Layout.NewInitializer:
                    return new[] { Insert(_at, " { " + entry + " }") };
                case Layout.IntoEmptyLine:
                    return new[] { new TextEdit(_lines.Span(_at, _end), " " + entry + " ") };
                case Layout.AfterOnLine:
                    return new[] { Insert(_at, ", " + entry) };
                case Layout.IntoEmptyLines:
                    return new[] { Insert(_at, _indent + entry + "," + newLine) };
                case Layout.BeforeBrace:
                    return new[] { Insert(_at, _trailingComma ? string.Empty : ","), Insert(_end, entry + (_trailingComma ? ", " : " ")) }
                        .Where(e => e.NewText.Length > 0).ToArray();
                default:
                    string added = newLine + _indent + entry + (_trailingComma ? "," : string.Empty);
                    if (_trailingComma) return new[] { Insert(_end, added) };
                    return _end == _at
                        ? new[] { Insert(_end, "," + added) }
                        : new[] { Insert(_at, ","), Insert(_end, added) };
            }
        }

        private TextEdit Insert(int offset, string text) => new TextEdit(_lines.Span(offset, offset), text);
    }
}
