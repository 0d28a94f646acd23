using InfraLint.Core.Engine;
using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using InfraLint.Core.Locations;
using InfraLint.Core.Scanning;
using NRules.Fluent.Dsl;

namespace InfraLint.Core.Tests.Engine;

/// <summary>
/// The simple-check base on its own, with rules of this assembly over hand-made facts: no front end, no built-in rule,
/// so what is recorded is exactly what the base does.
/// </summary>
public sealed class SimpleCheckTests
{
    private static readonly RuleEngine Engine = new(new[] { typeof(SimpleCheckTests).Assembly });

    private static StorageResource Bucket(string name, int line) =>
        new(SourceFormat.CloudFormation, "AWS::S3::Bucket", name, "stack.yaml", SourceSpan.At("stack.yaml", line, 3, line * 10), "bucket");

    private static StorageResource Volume(string name, int line) =>
        new(SourceFormat.CloudFormation, "AWS::EC2::Volume", name, "stack.yaml", SourceSpan.At("stack.yaml", line, 3, line * 10), "volume");

    private static LintSettings Disabled(params string[] ids) => new()
    {
        Rules = ids.ToDictionary(id => id, _ => new RuleOverride(false, null), StringComparer.OrdinalIgnoreCase),
    };

    [Fact]
    public void A_firing_and_a_holding_resource_are_both_evaluated_and_only_the_firing_one_has_a_finding()
    {
        var open = Bucket("open-data", 4);
        var closed = Bucket("models", 9);

        var run = Engine.Run(new object[] { open, closed }, LintSettings.Default);

        var finding = Assert.Single(run.Findings, f => f.RuleId == OpenBucketCheck.Id);
        Assert.Same(open, finding.Subject);
        var evaluated = run.Evaluations.Where(e => e.RuleId == OpenBucketCheck.Id).OrderBy(e => e.Location.StartLine).ToArray();
        Assert.Equal(new[] { "AWS::S3::Bucket/stack.yaml/open-data", "AWS::S3::Bucket/stack.yaml/models" }, evaluated.Select(e => e.ResourceId));
        Assert.Equal(new[] { (4, 3), (9, 3) }, evaluated.Select(e => (e.Location.StartLine, e.Location.StartColumn)));
        Assert.Equal(new[] { open.Id, closed.Id }, evaluated.Select(e => e.LogicalPath));
        Assert.All(evaluated, e => Assert.Same(OpenBucketCheck.Descriptor, e.Rule));
    }

    [Fact]
    public void What_a_check_does_not_apply_to_is_not_evaluated()
    {
        var run = Engine.Run(new object[] { Volume("scratch-open", 4) }, LintSettings.Default);

        Assert.DoesNotContain(run.Evaluations, e => e.RuleId == OpenBucketCheck.Id);
        Assert.DoesNotContain(run.Findings, f => f.RuleId == OpenBucketCheck.Id);
    }

    [Fact]
    public void A_disabled_rule_records_nothing_and_the_others_still_do()
    {
        var run = Engine.Run(new object[] { Bucket("open-data", 4), Volume("scratch", 7) }, Disabled(OpenBucketCheck.Id));

        Assert.DoesNotContain(run.Evaluations, e => e.RuleId == OpenBucketCheck.Id);
        Assert.DoesNotContain(run.Findings, f => f.RuleId == OpenBucketCheck.Id);
        // The volume twice: IL2902 and its companion both judged it.
        Assert.Equal(new[] { "open-data", "scratch", "scratch" }, run.Evaluations.Where(e => e.RuleId == AnyStorageCheck.Id).Select(e => e.Resource!.Name).OrderBy(n => n));
    }

    [Fact]
    public void Two_checks_of_one_fact_type_keep_their_own_filters_and_judgements()
    {
        // NRules shares network nodes between rules whose conditions it considers equal; each check's Applies is a
        // call on its own instance, so the two must not be merged.
        var run = Engine.Run(new object[] { Bucket("open-data", 4), Volume("scratch", 7) }, LintSettings.Default);

        Assert.Equal(new[] { "open-data" }, run.Evaluations.Where(e => e.RuleId == OpenBucketCheck.Id).Select(e => e.Resource!.Name));
        Assert.Equal(new[] { "open-data", "scratch" }, run.Evaluations.Where(e => e.RuleId == AnyStorageCheck.Id).Select(e => e.Resource!.Name).Distinct().OrderBy(n => n));
        Assert.Equal(new[] { "scratch" }, run.Findings.Where(f => f.RuleId == AnyStorageCheck.Id).Select(f => f.Subject!.Name));
    }

    [Fact]
    public void A_companion_check_records_under_the_rule_it_reports_for()
    {
        var run = Engine.Run(new object[] { Volume("scratch", 7), Bucket("models", 9) }, LintSettings.Default);

        var volume = run.Evaluations.Where(e => e.Resource!.Name == "scratch").ToArray();
        Assert.Equal(2, volume.Length);
        Assert.All(volume, e => Assert.Same(AnyStorageCheck.Descriptor, e.Rule));
        Assert.Single(run.Evaluations, e => e.Resource!.Name == "models" && e.RuleId == AnyStorageCheck.Id);
    }

    [Fact]
    public void A_part_of_a_resource_is_recorded_at_its_own_place_under_its_resource()
    {
        var workload = new ComputeWorkload(SourceFormat.Kubernetes, "Deployment", "llm", "serving", SourceSpan.At("k8s.yaml", 4, 9, 40));
        var pod = new PodTemplate(workload, "pod", SourceSpan.At("k8s.yaml", 9, 7, 90), "spec.template.spec");
        var container = new Container(pod, Located<string>.Present("vllm", SourceSpan.At("k8s.yaml", 11, 17, 110), "spec.template.spec.containers[0].name"), SourceSpan.At("k8s.yaml", 11, 11, 104), "spec.template.spec.containers[0]", isInit: false);

        var evaluation = Evaluated.Of(OpenBucketCheck.Descriptor, container);

        Assert.Same(workload, evaluation.Resource);
        Assert.Equal("Deployment/serving/llm", evaluation.ResourceId);
        Assert.Equal((11, 11), (evaluation.Location.StartLine, evaluation.Location.StartColumn));
        Assert.Equal("Deployment/serving/llm:spec.template.spec.containers[0]", evaluation.LogicalPath);
        Assert.Equal("Deployment/serving/llm:spec.template.spec", Evaluated.Of(OpenBucketCheck.Descriptor, pod).LogicalPath);
        var zone = Located<string>.Present("eu-west-1a", SourceSpan.At("k8s.yaml", 8, 20, 80), "spec.template.spec.nodeSelector.zone");
        Assert.Equal("Deployment/serving/llm:spec.template.spec.nodeSelector.zone", Evaluated.Of(OpenBucketCheck.Descriptor, new RegionPlacement(workload, zone, "node selector")).LogicalPath);
    }

    [Fact]
    public void A_fact_that_names_no_place_cannot_be_recorded()
    {
        Assert.Throws<ArgumentException>(() => Evaluated.Of(OpenBucketCheck.Descriptor, LintSettings.Default));
    }

    [Fact]
    public void The_scan_result_carries_the_evaluations_of_enabled_rules_in_file_line_order()
    {
        var adapter = new FactsAdapter(Bucket("open-data", 9), Volume("scratch", 4));
        var scanner = new Scanner(Engine, new IAdapter[] { adapter }, Disabled(AnyStorageCheck.Id));

        var result = scanner.ScanTexts(new[] { new SourceText("stack.yaml", "ignored") });

        Assert.Equal(new[] { (OpenBucketCheck.Id, 9) }, result.Evaluations.Select(e => (e.RuleId, e.Location.StartLine)));
        Assert.Single(result.Findings);

        var all = new Scanner(Engine, new IAdapter[] { adapter }).ScanTexts(new[] { new SourceText("stack.yaml", "ignored") });
        Assert.Equal(
            new[] { (AnyStorageCheck.Id, 4), (AnyStorageCheck.Id, 4), (OpenBucketCheck.Id, 9), (AnyStorageCheck.Id, 9) },
            all.Evaluations.Select(e => (e.RuleId, e.Location.StartLine)));
    }

    /// <summary>Hands the scanner facts built in the test, whatever the text.</summary>
    private sealed class FactsAdapter : IAdapter
    {
        private readonly object[] _facts;

        public FactsAdapter(params object[] facts) => _facts = facts;

        public bool Accepts(string path) => true;

        public AdapterResult Read(SourceText source) => new(_facts, Array.Empty<SuppressionDirective>());
    }
}

/// <summary>A bucket whose name says it is open: a flag check in the shape of IL2012.</summary>
[Name(Id)]
public sealed class OpenBucketCheck : SimpleCheck<StorageResource>
{
    public const string Id = "IL2901";

    public static readonly RuleDescriptor Descriptor = new(Id, "Open bucket", "A bucket is open.", Severity.Error, Precision.High, new[] { "test" });

    protected override bool Applies(StorageResource storage, LintSettings _) => storage.Category == "bucket";

    protected override IEnumerable<Finding> Judge(StorageResource storage, LintSettings _)
    {
        if (storage.Name.Contains("open", StringComparison.Ordinal)) yield return new Finding(Descriptor, "open", storage.Span, storage.Id, storage);
    }
}

/// <summary>Every storage resource, reported unless its name says "open": the opposite judgement over the same fact type.</summary>
[Name(Id)]
public sealed class AnyStorageCheck : SimpleCheck<StorageResource>
{
    public const string Id = "IL2902";

    public static readonly RuleDescriptor Descriptor = new(Id, "Any storage", "Storage exists.", Severity.Note, Precision.High, new[] { "test" });

    protected override bool Applies(StorageResource storage, LintSettings _) => true;

    protected override IEnumerable<Finding> Judge(StorageResource storage, LintSettings _)
    {
        if (!storage.Name.Contains("open", StringComparison.Ordinal)) yield return new Finding(Descriptor, "closed", storage.Span, storage.Id, storage);
    }
}

/// <summary>A companion reporting under IL2902 for volumes, without a descriptor of its own, as IL2003.bucket does under IL2003.</summary>
[Name(AnyStorageCheck.Id + ".companion")]
public sealed class AnyStorageCompanionCheck : SimpleCheck<StorageResource>
{
    public AnyStorageCompanionCheck()
        : base(AnyStorageCheck.Descriptor)
    {
    }

    protected override bool Applies(StorageResource storage, LintSettings _) => storage.Category == "volume";

    protected override IEnumerable<Finding> Judge(StorageResource storage, LintSettings _) => Enumerable.Empty<Finding>();
}
