using System.Reflection;
using System.Runtime.Loader;
using InfraLint.Cli.Tests.Support;

namespace InfraLint.Cli.Tests;

/// <summary>
/// Issue 9 (first slice): KubernetesClient models built in C# go through the syntactic C# front end into the same
/// tree and the same Kubernetes mapper as YAML, and findings point at the exact C# expression.
/// </summary>
public sealed class CSharpModelTests : IDisposable
{
    private const string Deployment = """
        using k8s.Models;

        var d = new V1Deployment
        {
            Metadata = new V1ObjectMeta { Name = "vllm", NamespaceProperty = "serving" },
            Spec = new V1DeploymentSpec
            {
                Template = new V1PodTemplateSpec
                {
                    Spec = new V1PodSpec
                    {
                        HostNetwork = true,
                        Containers = new List<V1Container>
                        {
                            new V1Container
                            {
                                Name = "vllm",
                                Image = "vllm/vllm-openai:v0.6.3",
                                SecurityContext = new V1SecurityContext { Privileged = PRIVILEGED },
                            },
                        },
                    },
                },
            },
        };
        """;

    private const string Yaml = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: vllm
          namespace: serving
        spec:
          template:
            spec:
              hostNetwork: true
              containers:
                - name: vllm
                  image: vllm/vllm-openai:v0.6.3
                  securityContext:
                    privileged: true
        """;

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static List<(string File, int Line, int Column, string Level, string Rule)> Findings(CliRun run) => ConsoleFindings.Of(run);

    private static (int Line, int Column) Position(string text, string needle)
    {
        int at = text.IndexOf(needle, StringComparison.Ordinal);
        Assert.True(at >= 0, needle);
        var before = text[..at];
        int line = before.Count(c => c == '\n') + 1;
        return (line, at - (before.LastIndexOf('\n') + 1) + 1);
    }

    [Fact]
    public void Privileged_and_host_network_are_reported_at_the_csharp_literal()
    {
        var text = Deployment.Replace("PRIVILEGED", "true");
        _dir.Write("Infra.cs", text);
        var run = CliRunner.Run(_dir.Path, "scan", ".");
        var findings = Findings(run);

        var privileged = Position(text, "Privileged = true") is var (pl, pc) ? (pl, pc + "Privileged = ".Length) : default;
        var hostNetwork = Position(text, "HostNetwork = true") is var (hl, hc) ? (hl, hc + "HostNetwork = ".Length) : default;
        Assert.Contains(("Infra.cs", privileged.Item1, privileged.Item2, "error", "IL2006"), findings);
        Assert.Contains(("Infra.cs", hostNetwork.Item1, hostNetwork.Item2, "error", "IL2008"), findings);
        Assert.Contains($"Infra.cs:{privileged.Item1}:{privileged.Item2}: error IL2006", run.Out, StringComparison.Ordinal);
        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public void The_csharp_model_gets_the_same_rules_as_the_same_yaml()
    {
        _dir.Write("cs/Infra.cs", Deployment.Replace("PRIVILEGED", "true"));
        _dir.Write("yaml/deploy.yaml", Yaml);
        var fromCSharp = Findings(CliRunner.Run(_dir.Path, "scan", "cs", "--fail-on", "none")).Select(f => (f.Level, f.Rule)).Order().ToList();
        var fromYaml = Findings(CliRunner.Run(_dir.Path, "scan", "yaml", "--fail-on", "none")).Select(f => (f.Level, f.Rule)).Order().ToList();

        Assert.Contains(("error", "IL2006"), fromYaml);
        Assert.Equal(fromYaml, fromCSharp);
    }

    [Fact]
    public void An_unknown_value_produces_no_finding()
    {
        var text = Deployment.Replace("PRIVILEGED", "config.Require(\"p\")");
        _dir.Write("Infra.cs", text);
        var run = CliRunner.Run(_dir.Path, "scan", ".", "--fail-on", "none");
        var findings = Findings(run);
        var (line, _) = Position(text, "config.Require");

        // No finding about privileged: neither at the call nor anywhere else.
        Assert.DoesNotContain(findings, f => f.Line == line);
        Assert.DoesNotContain("runs privileged", run.Out, StringComparison.Ordinal);
        // IL2006's other half (allowPrivilegeEscalation not set to false) is about a value that is missing, not unknown: still reported, at the container's name.
        Assert.Contains(findings, f => f.Rule == "IL2006" && f.Line == Position(text, "Name = \"vllm\",\n").Line);
        Assert.Contains(findings, f => f.Rule == "IL2008");
    }

    [Fact]
    public void A_class_of_the_same_name_that_is_not_kubernetes_client_is_not_read()
    {
        // Mentions k8s (so the file is parsed), but V1Deployment is Mine.V1Deployment: no using k8s.Models, no qualification.
        var text = Deployment.Replace("PRIVILEGED", "true").Replace("using k8s.Models;\n\nvar d = ", "using k8s;\nnamespace Mine;\nclass Infra\n{\nobject D = ") + "\n}\n";
        Assert.Contains("class Infra", text, StringComparison.Ordinal);
        _dir.Write("Infra.cs", text);
        _dir.Write("Mine.cs", "namespace Mine;\npublic class V1Deployment { public object? Metadata { get; set; } public object? Spec { get; set; } }\n");
        var run = CliRunner.Run(_dir.Path, "scan", ".");

        Assert.Empty(Findings(run));
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public void Fix_rewrites_the_csharp_in_place_the_result_parses_and_a_second_run_changes_nothing()
    {
        var text = Deployment.Replace("PRIVILEGED", "true");
        _dir.Write("Infra.cs", text);

        var run = CliRunner.Run(_dir.Path, "fix", ".");
        Assert.Equal(0, run.ExitCode);
        var fixedText = File.ReadAllText(Path.Combine(_dir.Path, "Infra.cs"));
        // IL2007 judges the user only once the container is no longer privileged: the same fix run adds it in its next round.
        Assert.Contains("SecurityContext = new V1SecurityContext { Privileged = false, AllowPrivilegeEscalation = false, RunAsNonRoot = true },", fixedText, StringComparison.Ordinal);
        Assert.Contains("HostNetwork = false,", fixedText, StringComparison.Ordinal);
        Assert.Equal(0, CSharp.CSharpAdapter.SyntaxErrors(new Core.Locations.SourceText("Infra.cs", fixedText)));
        Assert.DoesNotContain(Findings(CliRunner.Run(_dir.Path, "scan", ".", "--fail-on", "none")), f => f.Rule is "IL2006" or "IL2008");

        var second = CliRunner.Run(_dir.Path, "fix", ".");
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(fixedText, File.ReadAllText(Path.Combine(_dir.Path, "Infra.cs")));
        Assert.Contains("0 fixes applied", second.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Roslyn_is_loaded_only_when_a_csharp_file_is_read()
    {
        _dir.Write("yaml/deploy.yaml", Yaml);
        _dir.Write("cs/Infra.cs", Deployment.Replace("PRIVILEGED", "true"));

        Assert.DoesNotContain(LoadedByScan("yaml"), IsRoslyn);
        // The control: the same check sees Roslyn when a .cs file is read, so the first answer means something.
        Assert.Contains(LoadedByScan("cs"), IsRoslyn);
    }

    private static bool IsRoslyn(string assembly) => assembly.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal);

    /// <summary>
    /// The assemblies one <c>infralint scan</c> loads, run in a fresh load context (this process has long loaded
    /// Roslyn for other tests): every assembly beside the tests is loaded into it, the framework comes from the default.
    /// </summary>
    private List<string> LoadedByScan(string folder)
    {
        var context = new IsolatedContext();
        var cli = context.LoadFromAssemblyPath(typeof(Program).Assembly.Location);
        var main = cli.GetType(typeof(Program).FullName!)!.GetMethod(nameof(Program.Main))!;
        var output = Path.Combine(_dir.Path, folder + ".json");
        var exit = (int)main.Invoke(null, new object[] { new[] { "scan", Path.Combine(_dir.Path, folder), "--format", "json", "--output", output, "--fail-on", "none" } })!;
        Assert.Equal(0, exit);
        Assert.Contains("IL2006", File.ReadAllText(output), StringComparison.Ordinal);
        return context.Assemblies.Select(a => a.GetName().Name!).ToList();
    }

    private sealed class IsolatedContext : AssemblyLoadContext
    {
        public IsolatedContext()
            : base("infralint-scan")
        {
        }

        protected override Assembly? Load(AssemblyName name)
        {
            var path = Path.Combine(AppContext.BaseDirectory, name.Name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
