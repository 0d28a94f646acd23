using InfraLint.Core.Engine;
using InfraLint.Core.Locations;
using InfraLint.Yaml.Configuration;

namespace InfraLint.Cli.Inputs;

/// <summary><c>.infralint.yaml</c> as the CLI finds it: where it is, and what it says.</summary>
internal sealed record ConfigFile(string FullPath, string Directory, LoadedConfig Loaded)
{
    /// <summary>
    /// The file named by <c>--config</c> (which must exist), else <c>.infralint.yaml</c> in the working directory, else the
    /// one at the root of the enclosing git repository. Nothing above the repository is read, so a stray file in a
    /// parent folder never changes a scan.
    /// </summary>
    public static ConfigFile? Find(CliEnvironment env, string? explicitPath, RuleCatalog catalog)
    {
        string? path = null;
        if (!string.IsNullOrEmpty(explicitPath))
        {
            path = env.FullPath(explicitPath);
            if (!File.Exists(path)) throw new UsageException($"configuration file not found: {explicitPath}");
        }
        else
        {
            var candidates = new[] { env.WorkingDirectory, RepositoryRoot(env.WorkingDirectory) };
            path = candidates.Where(d => d is not null).Select(d => Path.Combine(d!, ConfigLoader.FileName)).FirstOrDefault(File.Exists);
        }
        if (path is null) return null;

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read configuration {explicitPath ?? path}: {e.Message}");
        }
        var loaded = ConfigLoader.Load(new SourceText(env.DisplayPath(path), text), id => catalog.Find(id) is not null);
        return new ConfigFile(path, Path.GetDirectoryName(path)!, loaded);
    }

    private static string? RepositoryRoot(string directory)
    {
        for (var dir = new DirectoryInfo(directory); dir is not null; dir = dir.Parent)
        {
            var git = Path.Combine(dir.FullName, ".git");
            if (System.IO.Directory.Exists(git) || File.Exists(git)) return dir.FullName; // a worktree's .git is a file
        }
        return null;
    }
}
