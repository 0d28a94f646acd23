using InfraLint.Core.Engine;
using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using InfraLint.Core.Locations;
using InfraLint.Core.Scanning;
using InfraLint.Rules.Tests.Infrastructure;
using InfraLint.Yaml;

namespace InfraLint.Rules.Tests.Scanning;

/// <summary>What an analyzer host calls: texts it already has, facts it already adapted, and a token to give up with.</summary>
public sealed class ScannerApiTests
{
    private static readonly SourceText[] Sources =
    {
        new("serving.yaml", """
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
                      # infralint-disable-next-line IL2006 -- needs the host's devices
                      securityContext: { privileged: true }
                      resources:
                        limits: { nvidia.com/gpu: 1 }
            """),
        new("scaling.yaml", """
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
    };

    private static readonly LintSettings Settings = new()
    {
        Rules = new Dictionary<string, RuleOverride>(StringComparer.OrdinalIgnoreCase)
        {
            ["IL2011"] = new RuleOverride(null, Severity.Error),
            ["IL3002"] = new RuleOverride(false, null),
        },
    };

    private static Scanner NewScanner() => new(Lint.Engine, new IAdapter[] { new YamlAdapter() }, Settings);

    private static CancellationToken Cancelled() => new(canceled: true);

    private static string[] Describe(ScanResult result) =>
        result.Findings.Select(f => $"{f.RuleId} {f.Severity} {f.Location} {f.Suppression?.Justification ?? "-"} {f.Message}").ToArray();

    [Fact]
    public void Evaluating_adapted_sources_gives_what_a_scan_of_their_texts_gives()
    {
        var scanner = NewScanner();
        var scanned = scanner.ScanTexts(Sources, CancellationToken.None);
        var evaluated = scanner.Evaluate(Sources.Select(scanner.Read).ToArray(), Sources.Select(s => s.Path).ToArray(), CancellationToken.None);

        Assert.Equal(Describe(scanned), Describe(evaluated));
        Assert.Equal(new[] { "serving.yaml", "scaling.yaml" }, evaluated.Files);
        // Settings, severities, suppressions and cross-file joins all took part, so the equality above says something.
        Assert.Equal(Severity.Error, Assert.Single(evaluated.Findings, f => f.RuleId == "IL2011").Severity);
        Assert.DoesNotContain(evaluated.Findings, f => f.RuleId == "IL3002");
        Assert.Equal("needs the host's devices", Assert.Single(evaluated.Findings, f => f.RuleId == "IL2006").Suppression?.Justification);
        Assert.DoesNotContain(evaluated.Findings, f => f.RuleId == "IL1005");
        Assert.Contains(Lint.Files(("serving.yaml", Sources[0].Text)).Findings, f => f.RuleId == "IL1005");
    }

    [Fact]
    public void An_already_cancelled_token_stops_every_entry_point()
    {
        var scanner = NewScanner();
        var adapted = Sources.Select(scanner.Read).ToArray();
        Assert.ThrowsAny<OperationCanceledException>(() => scanner.ScanTexts(Sources, Cancelled()));
        Assert.ThrowsAny<OperationCanceledException>(() => scanner.Evaluate(adapted, Sources.Select(s => s.Path).ToArray(), Cancelled()));
        Assert.ThrowsAny<OperationCanceledException>(() => scanner.Scan(
            Sources.Select(s => new ScanInput(s.Path, s.Path)).ToArray(), input => Sources.Single(s => s.Path == input.FullPath), Cancelled()));
        Assert.ThrowsAny<OperationCanceledException>(() => Lint.Engine.Evaluate(adapted.SelectMany(a => a.Facts), Settings, Cancelled()));
        Assert.ThrowsAny<OperationCanceledException>(() => new RuleEngine(new[] { RuleSet.Assembly }, Cancelled()));
    }

    [Fact]
    public void A_token_cancelled_after_evaluation_began_throws_rather_than_returning_what_fired_so_far()
    {
        using var source = new CancellationTokenSource();
        var facts = NewScanner().Read(Sources[0]).Facts;
        // The engine reads the facts after its first check of the token, so this cancels it mid-evaluation.
        var cancelling = facts.Select(f => { source.Cancel(); return f; });
        Assert.ThrowsAny<OperationCanceledException>(() => Lint.Engine.Evaluate(cancelling, Settings, source.Token));
    }

    [Fact]
    public void A_token_that_is_never_cancelled_changes_nothing()
    {
        using var source = new CancellationTokenSource();
        var scanner = NewScanner();
        Assert.Equal(Describe(scanner.ScanTexts(Sources)), Describe(scanner.ScanTexts(Sources, source.Token)));
    }

    /// <summary>Many namespaces, so a partitioned scan has many sessions to run side by side.</summary>
    private static SourceText[] ManyNamespaces() => Enumerable.Range(0, 40)
        .SelectMany(i => Sources.Select(s => new SourceText($"ns{i}/{s.Path}", s.Text.Replace("namespace: serving", $"namespace: team-{i}"))))
        .ToArray();

    [Fact]
    public void Sessions_run_side_by_side_find_what_one_at_a_time_finds()
    {
        var sources = ManyNamespaces();
        Scanner With(int parallelism) => new(Lint.Engine, new IAdapter[] { new YamlAdapter() }, Settings, options: new ScanOptions { MaxParallelism = parallelism });

        var sequential = With(1).ScanTexts(sources);
        var parallel = With(4).ScanTexts(sources);

        Assert.Equal(Describe(sequential), Describe(parallel));
        Assert.Equal(40, parallel.Findings.Count(f => f.RuleId == "IL2011"));
        Assert.Contains(parallel.Phases, p => p.Name.StartsWith("partition (41 scopes", StringComparison.Ordinal));
    }

    [Fact]
    public void A_cancelled_parallel_scan_throws_the_cancellation_not_an_aggregate()
    {
        var scanner = new Scanner(Lint.Engine, new IAdapter[] { new YamlAdapter() }, Settings, options: new ScanOptions { MaxParallelism = 4 });
        var sources = ManyNamespaces();
        var adapted = sources.Select(scanner.Read).ToArray();

        var thrown = Record.Exception(() => scanner.Evaluate(adapted, sources.Select(s => s.Path).ToArray(), Cancelled()));

        Assert.IsAssignableFrom<OperationCanceledException>(thrown);
    }
}
