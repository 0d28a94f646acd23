using BenchmarkDotNet.Attributes;
using InfraLint.Bench.CorpusGen;
using InfraLint.Core.Engine;
using InfraLint.Core.Locations;
using InfraLint.Core.Scanning;
using InfraLint.Rules;
using InfraLint.Yaml;

namespace InfraLint.Benchmarks;

/// <summary>The two costs of a scan: compiling the rules once per process, and one session over the files' facts.</summary>
[MemoryDiagnoser]
public class ScanBenchmarks
{
    private SourceText[] _manifests = Array.Empty<SourceText>();
    private Scanner _scanner = null!;
    private YamlAdapter _adapter = null!;

    [Params(100)]
    public int Files { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _manifests = new ManifestGenerator(seed: 7).Generate(Files).Select(m => new SourceText(m.Name, m.Text)).ToArray();
        _adapter = new YamlAdapter();
        _scanner = new Scanner(new RuleEngine(new[] { RuleSet.Assembly }), new IAdapter[] { _adapter });
    }

    /// <summary>Compiling every rule into the Rete network: paid once per process.</summary>
    [Benchmark]
    public int BuildEngine() => new RuleEngine(new[] { RuleSet.Assembly }).RuleCount;

    /// <summary>Parsing only: the YAML adapter over the in-memory manifests.</summary>
    [Benchmark]
    public int ReadManifests()
    {
        int facts = 0;
        foreach (var manifest in _manifests) facts += _adapter.Read(manifest).Facts.Count;
        return facts;
    }

    /// <summary>The whole pipeline without the file system: adapters, one engine session, suppressions, sorting.</summary>
    [Benchmark]
    public int ScanInMemory() => _scanner.ScanTexts(_manifests).Findings.Count;
}
