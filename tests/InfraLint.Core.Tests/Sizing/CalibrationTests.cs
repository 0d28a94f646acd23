using InfraLint.Core.Sizing;
using InfraLint.Core.Sizing.Catalog;
using InfraLint.Core.Sizing.Inference;
using InfraLint.Core.Sizing.Training;

namespace InfraLint.Core.Tests.Sizing
{
    /// <summary>
    /// The model against published results, with default options only (no per-case factors). Each case is
    /// listed with its source in docs/sizing.md; a change that moves any of them outside ±25% fails here.
    /// </summary>
    public sealed class CalibrationTests
    {
        private const double Tolerance = 0.25;

        public static TheoryData<string, string, double, double, string> TrainingGpuHours => new()
        {
            // model, accelerator, training tokens, published GPU-hours, source
            { "llama-2-7b", "a100-80gb", 2.0e12, 184_320, "Llama 2 paper (arXiv:2307.09288), Table 2" },
            { "llama-2-13b", "a100-80gb", 2.0e12, 368_640, "Llama 2 paper (arXiv:2307.09288), Table 2" },
            { "llama-2-70b", "a100-80gb", 2.0e12, 1_720_320, "Llama 2 paper (arXiv:2307.09288), Table 2" },
            { "llama-7b", "a100-80gb", 1.0e12, 82_432, "LLaMA paper (arXiv:2302.13971), Table 15" },
            { "llama-65b", "a100-80gb", 1.4e12, 1_022_362, "LLaMA paper (arXiv:2302.13971), Table 15" },
            { "llama-3-8b", "h100-sxm", 15e12, 1.3e6, "Meta Llama 3 model card" },
            { "llama-3-70b", "h100-sxm", 15e12, 6.4e6, "Meta Llama 3 model card" },
            { "llama-3.1-8b", "h100-sxm", 15e12, 1.46e6, "Llama 3.1 model card" },
            { "llama-3.1-70b", "h100-sxm", 15e12, 7.0e6, "Llama 3.1 model card" },
            { "llama-3.1-405b", "h100-sxm", 15.6e12, 30.84e6, "Llama 3.1 model card; 15.6T tokens from the Llama 3 paper" },
        };

        /// <summary>
        /// TensorRT-LLM perf overview (v1.0 docs, trtllm-bench max-throughput, ModelOpt FP8 checkpoints with FP8
        /// KV cache): total output tokens/s for one replica of the given width.
        /// </summary>
        public static TheoryData<string, string, int, int, int, double> ServingThroughput => new()
        {
            // model, accelerator, GPUs per replica, input tokens, output tokens, published output tokens/s
            { "llama-3.1-8b", "h100-sxm", 1, 1000, 1000, 15_220 },
            { "llama-3.1-8b", "h100-sxm", 1, 2048, 128, 3_450 },
            { "llama-3.1-8b", "h100-sxm", 1, 128, 2048, 22_714 },
            { "llama-3.1-8b", "h100-sxm", 1, 5000, 500, 3_459 },
            { "llama-3.1-8b", "h200", 1, 1000, 1000, 17_744 },
            { "llama-3.3-70b", "h100-sxm", 2, 1000, 1000, 4_205 },
            { "llama-3.3-70b", "h100-sxm", 2, 2048, 128, 762 },
            { "llama-3.3-70b", "h100-sxm", 2, 500, 2000, 5_222 },
            { "llama-3.3-70b", "h200", 1, 1000, 1000, 2_909 },
            { "llama-3.1-405b", "h100-sxm", 8, 1000, 1000, 2_919 },
            { "llama-3.1-405b", "h100-sxm", 8, 2048, 128, 453 },
            { "llama-3.1-405b", "h200", 8, 1000, 1000, 3_330 },
        };

        [Theory]
        [MemberData(nameof(TrainingGpuHours))]
        public void Training_gpu_hours_match_published_figures(string model, string accelerator, double tokens, double published, string source)
        {
            var plan = TrainingSizer.Size(new TrainingRequest { Model = model, Accelerator = accelerator, Tokens = tokens }, SizingCatalog.Default);

            AssertWithin(published, plan.GpuHours, $"{model} GPU-hours ({source})");
        }

        [Fact]
        public void Gpt3_training_flops_match_the_paper()
        {
            // Brown et al. 2020 (arXiv:2005.14165), Table D.1: 3.14e23 FLOPs for 175B on 300B tokens.
            var plan = TrainingSizer.Size(new TrainingRequest { Model = "gpt-3-175b", Accelerator = "v100", Tokens = 300e9 }, SizingCatalog.Default);

            AssertWithin(3.14e23, plan.TotalFlops, "GPT-3 175B training FLOPs");
            Assert.InRange(plan.TotalFlops / 3.14e23, 0.99, 1.01);
        }

        [Theory]
        [MemberData(nameof(ServingThroughput))]
        public void Serving_throughput_matches_published_benchmarks(string model, string accelerator, int width, int input, int output, double published)
        {
            var plan = InferenceSizer.Size(
                new InferenceRequest
                {
                    Model = model,
                    Accelerator = accelerator,
                    Precision = Precision.Fp8,
                    KvCachePrecision = Precision.Fp8,
                    GpusPerReplica = width,
                    InputTokens = input,
                    OutputTokens = output,
                },
                SizingCatalog.Default);

            Assert.True(plan.Fits);
            AssertWithin(published, plan.OutputTokensPerSecondPerReplica, $"{model} on {width}×{accelerator} {input}/{output} output tokens/s");
        }

        private static void AssertWithin(double published, double ours, string what)
        {
            var error = ours / published - 1;
            Assert.True(Math.Abs(error) <= Tolerance, $"{what}: ours {ours:0.###e0} vs published {published:0.###e0} ({error:+0.0%;-0.0%}) is outside ±{Tolerance:0%}.");
        }
    }
}
