using InfraLint.Rules.Tests.Infrastructure;
using Xunit.Abstractions;

namespace InfraLint.Rules.Tests.Scratch;

public sealed class ScratchTests(ITestOutputHelper output)
{
    [Fact]
    public void Print()
    {
        var yaml = File.ReadAllText("/tmp/scratch.yaml");
        var result = Lint.Yaml(yaml);
        foreach (var f in result.Findings)
        {
            output.WriteLine(f.ToString());
            if (Environment.GetEnvironmentVariable("PROPS") == "1")
                foreach (var p in f.Properties) output.WriteLine($"    {p.Key} = {p.Value}");
            foreach (var fix in f.Fixes) output.WriteLine($"    FIX {fix.Description}: " + string.Join(" | ", fix.Edits.Select(e => $"{e.Span.StartLine}:{e.Span.StartColumn} '{e.NewText}'")));
        }
    }
}
