using System.IO.Enumeration;
using InfraLint.Cli.CSharpProjects;
using InfraLint.Cli.Files;
using InfraLint.Core.Scanning;
using Microsoft.Extensions.FileSystemGlobbing;

namespace InfraLint.Cli.Inputs;

/// <summary>What to scan, found from the paths on the command line.</summary>
/// <param name="Unreadable">Folders that could not be listed, by display path, with the reason: reported like an unreadable file.</param>
internal sealed record InputSet(IReadOnlyList<ScanInput> Files, string Root, IReadOnlyList<string> Notices, IReadOnlyDictionary<string, string> Unreadable)
{
    /// <summary>
    /// The compilation (a <c>Microsoft.CodeAnalysis.Compilation</c>) of each C# file that came from a loaded project,
    /// by display path: those files are read semantically, every other one syntactically.
    /// </summary>
    public IReadOnlyDictionary<string, object> Compilations { get; init; } = new Dictionary<string, object>(StringComparer.Ordinal);

    private Dictionary<string, string>? _fullPathByDisplay;

    /// <summary>Absolute path of each file by the display path findings carry, made when the report asks (a scan's inputs make their full paths on demand).</summary>
    public IReadOnlyDictionary<string, string> FullPathByDisplay =>
        _fullPathByDisplay ??= Files.ToDictionary(f => f.DisplayPath, f => f.FullPath, StringComparer.Ordinal);
}

/// <summary>An entry of a folder: a folder to walk, a symbolic link to a folder (never walked), or anything else.</summary>
internal readonly record struct FolderEntry(string Path, bool IsDirectory, bool IsLinkToDirectory);

/// <summary>
/// Expands files and directories into the files an adapter reads. Directories are walked recursively,
/// skipping tool and VCS folders and symbolic links to directories (no cycles); <c>--exclude</c> globs are
/// matched against each file's path relative to the directory given on the command line. A <c>.csproj</c>, <c>.sln</c> or
/// <c>.slnx</c> (when a project loader is given) stands for the C# documents of its projects under each project's folder,
/// excludes matched relative to that folder; a project that cannot be loaded stands for its C# files, read syntactically.
/// </summary>
internal sealed class InputCollector
{
    /// <summary>Folders that never hold infrastructure definitions of their own and can be huge.</summary>
    private static readonly HashSet<string> SkippedDirectories = new(StringComparer.Ordinal) { ".git", "bin", "obj", "node_modules" };

    private readonly CliEnvironment _env;
    private readonly Func<string, bool> _accepts;
    private readonly Matcher? _excludes;
    private readonly Matcher? _configExcludes;
    private readonly string? _configDirectory;
    private readonly Func<string, IEnumerable<FolderEntry>> _list;
    private readonly Func<string, IReadOnlyList<LoadedProject>>? _projects;

    /// <param name="excludeGlobs"><c>--exclude</c> globs, relative to each directory given on the command line.</param>
    /// <param name="config">Its <c>exclude</c> globs are relative to the folder the configuration file is in.</param>
    /// <param name="list">Lists a folder's entries; tests replace it to simulate a folder that cannot be read.</param>
    /// <param name="projects">Loads the projects of a project or solution file; without it such a file is skipped like any file no adapter reads.</param>
    public InputCollector(CliEnvironment env, Func<string, bool> accepts, IReadOnlyList<string> excludeGlobs, ConfigFile? config = null, Func<string, IEnumerable<FolderEntry>>? list = null, Func<string, IReadOnlyList<LoadedProject>>? projects = null)
    {
        foreach (var glob in excludeGlobs)
            if (ExcludesEverything(glob))
                throw new UsageException($"--exclude '{glob}' would exclude every file; an empty or unset value is not allowed (did a variable expand to nothing?).");
        _env = env;
        _list = list ?? List;
        _accepts = accepts;
        _excludes = Globs(excludeGlobs);
        _configExcludes = Globs(config?.Loaded.Excludes ?? Array.Empty<string>());
        _configDirectory = config?.Directory;
        _projects = projects;
    }

    /// <summary>An empty glob, <c>/</c>, <c>.</c> or one made only of wildcards: what an unset CI variable leaves behind.</summary>
    private static bool ExcludesEverything(string glob)
    {
        var pattern = glob.Trim().Replace('\\', '/');
        while (pattern.StartsWith("./", StringComparison.Ordinal)) pattern = pattern[2..];
        return pattern.Length == 0 || pattern == "." || pattern.All(c => c is '/' or '*');
    }

    private static Matcher? Globs(IReadOnlyList<string> globs)
    {
        if (globs.Count == 0) return null;
        var matcher = new Matcher(StringComparison.Ordinal);
        foreach (var glob in globs)
        {
            var pattern = glob.Replace('\\', '/').TrimStart('/');
            if (pattern.EndsWith('/')) pattern += "**";
            matcher.AddInclude(pattern);
            // Like .gitignore: a pattern without a slash names a file or folder at any depth.
            if (!pattern.Contains('/')) matcher.AddInclude("**/" + pattern);
        }
        return matcher;
    }

    public InputSet Collect(IReadOnlyList<string> paths)
    {
        // Sorted once at the end: a sorted dictionary compared long paths at every insertion (a third of this phase at 10,000 files).
        var files = new Dictionary<string, ScanInput>(StringComparer.Ordinal);
        var notices = new List<string>();
        var unreadable = new Dictionary<string, string>(StringComparer.Ordinal);
        var compilations = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var full = _env.FullPath(path);
            if (File.Exists(full))
            {
                if (_projects is not null && ProjectLoader.IsProjectOrSolution(full)) AddProjects(full, files, compilations, notices, unreadable);
                else if (_accepts(full)) Add(files, full);
                else notices.Add($"{path}: skipped, no adapter reads this kind of file.");
            }
            else if (Directory.Exists(full))
            {
                Walk(full, full, files, unreadable, _accepts);
            }
            else
            {
                throw new UsageException($"path not found: {path}");
            }
        }
        var inputs = files.Values.ToArray();
        Array.Sort(inputs, (a, b) => string.CompareOrdinal(a.DisplayPath, b.DisplayPath));
        // Zero files is almost always a mistake (a wrong path, an exclude that matched everything): say so.
        if (inputs.Length == 0) notices.Add($"no files were read: nothing under {string.Join(", ", paths)} is a file InfraLint reads, or every one was excluded.");
        string root = inputs.Length == 0 ? Path.TrimEndingDirectorySeparator(_env.WorkingDirectory) : CommonRoot(inputs.Select(i => i.FullPath));
        return new InputSet(inputs, root, notices, unreadable) { Compilations = compilations };
    }

    /// <summary>
    /// The C# documents of each project under its folder (not in <c>bin/</c>, <c>obj/</c> or another skipped folder,
    /// nor excluded), each with its project's compilation; the first project to list a file binds it (a file listed by
    /// two target frameworks, or given directly too, is read once). A project without a compilation is read
    /// syntactically, with a notice: the documents MSBuild listed, or every C# file under its folder when it could not
    /// even be evaluated, so that no file is lost.
    /// </summary>
    private void AddProjects(string full, Dictionary<string, ScanInput> files, Dictionary<string, object> compilations, List<string> notices, Dictionary<string, string> unreadable)
    {
        foreach (var project in _projects!(full))
        {
            var directory = project.Directory;
            var documents = project.Documents
                .Where(d => IsUnder(d, directory) && _accepts(d) && File.Exists(d))
                .Where(d => !CliEnvironment.Slashes(Path.GetRelativePath(directory, d)).Split('/').SkipLast(1).Any(SkippedDirectories.Contains)
                    && !IsExcluded(d, directory))
                .ToArray();
            if (project.Compilation is { } compilation)
            {
                foreach (var document in documents) compilations.TryAdd(Add(files, document).DisplayPath, compilation);
                continue;
            }
            notices.Add($"{_env.DisplayPath(project.ProjectFile)}: its C# files were read syntactically (without the project's references fewer names and values are known): {project.Problem}");
            if (documents.Length > 0)
                foreach (var document in documents) Add(files, document);
            else
                Walk(directory, directory, files, unreadable, p => p.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) && _accepts(p));
        }
    }

    /// <summary>
    /// A folder's entries, typed by the listing itself (the type readdir reports): a file costs no stat of its own, which was
    /// most of the time a scan of 10,000 files spent before reading the first. Only a folder's entry is asked whether it is
    /// a link (one lstat per folder).
    /// </summary>
    internal static IEnumerable<FolderEntry> List(string directory) =>
        new FileSystemEnumerable<FolderEntry>(
            directory,
            // A link's IsDirectory is its target's; the ReparsePoint attribute is the link itself.
            (ref FileSystemEntry entry) => new FolderEntry(entry.ToFullPath(), entry.IsDirectory, entry.IsDirectory && (entry.Attributes & FileAttributes.ReparsePoint) != 0),
            // What Directory.EnumerateFileSystemEntries lists: hidden entries too, and an unreadable folder throws.
            new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = false, RecurseSubdirectories = false });

    private void Walk(string top, string directory, Dictionary<string, ScanInput> files, Dictionary<string, string> unreadable, Func<string, bool> accepts)
    {
        IEnumerable<FolderEntry> entries;
        try
        {
            entries = _list(directory).ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Reported as an IL0001 at the folder, like an unreadable file: a finding, not a line on stderr CI never shows.
            unreadable[Add(files, directory).DisplayPath] = $"Folder could not be read: {e.Message}";
            return;
        }
        foreach (var (entry, isDirectory, isLink) in entries)
        {
            if (isDirectory)
            {
                if (SkippedDirectories.Contains(Path.GetFileName(entry)) || isLink || IsExcluded(entry, top)) continue;
                Walk(top, entry, files, unreadable, accepts);
            }
            else if (accepts(entry) && !IsExcluded(entry, top))
            {
                Add(files, entry);
            }
        }
    }

    /// <param name="scanned">The folder given on the command line, which <c>--exclude</c> globs are relative to.</param>
    private bool IsExcluded(string fullPath, string scanned)
    {
        if (_excludes is not null && _excludes.Match(CliEnvironment.Slashes(Path.GetRelativePath(scanned, fullPath))).HasMatches) return true;
        if (_configExcludes is null || !IsUnder(fullPath, _configDirectory!)) return false;
        return _configExcludes.Match(CliEnvironment.Slashes(Path.GetRelativePath(_configDirectory!, fullPath))).HasMatches;
    }

    private ScanInput Add(Dictionary<string, ScanInput> files, string full)
    {
        var display = _env.DisplayPath(full);
        if (!files.TryGetValue(display, out var input)) files.Add(display, input = new ScanInput(full, display));
        return input;
    }

    /// <summary>
    /// The directory SARIF's <c>%SRCROOT%</c> names: the working directory when every file is inside it (the usual
    /// CI case, a repository root), else the deepest directory containing every file.
    /// </summary>
    private string CommonRoot(IEnumerable<string> fullPaths)
    {
        var cwd = Path.TrimEndingDirectorySeparator(_env.WorkingDirectory);
        var directories = fullPaths.Select(p => Path.GetDirectoryName(p)!).Distinct(StringComparer.Ordinal).ToArray();
        if (directories.All(d => IsUnder(d, cwd))) return cwd;
        return FolderPaths.Common(directories, StringComparison.Ordinal);
    }

    private static bool IsUnder(string path, string directory) => FolderPaths.IsWithin(path, directory, StringComparison.Ordinal);
}
