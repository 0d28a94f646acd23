using InfraLint.Core.Locations;
using InfraLint.Core.Tree;
using InfraLint.Tests;

namespace InfraLint.Yaml.Tests;

/// <summary>
/// A scan keeps every fact until its end (a streaming scan, a whole session). What a YAML file's facts keep must not
/// include the file's located tree, its YAML documents or its text: a setter or an edit target that captured a mapping once kept
/// every document of every file alive (at 100,000 files, hundreds of megabytes). This walks everything the facts
/// reach, the closures of their setters included, and names the way to any tree or YAML node it finds.
/// </summary>
public class FactRetentionTests
{
    [Fact]
    public void The_facts_of_the_examples_keep_no_tree_and_no_YAML_node() =>
        AssertKeepNoTree(Directory.EnumerateFiles(Path.Combine(Repo.Root, "examples"), "*.*", SearchOption.AllDirectories), Repo.Root);

    [SkippableFact]
    public void The_facts_of_the_corpus_keep_no_tree_and_no_YAML_node()
    {
        string root = Repo.RequireSharedCorpus();
        AssertKeepNoTree(Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories), root);
    }

    private static void AssertKeepNoTree(IEnumerable<string> paths, string root)
    {
        var adapter = new YamlAdapter();
        var files = paths.Where(adapter.Accepts).OrderBy(p => p, StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);
        var kept = new List<string>();
        foreach (var file in files)
        {
            var facts = adapter.Read(new SourceText(Path.GetRelativePath(root, file), File.ReadAllText(file))).Facts;
            if (FirstTreeReachedFrom(facts) is { } way) kept.Add($"{Path.GetRelativePath(root, file)}: {way}");
        }
        Assert.True(kept.Count == 0, $"{kept.Count} files keep a tree:\n" + string.Join("\n", kept.Take(5)));
    }

    private static string? FirstTreeReachedFrom(object facts) =>
        Retention.FirstWayTo(facts, type => typeof(TreeNode).IsAssignableFrom(type) || type == typeof(SourceText) || type.Namespace == "YamlDotNet.RepresentationModel");
}
