using InfraLint.Tests;
using InfraLint.Core.Facts;
using InfraLint.Core.Locations;

namespace InfraLint.Yaml.Tests;

/// <summary>The real public manifests in ../shared/corpus: every file must be read without an internal error.</summary>
public class CorpusTests
{

    [SkippableFact]
    public void Every_corpus_file_is_read_without_an_internal_error()
    {
        string root = Repo.RequireSharedCorpus();
        var adapter = new YamlAdapter();
        var files = Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories).Where(adapter.Accepts).ToList();
        Assert.True(files.Count > 400, $"expected the whole corpus, found {files.Count} files");
        var internalErrors = new List<string>();
        int workloads = 0;
        foreach (var file in files)
        {
            var facts = adapter.Read(new SourceText(Path.GetRelativePath(root, file), File.ReadAllText(file))).Facts;
            workloads += facts.OfType<ComputeWorkload>().Count();
            internalErrors.AddRange(facts.OfType<ParseFailure>().Where(f => f.Message.StartsWith("InfraLint could not interpret")).Select(f => f.ToString()));
        }
        Assert.Empty(internalErrors);
        Assert.True(workloads > 200, $"only {workloads} workloads recognised");
    }
}
