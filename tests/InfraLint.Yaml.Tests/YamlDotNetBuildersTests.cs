using InfraLint.Core.Locations;
using InfraLint.Yaml.Parsing;
using YamlDotNet.RepresentationModel;

namespace InfraLint.Yaml.Tests;

public sealed class YamlDotNetBuildersTests
{
    /// <summary>
    /// The per-thread builders reach into members YamlDotNet keeps private; a version that moves them leaves its shared pool
    /// as it is, which is correct and slow. This says which, for the version the project pins.
    /// </summary>
    [Fact]
    public void The_pinned_YamlDotNet_gives_each_thread_its_own_builders()
    {
        Assert.True(YamlDotNetBuilders.PerThread);
    }

    [Fact]
    public void Files_read_on_several_threads_at_once_read_as_they_do_on_one()
    {
        // Every scalar style YamlDotNet builds text for, and a plain scalar longer than a builder the pool keeps (1,024 characters).
        var long1 = string.Concat(Enumerable.Repeat("weights-", 300));
        var texts = Enumerable.Range(0, 24).Select(i => $"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: "model-{i}\tserver"
              annotations: {'{'}note: 'it''s {i}', long: {long1}{i}{'}'}
            spec:
              template:
                spec:
                  containers:
                    - name: vllm-{i}
                      args: [--model, "meta/llama-{i}", --max-len, {i * 1024}]
                      command:
                        - |
                          python -m vllm.entrypoints \
                            --port {8000 + i}
                        - >
                          folded line {i}
                          continues here
            ---
            plain: {long1}{i}
            """).ToArray();
        var expected = texts.Select(Scalars).ToArray();

        var mismatches = 0;
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, worker =>
        {
            for (int round = 0; round < 20; round++)
                for (int i = 0; i < texts.Length; i++)
                    if (!Scalars(texts[(i + worker) % texts.Length]).SequenceEqual(expected[(i + worker) % texts.Length]))
                        Interlocked.Increment(ref mismatches);
        });

        Assert.Equal(0, mismatches);
        Assert.Contains(long1 + "3", expected[3]);
        Assert.Contains("python -m vllm.entrypoints \\\n  --port 8005\n", expected[5]);
    }

    private static string[] Scalars(string text)
    {
        var (documents, failures) = YamlDocumentLoader.Load(new SourceText("deploy.yaml", text));
        Assert.Empty(failures);
        return documents.SelectMany(d => d.AllNodes).OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToArray();
    }
}
