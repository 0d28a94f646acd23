namespace InfraLint.Cli.Files;

/// <summary>Folders by the text of their full paths, as the inputs and the repositories of a scan are grouped.</summary>
internal static class FolderPaths
{
    /// <summary>
    /// Whether <paramref name="path"/> is <paramref name="folder"/> or inside it. A root folder (<c>/</c>, <c>C:\</c>)
    /// keeps its separator: what is inside it starts with it, not with it doubled.
    /// </summary>
    public static bool IsWithin(string path, string folder, StringComparison comparison)
    {
        folder = Path.TrimEndingDirectorySeparator(folder);
        return string.Equals(path, folder, comparison)
            || path.StartsWith(Path.EndsInDirectorySeparator(folder) ? folder : folder + Path.DirectorySeparatorChar, comparison);
    }

    /// <summary>
    /// The deepest folder holding all of <paramref name="folders"/>: the file system's root at most (on Windows, folders
    /// on two drives share none, and the first one's drive is returned).
    /// </summary>
    public static string Common(IReadOnlyList<string> folders, StringComparison comparison)
    {
        var common = folders[0];
        foreach (var folder in folders.Skip(1))
            while (!IsWithin(folder, common, comparison) && Path.GetDirectoryName(common) is { } up) common = up;
        return common;
    }
}
