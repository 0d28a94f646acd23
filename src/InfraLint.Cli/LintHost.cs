using System.CommandLine;
using System.Reflection;
using InfraLint.Cli.CSharpProjects;
using InfraLint.Cli.Diagnostics;
using InfraLint.Core.Engine;
using InfraLint.Core.Facts;
using InfraLint.Core.Scanning;
using InfraLint.Rules;
using InfraLint.CSharp;
using InfraLint.Json;
using InfraLint.Platforms;
using InfraLint.Platforms.Suppressions;
using InfraLint.Yaml;
using InfraLint.Yaml.Configuration;

namespace InfraLint.Cli;

/// <summary>The one rule engine of the process (compiling the Rete network costs milliseconds per rule) and the tool's identity.</summary>
internal static class LintHost
{
    public const string ToolName = "InfraLint";

    public static readonly Uri InformationUri = new(Core.Findings.RuleDescriptor.RepositoryUrl);

    /// <summary>
    /// Engines already built in this process, by the rule ids they run (<c>fix</c> rescans with the same settings). A
    /// class of its own: building an engine (<see cref="StartPreparing"/>'s thread) then does not run this class's
    /// static initialisers (the adapters, the tool's URI and version), which the scan's own thread needs and runs meanwhile.
    /// </summary>
    private static class Built
    {
        public static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<RuleEngine>> Engines = new(StringComparer.Ordinal);
    }

    /// <summary>
    /// The engine of the rules these settings enable, and of no other: a rule switched off costs neither compiling nor
    /// matching (its findings would be dropped anyway). Rule classes that report no id of their own (the capacity case
    /// the IL1001–IL1003 rules share) are always in.
    /// </summary>
    public static RuleEngine EngineFor(LintSettings settings)
    {
        var enabled = RuleSet.Catalog.All.Where(settings.IsEnabled).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var key = string.Join(",", enabled.OrderBy(id => id, StringComparer.Ordinal));
        return Built.Engines.GetOrAdd(key, _ => new Lazy<RuleEngine>(() => BuildEngine(RuleSet.RuleTypes.Where(t => RuleIdOf(t) is not string id || enabled.Contains(id)).ToArray()))).Value;
    }

    /// <summary>
    /// Builds the engine of the default settings and reads the sizing catalog, on another thread. A scan whose settings
    /// are the default ones (no configuration that switches rules) then finds its engine built or being built; any other
    /// scan builds its own, as before. The engine is what a one-file scan waits for: warming the YAML front end first on
    /// this thread made the scan slower (0.360 against 0.375 s, fourteen interleaved runs twice), however much faster
    /// the file was then read.
    /// </summary>
    public static void StartPreparing() => _ = Task.Run(() =>
    {
        _ = EngineFor(LintSettings.Default);
        _ = Core.Sizing.Catalog.SizingCatalog.Default;
    });

    /// <summary>The catalog id a rule class reports: its descriptor's, or the id its NRules name starts with (<c>IL2013.boundary</c>).</summary>
    internal static string? RuleIdOf(Type ruleType)
    {
        if (RuleCatalog.DescriptorOf(ruleType) is { } descriptor) return descriptor.Id;
        var name = ruleType.GetCustomAttributesData()
            .FirstOrDefault(a => a.AttributeType == typeof(NRules.Fluent.Dsl.NameAttribute))?.ConstructorArguments[0].Value as string;
        return name is not null && RuleReaches.RuleIdOf(name) is { } id && RuleSet.Catalog.Find(id) is not null ? id : null;
    }

    private static RuleEngine BuildEngine(IReadOnlyList<Type> ruleTypes)
    {
        using var _ = Timings.Measure($"engine build ({ruleTypes.Count} rule classes)");
        return new RuleEngine(ruleTypes, RuleSet.Catalog, default, ExpressionCompiler());
    }

    /// <summary>
    /// Rule expressions interpreted for their first calls, then compiled by FastExpressionCompiler (<see cref="InfraLint.Cli.Engine.TieredCompiler"/>;
    /// bench/README.md, Start-up, has the measurements); <c>INFRALINT_EXPRESSION_COMPILER</c> picks another for bench/startup/run.sh:
    /// <c>default</c> (NRules' own, eager), <c>lazy</c> (Core's, as the analyzer), <c>fec</c> (FastExpressionCompiler, eager),
    /// <c>fec-lazy</c> (FastExpressionCompiler on first use), <c>lazy-fec-forwarder</c> (system-compiled bodies on first use),
    /// <c>tiered</c> (the default).
    /// </summary>
    private static NRules.Extensibility.IExpressionCompiler? ExpressionCompiler() => Environment.GetEnvironmentVariable("INFRALINT_EXPRESSION_COMPILER") switch
    {
        "default" => null,
        "lazy" => new LazyExpressionCompiler(),
        "fec" => new InfraLint.Cli.Engine.FastCompiler(),
        "lazy-fec-forwarder" => new InfraLint.Cli.Engine.LazyFastCompiler(systemBody: true),
        "fec-lazy" => new InfraLint.Cli.Engine.LazyFastCompiler(),
        _ => new InfraLint.Cli.Engine.TieredCompiler(),
    };

    public static RuleCatalog Catalog => RuleSet.Catalog;

    /// <summary>A scanner with the configuration's settings; the configuration's own problems are facts, reported as IL0002.</summary>
    /// <param name="compilations">The compilation of each C# file read from a project, by display path: those are read semantically.</param>
    /// <param name="ruleSet">The command line's <c>--rule-set</c>, which wins over the configuration's <c>ruleSet</c>.</param>
    /// <param name="enable">Rules named on the command line (<c>fix --rule IL4002</c>): asked for by id, so they run whatever the set.</param>
    /// <param name="env">Where <c>INFRALINT_SCOPES</c> is read (<see cref="ScanOptionsFor"/>); partitioned when null.</param>
    /// <param name="progress">Told of the scan's files and sessions (a terminal's progress display); none when null.</param>
    /// <param name="shard">The part of the scan to evaluate (<c>scan --shard K/N</c>); all of it when null.</param>
    /// <param name="evaluations">Whether the result lists what each rule evaluated: only SARIF and compliance evidence read it.</param>
    /// <param name="prepareOutput">Loads what the report's format will need (<see cref="Output.JsonOutput.Prepare"/>), run with the engine build.</param>
    public static Scanner CreateScanner(LoadedConfig? config = null, IReadOnlyDictionary<string, object>? compilations = null, RuleSelection? ruleSet = null, IReadOnlyCollection<string>? enable = null, CliEnvironment? env = null, IScanProgress? progress = null, ScanShard? shard = null, bool evaluations = true, Action? prepareOutput = null)
    {
        var settings = Settings(config?.Settings, ruleSet, enable) ?? LintSettings.Default;
        // The rules compile on another thread while the files are read: for one file, that is most of the wait. That
        // thread then reads the sizing catalog and loads what the output will need, while the rules run on this one: a
        // one-file scan would otherwise wait for each when its first accelerator is judged and its first finding written.
        var engine = new Lazy<RuleEngine>(() => EngineFor(settings));
        _ = Task.Run(() =>
        {
            _ = engine.Value;
            _ = Core.Sizing.Catalog.SizingCatalog.Default;
            prepareOutput?.Invoke();
        });
        return new(
            engine,
            compilations is { Count: > 0 } ? Adapters.Select(a => a == CSharp ? new CompilationAdapter(CSharp, compilations) : a).ToArray() : Adapters,
            settings,
            config?.Problems.ToArray<object>(),
            ScanOptionsFor(env, progress, shard, evaluations));
    }

    /// <summary>
    /// <c>--quiet</c> on scan and fix: standard output carries only the findings (scan: the report; fix: the diff of
    /// --dry-run), with no progress, no summary line and no notices. Errors, and files a fix had to leave unchanged, are
    /// still reported on standard error.
    /// </summary>
    public static Option<bool> QuietOption() => new("--quiet", "-q")
    {
        Description = "Print only the findings (or the report, or the diff): no progress, no summary line, no notices. Errors are still printed.",
    };

    /// <summary>
    /// How scans evaluate: one rule session per scope, on every core. <c>INFRALINT_SCOPES=single</c> evaluates the whole
    /// scan in one session: the reference a partitioned run must equal, and a way to rule partitioning out when a finding surprises.
    /// </summary>
    public static ScanOptions ScanOptionsFor(CliEnvironment? env, IScanProgress? progress = null, ScanShard? shard = null, bool evaluations = true) => new()
    {
        RecordEvaluations = evaluations,
        StreamAbove = StreamAbove((env?.GetVariable ?? Environment.GetEnvironmentVariable)("INFRALINT_STREAM_ABOVE")),
        Progress = progress,
        Shard = shard,
        Partitioned = !string.Equals((env?.GetVariable ?? Environment.GetEnvironmentVariable)("INFRALINT_SCOPES"), "single", StringComparison.Ordinal),
        MaxParallelism = Environment.ProcessorCount,
        Today = env?.UtcNow().Date,
        // Used by streaming scans only; the file is made when the first finding's body is kept.
        FindingBodies = new Files.TempFileFindingBodies(),
    };

    /// <summary>
    /// Scans of more files than this stream (<see cref="ScanOptions.StreamAbove"/>): memory bounded by the scopes being
    /// evaluated instead of the tree, for a second read of each file. Below it, one read is faster and the tree fits
    /// (bench/README.md, Scale, has both sides).
    /// </summary>
    internal const int StreamAboveFiles = 20_000;

    /// <summary><c>INFRALINT_STREAM_ABOVE</c>: a number of files (0 streams every scan) or <c>never</c>; <see cref="StreamAboveFiles"/> when unset.</summary>
    private static int? StreamAbove(string? value) => value switch
    {
        null or "" => StreamAboveFiles,
        "never" => null,
        _ when int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var files) => files,
        _ => throw new UsageException($"INFRALINT_STREAM_ABOVE must be a number of files or 'never', not '{value}'"),
    };

    /// <summary>The settings a scanner with this configuration and <c>--rule-set</c> runs with: which rules it evaluates.</summary>
    internal static LintSettings EffectiveSettings(LintSettings? configured, RuleSelection? ruleSet) => Settings(configured, ruleSet, null) ?? LintSettings.Default;

    private static LintSettings? Settings(LintSettings? configured, RuleSelection? ruleSet, IReadOnlyCollection<string>? enable)
    {
        if (ruleSet is null && (enable is null || enable.Count == 0)) return configured;
        var settings = configured ?? LintSettings.Default;
        if (ruleSet is RuleSelection chosen) settings = settings with { RuleSet = chosen };
        return enable is { Count: > 0 } ? settings.Enabling(enable) : settings;
    }

    /// <summary>The <c>--rule-set</c> option of the commands that evaluate rules.</summary>
    public static Option<string?> RuleSetOption()
    {
        var option = new Option<string?>("--rule-set")
        {
            Description = "Which rules run: 'recommended' (the default: precise, actionable) or 'all'. Overrides the configuration's ruleSet.",
        };
        option.AcceptOnlyFromAmong("recommended", "all");
        return option;
    }

    public static RuleSelection? ParseRuleSet(string? value) => value switch
    {
        "recommended" => RuleSelection.Recommended,
        "all" => RuleSelection.All,
        _ => null,
    };

    /// <summary>The C# front end (syntactic; <see cref="CompilationAdapter"/> gives it a project's compilation).</summary>
    private static readonly CSharpAdapter CSharp = new(PlatformReaders.CSharp, IgnoreAnnotation.Read);

    /// <summary>
    /// Every front end with the platform mappers that read its trees: YAML (Kubernetes, CloudFormation, compose, the
    /// AI-workload spec), JSON (CloudFormation templates, <c>*.json</c> and <c>*.template</c>) and C# (<c>*.cs</c>:
    /// Kubernetes objects and AWS resources; Roslyn is loaded only when a <c>.cs</c> file that mentions one is read).
    /// </summary>
    public static IReadOnlyList<IAdapter> Adapters { get; } = new IAdapter[]
    {
        new YamlAdapter(),
        new JsonAdapter(PlatformReaders.Json, IgnoreAnnotation.Read),
        CSharp,
    };

    /// <summary>Full informational version, e.g. <c>0.1.0+3f2a…</c> when built from git.</summary>
    public static string Version { get; } =
        typeof(LintHost).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(LintHost).Assembly.GetName().Version?.ToString(3)
        ?? "0.0.0";

    /// <summary>The SemVer 2.0 part without build metadata: <c>0.1.0</c>.</summary>
    public static string SemanticVersion { get; } = Version.Split('+')[0];
}
