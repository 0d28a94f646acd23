using System.Text.Json;
using InfraLint.Cli.Inputs;
using InfraLint.Cli.Output;
using InfraLint.Cli.Tests.Support;
using InfraLint.Core.Findings;
using InfraLint.Core.Locations;
using InfraLint.Core.Scanning;
using InfraLint.Rules;
using InfraLint.Rules.Security;
using InfraLint.Tests;
using Microsoft.CodeAnalysis.Sarif;

namespace InfraLint.Cli.Tests;

/// <summary>
/// What GitHub code scanning needs beyond valid SARIF: categories, provenance, repository-relative URIs with
/// fingerprints that survive the change, frameworks as taxonomies and tags, its upload limits, and merged uploads.
/// </summary>
public sealed class SarifCodeScanningTests : IDisposable
{
    /// <summary>Two manifests and the reports the tool wrote on them before v2 (rules list emptied: only results are read).</summary>
    private static readonly string V1Fixture = Path.Combine(Repo.Root, "tests", "InfraLint.Cli.Tests", "Baselines", "v1");

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static JsonElement Run(string sarifPath) => Log(sarifPath).GetProperty("runs")[0];

    private static JsonElement Log(string sarifPath) => JsonDocument.Parse(File.ReadAllText(sarifPath)).RootElement.Clone();

    private static CliRun Scan(string cwd, params string[] args)
    {
        var run = CliRunner.Run(cwd, new[] { "scan" }.Concat(args).Concat(new[] { "--fail-on", "none" }).ToArray());
        Assert.True(run.ExitCode == 0, run.ToString());
        return run;
    }

    /// <summary>(rule, URI, line, column, v2 fingerprint) of every result: what must match between two ways of scanning.</summary>
    private static string[] Results(JsonElement run) => run.GetProperty("results").EnumerateArray()
        .Select(r =>
        {
            var physical = r.GetProperty("locations")[0].GetProperty("physicalLocation");
            var region = physical.GetProperty("region");
            return $"{r.GetProperty("ruleId").GetString()} {physical.GetProperty("artifactLocation").GetProperty("uri").GetString()}:{region.GetProperty("startLine").GetInt32()}:{region.GetProperty("startColumn").GetInt32()} {r.GetProperty("partialFingerprints").GetProperty(SarifOutput.FingerprintKey).GetString()}";
        })
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>A repository at _dir/repo holding the v1 fixture's manifests under infra/deploy.</summary>
    private string FixtureRepository(string? remote = null)
    {
        var root = Path.Combine(_dir.Path, "repo");
        GitRepo.CopyDirectory(Path.Combine(V1Fixture, "infra"), Path.Combine(root, "infra"));
        GitRepo.Init(root, remote);
        return root;
    }

    // ---- --category

    [Fact]
    public void Category_becomes_the_automation_id_in_GitHubs_form()
    {
        GitRepo.CopyDirectory(Path.Combine(V1Fixture, "infra"), _dir.Path);

        Scan(_dir.Path, "deploy", "--format", "sarif", "-o", "a.sarif", "--category", "k8s/prod");
        Scan(_dir.Path, "deploy", "--format", "sarif", "-o", "b.sarif", "--category", "/language:yaml/");
        Scan(_dir.Path, "deploy", "--format", "sarif", "-o", "none.sarif");

        Assert.Equal("k8s/prod/", Run(Path.Combine(_dir.Path, "a.sarif")).GetProperty("automationDetails").GetProperty("id").GetString());
        Assert.Equal("/language:yaml/", Run(Path.Combine(_dir.Path, "b.sarif")).GetProperty("automationDetails").GetProperty("id").GetString());
        Assert.False(Run(Path.Combine(_dir.Path, "none.sarif")).TryGetProperty("automationDetails", out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("two words")]
    [InlineData("tab\tinside")]
    [InlineData("line\nbreak")]
    [InlineData("//")]
    public void An_invalid_category_is_a_usage_error(string category)
    {
        _dir.Write("deploy/pod.yaml", Manifests.Pod("web"));

        var run = CliRunner.Run(_dir.Path, "scan", "deploy", "--format", "sarif", "--category", category);

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains("category", run.Error);
        Assert.Equal("", run.Out);
    }

    // ---- versionControlProvenance

    [Theory]
    [InlineData("https://x-access-token:ghs_S3cr3tT0ken@github.com/o/r.git", "https://github.com/o/r.git")]
    [InlineData("https://user:p%40ss@github.example.com:8443/team/repo", "https://github.example.com:8443/team/repo")]
    [InlineData("https://oauth2:glpat-S3cr3t@gitlab.com/group/sub/project.git", "https://gitlab.com/group/sub/project.git")]
    [InlineData("https://ghp_TokenAsUserName@github.com/o/r.git", "https://github.com/o/r.git")]
    [InlineData("git@github.com:o/r.git", "ssh://github.com/o/r.git")]
    [InlineData("github.com:o/r", "ssh://github.com/o/r")]
    [InlineData("ssh://git@host.example:2222/srv/r.git", "ssh://host.example:2222/srv/r.git")]
    [InlineData("https://github.com/o/r.git?token=abc#frag", "https://github.com/o/r.git")]
    public void Remotes_become_uris_without_credentials(string remote, string expected)
    {
        Assert.Equal(expected, GitWorkTree.RepositoryUri(remote)?.AbsoluteUri);
    }

    [Theory]
    [InlineData("/srv/git/r.git")]
    [InlineData("../r.git")]
    [InlineData("file:///srv/git/r.git")]
    public void A_local_remote_is_no_repository_uri(string remote)
    {
        Assert.Null(GitWorkTree.RepositoryUri(remote));
    }

    [SkippableFact]
    public void Provenance_gives_the_remote_without_its_token_the_commit_and_the_branch()
    {
        var root = FixtureRepository("https://x-access-token:ghs_S3cr3tT0ken@github.com/o/r.git");
        var head = GitRepo.Run(root, "rev-parse", "HEAD");

        Scan(Path.Combine(root, "infra"), "deploy", "--format", "sarif", "-o", "out.sarif");

        var sarif = File.ReadAllText(Path.Combine(root, "infra", "out.sarif"));
        Assert.DoesNotContain("ghs_S3cr3tT0ken", sarif);
        var provenance = Run(Path.Combine(root, "infra", "out.sarif")).GetProperty("versionControlProvenance").EnumerateArray().Single();
        Assert.Equal("https://github.com/o/r.git", provenance.GetProperty("repositoryUri").GetString());
        Assert.Equal(head, provenance.GetProperty("revisionId").GetString());
        Assert.Equal("main", provenance.GetProperty("branch").GetString());
        Assert.Equal(SarifOutput.SourceRoot, provenance.GetProperty("mappedTo").GetProperty("uriBaseId").GetString());
    }

    [SkippableFact]
    public void A_detached_head_has_no_branch_and_a_repository_without_remote_no_provenance()
    {
        var root = FixtureRepository("git@github.com:o/r.git");
        GitRepo.Run(root, "checkout", "-q", "--detach", "HEAD");
        Scan(root, "infra", "--format", "sarif", "-o", "detached.sarif");
        GitRepo.Run(root, "remote", "remove", "origin");
        Scan(root, "infra", "--format", "sarif", "-o", "local.sarif");

        var detached = Run(Path.Combine(root, "detached.sarif")).GetProperty("versionControlProvenance")[0];
        Assert.Equal("ssh://github.com/o/r.git", detached.GetProperty("repositoryUri").GetString());
        Assert.Equal(GitRepo.Run(root, "rev-parse", "HEAD"), detached.GetProperty("revisionId").GetString());
        Assert.False(detached.TryGetProperty("branch", out _));
        Assert.False(Run(Path.Combine(root, "local.sarif")).TryGetProperty("versionControlProvenance", out _));
    }

    [Fact]
    public void Outside_a_work_tree_there_is_no_provenance_and_srcroot_is_the_current_folder()
    {
        Assert.Null(GitWorkTree.Root(_dir.Path)); // the temp folder is in no repository, or this test proves nothing
        GitRepo.CopyDirectory(Path.Combine(V1Fixture, "infra"), _dir.Path);

        Scan(_dir.Path, "deploy", "--format", "sarif", "-o", "out.sarif");

        var run = Run(Path.Combine(_dir.Path, "out.sarif"));
        Assert.False(run.TryGetProperty("versionControlProvenance", out _));
        Assert.Equal(new Uri(_dir.Path + "/").AbsoluteUri, run.GetProperty("originalUriBaseIds").GetProperty(SarifOutput.SourceRoot).GetProperty("uri").GetString());
        Assert.All(Results(run), r => Assert.Contains(" deploy/", r));
    }

    // ---- %SRCROOT% = repository root, fingerprint versions

    [SkippableFact]
    public void A_scan_from_a_subfolder_gives_the_same_uris_and_fingerprints_as_one_from_the_root()
    {
        var root = FixtureRepository();

        Scan(root, "infra/deploy", "--format", "sarif", "-o", Path.Combine(_dir.Path, "root.sarif"));
        Scan(Path.Combine(root, "infra"), "deploy", "--format", "sarif", "-o", Path.Combine(_dir.Path, "infra.sarif"));
        Scan(Path.Combine(root, "infra", "deploy"), ".", "--format", "sarif", "-o", Path.Combine(_dir.Path, "deploy.sarif"));

        var fromRoot = Results(Run(Path.Combine(_dir.Path, "root.sarif")));
        Assert.Equal(9, fromRoot.Length);
        Assert.All(fromRoot, r => Assert.Matches(@"^IL\d{4} infra/deploy/(llm-serving|rbac)\.yaml:\d+:\d+ [0-9a-f]{32}:\d+$", r));
        Assert.Equal(fromRoot, Results(Run(Path.Combine(_dir.Path, "infra.sarif"))));
        Assert.Equal(fromRoot, Results(Run(Path.Combine(_dir.Path, "deploy.sarif"))));
        Assert.Equal(new Uri(root + "/").AbsoluteUri, Run(Path.Combine(_dir.Path, "deploy.sarif")).GetProperty("originalUriBaseIds").GetProperty(SarifOutput.SourceRoot).GetProperty("uri").GetString());
    }

    /// <summary>
    /// A CloudFormation resource's logical path names its template as the scan shows it (<c>../stack.yaml</c> from a
    /// sibling folder), so v2 hashes that part from the repository root too, or its fingerprints would follow the folder.
    /// </summary>
    [SkippableFact]
    public void CloudFormation_fingerprints_do_not_depend_on_the_folder_the_scan_ran_from()
    {
        var root = FixtureRepository();
        Directory.CreateDirectory(Path.Combine(root, "infra", "cfn"));
        File.WriteAllText(Path.Combine(root, "infra", "cfn", "stack.yaml"), """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              TrainingData:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: training-data
            """);

        Scan(root, "infra/cfn", "--format", "sarif", "-o", Path.Combine(_dir.Path, "root.sarif"));
        Scan(Path.Combine(root, "infra", "deploy"), "../cfn", "--format", "sarif", "-o", Path.Combine(_dir.Path, "sibling.sarif"));
        Scan(Path.Combine(root, "infra", "cfn"), "stack.yaml", "--format", "sarif", "-o", Path.Combine(_dir.Path, "here.sarif"));

        var fromRoot = Results(Run(Path.Combine(_dir.Path, "root.sarif")));
        Assert.Contains(fromRoot, r => r.StartsWith("IL2003 infra/cfn/stack.yaml:3:3 ", StringComparison.Ordinal));
        Assert.Equal(fromRoot, Results(Run(Path.Combine(_dir.Path, "sibling.sarif"))));
        Assert.Equal(fromRoot, Results(Run(Path.Combine(_dir.Path, "here.sarif"))));
    }

    /// <summary>
    /// The fixture's reports were written by the tool before v2, scanning <c>deploy</c> from <c>infra</c> (v1 hashed
    /// <c>deploy/…</c>). In a repository whose root is above <c>infra</c>, v2 hashes <c>infra/deploy/…</c>: every
    /// finding must still be recognised through its v1 fingerprint.
    /// </summary>
    [SkippableTheory]
    [InlineData("baseline.sarif")]
    [InlineData("baseline.json")]
    public void A_baseline_written_before_v2_still_matches(string baseline)
    {
        var root = FixtureRepository();
        var infra = Path.Combine(root, "infra");
        var known = BaselineFile.Load(new CliEnvironment { Out = TextWriter.Null, Error = TextWriter.Null, WorkingDirectory = V1Fixture }, baseline);
        Assert.Equal(9, known.Legacy.Count);
        Assert.Empty(known.Current);

        var run = CliRunner.Run(infra, "scan", "deploy", "--baseline", Path.Combine(V1Fixture, baseline), "--format", "sarif", "-o", "out.sarif", "--fail-on", "note");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("9 in baseline", run.Out);
        var results = Run(Path.Combine(infra, "out.sarif")).GetProperty("results").EnumerateArray().ToArray();
        Assert.All(results, r => Assert.Equal("unchanged", r.GetProperty("baselineState").GetString()));
        // v2 differs from v1 here, so the match went through the legacy fingerprints.
        Assert.DoesNotContain(results, r => known.Legacy.Contains(r.GetProperty("partialFingerprints").GetProperty(SarifOutput.FingerprintKey).GetString()!));
    }

    [SkippableTheory]
    [InlineData("sarif")]
    [InlineData("json")]
    public void A_v2_baseline_matches_from_any_folder_of_the_repository(string format)
    {
        var root = FixtureRepository();
        Scan(root, "infra/deploy", "--format", format, "-o", $"base.{format}");
        if (format == "json")
            Assert.Equal(SarifOutput.FingerprintKey, Log(Path.Combine(root, "base.json")).GetProperty("tool").GetProperty("fingerprintKey").GetString());

        var run = CliRunner.Run(Path.Combine(root, "infra", "deploy"), "scan", ".", "--baseline", Path.Combine(root, $"base.{format}"), "--fail-on", "note");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("9 in baseline", run.Out);
    }

    // ---- taxonomies, relationships, tags

    [Fact]
    public void Every_control_is_a_taxon_of_its_framework_and_each_rule_relates_to_its_own()
    {
        var log = SarifOutput.Build(Reports.Of(_dir.Path));
        var run = log.Runs[0];

        foreach (var descriptor in RuleSet.Catalog.All)
        {
            var rule = run.Tool.Driver.Rules.Single(r => r.Id == descriptor.Id);
            var targets = (rule.Relationships ?? new List<ReportingDescriptorRelationship>())
                .Select(r => (Taxonomy: run.Taxonomies[r.Target.ToolComponent.Index], r.Target))
                .Select(p => (Framework: p.Taxonomy.Name, Control: p.Taxonomy.Taxa[p.Target.Index].Id, p.Target.Id, Named: p.Target.ToolComponent.Name))
                .ToArray();
            Assert.Equal(descriptor.Controls.Select(c => (c.Framework, c.Control)), targets.Select(t => (t.Framework, t.Control)));
            Assert.All(targets, t => Assert.Equal((t.Framework, t.Control), (t.Named, t.Id)));
        }
        Assert.Equal(
            RuleSet.Catalog.All.SelectMany(r => r.Controls).Select(c => c.Framework).Distinct().Order(StringComparer.Ordinal),
            run.Taxonomies.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.All(run.Taxonomies, t => Assert.Equal(t.Taxa.Count, t.Taxa.Select(x => x.Id).Distinct().Count()));
    }

    [Fact]
    public void Tags_keep_the_rules_own_first_then_one_control_per_framework_in_turn_within_GitHubs_limit()
    {
        var il2001 = RuleSet.Catalog.Find("IL2001")!;
        Assert.Equal(il2001.Tags.Concat(new[] { "NIST-800-53/SC-28", "EU-AI-Act/Art.15(5)" }), SarifTaxonomies.Tags(il2001));

        var controls = Enumerable.Range(1, 12).Select(i => FrameworkControl.Nist($"AC-{i}", "Access"))
            .Concat(Enumerable.Range(1, 6).Select(i => FrameworkControl.Cis($"5.{i}", "Item")))
            .Concat(new[] { new FrameworkControl(FrameworkControl.Iso42001, "A.6.2.4", "Verification"), new FrameworkControl("GDPR (Regulation (EU) 2016/679)", "Art. 44", "Transfers") })
            .ToArray();
        var many = new RuleDescriptor("IL9999", "Many", "A rule mapped to many controls.", Severity.Warning, Precision.High, new[] { "security", "kubernetes" }, 5.0, controls);

        var tags = SarifTaxonomies.Tags(many);

        Assert.Equal(SarifTaxonomies.MaxTags, tags.Length);
        Assert.Equal(new[] { "security", "kubernetes", "NIST-800-53/AC-1", "CIS-Kubernetes/5.1", "ISO-42001/A.6.2.4", "GDPR/Art.44", "NIST-800-53/AC-2", "CIS-Kubernetes/5.2", "NIST-800-53/AC-3", "CIS-Kubernetes/5.3" },
            tags.Take(SarifTaxonomies.ShownTags));
        foreach (var rule in SarifOutput.Build(Reports.Of(_dir.Path)).Runs[0].Tool.Driver.Rules)
            Assert.InRange(rule.GetProperty<string[]>("tags").Length, 1, SarifTaxonomies.MaxTags);
    }

    // ---- GitHub's limits

    private static Finding Synthetic(int n, Severity severity, int related = 0)
    {
        var file = $"deploy/f{n / 1000:D3}.yaml";
        var line = n % 1000 + 1;
        var rule = severity switch
        {
            Severity.Error => IL2008HostNamespacesShared.Descriptor,
            Severity.Warning => RuleSet.Catalog.Find("IL2013")!,
            _ => RuleSet.Catalog.All.First(r => r.DefaultSeverity == Severity.Note),
        };
        return new Finding(
            rule,
            $"finding {n}",
            new SourceSpan(file, line, 1, line, 5, line * 10, line * 10 + 4),
            $"Deployment/ns/w{n}:spec",
            related: Enumerable.Range(1, related).Select(i => new RelatedLocation(new SourceSpan(file, 1, 1, 1, 2, 0, 1), $"related {i}")).ToArray())
        {
            Severity = severity,
        };
    }

    /// <summary>
    /// A report built from findings rather than a real scan, so that the levels can be interleaved in file order (the
    /// real scan below has them in the order its rules find them).
    /// </summary>
    [Fact]
    public void Above_25000_results_the_most_severe_are_kept_and_the_log_says_so()
    {
        // Interleaved so that a cut in file order would lose errors.
        var findings = Enumerable.Range(0, 27_000)
            .Select(n => Synthetic(n, (n % 9) switch { 0 or 1 => Severity.Error, 2 => Severity.Note, _ => Severity.Warning }))
            .ToArray();
        var result = new ScanResult(findings, findings.Select(f => f.Location.File).Distinct().ToArray(), TimeSpan.FromSeconds(1));
        var env = new CliEnvironment { Out = TextWriter.Null, Error = TextWriter.Null, WorkingDirectory = _dir.Path };
        var report = new ScanReport(result, RuleSet.Catalog, _dir.Path, new Dictionary<string, string>(), Array.Empty<string>(), env);
        var notes = new List<string>();

        var log = SarifOutput.Build(report, limited: notes.Add);

        var results = log.Runs[0].Results;
        Assert.Equal(SarifLimits.MaxResultsPerRun, results.Count);
        Assert.Equal(6_000, results.Count(r => r.Level == FailureLevel.Error));
        Assert.Equal(18_000, results.Count(r => r.Level == FailureLevel.Warning));
        Assert.Equal(1_000, results.Count(r => r.Level == FailureLevel.Note));
        // Kept in the log's own order: file, then line.
        Assert.Equal(results.OrderBy(r => r.Locations[0].PhysicalLocation.ArtifactLocation.Uri.OriginalString, StringComparer.Ordinal).ThenBy(r => r.Locations[0].PhysicalLocation.Region.StartLine), results);
        var note = Assert.Single(notes);
        Assert.Equal("27,000 results, more than the 25,000 GitHub accepts in a run: the 2,000 least severe were left out (kept 25,000, down to notes).", note);
        Assert.Contains(log.Runs[0].Invocations[0].ToolExecutionNotifications, n => n.Message.Text == note && n.Level == FailureLevel.Warning);
    }

    /// <summary>
    /// The whole path on a real scan: generated files, rules, <c>scan --format sarif</c>, the cap and the notifications.
    /// The uncapped JSON report of the same tree is the reference for what was found. About 27,000 findings, of which
    /// errors and warnings are fewer than 25,000: so every one of them must be kept and only notes dropped.
    /// </summary>
    [Fact]
    public void A_generated_scan_above_25000_results_keeps_every_error_and_warning_and_drops_notes_first()
    {
        ManyFindingsTree.WriteTo(Path.Combine(_dir.Path, "deploy"), deployments: 3_300);
        string[] args = { "deploy", "--rule-set", "all" };

        Scan(_dir.Path, args.Concat(new[] { "--format", "json", "-o", "all.json" }).ToArray());
        var sarif = Scan(_dir.Path, args.Concat(new[] { "--format", "sarif", "-o", "capped.sarif" }).ToArray());

        var found = Log(Path.Combine(_dir.Path, "all.json")).GetProperty("findings").EnumerateArray()
            .Select(f => (Level: f.GetProperty("severity").GetString()!, Key: $"{f.GetProperty("ruleId").GetString()} {f.GetProperty("file").GetString()}:{f.GetProperty("startLine").GetInt32()}:{f.GetProperty("startColumn").GetInt32()}"))
            .ToArray();
        string[] Found(string level) => found.Where(f => f.Level == level).Select(f => f.Key).Order(StringComparer.Ordinal).ToArray();
        var (errors, warnings, notes) = (Found("error"), Found("warning"), Found("note"));
        // What makes the test mean something: above the cap, errors and warnings below it, so the cut falls in the notes.
        Assert.InRange(found.Length, SarifLimits.MaxResultsPerRun + 1, int.MaxValue);
        Assert.InRange(errors.Length + warnings.Length, 1_000, SarifLimits.MaxResultsPerRun - 1);
        Assert.NotEmpty(errors);

        var run = Run(Path.Combine(_dir.Path, "capped.sarif"));
        var kept = run.GetProperty("results").EnumerateArray().Select(r =>
        {
            var physical = r.GetProperty("locations")[0].GetProperty("physicalLocation");
            var region = physical.GetProperty("region");
            return (Level: r.GetProperty("level").GetString()!, Key: $"{r.GetProperty("ruleId").GetString()} {physical.GetProperty("artifactLocation").GetProperty("uri").GetString()}:{region.GetProperty("startLine").GetInt32()}:{region.GetProperty("startColumn").GetInt32()}");
        }).ToArray();
        string[] Kept(string level) => kept.Where(k => k.Level == level).Select(k => k.Key).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(SarifLimits.MaxResultsPerRun, kept.Length);
        Assert.Equal(errors, Kept("error"));
        Assert.Equal(warnings, Kept("warning"));
        var keptNotes = Kept("note");
        Assert.Equal(SarifLimits.MaxResultsPerRun - errors.Length - warnings.Length, keptNotes.Length);
        Assert.Empty(keptNotes.Except(notes));

        var note = $"{found.Length:N0} results, more than the 25,000 GitHub accepts in a run: the {found.Length - SarifLimits.MaxResultsPerRun:N0} least severe were left out (kept 25,000, down to notes).";
        Assert.Contains($"infralint: {note}", sarif.Error.Split('\n').Select(l => l.TrimEnd('\r')));
        var notification = Assert.Single(run.GetProperty("invocations")[0].GetProperty("toolExecutionNotifications").EnumerateArray());
        Assert.Equal(note, notification.GetProperty("message").GetProperty("text").GetString());
        // SARIF's default level for a notification is warning, which the writer leaves out.
        Assert.Equal("warning", notification.TryGetProperty("level", out var level) ? level.GetString() : "warning");
    }

    [Fact]
    public void Related_locations_are_capped_at_GitHubs_location_limit()
    {
        var notes = new List<string>();
        var log = SarifOutput.Build(Reports.Of(_dir.Path, Synthetic(1, Severity.Error, related: 1_500)), limited: notes.Add);

        Assert.Equal(SarifLimits.MaxLocationsPerResult, log.Runs[0].Results[0].RelatedLocations.Count);
        Assert.Equal("related 1000", log.Runs[0].Results[0].RelatedLocations[^1].Message.Text.TrimEnd('.'));
        Assert.Equal("a IL2008 result has 1,500 related locations; only the first 1,000 are kept.", Assert.Single(notes));
    }

    [Fact]
    public void Above_the_compressed_size_limit_results_are_dropped_least_severe_first_until_it_fits()
    {
        var findings = Enumerable.Range(0, 3_000).Select(n => Synthetic(n, n % 2 == 0 ? Severity.Error : Severity.Warning)).ToArray();
        var log = SarifOutput.Build(Reports.Of(_dir.Path, findings));
        var full = SarifLimits.WrittenSize(log, gzip: true);
        var results = log.Runs[0].Results;
        log.Runs[0].Results = results.Where(r => r.Level == FailureLevel.Error).ToList();
        var errorsOnly = SarifLimits.WrittenSize(log, gzip: true);
        log.Runs[0].Results = results;
        // Room for every error and some of the warnings.
        var limit = (errorsOnly + full) / 2;

        var notes = SarifLimits.Apply(log, maxGzipBytes: limit);

        Assert.InRange(SarifLimits.WrittenSize(log, gzip: true), 1, limit);
        Assert.Equal(1_500, log.Runs[0].Results.Count(r => r.Level == FailureLevel.Error));
        Assert.InRange(log.Runs[0].Results.Count(r => r.Level == FailureLevel.Warning), 1, 1_499);
        Assert.Contains("gzip-compressed limit", Assert.Single(notes));
    }

    /// <summary>What held is worth less than what failed: over the limit, the evaluations go (whole) before any result.</summary>
    [Fact]
    public void Above_the_compressed_size_limit_the_evaluations_are_dropped_before_any_result()
    {
        var sarif = Path.Combine(_dir.Path, "examples.sarif");
        Scan(Repo.Root, "examples", "--format", "sarif", "-o", sarif);
        var log = Newtonsoft.Json.JsonConvert.DeserializeObject<SarifLog>(File.ReadAllText(sarif))!;
        var evaluations = SarifEvaluations.Read(log.Runs[0]);
        Assert.True(evaluations?.Items.Count > 100, "a scan of the examples records what its rules evaluated");
        var full = SarifLimits.WrittenSize(log, gzip: true);
        var without = Newtonsoft.Json.JsonConvert.DeserializeObject<SarifLog>(File.ReadAllText(sarif))!;
        SarifEvaluations.Remove(without.Runs[0]);
        var results = log.Runs[0].Results.Count;
        // Room for every result, not for the evaluations too.
        var limit = (SarifLimits.WrittenSize(without, gzip: true) + full) / 2;

        var notes = SarifLimits.Apply(log, maxGzipBytes: limit);

        Assert.Null(SarifEvaluations.Read(log.Runs[0]));
        Assert.Equal(results, log.Runs[0].Results.Count);
        Assert.InRange(SarifLimits.WrittenSize(log, gzip: true), 1, limit);
        Assert.Contains("infralint/evaluations", Assert.Single(notes));
    }

    // ---- merge

    [Fact]
    public void Merged_shards_have_the_results_of_the_unsharded_scan_once_with_every_rule()
    {
        var whole = Path.Combine(_dir.Path, "whole.sarif");
        var (a, b, overlap) = (Path.Combine(_dir.Path, "a.sarif"), Path.Combine(_dir.Path, "b.sarif"), Path.Combine(_dir.Path, "overlap.sarif"));
        Scan(Repo.Root, "examples/kubernetes", "examples/cloudformation", "examples/compose", "--format", "sarif", "-o", whole, "--category", "iac");
        Scan(Repo.Root, "examples/kubernetes", "--format", "sarif", "-o", a, "--category", "iac");
        Scan(Repo.Root, "examples/cloudformation", "examples/compose", "--format", "sarif", "-o", b, "--category", "iac");
        Scan(Repo.Root, "examples/compose", "--format", "sarif", "-o", overlap, "--category", "iac");
        var merged = Path.Combine(_dir.Path, "out", "all.sarif");

        var run = CliRunner.Run(_dir.Path, "merge", a, b, overlap, "-o", merged);

        Assert.True(run.ExitCode == 0, run.ToString());
        var log = Log(merged);
        var mergedRun = Assert.Single(log.GetProperty("runs").EnumerateArray());
        var wholeRun = Run(whole);
        Assert.Equal(Results(wholeRun), Results(mergedRun));
        Assert.True(Results(wholeRun).Length > 20);
        Assert.Equal("iac/", mergedRun.GetProperty("automationDetails").GetProperty("id").GetString());
        var rules = mergedRun.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToArray();
        Assert.Equal(RuleSet.Catalog.All.Select(r => r.Id), rules);
        foreach (var result in mergedRun.GetProperty("results").EnumerateArray())
            Assert.Equal(result.GetProperty("ruleId").GetString(), rules[result.GetProperty("ruleIndex").GetInt32()]);
        Assert.Equal(wholeRun.GetProperty("taxonomies").GetRawText(), mergedRun.GetProperty("taxonomies").GetRawText());
        Assert.Equal(
            wholeRun.GetProperty("artifacts").EnumerateArray().Select(x => x.GetProperty("location").GetProperty("uri").GetString()).Order(StringComparer.Ordinal),
            mergedRun.GetProperty("artifacts").EnumerateArray().Select(x => x.GetProperty("location").GetProperty("uri").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(3, mergedRun.GetProperty("invocations").GetArrayLength());
    }

    [Fact]
    public void Two_categories_make_two_runs_and_suppressions_and_baselines_survive()
    {
        var suppression = new InfraLint.Core.Findings.Suppression("inSource", "host networking is needed for RDMA", Reports.HostNetwork(1).Location);
        var k8s = Path.Combine(_dir.Path, "k8s.sarif");
        var cfn = Path.Combine(_dir.Path, "cfn.sarif");
        var report = Reports.Of(_dir.Path, Reports.HostNetwork(4), Reports.HostNetwork(9, suppression));
        File.WriteAllText(k8s, Write(report, "k8s"));
        File.WriteAllText(cfn, Write(Reports.Of(_dir.Path, Reports.HostNetwork(7)), "cloudformation"));

        var run = CliRunner.Run(_dir.Path, "merge", k8s, cfn);

        Assert.True(run.ExitCode == 0, run.ToString());
        var runs = JsonDocument.Parse(run.Out).RootElement.GetProperty("runs").EnumerateArray().ToArray();
        Assert.Equal(new[] { "k8s/", "cloudformation/" }, runs.Select(r => r.GetProperty("automationDetails").GetProperty("id").GetString()));
        var suppressed = runs[0].GetProperty("results")[1];
        Assert.Equal("host networking is needed for RDMA", suppressed.GetProperty("suppressions")[0].GetProperty("justification").GetString());
        Assert.Equal(Run(k8s).GetProperty("results").GetRawText(), runs[0].GetProperty("results").GetRawText());
    }

    private static string Write(ScanReport report, string category)
    {
        var writer = new StringWriter();
        SarifOutput.Write(report, writer, category);
        return writer.ToString();
    }

    [Theory]
    [InlineData("missing.sarif", null, "SARIF log not found: missing.sarif")]
    [InlineData("broken.sarif", "{ \"runs\": [", "cannot read broken.sarif as SARIF")]
    [InlineData("report.json", "{ \"schemaVersion\": 1, \"findings\": [] }", "cannot read report.json as SARIF: Required property 'version'")]
    [InlineData("runless.sarif", "{ \"version\": \"2.1.0\" }", "cannot read runless.sarif as SARIF: Required property 'runs'")]
    public void Bad_input_is_a_usage_error_naming_the_file(string name, string? text, string message)
    {
        if (text is not null) _dir.Write(name, text);
        File.WriteAllText(Path.Combine(_dir.Path, "good.sarif"), Write(Reports.Of(_dir.Path, Reports.HostNetwork(4)), "k8s"));

        var run = CliRunner.Run(_dir.Path, "merge", "good.sarif", name, "-o", "all.sarif");

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains(message, run.Error);
        Assert.False(File.Exists(Path.Combine(_dir.Path, "all.sarif")));
    }

    [Fact]
    public void More_runs_than_GitHub_accepts_in_one_upload_is_an_error()
    {
        var files = Enumerable.Range(1, SarifLimits.MaxRunsPerFile + 1).Select(i =>
        {
            var path = Path.Combine(_dir.Path, $"c{i}.sarif");
            File.WriteAllText(path, Write(Reports.Of(_dir.Path), $"c{i}"));
            return path;
        }).ToArray();

        var run = CliRunner.Run(_dir.Path, new[] { "merge" }.Concat(files).Concat(new[] { "-o", "all.sarif" }).ToArray());

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains("21 runs", run.Error);
    }
}
