using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace InfraLint.Core.Fixes
{
    /// <summary>The result of applying fixes to one file's text.</summary>
    public sealed record FixedText(string Text, IReadOnlyList<Fix> Applied, IReadOnlyList<Fix> Skipped);

    /// <summary>
    /// Applies fixes to a text. A fix is atomic: all of its edits or none. Fixes whose edits overlap an
    /// already accepted fix are skipped (a later round picks them up once the text has settled), and two
    /// fixes that make the identical edit are applied once. Two different insertions at one point also
    /// conflict: both may create the same parent key (two fixes each adding <c>securityContext:</c>), and
    /// only a rescan after the first can place the second inside what the first created.
    /// </summary>
    public static class FixApplier
    {
        public static FixedText Apply(string text, IEnumerable<Fix> fixes)
        {
            var accepted = new List<TextEdit>();
            var applied = new List<Fix>();
            var skipped = new List<Fix>();
            foreach (var fix in fixes)
            {
                var edits = fix.Edits.Where(e => !accepted.Any(a => Same(a, e))).ToList();
                bool valid = edits.All(e => e.Span.StartOffset >= 0 && e.Span.EndOffset <= text.Length && e.Span.StartOffset <= e.Span.EndOffset);
                bool overlaps = edits.Any(e => accepted.Any(a => Overlap(a, e))) || SelfOverlap(edits);
                if (!valid || overlaps || fix.Edits.Count == 0)
                {
                    skipped.Add(fix);
                    continue;
                }
                accepted.AddRange(edits);
                applied.Add(fix);
            }

            var ordered = accepted.OrderBy(e => e.Span.StartOffset).ToList();
            var result = new StringBuilder(text.Length + ordered.Sum(e => e.NewText.Length));
            int position = 0;
            foreach (var edit in ordered)
            {
                result.Append(text, position, edit.Span.StartOffset - position);
                result.Append(edit.NewText);
                position = edit.Span.EndOffset;
            }
            result.Append(text, position, text.Length - position);
            return new FixedText(result.ToString(), applied, skipped);
        }

        private static bool Same(TextEdit a, TextEdit b) =>
            a.Span.StartOffset == b.Span.StartOffset && a.Span.EndOffset == b.Span.EndOffset && string.Equals(a.NewText, b.NewText, StringComparison.Ordinal);

        /// <summary>Replacements overlap when their ranges intersect; an insertion conflicts with a replacement that covers its point.</summary>
        private static bool Overlap(TextEdit a, TextEdit b)
        {
            if (a.Span.Length == 0 && b.Span.Length == 0) return a.Span.StartOffset == b.Span.StartOffset;
            if (a.Span.Length == 0) return a.Span.StartOffset > b.Span.StartOffset && a.Span.StartOffset < b.Span.EndOffset;
            if (b.Span.Length == 0) return b.Span.StartOffset > a.Span.StartOffset && b.Span.StartOffset < a.Span.EndOffset;
            return a.Span.StartOffset < b.Span.EndOffset && b.Span.StartOffset < a.Span.EndOffset;
        }

        private static bool SelfOverlap(IReadOnlyList<TextEdit> edits)
        {
            for (int i = 0; i < edits.Count; i++)
                for (int j = i + 1; j < edits.Count; j++)
                    if (Overlap(edits[i], edits[j])) return true;
            return false;
        }
    }
}
