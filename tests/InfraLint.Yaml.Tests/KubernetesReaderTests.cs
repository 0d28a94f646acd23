using InfraLint.Core.Facts;
using static InfraLint.Yaml.Tests.AdapterHarness;

namespace InfraLint.Yaml.Tests;

public class KubernetesReaderTests
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: vllm
          namespace: serving
          labels:
            team: ml
        spec:
          replicas: 3
          template:
            metadata:
              labels:
                app: vllm
            spec:
              hostNetwork: true
              securityContext:
                runAsUser: 0
              containers:
                - name: server
                  image: vllm/vllm-openai:v0.6.3
                  args: ["--model", "meta-llama/Llama-3.1-8B"]
                  env:
                    - name: HF_TOKEN
                      valueFrom:
                        secretKeyRef: {name: hf, key: token}
                    - name: LOG_LEVEL
                      value: debug
                  ports:
                    - containerPort: 8000
                  resources:
                    requests:
                      nvidia.com/gpu: 1
                    limits:
                      memory: 32Gi
                  securityContext:
                    privileged: true
                  readinessProbe:
                    httpGet: {path: /health, port: 8000}
        """;

    [Fact]
    public void Deployment_becomes_one_workload_with_exact_spans()
    {
        var w = Workload(Deployment);
        Assert.Equal(("Deployment", "vllm", "serving"), (w.Kind, w.Name, w.Namespace));
        Assert.Equal((4, 9), Pos(w.Span));
        Assert.Equal(3, w.Replicas.Value);
        Assert.Equal((9, 13), Pos(w.Replicas.Span));
        Assert.Equal(WorkloadRole.Inference, w.Role);
        Assert.Contains("vLLM", w.RoleReason);
        Assert.True(w.IsLongRunning);
        Assert.Equal("ml", w.Labels["team"].Value);

        var pod = Assert.Single(w.Pods);
        Assert.Equal("pod", pod.Role);
        Assert.Equal("spec.template.spec", pod.Path);
        Assert.True(pod.HostNetwork.Value);
        Assert.Equal((15, 20), Pos(pod.HostNetwork.Span));
        Assert.Equal(0, pod.SecurityContext.RunAsUser.Value);
        Assert.Equal("vllm", pod.Labels["app"]);

        var c = Assert.Single(pod.Containers);
        Assert.Equal("server", c.Name.Value);
        Assert.Equal((19, 17), Pos(c.Name.Span));
        Assert.Equal("vllm/vllm-openai:v0.6.3", c.Image.Value);
        Assert.Equal((20, 18), Pos(c.Image.Span));
        Assert.Equal("spec.template.spec.containers[0].image", c.Image.Path);
        Assert.Equal(2, c.Env.Count);
        Assert.Equal("secretKeyRef", c.Env[0].ValueFrom);
        Assert.False(c.Env[0].Value.IsPresent);
        Assert.Equal("debug", c.Env[1].Value.Value);
        Assert.Equal((27, 22), Pos(c.Env[1].Value.Span));
        Assert.Equal(new[] { 8000 }, c.Ports);
        Assert.Equal(1, c.Resources.AcceleratorCount);
        Assert.Equal((32, 31), Pos(c.Resources.Requests["nvidia.com/gpu"].Span));
        Assert.False(c.Resources.Limits.ContainsKey("cpu"));
        Assert.True(c.SecurityContext.Privileged.Value);
        Assert.Equal((36, 25), Pos(c.SecurityContext.Privileged.Span));
        Assert.False(c.SecurityContext.AllowPrivilegeEscalation.IsPresent);
        Assert.Equal(c.Name.Span, c.SecurityContext.AllowPrivilegeEscalation.Span);
        Assert.Equal(0, c.EffectiveRunAsUser.Value);
        Assert.NotNull(c.ReadinessProbe);
        Assert.Null(c.LivenessProbe);
    }

    [Fact]
    public void Missing_key_is_inserted_at_the_mappings_indentation()
    {
        var c = Workload(Deployment).Containers.Single();
        var edits = c.SecurityContext.AllowPrivilegeEscalation.Edit!.Set(false);
        string fixedText = Apply(Deployment, edits);
        Assert.Contains("""
                      securityContext:
                        privileged: true
                        allowPrivilegeEscalation: false
                      readinessProbe:
            """.Replace("\r\n", "\n"), fixedText.Replace("\r\n", "\n"));
        var again = Workload(fixedText).Containers.Single();
        Assert.False(again.SecurityContext.AllowPrivilegeEscalation.Value);
    }

    [Fact]
    public void Missing_parent_mappings_are_created()
    {
        var c = Workload(Deployment).Containers.Single();
        string fixedText = Apply(Deployment, c.Resources.LimitEdit!("nvidia.com/gpu")!.Set(1));
        var again = Workload(fixedText).Containers.Single();
        Assert.Equal("1", again.Resources.Limits["nvidia.com/gpu"].Value);
        Assert.Equal("32Gi", again.Resources.Limits["memory"].Value);

        string withRunAsNonRoot = Apply(Deployment, c.SecurityContext.RunAsNonRoot.Edit!.Set(true));
        Assert.True(Workload(withRunAsNonRoot).Containers.Single().SecurityContext.RunAsNonRoot.Value);
    }

    [Fact]
    public void Existing_scalar_is_replaced_in_place()
    {
        var c = Workload(Deployment).Containers.Single();
        var edit = Assert.Single(c.SecurityContext.Privileged.Edit!.Set(false));
        Assert.Equal((36, 25), Pos(edit.Span));
        Assert.Equal("false", edit.NewText);
        Assert.Equal(Deployment.Length - 4 + 5, Apply(Deployment, new[] { edit }).Length);
    }

    [Fact]
    public void Flow_mapping_gets_the_key_inside_its_braces()
    {
        const string yaml = """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
                - {name: app, image: "nginx:1.27", securityContext: {}}
            """;
        var c = Workload(yaml).Containers.Single();
        string fixedText = Apply(yaml, c.SecurityContext.AllowPrivilegeEscalation.Edit!.Set(false));
        Assert.True(fixedText.Contains("securityContext: {allowPrivilegeEscalation: false}"), fixedText);
        Assert.Contains("securityContext: {allowPrivilegeEscalation: false}", fixedText);
        Assert.False(Workload(fixedText).Containers.Single().SecurityContext.AllowPrivilegeEscalation.Value);
    }

    [Fact]
    public void Multi_document_file_with_a_broken_document_keeps_the_others()
    {
        const string yaml = """
            apiVersion: v1
            kind: Pod
            metadata: {name: a}
            spec: {containers: [{name: c, image: "x:1"}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: [broken
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: b}
            spec: {containers: [{name: c, image: "x:1"}]}
            """;
        var facts = Facts(yaml);
        Assert.Equal(new[] { "a", "b" }, facts.OfType<ComputeWorkload>().Select(w => w.Name));
        var failure = Assert.Single(facts.OfType<ParseFailure>());
        Assert.InRange(failure.Span.StartLine, 9, 10);
    }

    [Fact]
    public void Syntax_error_is_located()
    {
        var failure = Assert.Single(Facts("a: 1\nb:\n  c: 2\n d: 3\n").OfType<ParseFailure>());
        Assert.Equal((4, 2), Pos(failure.Span));
        Assert.StartsWith("YAML syntax error", failure.Message);

        // YamlDotNet throws InvalidOperationException here rather than a YamlException.
        var unterminated = Assert.Single(Facts("a: 1\nb: [1, 2\nc: 3\n").OfType<ParseFailure>());
        Assert.InRange(unterminated.Span.StartLine, 2, 3);
    }

    [Fact]
    public void Alias_bomb_is_refused()
    {
        var lines = new List<string> { "a: &a [x, x, x, x, x, x, x, x, x, x]" };
        for (char c = 'b'; c <= 'j'; c++)
            lines.Add($"{c}: &{c} [*{(char)(c - 1)}, *{(char)(c - 1)}, *{(char)(c - 1)}, *{(char)(c - 1)}, *{(char)(c - 1)}, *{(char)(c - 1)}, *{(char)(c - 1)}, *{(char)(c - 1)}, *{(char)(c - 1)}, *{(char)(c - 1)}]");
        var failure = Assert.Single(Facts(string.Join("\n", lines)).OfType<ParseFailure>());
        Assert.Contains("alias bomb", failure.Message);
    }

    [Fact]
    public void Deep_nesting_is_refused_without_overflowing_the_stack()
    {
        string yaml = "a: " + new string('[', 100_000) + new string(']', 100_000);
        var failure = Assert.Single(Facts(yaml).OfType<ParseFailure>());
        Assert.Contains("deeper than", failure.Message);
    }

    [Fact]
    public void Duplicate_keys_are_a_parse_failure_not_an_exception()
    {
        var failure = Assert.Single(Facts("a: 1\na: 2\n").OfType<ParseFailure>());
        Assert.Equal(2, failure.Span.StartLine);
    }

    [Fact]
    public void Non_kubernetes_yaml_is_skipped_silently()
    {
        Assert.Empty(Facts("replicaCount: 1\nimage:\n  repository: nginx\n"));
        Assert.Empty(Facts("- just\n- a list\n"));
    }

    [Fact]
    public void CronJob_template_and_schedule()
    {
        var w = Workload("""
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: nightly-train, annotations: {infralint.dev/role: training}}
            spec:
              schedule: "0 9 * * 1-5"
              jobTemplate:
                spec:
                  template:
                    spec:
                      containers:
                        - name: train
                          image: pytorch/pytorch:2.4.0-cuda12.1-cudnn9-runtime
                      restartPolicy: Never
            """);
        Assert.Equal(WorkloadRole.Training, w.Role);
        Assert.Equal("0 9 * * 1-5", w.Schedule!.Value);
        Assert.Equal((5, 13), Pos(w.Schedule.Span));
        Assert.Equal("spec.jobTemplate.spec.template.spec", w.Pods.Single().Path);
        Assert.False(w.IsLongRunning);
    }

    [Fact]
    public void PyTorchJob_and_RayCluster_have_a_template_per_replica_group()
    {
        var job = Workload("""
            apiVersion: kubeflow.org/v1
            kind: PyTorchJob
            metadata: {name: ft}
            spec:
              pytorchReplicaSpecs:
                Master:
                  replicas: 1
                  template:
                    spec:
                      containers: [{name: pytorch, image: "ghcr.io/acme/train:1.0"}]
                Worker:
                  replicas: 3
                  template:
                    spec:
                      containers: [{name: pytorch, image: "ghcr.io/acme/train:1.0", resources: {limits: {nvidia.com/gpu: 8}}}]
            """);
        Assert.Equal(WorkloadRole.Training, job.Role);
        Assert.Equal(new[] { "Master", "Worker" }, job.Pods.Select(p => p.Role));
        Assert.Equal(8, job.AcceleratorsPerReplica);

        var ray = Workload("""
            apiVersion: ray.io/v1
            kind: RayCluster
            metadata: {name: rc}
            spec:
              headGroupSpec:
                template:
                  spec:
                    containers: [{name: head, image: "rayproject/ray:2.9.0"}]
              workerGroupSpecs:
                - groupName: gpu
                  replicas: 2
                  template:
                    spec:
                      containers: [{name: w, image: "rayproject/ray:2.9.0-gpu"}]
            """);
        Assert.Equal(new[] { "head", "worker:gpu" }, ray.Pods.Select(p => p.Role));
    }

    [Fact]
    public void RayService_scales_with_serve_autoscaling_and_kuberay_owns_the_probes()
    {
        var w = Workload("""
            apiVersion: ray.io/v1
            kind: RayService
            metadata: {name: llm}
            spec:
              serveConfigV2: |
                applications:
                  - name: llm
                    deployments:
                      - name: VLLMDeployment
                        autoscaling_config: {min_replicas: 1, max_replicas: 4}
              rayClusterConfig:
                headGroupSpec:
                  template:
                    spec:
                      containers: [{name: ray-head, image: "rayproject/ray-ml:2.33.0"}]
                workerGroupSpecs:
                  - groupName: gpu
                    replicas: 2
                    template:
                      spec:
                        containers: [{name: ray-worker, image: "rayproject/ray-ml:2.33.0"}]
            """);
        Assert.Equal("Ray Serve autoscaling_config", w.InlineAutoscaling);
        Assert.Equal(2, w.Replicas.Value);
        Assert.All(w.Containers, c => Assert.True(c.ProbesManagedElsewhere));
    }

    [Fact]
    public void InferenceService_autoscales_unless_pinned()
    {
        var scaled = Workload("""
            apiVersion: serving.kserve.io/v1beta1
            kind: InferenceService
            metadata: {name: llm}
            spec:
              predictor:
                minReplicas: 1
                maxReplicas: 4
                model:
                  modelFormat: {name: huggingface}
            """);
        Assert.Equal(WorkloadRole.Inference, scaled.Role);
        Assert.NotNull(scaled.InlineAutoscaling);

        var pinned = Workload("""
            apiVersion: serving.kserve.io/v1beta1
            kind: InferenceService
            metadata: {name: llm}
            spec:
              predictor:
                minReplicas: 2
                maxReplicas: 2
                containers: [{name: kserve-container, image: "kserve/huggingfaceserver:v0.14.0"}]
            """);
        Assert.Null(pinned.InlineAutoscaling);
        Assert.Equal(2, pinned.Replicas.Value);
        Assert.Equal("predictor", pinned.Pods.Single().Role);
    }

    [Fact]
    public void Objects_around_workloads()
    {
        var facts = Facts("""
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: h, namespace: serving}
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: vllm}
              minReplicas: 1
              maxReplicas: 5
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: admin-ish}
            rules:
              - apiGroups: [""]
                resources: ["*"]
                verbs: ["get", "*"]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: deny, namespace: serving}
            spec: {podSelector: {}, policyTypes: [Ingress]}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: vllm, namespace: serving}
            spec: {type: LoadBalancer, selector: {app: vllm}, ports: [{port: 80}]}
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: web}
            spec:
              rules:
                - http:
                    paths:
                      - path: /
                        pathType: Prefix
                        backend: {service: {name: vllm, port: {number: 80}}}
            ---
            apiVersion: monitoring.coreos.com/v1
            kind: ServiceMonitor
            metadata: {name: sm}
            spec: {selector: {matchLabels: {app: vllm}}, namespaceSelector: {any: true}}
            """);
        var hpa = Assert.Single(facts.OfType<Autoscaler>());
        Assert.Equal(("Deployment", "vllm", 1, 5), (hpa.TargetKind, hpa.TargetName.Value, hpa.MinReplicas.Value, hpa.MaxReplicas.Value));
        var role = Assert.Single(facts.OfType<AccessPolicy>());
        Assert.Equal(string.Empty, role.Namespace);
        var statement = Assert.Single(role.Statements);
        Assert.Equal((15, 20), Pos(statement.Actions[1].Span));
        Assert.Equal((14, 17), Pos(statement.Resources[0].Span));
        Assert.Equal("serving", Assert.Single(facts.OfType<NetworkPolicy>()).Namespace);
        var endpoints = facts.OfType<Endpoint>().ToList();
        Assert.Equal(Exposure.Public, endpoints[0].Exposure);
        Assert.Equal(new[] { "vllm" }, endpoints[1].BackendServices);
        Assert.False(endpoints[1].Tls!.IsPresent);
        Assert.Equal(new[] { "*" }, Assert.Single(facts.OfType<MetricsCollector>()).Namespaces);
    }

    [Fact]
    public void TrainJob_trainer_is_a_container_whose_security_is_managed_elsewhere()
    {
        var w = Workload("""
            apiVersion: trainer.kubeflow.org/v1alpha1
            kind: TrainJob
            metadata: {name: tj}
            spec:
              runtimeRef: {name: torch-distributed}
              trainer:
                image: docker.io/acme/train
                numNodes: 2
                resourcesPerNode:
                  limits: {nvidia.com/gpu: 4}
            """);
        var c = w.Containers.Single();
        Assert.True(c.SecurityContextManagedElsewhere);
        Assert.Equal(4, c.Resources.AcceleratorCount);
        Assert.Equal((7, 12), Pos(c.Image.Span));
    }

    [Fact]
    public void Suppression_comments_are_read()
    {
        var result = new YamlAdapter().Read(new InfraLint.Core.Locations.SourceText("s.yaml", """
            # infralint-disable-file IL3006 -- limits are set by a LimitRange
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              # infralint-disable-next-line IL2006
              containers: [{name: c, image: "x:1"}]  # infralint-disable-line IL2011 -- pinned by policy
            """));
        Assert.Equal(3, result.Suppressions.Count);
        Assert.Null(result.Suppressions[0].Line);
        Assert.Equal("limits are set by a LimitRange", result.Suppressions[0].Justification);
        Assert.Equal(7, result.Suppressions[1].Line);
        Assert.Null(result.Suppressions[1].Justification);
        Assert.Equal(7, result.Suppressions[2].Line);
        Assert.Equal(new[] { "IL2011" }, result.Suppressions[2].RuleIds);
    }
}
