using InfraLint.Core.Facts;
using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.Observability;

public sealed class IL3006NoResourceLimitsTests
{
    private const string Id = "IL3006";

    [Fact]
    public void Missing_limits_are_reported_at_the_resources_key_or_the_name()
    {
        var findings = Verify.Findings(Id, """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: feature-server
            spec:
              template:
                spec:
                  initContainers:
                    - name: migrate
                      image: example/migrate:1.0
                  containers:
                    - name: server
                      image: feast/feature-server:0.40.1
                      {|IL3006:resources|}:
                        limits:
                          cpu: "2"
                    - name: {|IL3006:sidecar|}
                      image: envoyproxy/envoy:v1.31.0
            """);
        Assert.Equal(new[] { (Id, 14, 11), (Id, 17, 17) }, findings.Positions());
        Assert.Contains("sets no memory limit", findings[0].Message);
        Assert.Contains("sets no memory limit; set resources.limits.memory.", findings[1].Message);
        Assert.Empty(findings[0].Fixes);
    }

    /// <summary>A CPU limit throttles a server in the periods it bursts; it is asked for only when requireCpuLimits says so.</summary>
    [Fact]
    public void A_missing_cpu_limit_is_reported_only_when_cpu_limits_are_required()
    {
        const string Pod = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: app
            spec:
              containers:
                - name: app
                  image: example/app:1.0
                  resources:
                    limits:
                      memory: 512Mi
            """;
        Verify.NoFindings(Id, Pod);

        var findings = Verify.Findings(Id, Pod.Replace("  resources:", "  {|IL3006:resources|}:"), new LintSettings { RequireCpuLimits = true });
        Assert.Equal(new[] { (Id, 9, 7) }, findings.Positions());
        Assert.Contains("sets no CPU limit; set resources.limits.cpu.", findings[0].Message);
    }

    [Fact]
    public void With_cpu_limits_required_a_container_without_either_names_both()
    {
        var finding = Assert.Single(Verify.Findings(Id, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: app
            spec:
              containers:
                - name: {|IL3006:app|}
                  image: example/app:1.0
            """, new LintSettings { RequireCpuLimits = true }));
        Assert.Equal((Id, 7, 13), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
        Assert.Contains("sets no CPU or memory limit; set resources.limits.cpu and resources.limits.memory.", finding.Message);
    }

    [Fact]
    public void Fix_copies_the_memory_request_when_only_the_memory_limit_is_missing_by_default()
    {
        Verify.Fix(Id, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: app
            spec:
              containers:
                - name: app
                  image: example/app:1.0
                  resources:
                    requests:
                      cpu: 500m
                      memory: 512Mi
            """, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: app
            spec:
              containers:
                - name: app
                  image: example/app:1.0
                  resources:
                    requests:
                      cpu: 500m
                      memory: 512Mi
                    limits:
                      memory: "512Mi"
            """);
    }

    [Fact]
    public void Container_with_both_limits_is_not_reported()
    {
        Verify.NoFindings(Id, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: app
            spec:
              containers:
                - name: app
                  image: example/app:1.0
                  resources:
                    limits:
                      cpu: 500m
                      memory: 512Mi
            """);
    }

    [Fact]
    public void Fix_copies_the_request_into_the_one_missing_limit()
    {
        Verify.Fix(Id, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: app
            spec:
              containers:
                - name: app
                  image: example/app:1.0
                  resources:
                    requests:
                      cpu: 500m
                      memory: 512Mi
                    limits:
                      cpu: "1"
            """, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: app
            spec:
              containers:
                - name: app
                  image: example/app:1.0
                  resources:
                    requests:
                      cpu: 500m
                      memory: 512Mi
                    limits:
                      cpu: "1"
                      memory: "512Mi"
            """);
    }


    private const string SeldonServer = """
        apiVersion: mlops.seldon.io/v1alpha1
        kind: Server
        metadata:
          name: mlserver-gpu
        spec:
          serverConfig: mlserver
          podSpec:
            containers:
              - name: mlserver
                securityContext:
                  privileged: {|IL2006:true|}
                resources:
                  requests:
                    nvidia.com/gpu: 1
        """;

    [Fact]
    public void A_seldon_server_pod_spec_is_an_overlay_whose_unset_limits_come_from_its_server_config()
    {
        Verify.NoFindings(Id, Markup.Parse("x.yaml", SeldonServer).Text);
        Verify.NoFindings("IL2007", Markup.Parse("x.yaml", SeldonServer).Text);
        Assert.Equal(new[] { ("IL2006", 11, 23) }, Verify.Findings("IL2006", SeldonServer).Positions());
        var complete = Lint.Yaml(Markup.Parse("x.yaml", SeldonServer).Text.Replace("mlops.seldon.io/v1alpha1", "example.com/v1"));
        Assert.Equal(new[] { (Id, 12, 9) }, complete.Of(Id).Positions());
    }

    [Fact]
    public void A_kubeflow_runtime_leaves_the_trainer_node_container_to_each_train_job_but_judges_its_other_containers()
    {
        const string Runtime = """
            apiVersion: trainer.kubeflow.org/v1alpha1
            kind: ClusterTrainingRuntime
            metadata:
              name: torch-distributed
            spec:
              template:
                spec:
                  replicatedJobs:
                    - name: node
                      template:
                        spec:
                          template:
                            spec:
                              containers:
                                - name: node
                                  image: pytorch/pytorch:2.7.1-cuda12.8-cudnn9-runtime
                                  command: ["torchrun", "train.py"]
                    - name: model-initializer
                      template:
                        spec:
                          template:
                            spec:
                              containers:
                                - name: {|IL3006:model-initializer|}
                                  image: ghcr.io/kubeflow/trainer/model-initializer:v2.0.0
            """;
        Assert.Equal(new[] { (Id, 24, 29) }, Verify.Findings(Id, Runtime).Positions());
    }
}
