using InfraLint.Cli.Tests.Support;

namespace InfraLint.Cli.Tests.Hostile;

/// <summary>
/// Issue 7, item 8, as the CLI shows it: IL0001 at the error, an honest large file with an alias read, a closed stdout
/// not an internal error, <c>sizing.catalog</c> read, a second configuration document reported. (The loader's own
/// tests are in InfraLint.Yaml.Tests/YamlDocumentLoaderTests.)
/// </summary>
public sealed class ErrorPrecisionTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("apiVersion: v1\nkind: Pod\nmetadata:\n  name: *nope\n", "4:9", "the alias *nope refers to no anchor defined before it")]
    [InlineData("apiVersion: v1\nkind: Pod\nmetadata:\n\tname: web\n", "4:1", "tab")]
    [InlineData("apiVersion: v1\nkind: Pod\nmetadata:\n  name: \"web\n", "4:9", "no closing quote")]
    public void IL0001_points_at_the_error(string yaml, string at, string says)
    {
        _dir.Write("pod.yaml", yaml);

        var run = Bounded.Run(_dir.Path, "scan", "pod.yaml");

        var line = Assert.Single(Manifests.LinesOf(run.Out, "IL0001"));
        Assert.StartsWith($"pod.yaml:{at}: error IL0001: ", line);
        Assert.Contains(says, line);
    }

    [Fact]
    public void A_large_file_with_one_alias_is_read_not_called_an_alias_bomb()
    {
        // 1.1 million list items (under the 8 MiB limit) and one small alias: far more nodes than the alias limit, all honest.
        var items = string.Concat(Enumerable.Repeat("  - 1\n", 1_100_000));
        _dir.Write("values.yaml", "defaults: &d {a: 1}\nitems:\n" + items + "copy: *d\n");

        var run = Bounded.Run(_dir.Path, "scan", "values.yaml");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Empty(Manifests.LinesOf(run.Out, "IL0001"));
    }

    [Theory]
    [InlineData(typeof(IOException))]
    [InlineData(typeof(UnauthorizedAccessException))]
    public void A_closed_stdout_ends_with_the_findings_exit_code_not_an_internal_error(Type thrown)
    {
        _dir.Write("pod.yaml", Manifests.Pod("web"));
        var stderr = new StringWriter();
        var env = new CliEnvironment { Out = new BrokenWriter(thrown), Error = stderr, WorkingDirectory = _dir.Path };

        int exit = Program.Run(new[] { "scan", "pod.yaml" }, env);

        Assert.True(exit == 1, stderr.ToString());
        Assert.DoesNotContain("internal error", stderr.ToString());
    }

    [Fact]
    public void Sizing_catalog_in_the_configuration_is_read_from_the_CLI()
    {
        _dir.Write("pod.yaml", Manifests.Pod("web"));
        _dir.Write(".infralint.yaml", "sizing:\n  catalog: prices\n");
        _dir.Write("prices/instances.yaml", "instances:\n  - name: x\n");

        var bad = Bounded.Run(_dir.Path, "scan", "pod.yaml", "--fail-on", "none");
        _dir.Write("prices/instances.yaml", """
            instances:
              - name: g6.xlarge
                provider: aws
                region: us-east-1
                accelerator: l4
                acceleratorCount: 1
                onDemandUsdPerHour: 0.50
                spotUsdPerHour: 0.20
                source: negotiated
                date: 2026-01
            """);
        var good = Bounded.Run(_dir.Path, "scan", "pod.yaml", "--fail-on", "none");

        var problem = Assert.Single(Manifests.LinesOf(bad.Out, "IL0002"));
        Assert.StartsWith(".infralint.yaml:2:12: error IL0002: The sizing catalog override is not valid: ", problem);
        Assert.Contains("instances.yaml:", problem);
        Assert.Empty(Manifests.LinesOf(good.Out, "IL0002"));
    }

    [Fact]
    public void A_FIFO_in_the_sizing_catalog_folder_is_an_IL0002_at_the_key_not_a_hang()
    {
        _dir.Write("pod.yaml", Manifests.Pod("web"));
        _dir.Write(".infralint.yaml", "sizing:\n  catalog: prices\n");
        _dir.Fifo("prices/models.yaml");

        var run = Bounded.Run(_dir.Path, "scan", "pod.yaml");

        var problem = Assert.Single(Manifests.LinesOf(run.Out, "IL0002"));
        Assert.StartsWith(".infralint.yaml:2:12: error IL0002: 'sizing.catalog' directory 'prices': cannot read models.yaml: Not a regular file (a FIFO)", problem);
    }

    [Fact]
    public void A_second_document_in_the_configuration_is_an_IL0002()
    {
        _dir.Write("pod.yaml", Manifests.Pod("web"));
        _dir.Write(".infralint.yaml", "requireImageDigests: true\n---\nrules:\n  IL2008: off\n");

        var run = Bounded.Run(_dir.Path, "scan", "pod.yaml");

        var problem = Assert.Single(Manifests.LinesOf(run.Out, "IL0002"));
        Assert.StartsWith(".infralint.yaml:2:1: error IL0002: ", problem);
    }

    private sealed class BrokenWriter(Type thrown) : TextWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value) => throw (Exception)Activator.CreateInstance(thrown, "Broken pipe")!;
    }
}
