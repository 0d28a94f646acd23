using InfraLint.Core.Facts;
using InfraLint.Core.Fixes;
using InfraLint.Core.Locations;

namespace InfraLint.Yaml.Tests;

internal static class AdapterHarness
{
    public static List<object> Facts(string yaml, string file = "test.yaml") =>
        new YamlAdapter().Read(new SourceText(file, yaml)).Facts.ToList();

    public static ComputeWorkload Workload(string yaml) => Facts(yaml).OfType<ComputeWorkload>().Single();

    /// <summary>Applies edits back to front so earlier offsets stay valid.</summary>
    public static string Apply(string text, IEnumerable<TextEdit> edits)
    {
        foreach (var edit in edits.OrderByDescending(e => e.Span.StartOffset))
            text = text.Substring(0, edit.Span.StartOffset) + edit.NewText + text.Substring(edit.Span.EndOffset);
        return text;
    }

    public static (int Line, int Column) Pos(SourceSpan span) => (span.StartLine, span.StartColumn);
}
