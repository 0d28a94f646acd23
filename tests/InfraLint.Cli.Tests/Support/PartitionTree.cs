using System.Globalization;
using System.Text;

namespace InfraLint.Cli.Tests.Support;

/// <summary>
/// A deterministic repository whose cross-resource joins cross both directories and evaluation scopes: workloads in
/// <c>apps/</c>, their autoscalers in <c>autoscaling/</c>, network policies in <c>policies/</c>, services and monitors in
/// <c>monitoring/</c>, alerts in another namespace than what they watch, AIWorkload specs in namespaces of their own,
/// a kustomization that pins images of pods written elsewhere, CloudFormation stacks, compose projects, C# (KubernetesClient
/// objects autoscaled from YAML, a CDK stack), multi-document
/// files mixing namespaces, a broken file, suppression directives and a configuration. Every case where a fact may
/// join past its namespace (a cluster-wide drift monitor, alerts matched by expression, collectors watching listed or
/// all namespaces, profiles targeting another namespace or a template) is here, next to the ordinary ones, so a
/// partitioned scan that loses or duplicates a join shows up as a difference from the single-session scan.
/// </summary>
public static class PartitionTree
{
    private static readonly string[] Namespaces =
    {
        "serving", "inference", "ml-training", "research", "search", "assistant", "team-a", "team-b", "staging", "prod-eu",
    };

    private static readonly string[] Teams = { "ml-platform", "search", "assistant", "team-b" };
    private static readonly string[] Models = { "meta-llama/Llama-3.1-8B-Instruct", "meta-llama/Llama-3.1-70B-Instruct", "mistralai/Mistral-7B-Instruct-v0.3", "Qwen/Qwen2.5-32B-Instruct" };
    private static readonly string[] CatalogModels = { "llama-3.1-8b", "llama-3.1-70b", "mistral-7b", "qwen2.5-32b" };
    private static readonly string[] Images =
    {
        "vllm/vllm-openai", "vllm/vllm-openai:latest", "ghcr.io/huggingface/text-generation-inference", "nvcr.io/nvidia/tritonserver:latest",
        "vllm/vllm-openai@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "vllm/vllm-openai:v0.6.3",
    };

    public const int AppCount = 80;

    /// <summary>Relative path and text of every file of the tree, always the same for the same seed.</summary>
    public static IReadOnlyList<(string Path, string Text)> Generate(int seed = 12)
    {
        var random = new Random(seed);
        var files = new List<(string, string)>();
        var inference = new List<(string Name, string Ns)>();
        for (int i = 0; i < AppCount; i++)
        {
            string ns = Namespaces[i % Namespaces.Length];
            bool training = i % 4 == 3;
            string name = training ? $"finetune-{i:D3}" : $"llm-{i:D3}";
            if (training)
            {
                files.Add(($"apps/{name}/job.yaml", Job(i, name, ns, random)));
                continue;
            }
            inference.Add((name, ns));
            files.Add(($"apps/{name}/deployment.yaml", Deployment(i, name, ns, random)));
            files.Add(($"monitoring/services/{name}.yaml", Service(i, name, ns)));
            if (i % 3 != 2) files.Add(($"autoscaling/{name}-hpa.yaml", Hpa(i, i % 11 == 0 ? $"{name}-old" : name, ns, random)));
            else if (i % 2 == 0) files.Add(($"autoscaling/keda/{name}.yaml", ScaledObject(i, name, ns)));
            switch (i % 6)
            {
                case 0: files.Add(($"monitoring/servicemonitors/{name}.yaml", ServiceMonitor(name, "monitoring", name, watching: ns))); break;
                case 1: files.Add(($"monitoring/servicemonitors/{name}.yaml", ServiceMonitor(name, ns, name, watching: null))); break;
                case 2: files.Add(($"monitoring/podmonitors/{name}.yaml", PodMonitor(name, ns))); break;
            }
            if (i % 3 == 0) files.Add(($"monitoring/alerts/{name}.yaml", LatencyAlert(name)));
            else if (i % 3 == 1) files.Add(($"monitoring/alerts/{name}.yaml", AvailabilityAlert(name)));
            if (i % 5 == 4) files.Add(($"gateway/{name}-ingress.yaml", Ingress(i, name, ns)));
            if (i % 5 == 0) files.Add(($"workloads/{Teams[i % Teams.Length]}/{name}.yaml", Spec(i, name, ns)));
        }

        for (int n = 0; n < Namespaces.Length; n += 2)
            files.Add(($"policies/{Namespaces[n]}.yaml", NetworkPolicy($"default-deny-{Namespaces[n]}", Namespaces[n], app: null)));
        files.Add(("policies/llm-005.yaml", NetworkPolicy("allow-llm-005", Namespaces[5], app: "llm-005")));

        files.AddRange(Monitoring());
        files.AddRange(Specs(inference));
        files.Add(("overlays/prod/kustomization.yaml", Kustomization(inference)));
        for (int k = 0; k < 10; k++) files.Add(($"cfn/stacks/endpoint-{k}.yaml", SageMakerStack(k, random)));
        files.Add(("cfn/chat/chat-endpoint.yaml", ChatStack()));
        files.Add(("cfn/training/trainer.template.json", TrainingTemplate()));
        for (int p = 0; p < 5; p++)
        {
            files.Add(($"compose/project-{p}/compose.yaml", Compose(p)));
            files.Add(($"compose/project-{p}/compose.override.yaml", ComposeOverride(p)));
        }
        for (int k = 0; k < 4; k++) files.Add(($"bundles/mixed-{k}.yaml", Mixed(k, inference)));
        for (int k = 0; k < 3; k++)
        {
            files.Add(($"src/Platform/Deployment{k}.cs", KubernetesClient(k)));
            files.Add(($"autoscaling/csharp-{k}-hpa.yaml", Hpa(900 + k, $"cs-{k}", Namespaces[k], random)));
        }
        files.Add(("src/Stacks/InferenceStack.cs", CdkStack()));
        files.Add(("broken/unclosed.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: [unclosed\n  namespace: serving\n"));
        files.Add(("broken/tabs.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n\tname: tabbed\n"));
        files.Add((".infralint.yaml", Configuration()));
        return files;
    }

    /// <summary>Writes the tree under <paramref name="root"/>.</summary>
    public static void WriteTo(string root, int seed = 12)
    {
        foreach (var (path, text) in Generate(seed))
        {
            var full = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }
    }

    private static string Deployment(int i, string name, string ns, Random random)
    {
        int gpus = new[] { 1, 2, 4, 8 }[i % 4];
        var sb = new StringBuilder();
        sb.Append(Invariant($"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: {name}
              namespace: {ns}
              labels:
                app: {name}

            """));
        if (i % 7 != 5) sb.Append(Invariant($"    team: {Teams[i % Teams.Length]}\n"));
        if (i % 6 == 0)
            sb.Append(Invariant($"""
                  annotations:
                    infralint.dev/model: {CatalogModels[i % CatalogModels.Length]}
                    infralint.dev/precision: {(i % 12 == 0 ? "fp16" : "fp32")}
                    infralint.dev/peak-rps: "{1 + random.Next(40)}"
                    infralint.dev/input-tokens: "1000"
                    infralint.dev/output-tokens: "250"

                """));
        if (i % 12 == 6) sb.Append("    infralint.dev/p99-latency-ms: \"2000\"\n");
        sb.Append(Invariant($"""
            spec:
              replicas: {1 + random.Next(4)}

            """));
        if (i % 8 == 1) sb.Append("  strategy:\n    type: Recreate\n");
        sb.Append(Invariant($"""
              selector:
                matchLabels:
                  app: {name}
              template:
                metadata:
                  labels:
                    app: {name}
                    team: {Team(i)}

            """));
        if (i % 13 == 0) sb.Append("        scrape: \"true\"\n");
        sb.Append("    spec:\n");
        if (i % 2 == 0) sb.Append("      securityContext:\n        runAsNonRoot: true\n");
        if (i % 10 == 2) sb.Append("      hostNetwork: true\n");
        sb.Append(Invariant($"""
                  containers:
                    - name: server
                      image: {Images[i % Images.Length]}
                      args: ["--model", "{Models[i % Models.Length]}", "--tensor-parallel-size", "{gpus}"]
                      ports:
                        - name: http
                          containerPort: 8000

            """));
        if (i % 7 == 0) sb.Append("          env:\n            - name: WHYLABS_API_KEY\n              valueFrom: {secretKeyRef: {name: whylabs, key: api-key}}\n");
        if (i % 9 == 0) sb.Append("          securityContext:\n            # infralint-disable-next-line IL2006 -- the benchmark pod reads GPU counters from the host\n            privileged: true\n");
        else if (i % 9 == 4) sb.Append("          securityContext:\n            # infralint-disable-next-line IL2006\n            privileged: true\n");
        else if (i % 9 == 7) sb.Append("          securityContext:\n            # infralint-disable-next-line IL9999 -- not a rule\n            privileged: true\n");
        if (i % 2 == 0) sb.Append("          readinessProbe:\n            httpGet: {path: /health, port: http}\n");
        sb.Append(Invariant($"          resources:\n            requests:\n              nvidia.com/gpu: {gpus}\n              cpu: \"{gpus * 4}\"\n              memory: {gpus * 32}Gi\n"));
        if (i % 3 != 0) sb.Append(Invariant($"            limits:\n              nvidia.com/gpu: {gpus}\n              memory: {gpus * 40}Gi\n"));
        return sb.ToString();
    }

    private static string Job(int i, string name, string ns, Random random) => Invariant($"""
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: {name}
          namespace: {(i % 8 == 3 ? "ml-training" : ns)}
          labels:
            team: research
        spec:
          backoffLimit: 2
          template:
            spec:
              restartPolicy: Never
              {(i % 8 == 7 ? "nodeSelector: {cloud.google.com/gke-spot: \"true\"}" : "priorityClassName: training")}
              containers:
                - name: trainer
                  image: nvcr.io/nvidia/pytorch:24.08-py3
                  command: ["torchrun", "--nproc_per_node", "8", "train.py", "--model", "{Models[i % Models.Length]}", "--data_path=s3://datasets/run-{random.Next(100)}/"]
                  resources:
                    limits:
                      nvidia.com/gpu: 8
                      memory: 640Gi

        """);

    private static string Service(int i, string name, string ns) => Invariant($"""
        apiVersion: v1
        kind: Service
        metadata:
          name: {name}
          namespace: {ns}
          labels:
            app: {name}
            team: {Team(i)}
        {(i % 13 == 0 ? "    scrape: \"true\"\n" : "")}spec:
          type: {(i % 10 == 3 ? "LoadBalancer" : "ClusterIP")}
          selector:
            app: {name}
          ports:
            - name: http
              port: 80
              targetPort: 8000

        """);

    private static string Hpa(int i, string target, string ns, Random random) => Invariant($"""
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata:
          name: hpa-{i:D3}
          namespace: {ns}
        spec:
          scaleTargetRef:
            apiVersion: apps/v1
            kind: Deployment
            name: {target}
          minReplicas: 1
          maxReplicas: {2 + random.Next(14)}
          metrics:
            - type: {(i % 2 == 0 ? "Pods" : "Resource")}
        {(i % 2 == 0
            ? "      pods:\n        metric:\n          name: vllm_num_requests_waiting\n        target:\n          type: AverageValue\n          averageValue: \"5\""
            : "      resource:\n        name: cpu\n        target:\n          type: Utilization\n          averageUtilization: 70")}

        """);

    private static string ScaledObject(int i, string name, string ns) => Invariant($$"""
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata:
          name: keda-{{i:D3}}
          namespace: {{ns}}
        spec:
          scaleTargetRef:
            name: {{name}}
          minReplicaCount: 1
          maxReplicaCount: 8
          triggers:
            - type: prometheus
              metadata:
                serverAddress: http://prometheus.monitoring:9090
                query: sum(vllm_num_requests_waiting{app="{{name}}"})
                threshold: "10"

        """);

    private static string NetworkPolicy(string name, string ns, string? app) => Invariant($"""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: {name}
          namespace: {ns}
        spec:
          podSelector: {(app is null ? "{}" : $"{{matchLabels: {{app: {app}}}}}")}
          policyTypes: [Ingress]
          ingress:
            - from:
                - namespaceSelector:
                    matchLabels:
                      kubernetes.io/metadata.name: gateway

        """);

    private static string ServiceMonitor(string name, string ns, string app, string? watching) => Invariant($"""
        apiVersion: monitoring.coreos.com/v1
        kind: ServiceMonitor
        metadata:
          name: {name}
          namespace: {ns}
        spec:
        {(watching is null ? "" : $"  namespaceSelector:\n    matchNames: [{watching}]\n")}  selector:
            matchLabels:
              app: {app}
          endpoints:
            - port: http
              interval: 30s

        """);

    private static string PodMonitor(string app, string ns) => Invariant($"""
        apiVersion: monitoring.coreos.com/v1
        kind: PodMonitor
        metadata:
          name: {app}-pods
          namespace: {ns}
        spec:
          selector:
            matchLabels:
              app: {app}
          podMetricsEndpoints:
            - port: http

        """);

    private static string LatencyAlert(string app) => Invariant($$"""
        apiVersion: monitoring.coreos.com/v1
        kind: PrometheusRule
        metadata:
          name: {{app}}-latency
          namespace: monitoring
        spec:
          groups:
            - name: {{app}}
              rules:
                - alert: {{app}}-p99-latency
                  expr: histogram_quantile(0.99, sum(rate(vllm:e2e_request_latency_seconds_bucket{app="{{app}}"}[5m])) by (le)) > 2
                  for: 10m
                - record: {{app}}:requests:rate5m
                  expr: sum(rate(vllm:request_success_total{app="{{app}}"}[5m]))

        """);

    private static string AvailabilityAlert(string app) => Invariant($$"""
        apiVersion: monitoring.coreos.com/v1
        kind: PrometheusRule
        metadata:
          name: {{app}}-up
          namespace: monitoring
        spec:
          groups:
            - name: {{app}}
              rules:
                - alert: {{app}}-down
                  expr: up{job="{{app}}"} == 0
                  for: 5m

        """);

    /// <summary>Monitoring that reaches past one namespace: a cluster-wide drift service, collectors for listed and all namespaces, alerts matched by a label value or by nothing.</summary>
    private static IEnumerable<(string, string)> Monitoring()
    {
        yield return ("platform/drift/evidently.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: evidently
              namespace: monitoring
              labels:
                app: evidently
                team: ml-platform
            spec:
              replicas: 1
              selector:
                matchLabels:
                  app: evidently
              template:
                metadata:
                  labels:
                    app: evidently
                spec:
                  containers:
                    - name: evidently
                      image: evidently/evidently-service:0.4.33
                      resources:
                        limits:
                          memory: 2Gi

            """);
        yield return ("platform/prometheus/prometheus.yaml", $$"""
            apiVersion: monitoring.coreos.com/v1
            kind: Prometheus
            metadata:
              name: main
              namespace: monitoring
            spec:
              serviceMonitorNamespaceSelector: {}
              podMonitorNamespaceSelector: {}
            ---
            apiVersion: monitoring.coreos.com/v1
            kind: ServiceMonitor
            metadata:
              name: listed-namespaces
              namespace: monitoring
            spec:
              namespaceSelector:
                matchNames: [{{Namespaces[3]}}, {{Namespaces[7]}}, nowhere]
              selector:
                matchLabels:
                  team: team-b
              endpoints:
                - port: http
            ---
            apiVersion: monitoring.coreos.com/v1
            kind: ServiceMonitor
            metadata:
              name: every-namespace
              namespace: monitoring
            spec:
              namespaceSelector:
                any: true
              selector:
                matchLabels:
                  scrape: "true"
              endpoints:
                - port: http

            """);
        yield return ("monitoring/alerts/team-b.yaml", """
            apiVersion: monitoring.coreos.com/v1
            kind: PrometheusRule
            metadata:
              name: team-b-latency
              namespace: monitoring
            spec:
              groups:
                - name: team-b
                  rules:
                    - alert: TeamBTimeToFirstTokenHigh
                      expr: histogram_quantile(0.95, sum(rate(vllm:time_to_first_token_seconds_bucket{team="team-b"}[5m])) by (le)) > 1
                    - alert: EverythingDown
                      expr: absent(up) == 1

            """);
    }

    private static string Ingress(int i, string name, string ns) => Invariant($"""
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: {name}
          namespace: {ns}
        {(i % 10 == 4 ? "  annotations:\n    nginx.ingress.kubernetes.io/limit-rps: \"20\"\n" : "")}spec:
          ingressClassName: nginx
          tls:
            - hosts: [{name}.example.com]
              secretName: {name}-tls
          rules:
            - host: {name}.example.com
              http:
                paths:
                  - path: /
                    pathType: Prefix
                    backend:
                      service:
                        name: {name}
                        port:
                          number: 80

        """);

    /// <summary>A spec in a namespace of its own (so the profile joins the workload's scope from outside), with the gaps its rules judge.</summary>
    private static string Spec(int i, string name, string ns) => Invariant($"""
        apiVersion: infralint.dev/v1alpha1
        kind: AIWorkload
        metadata:
          name: {name}
          namespace: specs-{ns}
        spec:
          role: inference
          model:
            name: {CatalogModels[i % CatalogModels.Length]}
            precision: {(i % 10 == 0 ? "fp32" : "bf16")}
          traffic:
            peakRequestsPerSecond: {5 + i % 30}
            inputTokens: 1000
            outputTokens: 300
        {(i % 15 == 0 ? "" : "  slo:\n    p99LatencyMs: 4000\n")}  monitoring:
            drift: {(i % 20 == 0 ? "none" : "evidently")}
            metrics: prometheus
          targets:
            - kind: Deployment
              name: {name}
              namespace: {ns}

        """);

    /// <summary>Specs whose targets cross the most boundaries: two namespaces at once, a template elsewhere, nothing at all; a training pipeline.</summary>
    private static IEnumerable<(string, string)> Specs(List<(string Name, string Ns)> inference)
    {
        var a = inference[1];
        var b = inference[2];
        yield return ("workloads/shared/two-namespaces.yaml", Invariant($"""
            apiVersion: infralint.dev/v1alpha1
            kind: AIWorkload
            metadata:
              name: shared-capacity
              namespace: capacity-planning
            spec:
              role: inference
              model:
                name: llama-3.1-8b
              traffic:
                peakRequestsPerSecond: 60
                inputTokens: 2000
                outputTokens: 500
              targets:
                - kind: Deployment
                  name: {a.Name}
                  namespace: {a.Ns}
                - kind: Deployment
                  name: {b.Name}
                  namespace: {b.Ns}
                - kind: Deployment
                  name: gone-for-good
                  namespace: {b.Ns}

            """));
        yield return ("workloads/sagemaker/chat.yaml", """
            # No namespace: the target names a CloudFormation resource, matched by kind and name in its template.
            apiVersion: infralint.dev/v1alpha1
            kind: AIWorkload
            metadata:
              name: chat
            spec:
              role: inference
              model:
                name: llama-3.1-70b
                precision: fp16
              traffic:
                peakRequestsPerSecond: 25
                inputTokens: 1500
                outputTokens: 400
              monitoring:
                drift: none
              targets:
                - kind: AWS::SageMaker::Endpoint
                  name: ChatEndpoint
                - kind: AWS::SageMaker::Endpoint
                  name: NoSuchEndpoint

            """);
        yield return ("workloads/pipelines/clicks.yaml", """
            apiVersion: infralint.dev/v1alpha1
            kind: AIWorkload
            metadata:
              name: clicks-ranker
            spec:
              role: training
              model:
                name: llama-3.1-8b
              training:
                tokens: 2.0e10
                schedule: "0 14 * * 2"
              data:
                dataset: s3://raw/clicks/
              pipeline:
                stages:
                  - name: ingest-clicks
                    type: ingest
                    source: s3://raw/clicks/
                  - name: click-stream
                    type: stream
                    source: kafka://events/clicks
                  - name: train-ranker
                    type: train
                    source: s3://features/clicks/
              targets:
                - kind: Job
                  name: finetune-003
                  namespace: ml-training

            """);
    }

    /// <summary>An overlay that pins the bare <c>vllm/vllm-openai</c> image of pods written in <c>apps/</c>.</summary>
    private static string Kustomization(List<(string Name, string Ns)> inference)
    {
        var sb = new StringBuilder("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n");
        foreach (var (name, _) in inference.Take(10)) sb.Append(Invariant($"  - ../../apps/{name}\n"));
        sb.Append("images:\n  - name: vllm/vllm-openai\n    newTag: v0.6.4\n  - name: ghcr.io/huggingface/text-generation-inference\n    newTag: latest\n");
        return sb.ToString();
    }

    private static string SageMakerStack(int k, Random random)
    {
        var sb = new StringBuilder(Invariant($"""
            AWSTemplateFormatVersion: "2010-09-09"
            Description: Inference endpoint {k}
            Resources:
              Model:
                Type: AWS::SageMaker::Model
                Properties:
                  ExecutionRoleArn: arn:aws:iam::123456789012:role/sagemaker
                  PrimaryContainer:
                    Image: 763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-tgi-inference:2.1.1-tgi2.0.0-gpu-py310-cu121-ubuntu22.04
                    Environment:
                      HF_MODEL_ID: {Models[k % Models.Length]}
              EndpointConfig:
                Type: AWS::SageMaker::EndpointConfig
                Properties:
                  ProductionVariants:
                    - VariantName: AllTraffic
                      ModelName: !GetAtt Model.ModelName
                      InstanceType: {(k % 2 == 0 ? "ml.g5.12xlarge" : "ml.p4d.24xlarge")}
                      InitialInstanceCount: {1 + random.Next(3)}
              Endpoint:
                Type: AWS::SageMaker::Endpoint
                Properties:
                  EndpointName: endpoint-{k}
                  EndpointConfigName: !GetAtt EndpointConfig.EndpointConfigName
              Logs:
                Type: AWS::Logs::LogGroup
                Properties:
                  LogGroupName: /aws/sagemaker/Endpoints/endpoint-{k}
                  RetentionInDays: {(k % 3 == 0 ? 7 : 365)}

            """));
        if (k % 2 == 0)
            sb.Append(Invariant($"""
                  Scaling:
                    Type: AWS::ApplicationAutoScaling::ScalableTarget
                    Properties:
                      ServiceNamespace: sagemaker
                      ScalableDimension: sagemaker:variant:DesiredInstanceCount
                      ResourceId: endpoint/endpoint-{k}/variant/AllTraffic
                      MinCapacity: 1
                      MaxCapacity: 4

                """));
        if (k % 3 == 0)
            sb.Append("""
                  Drift:
                    Type: AWS::SageMaker::MonitoringSchedule
                    Properties:
                      MonitoringScheduleName: drift
                      EndpointName: !GetAtt Endpoint.EndpointName
                      MonitoringScheduleConfig:
                        MonitoringType: DataQuality
                        ScheduleConfig:
                          ScheduleExpression: cron(0 * ? * * *)

                """);
        if (k % 2 == 1)
            sb.Append("""
                  LatencyAlarm:
                    Type: AWS::CloudWatch::Alarm
                    Properties:
                      Namespace: AWS/SageMaker
                      MetricName: ModelLatency
                      Dimensions:
                        - Name: EndpointName
                          Value: !GetAtt Endpoint.EndpointName
                        - Name: VariantName
                          Value: AllTraffic
                      Statistic: Average
                      Period: 60
                      EvaluationPeriods: 5
                      Threshold: 2000000
                      ComparisonOperator: GreaterThanThreshold

                """);
        return sb.ToString();
    }

    private static string ChatStack() => """
        AWSTemplateFormatVersion: "2010-09-09"
        Description: The chat endpoint that workloads/sagemaker/chat.yaml describes
        Resources:
          ChatConfig:
            Type: AWS::SageMaker::EndpointConfig
            Properties:
              ProductionVariants:
                - VariantName: AllTraffic
                  ModelName: chat-model
                  InstanceType: ml.p4d.24xlarge
                  InitialInstanceCount: 6
          ChatEndpoint:
            Type: AWS::SageMaker::Endpoint
            Properties:
              EndpointConfigName: !GetAtt ChatConfig.EndpointConfigName
          ChatAlarm:
            Type: AWS::CloudWatch::Alarm
            Properties:
              Namespace: AWS/SageMaker
              MetricName: ModelLatency
              Dimensions:
                - Name: EndpointName
                  Value: some-other-endpoint
              Statistic: Average
              Period: 60
              EvaluationPeriods: 5
              Threshold: 2000000
              ComparisonOperator: GreaterThanThreshold

        """;

    private static string TrainingTemplate() => """
        {
          "AWSTemplateFormatVersion": "2010-09-09",
          "Resources": {
            "Trainer": {
              "Type": "AWS::EC2::Instance",
              "Properties": {
                "InstanceType": "p4d.24xlarge",
                "ImageId": "ami-0123456789abcdef0",
                "Tags": [ { "Key": "infralint.dev/role", "Value": "training" } ]
              }
            },
            "Nightly": {
              "Type": "AWS::Events::Rule",
              "Properties": {
                "ScheduleExpression": "cron(0 15 ? * MON-FRI *)",
                "Targets": [ { "Arn": "arn:aws:sagemaker:us-east-1:123456789012:pipeline/train", "Id": "train" } ]
              }
            }
          }
        }

        """;

    private static string Compose(int p) => Invariant($"""
        services:
          llm:
            image: {(p % 2 == 0 ? "vllm/vllm-openai:latest" : "ollama/ollama:0.3.14")}
            command: ["--model", "{Models[p % Models.Length]}"]
            ports:
              - "{8000 + p}:8000"
            deploy:
              resources:
                reservations:
                  devices:
                    - driver: nvidia
                      count: 1
                      capabilities: [gpu]
          ui:
            image: ghcr.io/open-webui/open-webui:v0.3.35
            environment:
              OPENAI_API_BASE_URL: http://llm:8000/v1
            ports:
              - "{3000 + p}:8080"

        """);

    private static string ComposeOverride(int p) => Invariant($"""
        services:
          llm:
        {(p % 2 == 0 ? "    privileged: true\n" : "    user: \"1000:1000\"\n")}    labels:
              infralint.dev/model: {CatalogModels[p % CatalogModels.Length]}

        """);

    /// <summary>One file, several namespaces: a workload in one, the autoscaler of a workload written elsewhere in another, a policy in a third.</summary>
    private static string Mixed(int k, List<(string Name, string Ns)> inference)
    {
        var other = inference[(k * 7 + 3) % inference.Count];
        string ns = Namespaces[(k * 3 + 1) % Namespaces.Length];
        return Invariant($$"""
            # infralint-disable-file IL3006 -- bundles are sized by the platform team
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: sidecar-{{k}}
              namespace: {{ns}}
            spec:
              selector:
                matchLabels: {app: sidecar-{{k}}}
              template:
                metadata:
                  labels: {app: sidecar-{{k}}}
                spec:
                  containers:
                    - name: proxy
                      image: envoyproxy/envoy:v1.31.0
            ---
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: bundle-hpa-{{k}}
              namespace: {{other.Ns}}
            spec:
              scaleTargetRef:
                apiVersion: apps/v1
                kind: Deployment
                name: {{other.Name}}
              minReplicas: 2
              maxReplicas: 6
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: bundle-policy-{{k}}
              namespace: {{Namespaces[(k * 2 + 1) % Namespaces.Length]}}
            spec:
              podSelector: {}
              policyTypes: [Ingress]
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: sidecar-{{k}}
              namespace: {{ns}}
            spec:
              type: LoadBalancer
              selector: {app: sidecar-{{k}}}
              ports:
                - port: 443

            """);
    }

    /// <summary>A KubernetesClient Deployment in C#: its autoscaler is YAML in another directory, joined through the namespace.</summary>
    private static string KubernetesClient(int k) => Invariant($$"""
        using System.Collections.Generic;
        using k8s.Models;

        namespace Platform.Workloads;

        public static class Deployment{{k}}
        {
            public static V1Deployment Build() => new V1Deployment
            {
                Metadata = new V1ObjectMeta { Name = "cs-{{k}}", NamespaceProperty = "{{Namespaces[k]}}", Labels = new Dictionary<string, string> { ["app"] = "cs-{{k}}" } },
                Spec = new V1DeploymentSpec
                {
                    Replicas = 2,
                    Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "cs-{{k}}" } },
                    Template = new V1PodTemplateSpec
                    {
                        Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = "cs-{{k}}" } },
                        Spec = new V1PodSpec
                        {
                            Containers = new List<V1Container>
                            {
                                new V1Container
                                {
                                    Name = "server",
                                    Image = "{{(k == 0 ? "vllm/vllm-openai" : "vllm/vllm-openai:v0.6.3")}}",
                                    Args = new List<string> { "--model", "{{Models[k]}}" },
                                    SecurityContext = new V1SecurityContext { Privileged = {{(k == 1 ? "true" : "false")}} },
                                    Resources = new V1ResourceRequirements
                                    {
                                        Requests = new Dictionary<string, ResourceQuantity> { ["nvidia.com/gpu"] = new ResourceQuantity("1"), ["cpu"] = "4" },
                                        Limits = new Dictionary<string, ResourceQuantity> { ["memory"] = "32Gi" },
                                    },
                                },
                            },
                        },
                    },
                },
            };
        }

        """);

    private static string CdkStack() => """
        using Amazon.CDK;
        using Amazon.CDK.AWS.Logs;
        using Amazon.CDK.AWS.S3;
        using Constructs;

        namespace Platform.Stacks
        {
            public sealed class InferenceStack : Stack
            {
                public InferenceStack(Construct scope, string id, IStackProps? props = null)
                    : base(scope, id, props)
                {
                    new Bucket(this, "Artifacts", new BucketProps { Versioned = true });
                    new LogGroup(this, "Logs", new LogGroupProps { Retention = RetentionDays.ONE_WEEK });
                }
            }
        }

        """;

    /// <summary>A rule turned on by id (so the adoption signal and its rules exist on the default set), a severity, and problems the configuration reports itself.</summary>
    private static string Configuration() => """
        rules:
          IL1011: {enabled: true}
          IL3006: warning
          IL9998: off
        minLogRetentionDays: 90
        minLogRetentionDayz: 30

        """;

    /// <summary>Every third workload is team-b's: matched across namespaces by the listed-namespace collector and the team-b latency alert.</summary>
    private static string Team(int i) => i % 3 == 0 ? "team-b" : Teams[i % Teams.Length];

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
