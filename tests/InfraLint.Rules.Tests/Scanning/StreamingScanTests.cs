using InfraLint.Core.Facts;
using InfraLint.Core.Locations;
using InfraLint.Core.Scanning;
using InfraLint.Rules.Tests.Infrastructure;
using InfraLint.Yaml;

namespace InfraLint.Rules.Tests.Scanning;

/// <summary>
/// A streaming scan reads each file once for the partition and again for its scopes' sessions, keeping in memory only
/// what decides the partition. It must find what a scan holding every fact finds, and a file that reads differently the
/// second time must not be judged from two different texts.
/// </summary>
public sealed class StreamingScanTests
{
    private static readonly SourceText[] Sources =
    {
        // Read again: a Deployment whose autoscaler sits in another file and another directory.
        new("apps/serving.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: llm
              namespace: serving
            spec:
              replicas: 2
              template:
                spec:
                  containers:
                    - name: vllm
                      image: vllm/vllm-openai:latest
                      securityContext: { privileged: true }
                      resources:
                        limits: { nvidia.com/gpu: 1 }
            """),
        new("scaling/llm.yaml", """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: llm
              namespace: serving
            spec:
              scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: llm }
              minReplicas: 2
              maxReplicas: 8
            """),
        // Stays in memory: a suppression comment covers its own lines.
        new("apps/debug.yaml", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: debug
              namespace: tools
            spec:
              containers:
                - name: shell
                  image: busybox:1.36
                  # infralint-disable-next-line IL2006 -- node debugging pod
                  securityContext: { privileged: true }
            """),
        // Stays in memory: a profile in its own file describes the Deployment of another file.
        new("profiles/llm.yaml", """
            apiVersion: infralint.dev/v1
            kind: AIWorkload
            metadata:
              name: llm
              namespace: serving
            spec:
              model: llama-3.1-8b
              targets:
                - kind: Deployment
                  name: llm
                  namespace: serving
            """),
    };

    private static Scanner NewScanner(int? streamAbove) =>
        new(Lint.Engine, new IAdapter[] { new YamlAdapter() }, Lint.AllRules, options: new ScanOptions { StreamAbove = streamAbove, MaxParallelism = 2 });

    private static ScanInput[] Inputs => Sources.Select(s => new ScanInput(s.Path, s.Path)).ToArray();

    private static string[] Describe(ScanResult result) =>
        result.Findings.Select(f => $"{f.RuleId} {f.Location.File}:{f.Location.StartLine}:{f.Location.StartColumn} {f.SubjectId} {f.Message} {f.Suppression?.Justification}").ToArray();

    [Fact]
    public void A_streaming_scan_finds_what_a_scan_holding_every_fact_finds()
    {
        var text = Sources.ToDictionary(s => s.Path);

        var held = NewScanner(streamAbove: null).Scan(Inputs, input => text[input.FullPath]);
        var streamed = NewScanner(streamAbove: 0).Scan(Inputs, input => text[input.FullPath]);

        Assert.Equal(Describe(held), Describe(streamed));
        Assert.Equal(held.Evaluations.Select(e => $"{e.RuleId} {e.Location} {e.ResourceId}"), streamed.Evaluations.Select(e => $"{e.RuleId} {e.Location} {e.ResourceId}"));
        Assert.Equal("read and adapt (2 files to read again)", streamed.Phases[0].Name);
        // The privileged container of the file read again, and the suppressed one of the file kept in memory.
        Assert.Equal(new[] { ("IL2006", 13, 42) }, streamed.Findings.Where(f => f.Location.File == "apps/serving.yaml" && f.RuleId == "IL2006").Select(f => (f.RuleId, f.Location.StartLine, f.Location.StartColumn)));
        var suppressed = Assert.Single(streamed.Findings, f => f.Location.File == "apps/debug.yaml" && f.RuleId == "IL2006");
        Assert.Equal(("node debugging pod", 11, 38), (suppressed.Suppression?.Justification, suppressed.Location.StartLine, suppressed.Location.StartColumn));
    }

    [Fact]
    public void A_findings_subject_read_again_is_let_go_and_its_id_kept()
    {
        var text = Sources.ToDictionary(s => s.Path);

        var streamed = NewScanner(streamAbove: 0).Scan(Inputs, input => text[input.FullPath]);

        var finding = streamed.Findings.First(f => f.Location.File == "apps/serving.yaml" && f.RuleId == "IL2006");
        Assert.Null(finding.Subject);
        Assert.Equal("Deployment/serving/llm", finding.SubjectId);
        // A file kept in memory keeps its subjects: its suppression directives may name them.
        Assert.NotNull(streamed.Findings.First(f => f.Location.File == "apps/debug.yaml").Subject);
    }

    [Fact]
    public void A_file_that_changes_between_the_two_reads_is_reported_and_not_judged()
    {
        var text = Sources.ToDictionary(s => s.Path);
        int reads = 0;
        SourceText Read(ScanInput input)
        {
            if (input.FullPath != "apps/serving.yaml" || Interlocked.Increment(ref reads) == 1) return text[input.FullPath];
            return new SourceText(input.FullPath, text[input.FullPath].Text.Replace("namespace: serving", "namespace: elsewhere", StringComparison.Ordinal));
        }

        var streamed = NewScanner(streamAbove: 0).Scan(Inputs, Read);

        var inChanged = streamed.Findings.Where(f => f.Location.File == "apps/serving.yaml").ToArray();
        var failure = Assert.Single(inChanged);
        Assert.Equal(("IL0001", 1, 1), (failure.RuleId, failure.Location.StartLine, failure.Location.StartColumn));
        Assert.Equal("The file changed while InfraLint read it; it was not checked. Scan again.", failure.Message);
        Assert.Contains(streamed.Findings, f => f.Location.File == "apps/debug.yaml" && f.RuleId == "IL2006");
    }

    [Fact]
    public void A_scan_of_fewer_files_than_the_threshold_holds_them_all()
    {
        var text = Sources.ToDictionary(s => s.Path);

        var result = NewScanner(streamAbove: Sources.Length).Scan(Inputs, input => text[input.FullPath]);

        Assert.Equal("read and adapt", result.Phases[0].Name);
        Assert.NotNull(result.Findings.First(f => f.Location.File == "apps/serving.yaml" && f.RuleId == "IL2006").Subject);
    }
}
