using InfraLint.Core.Facts;
using InfraLint.Core.Locations;
using InfraLint.Core.Scanning;

namespace InfraLint.Core.Tests.Scanning;

/// <summary>
/// Where <see cref="EvaluationScopes"/> puts each fact: the scope of its namespace (profiles merged with what they
/// describe), guest copies where its own predicate reaches past that namespace, and the global scope for facts about
/// the input. A misplaced fact is a join a single session makes and a partitioned one misses.
/// </summary>
public sealed class EvaluationScopesTests
{
    private static readonly SourceSpan Span = SourceSpan.FileStart("x.yaml");

    [Fact]
    public void Each_namespace_is_one_scope_numbered_by_key_after_the_global_scope()
    {
        var b1 = Workload("b", "one");
        var a1 = Workload("a", "one");
        var a2 = Workload("a", "two");
        var scaler = new Autoscaler(SourceFormat.Kubernetes, "HorizontalPodAutoscaler", "hpa", "b", Span, "Deployment", Located<string>.Present("one", Span, "spec.scaleTargetRef.name"));
        var compose = new ComputeWorkload(SourceFormat.Compose, "service", "llm", string.Empty, Span);

        var scopes = EvaluationScopes.Partition(new object[] { b1, a1, scaler, a2, compose }, Array.Empty<object>());

        Assert.Equal(new[] { "", "", "a", "b" }, scopes.Scopes.Select(s => s.Key));
        Assert.Equal(new[] { 0, 1, 2, 3 }, scopes.Scopes.Select(s => s.Index));
        Assert.Same(scopes.Scopes[0], scopes.Global);
        Assert.Empty(scopes.Global.Home);
        // Compose services have the empty namespace: a scope of their own, not the global one.
        Assert.Equal(new object[] { compose }, scopes.Scopes[1].Home);
        Assert.Equal(new object[] { a1, a2 }, scopes.Scopes[2].Home);
        Assert.Equal(new object[] { b1, scaler }, scopes.Scopes[3].Home);
        Assert.All(scopes.Scopes, s => Assert.Empty(s.Guests));
        Assert.Equal(new[] { 3, 2, 3, 2, 1 }, new object[] { b1, a1, scaler, a2, compose }.Select(scopes.HomeOf));
        Assert.Equal(2, scopes.Scopes[3].Size);
    }

    [Fact]
    public void Pods_and_containers_live_with_their_workload()
    {
        var workload = Workload("serving", "llm");
        var pod = new PodTemplate(workload, "pod", Span, "spec.template");
        var container = new Container(pod, Located<string>.Present("server", Span, "spec.template.spec.containers[0].name"), Span, "spec.template.spec.containers[0]", isInit: false);
        var other = Workload("batch", "job");

        var scopes = EvaluationScopes.Partition(new object[] { container, other, pod, workload }, Array.Empty<object>());

        Assert.Equal(new[] { "", "batch", "serving" }, scopes.Scopes.Select(s => s.Key));
        Assert.Equal(new object[] { container, pod, workload }, scopes.Scopes[2].Home);
        Assert.Equal(2, scopes.HomeOf(container));
        Assert.Equal(2, scopes.HomeOf(pod));
    }

    [Fact]
    public void A_profile_merges_its_namespace_with_those_of_the_resources_it_describes()
    {
        var chat = Workload("serving", "chat");
        var search = Workload("search", "ranker");
        var untouched = Workload("team-a", "chat");
        var profile = Profile("chat", "specs", ("Deployment", "chat", "serving", true), ("Deployment", "ranker", "search", true), ("Deployment", "gone", "serving", true));

        var scopes = EvaluationScopes.Partition(new object[] { untouched, chat, profile, search }.Concat(profile.Targets).ToArray(), Array.Empty<object>());

        // serving, search and specs are one scope, named by its smallest key; team-a's 'chat' is not the target (another namespace).
        Assert.Equal(new[] { "", "search", "team-a" }, scopes.Scopes.Select(s => s.Key));
        Assert.Equal(new object[] { chat, profile, search }.Concat(profile.Targets), scopes.Scopes[1].Home);
        Assert.Equal(new object[] { untouched }, scopes.Scopes[2].Home);
        Assert.All(profile.Targets, t => Assert.Equal(1, scopes.HomeOf(t)));
    }

    [Fact]
    public void Profiles_merge_transitively_and_a_target_without_namespace_reaches_a_template_by_name()
    {
        var endpoint = new ComputeWorkload(SourceFormat.CloudFormation, "AWS::SageMaker::Endpoint", "ChatEndpoint", "cfn/chat.yaml", Span);
        var sameNameInKubernetes = Workload("team-a", "ChatEndpoint");
        var x = Workload("x", "w");
        var y = Workload("y", "w");
        // No namespace and no kind given: the spec's namespace ('default') is assumed, and only resources without
        // user-written namespaces (a template's) match by name alone.
        var chat = Profile("chat", "default", ("", "ChatEndpoint", "default", false));
        var first = Profile("first", "p", ("Deployment", "w", "x", true));
        var second = Profile("second", "q", ("Deployment", "w", "x", true), ("Deployment", "w", "y", true));
        var facts = new object[] { endpoint, sameNameInKubernetes, x, y, chat, first, second };

        var scopes = EvaluationScopes.Partition(facts, Array.Empty<object>());

        Assert.Equal(new[] { "", "cfn/chat.yaml", "p", "team-a" }, scopes.Scopes.Select(s => s.Key));
        Assert.Equal(new object[] { endpoint, chat }, scopes.Scopes[1].Home);
        Assert.Equal(new object[] { x, y, first, second }, scopes.Scopes[2].Home);
        Assert.Equal(new object[] { sameNameInKubernetes }, scopes.Scopes[3].Home);
    }

    [Fact]
    public void A_cluster_wide_monitor_is_a_guest_in_every_scope_of_its_format_and_a_bound_one_nowhere()
    {
        var a = Workload("a", "llm");
        var b = Workload("b", "llm");
        var template = new ComputeWorkload(SourceFormat.CloudFormation, "AWS::SageMaker::Endpoint", "Endpoint", "cfn/e.yaml", Span);
        var clusterWide = new ModelMonitor(SourceFormat.Kubernetes, "Deployment", "evidently", "monitoring", Span, monitoredName: null) { ClusterWide = true };
        var bound = new ModelMonitor(SourceFormat.Kubernetes, "Deployment", "llm", "a", Span, "llm");

        var scopes = EvaluationScopes.Partition(new object[] { a, b, template, clusterWide, bound }, Array.Empty<object>());

        Assert.Equal(new[] { "", "a", "b", "cfn/e.yaml", "monitoring" }, scopes.Scopes.Select(s => s.Key));
        Assert.Equal(new object[] { clusterWide }, scopes.Scopes[1].Guests);
        Assert.Equal(new object[] { clusterWide }, scopes.Scopes[2].Guests);
        Assert.Empty(scopes.Scopes[3].Guests);
        Assert.Empty(scopes.Scopes[4].Guests);
        Assert.Equal(new object[] { clusterWide }, scopes.Scopes[4].Home);
        Assert.Equal(new object[] { a, bound }, scopes.Scopes[1].Home);
        Assert.Equal(4, scopes.HomeOf(clusterWide));
    }

    [Fact]
    public void An_alert_without_a_target_is_a_guest_in_every_scope_of_its_format_and_a_bound_alarm_stays_home()
    {
        var serving = Workload("serving", "llm");
        var endpoint = new ComputeWorkload(SourceFormat.CloudFormation, "AWS::SageMaker::Endpoint", "Endpoint", "cfn/e.yaml", Span);
        var otherTemplate = new ComputeWorkload(SourceFormat.CloudFormation, "AWS::SageMaker::Endpoint", "Endpoint", "cfn/f.yaml", Span);
        var byExpression = new AlertRule(SourceFormat.Kubernetes, "PrometheusRule", "LatencyHigh", "monitoring", Span, "histogram_quantile(0.99, rate(latency_bucket{app=\"llm\"}[5m])) > 2", targetName: null);
        var alarm = new AlertRule(SourceFormat.CloudFormation, "AWS::CloudWatch::Alarm", "Latency", "cfn/e.yaml", Span, "ModelLatency", "Endpoint");

        var scopes = EvaluationScopes.Partition(new object[] { serving, endpoint, otherTemplate, byExpression, alarm }, Array.Empty<object>());

        Assert.Equal(new[] { "", "cfn/e.yaml", "cfn/f.yaml", "monitoring", "serving" }, scopes.Scopes.Select(s => s.Key));
        Assert.Empty(scopes.Scopes[1].Guests);
        Assert.Empty(scopes.Scopes[2].Guests);
        Assert.Empty(scopes.Scopes[3].Guests);
        Assert.Equal(new object[] { byExpression }, scopes.Scopes[4].Guests);
        Assert.Equal(new object[] { endpoint, alarm }, scopes.Scopes[1].Home);
    }

    [Fact]
    public void A_collector_is_a_guest_in_the_namespaces_it_lists_or_in_all_with_a_star()
    {
        var a = Workload("a", "llm");
        var b = Workload("b", "llm");
        var template = new ComputeWorkload(SourceFormat.CloudFormation, "AWS::SageMaker::Endpoint", "Endpoint", "cfn/e.yaml", Span);
        var listed = new MetricsCollector(SourceFormat.Kubernetes, "ServiceMonitor", "listed", "monitoring", Span) { Namespaces = new[] { "b", "nowhere" } };
        var every = new MetricsCollector(SourceFormat.Kubernetes, "ServiceMonitor", "every", "monitoring", Span) { Namespaces = new[] { "*" } };
        var own = new MetricsCollector(SourceFormat.Kubernetes, "PodMonitor", "own", "a", Span);

        var scopes = EvaluationScopes.Partition(new object[] { a, b, template, listed, every, own }, Array.Empty<object>());

        Assert.Equal(new[] { "", "a", "b", "cfn/e.yaml", "monitoring" }, scopes.Scopes.Select(s => s.Key));
        Assert.Equal(new object[] { every }, scopes.Scopes[1].Guests);
        Assert.Equal(new object[] { listed, every }, scopes.Scopes[2].Guests);
        // MetricsCollector.Watches does not look at the format: "*" reaches templates too.
        Assert.Equal(new object[] { every }, scopes.Scopes[3].Guests);
        Assert.Empty(scopes.Scopes[4].Guests);
        Assert.Equal(new object[] { a, own }, scopes.Scopes[1].Home);
    }

    [Fact]
    public void A_guest_comes_once_to_a_scope_that_merges_several_namespaces()
    {
        var a = Workload("a", "llm");
        var b = Workload("b", "llm");
        var profile = Profile("both", "a", ("Deployment", "llm", "b", true));
        var clusterWide = new ModelMonitor(SourceFormat.Kubernetes, "Deployment", "evidently", "monitoring", Span, monitoredName: null) { ClusterWide = true };
        var collector = new MetricsCollector(SourceFormat.Kubernetes, "ServiceMonitor", "listed", "monitoring", Span) { Namespaces = new[] { "a", "b" } };

        var scopes = EvaluationScopes.Partition(new object[] { a, b, profile, clusterWide, collector }, Array.Empty<object>());

        Assert.Equal(new[] { "", "a", "monitoring" }, scopes.Scopes.Select(s => s.Key));
        Assert.Equal(new object[] { a, b, profile }, scopes.Scopes[1].Home);
        Assert.Equal(new object[] { clusterWide, collector }, scopes.Scopes[1].Guests);
    }

    [Fact]
    public void Facts_about_the_input_live_in_the_global_scope_and_facts_of_no_resource_are_everywhere()
    {
        var a = Workload("a", "llm");
        var b = Workload("b", "llm");
        var failure = new ParseFailure(SourceSpan.At("broken.yaml", 3, 1, 20), "YAML syntax error");
        var problem = new ConfigProblem(SourceSpan.At(".infralint.yaml", 2, 3, 10), "Unknown rule id 'IL9998' in rules.");
        var directive = new SuppressionDirective(SourceSpan.At("x.yaml", 4, 1, 30), 5, new[] { "IL2006" }, "benchmark pod");
        var image = new ImageOverride("vllm/vllm-openai", "v0.6.4", null, Span);
        var adoption = new object();

        var scopes = EvaluationScopes.Partition(new object[] { failure, a, image, problem, b, directive }, new[] { adoption });

        Assert.Equal(new[] { "", "a", "b" }, scopes.Scopes.Select(s => s.Key));
        Assert.Equal(new object[] { failure, problem, directive, adoption, image }, scopes.Global.Home);
        Assert.Empty(scopes.Global.Guests);
        Assert.Equal(new object[] { adoption, image }, scopes.Scopes[1].Guests);
        Assert.Equal(new object[] { adoption, image }, scopes.Scopes[2].Guests);
        Assert.Equal(new object[] { a }, scopes.Scopes[1].Home);
        Assert.All(new object[] { failure, problem, directive, image, adoption }, f => Assert.Equal(0, scopes.HomeOf(f)));
    }

    [Fact]
    public void Single_puts_every_fact_at_home_in_one_scope()
    {
        var a = Workload("a", "llm");
        var clusterWide = new ModelMonitor(SourceFormat.Kubernetes, "Deployment", "evidently", "monitoring", Span, monitoredName: null) { ClusterWide = true };
        var failure = new ParseFailure(Span, "YAML syntax error");
        var facts = new object[] { a, clusterWide, failure };

        var scopes = EvaluationScopes.Single(facts);

        var only = Assert.Single(scopes.Scopes);
        Assert.Same(only, scopes.Global);
        Assert.Equal("*", only.Key);
        Assert.Equal(0, only.Index);
        Assert.Equal(facts, only.Home);
        Assert.Empty(only.Guests);
        Assert.All(facts, f => Assert.Equal(0, scopes.HomeOf(f)));
    }

    [Fact]
    public void A_fact_the_partition_was_not_given_belongs_to_the_global_scope()
    {
        var scopes = EvaluationScopes.Partition(new object[] { Workload("a", "llm") }, Array.Empty<object>());

        Assert.Equal(0, scopes.HomeOf(Workload("a", "llm")));
    }

    private static ComputeWorkload Workload(string ns, string name) =>
        new(SourceFormat.Kubernetes, "Deployment", name, ns, Span);

    private static WorkloadProfile Profile(string name, string ns, params (string Kind, string Name, string Namespace, bool NamespaceGiven)[] targets)
    {
        var profile = new WorkloadProfile(SourceFormat.WorkloadSpec, "AIWorkload", name, ns, Span);
        profile.Targets = targets.Select(t => new ProfileTarget(profile, t.Kind, t.Name, t.Namespace, Span) { NamespaceGiven = t.NamespaceGiven }).ToArray();
        return profile;
    }
}
