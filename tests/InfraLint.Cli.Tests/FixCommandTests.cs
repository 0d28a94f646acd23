using InfraLint.Tests;
using System.Text.Json;
using InfraLint.Cli.Tests.Support;
using InfraLint.Core.Facts;
using InfraLint.Core.Locations;
using InfraLint.Yaml;

namespace InfraLint.Cli.Tests;

public sealed class FixCommandTests
{
    private static void CopyExamples(string to)
    {
        foreach (var file in Directory.EnumerateFiles(Repo.Examples, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(Repo.Examples, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static Dictionary<string, string> Snapshot(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(dir, f), File.ReadAllText);

    private static int FixableFindings(string dir)
    {
        var run = CliRunner.Run(dir, "scan", ".", "--format", "json", "--fail-on", "none");
        using var json = JsonDocument.Parse(run.Out);
        return json.RootElement.GetProperty("findings").EnumerateArray()
            .Count(f => f.TryGetProperty("fixes", out var fixes) && fixes.GetArrayLength() > 0
                && !(f.TryGetProperty("suppression", out var s) && s.ValueKind != JsonValueKind.Null));
    }

    [Fact]
    public void Fix_on_the_examples_removes_every_fixable_finding_and_a_second_run_changes_nothing()
    {
        using var temp = new TempDir();
        CopyExamples(temp.Path);
        var before = Snapshot(temp.Path);
        Assert.True(FixableFindings(temp.Path) >= 15, "the examples should exercise many fixes");

        var first = CliRunner.Run(temp.Path, "fix", ".");
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Matches(@"^\d+ fixes applied in \d+ files", first.Out);

        Assert.Equal(0, FixableFindings(temp.Path));
        var after = Snapshot(temp.Path);
        var changed = after.Where(kv => before[kv.Key] != kv.Value).Select(kv => kv.Key).ToList();
        Assert.NotEmpty(changed);
        var adapter = new YamlAdapter();
        foreach (var file in changed)
        {
            // Every changed file still parses, and only lines were added or edited in place (nothing else moved).
            if (file.EndsWith(".cs", StringComparison.Ordinal)) Assert.Equal(0, InfraLint.CSharp.CSharpAdapter.SyntaxErrors(new SourceText(file, after[file])));
            else Assert.Empty(adapter.Read(new SourceText(file, after[file])).Facts.OfType<ParseFailure>());
            var oldLines = before[file].Split('\n');
            var newLines = after[file].Split('\n');
            Assert.True(newLines.Length >= oldLines.Length, file);
        }
        Assert.Equal(before["kubernetes/broken.yaml"], after["kubernetes/broken.yaml"]);

        var second = CliRunner.Run(temp.Path, "fix", ".");
        Assert.Equal(0, second.ExitCode);
        Assert.StartsWith("0 fixes applied in 0 files", second.Out);
        Assert.Equal(after, Snapshot(temp.Path));
    }

    [Fact]
    public void Dry_run_prints_a_unified_diff_and_writes_nothing()
    {
        using var temp = new TempDir();
        temp.Write("pod.yaml", Manifests.Pod("web"));
        var before = Snapshot(temp.Path);
        var run = CliRunner.Run(temp.Path, "fix", ".", "--dry-run");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("""
            --- a/pod.yaml
            +++ b/pod.yaml
            @@ -3,7 +3,7 @@
             metadata:
               name: web
             spec:
            -  hostNetwork: true
            +  hostNetwork: false
               containers:
                 - name: app
                   image: busybox:1.36

            """.Replace("\r\n", "\n"), run.Out.Replace("\r\n", "\n"));
        Assert.Contains("1 fix would apply in 1 file (IL2008 ×1)", run.Error);
        Assert.Equal(before, Snapshot(temp.Path));
    }

    [Fact]
    public void Rule_filter_applies_only_those_fixes_and_rejects_unknown_ids()
    {
        using var temp = new TempDir();
        temp.Write("c.yaml", """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              hostPID: true
              containers:
                - name: app
                  image: busybox:1.36
                  securityContext:
                    privileged: true
                  resources: {limits: {cpu: "1", memory: 128Mi}}
            """);
        var run = CliRunner.Run(temp.Path, "fix", ".", "--rule", "IL2008");
        Assert.Equal(0, run.ExitCode);
        string text = File.ReadAllText(Path.Combine(temp.Path, "c.yaml"));
        Assert.Contains("hostPID: false", text);
        Assert.Contains("privileged: true", text);

        var bad = CliRunner.Run(temp.Path, "fix", ".", "--rule", "IL9999");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("unknown rule id 'IL9999'", bad.Error);
    }

    /// <summary>
    /// Issue 10, item 5: a template with a double-quoted string continued on less indented lines (as CloudFormation
    /// accepts) is read with its lines indented; the fix still writes into the file as it is, at the right place.
    /// </summary>
    [Fact]
    public void Fix_edits_a_template_with_an_under_indented_quoted_string_in_place()
    {
        using var temp = new TempDir();
        temp.Write("storage.yaml", """
            AWSTemplateFormatVersion: "2010-09-09"
            Description: "Shared storage for
            the training cluster"
            Resources:
              SharedFiles:
                Type: AWS::EFS::FileSystem
                Properties:
                  FileSystemTags:
                    - Key: purpose
                      Value: "checkpoints of
              the training jobs"
                  PerformanceMode: generalPurpose
            """);
        var run = CliRunner.Run(temp.Path, "fix", ".", "--rule", "IL2001");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("""
            AWSTemplateFormatVersion: "2010-09-09"
            Description: "Shared storage for
            the training cluster"
            Resources:
              SharedFiles:
                Type: AWS::EFS::FileSystem
                Properties:
                  FileSystemTags:
                    - Key: purpose
                      Value: "checkpoints of
              the training jobs"
                  PerformanceMode: generalPurpose
                  Encrypted: true
            """, File.ReadAllText(Path.Combine(temp.Path, "storage.yaml")).TrimEnd('\n'));
        var second = CliRunner.Run(temp.Path, "scan", ".", "--format", "json", "--fail-on", "none");
        Assert.DoesNotContain("IL0001", second.Out);
    }
}
