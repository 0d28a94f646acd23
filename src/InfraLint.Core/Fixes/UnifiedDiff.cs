using System;
using System.Collections.Generic;
using System.Text;

namespace InfraLint.Core.Fixes
{
    /// <summary>A unified diff (as <c>diff -u</c> and <c>git apply</c> read it) of two versions of one file, by lines.</summary>
    public static class UnifiedDiff
    {
        private const int Context = 3;

        public static string Create(string path, string before, string after)
        {
            if (string.Equals(before, after, StringComparison.Ordinal)) return string.Empty;
            string[] a = SplitLines(before), b = SplitLines(after);
            var ops = Diff(a, b);
            var output = new StringBuilder();
            output.Append("--- a/").Append(path).Append('\n');
            output.Append("+++ b/").Append(path).Append('\n');

            int index = 0;
            while (index < ops.Count)
            {
                // Find the next change, then grow a hunk around it with context on both sides.
                while (index < ops.Count && ops[index].Kind == ' ') index++;
                if (index == ops.Count) break;
                int start = Math.Max(0, index - Context);
                int end = index;
                int quiet = 0;
                while (end < ops.Count && quiet <= 2 * Context)
                {
                    quiet = ops[end].Kind == ' ' ? quiet + 1 : 0;
                    end++;
                }
                end -= Math.Max(0, quiet - Context);
                int aStart = ops[start].ALine, bStart = ops[start].BLine;
                int aCount = 0, bCount = 0;
                for (int i = start; i < end; i++)
                {
                    if (ops[i].Kind != '+') aCount++;
                    if (ops[i].Kind != '-') bCount++;
                }
                output.Append($"@@ -{(aCount == 0 ? aStart : aStart + 1)},{aCount} +{(bCount == 0 ? bStart : bStart + 1)},{bCount} @@\n");
                for (int i = start; i < end; i++) output.Append(ops[i].Kind).Append(ops[i].Text).Append('\n');
                index = end;
            }
            return output.ToString();
        }

        private static string[] SplitLines(string text)
        {
            var lines = text.Replace("\r\n", "\n").Split('\n');
            if (lines.Length > 0 && lines[lines.Length - 1].Length == 0) Array.Resize(ref lines, lines.Length - 1);
            return lines;
        }

        private readonly struct Op
        {
            public Op(char kind, string text, int aLine, int bLine)
            {
                Kind = kind;
                Text = text;
                ALine = aLine;
                BLine = bLine;
            }

            public char Kind { get; }

            public string Text { get; }

            /// <summary>0-based index in the old file of this line (or of where it would go).</summary>
            public int ALine { get; }

            public int BLine { get; }
        }

        /// <summary>Longest-common-subsequence diff; infrastructure files are small enough for the quadratic table.</summary>
        private static List<Op> Diff(string[] a, string[] b)
        {
            // Trim the common head and tail so the table only covers what changed.
            int head = 0;
            while (head < a.Length && head < b.Length && a[head] == b[head]) head++;
            int tail = 0;
            while (tail < a.Length - head && tail < b.Length - head && a[a.Length - 1 - tail] == b[b.Length - 1 - tail]) tail++;
            int n = a.Length - head - tail, m = b.Length - head - tail;
            var lcs = new int[n + 1, m + 1];
            for (int i = n - 1; i >= 0; i--)
                for (int j = m - 1; j >= 0; j--)
                    lcs[i, j] = a[head + i] == b[head + j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);

            var ops = new List<Op>();
            for (int k = 0; k < head; k++) ops.Add(new Op(' ', a[k], k, k));
            int x = 0, y = 0;
            while (x < n || y < m)
            {
                if (x < n && y < m && a[head + x] == b[head + y])
                {
                    ops.Add(new Op(' ', a[head + x], head + x, head + y));
                    x++;
                    y++;
                }
                else if (x < n && (y == m || lcs[x + 1, y] >= lcs[x, y + 1]))
                {
                    // Removals before additions, as diff -u prints a changed line.
                    ops.Add(new Op('-', a[head + x], head + x, head + y));
                    x++;
                }
                else
                {
                    ops.Add(new Op('+', b[head + y], head + x, head + y));
                    y++;
                }
            }
            for (int k = 0; k < tail; k++) ops.Add(new Op(' ', a[a.Length - tail + k], a.Length - tail + k, b.Length - tail + k));
            return ops;
        }
    }
}
