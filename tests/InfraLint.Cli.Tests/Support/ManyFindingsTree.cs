using System.Globalization;

namespace InfraLint.Cli.Tests.Support;

/// <summary>
/// GPU model-server Deployments, one per file in a folder per namespace, each with several findings of every level
/// under <c>--rule-set all</c> (the same manifests as bench/csharp-scan.sh writes): every fifth privileged and every
/// seventh on the host network (errors), no probes or profile worth noting (notes), the rest warnings. Enough of
/// them take a real scan past GitHub's 25,000 results per run.
/// </summary>
public static class ManyFindingsTree
{
    public static void WriteTo(string directory, int deployments)
    {
        for (int i = 1; i <= deployments; i++)
        {
            var ns = $"team-{i % 7}";
            var path = Path.Combine(directory, ns, $"model-{i:D4}.yaml");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, Deployment(i, ns));
        }
    }

    private static string Deployment(int i, string ns) => string.Create(CultureInfo.InvariantCulture, $"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: model-{i:D4}
          namespace: {ns}
          labels:
            app: model-{i:D4}
            tier: inference
        spec:
          replicas: {i % 4 + 1}
          selector:
            matchLabels:
              app: model-{i:D4}
          template:
            metadata:
              labels:
                app: model-{i:D4}
            spec:
              hostNetwork: {(i % 7 == 0 ? "true" : "false")}
              nodeSelector:
                nvidia.com/gpu.product: NVIDIA-A100-SXM4-80GB
              containers:
                - name: server
                  image: vllm/vllm-openai:v0.6.{i % 4}
                  args: ["--model", "meta-llama/Llama-3.1-8B-Instruct", "--port", "8000"]
                  ports:
                    - containerPort: 8000
                      name: http
                  env:
                    - name: MAX_BATCH
                      value: "{i % 64 + 1}"
                  resources:
                    requests:
                      cpu: "4"
                      memory: 32Gi
                    limits:
                      nvidia.com/gpu: "{i % 8 + 1}"
                  securityContext:
                    privileged: {(i % 5 == 0 ? "true" : "false")}
                    allowPrivilegeEscalation: false
                  readinessProbe:
                    httpGet:
                      path: /health
                      port: 8000

        """);
}
