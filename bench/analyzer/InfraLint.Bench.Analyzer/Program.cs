using System.Collections.Immutable;
using System.Diagnostics;
using InfraLint.Analyzers;
using InfraLint.Core.Engine;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

// engine: one cold build of the rule engine, as the analyzer's first callback does it (run.sh starts a process per run).
// files PROJECT_DIR: the InfraLint analyzer alone on each file of a project that bench/analyzer/generate.py wrote and
// dotnet build resolved (obj/references.txt), after one warm-up pass over the whole compilation.
switch (args.FirstOrDefault())
{
    case "engine":
        return Engine();
    case "files" when args.Length == 2:
        return await Files(args[1]);
    case "split" when args.Length == 2:
        return Split(args[1]);
    case "cold" when args.Length is 2 or 3:
        return await Cold(args[1], concurrent: args.Length == 2 || args[2] != "--sequential", prebuild: false);
    case "cold-prebuilt" when args.Length is 2 or 3:
        return await Cold(args[1], concurrent: args.Length == 2 || args[2] != "--sequential", prebuild: true);
    default:
        Console.Error.WriteLine("usage: engine | files PROJECT_DIR | split PROJECT_DIR | cold PROJECT_DIR [--sequential] | cold-prebuilt PROJECT_DIR [--sequential]");
        return 2;
}

static int Engine()
{
    var clock = Stopwatch.StartNew();
    var assembly = InfraLint.Rules.RuleSet.Assembly;
    var loaded = clock.Elapsed;
    var engine = new RuleEngine(new[] { assembly });
    var built = clock.Elapsed - loaded;
    Console.WriteLine($"engine rules={engine.RuleCount} load_ms={loaded.TotalMilliseconds:F1} build_ms={built.TotalMilliseconds:F1}");
    return 0;
}

// One pass of the analyzer over the whole compilation on a fresh process, as in a build: the compiler's binding done
// first and timed apart; with cold-prebuilt, the analyzer's shared rule engine is built before the pass, so the
// difference between the two is what waiting for it costs the callbacks that need it.
static async Task<int> Cold(string project, bool concurrent, bool prebuild)
{
    var (compilation, manifests) = Load(project);
    var clock = Stopwatch.StartNew();
    var errors = compilation.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
    var bind = clock.Elapsed;
    var engine = TimeSpan.Zero;
    if (prebuild)
    {
        clock.Restart();
        // The analyzer's own lazy engine (internal), so that its callbacks find it built.
        typeof(InfraLintAnalyzer).Assembly.GetType("InfraLint.Analyzers.Hosting.AnalyzerEngine", throwOnError: true)!
            .GetProperty("Engine")!.GetValue(null);
        engine = clock.Elapsed;
    }
    var analyzer = new InfraLintAnalyzer();
    var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(manifests), null, concurrent, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false);
    var withAnalyzer = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer), options);
    clock.Restart();
    var found = await withAnalyzer.GetAnalyzerDiagnosticsAsync();
    var wall = clock.Elapsed;
    var time = (await withAnalyzer.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None)).ExecutionTime;
    Console.WriteLine($"cold concurrent={concurrent} prebuilt_engine={prebuild} errors={errors} bind_ms={bind.TotalMilliseconds:F0} engine_ms={engine.TotalMilliseconds:F0} pass_wall_ms={wall.TotalMilliseconds:F0} analyzer_ms={time.TotalMilliseconds:F0} diagnostics={found.Length}");
    return 0;
}

// Where a warm infrastructure file's time goes, outside the analyzer driver: reading it into facts with its semantic
// model, then one scanner evaluation (session, insert, fire, settings, sort) as the per-file action runs it, and the
// engine run alone inside it. Three rounds over every file; the last is reported.
static int Split(string project)
{
    var (compilation, _) = Load(project);
    var adapter = new InfraLint.CSharp.CSharpAdapter(InfraLint.Platforms.PlatformReaders.CSharp, InfraLint.Platforms.Suppressions.IgnoreAnnotation.Read);
    var clock = Stopwatch.StartNew();
    var engine = new RuleEngine(new[] { InfraLint.Rules.RuleSet.Assembly });
    Console.WriteLine($"engine_ms={clock.Elapsed.TotalMilliseconds:F0}");
    var settings = InfraLint.Core.Facts.LintSettings.Default;
    var all = new List<InfraLint.Core.Scanning.AdapterResult>();
    var paths = new List<string>();
    for (var round = 1; round <= 3; round++)
    {
        foreach (var tree in compilation.SyntaxTrees.Where(t => Kind(t.FilePath) != "plain"))
        {
            var model = compilation.GetSemanticModel(tree);
            model.GetDiagnostics();
            var source = new InfraLint.Core.Locations.SourceText(tree.FilePath, tree.GetText().ToString());
            clock.Restart();
            var read = adapter.ReadWithModel(source, model);
            var readTime = clock.Elapsed;
            clock.Restart();
            var scan = new InfraLint.Core.Scanning.Scanner(engine, Array.Empty<InfraLint.Core.Scanning.IAdapter>(), settings).Evaluate(new[] { read }, new[] { tree.FilePath });
            var evaluate = clock.Elapsed;
            clock.Restart();
            var run = engine.Run(read.Facts, settings);
            var engineRun = clock.Elapsed;
            if (round < 3) continue;
            all.Add(read);
            paths.Add(tree.FilePath);
            Console.WriteLine($"split kind={Kind(tree.FilePath)} facts={read.Facts.Count} read_ms={readTime.TotalMilliseconds:F3} evaluate_ms={evaluate.TotalMilliseconds:F3} engine_run_ms={engineRun.TotalMilliseconds:F3} findings={scan.Findings.Count} path={Path.GetRelativePath(project, tree.FilePath)}");
        }
    }
    // The compilation-end pass: one session over every file's facts (the C# files' only here; the YAML manifests add 40 resources in a build).
    for (var round = 1; round <= 3; round++)
    {
        clock.Restart();
        var across = new InfraLint.Core.Scanning.Scanner(engine, Array.Empty<InfraLint.Core.Scanning.IAdapter>(), settings).Evaluate(all, paths);
        if (round == 3) Console.WriteLine($"across files={all.Count} facts={all.Sum(r => r.Facts.Count)} evaluate_ms={clock.Elapsed.TotalMilliseconds:F1} findings={across.Findings.Count}");
    }
    return 0;
}

static (Compilation Compilation, ImmutableArray<AdditionalText> Manifests) Load(string project)
{
    var references = File.ReadAllLines(Path.Combine(project, "obj", "references.txt"))
        .Where(line => line.Length > 0).Select(path => MetadataReference.CreateFromFile(path)).ToArray();
    var parse = new CSharpParseOptions(LanguageVersion.Latest);
    var trees = Directory.EnumerateFiles(project, "*.cs", SearchOption.AllDirectories)
        .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                       && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), parse, path))
        .ToArray();
    var manifests = Directory.EnumerateFiles(Path.Combine(project, "deploy"), "*.yaml").Order(StringComparer.Ordinal)
        .Select(path => (AdditionalText)new FileText(path)).ToImmutableArray();
    var compilation = CSharpCompilation.Create("Bench", trees, references,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    return (compilation, manifests);
}

static async Task<int> Files(string project)
{
    var (loaded, manifests) = Load(project);
    var analyzer = new InfraLintAnalyzer();
    var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(analyzer);
    var analyzerOptions = new AnalyzerOptions(manifests);
    var options = new CompilationWithAnalyzersOptions(analyzerOptions, onAnalyzerException: null,
        concurrentAnalysis: false, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false);

    Compilation Compile() => loaded.RemoveAllSyntaxTrees().AddSyntaxTrees(loaded.SyntaxTrees);

    var errors = Compile().GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
    if (errors > 0)
    {
        Console.Error.WriteLine($"the generated project has {errors} compile errors here");
        return 1;
    }

    // Warm-up: the engine's build, JIT, the front ends' first use; a fresh compilation afterwards so binding is cold again.
    var clock = Stopwatch.StartNew();
    // Concurrent, as the compiler runs analyzers in a build: the cold pass's analyzer time is what a build reports.
    var cold = Compile().WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(analyzerOptions, null, concurrentAnalysis: true, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false));
    var warm = await cold.GetAnalyzerDiagnosticsAsync();
    var coldTime = (await cold.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None)).ExecutionTime;
    Console.WriteLine($"warmup whole_ms={clock.Elapsed.TotalMilliseconds:F1} analyzer_ms={coldTime.TotalMilliseconds:F1} diagnostics={warm.Length}");

    var measured = Compile().WithAnalyzers(analyzers, options);
    var before = TimeSpan.Zero;
    var first = true;
    foreach (var tree in measured.Compilation.SyntaxTrees)
    {
        var model = measured.Compilation.GetSemanticModel(tree);
        clock.Restart();
        model.GetDiagnostics();  // the compiler's binding, which a build does anyway, outside the analyzer's time
        var bind = clock.Elapsed;
        clock.Restart();
        var found = await measured.GetAnalyzerSemanticDiagnosticsAsync(model, null, analyzers, CancellationToken.None);
        var wall = clock.Elapsed;
        var total = (await measured.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None)).ExecutionTime;
        Console.WriteLine($"file kind={Kind(tree.FilePath)} first={first} bind_ms={bind.TotalMilliseconds:F3} wall_ms={wall.TotalMilliseconds:F3} analyzer_ms={(total - before).TotalMilliseconds:F3} diagnostics={found.Length} path={Path.GetRelativePath(project, tree.FilePath)}");
        before = total;
        first = false;
    }
    foreach (var manifest in manifests)
    {
        clock.Restart();
        var result = await measured.GetAnalysisResultAsync(manifest, analyzers, CancellationToken.None);
        var wall = clock.Elapsed;
        var found = result.GetAllDiagnostics();
        var total = (await measured.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None)).ExecutionTime;
        Console.WriteLine($"file kind=yaml first=False bind_ms=0 wall_ms={wall.TotalMilliseconds:F3} analyzer_ms={(total - before).TotalMilliseconds:F3} diagnostics={found.Length} path={Path.GetRelativePath(project, manifest.Path)}");
        before = total;
    }
    Console.WriteLine($"total analyzer_ms={before.TotalMilliseconds:F3}");
    return 0;
}

static string Kind(string path) =>
    path.Contains("/Infra/Kubernetes/", StringComparison.Ordinal) ? "kubernetes"
    : path.Contains("/Infra/Cdk/", StringComparison.Ordinal) ? "cdk"
    : "plain";

internal sealed class FileText : AdditionalText
{
    private readonly SourceText _text;

    public FileText(string path)
    {
        Path = path;
        _text = SourceText.From(File.ReadAllText(path));
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
