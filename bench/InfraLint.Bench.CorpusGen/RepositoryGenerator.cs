using System.Globalization;
using System.Text;

namespace InfraLint.Bench.CorpusGen;

/// <summary>
/// A deterministic tree laid out like a real infrastructure repository, for the scale benchmark (bench/scale/run.sh):
/// files spread over 50 directories and 20 Kubernetes namespaces, every fifth file multi-document. Kubernetes
/// (Deployments with and without GPUs, Jobs, Services, HPAs, NetworkPolicies, ServiceMonitors), CloudFormation in YAML
/// and JSON, docker-compose projects, and C# (KubernetesClient models and CDK stacks). Autoscalers, network policies,
/// services and monitors name workloads of their namespace written earlier, mostly in another directory, so joins
/// cross directories as they do in repositories where each team keeps policies apart from applications.
/// </summary>
public sealed class RepositoryGenerator(int seed = 42)
{
    public const int DirectoryCount = 50;
    public const int NamespaceCount = 20;

    private static readonly string[] Areas = { "apps", "platform", "ml", "infra", "teams" };
    private static readonly string[] Components = { "serving", "training", "gateway", "observability", "data", "search", "assistant", "eval", "batch", "shared" };
    private static readonly string[] NamespaceNames =
    {
        "serving", "inference", "ml-training", "research", "search", "assistant", "platform", "monitoring", "data", "batch",
        "eval", "gateway", "team-a", "team-b", "team-c", "team-d", "staging", "prod-eu", "prod-us", "sandbox",
    };
    private static readonly string[] Models = { "meta-llama/Llama-3.1-8B-Instruct", "meta-llama/Llama-3.1-70B-Instruct", "mistralai/Mistral-7B-Instruct-v0.3", "Qwen/Qwen2.5-32B-Instruct" };
    private static readonly string[] GpuImages = { "vllm/vllm-openai:v0.6.3", "vllm/vllm-openai:latest", "ghcr.io/huggingface/text-generation-inference:2.4.0", "nvcr.io/nvidia/tritonserver:24.09-py3" };
    private static readonly string[] CpuImages = { "nginx:1.27", "ghcr.io/example/api:1.4.2", "redis:7.4", "ghcr.io/example/worker:latest", "python:3.12-slim" };

    /// <summary>Workloads written so far, per namespace (the last few): what later autoscalers, policies and services join to.</summary>
    private readonly List<string>[] _workloads = Enumerable.Range(0, NamespaceCount).Select(_ => new List<string>()).ToArray();
    private readonly List<string>[] _services = Enumerable.Range(0, NamespaceCount).Select(_ => new List<string>()).ToArray();
    private readonly Random _random = new(seed);

    public static string DirectoryOf(int index) => $"{Areas[index % Areas.Length]}/{Components[index / Areas.Length % Components.Length]}";

    /// <summary>Relative path and text of each file, one at a time, so a caller can stream them to disk.</summary>
    public IEnumerable<(string Path, string Text)> Generate(int count)
    {
        for (int i = 0; i < count; i++)
        {
            string dir = DirectoryOf(_random.Next(DirectoryCount));
            int ns = _random.Next(NamespaceCount);
            if (i % 5 == 0)
            {
                yield return ($"{dir}/bundle-{i:D6}.yaml", Bundle(i, ns));
                continue;
            }
            int roll = _random.Next(100);
            yield return roll switch
            {
                < 14 => ($"{dir}/gpu-deployment-{i:D6}.yaml", Deployment(i, ns, gpu: true)),
                < 28 => ($"{dir}/deployment-{i:D6}.yaml", Deployment(i, ns, gpu: false)),
                < 35 => ($"{dir}/job-{i:D6}.yaml", Job(i, ns)),
                < 43 => ($"{dir}/service-{i:D6}.yaml", Service(i, ns, Join(_workloads[ns], i))),
                < 49 => ($"{dir}/hpa-{i:D6}.yaml", Hpa(i, ns, Join(_workloads[ns], i))),
                < 55 => ($"{dir}/networkpolicy-{i:D6}.yaml", NetworkPolicy(i, ns, Join(_workloads[ns], i))),
                < 60 => ($"{dir}/servicemonitor-{i:D6}.yaml", ServiceMonitor(i, ns, Join(_services[ns], i))),
                < 68 => ($"{dir}/stack-{i:D6}.yaml", CloudFormationYaml(i)),
                < 73 => ($"{dir}/stack-{i:D6}.template.json", CloudFormationJson(i)),
                < 83 => ($"{dir}/compose-{i:D6}.yml", Compose(i)),
                < 93 => ($"{dir}/Deployment{i:D6}.cs", KubernetesClient(i, ns)),
                _ => ($"{dir}/Stack{i:D6}.cs", CdkStack(i)),
            };
        }
    }

    private bool Chance(int percent) => _random.Next(100) < percent;

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    /// <summary>A workload of the namespace written earlier (usually in another directory), or a fresh name when there is none yet.</summary>
    private string Join(List<string> known, int i) => known.Count == 0 || Chance(10) ? $"orphan-{i:D6}" : known[_random.Next(known.Count)];

    private static void Remember(List<string> known, string name)
    {
        // A bounded window: memory stays flat however many files are generated.
        if (known.Count == 64) known.RemoveAt(0);
        known.Add(name);
    }

    private string Bundle(int i, int ns)
    {
        var sb = new StringBuilder();
        bool gpu = Chance(50);
        string name = $"{(gpu ? "llm" : "app")}-{i:D6}";
        sb.Append(Deployment(i, ns, gpu));
        sb.Append("---\n").Append(Service(i, ns, name));
        if (Chance(60)) sb.Append("---\n").Append(Hpa(i, ns, name));
        if (Chance(40)) sb.Append("---\n").Append(ServiceMonitor(i, ns, name));
        return sb.ToString();
    }

    private string Deployment(int i, int ns, bool gpu)
    {
        string name = $"{(gpu ? "llm" : "app")}-{i:D6}";
        Remember(_workloads[ns], name);
        int gpus = Pick(new[] { 1, 1, 2, 4, 8 });
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: {name}
              namespace: {NamespaceNames[ns]}
              labels:
                app: {name}
                team: {Pick(new[] { "ml-platform", "search", "assistant", "web" })}
            spec:
              replicas: {Pick(new[] { 1, 2, 3, 4 })}
              selector:
                matchLabels:
                  app: {name}
              template:
                metadata:
                  labels:
                    app: {name}
                spec:

            """);
        if (Chance(5)) sb.Append("      hostNetwork: true\n");
        if (Chance(50)) sb.Append("      securityContext:\n        runAsNonRoot: true\n");
        if (gpu && Chance(40)) sb.Append("      nodeSelector:\n        cloud.google.com/gke-accelerator: nvidia-h100-80gb\n");
        sb.Append(CultureInfo.InvariantCulture, $"""
                  containers:
                    - name: {(gpu ? "server" : "app")}
                      image: {(gpu ? Pick(GpuImages) : Pick(CpuImages))}

            """);
        if (gpu)
            sb.Append(CultureInfo.InvariantCulture, $"          args: [\"--model\", \"{Pick(Models)}\", \"--tensor-parallel-size\", \"{gpus}\"]\n");
        sb.Append("          ports:\n            - containerPort: 8000\n              name: http\n");
        if (Chance(5)) sb.Append("          env:\n            - name: OPENAI_API_KEY\n              value: sk-generated-not-a-real-key\n");
        if (Chance(10)) sb.Append("          securityContext:\n            privileged: true\n");
        else if (Chance(50)) sb.Append("          securityContext:\n            allowPrivilegeEscalation: false\n            readOnlyRootFilesystem: true\n");
        if (Chance(60)) sb.Append("          readinessProbe:\n            httpGet: {path: /health, port: http}\n            periodSeconds: 10\n");
        sb.Append("          resources:\n            requests:\n");
        if (gpu) sb.Append(CultureInfo.InvariantCulture, $"              nvidia.com/gpu: {gpus}\n              cpu: \"{gpus * 4}\"\n              memory: {gpus * 32}Gi\n");
        else sb.Append("              cpu: 500m\n              memory: 512Mi\n");
        if (Chance(70))
        {
            sb.Append("            limits:\n");
            if (gpu) sb.Append(CultureInfo.InvariantCulture, $"              nvidia.com/gpu: {gpus}\n");
            sb.Append(CultureInfo.InvariantCulture, $"              memory: {(gpu ? gpus * 40 : 1)}Gi\n");
        }
        return sb.ToString();
    }

    private string Job(int i, int ns) => string.Create(CultureInfo.InvariantCulture, $"""
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: finetune-{i:D6}
          namespace: {NamespaceNames[ns]}
          labels:
            team: research
        spec:
          backoffLimit: 2
          template:
            spec:
              restartPolicy: Never
              {(Chance(40) ? "nodeSelector: {cloud.google.com/gke-spot: \"true\"}" : "priorityClassName: training")}
              containers:
                - name: trainer
                  image: nvcr.io/nvidia/pytorch:24.08-py3
                  command: ["torchrun", "--nproc_per_node", "8", "train.py", "--model", "{Pick(Models)}"]
                  resources:
                    limits:
                      nvidia.com/gpu: 8
                      memory: 640Gi

        """);

    private string Service(int i, int ns, string app)
    {
        string name = $"svc-{i:D6}";
        Remember(_services[ns], app);
        return string.Create(CultureInfo.InvariantCulture, $"""
            apiVersion: v1
            kind: Service
            metadata:
              name: {name}
              namespace: {NamespaceNames[ns]}
              labels:
                app: {app}
            spec:
              type: {Pick(new[] { "ClusterIP", "ClusterIP", "ClusterIP", "LoadBalancer" })}
              selector:
                app: {app}
              ports:
                - name: http
                  port: 80
                  targetPort: 8000

            """);
    }

    private string Hpa(int i, int ns, string target) => string.Create(CultureInfo.InvariantCulture, $"""
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata:
          name: hpa-{i:D6}
          namespace: {NamespaceNames[ns]}
        spec:
          scaleTargetRef:
            apiVersion: apps/v1
            kind: Deployment
            name: {target}
          minReplicas: 1
          maxReplicas: {_random.Next(2, 16)}
          metrics:
            - type: Resource
              resource:
                name: cpu
                target:
                  type: Utilization
                  averageUtilization: 70

        """);

    private string NetworkPolicy(int i, int ns, string app) => string.Create(CultureInfo.InvariantCulture, $"""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: allow-{i:D6}
          namespace: {NamespaceNames[ns]}
        spec:
          podSelector:
            matchLabels:
              app: {app}
          policyTypes: [Ingress]
          ingress:
            - from:
                - namespaceSelector:
                    matchLabels:
                      kubernetes.io/metadata.name: gateway
              ports:
                - port: 8000

        """);

    private string ServiceMonitor(int i, int ns, string app) => string.Create(CultureInfo.InvariantCulture, $"""
        apiVersion: monitoring.coreos.com/v1
        kind: ServiceMonitor
        metadata:
          name: monitor-{i:D6}
          namespace: {NamespaceNames[ns]}
        spec:
          selector:
            matchLabels:
              app: {app}
          endpoints:
            - port: http
              interval: 30s

        """);

    private string CloudFormationYaml(int i) => string.Create(CultureInfo.InvariantCulture, $"""
        AWSTemplateFormatVersion: "2010-09-09"
        Description: Model artifacts and an inference endpoint {i}
        Resources:
          Artifacts{i}:
            Type: AWS::S3::Bucket
            Properties:
              VersioningConfiguration:
                Status: Enabled
        {(Chance(50) ? "      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n          - ServerSideEncryptionByDefault:\n              SSEAlgorithm: aws:kms" : "      Tags:\n        - Key: team\n          Value: ml-platform")}
          Logs{i}:
            Type: AWS::Logs::LogGroup
            Properties:
              LogGroupName: /ml/endpoint-{i:D6}
              RetentionInDays: {Pick(new[] { 7, 14, 180, 365 })}
          Endpoint{i}:
            Type: AWS::SageMaker::EndpointConfig
            Properties:
              ProductionVariants:
                - VariantName: primary
                  ModelName: model-{i:D6}
                  InitialInstanceCount: {_random.Next(1, 4)}
                  InstanceType: {Pick(new[] { "ml.g5.2xlarge", "ml.p4d.24xlarge", "ml.m5.xlarge" })}

        """);

    private string CloudFormationJson(int i) => string.Create(CultureInfo.InvariantCulture, $$"""
        {
          "AWSTemplateFormatVersion": "2010-09-09",
          "Description": "A GPU training box {{i}}",
          "Resources": {
            "Trainer": {
              "Type": "AWS::EC2::Instance",
              "Properties": {
                "InstanceType": "{{Pick(new[] { "p4d.24xlarge", "g5.12xlarge", "m5.large" })}}",
                "ImageId": "ami-0123456789abcdef0",
                "Tags": [ { "Key": "team", "Value": "research" } ]
              }
            },
            "TrainingLogs": {
              "Type": "AWS::Logs::LogGroup",
              "Properties": { "LogGroupName": "/ml/training-{{i:D6}}", "RetentionInDays": {{Pick(new[] { 14, 365 })}} }
            }
          }
        }

        """);

    private string Compose(int i) => string.Create(CultureInfo.InvariantCulture, $"""
        services:
          llm:
            image: {Pick(GpuImages)}
            command: ["--model", "{Pick(Models)}"]
            ports:
              - "{8000 + i % 1000}:8000"
        {(Chance(30) ? "    privileged: true" : "    user: \"1000:1000\"")}
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
              - "3000:8080"

        """);

    private string KubernetesClient(int i, int ns)
    {
        string name = $"cs-{i:D6}";
        Remember(_workloads[ns], name);
        return string.Create(CultureInfo.InvariantCulture, $$"""
            using System.Collections.Generic;
            using k8s.Models;

            namespace Platform.Workloads;

            public static class Deployment{{i:D6}}
            {
                public static V1Deployment Build() => new V1Deployment
                {
                    Metadata = new V1ObjectMeta { Name = "{{name}}", NamespaceProperty = "{{NamespaceNames[ns]}}", Labels = new Dictionary<string, string> { ["app"] = "{{name}}" } },
                    Spec = new V1DeploymentSpec
                    {
                        Replicas = {{_random.Next(1, 4)}},
                        Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "{{name}}" } },
                        Template = new V1PodTemplateSpec
                        {
                            Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = "{{name}}" } },
                            Spec = new V1PodSpec
                            {
                                Containers = new List<V1Container>
                                {
                                    new V1Container
                                    {
                                        Name = "server",
                                        Image = "{{Pick(GpuImages)}}",
                                        Args = new List<string> { "--model", "{{Pick(Models)}}" },
                                        SecurityContext = new V1SecurityContext { Privileged = {{(Chance(10) ? "true" : "false")}} },
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
    }

    private string CdkStack(int i) => string.Create(CultureInfo.InvariantCulture, $$"""
        using Amazon.CDK;
        using Amazon.CDK.AWS.Logs;
        using Amazon.CDK.AWS.S3;
        using Constructs;

        namespace Platform.Stacks
        {
            public sealed class Stack{{i:D6}} : Stack
            {
                public Stack{{i:D6}}(Construct scope, string id, IStackProps? props = null)
                    : base(scope, id, props)
                {
                    new Bucket(this, "Data", new BucketProps { Versioned = true{{(Chance(50) ? ", EnforceSSL = true" : "")}} });
                    new LogGroup(this, "Logs", new LogGroupProps { Retention = RetentionDays.{{Pick(new[] { "ONE_WEEK", "SIX_MONTHS", "ONE_YEAR" })}} });
                }
            }
        }

        """);
}
