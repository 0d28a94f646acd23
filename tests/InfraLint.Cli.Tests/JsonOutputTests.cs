using System.Text;
using System.Text.Json;
using InfraLint.Cli.Output;
using static InfraLint.Cli.Output.JsonOutput;

namespace InfraLint.Cli.Tests;

/// <summary>
/// <c>--format json</c> writes each finding by hand for speed; the shape stays the serializer's, byte for byte, with
/// every part a finding can have (related locations, fixes of several edits, a suppression, properties) and text that
/// needs escaping, and with the parts it may lack (null baseline state, no suppression, empty lists and properties).
/// </summary>
public sealed class JsonOutputTests
{
    private static readonly JsonRegion At = new("k8s/a \"b\".yaml", 3, 5, 4, 1);

    public static TheoryData<string> Findings() => new() { "full", "bare" };

    [Theory]
    [MemberData(nameof(Findings))]
    public void A_finding_is_written_as_the_serializer_writes_it(string which)
    {
        var finding = which == "full"
            ? new JsonFinding(
                "IL2006", "error", "Privileged container", "Container 'app' runs privileged: \"true\" <script> & é \u2028 \t tab",
                "k8s/a \"b\".yaml", 3, 5, 4, 1, "Deployment/ns/app:spec.containers[0]", "0123456789abcdef0123456789abcdef:2", "new",
                new[] { new JsonRelated(At, "the pod's securityContext"), new JsonRelated(At with { StartLine = 9 }, "second") },
                new[]
                {
                    new JsonFix("Set privileged: false", new[] { new JsonEdit(At, 40, 4, "false"), new JsonEdit(At, 90, 0, "\n  securityContext:\n    privileged: false") }),
                    new JsonFix("Remove it", Array.Empty<JsonEdit>()),
                },
                new JsonSuppression("inline", "accepted \"risk\"", "2027-01-31"),
                new SortedDictionary<string, string>(StringComparer.Ordinal) { ["gpu"] = "A100", ["cost/month"] = "1,234 $", ["é"] = "\"q\"" })
            : new JsonFinding("IL0001", "warning", "t", "m", "f.yaml", 1, 1, 1, 1, "", "ff:1", null,
                Array.Empty<JsonRelated>(), Array.Empty<JsonFix>(), null, new SortedDictionary<string, string>(StringComparer.Ordinal));

        Assert.Equal(Write(json => JsonSerializer.Serialize(json, finding, Options)), Write(json => WriteFinding(json, finding)));
    }

    [Fact]
    public void The_tool_the_summary_and_the_notices_are_written_as_the_serializer_writes_them()
    {
        var tool = new JsonTool("InfraLint", "0.1.0", "0.1.0+abc \"q\"", "infralint/v2");
        var summary = new JsonSummary(16108, 6797, 9311, 0, 3, 12);
        var notices = new[] { "skipped: a \"FIFO\" é \u2028", "second" };

        Assert.Equal(Write(json => JsonSerializer.Serialize(json, tool, Options)), Write(json => WriteTool(json, tool)));
        Assert.Equal(Write(json => JsonSerializer.Serialize(json, summary, Options)), Write(json => WriteSummary(json, summary)));
        Assert.Equal(Write(json => JsonSerializer.Serialize(json, notices, Options)), Write(json => WriteNotices(json, notices)));
        Assert.Equal(Write(json => JsonSerializer.Serialize(json, Array.Empty<string>(), Options)), Write(json => WriteNotices(json, Array.Empty<string>())));
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = Options.Encoder }))
        {
            json.WriteStartArray();
            write(json);
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
