using InfraLint.Cli.Tests.Support;
using InfraLint.Tests;

namespace InfraLint.Cli.Tests;

/// <summary>
/// Progress is drawn on standard error only when it is a terminal, never under CI=true or --quiet, with no escape sequence
/// under NO_COLOR, and with file names printed as written (Spectre's markup reads '[' as a style).
/// </summary>
public sealed class TerminalTests : IDisposable
{
    private const string Esc = "\u001b";

    private static readonly Dictionary<string, string> None = new();

    private readonly TempDir _dir = new();

    public TerminalTests()
    {
        var manifest = File.ReadAllText(Path.Combine(Repo.Examples, "kubernetes", "llm-serving.yaml"));
        _dir.Write("a/serving.yaml", manifest);
        _dir.Write("b/serving.yaml", manifest.Replace("vllm-llama31-8b", "vllm-other", StringComparison.Ordinal));
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void On_a_terminal_the_scan_draws_its_progress_on_standard_error_and_leaves_standard_output_alone()
    {
        var plain = CliRunner.RunOn(_dir.Path, None, terminal: false, errorTerminal: false, "scan", ".");
        var drawn = CliRunner.RunOn(_dir.Path, None, terminal: false, errorTerminal: true, "scan", ".");

        Assert.Equal(string.Empty, plain.Error);
        Assert.Contains(Esc + "[", drawn.Error, StringComparison.Ordinal);
        Assert.Contains("Read 2 files", drawn.Error, StringComparison.Ordinal);
        Assert.Contains("Evaluated ", drawn.Error, StringComparison.Ordinal);
        Assert.Equal(plain.ExitCode, drawn.ExitCode);
        Assert.Equal(Findings(plain.Out), Findings(drawn.Out));
    }

    [Theory]
    [InlineData(false, "CI", "")]
    [InlineData(true, "CI", "true")]
    [InlineData(true, "CI", "TRUE")]
    public void Redirected_or_under_CI_standard_error_gets_nothing_extra(bool errorTerminal, string variable, string value)
    {
        var variables = value.Length == 0 ? None : new Dictionary<string, string> { [variable] = value };
        var run = CliRunner.RunOn(_dir.Path, variables, terminal: false, errorTerminal, "scan", ".");
        Assert.Equal(string.Empty, run.Error);

        var json = CliRunner.RunOn(_dir.Path, variables, terminal: false, errorTerminal, "scan", ".", "--format", "json");
        Assert.Equal(Summary(json.Error), json.Error);
    }

    [Fact]
    public void Quiet_prints_the_findings_only_even_on_a_terminal()
    {
        var normal = CliRunner.RunOn(_dir.Path, None, terminal: false, errorTerminal: false, "scan", ".");
        var quiet = CliRunner.RunOn(_dir.Path, None, terminal: false, errorTerminal: true, "scan", ".", "--quiet");

        Assert.Equal(string.Empty, quiet.Error);
        Assert.Equal(string.Join("", Findings(normal.Out).Select(l => l + Environment.NewLine)), quiet.Out);
        Assert.NotEmpty(Findings(quiet.Out));
        Assert.Equal(normal.ExitCode, quiet.ExitCode);

        // json: the report and nothing on standard error (whose summary line it otherwise gets).
        var json = CliRunner.RunOn(_dir.Path, None, terminal: false, errorTerminal: true, "scan", ".", "-q", "--format", "json");
        Assert.Equal(string.Empty, json.Error);
        Assert.StartsWith("{", json.Out.TrimStart(), StringComparison.Ordinal);

        // --output: the file, and neither the summary nor "Report written to" on standard output.
        var written = CliRunner.RunOn(_dir.Path, None, terminal: false, errorTerminal: true, "scan", ".", "-q", "--format", "sarif", "-o", "out.sarif");
        Assert.Equal((string.Empty, string.Empty), (written.Out, written.Error));
        Assert.True(File.Exists(Path.Combine(_dir.Path, "out.sarif")));
    }

    [Fact]
    public void Quiet_fix_prints_no_count_line_and_no_notice()
    {
        var normal = CliRunner.RunOn(_dir.Path, None, terminal: false, errorTerminal: true, "fix", ".", "--dry-run");
        var quiet = CliRunner.RunOn(_dir.Path, None, terminal: false, errorTerminal: true, "fix", ".", "--dry-run", "--quiet");

        Assert.Matches(@"^\d+ fix(es)? would apply in 2 files", normal.Error);
        Assert.Equal(string.Empty, quiet.Error);
        Assert.Equal(normal.Out, quiet.Out);
        Assert.StartsWith("---", quiet.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_name_with_markup_is_printed_as_written()
    {
        using var dir = new TempDir();
        dir.Write("[red]x.yaml", File.ReadAllText(Path.Combine(Repo.Examples, "kubernetes", "llm-serving.yaml")));

        var run = CliRunner.RunOn(dir.Path, None, terminal: false, errorTerminal: true, "scan", ".");

        Assert.Contains("Reading [red]x.yaml", run.Error, StringComparison.Ordinal);
        Assert.Contains("Read 1 file ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void NO_COLOR_keeps_every_escape_sequence_off_standard_error()
    {
        var variables = new Dictionary<string, string> { ["NO_COLOR"] = "1" };
        var run = CliRunner.RunOn(_dir.Path, variables, terminal: true, errorTerminal: true, "scan", ".");

        Assert.DoesNotContain(Esc, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Esc, run.Out, StringComparison.Ordinal);
        Assert.NotEmpty(Findings(run.Out));
    }

    /// <summary>The finding lines of console output: every line but the summary, whose elapsed time differs per run.</summary>
    private static List<string> Findings(string stdout) =>
        stdout.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Where(l => !l.Contains(" suppressed, ", StringComparison.Ordinal)).ToList();

    /// <summary>The one summary line a json scan writes to standard error, checked for shape (its time varies).</summary>
    private static string Summary(string stderr)
    {
        Assert.Matches(@"^\d+ findings? \(.*\) in 2 files, 0 suppressed, \d+\.\d\d s\r?\n$", stderr);
        return stderr;
    }
}
