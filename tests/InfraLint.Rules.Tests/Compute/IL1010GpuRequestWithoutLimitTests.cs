using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.Compute;

public sealed class IL1010GpuRequestWithoutLimitTests
{
    private const string Id = "IL1010";

    [Fact]
    public void Request_without_limit_is_reported_at_the_request_value()
    {
        var finding = Assert.Single(Verify.Findings(Id, """
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: finetune
            spec:
              template:
                spec:
                  containers:
                    - name: trainer
                      image: pytorch/pytorch:2.4.0-cuda12.1-cudnn9-runtime
                      resources:
                        requests:
                          cpu: "8"
                          nvidia.com/gpu: {|IL1010:2|}
                        limits:
                          cpu: "8"
            """));
        Assert.Equal((Id, 14, 31), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
        Assert.Contains("requests 2 nvidia.com/gpu but has no limit", finding.Message);
    }

    [Fact]
    public void A_different_limit_and_other_extended_resources_are_reported()
    {
        Verify.Findings(Id, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: inf2
            spec:
              containers:
                - name: neuron
                  image: public.ecr.aws/neuron/pytorch-inference-neuronx:2.1.2-neuronx-py310-sdk2.20.0-ubuntu20.04
                  resources:
                    requests:
                      aws.amazon.com/neuron: {|IL1010:"2"|}
                      example.com/fpga: {|IL1010:1|}
                      memory: 4Gi
                    limits:
                      aws.amazon.com/neuron: 1
            """);
    }

    [Fact]
    public void Equal_limits_and_limits_alone_are_not_reported()
    {
        Verify.NoFindings(Id, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: gpu
            spec:
              containers:
                - name: a
                  image: nvidia/cuda:12.4.1-base-ubuntu22.04
                  resources:
                    requests:
                      nvidia.com/gpu: 1
                      memory: 1Gi
                    limits:
                      nvidia.com/gpu: "1"
                - name: b
                  image: nvidia/cuda:12.4.1-base-ubuntu22.04
                  resources:
                    limits:
                      nvidia.com/gpu: 1
            """);
    }

    [Fact]
    public void Fix_sets_the_limit_to_the_request()
    {
        Verify.Fix(Id, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: gpu
            spec:
              containers:
                - name: cuda
                  image: nvidia/cuda:12.4.1-base-ubuntu22.04
                  resources:
                    requests:
                      nvidia.com/gpu: 2
                    limits:
                      memory: 1Gi
            """, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: gpu
            spec:
              containers:
                - name: cuda
                  image: nvidia/cuda:12.4.1-base-ubuntu22.04
                  resources:
                    requests:
                      nvidia.com/gpu: 2
                    limits:
                      memory: 1Gi
                      nvidia.com/gpu: 2
            """);
    }

    [Fact]
    public void Fix_creates_the_limits_block_when_there_is_none()
    {
        Verify.Fix(Id, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: gpu
            spec:
              containers:
                - name: cuda
                  image: nvidia/cuda:12.4.1-base-ubuntu22.04
                  resources:
                    requests:
                      nvidia.com/gpu: 2
            """, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: gpu
            spec:
              containers:
                - name: cuda
                  image: nvidia/cuda:12.4.1-base-ubuntu22.04
                  resources:
                    requests:
                      nvidia.com/gpu: 2
                    limits:
                      nvidia.com/gpu: 2
            """);
    }
}
