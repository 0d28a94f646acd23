using InfraLint.Tests;
using InfraLint.Core.Facts;
using InfraLint.Core.Locations;

namespace InfraLint.Yaml.Tests;

public class ExamplesTests
{
    [Fact]
    public void Broken_example_fails_at_its_error_and_the_others_are_read()
    {
        string dir = Path.Combine(Repo.Root, "examples", "kubernetes");
        var adapter = new YamlAdapter();
        var failures = new List<ParseFailure>();
        int workloads = 0;
        foreach (var file in Directory.GetFiles(dir, "*.yaml"))
        {
            var facts = adapter.Read(new SourceText(Path.GetFileName(file), File.ReadAllText(file))).Facts;
            failures.AddRange(facts.OfType<ParseFailure>());
            workloads += facts.OfType<ComputeWorkload>().Count();
        }
        var failure = Assert.Single(failures);
        Assert.Equal(("broken.yaml", 5, 15), (failure.Span.File, failure.Span.StartLine, failure.Span.StartColumn));
        Assert.Equal(7, workloads);
    }
}
