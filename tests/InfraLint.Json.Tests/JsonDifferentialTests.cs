using System.Text.Json;
using InfraLint.Core.Locations;
using InfraLint.Core.Tree;
using InfraLint.Json.Syntax;

namespace InfraLint.Json.Tests;

/// <summary>
/// System.Text.Json, configured as strictly (no comments, no trailing commas, the same depth limit), is the reference:
/// over thousands of one-character mutations of a template both must accept and reject the same texts and read the
/// same values, and the front end must never throw.
/// </summary>
public class JsonDifferentialTests
{
    private const string Seed = "{\n  \"AWSTemplateFormatVersion\": \"2010-09-09\",\n  \"Resources\": {\n    \"B\": {\"Type\": \"AWS::S3::Bucket\", \"Properties\": {\"N\": -12.5e+3, \"E\": [true, false, null, 0, \"caf\\u00e9\\n\\\"\"]}}\n  },\n  \"Outputs\": {\"é\": \"😀\", \"x\": []}\n}\n";

    private const string Alphabet = "{}[]:,\" \n\t\\/u0123456789.-+eEtrufalsn\u00e9\u0001x";

    private static readonly JsonDocumentOptions Strict = new() { MaxDepth = JsonTree.MaxDepth };

    [Fact]
    public void Accepts_and_reads_exactly_what_system_text_json_does()
    {
        var random = new Random(20240601);
        int accepted = 0, rejected = 0;
        for (int n = 0; n < 5000; n++)
        {
            string text = Mutate(Seed, random, 1 + random.Next(3));
            // A mutation that splits the emoji leaves text System.Text.Json cannot even transcode: nothing to compare.
            if (HasLoneSurrogate(text)) continue;
            var ours = JsonTree.Parse(new SourceText("m.json", text));
            JsonDocument? reference = null;
            try
            {
                reference = JsonDocument.Parse(text, Strict);
            }
            catch (JsonException)
            {
            }
            using (reference)
            {
                Assert.True(ours.Succeeded == (reference is not null), $"{(ours.Succeeded ? "accepted" : "rejected: " + ours.Failure)} but System.Text.Json did not:\n{text}");
                if (reference is null)
                {
                    rejected++;
                    continue;
                }
                accepted++;
                if (!HasDuplicateKeys(reference.RootElement)) Assert.Equal(Render(reference.RootElement), Render(ours.Root!));
            }
        }
        Assert.True(accepted > 100 && rejected > 100, $"{accepted} accepted, {rejected} rejected: the mutations do not exercise both sides.");
    }

    private static string Mutate(string text, Random random, int times)
    {
        var chars = new System.Text.StringBuilder(text);
        for (int k = 0; k < times; k++)
        {
            int at = random.Next(chars.Length);
            switch (random.Next(3))
            {
                case 0: chars.Remove(at, 1); break;
                case 1: chars.Insert(at, Alphabet[random.Next(Alphabet.Length)]); break;
                default: chars[at] = Alphabet[random.Next(Alphabet.Length)]; break;
            }
        }
        return chars.ToString();
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) return true;
        }
        return false;
    }

    private static bool HasDuplicateKeys(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().GroupBy(p => p.Name).Any(g => g.Count() > 1) || element.EnumerateObject().Any(p => HasDuplicateKeys(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().Any(HasDuplicateKeys),
        _ => false,
    };

    private static string Render(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(",", element.EnumerateObject().Select(p => Str(p.Name) + ":" + Render(p.Value))) + "}",
        JsonValueKind.Array => "[" + string.Join(",", element.EnumerateArray().Select(Render)) + "]",
        JsonValueKind.String => Str(element.GetString()!),
        _ => element.GetRawText(),
    };

    private static string Render(TreeNode node) => node switch
    {
        TreeMapping m => "{" + string.Join(",", m.Entries.Select(e => Str(e.Key.Value!) + ":" + Render(e.Value))) + "}",
        TreeSequence s => "[" + string.Join(",", s.Items.Select(Render)) + "]",
        TreeScalar { IsPlain: true } p => p.Value!,
        TreeScalar q => Str(q.Value!),
        _ => "?",
    };

    private static string Str(string s) => "\"" + string.Concat(s.Select(c => c < ' ' || c == '"' || c == '\\' ? $"\\u{(int)c:x4}" : c.ToString())) + "\"";
}
