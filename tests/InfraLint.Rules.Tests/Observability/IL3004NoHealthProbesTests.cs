using InfraLint.Core.Facts;
using InfraLint.Core.Locations;
using InfraLint.Rules.Tests.Infrastructure;
using InfraLint.Yaml;

namespace InfraLint.Rules.Tests.Observability;

public sealed class IL3004NoHealthProbesTests
{
    private const string Id = "IL3004";

    [Fact]
    public void Inference_container_without_probes_is_reported_at_its_name()
    {
        var finding = Assert.Single(Verify.Findings(Id, """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: vllm
            spec:
              template:
                spec:
                  initContainers:
                    - name: download
                      image: busybox:1.36
                  containers:
                    - name: {|IL3004:vllm|}
                      image: vllm/vllm-openai:v0.6.3
            """));
        Assert.Equal((Id, 12, 17), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
        Assert.Contains("neither a readiness nor a liveness probe", finding.Message);
    }

    [Fact]
    public void One_readiness_probe_gates_the_pod_and_a_missing_liveness_probe_alone_is_not_reported()
    {
        // A proxy sidecar beside a probed server, and a server with only a readiness probe: the pod gets no traffic
        // before it is ready, and whether to restart a slow server is the owner's call.
        Verify.NoFindings(Id, """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: api
            spec:
              template:
                spec:
                  containers:
                    - name: server
                      image: example/api:1.0
                      ports:
                        - containerPort: 8080
                      readinessProbe:
                        httpGet: {path: /ready, port: 8080}
                    - name: proxy
                      image: example/proxy:1.0
                      ports:
                        - containerPort: 8081
            """);
    }

    [Fact]
    public void A_leader_worker_set_worker_without_ports_is_not_where_traffic_goes()
    {
        const string Set = """
            apiVersion: leaderworkerset.x-k8s.io/v1
            kind: LeaderWorkerSet
            metadata:
              name: sglang
            spec:
              leaderWorkerTemplate:
                leaderTemplate:
                  spec:
                    containers:
                      - name: sglang-leader
                        image: lmsysorg/sglang:v0.4.3
                        ports: [{containerPort: 40000}]
                        readinessProbe:
                          tcpSocket: {port: 40000}
                workerTemplate:
                  spec:
                    containers:
                      - name: {|IL3004:sglang-worker|}
                        image: lmsysorg/sglang:v0.4.3
            """;
        Verify.NoFindings(Id, Markup.Parse("x.yaml", Set).Text);
        // A worker that declares ports is reached directly and is judged like any server.
        var withPorts = Set + "\n            ports: [{containerPort: 40001}]";
        Assert.Equal(new[] { (Id, 18, 19) }, Verify.Findings(Id, withPorts).Positions());
    }

    [Fact]
    public void Knative_gives_a_kserve_container_its_default_readiness_probe_unless_the_service_is_a_raw_deployment()
    {
        const string Service = """
            apiVersion: serving.kserve.io/v1beta1
            kind: InferenceService
            metadata:
              name: explainer
            spec:
              predictor:
                containers:
                  - name: {|IL3004:kserve-container|}
                    image: example/model-server:1.0
                    ports: [{containerPort: 8080}]
            """;
        Verify.NoFindings(Id, Markup.Parse("x.yaml", Service).Text);
        Verify.Findings(Id, Service.Replace("  name: explainer", "  name: explainer\n  annotations:\n    serving.kserve.io/deploymentMode: RawDeployment"));
    }

    [Fact]
    public void A_pod_without_any_readiness_probe_is_reported_once_at_its_first_serving_container()
    {
        var finding = Assert.Single(Verify.Findings(Id, """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: api
            spec:
              template:
                spec:
                  containers:
                    - name: {|IL3004:live-only|}
                      image: example/api:1.0
                      ports:
                        - containerPort: 8081
                      livenessProbe:
                        tcpSocket: {port: 8081}
                    - name: proxy
                      image: example/proxy:1.0
                      ports:
                        - containerPort: 8082
            """));
        Assert.Equal((Id, 9, 17), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
        Assert.Contains("no readiness probe", finding.Message);
    }

    [Fact]
    public void Probed_servers_jobs_and_portless_workers_are_not_reported()
    {
        Verify.NoFindings(Id, """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: vllm
            spec:
              template:
                spec:
                  containers:
                    - name: vllm
                      image: vllm/vllm-openai:v0.6.3
                      ports:
                        - containerPort: 8000
                      readinessProbe:
                        httpGet: {path: /health, port: 8000}
                      livenessProbe:
                        httpGet: {path: /health, port: 8000}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: queue-worker
            spec:
              template:
                spec:
                  containers:
                    - name: worker
                      image: example/worker:1.0
            ---
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: finetune
            spec:
              template:
                spec:
                  restartPolicy: Never
                  containers:
                    - name: trainer
                      image: pytorch/pytorch:2.4.0-cuda12.1-cudnn9-runtime
                      ports:
                        - containerPort: 29500
            """);
    }

    [Fact]
    public void Containers_whose_probes_the_platform_adds_are_not_judged()
    {
        var facts = new YamlAdapter().Read(new SourceText("ray.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: vllm
            spec:
              template:
                spec:
                  containers:
                    - name: vllm
                      image: vllm/vllm-openai:v0.6.3
            """)).Facts;
        var container = facts.OfType<ComputeWorkload>().Single().Containers.Single();
        Assert.Single(Lint.Engine.Evaluate(facts, LintSettings.Default), f => f.RuleId == Id);

        container.ProbesManagedElsewhere = true;
        Assert.DoesNotContain(Lint.Engine.Evaluate(facts, LintSettings.Default), f => f.RuleId == Id);
    }


    [Fact]
    public void A_gpu_test_pod_on_a_server_image_is_not_a_server()
    {
        Verify.NoFindings(Id, """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: gpu-check
            spec:
              template:
                spec:
                  containers:
                    - name: check
                      image: nvcr.io/nvidia/tritonserver:24.05-py3
                      command: ["bash", "-c", "nvidia-smi; sleep infinity"]
                      resources:
                        limits:
                          nvidia.com/gpu: 1
            """);
        var findings = Verify.Findings(Id, """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: triton
            spec:
              template:
                spec:
                  containers:
                    - name: {|IL3004:triton|}
                      image: nvcr.io/nvidia/tritonserver:24.05-py3
                      command: ["bash", "-c", "nvidia-smi; tritonserver --model-repository=/models"]
            """);
        Assert.Equal(new[] { (Id, 9, 17) }, findings.Positions());
    }
}
