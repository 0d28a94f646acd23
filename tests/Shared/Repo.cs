namespace InfraLint.Tests;

/// <summary>
/// Where the repository and its sibling <c>shared/</c> folder are, found from the test binary's location.
/// Linked into every test project (see Directory.Build.props) so there is one way to find them.
/// </summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string SharedCorpus => Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus"));

    public static string Examples => Path.Combine(Root, "examples");

    /// <summary>
    /// The corpus folder for a <c>[SkippableFact]</c>: without it the test shows as skipped (never as passed), and on CI,
    /// which always has it beside the clone, it fails.
    /// </summary>
    public static string RequireSharedCorpus()
    {
        if (Directory.Exists(SharedCorpus)) return SharedCorpus;
        Xunit.Assert.False(IsCi, $"CI must have the shared corpus at {SharedCorpus}.");
        throw new Xunit.SkipException($"The shared corpus is not at {SharedCorpus}.");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "InfraLint.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No InfraLint.sln above {AppContext.BaseDirectory}.");
    }
}
