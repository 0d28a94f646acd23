using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using InfraLint.Core.Locations;
using InfraLint.Core.Scanning;
using InfraLint.Rules.Compute;
using InfraLint.Rules.Tests.Infrastructure;
using InfraLint.Yaml;
using NRules;
using NRules.Fluent;

namespace InfraLint.Rules.Tests.Scanning;

/// <summary>
/// What the built-in rules record as evaluated (the ground of "holds" for the auditors' report), and the capacity case
/// that IL1001–IL1003 share instead of each sizing the workload again.
/// </summary>
public sealed class EvaluationTests
{
    private const string TwoContainers = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: apps
        spec:
          template:
            spec:
              containers:
                - name: floating
                  image: nginx:latest
                - name: pinned
                  image: nginx:1.27.2
                - name: templated
                  image: "{{ .Values.image }}"
        """;

    /// <summary>Llama 3.1 8B on one H100 per replica, three replicas for 4 req/s: IL1001 and IL1003 both speak, IL1002 holds.</summary>
    private const string Oversized = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: chat-8b
          namespace: serving
          annotations:
            infralint.dev/model: llama-3.1-8b
            infralint.dev/peak-rps: "4"
            infralint.dev/p99-latency-ms: "20000"
        spec:
          replicas: 3
          template:
            spec:
              nodeSelector:
                node.kubernetes.io/instance-type: p5.48xlarge
              containers:
                - name: vllm
                  image: vllm/vllm-openai:v0.6.3
                  resources:
                    limits:
                      nvidia.com/gpu: 1
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: chat-70b
          namespace: serving
          annotations:
            infralint.dev/model: llama-3.1-70b
            infralint.dev/precision: fp8
            infralint.dev/peak-rps: "40"
            infralint.dev/p99-latency-ms: "20000"
        spec:
          replicas: 12
          template:
            spec:
              nodeSelector:
                nvidia.com/gpu.product: NVIDIA-H100-80GB-HBM3
              containers:
                - name: vllm
                  image: vllm/vllm-openai:v0.6.3
                  resources:
                    limits:
                      nvidia.com/gpu: 2
        """;

    [Fact]
    public void A_per_container_check_records_the_firing_and_the_holding_container_and_not_the_one_it_cannot_judge()
    {
        var result = Lint.Yaml(TwoContainers);

        var evaluated = result.Evaluations.Where(e => e.RuleId == "IL2011").ToArray();
        Assert.Equal(
            new[] { (10, 11, "Deployment/apps/web:spec.template.spec.containers[0]"), (12, 11, "Deployment/apps/web:spec.template.spec.containers[1]") },
            evaluated.Select(e => (e.Location.StartLine, e.Location.StartColumn, e.LogicalPath)));
        Assert.All(evaluated, e => Assert.Equal("Deployment/apps/web", e.ResourceId));
        Assert.Equal(new[] { ("IL2011", 11, 18) }, result.Of("IL2011").Positions());
    }

    /// <summary>A GPU training job that is neither privileged nor root and shares no host namespace, in a namespace with a policy.</summary>
    private const string Holding = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: trainer
          namespace: ml
        spec:
          template:
            spec:
              containers:
                - name: train
                  image: pytorch/pytorch:2.4.0
                  securityContext:
                    privileged: false
                    allowPrivilegeEscalation: false
                    runAsNonRoot: true
                  resources:
                    limits:
                      nvidia.com/gpu: 1
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: default-deny
          namespace: ml
        spec:
          podSelector: {}
        """;

    [Fact]
    public void Rules_that_once_matched_only_failures_record_what_holds()
    {
        var result = Lint.Yaml(Holding);

        (int, int, string?) At(string rule) => result.Evaluations.Where(e => e.RuleId == rule).Select(e => (e.Location.StartLine, e.Location.StartColumn, e.ResourceId)).Single();
        Assert.Equal((10, 11, "Deployment/ml/trainer"), At("IL2006"));
        Assert.Equal((10, 11, "Deployment/ml/trainer"), At("IL2007"));
        Assert.Equal((9, 7, "Deployment/ml/trainer"), At("IL2008"));
        // The namespace's policy is collected, not negated: the workload it covers is judged and holds.
        Assert.Equal((4, 9, "Deployment/ml/trainer"), At("IL2013"));
        Assert.DoesNotContain(result.Findings, f => f.RuleId is "IL2006" or "IL2007" or "IL2008" or "IL2013");
    }

    [Fact]
    public void A_control_with_nothing_of_its_kind_records_no_evaluation()
    {
        // A web server is no AI workload: IL2013 has nothing to judge, which is "not applicable", not "holds".
        var result = Lint.Yaml(TwoContainers);

        Assert.DoesNotContain(result.Evaluations, e => e.RuleId == "IL2013");
        Assert.Contains(result.Evaluations, e => e.RuleId == "IL2008");
    }

    [Fact]
    public void A_disabled_rule_records_nothing_in_the_scan()
    {
        var settings = new LintSettings
        {
            Rules = new Dictionary<string, RuleOverride>(StringComparer.OrdinalIgnoreCase) { ["IL2011"] = new RuleOverride(false, null) },
        };

        var result = Lint.Yaml(TwoContainers, settings: settings);

        Assert.DoesNotContain(result.Evaluations, e => e.RuleId == "IL2011");
        Assert.Equal(2, Lint.Yaml(TwoContainers).Evaluations.Count(e => e.RuleId == "IL2011"));
    }

    [Fact]
    public void Cloudformation_storage_is_recorded_by_the_checks_that_judge_it_and_a_companion_records_under_its_rule()
    {
        const string template = """
            Resources:
              Models:
                Type: AWS::S3::Bucket
              Shared:
                Type: AWS::EFS::FileSystem
                Properties:
                  PerformanceMode: generalPurpose
            """;

        var result = Lint.Yaml(template, "stack.yaml");

        // The bucket is encrypted by S3's default and holds IL2001; the file system is not and fails it.
        Assert.Equal(new[] { "Models", "Shared" }, result.Evaluations.Where(e => e.RuleId == "IL2001").Select(e => e.Resource!.Name));
        Assert.Equal(new[] { "Shared" }, result.Of("IL2001").Select(f => f.Subject!.Name));
        // Only the bucket can deny plaintext in a policy: IL2003.bucket records it under IL2003, the file system not at all.
        Assert.Equal(new[] { "Models" }, result.Evaluations.Where(e => e.RuleId == "IL2003").Select(e => e.Resource!.Name));
        Assert.Equal(new[] { "Models" }, result.Evaluations.Where(e => e.RuleId == "IL2012").Select(e => e.Resource!.Name));
        Assert.Empty(result.Of("IL2012"));
    }

    [Fact]
    public void Each_capacity_rule_records_the_workloads_it_judged_whatever_its_verdict()
    {
        var result = Lint.Yaml(Oversized);

        foreach (var id in new[] { "IL1001", "IL1002", "IL1003" })
        {
            Assert.Equal(
                new[] { "Deployment/serving/chat-8b", "Deployment/serving/chat-70b" },
                result.Evaluations.Where(e => e.RuleId == id).Select(e => e.ResourceId));
        }
        Assert.Equal(new[] { "chat-8b", "chat-70b" }, result.Of("IL1001").Select(f => f.Subject!.Name));
        Assert.Equal(new[] { "chat-8b" }, result.Of("IL1003").Select(f => f.Subject!.Name));
        Assert.Empty(result.Of("IL1002"));
    }

    [Fact]
    public void A_scan_that_records_no_evaluations_finds_the_same()
    {
        // Hosts whose output shows findings alone (JSON, the console) turn recording off: it must cost them no finding.
        var sources = new[] { new SourceText("holding.yaml", Holding), new SourceText("oversized.yaml", Oversized), new SourceText("web.yaml", TwoContainers) };
        var recording = new Scanner(Lint.Engine, new IAdapter[] { new YamlAdapter() }, Lint.AllRules).ScanTexts(sources);
        var silent = new Scanner(Lint.Engine, new IAdapter[] { new YamlAdapter() }, Lint.AllRules, options: new ScanOptions { RecordEvaluations = false }).ScanTexts(sources);

        Assert.Empty(silent.Evaluations);
        Assert.Contains(recording.Evaluations, e => e.RuleId == "IL2013" && e.Location.File == "holding.yaml" && e.Location.StartLine == 4 && e.Location.StartColumn == 9);
        static IEnumerable<(string, string, int, int, string)> Shown(ScanResult r) =>
            r.Findings.Select(f => (f.RuleId, f.Location.File, f.Location.StartLine, f.Location.StartColumn, f.Message));
        Assert.Equal(Shown(recording), Shown(silent));
        Assert.Equal(new[] { ("IL1003", "oversized.yaml", 14, 7) }, silent.Findings.Where(f => f.RuleId == "IL1003").Select(f => (f.RuleId, f.Location.File, f.Location.StartLine, f.Location.StartColumn)));
    }

    [Fact]
    public void The_sizing_model_runs_once_per_workload_for_all_three_capacity_rules()
    {
        var session = Sessions.Value.CreateSession();
        session.InsertAll(Facts(Oversized));
        session.Fire();

        var cases = session.Query<CapacityCase>().AsEnumerable().ToArray();
        Assert.Equal(new[] { "chat-8b", "chat-70b" }, cases.Select(c => c.Workload.Name).OrderByDescending(n => n));
        var findings = session.Query<Finding>().AsEnumerable().Where(f => f.RuleId is "IL1001" or "IL1003").ToArray();
        Assert.Equal(3, findings.Length);
        foreach (var capacity in cases)
        {
            // Every question the rules asked was answered once; asking again is answered from the case, not the model.
            int runs = capacity.SizingRuns;
            Assert.InRange(runs, 1, 4);
            capacity.AtProvisionedWidth();
            capacity.AtBestWidth();
            capacity.AcrossAccelerators();
            Assert.Equal(runs, capacity.SizingRuns);
        }
    }

    /// <summary>The rules compiled once for the session test, which needs the session's own facts (the engine hands out only findings).</summary>
    private static readonly Lazy<ISessionFactory> Sessions = new(() =>
    {
        var repository = new RuleRepository();
        repository.Load(spec => spec.From(RuleSet.Assembly));
        return repository.Compile();
    });

    /// <summary>The adapter's facts with their parts, as the engine inserts them.</summary>
    private static IEnumerable<object> Facts(string yaml)
    {
        yield return LintSettings.Default;
        foreach (var fact in new YamlAdapter().Read(new SourceText("test.yaml", yaml)).Facts)
        {
            yield return fact;
            if (fact is not ComputeWorkload workload) continue;
            foreach (var pod in workload.Pods)
            {
                yield return pod;
                foreach (var container in pod.Containers) yield return container;
            }
        }
    }
}
