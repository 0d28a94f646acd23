using InfraLint.Core.Facts;
using static InfraLint.Yaml.Tests.AdapterHarness;

namespace InfraLint.Yaml.Tests;

public class ComposeReaderTests
{
    private const string Compose = """
        services:
          llm:
            image: vllm/vllm-openai:v0.6.3
            command: --model meta-llama/Llama-3.1-8B --dtype float32
            environment:
              - HF_TOKEN=hf_abc
              - "OTHER=x"
            network_mode: host
            privileged: true
            ports: ["8000:8000", "127.0.0.1:9090:9090/tcp"]
            deploy:
              replicas: 2
              resources:
                limits: {cpus: "4", memory: 16g}
                reservations:
                  devices:
                    - driver: nvidia
                      count: 2
                      capabilities: [gpu]
          ui:
            image: ghcr.io/open-webui/open-webui
            user: "1000"
            security_opt:
              - no-new-privileges:true
            environment:
              API_KEY: secret-value
            healthcheck:
              test: ["CMD", "true"]
        """;

    [Fact]
    public void Services_become_workloads_with_kubernetes_meaning()
    {
        var workloads = Facts(Compose, "docker-compose.yml").OfType<ComputeWorkload>().ToList();
        Assert.Equal(new[] { "llm", "ui" }, workloads.Select(w => w.Name));
        var llm = workloads[0];
        Assert.Equal((SourceFormat.Compose, "service", ""), (llm.Format, llm.Kind, llm.Namespace));
        Assert.Equal((2, 3), Pos(llm.Span));
        Assert.Equal(WorkloadRole.Inference, llm.Role);
        Assert.Equal(2, llm.Replicas.Value);
        var pod = llm.Pods.Single();
        Assert.True(pod.HostNetwork.Value);
        Assert.Equal((8, 19), Pos(pod.HostNetwork.Span));
        var c = pod.Containers.Single();
        Assert.True(c.SecurityContext.Privileged.Value);
        Assert.Equal(2, c.Resources.AcceleratorCount);
        Assert.Equal((18, 22), Pos(c.Resources.Requests["nvidia.com/gpu"].Span));
        Assert.Equal("4", c.Resources.Limits["cpu"].Value);
        Assert.Equal(new[] { 8000, 9090 }, c.Ports);
        Assert.Equal(("HF_TOKEN", "hf_abc"), (c.Env[0].Name.Value, c.Env[0].Value.Value));
        Assert.Equal((6, 18), Pos(c.Env[0].Value.Span));
        Assert.Equal((7, 10), Pos(c.Env[1].Name.Span));
        Assert.Equal("fp32", Core.Knowledge.ServerArguments.Precision(c.Command));
        Assert.Null(c.ReadinessProbe);

        var ui = workloads[1].Containers.Single();
        Assert.False(ui.SecurityContext.AllowPrivilegeEscalation.Value);
        Assert.Equal(1000, ui.EffectiveRunAsUser.Value);
        Assert.NotNull(ui.LivenessProbe);
        Assert.Equal(("API_KEY", "secret-value"), (ui.Env[0].Name.Value, ui.Env[0].Value.Value));
    }

    [Fact]
    public void No_new_privileges_fix_appends_or_creates_security_opt()
    {
        var llm = Facts(Compose, "docker-compose.yml").OfType<ComputeWorkload>().First().Containers.Single();
        string fixedText = Apply(Compose, llm.SecurityContext.AllowPrivilegeEscalation.Edit!.Set(false));
        Assert.Contains("    security_opt:\n      - no-new-privileges:true", fixedText.Replace("\r\n", "\n"));
        var again = Facts(fixedText, "docker-compose.yml").OfType<ComputeWorkload>().First().Containers.Single();
        Assert.False(again.SecurityContext.AllowPrivilegeEscalation.Value);
    }

    [Fact]
    public void Compose_with_kubernetes_like_keys_is_not_mistaken()
    {
        Assert.Empty(Facts("services:\n  - not a map\n"));
        Assert.Empty(Facts("version: '3'\nservices: {}\n").OfType<ComputeWorkload>());
    }
}
