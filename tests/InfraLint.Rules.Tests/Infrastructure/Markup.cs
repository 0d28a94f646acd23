using System.Text;
using InfraLint.Core.Locations;

namespace InfraLint.Rules.Tests.Infrastructure;

/// <summary>
/// Test input with the expected findings marked in place, as Roslyn's analyzer tests do:
/// <c>privileged: {|IL2006:true|}</c> expects an IL2006 finding spanning exactly <c>true</c>;
/// <c>{|IL1005:|}</c> marks a zero-width location.
/// </summary>
internal sealed class Markup
{
    private Markup(string text, IReadOnlyList<Expected> spans)
    {
        Text = text;
        Spans = spans;
    }

    /// <summary>The input with the markup removed.</summary>
    public string Text { get; }

    public IReadOnlyList<Expected> Spans { get; }

    public static Markup Parse(string file, string markup)
    {
        var text = new StringBuilder();
        var open = new Stack<(string Rule, int Start)>();
        var found = new List<(string Rule, int Start, int End)>();
        for (int i = 0; i < markup.Length; i++)
        {
            if (markup[i] == '{' && i + 1 < markup.Length && markup[i + 1] == '|')
            {
                int colon = markup.IndexOf(':', i + 2);
                if (colon < 0) throw new FormatException($"Markup '{{|' at {i} has no ':'.");
                open.Push((markup.Substring(i + 2, colon - i - 2), text.Length));
                i = colon;
            }
            else if (markup[i] == '|' && i + 1 < markup.Length && markup[i + 1] == '}' && open.Count > 0)
            {
                var (rule, start) = open.Pop();
                found.Add((rule, start, text.Length));
                i++;
            }
            else
            {
                text.Append(markup[i]);
            }
        }
        if (open.Count > 0) throw new FormatException("Unclosed markup span.");

        var source = new SourceText(file, text.ToString());
        var spans = found
            .Select(f => new Expected(file, f.Rule, source.Span(f.Start, f.End)))
            .OrderBy(e => e.Span.StartOffset).ThenBy(e => e.Rule, StringComparer.Ordinal)
            .ToArray();
        return new Markup(source.Text, spans);
    }

    public sealed record Expected(string File, string Rule, SourceSpan Span)
    {
        public override string ToString() =>
            $"{Rule} {File}:{Span.StartLine}:{Span.StartColumn}-{Span.EndLine}:{Span.EndColumn}";
    }
}
