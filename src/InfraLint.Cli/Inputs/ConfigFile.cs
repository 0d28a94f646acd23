using InfraLint.Cli.Diagnostics;
using InfraLint.Cli.Files;
using InfraLint.Core.Engine;
using InfraLint.Core.Scanning;
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
        using var _ = Timings.Measure("configuration");
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
            text = RegularFile.ReadText(path).Text;
        }
        catch (SourceUnreadableException e)
        {
            throw new UsageException($"cannot read configuration {explicitPath ?? env.DisplayPath(path)}: {e.Message}");
        }
        var directory = Path.GetDirectoryName(path)!;
        var loaded = ConfigLoader.Load(new SourceText(env.DisplayPath(path), text), id => catalog.Find(id) is not null, file => ReadBeside(directory, file));
        return new ConfigFile(path, directory, loaded);
    }

    /// <summary>
    /// A file the configuration names (<c>sizing.catalog</c>), relative to the configuration's folder; null when absent.
    /// An unreadable one is an IOException, which the configuration reports as an IL0002 at the key that named it.
    /// </summary>
    private static string? ReadBeside(string directory, string relative)
    {
        var full = Path.GetFullPath(relative, directory);
        if (RegularFile.KindOf(full, followLinks: true) == FileKind.Missing) return null;
        try
        {
            return RegularFile.ReadText(full).Text;
        }
        catch (SourceUnreadableException e)
        {
            throw new IOException($"cannot read {Path.GetFileName(relative)}: {e.Message}");
        }
    }

    internal static string? RepositoryRoot(string directory) => GitWorkTree.Root(directory);
}
