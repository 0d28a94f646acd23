namespace InfraLint.Cli.Tests.Support;

/// <summary>
/// A small repository for <c>scan --context</c> and the pre-commit hook: a GPU Deployment (the file being changed), the
/// HorizontalPodAutoscaler that targets it in another file, and an unrelated privileged Pod. IL1005 (inference without
/// autoscaling) is turned on in .infralint.yaml: it fires on the Deployment unless the autoscaler is in the scan.
/// </summary>
public static class ContextRepo
{
    public const string Config = """
        rules:
          IL1005: on
        """;

    public const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: llama-server
          namespace: serving
        spec:
          replicas: 4
          selector:
            matchLabels:
              app: llama-server
          template:
            metadata:
              labels:
                app: llama-server
            spec:
              containers:
                - name: vllm
                  image: vllm/vllm-openai:v0.6.3
                  args: ["--model", "meta-llama/Llama-3.1-8B-Instruct"]
                  resources:
                    limits:
                      nvidia.com/gpu: 1
        """;

    public const string Autoscaler = """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata:
          name: llama-server
          namespace: serving
        spec:
          scaleTargetRef:
            apiVersion: apps/v1
            kind: Deployment
            name: llama-server
          minReplicas: 1
          maxReplicas: 8
        """;

    public const string PrivilegedPod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: debug
          namespace: serving
        spec:
          hostPID: true
          containers:
            - name: shell
              image: busybox:1.36
        """;

    /// <summary>What the Deployment gets in the context of the other files: everything but IL1005, which the autoscaler answers.</summary>
    public static readonly (string File, int Line, int Column, string Level, string Rule)[] DeploymentFindings =
    {
        ("deploy.yaml", 4, 9, "warning", "IL2013"),
        ("deploy.yaml", 17, 17, "error", "IL2006"),
        ("deploy.yaml", 17, 17, "warning", "IL2007"),
        ("deploy.yaml", 17, 17, "warning", "IL3004"),
        ("deploy.yaml", 20, 11, "warning", "IL3006"),
    };

    public static void WriteTo(TempDir dir)
    {
        dir.Write(".infralint.yaml", Config);
        dir.Write("deploy.yaml", Deployment);
        dir.Write("autoscaling/hpa.yaml", Autoscaler);
        dir.Write("debug-pod.yaml", PrivilegedPod);
    }
}
