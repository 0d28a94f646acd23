namespace InfraLint.Cli.Tests.Support;

/// <summary>Where the repository and its sibling <c>shared/</c> folder are, found from the test binary's location.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string SharedCorpus => Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus"));

    public static string Examples => Path.Combine(Root, "examples");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "InfraLint.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No InfraLint.sln above {AppContext.BaseDirectory}.");
    }
}
