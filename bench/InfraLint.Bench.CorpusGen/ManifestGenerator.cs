using System.Globalization;
using System.Text;

namespace InfraLint.Bench.CorpusGen;

/// <summary>
/// Deterministic, realistic Kubernetes manifests for benchmarks: vLLM/TGI/Triton Deployments with GPUs (some with
/// misconfigurations rules look for), training Jobs and CronJobs, Services, HPAs, RBAC, multi-document files and
/// about 2% broken YAML. The same seed always gives the same files.
/// </summary>
public sealed class ManifestGenerator(int seed = 42)
{
    private static readonly string[] Models = { "meta-llama/Llama-3.1-8B-Instruct", "meta-llama/Llama-3.1-70B-Instruct", "mistralai/Mistral-7B-Instruct-v0.3", "Qwen/Qwen2.5-32B-Instruct", "google/gemma-2-27b-it" };

    private static readonly string[] ServingImages = { "vllm/vllm-openai:v0.6.3", "vllm/vllm-openai:latest", "ghcr.io/huggingface/text-generation-inference:2.4.0", "nvcr.io/nvidia/tritonserver:24.09-py3", "vllm/vllm-openai" };

    private static readonly string[] Namespaces = { "serving", "inference", "ml-training", "research", "default" };

    private readonly Random _random = new(seed);

    /// <summary>File name (with a subfolder) and YAML text of manifest number <paramref name="index"/>.</summary>
    public IEnumerable<(string Name, string Text)> Generate(int count)
    {
        for (int i = 0; i < count; i++)
        {
            int kind = _random.Next(100);
            string folder = Namespaces[i % Namespaces.Length];
            yield return kind switch
            {
                < 2 => ($"{folder}/broken-{i:D5}.yaml", Broken(i)),
                < 40 => ($"{folder}/serving-{i:D5}.yaml", Serving(i)),
                < 55 => ($"{folder}/training-{i:D5}.yaml", Training(i)),
                < 65 => ($"{folder}/cron-{i:D5}.yaml", CronTraining(i)),
                < 80 => ($"{folder}/service-{i:D5}.yaml", Service(i)),
                < 90 => ($"{folder}/hpa-{i:D5}.yaml", Hpa(i)),
                _ => ($"{folder}/rbac-{i:D5}.yaml", Rbac(i)),
            };
        }
    }

    private bool Chance(int percent) => _random.Next(100) < percent;

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    private string Serving(int i)
    {
        var name = $"llm-{i:D5}";
        var ns = Pick(Namespaces);
        int gpus = Pick(new[] { 1, 1, 2, 4, 8 });
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"""
            # Model server {i}
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: {name}
              namespace: {ns}
              labels:
                app: {name}
                team: {Pick(new[] { "ml-platform", "search", "assistant" })}

            """);
        if (Chance(30)) sb.Append("    cost-center: cc-1234\n");
        sb.Append(CultureInfo.InvariantCulture, $"""
            spec:
              replicas: {Pick(new[] { 1, 2, 3, 4, 8 })}
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
        if (Chance(20)) sb.Append("      nodeSelector:\n        cloud.google.com/gke-accelerator: nvidia-h100-80gb\n");
        if (Chance(15))
            sb.Append("      tolerations:\n        - key: nvidia.com/gpu\n          operator: Exists\n          effect: NoSchedule\n");
        sb.Append(CultureInfo.InvariantCulture, $"""
                  containers:
                    - name: server
                      image: {Pick(ServingImages)}
                      args: ["--model", "{Pick(Models)}", "--tensor-parallel-size", "{gpus}", "--dtype", "{Pick(new[] { "bfloat16", "float16", "float32", "auto" })}"]
                      ports:
                        - containerPort: 8000

            """);
        if (Chance(5))
            sb.Append("          env:\n            - name: OPENAI_API_KEY\n              value: sk-generated-not-a-real-key\n");
        else if (Chance(40))
            sb.Append("          env:\n            - name: HF_TOKEN\n              valueFrom:\n                secretKeyRef: {name: hf, key: token}\n");
        if (Chance(10)) sb.Append("          securityContext:\n            privileged: true\n");
        else if (Chance(50)) sb.Append("          securityContext:\n            runAsNonRoot: true\n            allowPrivilegeEscalation: false\n");
        if (Chance(60))
            sb.Append("          readinessProbe:\n            httpGet: {path: /health, port: 8000}\n            periodSeconds: 10\n");
        sb.Append("          resources:\n            requests:\n");
        sb.Append(CultureInfo.InvariantCulture, $"              nvidia.com/gpu: {gpus}\n              cpu: \"{gpus * 4}\"\n              memory: {gpus * 32}Gi\n");
        if (Chance(70)) sb.Append(CultureInfo.InvariantCulture, $"            limits:\n              nvidia.com/gpu: {gpus}\n              memory: {gpus * 40}Gi\n");
        if (Chance(30)) sb.Append('\n').Append(Service(i)).Append('\n');
        return sb.ToString();
    }

    private string Training(int i) => string.Create(CultureInfo.InvariantCulture, $"""
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: finetune-{i:D5}
          namespace: ml-training
          labels:
            team: research
            dataset: {Pick(new[] { "s3://corpus/v3", "gs://data/latest", "pvc://shared" })}
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

    private string CronTraining(int i) => string.Create(CultureInfo.InvariantCulture, $"""
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: nightly-eval-{i:D5}
          namespace: ml-training
        spec:
          schedule: "{Pick(new[] { "0 2 * * *", "30 14 * * 1-5", "0 */6 * * *" })}"
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: OnFailure
                  containers:
                    - name: eval
                      image: ghcr.io/example/eval:{_random.Next(1, 40)}.{_random.Next(10)}
                      resources:
                        requests:
                          nvidia.com/gpu: 1
                        limits:
                          nvidia.com/gpu: 1

        """);

    private string Service(int i) => string.Create(CultureInfo.InvariantCulture, $"""
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: llm-{i:D5}
          namespace: {Pick(Namespaces)}
          annotations:
            prometheus.io/scrape: "{(Chance(50) ? "true" : "false")}"
        spec:
          type: {Pick(new[] { "ClusterIP", "ClusterIP", "LoadBalancer" })}
          selector:
            app: llm-{i:D5}
          ports:
            - port: 80
              targetPort: 8000
        """);

    private string Hpa(int i) => string.Create(CultureInfo.InvariantCulture, $"""
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata:
          name: llm-{i:D5}
          namespace: {Pick(Namespaces)}
        spec:
          scaleTargetRef:
            apiVersion: apps/v1
            kind: Deployment
            name: llm-{Math.Max(0, i - _random.Next(5)):D5}
          minReplicas: 1
          maxReplicas: {_random.Next(2, 16)}
          metrics:
            - type: Pods
              pods:
                metric:
                  name: vllm_num_requests_waiting
                target:
                  type: AverageValue
                  averageValue: "5"

        """);

    private string Rbac(int i) => string.Create(CultureInfo.InvariantCulture, $"""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: {(Chance(50) ? "ClusterRole" : "Role")}
        metadata:
          name: operator-{i:D5}
          namespace: {Pick(Namespaces)}
        rules:
          - apiGroups: ["{(Chance(30) ? "*" : "apps")}"]
            resources: ["{(Chance(30) ? "*" : "deployments")}"]
            verbs: [{(Chance(30) ? "\"*\"" : "\"get\", \"list\", \"watch\"")}]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata:
          name: operator-{i:D5}
          namespace: {Pick(Namespaces)}
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: Role
          name: operator-{i:D5}
        subjects:
          - kind: ServiceAccount
            name: operator
            namespace: default

        """);

    private string Broken(int i) => Pick(new[]
    {
        $"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: broken-{i}\n spec: [unclosed\n",
        $"apiVersion: v1\nkind: ConfigMap\nmetadata: {{name: broken-{i}\ndata:\n  a: \"unterminated\n",
        "key: value\n\tindented-with-tab: true\n",
        "a: &x [1, 2]\nb: *missing\n",
    });
}
