using System.Text.Json.Nodes;
using InfraLint.Cli.Tests.Support;
using InfraLint.Tests;
using YamlDotNet.RepresentationModel;

namespace InfraLint.Cli.Tests;

/// <summary>
/// examples/kubernetes-org-scan as Kubernetes would run it, minus Kubernetes: the container command (scan-shard.sh from
/// the ConfigMap) runs once per completion index with <c>JOB_COMPLETION_INDEX</c> set, each "pod" with its own work
/// folder, cloning from local repositories, writing to the PostgreSQL server .ci/run starts; then the report of the
/// store equals the report of an unsharded scan of the same repositories.
/// </summary>
public sealed class OrgScanJobTests
{
    private static readonly string Example = Path.Combine(Repo.Root, "examples", "kubernetes-org-scan");

    [SkippableTheory]
    [InlineData(3)]
    [InlineData(4)]
    public void The_job_s_pods_record_the_scan_an_unsharded_scan_by_repository_records(int shards)
    {
        using var sharded = TestStore.Create("postgresql");
        using var unsharded = TestStore.Create("postgresql");
        using var dir = new TempDir();
        var urls = Remotes(dir);
        var list = dir.Write("repositories.txt", "# the organisation\n" + string.Join('\n', urls) + "\n\n");
        var script = dir.Write("scan-shard.sh", ScriptFromConfigMap());
        // The Job's completions and SHARDS agree in the example, as they must here.
        Assert.Contains("completions: 4", File.ReadAllText(Path.Combine(Example, "job.yaml")));

        var cloned = new List<string>();
        for (int k = 0; k < shards; k++)
        {
            var work = Path.Combine(dir.Path, $"pod-{k}");
            var run = ChildProcess.TryRun("sh", dir.Path, TimeSpan.FromMinutes(5), new Dictionary<string, string>
            {
                ["JOB_COMPLETION_INDEX"] = k.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["SHARDS"] = shards.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["SCAN_ID"] = "0b7c2a9e-5d1f-4c8e-9a63-2f4e8d1b7c55",
                ["INFRALINT_STORE"] = sharded.Spec,
                ["REPOSITORIES"] = list,
                ["WORK_DIR"] = work,
                ["INFRALINT"] = $"dotnet {PublishedTool.Dll}",
            }, script) ?? throw new SkipException("sh is not installed.");
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains($"recorded scan 0b7c2a9e-5d1f-4c8e-9a63-2f4e8d1b7c55 shard {k}/{shards}", run.Error);
            // Each pod cloned its share and nothing else.
            var share = File.ReadAllLines(Path.Combine(work, "share.txt"));
            var clones = Directory.GetDirectories(Path.Combine(work, "repos")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(share.Select(Cli.RepositoryScan.NameOf).Order(StringComparer.Ordinal), clones);
            cloned.AddRange(clones!);
        }
        Assert.Equal(new[] { "checkout", "gpu-cluster", "inference", "training", "web-shop" }, cloned.Order(StringComparer.Ordinal));

        // The whole organisation in one process, every repository cloned the same way.
        var all = Path.Combine(dir.Path, "all");
        Directory.CreateDirectory(all);
        foreach (var url in urls) GitRepo.Run(all, "clone", "--quiet", url, Cli.RepositoryScan.NameOf(url));
        var whole = CliRunner.Run(all, new[] { "scan", "--shard-by", "repository", "--store", unsharded.Spec, "--scan-id", "whole", "--format", "json", "--fail-on", "none" }
            .Concat(urls.Select(Cli.RepositoryScan.NameOf)).ToArray());
        Assert.True(whole.ExitCode == 0, whole.ToString());

        var fromShards = Report(sharded, "0b7c2a9e-5d1f-4c8e-9a63-2f4e8d1b7c55", shards);
        var fromWhole = Report(unsharded, "whole", 1);

        Assert.Equal(fromWhole, fromShards);
        var report = JsonNode.Parse(fromShards)!;
        Assert.Equal(5, report["repositories"]!.AsArray().Count);
        Assert.True((int)report["totals"]!["findings"]! >= 15, fromShards[..Math.Min(2000, fromShards.Length)]);
        Assert.Equal(1, (int)report["history"]!["completeScans"]!);
        // Two repositories deploy to the namespace serving; each is judged alone: IL1005 fires in inference (its
        // autoscaler is in gpu-cluster, another repository).
        Assert.Contains(report["findings"]!.AsArray(), f => (string)f!["repository"]! == "inference" && (string)f["ruleId"]! == "IL1005" && (string)f["file"]! == "deploy.yaml" && (int)f["line"]! == 7);
    }

    [Fact]
    public void The_job_runs_the_configmap_s_script_with_the_job_s_uid_as_scan_id()
    {
        var job = File.ReadAllText(Path.Combine(Example, "job.yaml"));

        Assert.Contains("completionMode: Indexed", job);
        Assert.Contains("command: [\"/bin/sh\", \"/etc/infralint-org-scan/scan-shard.sh\"]", job);
        Assert.Contains("fieldPath: metadata.labels['batch.kubernetes.io/controller-uid']", job);
        Assert.Contains("scan --shard \"$shard\" --shard-by repository --store \"$INFRALINT_STORE\" --scan-id \"$SCAN_ID\"", ScriptFromConfigMap());
    }

    [Fact]
    public void The_example_manifests_pass_infralint_s_own_scan_with_nothing_to_report()
    {
        var run = CliRunner.Run(Repo.Root, "scan", "examples/kubernetes-org-scan", "examples/github-actions/org-scan.yml", "--rule-set", "all", "--format", "json", "--fail-on", "note");

        Assert.True(run.ExitCode == 0, run.ToString());
        var report = JsonNode.Parse(run.Out)!;
        Assert.Empty(report["findings"]!.AsArray());
        Assert.Equal(3, (int)report["filesScanned"]!);
    }

    /// <summary>The report JSON of a scan in a store, with what differs between two runs of the same scan left out: the times and the scan's id.</summary>
    private static string Report(TestStore store, string scanId, int shards)
    {
        var run = CliRunner.Run(Repo.Root, new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = "1764460800" }, terminal: false,
            "report", "--store", store.Spec, "--scan-id", scanId, "--wait-for-shards", shards.ToString(System.Globalization.CultureInfo.InvariantCulture), "--timeout", "1m", "--format", "json");
        Assert.True(run.ExitCode == 0, run.ToString());
        var report = JsonNode.Parse(run.Out)!.AsObject();
        var history = report["history"]!.AsObject();
        history["scanId"] = "(scan)";
        history["store"] = "(store)";
        foreach (var week in history["openPerWeek"]!.AsArray()) week!["week"] = "(week)";
        foreach (var finding in history["findings"]!.AsArray())
        {
            finding!["firstSeen"] = "(scan time)";
            finding["lastSeen"] = "(scan time)";
        }
        foreach (var repository in report["repositories"]!.AsArray()) repository!["location"] = "(scan)";
        return report.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>scan-shard.sh as the Job mounts it: the ConfigMap's data.</summary>
    private static string ScriptFromConfigMap()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(Example, "configmap.yaml"))) yaml.Load(reader);
        var data = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["data"];
        return ((YamlScalarNode)data["scan-shard.sh"]).Value!;
    }

    /// <summary>
    /// Five repositories to clone, as bare repositories (<c>NAME.git</c>, as a git host serves them) and by file URL:
    /// inference (a GPU Deployment in namespace serving), gpu-cluster (the autoscaler for it, same namespace), training,
    /// checkout and web-shop (copies of examples/kubernetes files).
    /// </summary>
    private static string[] Remotes(TempDir dir)
    {
        var sources = Path.Combine(dir.Path, "sources");
        void Source(string name, string file, string text) => dir.Write(Path.Combine("sources", name, file), text);
        Source("inference", "deploy.yaml", ContextRepo.Deployment);
        Source("inference", ".infralint.yaml", ContextRepo.Config);
        Source("gpu-cluster", "autoscaling/hpa.yaml", ContextRepo.Autoscaler);
        Source("gpu-cluster", ".infralint.yaml", ContextRepo.Config);
        var examples = Path.Combine(Repo.Root, "examples", "kubernetes");
        Source("training", "jobs.yaml", File.ReadAllText(Path.Combine(examples, "training-job.yaml")));
        Source("checkout", "k8s/serving.yaml", File.ReadAllText(Path.Combine(examples, "llm-serving.yaml")));
        Source("web-shop", "k8s/public.yaml", File.ReadAllText(Path.Combine(examples, "llm-serving-public.yaml")));
        var urls = new List<string>();
        foreach (var name in new[] { "inference", "gpu-cluster", "training", "checkout", "web-shop" })
        {
            GitRepo.Init(Path.Combine(sources, name));
            var bare = Path.Combine(dir.Path, "remotes", name + ".git");
            Directory.CreateDirectory(Path.GetDirectoryName(bare)!);
            GitRepo.Run(dir.Path, "clone", "--quiet", "--bare", Path.Combine(sources, name), bare);
            urls.Add(new Uri(bare).AbsoluteUri);
        }
        return urls.ToArray();
    }
}
