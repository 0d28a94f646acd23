using InfraLint.Core.Facts;
using InfraLint.Core.Locations;
using InfraLint.Core.Scanning;
using InfraLint.Core.Tree;

namespace InfraLint.CSharp.Tests;

public sealed class CSharpAdapterTests
{
    private const string Pod = "using k8s.Models;\nvar p = new V1Pod { Metadata = new V1ObjectMeta { Name = \"p\" } };\n";

    [Theory]
    [InlineData("Infra.cs", true)]
    [InlineData("src/INFRA.CS", true)]
    [InlineData("deploy.yaml", false)]
    [InlineData("Infra.csx", false)]
    public void Accepts_cs_files(string path, bool accepted) =>
        Assert.Equal(accepted, new CSharpAdapter(Array.Empty<Func<TreeMapping, SourceText, IEnumerable<object>?>>()).Accepts(path));

    [Fact]
    public void Each_root_goes_to_the_first_reader_that_takes_it()
    {
        var seen = new List<string?>();
        var adapter = new CSharpAdapter(new Func<TreeMapping, SourceText, IEnumerable<object>?>[]
        {
            (root, _) => null,
            (root, _) => { seen.Add(root.Str("kind")); return new object[] { root.Map("metadata").Str("name")! }; },
        });
        var result = adapter.Read(new SourceText("Infra.cs", Pod));
        Assert.Equal(new[] { "Pod" }, seen);
        Assert.Equal(new object[] { "p" }, result.Facts);
    }

    [Fact]
    public void A_file_that_does_not_mention_k8s_is_not_parsed()
    {
        var adapter = new CSharpAdapter(new Func<TreeMapping, SourceText, IEnumerable<object>?>[] { (_, _) => throw new InvalidOperationException("read") });
        Assert.Same(AdapterResult.Empty, adapter.Read(new SourceText("Infra.cs", Pod.Replace("k8s.Models", "Mine", StringComparison.Ordinal))));
    }

    [Fact]
    public void Brackets_nested_past_the_limit_are_a_parse_failure_at_the_first_too_deep_one_not_minutes_of_parsing()
    {
        var adapter = new CSharpAdapter(new Func<TreeMapping, SourceText, IEnumerable<object>?>[] { (_, _) => throw new InvalidOperationException("never read") });
        string text = "using k8s.Models;\nvar x = " + new string('[', 20_000) + new string(']', 20_000) + ";\n";

        var failure = Assert.IsType<ParseFailure>(Assert.Single(adapter.Read(new SourceText("Deep.cs", text)).Facts));

        Assert.Equal((2, 9 + CSharpAdapter.MaxNesting), (failure.Span.StartLine, failure.Span.StartColumn));
        Assert.StartsWith($"Brackets nest deeper than {CSharpAdapter.MaxNesting} levels here", failure.Message);
    }

    [Fact]
    public void A_reader_that_throws_is_a_parse_failure_at_the_object_not_an_exception()
    {
        var adapter = new CSharpAdapter(new Func<TreeMapping, SourceText, IEnumerable<object>?>[] { (_, _) => throw new InvalidOperationException("boom") });
        var failure = Assert.IsType<ParseFailure>(Assert.Single(adapter.Read(new SourceText("Infra.cs", Pod)).Facts));
        Assert.Equal(2, failure.Span.StartLine);
        Assert.Equal(9, failure.Span.StartColumn);
    }
}
