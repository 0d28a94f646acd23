using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.Compute;

public sealed class IL1008FullPrecisionInferenceTests
{
    private const string Id = "IL1008";

    private const string Server = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: chat-8b
          namespace: serving
        spec:
          replicas: 2
          template:
            spec:
              nodeSelector:
                nvidia.com/gpu.product: NVIDIA-L40S
              containers:
                - name: vllm
                  image: vllm/vllm-openai:v0.6.3
                  args: ["--model", "meta-llama/Llama-3.1-8B-Instruct", "--dtype", {|IL1008:"float32"|}]
                  resources:
                    limits:
                      nvidia.com/gpu: 1
        """;

    [Fact]
    public void Fp32_server_arguments_are_reported_with_memory_and_cost_from_the_sizing_model()
    {
        var finding = Assert.Single(Verify.Findings(Id, Server));
        Assert.Equal((Id, 15, 76), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
        Assert.Contains("Llama 3.1 8B's weights take 29.9 GiB at fp32 against 15 GiB at bf16", finding.Message);
        Assert.Contains("on NVIDIA L40S 48GB the sizing model needs", finding.Message);
        Assert.Equal("bf16", finding.Properties["suggestedPrecision"]);
    }

    [Fact]
    public void Fix_rewrites_the_dtype_value()
    {
        string yaml = Plain(Server);
        Verify.Fix(Id, yaml, yaml.Replace("\"float32\"", "\"bfloat16\""));
        string inline = yaml.Replace("\"--dtype\", \"float32\"", "\"--dtype=float32\"");
        Verify.Fix(Id, inline, inline.Replace("--dtype=float32", "--dtype=bfloat16"));
    }

    [Fact]
    public void Gpus_without_bf16_get_fp16()
    {
        string yaml = Plain(Server).Replace("NVIDIA-L40S", "Tesla-T4");
        Verify.Fix(Id, yaml, yaml.Replace("\"float32\"", "\"float16\""));
    }

    [Fact]
    public void Sixteen_bit_quantized_or_cpu_servers_are_not_reported()
    {
        string yaml = Plain(Server);
        Verify.NoFindings(Id, yaml.Replace("float32", "bfloat16"));
        Verify.NoFindings(Id, yaml.Replace("\"--dtype\", \"float32\"", "\"--dtype\", \"float32\", \"--quantization\", \"fp8\""));
        Verify.NoFindings(Id, yaml.Replace("\n          resources:\n            limits:\n              nvidia.com/gpu: 1", ""));
    }

    [Fact]
    public void A_profile_precision_of_fp32_is_reported_at_the_profile_when_the_server_says_nothing()
    {
        var finding = Assert.Single(Verify.Findings(Id, """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: classifier
              annotations:
                infralint.dev/role: inference
                infralint.dev/model: mistral-7b
                infralint.dev/precision: {|IL1008:fp32|}
            spec:
              template:
                spec:
                  containers:
                    - name: server
                      image: ghcr.io/example/classifier:1
                      resources:
                        limits:
                          nvidia.com/gpu: 1
            """));
        Assert.Contains("its profile declares precision fp32", finding.Message);
        Assert.Contains("weights take", finding.Message);
        Assert.Empty(finding.Fixes);
    }

    [Fact]
    public void Compose_command_precision_is_reported_at_the_command_string()
    {
        // The string form is split into words as a shell would; no single word has a place of its own, the string has.
        Verify.Files(Id, ("docker-compose.yml", """
            services:
              chat:
                image: vllm/vllm-openai:v0.6.3
                command: {|IL1008:--model mistralai/Mistral-7B-Instruct-v0.3 --dtype float32|}
                deploy:
                  resources:
                    reservations:
                      devices:
                        - driver: nvidia
                          count: 1
                          capabilities: [gpu]
            """));
    }

    [Fact]
    public void Compose_list_command_precision_is_fixed_at_the_value()
    {
        const string Compose = """
            services:
              chat:
                image: vllm/vllm-openai:v0.6.3
                command: ["--model", "mistralai/Mistral-7B-Instruct-v0.3", "--dtype", "float32"]
                deploy:
                  resources:
                    reservations:
                      devices:
                        - driver: nvidia
                          count: 1
                          capabilities: [gpu]
            """;
        Verify.Fix(Id, Compose, Compose.Replace("\"float32\"", "\"bfloat16\""));
    }

    private static string Plain(string markup) => Markup.Parse("x.yaml", markup).Text;


    [Fact]
    public void A_compose_service_on_a_server_image_serves_only_while_its_entrypoint_runs()
    {
        const string Gpu = "\n    deploy:\n      resources:\n        reservations:\n          devices:\n            - driver: nvidia\n              count: 1\n              capabilities: [gpu]\n";
        Verify.Files(Id, ("docker-compose.yml", "services:\n  chat:\n    image: vllm/vllm-openai:v0.6.3\n    command: {|IL1008:--model mistralai/Mistral-7B-Instruct-v0.3 --dtype float32|}" + Gpu));
        var result = Lint.Files(
            ("docker-compose.yml", "services:\n  chat:\n    image: vllm/vllm-openai:v0.6.3\n    entrypoint: [\"/bin/sh\", \"-c\"]\n    command: \"while true; do python3 benchmark_serving.py --dtype float32; sleep 60; done\"" + Gpu));
        Verify.NoParseFailures(result);
        Assert.Empty(result.Of(Id));
    }
}
