using InfraLint.Core.Facts;
using InfraLint.Core.Knowledge;

namespace InfraLint.Core.Tests.Knowledge;

public sealed class WorkloadActivityTests
{
    private static string[] W(string words) => words.Length == 0 ? Array.Empty<string>() : words.Split('|');

    [Theory]
    // A known server image serves with its own entrypoint, also when only arguments are given.
    [InlineData("vllm/vllm-openai:v0.6.3", "", "", Activity.Serving)]
    [InlineData("vllm/vllm-openai:v0.6.3", "", "--model|meta-llama/Llama-3.1-8B", Activity.Serving)]
    [InlineData("ollama/ollama:0.5.7", "", "serve", Activity.Serving)]
    // Its entrypoint replaced by something that is not the server, it does not.
    [InlineData("vllm/vllm-openai:v0.6.3", "sleep|infinity", "", Activity.Idle)]
    [InlineData("vllm/vllm-openai:v0.6.3", "/bin/bash|-c", "while true; do curl -s http://llama:8000/v1/models; sleep 30; done", Activity.Idle)]
    [InlineData("vllm/vllm-openai:v0.6.3", "python3|benchmarks/benchmark_serving.py|--backend|vllm", "", Activity.Benchmark)]
    [InlineData("vllm/vllm-openai:v0.6.3", "vllm|bench|serve|--model|x", "", Activity.Benchmark)]
    [InlineData("ollama/ollama:0.5.7", "", "pull|llama3", Activity.OneShot)]
    [InlineData("nvcr.io/nim/meta/llama-3.1-8b-instruct:1.1.0", "", "download-to-cache", Activity.OneShot)]
    [InlineData("nvidia/cuda:12.4.1-base-ubuntu22.04", "nvidia-smi", "", Activity.OneShot)]
    [InlineData("nvcr.io/nvidia/tritonserver:24.05-py3", "", "sleep|infinity", Activity.Idle)]
    [InlineData("nvcr.io/nvidia/pytorch:24.05-py3", "tail|-f|/dev/null", "", Activity.Idle)]
    // A server command serves from any image, inside a shell script too.
    [InlineData("vllm/vllm-openai:v0.6.3", "/bin/sh|-c", "vllm serve meta-llama/Llama-3.1-8B --port 8000", Activity.Serving)]
    [InlineData("python:3.11", "python|-m|vllm.entrypoints.openai.api_server|--model|x", "", Activity.Serving)]
    [InlineData("ollama/ollama:0.5.7", "/bin/sh|-c", "ollama serve & sleep 5; ollama pull llama3; wait", Activity.Serving)]
    [InlineData("lmsysorg/sglang:latest", "python3|-m|sglang.launch_server|--model-path|x", "", Activity.Serving)]
    // Training entry points.
    [InlineData("pytorch/pytorch:2.4.0", "torchrun|--nproc_per_node=8|main.py", "", Activity.Training)]
    [InlineData("pytorch/pytorch:2.4.0", "python|-m|torch.distributed.run|--nnodes=2|main.py", "", Activity.Training)]
    [InlineData("acme/llm:1", "bash|-c", "pip install -r req.txt && accelerate launch --config_file fsdp.yaml sft.py", Activity.Training)]
    [InlineData("acme/llm:1", "deepspeed|--num_gpus=8|run.py", "", Activity.Training)]
    [InlineData("acme/llm:1", "mpirun|-np|16|-x|NCCL_DEBUG|python|main.py", "", Activity.Training)]
    [InlineData("acme/jax:1", "python|Gemma3LLMTrain.py|--maxlen|256", "", Activity.Training)]
    // Profilers, compilation and benchmarks are not training, whatever they launch.
    [InlineData("acme/llm:1", "nsys|profile|-o|/out/run|torchrun|--nproc_per_node=8|main.py", "", Activity.Profiling)]
    [InlineData("nvcr.io/nvidia/cloud-native/dcgm:3.3.5-1-ubuntu22.04", "dcgmproftester12|--no-dcgm-validation|-t|1004|-d|60", "", Activity.Profiling)]
    [InlineData("acme/neuron:1", "bash|-c", "neuron_parallel_compile torchrun --nproc_per_node=32 train.py", Activity.Compilation)]
    [InlineData("acme/nccl:1", "mpirun|-np|16|/opt/nccl-tests/build/all_reduce_perf|-b|8|-e|8G", "", Activity.Benchmark)]
    // Nothing recognisable: a script of one's own, also next to a download or a wait.
    [InlineData("acme/app:1", "python|main.py", "", Activity.Unknown)]
    [InlineData("acme/app:1", "bash|-c", "nvidia-smi && ./start.sh", Activity.Unknown)]
    [InlineData("acme/app:1", "bash|-c", "./start.sh; sleep infinity", Activity.Unknown)]
    [InlineData("acme/app:1", "", "", Activity.Unknown)]
    public void Judges_what_the_container_runs(string image, string entrypoint, string arguments, Activity expected) =>
        Assert.Equal(expected, WorkloadActivity.Judge(image, W(entrypoint), W(arguments)).Activity);

    [Fact]
    public void The_reason_names_the_server_or_what_replaced_it()
    {
        Assert.Equal("vLLM image vllm/vllm-openai:v0.6.3", WorkloadActivity.Judge("vllm/vllm-openai:v0.6.3", W(""), W("")).Reason);
        var overridden = WorkloadActivity.Judge("vllm/vllm-openai:v0.6.3", W("python|app.py"), W(""));
        Assert.Equal("vLLM", overridden.Server);
        Assert.Equal("vLLM image vllm/vllm-openai:v0.6.3 with its entrypoint replaced by 'python app.py'", overridden.Reason);
    }

    [Fact]
    public void A_replaced_server_entrypoint_serves_only_on_declared_ports_of_a_long_running_workload()
    {
        var overridden = WorkloadActivity.Judge("vllm/vllm-openai:v0.6.3", W("python|app.py"), W(""));
        Assert.Equal(WorkloadRole.Inference, WorkloadActivity.Role(new[] { (overridden, true) }, isLongRunning: true, isBatch: false)?.Role);
        Assert.Null(WorkloadActivity.Role(new[] { (overridden, false) }, isLongRunning: true, isBatch: false));
        Assert.Null(WorkloadActivity.Role(new[] { (overridden, true) }, isLongRunning: false, isBatch: false));
    }

    [Fact]
    public void Training_wins_over_a_sidecar_and_a_server_in_a_job_is_batch_inference()
    {
        var trainer = WorkloadActivity.Judge("acme/llm:1", W("torchrun|main.py"), W(""));
        var server = WorkloadActivity.Judge("vllm/vllm-openai:v0.6.3", W(""), W(""));
        Assert.Equal(WorkloadRole.Training, WorkloadActivity.Role(new[] { (server, false), (trainer, false) }, false, true)?.Role);
        Assert.Equal(WorkloadRole.BatchInference, WorkloadActivity.Role(new[] { (server, false) }, false, true)?.Role);
    }

    [Fact]
    public void A_trainer_kind_does_not_train_when_it_only_profiles_compiles_or_benchmarks()
    {
        var profiler = WorkloadActivity.Judge("acme/llm:1", W("nsys|profile|python|main.py"), W(""));
        var sshd = WorkloadActivity.Judge("acme/llm:1", W("/usr/sbin/sshd|-De"), W(""));
        var trainer = WorkloadActivity.Judge("acme/llm:1", W("python|main.py"), W(""));
        Assert.Equal("profiler nsys", WorkloadActivity.NotTraining(new[] { profiler, sshd }));
        Assert.Null(WorkloadActivity.NotTraining(new[] { trainer }));
        Assert.Null(WorkloadActivity.NotTraining(new[] { trainer, sshd }));
    }
}
