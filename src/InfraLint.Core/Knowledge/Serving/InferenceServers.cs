using System;
using System.Linq;
using InfraLint.Core.Facts;

namespace InfraLint.Core.Knowledge
{
    /// <summary>
    /// Recognises a workload's AI role from what it runs. Images are matched on repository names the
    /// projects publish, never on substrings of tags, so <c>my-vllm-docs:1</c> is not an inference server.
    /// </summary>
    public static class InferenceServers
    {
        /// <summary>Repository suffixes of well-known model servers, matched against the end of the repository path.</summary>
        private static readonly (string Suffix, string Server)[] Images =
        {
            ("vllm/vllm-openai", "vLLM"),
            ("vllm/vllm-openai-rocm", "vLLM"),
            ("rocm/vllm", "vLLM"),
            ("/vllm-openai", "vLLM"),
            ("huggingface/text-generation-inference", "TGI"),
            ("nvidia/tritonserver", "Triton"),
            ("/tritonserver", "Triton"),
            ("pytorch/torchserve", "TorchServe"),
            ("/torchserve", "TorchServe"),
            ("lmsysorg/sglang", "SGLang"),
            ("ollama/ollama", "Ollama"),
            ("kserve/huggingfaceserver", "KServe"),
            ("kserve/sklearnserver", "KServe"),
            ("kserve/xgbserver", "KServe"),
            ("kserve/lgbserver", "KServe"),
            ("kserve/pmmlserver", "KServe"),
            ("kserve/paddleserver", "KServe"),
            ("kserve/torchserve-kfs", "KServe"),
            ("tensorflow/serving", "TensorFlow Serving"),
            ("seldonio/mlserver", "MLServer"),
            ("huggingface/text-embeddings-inference", "TEI"),
            ("localai/localai", "LocalAI"),
            ("ghcr.io/ggerganov/llama.cpp", "llama.cpp"),
            ("ggml-org/llama.cpp", "llama.cpp"),
            ("aibrix/vllm-openai", "vLLM"),
        };

        /// <summary>The model server an image runs, or null.</summary>
        public static string? ServerForImage(string? image)
        {
            if (string.IsNullOrWhiteSpace(image) || ImageReference.IsTemplated(image!)) return null;
            string repo = ImageReference.Parse(image!).Repository.ToLowerInvariant();
            foreach (var (suffix, server) in Images)
            {
                if (ImageReference.RepositoryIs(repo, suffix)) return server;
            }
            // NVIDIA NIM microservices for LLMs are published under nvcr.io/nim/<vendor>/<model>.
            if (repo.StartsWith("nvcr.io/nim/", StringComparison.Ordinal)) return "NVIDIA NIM";
            return null;
        }

        /// <summary>Parses the value of the <c>infralint.dev/role</c> annotation; null when it is not a role name.</summary>
        public static WorkloadRole? ParseRole(string? value)
        {
            switch (value?.Trim().ToLowerInvariant())
            {
                case "inference":
                case "serving":
                    return WorkloadRole.Inference;
                case "training":
                case "fine-tuning":
                    return WorkloadRole.Training;
                case "batch-inference":
                    return WorkloadRole.BatchInference;
                default:
                    return null;
            }
        }
    }
}
