using InfraLint.Cli.Tests.Support;

namespace InfraLint.Cli.Tests;

public sealed class ScanCommandTests : IDisposable
{
    // "a: " then two bytes that are not UTF-8: IL0001 points at the first of them, line 1 column 4.
    private static readonly byte[] InvalidUtf8 = { (byte)'a', (byte)':', (byte)' ', 0xFF, 0xFE, (byte)'\n' };

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Clean_files_exit_0_with_a_summary()
    {
        _dir.Write("k8s/service.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n");
        _dir.Write("k8s/other.yml", "a: 1\n");

        var run = CliRunner.Run(_dir.Path, "scan", ".");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"^0 findings \(0 errors, 0 warnings, 0 notes\) in 2 files, 0 suppressed, \d+\.\d\d s$", run.Out.Trim());
    }

    [Fact]
    public void The_rule_set_option_wins_over_the_configuration_and_runs_adoption_rules()
    {
        // A GPU pod with no infralint.dev vocabulary anywhere: IL1004 (capacity plan) waits for adoption by default.
        _dir.Write("k8s/gpu.yaml", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: gpu
            spec:
              containers:
                - name: cuda
                  image: nvcr.io/nvidia/cuda:12.4.1-base-ubuntu22.04
                  command: ["python", "serve.py"]
                  resources:
                    limits: {nvidia.com/gpu: 1, memory: 8Gi}
            """);
        _dir.Write(".infralint.yaml", "ruleSet: recommended\n");

        var recommended = CliRunner.Run(_dir.Path, "scan", ".", "--format", "json", "--fail-on", "none");
        var all = CliRunner.Run(_dir.Path, "scan", ".", "--format", "json", "--fail-on", "none", "--rule-set", "all");
        var bad = CliRunner.Run(_dir.Path, "scan", ".", "--rule-set", "strict");

        Assert.True(recommended.ExitCode == 0, recommended.ToString());
        Assert.DoesNotContain("\"IL1004\"", recommended.Out);
        Assert.True(all.ExitCode == 0, all.ToString());
        Assert.Contains("\"ruleId\": \"IL1004\"", all.Out);
        Assert.Equal(2, bad.ExitCode);
    }

    [Fact]
    public void A_file_that_cannot_be_read_is_an_IL0001_finding_and_the_scan_goes_on()
    {
        _dir.WriteBytes("a/broken.yaml", InvalidUtf8);
        _dir.Write("b/fine.yaml", "a: 1\n");
        _dir.WriteBytes("c/broken.yml", InvalidUtf8);

        var run = CliRunner.Run(_dir.Path, "scan", ".");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("a/broken.yaml:1:4: error IL0001: ", run.Out);
        Assert.Contains("c/broken.yml:1:4: error IL0001: ", run.Out);
        Assert.Contains("2 findings (2 errors, 0 warnings, 0 notes) in 3 files", run.Out);
    }

    [Theory]
    [InlineData("error", 1)]
    [InlineData("warning", 1)]
    [InlineData("note", 1)]
    [InlineData("none", 0)]
    public void Fail_on_sets_the_threshold_for_exit_code_1(string failOn, int expected)
    {
        _dir.WriteBytes("broken.yaml", InvalidUtf8);

        var run = CliRunner.Run(_dir.Path, "scan", ".", "--fail-on", failOn);

        Assert.True(run.ExitCode == expected, run.ToString());
    }

    [Fact]
    public void A_missing_path_is_a_usage_error()
    {
        var run = CliRunner.Run(_dir.Path, "scan", "does-not-exist");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("path not found: does-not-exist", run.Error);
        Assert.Equal(string.Empty, run.Out);
    }

    [Theory]
    [InlineData("--format", "xml", "xml")]
    [InlineData("--fail-on", "critical", "critical")]
    [InlineData("--no-such-option", "x", "--no-such-option")]
    public void Bad_options_are_usage_errors_with_a_message(string option, string value, string named)
    {
        _dir.Write("a.yaml", "a: 1\n");

        var run = CliRunner.Run(_dir.Path, "scan", ".", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(named, run.Error);
    }

    [Fact]
    public void No_paths_is_a_usage_error()
    {
        var run = CliRunner.Run(_dir.Path, "scan");

        Assert.Equal(2, run.ExitCode);
        Assert.NotEmpty(run.Error);
    }

    [Fact]
    public void Exclude_globs_are_relative_to_the_scanned_directory_and_repeatable()
    {
        _dir.WriteBytes("repo/vendor/lib/broken.yaml", InvalidUtf8);
        _dir.WriteBytes("repo/deploy/generated.skip.yaml", InvalidUtf8);
        _dir.WriteBytes("repo/deploy/kept.yaml", InvalidUtf8);

        var run = CliRunner.Run(_dir.Path, "scan", "repo", "--exclude", "vendor/**", "--exclude", "*.skip.yaml");

        Assert.Contains("repo/deploy/kept.yaml:1:4: error IL0001", run.Out);
        Assert.DoesNotContain("vendor", run.Out);
        Assert.DoesNotContain("generated.skip.yaml", run.Out);
        Assert.Contains("in 1 file,", run.Out);
    }

    [Fact]
    public void Tool_and_vcs_folders_and_other_file_types_are_skipped()
    {
        foreach (var folder in new[] { ".git", "bin", "obj", "node_modules", "src/bin" })
            _dir.WriteBytes($"{folder}/broken.yaml", InvalidUtf8);
        _dir.WriteBytes("README.md", InvalidUtf8);
        _dir.Write("deploy/app.yaml", "a: 1\n");

        var run = CliRunner.Run(_dir.Path, "scan", ".");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("in 1 file,", run.Out);
    }

    [Fact]
    public void Symbolic_links_to_directories_are_not_followed_so_a_cycle_cannot_hang_the_scan()
    {
        _dir.WriteBytes("repo/app/broken.yaml", InvalidUtf8);
        Directory.CreateSymbolicLink(Path.Combine(_dir.Path, "repo", "app", "loop"), Path.Combine(_dir.Path, "repo"));

        var run = CliRunner.Run(_dir.Path, "scan", "repo");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("in 1 file,", run.Out);
    }

    [Fact]
    public void An_explicit_file_of_another_kind_is_skipped_with_a_notice()
    {
        _dir.Write("notes.txt", "hello");

        var run = CliRunner.Run(_dir.Path, "scan", "notes.txt");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("notes.txt: skipped, no adapter reads this kind of file.", run.Error);
    }

    [Fact]
    public void An_explicit_file_is_scanned_and_paths_are_relative_to_the_working_directory()
    {
        _dir.WriteBytes("other/broken.yaml", InvalidUtf8);
        Directory.CreateDirectory(Path.Combine(_dir.Path, "work"));

        var run = CliRunner.Run(Path.Combine(_dir.Path, "work"), "scan", Path.Combine("..", "other", "broken.yaml"));

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("../other/broken.yaml:1:4: error IL0001: ", run.Out);
    }

    [Fact]
    public void The_same_file_given_twice_is_scanned_once()
    {
        _dir.WriteBytes("broken.yaml", InvalidUtf8);

        var run = CliRunner.Run(_dir.Path, "scan", "broken.yaml", ".", "./broken.yaml");

        Assert.Contains("1 finding (1 error, 0 warnings, 0 notes) in 1 file,", run.Out);
    }

    [Fact]
    public void Output_replaces_the_file_whole_and_leaves_no_temporary_file()
    {
        _dir.WriteBytes("src/broken.yaml", InvalidUtf8);
        _dir.Write("out/report.json", "old content that is not JSON");

        var run = CliRunner.Run(_dir.Path, "scan", "src", "--format", "json", "--output", "out/report.json");

        Assert.True(run.ExitCode == 1, run.ToString());
        using var json = System.Text.Json.JsonDocument.Parse(_dir.Read("out/report.json"));
        Assert.Equal(1, json.RootElement.GetProperty("findings").GetArrayLength());
        Assert.Equal(new[] { "report.json" }, Directory.GetFiles(Path.Combine(_dir.Path, "out")).Select(Path.GetFileName));
        Assert.Contains("Report written to out/report.json", run.Out);
    }

    [Fact]
    public void Output_creates_missing_folders()
    {
        _dir.Write("src/a.yaml", "a: 1\n");

        var run = CliRunner.Run(_dir.Path, "scan", "src", "--format", "sarif", "-o", "deep/er/report.sarif");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(File.Exists(Path.Combine(_dir.Path, "deep/er/report.sarif")));
    }

    [Fact]
    public void An_unwritable_output_is_a_usage_error_and_leaves_nothing_behind()
    {
        _dir.Write("src/a.yaml", "a: 1\n");
        _dir.Write("blocker", "a file where a folder should be");

        var run = CliRunner.Run(_dir.Path, "scan", "src", "--output", "blocker/report.txt");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("cannot write", run.Error);
        Assert.Equal("a file where a folder should be", _dir.Read("blocker"));
        Assert.Equal(new[] { "blocker" }, Directory.GetFiles(_dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Machine_formats_on_stdout_keep_the_summary_on_stderr()
    {
        _dir.Write("a.yaml", "a: 1\n");

        var run = CliRunner.Run(_dir.Path, "scan", ".", "--format", "json");

        using var json = System.Text.Json.JsonDocument.Parse(run.Out);
        Assert.Contains("0 findings", run.Error);
    }

    [Fact]
    public void Colour_only_on_a_terminal_without_NO_COLOR()
    {
        _dir.WriteBytes("broken.yaml", InvalidUtf8);
        var none = new Dictionary<string, string>();
        var noColor = new Dictionary<string, string> { ["NO_COLOR"] = "1" };

        Assert.Contains("\u001b[", CliRunner.Run(_dir.Path, none, terminal: true, "scan", ".").Out);
        Assert.DoesNotContain("\u001b[", CliRunner.Run(_dir.Path, noColor, terminal: true, "scan", ".").Out);
        Assert.DoesNotContain("\u001b[", CliRunner.Run(_dir.Path, none, terminal: false, "scan", ".").Out);
    }

    [Fact]
    public void An_unexpected_exception_is_exit_3_with_a_message()
    {
        var stderr = new StringWriter();
        var env = new CliEnvironment { Out = new ThrowingWriter(), Error = stderr, WorkingDirectory = _dir.Path };

        int exit = Program.Run(new[] { "rules" }, env);

        Assert.Equal(3, exit);
        Assert.Contains("internal error", stderr.ToString());
    }

    private sealed class ThrowingWriter : StringWriter
    {
        public override void WriteLine(string? value) => throw new InvalidOperationException("boom");

        public override void Write(string? value) => throw new InvalidOperationException("boom");
    }
}
