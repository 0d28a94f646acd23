using InfraLint.Tests;

namespace InfraLint.Core.Tests;

/// <summary>
/// The analyzers that keep Core and Rules host-neutral only help while they are wired in and unsuppressed; these
/// tests fail when either stops being true (the analyzers themselves fail the build on a banned call).
/// </summary>
public class HostNeutralityTests
{
    private static readonly System.Text.RegularExpressions.Regex Suppression = new(
        @"#pragma\s+warning\s+disable[^\n]*RS(1035|0030)|SuppressMessage\([^)]*RS(1035|0030)|<(NoWarn|WarningsNotAsErrors)>[^<]*RS(1035|0030)|dotnet_diagnostic\.RS(1035|0030)");

    public static TheoryData<string, string> Projects => new()
    {
        { "src/InfraLint.Core/InfraLint.Core.csproj", "../Shared/HostNeutral.props" },
        { "rules/InfraLint.Rules/InfraLint.Rules.csproj", "../../src/Shared/HostNeutral.props" },
        { "src/InfraLint.Platforms/InfraLint.Platforms.csproj", "../Shared/HostNeutral.props" },
        { "src/InfraLint.Json/InfraLint.Json.csproj", "../Shared/HostNeutral.props" },
    };

    [Theory]
    [MemberData(nameof(Projects))]
    public void Project_enforces_the_extended_analyzer_rules_and_imports_the_banned_api_list(string project, string import)
    {
        var text = File.ReadAllText(Path.Combine(Repo.Root, project));
        Assert.Contains("<EnforceExtendedAnalyzerRules>true</EnforceExtendedAnalyzerRules>", text);
        Assert.Contains($"<Import Project=\"{import}\" />", text);
    }

    [Fact]
    public void Shared_props_references_both_analyzers_and_the_banned_symbols()
    {
        var text = File.ReadAllText(Path.Combine(Repo.Root, "src/Shared/HostNeutral.props"));
        Assert.Contains("<PackageReference Include=\"Microsoft.CodeAnalysis.Analyzers\" PrivateAssets=\"all\" />", text);
        Assert.Contains("<PackageReference Include=\"Microsoft.CodeAnalysis.BannedApiAnalyzers\" PrivateAssets=\"all\" />", text);
        Assert.Contains("<AdditionalFiles Include=\"$(MSBuildThisFileDirectory)BannedSymbols.txt\"", text);
        var banned = File.ReadAllLines(Path.Combine(Repo.Root, "src/Shared/BannedSymbols.txt")).Select(l => l.Split(';')[0]).ToArray();
        Assert.Contains("T:System.IO.File", banned);
        Assert.Contains("T:System.IO.FileStream", banned);
        Assert.Contains("M:System.IO.StreamReader.#ctor(System.String)", banned);
        Assert.Contains("T:System.Console", banned);
        Assert.Contains("T:System.Environment", banned);
    }

    [Fact]
    public void Nothing_suppresses_the_host_neutrality_diagnostics()
    {
        var files = new[] { "src/InfraLint.Core", "rules/InfraLint.Rules", "src/InfraLint.Platforms", "src/InfraLint.Json" }
            .SelectMany(dir => Directory.EnumerateFiles(Path.Combine(Repo.Root, dir), "*", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Where(f => f.EndsWith(".cs") || f.EndsWith(".csproj") || f.EndsWith(".props") || f.EndsWith(".editorconfig") || f.EndsWith(".globalconfig"))
            .Concat(new[] { "Directory.Build.props", "src/Shared/HostNeutral.props" }.Select(f => Path.Combine(Repo.Root, f)))
            .Concat(Directory.EnumerateFiles(Repo.Root, ".editorconfig", SearchOption.TopDirectoryOnly))
            .ToArray();
        Assert.NotEmpty(files);
        var offenders = files.Where(f => Suppression.IsMatch(File.ReadAllText(f))).ToArray();
        Assert.Empty(offenders);
    }
}
