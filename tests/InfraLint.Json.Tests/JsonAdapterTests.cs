using InfraLint.Core.Facts;
using InfraLint.Core.Locations;
using InfraLint.Core.Tree;
using static InfraLint.Json.Tests.Json;

namespace InfraLint.Json.Tests;

public class JsonAdapterTests
{
    private const string ValidTemplate = """
        {
          "AWSTemplateFormatVersion": "2010-09-09",
          "Resources": {
            "Bucket": {"Type": "AWS::S3::Bucket"}
          }
        }
        """;

    private sealed class Recorder
    {
        public List<(TreeMapping Root, SourceText Source)> Calls { get; } = new();

        public Func<TreeMapping, SourceText, IEnumerable<object>?> Returns(IEnumerable<object>? facts) => (root, source) =>
        {
            Calls.Add((root, source));
            return facts;
        };
    }

    [Theory]
    [InlineData("template.json", true)]
    [InlineData("stacks/App.TEMPLATE", true)]
    [InlineData("package.JSON", true)]
    [InlineData("template.yaml", false)]
    [InlineData("template.jsonc", false)]
    public void Accepts_json_and_template_files(string path, bool accepted) =>
        Assert.Equal(accepted, new JsonAdapter([]).Accepts(path));

    [Theory]
    [InlineData("package.json", "{\n  \"name\": \"app\",\n  \"version\": \"1.0.0\",\n}")]
    [InlineData("tsconfig.json", "{\n  // comments are usual here\n  \"compilerOptions\": {}\n}")]
    [InlineData("data.json", "not json at all")]
    public void A_broken_json_file_that_is_not_a_template_reports_nothing_and_is_not_parsed(string path, string text)
    {
        var recorder = new Recorder();
        var result = new JsonAdapter([recorder.Returns(["fact"])]).Read(new SourceText(path, text));
        Assert.Empty(result.Facts);
        Assert.Empty(result.Suppressions);
        Assert.Empty(recorder.Calls);
        Assert.False(JsonAdapter.MayBeTemplate(new SourceText(path, text)));
    }

    [Fact]
    public void A_valid_json_file_without_template_keys_is_never_read()
    {
        var recorder = new Recorder();
        var result = new JsonAdapter([recorder.Returns(["fact"])]).Read(new SourceText("package.json", """{"name": "app", "dependencies": {}}"""));
        Assert.Empty(result.Facts);
        Assert.Empty(recorder.Calls);
    }

    [Fact]
    public void A_broken_template_file_is_a_parse_failure_at_the_error()
    {
        var result = new JsonAdapter([new Recorder().Returns(["fact"])]).Read(new SourceText("stacks/app.template", "{\n  \"Resources\": {\n    \"B\": {\"Type\": \"T\"},\n  }\n}"));
        var failure = Assert.IsType<ParseFailure>(Assert.Single(result.Facts));
        Assert.Equal(("stacks/app.template", 3, 23), (failure.Span.File, failure.Span.StartLine, failure.Span.StartColumn));
        Assert.Contains("trailing comma", failure.Message);
    }

    [Fact]
    public void A_broken_template_without_template_keys_is_still_reported_for_its_extension()
    {
        var failure = Assert.IsType<ParseFailure>(Assert.Single(new JsonAdapter([]).Read(new SourceText("app.template", "{\"Parameters\": {")).Facts));
        Assert.Equal((1, 17), Start(failure.Span));
    }

    [Theory]
    [InlineData("{\n  \"AWSTemplateFormatVersion\": \"2010-09-09\"\n  \"Resources\": {}\n}", 3, 3)]
    [InlineData("{\n  \"Resources\": {\n    \"B\": {\"Type\": 'T'}\n  }\n}", 3, 19)]
    public void A_broken_json_file_with_template_keys_is_a_parse_failure_at_the_error(string text, int line, int column)
    {
        var failure = Assert.IsType<ParseFailure>(Assert.Single(new JsonAdapter([]).Read(new SourceText("stack.json", text)).Facts));
        Assert.Equal((line, column), Start(failure.Span));
    }

    [Fact]
    public void Readers_get_the_root_mapping_and_the_first_non_null_answer_wins()
    {
        var recorder = new Recorder();
        var source = new SourceText("stack.json", ValidTemplate);
        var adapter = new JsonAdapter([recorder.Returns(null), recorder.Returns(["first", "second"]), recorder.Returns(["never"])]);

        var result = adapter.Read(source);

        Assert.Equal(["first", "second"], result.Facts);
        Assert.Equal(2, recorder.Calls.Count);
        var (root, seen) = recorder.Calls[1];
        Assert.Same(source, seen);
        Assert.Equal(string.Empty, root.Path);
        Assert.Equal("2010-09-09", root.Str("AWSTemplateFormatVersion"));
        Assert.Equal((4, 15), Start(root.Map("Resources").Map("Bucket")!.Span));
        Assert.NotNull(root.Map("Resources").Map("Bucket")!.EditAt("Properties", "BucketName"));
    }

    [Fact]
    public void A_valid_template_no_reader_recognises_reports_nothing()
    {
        Assert.Empty(new JsonAdapter([new Recorder().Returns(null)]).Read(new SourceText("stack.json", ValidTemplate)).Facts);
        Assert.Empty(new JsonAdapter([new Recorder().Returns(["x"])]).Read(new SourceText("list.template", "[1, 2]")).Facts);
    }

    [Fact]
    public void A_reader_that_throws_becomes_a_parse_failure_at_the_root()
    {
        static IEnumerable<object> Lazy()
        {
            yield return "partial";
            throw new InvalidOperationException("boom");
        }

        var failure = Assert.IsType<ParseFailure>(Assert.Single(new JsonAdapter([(_, _) => Lazy()]).Read(new SourceText("stack.json", ValidTemplate)).Facts));
        Assert.Equal((1, 1), Start(failure.Span));
        Assert.Contains("InvalidOperationException: boom", failure.Message);
        Assert.Contains("was not checked", failure.Message);
    }
}
