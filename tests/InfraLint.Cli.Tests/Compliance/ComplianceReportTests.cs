using System.Globalization;
using System.Text.Json.Nodes;
using InfraLint.Cli.Compliance;
using InfraLint.Cli.Tests.Support;
using InfraLint.Tests;

namespace InfraLint.Cli.Tests.Compliance;

/// <summary>
/// <c>infralint report</c> end to end: a control's status in each repository with its evidence, waste counted once per
/// workload, SARIF of an earlier run read back, and each format's promises (schema, RFC 4180 and formula-safe CSV, a
/// Markdown size limit).
/// </summary>
public sealed class ComplianceReportTests
{
    /// <summary>A Deployment whose one container runs privileged (IL2006) as a non-root user, sharing no host namespace.</summary>
    internal const string Privileged = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: apps
        spec:
          template:
            spec:
              containers:
                - name: app
                  image: nginx:1.27.2
                  securityContext:
                    privileged: true
                    allowPrivilegeEscalation: false
                    runAsNonRoot: true
                    runAsUser: 1000
        """;

    /// <summary>Llama 3.1 8B on three H100s for 4 req/s: one GPU would do (IL1001), and a cheaper class would serve it (IL1003).</summary>
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
        """;

    private static readonly Dictionary<string, string> Epoch = new() { ["SOURCE_DATE_EPOCH"] = "1767225600" };

    internal static JsonObject Json(string dir, params string[] args)
    {
        var run = CliRunner.Run(dir, Epoch, terminal: false, new[] { "report" }.Concat(args).Concat(new[] { "--format", "json" }).ToArray());
        Assert.True(run.ExitCode == 0, run.ToString());
        return JsonNode.Parse(run.Out)!.AsObject();
    }

    private static JsonObject Cell(JsonObject report, string framework, string control, string repository) =>
        report["frameworks"]!.AsArray().Single(f => (string)f!["key"]! == framework)!["controls"]!.AsArray()
            .Single(c => (string)c!["control"]! == control)!["repositories"]!.AsArray()
            .Single(r => (string)r!["repository"]! == repository)!.AsObject();

    private static (string Kind, string File, int Line, string Rule, string? Resource) Evidence(JsonNode e) =>
        ((string)e["kind"]!, (string)e["file"]!, (int)e["line"]!, (string)e["ruleId"]!, (string?)e["resource"]);

    [Fact]
    public void A_control_fails_holds_is_waived_not_applicable_or_not_evaluated_per_repository_with_its_evidence()
    {
        using var dir = new TempDir();
        dir.Write("apps/web.yaml", Privileged);
        dir.Write("waived/web.yaml", Privileged.Replace(
            "            privileged: true",
            "            # infralint-disable-next-line IL2006 -- needs the GPU device plugin until the CDI migration\n            privileged: true",
            StringComparison.Ordinal));
        dir.Write("off/web.yaml", Privileged);
        dir.Write("off/.infralint.yaml", "rules:\n  IL2006: off\n");

        var report = Json(dir.Path, "apps", "waived", "off", "--framework", "cis-k8s");

        var finding = report["findings"]!.AsArray().Single(f => (string)f!["repository"]! == "apps" && (string)f["ruleId"]! == "IL2006")!;
        Assert.Equal((13, 25), ((int)finding["line"]!, (int)finding["column"]!));

        // 5.2.2 (privileged containers, IL2006): an open finding fails it, a waived one waives it, a disabled rule says nothing.
        var fails = Cell(report, "cis-k8s", "5.2.2", "apps");
        Assert.Equal("fails", (string)fails["status"]!);
        Assert.Equal(new[] { ("finding", "web.yaml", 13, "IL2006", (string?)"Deployment/apps/web") }, fails["evidence"]!.AsArray().Select(e => Evidence(e!)));
        Assert.Equal((string)finding["fingerprint"]!, (string)fails["evidence"]![0]!["fingerprint"]!);

        var waived = Cell(report, "cis-k8s", "5.2.2", "waived");
        Assert.Equal("waived", (string)waived["status"]!);
        Assert.Equal(new[] { ("waived", "web.yaml", 14, "IL2006", (string?)"Deployment/apps/web") }, waived["evidence"]!.AsArray().Select(e => Evidence(e!)));
        var waiver = report["findings"]!.AsArray().Single(f => (string)f!["repository"]! == "waived" && (string)f["ruleId"]! == "IL2006")!["waiver"]!;
        Assert.Equal("needs the GPU device plugin until the CDI migration", (string)waiver["justification"]!);

        var off = Cell(report, "cis-k8s", "5.2.2", "off");
        Assert.Equal("not-evaluated", (string)off["status"]!);
        Assert.Equal(new[] { "IL2006" }, off["rulesNotRun"]!.AsArray().Select(r => (string)r!));

        // 5.2.5 (host network, IL2008): the pod template was judged and shares nothing, so it holds, with the template as evidence.
        var holds = Cell(report, "cis-k8s", "5.2.5", "apps");
        Assert.Equal("holds", (string)holds["status"]!);
        Assert.Equal(new[] { ("evaluated", "web.yaml", 9, "IL2008", (string?)"Deployment/apps/web") }, holds["evidence"]!.AsArray().Select(e => Evidence(e!)));

        // 5.3.2 (network policies, IL2013) looks at AI workloads only: a web server gives it nothing to judge.
        var notApplicable = Cell(report, "cis-k8s", "5.3.2", "apps");
        Assert.Equal("not-applicable", (string)notApplicable["status"]!);
        Assert.Empty(notApplicable["evidence"]!.AsArray());
        Assert.Equal(0, (int)notApplicable["evaluated"]!);

        var totals = report["totals"]!;
        Assert.Equal(3, (int)totals["repositories"]!);
        Assert.Equal(1, (int)totals["waived"]!);
    }

    [Fact]
    public void A_workload_both_IL1001_and_IL1003_speak_about_is_counted_once_for_what_the_move_saves()
    {
        using var dir = new TempDir();
        dir.Write("serving.yaml", Oversized);

        var report = Json(dir.Path, ".");

        var findings = report["findings"]!.AsArray().Where(f => (string)f!["ruleId"]! is "IL1001" or "IL1003").ToDictionary(f => (string)f!["ruleId"]!, f => f!["properties"]!);
        Assert.Equal(new[] { "IL1001", "IL1003" }, findings.Keys.Order());
        double P(string rule, string key) => double.Parse((string)findings[rule][key]!, CultureInfo.InvariantCulture);

        var money = report["money"]!.AsArray().Single()!;
        var workload = money["workloads"]!.AsArray().Single()!;
        Assert.Equal("Deployment/serving/chat-8b", (string)workload["workload"]!);
        Assert.Equal(2, workload["fingerprints"]!.AsArray().Count);

        // IL1003 prices the one GPU the model needs, not the three provisioned: its saving is on what remains after
        // IL1001's two idle GPUs, so the sum is exactly what moving from 3 × H100 to the cheaper class saves.
        double perGpu = P("IL1003", "currentMonthlyCostUsd") / P("IL1003", "gpusNeeded");
        double provisioned = P("IL1001", "gpusProvisioned") * perGpu;
        double move = provisioned - P("IL1003", "alternativeMonthlyCostUsd");
        Assert.Equal(P("IL1001", "excessMonthlyCostUsd"), (double)workload["overProvisionedMonthlyUsd"]!, 2);
        Assert.Equal(P("IL1003", "monthlySavingUsd"), (double)workload["cheaperClassMonthlyUsd"]!, 2);
        Assert.Equal(move, (double)workload["monthlyUsd"]!, 2);
        Assert.Equal(move, (double)money["wasteMonthlyUsd"]!, 2);
        Assert.Equal(move, (double)report["totals"]!["wasteMonthlyUsd"]!, 2);
        Assert.True(move < P("IL1001", "excessMonthlyCostUsd") + P("IL1003", "currentMonthlyCostUsd") * P("IL1001", "gpusProvisioned"), "IL1003 priced on the provisioned GPUs would count the idle ones twice.");
    }

    /// <summary>
    /// The fields of a report that name where its evidence came from, and only those, differ between a report of a scan
    /// and the report of that scan's SARIF: each repository's location (folder or SARIF file) and source ("scan" or
    /// "sarif"), and the repository's name, which a SARIF takes from its provenance or file name (docs/report.md).
    /// </summary>
    private static JsonObject WithoutSource(JsonObject report, string name, string asName)
    {
        var copy = JsonNode.Parse(report.ToJsonString())!.AsObject();
        foreach (var repository in copy["repositories"]!.AsArray())
        {
            repository!.AsObject().Remove("location");
            repository.AsObject().Remove("source");
        }
        Rename(copy, name, asName);
        return copy;
    }

    /// <summary>The repository's name as the value of a <c>repository</c> or <c>name</c>, and as a key of <c>findingsBy.repository</c>.</summary>
    private static void Rename(JsonNode? node, string name, string asName)
    {
        if (node is JsonArray array)
        {
            foreach (var item in array) Rename(item, name, asName);
        }
        else if (node is JsonObject obj)
        {
            foreach (var (key, value) in obj.ToArray())
            {
                if (key is "repository" or "name" && value is JsonValue v && v.TryGetValue<string>(out var text) && text == name) obj[key] = asName;
                else Rename(value, name, asName);
            }
        }
    }

    private static void AssertSameReport(JsonObject scanned, JsonObject fromSarif)
    {
        var names = scanned["repositories"]!.AsArray().Select(r => (string)r!["name"]!).ToArray();
        var sarifNames = fromSarif["repositories"]!.AsArray().Select(r => (string)r!["name"]!).ToArray();
        Assert.Equal(names.Length, sarifNames.Length);
        Assert.All(fromSarif["repositories"]!.AsArray(), r => Assert.True((bool)r!["evaluationsRecorded"]!));
        var expected = WithoutSource(scanned, "", "");
        var actual = fromSarif;
        for (int i = 0; i < names.Length; i++) actual = WithoutSource(actual, sarifNames[i], names[i]);
        var byRepository = actual["findingsBy"]!["repository"]!.AsObject();
        foreach (var (name, asName) in sarifNames.Zip(names).Where(p => p.First != p.Second).ToArray())
        {
            var count = byRepository[name];
            byRepository.Remove(name);
            byRepository[asName] = count?.DeepClone();
        }
        // Totals and per-framework statuses first, so a difference is named where it is; then everything else.
        Assert.Equal(expected["totals"]!.ToJsonString(), actual["totals"]!.ToJsonString());
        foreach (var (e, a) in expected["frameworks"]!.AsArray().Zip(actual["frameworks"]!.AsArray()))
            Assert.Equal(e!.ToJsonString(), a!.ToJsonString());
        Assert.Equal(expected.ToJsonString(), actual.ToJsonString());
    }

    /// <summary>
    /// <c>report --from-sarif</c> on the SARIF of a scan is the report of that scan: SARIF carries what failed and what
    /// was waived, and InfraLint's <c>infralint/evaluations</c> run property what held and which rules ran. The scan runs
    /// from the repository root, as <c>report PATH</c>'s does (a CloudFormation resource's name contains its file's path as given).
    /// </summary>
    [SkippableTheory]
    [InlineData("examples")]
    [InlineData("corpus")]
    public void The_report_of_a_scans_SARIF_is_the_report_of_the_scan(string target)
    {
        var path = target == "corpus" ? Repo.RequireSharedCorpus() : Repo.Examples;
        Skip.IfNot(Directory.Exists(path), $"{path} is not there.");
        using var dir = new TempDir();
        var scanned = Json(Repo.Root, path, "--framework", "all");
        var root = (string)scanned["repositories"]![0]!["location"]!;
        var sarif = Path.Combine(dir.Path, "scan.sarif");
        var scan = CliRunner.Run(root, "scan", CliEnvironment.Slashes(Path.GetRelativePath(root, path)), "--format", "sarif", "--output", sarif, "--fail-on", "none");
        Assert.True(scan.ExitCode == 0, scan.ToString());

        var fromSarif = Json(dir.Path, "--from-sarif", "scan.sarif", "--framework", "all");

        Assert.True((int)scanned["totals"]!["findings"]! > 100);
        Assert.True((int)scanned["totals"]!["controlsNotApplicable"]! > 0);
        AssertSameReport(scanned, fromSarif);
    }

    /// <summary>Every status a scan can give (fails, waived with its expiry, holds, not applicable, not evaluated) comes back from three repositories' SARIF.</summary>
    [Fact]
    public void Sarif_of_earlier_runs_gives_every_status_their_scans_gave()
    {
        using var dir = new TempDir();
        WriteThreeRepositories(dir);
        foreach (var name in new[] { "apps", "waived", "off" })
        {
            var scan = CliRunner.Run(Path.Combine(dir.Path, name), "scan", ".", "--format", "sarif", "--output", Path.Combine(dir.Path, name + ".sarif"), "--fail-on", "none");
            Assert.True(scan.ExitCode == 0, scan.ToString());
        }

        var scanned = Json(dir.Path, "apps", "waived", "off", "--framework", "cis-k8s");
        var fromSarif = Json(dir.Path, "--from-sarif", "apps.sarif", "waived.sarif", "off.sarif", "--framework", "cis-k8s");

        Assert.Equal(
            new[] { ("apps", "fails"), ("waived", "waived"), ("off", "not-evaluated") },
            new[] { "apps", "waived", "off" }.Select(r => (r, (string)Cell(fromSarif, "cis-k8s", "5.2.2", r)["status"]!)));
        Assert.Equal("holds", (string)Cell(fromSarif, "cis-k8s", "5.2.5", "apps")["status"]!);
        Assert.Equal("not-applicable", (string)Cell(fromSarif, "cis-k8s", "5.3.2", "apps")["status"]!);
        var waiver = fromSarif["findings"]!.AsArray().Single(f => (string)f!["repository"]! == "waived" && (string)f["ruleId"]! == "IL2006")!["waiver"]!;
        Assert.Equal(("inSource", "needs the GPU device plugin", "2099-12-31"), ((string)waiver["kind"]!, (string)waiver["justification"]!, (string)waiver["expires"]!));
        AssertSameReport(scanned, fromSarif);
    }

    private static void WriteThreeRepositories(TempDir dir)
    {
        dir.Write("apps/web.yaml", Privileged);
        dir.Write("waived/web.yaml", Privileged.Replace(
            "            privileged: true",
            "            # infralint-disable-next-line IL2006 -- needs the GPU device plugin (until 2099-12-31)\n            privileged: true",
            StringComparison.Ordinal));
        dir.Write("off/web.yaml", Privileged);
        dir.Write("off/.infralint.yaml", "rules:\n  IL2006: off\n");
    }

    /// <summary>Shards of one scan, merged (<c>infralint merge</c>), report as the whole scan does: merge unites what each shard evaluated.</summary>
    [Fact]
    public void Merged_shards_report_as_the_whole_scan()
    {
        using var dir = new TempDir();
        var files = new List<string>();
        for (int k = 0; k < 2; k++)
        {
            var shard = Path.Combine(dir.Path, $"shard{k}.sarif");
            var run = CliRunner.Run(Repo.Root, "scan", "examples/kubernetes", "examples/cloudformation", "--shard", $"{k}/2", "--format", "sarif", "--output", shard, "--fail-on", "none");
            Assert.True(run.ExitCode == 0, run.ToString());
            files.Add(shard);
        }
        var merge = CliRunner.Run(dir.Path, new[] { "merge" }.Concat(files).Concat(new[] { "--output", "merged.sarif" }).ToArray());
        Assert.True(merge.ExitCode == 0, merge.ToString());

        var scanned = Json(Repo.Root, "examples/kubernetes", "examples/cloudformation", "--framework", "all");
        var fromSarif = Json(dir.Path, "--from-sarif", "merged.sarif", "--framework", "all");

        Assert.True((int)scanned["totals"]!["controlsHolding"]! + (int)scanned["totals"]!["controlsNotApplicable"]! > 0);
        AssertSameReport(scanned, fromSarif);
    }

    /// <summary>
    /// A SARIF without what its rules evaluated (an earlier InfraLint's, or one GitHub's size limit made drop it) has the
    /// same failures, but cannot tell a control that holds: "unknown".
    /// </summary>
    [Fact]
    public void Sarif_that_does_not_record_evaluations_gives_the_same_failures_and_says_it_cannot_tell_holds()
    {
        using var dir = new TempDir();
        dir.Write("apps/web.yaml", Privileged);
        var sarif = Path.Combine(dir.Path, "apps.sarif");
        var scan = CliRunner.Run(Path.Combine(dir.Path, "apps"), "scan", ".", "--format", "sarif", "--output", sarif, "--fail-on", "none");
        Assert.True(scan.ExitCode == 0, scan.ToString());
        var log = JsonNode.Parse(File.ReadAllText(sarif))!;
        Assert.True(log["runs"]![0]!["properties"]!.AsObject().Remove("infralint/evaluations"));
        File.WriteAllText(sarif, log.ToJsonString());

        var scanned = Json(dir.Path, "apps", "--framework", "cis-k8s");
        var fromSarif = Json(dir.Path, "--from-sarif", "apps.sarif", "--framework", "cis-k8s");

        var repository = fromSarif["repositories"]!.AsArray().Single()!;
        Assert.Equal(("apps", "sarif", false), ((string)repository["name"]!, (string)repository["source"]!, (bool)repository["evaluationsRecorded"]!));
        Assert.Equal((int)scanned["totals"]!["findings"]!, (int)fromSarif["totals"]!["findings"]!);
        var fails = Cell(fromSarif, "cis-k8s", "5.2.2", "apps");
        Assert.Equal("fails", (string)fails["status"]!);
        Assert.Equal(Cell(scanned, "cis-k8s", "5.2.2", "apps")["evidence"]![0]!["fingerprint"]!.ToString(), fails["evidence"]![0]!["fingerprint"]!.ToString());
        Assert.Equal(13, (int)fails["evidence"]![0]!["line"]!);
        Assert.Equal("Deployment/apps/web", (string)fails["evidence"]![0]!["resource"]!);
        Assert.Equal("unknown", (string)Cell(fromSarif, "cis-k8s", "5.2.5", "apps")["status"]!);
    }

    /// <summary>Another tool's SARIF has no evidence for a report: refused by name, not read as a repository with nothing in it.</summary>
    [Fact]
    public void Sarif_of_another_tool_is_refused()
    {
        using var dir = new TempDir();
        dir.Write("other.sarif", """{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"Other"}},"results":[]}]}""");

        var run = CliRunner.Run(dir.Path, "report", "--from-sarif", "other.sarif", "--format", "json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("infralint: other.sarif has no InfraLint run: a report reads InfraLint's own SARIF\n", run.Error);
        Assert.Equal("", run.Out);
    }

    /// <summary>A SARIF's repository is the last segment of its provenance's repository URI; without provenance, the SARIF file's name.</summary>
    [SkippableFact]
    public void A_sarifs_repository_is_named_by_its_provenance_else_by_its_file_name()
    {
        using var dir = new TempDir();
        dir.Write("checkout/web.yaml", Privileged);
        dir.Write("plain/web.yaml", Privileged);
        GitRepo.Init(Path.Combine(dir.Path, "checkout"), "https://github.com/acme/serving-models.git");
        foreach (var (folder, file) in new[] { ("checkout", "run-1.sarif"), ("plain", "nightly-2026-11-30.sarif") })
        {
            var scan = CliRunner.Run(Path.Combine(dir.Path, folder), "scan", ".", "--format", "sarif", "--output", Path.Combine(dir.Path, file), "--fail-on", "none");
            Assert.True(scan.ExitCode == 0, scan.ToString());
        }

        var report = Json(dir.Path, "--from-sarif", "run-1.sarif", "nightly-2026-11-30.sarif", "--framework", "cis-k8s");

        Assert.Equal(new[] { "serving-models", "nightly-2026-11-30" }, report["repositories"]!.AsArray().Select(r => (string)r!["name"]!));
    }

    [Fact]
    public void A_framework_with_no_control_mapped_is_reported_as_such_not_left_out()
    {
        using var dir = new TempDir();
        dir.Write("web.yaml", Privileged);

        var report = Json(dir.Path, ".", "--framework", "all");

        var keys = report["frameworks"]!.AsArray().Select(f => (string)f!["key"]!).ToArray();
        Assert.Equal(new[] { "eu-ai-act", "nist-ai-rmf", "iso-42001", "nist-800-53", "cis-k8s" }, keys.Take(5));
        Assert.All(report["frameworks"]!.AsArray(), f => Assert.Equal(f!["controls"]!.AsArray().Count, (int)f["controlsMapped"]!));
    }

    [Fact]
    public void Csv_cells_are_quoted_as_RFC_4180_says_and_a_formula_is_defused()
    {
        Assert.Equal("plain", ReportCsv.Cell("plain"));
        Assert.Equal("\"a, \"\"b\"\"\"", ReportCsv.Cell("a, \"b\""));
        Assert.Equal("\"two\nlines\"", ReportCsv.Cell("two\nlines"));
        Assert.Equal("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", ReportCsv.Cell("=HYPERLINK(\"http://x\",\"y\")"));
        Assert.Equal("'+1", ReportCsv.Cell("+1"));
        Assert.Equal("'-2", ReportCsv.Cell("-2"));
        Assert.Equal("'@SUM(A1)", ReportCsv.Cell("@SUM(A1)"));
        Assert.Equal("'\tx", ReportCsv.Cell("\tx"));
    }

    [Fact]
    public void Csv_has_one_row_per_finding_with_every_evidence_column()
    {
        using var dir = new TempDir();
        dir.Write("apps/web.yaml", Privileged);
        var run = CliRunner.Run(dir.Path, "report", "apps", "--format", "csv");
        Assert.True(run.ExitCode == 0, run.ToString());

        using var parser = new Microsoft.VisualBasic.FileIO.TextFieldParser(new StringReader(run.Out)) { HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var rows = new List<string[]>();
        while (!parser.EndOfData) rows.Add(parser.ReadFields()!);

        Assert.Equal(ReportCsv.Columns, rows[0]);
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(ReportCsv.Columns.Count, r.Length));
        var privileged = rows.Single(r => r[2] == "IL2006");
        string Col(string name) => privileged[ReportCsv.Columns.ToList().IndexOf(name)];
        Assert.Equal(("apps", "open", "web.yaml", "13", "25", "Deployment/apps/web"), (Col("repository"), Col("status"), Col("file"), Col("line"), Col("column"), Col("resource")));
        Assert.Contains("CIS Kubernetes Benchmark v1.8 5.2.2", Col("controls"), StringComparison.Ordinal);
        Assert.Contains("\r\n", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_fits_a_pull_request_comment_and_says_what_it_cut()
    {
        var findings = Enumerable.Range(1, 3000)
            .Select(i => new ReportFinding("big", "IL2006", "error", "Security", "Privileged container", "m", $"deploy/app-{i}.yaml", 13, 25, $"Deployment/apps/app-{i}", $"{i:x32}:1", null, new Dictionary<string, string>()))
            .ToArray();
        var repository = new RepositoryEvidence("big", "/big", "scan", 3000, findings, Array.Empty<ReportEvaluation>(), new HashSet<string> { "IL2006" });
        var rules = LintHost.Catalog.All;
        var report = ComplianceBuilder.Build(new[] { repository }, Frameworks.Select("all", rules), rules, "2026-01-01T00:00:00Z");

        var writer = new StringWriter();
        ReportMarkdown.Write(report, writer);
        var md = writer.ToString();

        Assert.True(md.Length <= ReportMarkdown.Limit, $"{md.Length} characters");
        Assert.Contains("| **5.2.2** Minimize the admission of privileged containers | IL2006 | ❌ fails (3000) |", md, StringComparison.Ordinal);
        Assert.Matches(@"> \*\*Truncated\*\* to fit 65,536 characters .*: \d+ open findings not shown\.", md);
    }

    [Fact]
    public void Markdown_escapes_what_the_scanned_files_wrote()
    {
        Assert.Equal(@"a \| b &lt;img&gt; \[x\](y) \*\*", ReportMarkdown.Escape("a | b <img> [x](y) **"));
    }
}
