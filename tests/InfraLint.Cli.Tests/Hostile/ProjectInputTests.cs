using System.Diagnostics;
using InfraLint.Cli.CSharpProjects;
using InfraLint.Cli.Tests.Support;

namespace InfraLint.Cli.Tests.Hostile;

/// <summary>
/// Projects and solutions go to MSBuild and Roslyn, which block on a FIFO and read files of any size: what InfraLint
/// hands them is checked first, and loading has a deadline, so no project can hang a scan.
/// </summary>
[Collection(ProjectLoadDeadline.Name)]
public sealed class ProjectInputTests : IDisposable
{
    private const string Project = "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n  </PropertyGroup>\nIMPORT</Project>\n";

    private const string Program = "using k8s.Models;\n\nvar p = new V1Pod { Spec = new V1PodSpec { HostNetwork = true, Containers = new List<V1Container> { new V1Container { Name = \"a\", Image = \"a:1\" } } } };\n";

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", path);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    [SkippableFact]
    public void A_fifo_and_a_huge_file_among_a_projects_sources_are_reported_and_the_rest_is_read()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "FIFOs are made with mkfifo");
        _dir.Write("app/App.csproj", Project.Replace("IMPORT", string.Empty));
        _dir.Write("app/Program.cs", Program);
        _dir.Write("app/Huge.cs", new string('a', 9_000_000));
        MakeFifo(Path.Combine(_dir.Path, "app/Pipe.cs"));

        var run = Bounded.Run(_dir.Path, "scan", "app/App.csproj", "--fail-on", "none");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("app/Pipe.cs:1:1: error IL0001: Not a regular file (a FIFO)", run.Out, StringComparison.Ordinal);
        Assert.Contains("app/Huge.cs:1:1: error IL0001: File is 9,000,000 bytes", run.Out, StringComparison.Ordinal);
        Assert.Contains("app/Program.cs:3:", run.Out, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_project_file_that_is_a_fifo_is_not_given_to_msbuild()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "FIFOs are made with mkfifo");
        _dir.Write("app/Program.cs", Program);
        MakeFifo(Path.Combine(_dir.Path, "app/App.csproj"));

        var run = Bounded.Run(_dir.Path, "scan", "app/App.csproj", "--fail-on", "none");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("infralint: app/App.csproj: its C# files were read syntactically", run.Error, StringComparison.Ordinal);
        Assert.Contains("it is a FIFO, not a regular file", run.Error, StringComparison.Ordinal);
        Assert.Contains("app/Program.cs:3:", run.Out, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_project_whose_import_never_ends_is_read_syntactically_after_the_deadline()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "FIFOs are made with mkfifo");
        _dir.Write("app/App.csproj", Project.Replace("IMPORT", "  <Import Project=\"Never.props\" />\n"));
        _dir.Write("app/Program.cs", Program);
        MakeFifo(Path.Combine(_dir.Path, "app/Never.props"));
        var before = ProjectLoader.LoadTimeout;
        ProjectLoader.LoadTimeout = TimeSpan.FromSeconds(20);
        try
        {
            var run = Bounded.Run(_dir.Path, "scan", "app/App.csproj", "--fail-on", "none");

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("infralint: app/App.csproj: its C# files were read syntactically", run.Error, StringComparison.Ordinal);
            Assert.Contains("app/Program.cs:3:", run.Out, StringComparison.Ordinal);
        }
        finally
        {
            ProjectLoader.LoadTimeout = before;
        }
    }
}

/// <summary>Tests that change the process-wide project-loading deadline run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProjectLoadDeadline
{
    public const string Name = "Project load deadline";
}
