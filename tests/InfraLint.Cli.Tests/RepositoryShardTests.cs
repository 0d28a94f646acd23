using System.Text.Json;
using InfraLint.Cli.History;
using InfraLint.Cli.Tests.Support;
using InfraLint.Core.Scanning;
using InfraLint.Tests;

namespace InfraLint.Cli.Tests;

/// <summary>
/// <c>scan --shard K/N --shard-by repository</c> and <c>infralint shard</c>: the PATHs are grouped by git repository,
/// each repository is scanned on its own (a namespace two repositories share joins nothing between them), a shard reads
/// only its repositories, and the N shards together report exactly what the unsharded scan by repository reports.
/// </summary>
public sealed class RepositoryShardTests
{
    /// <summary>
    /// Five repositories under one folder: three share the Kubernetes namespace <c>serving</c> (a Deployment, the
    /// autoscaler for it, a privileged Pod), one is a copy of examples/kubernetes, and one is a plain folder outside git.
    /// IL1005 is on (.infralint.yaml next to them, given with --config), so a join across repositories would show.
    /// </summary>
    private static string[] WriteRepositories(TempDir dir)
    {
        dir.Write("il1005.yaml", ContextRepo.Config);
        dir.Write("apps/deploy.yaml", ContextRepo.Deployment);
        dir.Write("autoscaling/hpa.yaml", ContextRepo.Autoscaler);
        dir.Write("debug/pods/debug-pod.yaml", ContextRepo.PrivilegedPod);
        GitRepo.CopyDirectory(Path.Combine(Repo.Root, "examples", "kubernetes"), Path.Combine(dir.Path, "platform-examples"));
        dir.Write("plain/serving.yaml", ContextRepo.Deployment.Replace("llama-server", "plain-server", StringComparison.Ordinal));
        foreach (var repository in new[] { "apps", "autoscaling", "debug", "platform-examples" })
            GitRepo.Init(Path.Combine(dir.Path, repository));
        // A PATH inside a repository belongs to it: debug is given by a subfolder.
        return new[] { "apps", "autoscaling", "debug/pods", "platform-examples", "plain" };
    }

    [SkippableTheory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void The_shards_by_repository_report_exactly_the_unsharded_scan_by_repository(int shards)
    {
        using var dir = new TempDir();
        var paths = WriteRepositories(dir);
        var args = paths.Concat(new[] { "--shard-by", "repository", "--config", "il1005.yaml", "--format", "json", "--fail-on", "none", "--rule-set", "all" }).Prepend("scan").ToArray();

        var whole = CliRunner.Run(dir.Path, args);
        Assert.True(whole.ExitCode == 0, whole.ToString());
        var (wholeFindings, wholeFiles) = Read(whole.Out);

        var union = new List<string>();
        int files = 0;
        for (int k = 0; k < shards; k++)
        {
            var part = CliRunner.Run(dir.Path, args.Concat(new[] { "--shard", $"{k}/{shards}" }).ToArray());
            Assert.True(part.ExitCode == 0, part.ToString());
            var (findings, scanned) = Read(part.Out);
            union.AddRange(findings);
            files += scanned;
            // A shard names only files of its own repositories: the folder name's hash mod N is K.
            var shard = new ScanShard(k, shards);
            Assert.All(findings, f => Assert.True(shard.Takes(RepositoryOf(f)), $"shard {k}/{shards} reported {f}"));
        }

        Assert.Equal(Sorted(wholeFindings), Sorted(union));
        // Every repository's files once across the shards: a shard that read another's would add to the sum.
        Assert.Equal(wholeFiles, files);
        Assert.True(wholeFindings.Count >= 60, $"expected at least 60 findings to compare, got {wholeFindings.Count}");
        // The autoscaler's repository has nothing to report on its own.
        Assert.Equal(new[] { "apps", "debug", "plain", "platform-examples" }, wholeFindings.Select(RepositoryOf).Distinct().Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public void A_namespace_two_repositories_share_joins_nothing_between_them()
    {
        using var dir = new TempDir();
        WriteRepositories(dir);

        // By scope, the autoscaler in one repository answers IL1005 for the Deployment in another: one namespace.
        var byScope = CliRunner.Run(dir.Path, "scan", "apps", "autoscaling", "--config", "il1005.yaml", "--format", "json", "--fail-on", "none");
        var byRepository = CliRunner.Run(dir.Path, "scan", "apps", "autoscaling", "--shard-by", "repository", "--config", "il1005.yaml", "--format", "json", "--fail-on", "none");

        Assert.True(byScope.ExitCode == 0, byScope.ToString());
        Assert.True(byRepository.ExitCode == 0, byRepository.ToString());
        Assert.DoesNotContain(Locations(byScope.Out), l => l.Rule == "IL1005");
        Assert.Equal(("apps/deploy.yaml", 7, 13, "IL1005"), Assert.Single(Locations(byRepository.Out), l => l.Rule == "IL1005"));
    }

    [SkippableFact]
    public void Infralint_shard_picks_from_a_list_of_urls_what_the_scan_of_their_clones_picks()
    {
        using var dir = new TempDir();
        var paths = WriteRepositories(dir);
        var list = string.Join('\n', new[]
        {
            "# the organisation's repositories",
            "https://github.com/acme/apps.git",
            "git@github.com:acme/autoscaling.git",
            "",
            "https://gitlab.example/acme/group/debug",
            "ssh://git@github.com/acme/platform-examples.git/",
            "plain",
        });
        const int shards = 3;

        var picked = new List<string>();
        for (int k = 0; k < shards; k++)
        {
            var run = CliRunner.RunWithInput(dir.Path, list, "shard", $"{k}/{shards}");
            Assert.True(run.ExitCode == 0, run.ToString());
            var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            picked.AddRange(lines);

            // The shard's scan of every clone reads and reports what a scan of just the picked ones does.
            var common = new[] { "--shard-by", "repository", "--format", "json", "--fail-on", "none" };
            var shard = Read(CliRunner.Run(dir.Path, paths.Concat(common).Concat(new[] { "--shard", $"{k}/{shards}" }).Prepend("scan").ToArray()).Out);
            var pickedPaths = lines.Select(RepositoryScan.NameOf).Select(name => paths.Single(p => p.Split('/')[0] == name)).ToArray();
            var alone = pickedPaths.Length == 0 ? (new List<string>(), 0) : Read(CliRunner.Run(dir.Path, pickedPaths.Concat(common).Prepend("scan").ToArray()).Out);
            Assert.Equal(Sorted(alone.Item1), Sorted(shard.Findings));
            Assert.Equal(alone.Item2, shard.FilesScanned);
        }

        // Each entry once, comments and blank lines dropped, in input order within a shard.
        Assert.Equal(5, picked.Count);
        Assert.Equal(list.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).Order(StringComparer.Ordinal), picked.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("https://github.com/acme/apps.git", "apps")]
    [InlineData("git@github.com:acme/apps.git", "apps")]
    [InlineData("git@github.com:apps.git", "apps")]
    [InlineData("/work/repos/apps/", "apps")]
    [InlineData("apps", "apps")]
    [InlineData("https://gitlab.example/acme/group/apps", "apps")]
    [InlineData("https://github.com/acme/.git", ".git")]
    public void A_repository_is_sharded_by_the_folder_git_clone_makes(string location, string name) =>
        Assert.Equal(name, RepositoryScan.NameOf(location));

    [Fact]
    public void Shard_by_repository_does_not_take_context()
    {
        var run = CliRunner.Run(Repo.Root, "scan", "examples/kubernetes/llm-serving.yaml", "--context", "examples", "--shard-by", "repository");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--shard-by repository", run.Error);
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgresql")]
    public void A_scan_by_repository_records_each_repository_with_its_own_fingerprints(string kind)
    {
        using var test = TestStore.Create(kind);
        using var dir = new TempDir();
        var paths = WriteRepositories(dir);
        const int shards = 3;
        for (int k = 0; k < shards; k++)
        {
            var run = CliRunner.Run(dir.Path, paths.Concat(new[] { "--shard", $"{k}/{shards}", "--shard-by", "repository", "--config", "il1005.yaml", "--format", "json", "--fail-on", "none", "--store", test.Spec, "--scan-id", "org-1" }).Prepend("scan").ToArray());
            Assert.True(run.ExitCode == 0, run.ToString());
        }

        using var store = test.Open();
        var scans = store.CompleteScans();
        Assert.Equal(new[] { "apps", "autoscaling", "debug", "plain", "platform-examples" }, scans.Select(s => s.Repository).Order(StringComparer.Ordinal));
        Assert.All(scans, s => Assert.Equal("org-1", s.ScanId));
        Assert.Equal(new ScanProgressRecord("org-1", 3, 3), store.Progress("org-1"));
        // Each repository's findings as a scan of that repository alone names and fingerprints them.
        foreach (var (repository, path) in new[] { ("apps", "apps"), ("plain", "plain"), ("platform-examples", "platform-examples") })
        {
            var alone = CliRunner.Run(Path.Combine(dir.Path, path), "scan", ".", "--config", "../il1005.yaml", "--format", "json", "--fail-on", "none");
            using var document = JsonDocument.Parse(alone.Out);
            var expected = document.RootElement.GetProperty("findings").EnumerateArray()
                .Select(f => $"{f.GetProperty("fingerprint").GetString()} {f.GetProperty("ruleId").GetString()} {f.GetProperty("file").GetString()}:{f.GetProperty("startLine").GetInt32()}:{f.GetProperty("startColumn").GetInt32()} {f.GetProperty("message").GetString()}");
            var stored = scans.Single(s => s.Repository == repository).Findings.Select(f => $"{f.Fingerprint} {f.RuleId} {f.File}:{f.Line}:{f.Column} {f.Message}");
            Assert.Equal(Sorted(expected), Sorted(stored));
        }
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgresql")]
    public void A_store_at_schema_1_keeps_its_scans_under_their_repository_after_migration_2(string kind)
    {
        using var test = TestStore.Create(kind);
        using (var connection = test.Connect())
        {
            void Execute(string sql)
            {
                using var command = connection.CreateCommand();
                command.CommandText = sql;
                command.ExecuteNonQuery();
            }
            // What InfraLint before migration 2 left: its schema and one complete scan of two shards.
            Execute("CREATE TABLE schema_version (version INTEGER NOT NULL PRIMARY KEY, applied_at BIGINT NOT NULL)");
            Execute(SqlHistoryStore.Migrations[0]);
            Execute("INSERT INTO schema_version VALUES (1, 0)");
            Execute("INSERT INTO scans VALUES ('old', 'github.com/acme/platform', 'abc', 'main', 1762074000000, '0.1.0', 'sha256:c', 'sha256:s', 2)");
            Execute("INSERT INTO scan_shards VALUES ('old', 0, 1762074000000, 1), ('old', 1, 1762074000000, 0)");
            Execute("INSERT INTO findings VALUES ('old', 0, 'f1:1', 'infralint/v2', 'IL2006', 'error', 'k8s/a.yaml', 12, 'Deployment/serving/a', 0)");
        }

        using var store = test.Open();

        Assert.Equal(2, store.SchemaVersion);
        var scan = Assert.Single(store.CompleteScans("github.com/acme/platform"));
        Assert.Equal(("old", "abc", "main"), (scan.ScanId, scan.Commit, scan.Branch));
        var finding = Assert.Single(scan.Findings);
        Assert.Equal(new FindingRecord("f1:1", "infralint/v2", "IL2006", "error", "k8s/a.yaml", 12, "Deployment/serving/a", false), finding);
        Assert.Equal(new ScanProgressRecord("old", 2, 2), store.Progress("old"));
        Assert.Null(store.Progress("never"));
    }

    private static string RepositoryOf(string finding)
    {
        using var document = JsonDocument.Parse(finding);
        return document.RootElement.GetProperty("file").GetString()!.Split('/')[0];
    }

    private static (List<string> Findings, int FilesScanned) Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return (document.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetRawText()).ToList(), document.RootElement.GetProperty("filesScanned").GetInt32());
    }

    private static IEnumerable<(string File, int Line, int Column, string Rule)> Locations(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => (f.GetProperty("file").GetString()!, f.GetProperty("startLine").GetInt32(), f.GetProperty("startColumn").GetInt32(), f.GetProperty("ruleId").GetString()!))
            .ToArray();
    }

    private static List<string> Sorted(IEnumerable<string> items) => items.OrderBy(s => s, StringComparer.Ordinal).ToList();
}
