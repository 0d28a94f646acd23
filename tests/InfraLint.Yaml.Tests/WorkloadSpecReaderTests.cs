using InfraLint.Core.Facts;
using static InfraLint.Yaml.Tests.AdapterHarness;

namespace InfraLint.Yaml.Tests;

public class WorkloadSpecReaderTests
{
    [Fact]
    public void Spec_document_becomes_a_profile_with_targets()
    {
        var facts = Facts("""
            apiVersion: infralint.dev/v1alpha1
            kind: AIWorkload
            metadata:
              name: chat-api
            spec:
              role: inference
              model:
                name: llama-3.1-70b
                precision: FP8
              traffic:
                peakRequestsPerSecond: 40
                inputTokens: 1000
                outputTokens: 250
              slo:
                p99LatencyMs: 2000
              targets:
                - kind: Deployment
                  name: vllm-llama70b
                  namespace: serving
            """);
        var profile = Assert.Single(facts.OfType<WorkloadProfile>());
        Assert.Empty(facts.OfType<ComputeWorkload>());
        Assert.Equal(WorkloadRole.Inference, profile.Role.Value);
        Assert.Equal("llama-3.1-70b", profile.ModelName.Value);
        Assert.Equal("fp8", profile.Precision.Value);
        Assert.Equal(40, profile.PeakRequestsPerSecond.Value);
        Assert.Equal((11, 28), Pos(profile.PeakRequestsPerSecond.Span));
        Assert.Equal(2000, profile.P99LatencyMs.Value);
        Assert.False(profile.TrainingTokens.IsPresent);
        var target = Assert.Single(facts.OfType<ProfileTarget>());
        Assert.Equal("Deployment/serving/vllm-llama70b", target.ToString());
        Assert.Empty(facts.OfType<ConfigProblem>());
    }

    [Fact]
    public void Bad_values_are_config_problems_at_the_node()
    {
        var facts = Facts("""
            apiVersion: infralint.dev/v1alpha1
            kind: AIWorkload
            metadata: {name: bad}
            spec:
              role: serving-ish
              model: {name: mystery, precision: fp12}
              traffic: {peakRequestsPerSecond: -5, inputTokens: lots}
              extra: 1
            """);
        var problems = facts.OfType<ConfigProblem>().OrderBy(p => p.Span.StartLine).ThenBy(p => p.Span.StartColumn).ToList();
        Assert.Equal(new[] { (5, 9), (6, 37), (7, 36), (7, 53), (8, 3) }, problems.Select(p => Pos(p.Span)));
        Assert.Contains("fp12", problems[1].Message);
        Assert.Contains("greater than zero", problems[2].Message);
        var profile = Assert.Single(facts.OfType<WorkloadProfile>());
        Assert.False(profile.PeakRequestsPerSecond.IsPresent);
    }

    [Fact]
    public void Annotations_make_a_profile_for_the_workload_itself()
    {
        var facts = Facts("""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: tgi
              namespace: serving
              annotations:
                infralint.dev/model: mistral-7b
                infralint.dev/peak-rps: "12"
                infralint.dev/critical: "maybe"
            spec:
              template:
                spec:
                  nodeSelector:
                    nvidia.com/gpu.product: NVIDIA-L4
                  tolerations:
                    - key: cloud.google.com/gke-spot
                      operator: Equal
                      value: "true"
                  affinity:
                    nodeAffinity:
                      requiredDuringSchedulingIgnoredDuringExecution:
                        nodeSelectorTerms:
                          - matchExpressions:
                              - key: node.kubernetes.io/instance-type
                                operator: In
                                values: [g2-standard-8]
                  containers:
                    - name: tgi
                      image: ghcr.io/huggingface/text-generation-inference:2.4.0
                      args: ["--quantize", "awq"]
            """);
        var workload = Assert.Single(facts.OfType<ComputeWorkload>());
        var profile = Assert.Single(facts.OfType<WorkloadProfile>());
        Assert.True(profile.FromAnnotations);
        Assert.True(profile.Describes(workload));
        Assert.Equal(12, profile.PeakRequestsPerSecond.Value);
        var problem = Assert.Single(facts.OfType<ConfigProblem>());
        Assert.Equal((9, 29), Pos(problem.Span));
        var pod = workload.Pods.Single();
        Assert.Equal(new[] { "NVIDIA-L4" }, pod.RequiredNodeLabels["nvidia.com/gpu.product"]);
        Assert.Equal(new[] { "g2-standard-8" }, pod.RequiredNodeLabels["node.kubernetes.io/instance-type"]);
        Assert.Equal(new[] { "cloud.google.com/gke-spot=true" }, pod.Tolerations);
        Assert.Equal("int4", Core.Knowledge.ServerArguments.Precision(workload.Containers.Single().Args.Select(a => a.Value).ToList()));
    }

    [Fact]
    public void CloudFormation_tags_and_compose_labels_declare_profiles_at_their_values()
    {
        var cfn = Facts("""
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              Trainer:
                Type: AWS::EC2::Instance
                Properties:
                  InstanceType: p4d.24xlarge
                  Tags:
                    - Key: infralint.dev/role
                      Value: training
                    - Key: infralint.dev/model
                      Value: llama-3.1-8b
                    - Key: infralint.dev/peak-rps
                      Value: "-3"
            """);
        var profile = cfn.OfType<WorkloadProfile>().Single();
        var workload = cfn.OfType<ComputeWorkload>().Single();
        Assert.Equal(WorkloadRole.Training, workload.Role);
        Assert.Equal("llama-3.1-8b", profile.ModelName.Value);
        Assert.Equal((11, 18), Pos(profile.ModelName.Span));
        Assert.True(profile.Describes(workload));
        Assert.Equal((13, 18), Pos(cfn.OfType<ConfigProblem>().Single().Span));

        var compose = Facts("""
            services:
              chat:
                image: vllm/vllm-openai:v0.6.3
                labels:
                  infralint.dev/model: mistral-7b
            """, "docker-compose.yml");
        Assert.Equal("mistral-7b", compose.OfType<WorkloadProfile>().Single().ModelName.Value);
    }

    [Fact]
    public void A_target_without_namespace_matches_non_kubernetes_resources_by_name()
    {
        var spec = Facts("""
            apiVersion: infralint.dev/v1alpha1
            kind: AIWorkload
            metadata:
              name: pretrain
            spec:
              targets:
                - kind: AWS::EC2::Instance
                  name: Trainer
                - name: chat
                  namespace: serving
            """).OfType<ProfileTarget>().ToArray();
        var instance = Facts("""
            Resources:
              Trainer:
                Type: AWS::EC2::Instance
                Properties:
                  InstanceType: p4d.24xlarge
            """, "stack.yaml").OfType<ComputeWorkload>().Single();
        Assert.False(spec[0].NamespaceGiven);
        Assert.True(spec[0].Matches(instance));
        Assert.True(spec[1].NamespaceGiven);
        Assert.False(spec[1].Matches(instance));
    }

    [Fact]
    public void CronJob_time_zone_and_editable_arguments_are_read()
    {
        var workload = Workload("""
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: retrain
            spec:
              schedule: "0 2 * * *"
              timeZone: Europe/Berlin
              jobTemplate:
                spec:
                  template:
                    spec:
                      containers:
                        - name: t
                          image: ghcr.io/example/t:1
                          args: ["--dtype", "float32"]
            """);
        Assert.Equal("Europe/Berlin", workload.ScheduleTimeZone?.Value);
        var arg = workload.Containers.Single().Args[1];
        var edit = Assert.Single(arg.Edit!.Set("bfloat16"));
        Assert.Equal("\"bfloat16\"", edit.NewText);
    }
}
