using System.Reflection;
using System.Runtime.Loader;
using InfraLint.Cli.Tests.Support;
using InfraLint.Tests;

namespace InfraLint.Cli.Tests;

/// <summary>
/// Issue 9, point 3: <c>infralint scan</c> reads a <c>.csproj</c>, <c>.sln</c> or <c>.slnx</c> semantically (the
/// project's compilation binds names and constants across its files), run through the published tool as users run
/// it; a folder of <c>.cs</c> files syntactically. Semantic mode may find more, never less; a project that cannot be
/// loaded or restored is read syntactically with a notice. Every project is a copy in a temporary folder.
/// </summary>
public sealed class CSharpProjectTests : IDisposable
{
    private const string ProjectFile = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="KubernetesClient" Version="21.0.8" />
          </ItemGroup>
        </Project>
        """;

    /// <summary>A Deployment with findings of several rules; PRIVILEGED and the usings are filled in by each test.</summary>
    private const string Deployment = """
        USINGS
        var replicas = 2;
        var d = new V1Deployment
        {
            Metadata = new V1ObjectMeta { Name = "vllm", NamespaceProperty = "serving" },
            Spec = new V1DeploymentSpec
            {
                Replicas = replicas,
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
        Console.WriteLine(d.Metadata.Name);
        """;

    /// <summary>A second file of the project: a Job in a class, so that the project has more than one file to read.</summary>
    private const string Job = """
        using k8s.Models;

        namespace Infra;

        public static class Jobs
        {
            public static V1Job Training() => new V1Job
            {
                Metadata = new V1ObjectMeta { Name = "train" },
                Spec = new V1JobSpec
                {
                    Template = new V1PodTemplateSpec
                    {
                        Spec = new V1PodSpec
                        {
                            Containers = new List<V1Container>
                            {
                                new V1Container { Name = "train", Image = "trainer:1.0", SecurityContext = new V1SecurityContext { AllowPrivilegeEscalation = true } },
                            },
                        },
                    },
                },
            };
        }
        """;

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static List<(string File, int Line, int Column, string Level, string Rule)> Findings(CliRun run) => ConsoleFindings.Of(run);

    /// <summary>Line and column (1-based) just after <paramref name="before"/> in <paramref name="text"/>: where the value it assigns starts.</summary>
    private static (int Line, int Column) After(string text, string before)
    {
        int at = text.IndexOf(before, StringComparison.Ordinal);
        Assert.True(at >= 0, before);
        at += before.Length;
        var head = text[..at];
        return (head.Count(c => c == '\n') + 1, at - (head.LastIndexOf('\n') + 1) + 1);
    }

    /// <summary>Writes a KubernetesClient project in <c>folder</c> and, unless told not to, restores it (from the local package cache or the feed).</summary>
    private string WriteProject(string folder, IReadOnlyDictionary<string, string> files, bool restore = true, string projectFile = ProjectFile)
    {
        var project = _dir.Write($"{folder}/K8s.csproj", projectFile);
        foreach (var (name, text) in files) _dir.Write($"{folder}/{name}", text);
        if (restore)
        {
            var run = Dotnet.Run(Path.GetDirectoryName(project)!, TimeSpan.FromMinutes(5), "restore", "K8s.csproj");
            Assert.True(run.ExitCode == 0, $"dotnet restore failed:\n{run}");
        }
        return project;
    }

    private static string ProgramText(string privileged, string usings = "using k8s.Models;") =>
        Deployment.Replace("USINGS", usings).Replace("PRIVILEGED", privileged);

    [Fact]
    public void A_project_read_semantically_reports_what_its_folder_read_syntactically_reports()
    {
        WriteProject("app", new Dictionary<string, string> { ["Program.cs"] = ProgramText("true"), ["Jobs.cs"] = Job });

        var semantic = PublishedTool.Run(_dir.Path, "scan", "app/K8s.csproj");
        var syntactic = PublishedTool.Run(_dir.Path, "scan", "app");

        var text = ProgramText("true");
        var privileged = After(text, "Privileged = ");
        Assert.Contains(("app/Program.cs", privileged.Line, privileged.Column, "error", "IL2006"), Findings(semantic));
        Assert.Contains(Findings(semantic), f => f.File == "app/Jobs.cs" && f.Rule == "IL2006");
        Assert.Equal(Findings(syntactic), Findings(semantic));
        Assert.Equal(1, semantic.ExitCode);
        Assert.Equal(syntactic.ExitCode, semantic.ExitCode);
        Assert.DoesNotContain("read syntactically", semantic.Error, StringComparison.Ordinal);
        Assert.Contains("in 2 files", semantic.Out, StringComparison.Ordinal);
    }

    /// <summary>The examples users are shown (issue 9's acceptance): the project and its folder report the same findings.</summary>
    [SkippableTheory]
    [InlineData("k8s-csharp")]
    [InlineData("cdk-csharp")]
    public void An_example_project_reports_the_same_findings_as_its_folder(string example)
    {
        var source = Path.Combine(Repo.Examples, example);
        Skip.IfNot(Directory.Exists(source), $"examples/{example} is not in the repository yet.");
        var copy = Path.Combine(_dir.Path, example);
        CopyWithoutBuildOutput(source, copy);
        var project = Directory.GetFiles(copy, "*.csproj", SearchOption.AllDirectories).Single();
        var restore = Dotnet.Run(Path.GetDirectoryName(project)!, TimeSpan.FromMinutes(5), "restore", project);
        Assert.True(restore.ExitCode == 0, $"dotnet restore failed:\n{restore}");

        var semantic = PublishedTool.Run(_dir.Path, "scan", Path.GetRelativePath(_dir.Path, project), "--fail-on", "none");
        var syntactic = PublishedTool.Run(_dir.Path, "scan", example, "--fail-on", "none");

        Assert.NotEmpty(Findings(syntactic));
        Assert.Equal(Findings(syntactic), Findings(semantic));
        Assert.DoesNotContain("read syntactically", semantic.Error, StringComparison.Ordinal);
    }

    private static void CopyWithoutBuildOutput(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var folder in Directory.GetDirectories(from))
            if (Path.GetFileName(folder) is not ("bin" or "obj")) CopyWithoutBuildOutput(folder, Path.Combine(to, Path.GetFileName(folder)));
    }

    [Fact]
    public void Constants_of_another_file_and_a_global_using_are_bound_through_the_project()
    {
        // Program.cs never names k8s: its usings come from GlobalUsings.cs, and the value from Settings.cs.
        var program = ProgramText("Settings.Privileged", usings: "using Infra;");
        var files = new Dictionary<string, string>
        {
            ["Program.cs"] = program,
            ["GlobalUsings.cs"] = "global using k8s.Models;\n",
            ["Settings.cs"] = "namespace Infra;\n\npublic static class Settings\n{\n    public const bool Privileged = true;\n}\n",
            // Compiled (the project includes it by hand) but in bin/: not the project's own source, never read.
            ["bin/Extra.cs"] = "namespace Infra;\n\npublic static class Extra\n{\n    public static V1Pod Pod() => new V1Pod { Spec = new V1PodSpec { HostNetwork = true } };\n}\n",
        };
        WriteProject("app", files, projectFile: ProjectFile.Replace("</Project>", "  <ItemGroup>\n    <Compile Include=\"bin/Extra.cs\" />\n  </ItemGroup>\n</Project>"));

        var semantic = PublishedTool.Run(_dir.Path, "scan", "app/K8s.csproj", "--fail-on", "none");
        var syntactic = PublishedTool.Run(_dir.Path, "scan", "app", "--fail-on", "none");

        var privileged = After(program, "Privileged = ");
        Assert.Contains(("app/Program.cs", privileged.Line, privileged.Column, "error", "IL2006"), Findings(semantic));
        Assert.DoesNotContain(Findings(semantic), f => f.File.StartsWith("app/bin/", StringComparison.Ordinal));
        // Syntactic mode sees neither the global using nor the constant: it knows less, and reports nothing semantic mode does not.
        Assert.DoesNotContain(Findings(syntactic), f => f.Rule == "IL2006");
        Assert.All(Findings(syntactic), f => Assert.Contains(f, Findings(semantic)));
        Assert.Contains("in 3 files", semantic.Out, StringComparison.Ordinal);

        // From outside the project's folder, findings name ../app/… and the files are still bound by the compilation.
        Directory.CreateDirectory(Path.Combine(_dir.Path, "elsewhere"));
        var outside = PublishedTool.Run(Path.Combine(_dir.Path, "elsewhere"), "scan", "../app/K8s.csproj", "--fail-on", "none");
        Assert.Contains(("../app/Program.cs", privileged.Line, privileged.Column, "error", "IL2006"), Findings(outside));
    }

    [Fact]
    public void A_solution_reads_its_projects_semantically_and_a_file_given_twice_once()
    {
        // With a BOM and CRLF line ends, as Visual Studio writes files: the compilation's text is still the text read.
        var program = ProgramText("Settings.Privileged", usings: "using Infra;\nusing k8s.Models;").ReplaceLineEndings("\r\n");
        WriteProject("src/app", new Dictionary<string, string>
        {
            ["Settings.cs"] = "namespace Infra;\n\npublic static class Settings\n{\n    public const bool Privileged = true;\n}\n",
        });
        _dir.WriteBytes("src/app/Program.cs", new byte[] { 0xEF, 0xBB, 0xBF }.Concat(System.Text.Encoding.UTF8.GetBytes(program)).ToArray());
        _dir.Write("All.slnx", "<Solution>\n  <Project Path=\"src/app/K8s.csproj\" />\n</Solution>\n");

        var run = PublishedTool.Run(_dir.Path, "scan", "All.slnx", "src/app/Program.cs", "--fail-on", "none");

        var privileged = After(program, "Privileged = ");
        Assert.Single(Findings(run), f => f == ("src/app/Program.cs", privileged.Line, privileged.Column, "error", "IL2006"));
        Assert.Equal(Findings(run).Distinct().Count(), Findings(run).Count);
        Assert.Contains("in 2 files", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_project_that_is_not_restored_is_read_syntactically_with_a_notice()
    {
        WriteProject("app", new Dictionary<string, string> { ["Program.cs"] = ProgramText("true"), ["Jobs.cs"] = Job }, restore: false);

        var project = PublishedTool.Run(_dir.Path, "scan", "app/K8s.csproj");
        var folder = PublishedTool.Run(_dir.Path, "scan", "app");

        Assert.Contains("infralint: app/K8s.csproj: its C# files were read syntactically", project.Error, StringComparison.Ordinal);
        Assert.Contains("'using k8s.Models;' (app/", project.Error, StringComparison.Ordinal);
        Assert.Contains("dotnet restore", project.Error, StringComparison.Ordinal);
        Assert.NotEmpty(Findings(project));
        Assert.Equal(Findings(folder), Findings(project));
        Assert.Equal(1, project.ExitCode);
    }

    [Fact]
    public void A_broken_project_file_is_named_with_its_line_and_its_files_are_still_read()
    {
        var broken = "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0\n  </PropertyGroup>\n</Project>\n";
        WriteProject("app", new Dictionary<string, string> { ["Program.cs"] = ProgramText("true") }, restore: false, projectFile: broken);

        var run = PublishedTool.Run(_dir.Path, "scan", "app/K8s.csproj");

        Assert.Contains("infralint: app/K8s.csproj: its C# files were read syntactically", run.Error, StringComparison.Ordinal);
        Assert.Matches(@"K8s\.csproj.*[Ll]ine 4", run.Error);
        var privileged = After(ProgramText("true"), "Privileged = ");
        Assert.Contains(("app/Program.cs", privileged.Line, privileged.Column, "error", "IL2006"), Findings(run));
        Assert.Equal(1, run.ExitCode);
    }

    [Theory]
    [InlineData("All.slnx", "<Solution>\n  <Project Path=\"gone/Gone.csproj\" />\n</Solution>\n")]
    [InlineData("All.sln", "Microsoft Visual Studio Solution File, Format Version 12.00\nProject(\"{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}\") = \"Gone\", \"gone\\Gone.csproj\", \"{11111111-1111-1111-1111-111111111111}\"\nEndProject\n")]
    [InlineData("All.sln", "this is not a solution\n")]
    public void A_solution_that_cannot_be_loaded_says_why_and_its_folder_is_read(string name, string solution)
    {
        _dir.Write(name, solution);
        _dir.Write("app/Program.cs", ProgramText("true"));

        var run = PublishedTool.Run(_dir.Path, "scan", name);

        Assert.Contains($"infralint: {name}: its C# files were read syntactically", run.Error, StringComparison.Ordinal);
        var privileged = After(ProgramText("true"), "Privileged = ");
        Assert.Contains(("app/Program.cs", privileged.Line, privileged.Column, "error", "IL2006"), Findings(run));
        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public void A_yaml_only_scan_loads_neither_roslyn_nor_msbuild()
    {
        _dir.Write("yaml/deploy.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: vllm\nspec:\n  template:\n    spec:\n      containers:\n        - name: vllm\n          image: vllm:1\n          securityContext:\n            privileged: true\n");
        // The control: a solution (here one whose project is missing, so no build runs) loads both, so the first answer means something.
        _dir.Write("sln/All.slnx", "<Solution>\n  <Project Path=\"gone/Gone.csproj\" />\n</Solution>\n");
        _dir.Write("sln/Program.cs", ProgramText("true"));

        var yaml = LoadedByScan(Path.Combine(_dir.Path, "yaml"));
        Assert.DoesNotContain(yaml, a => a.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) || a.StartsWith("Microsoft.Build", StringComparison.Ordinal));

        var solution = LoadedByScan(Path.Combine(_dir.Path, "sln", "All.slnx"));
        Assert.Contains("Microsoft.Build.Locator", solution);
        Assert.Contains("Microsoft.CodeAnalysis.Workspaces.MSBuild", solution);
    }

    /// <summary>
    /// The assemblies one <c>infralint scan</c> loads, run in a fresh load context (this process has long loaded
    /// Roslyn for other tests): every assembly beside the tests is loaded into it, the framework comes from the default.
    /// </summary>
    private List<string> LoadedByScan(string path)
    {
        var context = new IsolatedContext();
        var cli = context.LoadFromAssemblyPath(typeof(Program).Assembly.Location);
        var main = cli.GetType(typeof(Program).FullName!)!.GetMethod(nameof(Cli.Program.Main))!;
        var output = Path.Combine(_dir.Path, Guid.NewGuid().ToString("N") + ".json");
        var exit = (int)main.Invoke(null, new object[] { new[] { "scan", path, "--format", "json", "--output", output, "--fail-on", "none" } })!;
        Assert.Equal(0, exit);
        Assert.Contains("IL2006", File.ReadAllText(output), StringComparison.Ordinal);
        return context.Assemblies.Select(a => a.GetName().Name!).ToList();
    }

    private sealed class IsolatedContext : AssemblyLoadContext
    {
        public IsolatedContext()
            : base("infralint-scan-projects")
        {
        }

        protected override Assembly? Load(AssemblyName name)
        {
            var path = Path.Combine(AppContext.BaseDirectory, name.Name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
