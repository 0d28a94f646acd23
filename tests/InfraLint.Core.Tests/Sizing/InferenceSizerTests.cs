using InfraLint.Core.Sizing;
using InfraLint.Core.Sizing.Catalog;
using InfraLint.Core.Sizing.Inference;

namespace InfraLint.Core.Tests.Sizing
{
    public sealed class InferenceSizerTests
    {
        private static SizingCatalog Catalog => SizingCatalog.Default;

        private static InferencePlan Size(InferenceRequest request, SizingOptions? options = null) =>
            InferenceSizer.Size(request, Catalog, options);

        private static InferenceRequest Llama70B(Precision precision, string gpu, int? width = null) => new()
        {
            Model = "llama-3.1-70b",
            Precision = precision,
            Accelerator = gpu,
            GpusPerReplica = width,
        };

        [Theory]
        [InlineData("h100-sxm", 1024)]
        [InlineData("h200", 1024)]
        [InlineData("mi300x", 1024)]
        [InlineData("a100-80gb", 256)]
        [InlineData("l40s", 256)]
        [InlineData("l4", 256)]
        [InlineData("tpu-v5e", 256)]
        public void The_batch_cap_is_vllms_default_max_num_seqs_for_the_accelerator(string accelerator, int cap)
        {
            // vLLM V1 (arg_utils.py, get_batch_defaults): 1,024 on devices with >= 70 GiB except the A100, 256 otherwise.
            var spec = Catalog.FindAccelerator(accelerator)!;
            Assert.Equal(cap, SizingOptions.Default.BatchCap(spec));
            Assert.Equal(64, (SizingOptions.Default with { MaxBatchSize = 64 }).BatchCap(spec));
        }

        [Fact]
        public void Same_inputs_give_the_same_numbers()
        {
            var request = Llama70B(Precision.Fp8, "h100-sxm") with { PeakRequestsPerSecond = 40, P99LatencyMs = 30_000 };

            var first = Size(request);
            var second = Size(request);

            Assert.Equal(first.GpusNeeded, second.GpusNeeded);
            Assert.Equal(first.OutputTokensPerSecondPerReplica, second.OutputTokensPerSecondPerReplica);
            Assert.Equal(first.MonthlyCostUsd, second.MonthlyCostUsd);
            Assert.Equal(first.Steps, second.Steps);
        }

        [Fact]
        public void Output_does_not_depend_on_the_current_culture()
        {
            var request = Llama70B(Precision.Fp8, "h100-sxm") with { PeakRequestsPerSecond = 40 };
            var invariant = Size(request);
            var previous = System.Globalization.CultureInfo.CurrentCulture;
            try
            {
                System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
                var german = Size(request);

                Assert.Equal(invariant.Steps, german.Steps);
                Assert.Equal(invariant.Warnings, german.Warnings);
            }
            finally
            {
                System.Globalization.CultureInfo.CurrentCulture = previous;
            }
        }

        [Fact]
        public void Llama_70b_bf16_does_not_fit_on_one_h100()
        {
            var plan = Size(Llama70B(Precision.Bf16, "h100-sxm", width: 1));

            Assert.False(plan.Fits);
            Assert.Equal(2, plan.MinimumGpusPerReplica);
            Assert.Contains(plan.Warnings, w => w.Contains("does not fit"));
        }

        [Theory]
        [InlineData(2)]
        [InlineData(4)]
        public void Llama_70b_bf16_fits_on_two_or_four_h100(int width)
        {
            var plan = Size(Llama70B(Precision.Bf16, "h100-sxm", width));

            Assert.True(plan.Fits);
            Assert.Equal(width, plan.GpusPerReplica);
            Assert.True(plan.BatchSize >= 1);
        }

        [Fact]
        public void Llama_70b_weights_are_141_gb_at_bf16_and_71_gb_at_fp8()
        {
            Assert.Equal(141.1e9, Size(Llama70B(Precision.Bf16, "h100-sxm", 2)).WeightsBytes, 1e8);
            Assert.Equal(70.55e9, Size(Llama70B(Precision.Fp8, "h100-sxm", 2)).WeightsBytes, 1e8);
            Assert.Equal(35.275e9, Size(Llama70B(Precision.Int4, "h100-sxm", 1)).WeightsBytes, 1e8);
        }

        [Fact]
        public void Llama_70b_fp8_fits_on_one_h200()
        {
            var plan = Size(Llama70B(Precision.Fp8, "h200"));

            Assert.True(plan.Fits);
            Assert.Equal(1, plan.GpusPerReplica);
        }

        [Fact]
        public void Kv_cache_per_token_follows_the_formula()
        {
            // 2 × 80 layers × 8 KV heads × 128 head dim × 2 bytes = 327,680 bytes (320 KiB).
            Assert.Equal(327_680, Size(Llama70B(Precision.Bf16, "h100-sxm", 2)).KvCacheBytesPerToken);
            Assert.Equal(163_840, Size(Llama70B(Precision.Fp8, "h100-sxm", 2) with { KvCachePrecision = Precision.Fp8 }).KvCacheBytesPerToken);
        }

        [Fact]
        public void Llama_70b_fp8_at_40_rps_uses_two_gpu_replicas_on_h100()
        {
            // 70.6 GB of weights leave ~4 GiB of KV on one 80 GB H100: ~11 sequences, too few to be efficient.
            var plan = Size(Llama70B(Precision.Fp8, "h100-sxm") with { PeakRequestsPerSecond = 40, InputTokens = 1000, OutputTokens = 250 });

            Assert.True(plan.Fits);
            Assert.Equal(1, plan.MinimumGpusPerReplica);
            Assert.Equal(2, plan.GpusPerReplica);
            Assert.Equal(plan.ReplicasNeeded * 2, plan.GpusNeeded);
            Assert.InRange(plan.GpusNeeded, 8, 24);
        }

        [Fact]
        public void Small_model_stays_on_one_gpu()
        {
            var plan = Size(new InferenceRequest { Model = "llama-3.1-8b", Accelerator = "h100", PeakRequestsPerSecond = 10 });

            Assert.Equal(1, plan.GpusPerReplica);
            Assert.Equal(1, plan.ReplicasNeeded);
        }

        [Fact]
        public void Llama_405b_bf16_needs_more_than_one_h100_node()
        {
            var plan = Size(new InferenceRequest { Model = "llama-3.1-405b", Accelerator = "h100-sxm", Precision = Precision.Bf16 });

            Assert.True(plan.Fits);
            Assert.Equal(16, plan.GpusPerReplica);
        }

        [Fact]
        public void Llama_405b_fp8_fits_one_h100_node()
        {
            var plan = Size(new InferenceRequest { Model = "llama-3.1-405b", Accelerator = "h100-sxm", Precision = Precision.Fp8 });

            Assert.Equal(8, plan.GpusPerReplica);
        }

        [Fact]
        public void Buffer_scales_replicas()
        {
            var request = new InferenceRequest { Model = "llama-3.1-8b", Accelerator = "l4", GpusPerReplica = 1, PeakRequestsPerSecond = 20 };

            var none = Size(request with { Buffer = 0 });
            var thirty = Size(request);
            var hundred = Size(request with { Buffer = 1.0 });

            var capacity = none.RequestsPerSecondPerReplica;
            Assert.Equal((int)Math.Ceiling(20 / capacity), none.ReplicasNeeded);
            Assert.Equal((int)Math.Ceiling(20 * 1.3 / capacity), thirty.ReplicasNeeded);
            Assert.Equal((int)Math.Ceiling(40 / capacity), hundred.ReplicasNeeded);
            Assert.True(hundred.ReplicasNeeded > none.ReplicasNeeded);
        }

        [Fact]
        public void Default_buffer_comes_from_options()
        {
            var request = new InferenceRequest { Model = "llama-3.1-8b", Accelerator = "l4", GpusPerReplica = 1, PeakRequestsPerSecond = 20 };

            var plan = Size(request, SizingOptions.Default with { Buffer = 0 });

            Assert.Equal(Size(request with { Buffer = 0 }).ReplicasNeeded, plan.ReplicasNeeded);
        }

        [Fact]
        public void Monthly_cost_is_instances_times_price_times_730_hours()
        {
            var plan = Size(new InferenceRequest { Model = "llama-3.1-8b", Accelerator = "a10g", Precision = Precision.Fp16, GpusPerReplica = 1, PeakRequestsPerSecond = 1, InstanceType = "g5.xlarge" });

            Assert.NotNull(plan.Instance);
            Assert.Equal("g5.xlarge", plan.Instance!.Instance.Name);
            Assert.Equal(plan.ReplicasNeeded, plan.Instance.InstanceCount);
            Assert.Equal(plan.ReplicasNeeded * 1.006 * 730, plan.MonthlyCostUsd!.Value, 6);
            Assert.Equal(plan.ReplicasNeeded * 0.45 * 730, plan.MonthlySpotCostUsd!.Value, 6);
        }

        [Fact]
        public void Cheapest_instance_packs_replicas_into_whole_instances()
        {
            var plan = Size(Llama70B(Precision.Fp8, "h100-sxm", 2) with { PeakRequestsPerSecond = 40 });

            Assert.Equal("p5.48xlarge", plan.Instance!.Instance.Name);
            Assert.Equal((plan.ReplicasNeeded + 3) / 4, plan.Instance.InstanceCount);
            Assert.Equal(plan.Instance.InstanceCount * 55.04 * 730, plan.MonthlyCostUsd!.Value, 6);
        }

        [Fact]
        public void Managed_service_instances_are_only_used_when_named()
        {
            var cheapest = Size(new InferenceRequest { Model = "llama-3.1-8b", Accelerator = "a10g", Precision = Precision.Fp16 });
            var named = Size(new InferenceRequest { Model = "llama-3.1-8b", InstanceType = "ml.g5.xlarge", Precision = Precision.Fp16 });

            Assert.Equal("g5.xlarge", cheapest.Instance!.Instance.Name);
            Assert.Equal("ml.g5.xlarge", named.Instance!.Instance.Name);
            Assert.Equal("a10g", named.Accelerator.Name);
            Assert.Null(named.MonthlySpotCostUsd);
        }

        [Fact]
        public void Excess_provisioned_gpus_are_priced_per_gpu_hour()
        {
            var plan = Size(new InferenceRequest { Model = "llama-3.1-8b", Accelerator = "h100-sxm", PeakRequestsPerSecond = 2, ProvisionedGpus = 8 });

            Assert.Equal(8 - plan.GpusNeeded, plan.ExcessGpus);
            Assert.Equal(plan.ExcessGpus * 55.04 / 8 * 730, plan.ExcessMonthlyCostUsd!.Value, 6);
            Assert.Equal(0, plan.MissingGpus);
        }

        [Fact]
        public void Missing_gpus_are_reported_when_under_provisioned()
        {
            var plan = Size(Llama70B(Precision.Fp8, "h100-sxm") with { PeakRequestsPerSecond = 40, ProvisionedGpus = 2 });

            Assert.Equal(plan.GpusNeeded - 2, plan.MissingGpus);
            Assert.Equal(0, plan.ExcessGpus);
        }

        [Fact]
        public void Tighter_time_per_token_slo_shrinks_the_batch()
        {
            var loose = Size(Llama70B(Precision.Fp8, "h100-sxm", 4));
            var tight = Size(Llama70B(Precision.Fp8, "h100-sxm", 4) with { TimePerOutputTokenMs = 25 });

            Assert.True(tight.MeetsSlo);
            Assert.True(tight.BatchSize < loose.BatchSize);
            Assert.True(tight.TimePerOutputTokenMs <= 25);
            Assert.Equal("SLO", tight.BatchBoundBy);
        }

        [Fact]
        public void Slow_tokens_without_an_slo_earn_a_warning()
        {
            // The L4 has the 22,888 MiB EC2 reports, not the marketed 24 GB: at the default 1000/250 tokens its small KV
            // space keeps an 8B bf16 batch at ~93 ms per token, so prompt-heavy traffic (4000/100) is the slow case.
            var unstated = Size(new InferenceRequest { Model = "llama-3.1-8b", Accelerator = "l4", GpusPerReplica = 1, InputTokens = 4000, OutputTokens = 100 });
            var stated = Size(new InferenceRequest { Model = "llama-3.1-8b", Accelerator = "l4", GpusPerReplica = 1, InputTokens = 4000, OutputTokens = 100, TimePerOutputTokenMs = 60 });

            Assert.True(unstated.TimePerOutputTokenMs > 100);
            Assert.Contains(unstated.Warnings, w => w.Contains("No latency objective"));
            Assert.DoesNotContain(stated.Warnings, w => w.Contains("No latency objective"));
        }

        [Fact]
        public void Impossible_slo_is_reported_not_hidden()
        {
            var plan = Size(Llama70B(Precision.Bf16, "a100-80gb") with { TimePerOutputTokenMs = 1, PeakRequestsPerSecond = 5 });

            Assert.True(plan.Fits);
            Assert.False(plan.MeetsSlo);
            Assert.Equal(1, plan.BatchSize);
            Assert.Contains(plan.Warnings, w => w.Contains("SLO"));
        }

        [Fact]
        public void P99_slo_picks_a_wider_replica_when_needed()
        {
            var plan = Size(Llama70B(Precision.Fp8, "h100-sxm") with { PeakRequestsPerSecond = 40, P99LatencyMs = 8_000 });

            Assert.True(plan.MeetsSlo);
            Assert.True(plan.EndToEndLatencyMs <= 8_000);
            Assert.True(plan.GpusPerReplica >= 2);
        }

        [Fact]
        public void Mixture_of_experts_holds_total_but_computes_active_parameters()
        {
            var plan = Size(new InferenceRequest { Model = "mixtral-8x7b", Accelerator = "h100-sxm", GpusPerReplica = 2, InputTokens = 2048, OutputTokens = 128 });
            var dense = Size(new InferenceRequest { Parameters = 46.7e9, Accelerator = "h100-sxm", GpusPerReplica = 2, InputTokens = 2048, OutputTokens = 128 });

            Assert.Equal(46.7e9 * 2, plan.WeightsBytes);
            Assert.True(plan.OutputTokensPerSecondPerReplica > 2 * dense.OutputTokensPerSecondPerReplica);
        }

        [Fact]
        public void Fp8_weights_on_a100_compute_in_bf16_with_a_warning()
        {
            var plan = Size(Llama70B(Precision.Fp8, "a100-80gb"));

            Assert.Contains(plan.Steps, s => s.Name == "computeFormat" && s.Text == "bf16");
            Assert.Contains(plan.Warnings, w => w.Contains("no dense fp8"));
        }

        [Fact]
        public void Unknown_model_with_parameters_is_estimated()
        {
            var plan = Size(new InferenceRequest { Model = "in-house-34b", Parameters = 34e9, Accelerator = "a100-80gb" });

            Assert.True(plan.Model.IsEstimated);
            Assert.True(plan.Fits);
            Assert.Contains(plan.Warnings, w => w.Contains("estimated"));
        }

        [Fact]
        public void Steps_explain_every_headline_number()
        {
            var plan = Size(Llama70B(Precision.Fp8, "h100-sxm") with { PeakRequestsPerSecond = 40, ProvisionedGpus = 32 });
            var names = plan.Steps.Select(s => s.Name).ToArray();

            foreach (var expected in new[] { "weightsBytes", "kvCacheBytesPerToken", "usableMemoryPerGpu", "gpusPerReplica", "batchSize", "timePerOutputToken", "timeToFirstToken", "endToEndLatency", "outputTokensPerSecondPerReplica", "buffer", "replicasNeeded", "gpusNeeded", "instanceType", "monthlyCostUsd", "excessGpus", "excessMonthlyCostUsd" })
                Assert.Contains(expected, names);
            Assert.All(plan.Steps, s => Assert.False(string.IsNullOrWhiteSpace(s.Explanation)));
            Assert.Equal(plan.GpusNeeded, plan.Steps.Single(s => s.Name == "gpusNeeded").Value);
        }

        [Fact]
        public void Comparing_accelerators_finds_a_cheaper_class_than_h100_for_a_small_model()
        {
            var request = new InferenceRequest { Model = "llama-3.1-8b", Accelerator = "h100-sxm", PeakRequestsPerSecond = 5, TimePerOutputTokenMs = 60 };

            var plans = InferenceSizer.CompareAccelerators(request, Catalog);
            var h100 = Size(request);

            Assert.NotEmpty(plans);
            Assert.All(plans, p => Assert.True(p.Fits && p.MeetsSlo));
            Assert.Equal(plans.OrderBy(p => p.MonthlyCostUsd).Select(p => p.Accelerator.Name), plans.Select(p => p.Accelerator.Name));
            Assert.NotEqual("h100-sxm", plans[0].Accelerator.Name);
            Assert.True(plans[0].MonthlyCostUsd < h100.MonthlyCostUsd);
        }

        [Fact]
        public void Comparing_accelerators_can_be_limited_to_a_list()
        {
            var plans = InferenceSizer.CompareAccelerators(
                new InferenceRequest { Model = "llama-3.1-70b", Precision = Precision.Fp8, PeakRequestsPerSecond = 10 },
                Catalog,
                accelerators: new[] { "h100-sxm", "h200", "l4" });

            Assert.All(plans, p => Assert.Contains(p.Accelerator.Name, new[] { "h100-sxm", "h200", "l4" }));
            Assert.Contains(plans, p => p.Accelerator.Name == "h200");
        }

        [Fact]
        public void Unknown_model_without_parameters_is_an_input_error()
        {
            var error = Assert.Throws<SizingInputException>(() => Size(new InferenceRequest { Model = "gpt-9", Accelerator = "h100" }));

            Assert.Contains("gpt-9", error.Message);
            Assert.Contains("parameters", error.Message);
        }

        [Fact]
        public void Unknown_accelerator_is_an_input_error() =>
            Assert.Contains("h900", Assert.Throws<SizingInputException>(() => Size(new InferenceRequest { Model = "llama-3.1-8b", Accelerator = "h900" })).Message);

        [Fact]
        public void Accelerator_may_be_given_as_a_kubernetes_label() =>
            Assert.Equal("a100-80gb", Size(new InferenceRequest { Model = "llama-3.1-8b", Accelerator = "NVIDIA-A100-SXM4-80GB" }).Accelerator.Name);

        [Fact]
        public void Instance_and_accelerator_must_agree() =>
            Assert.Throws<SizingInputException>(() => Size(new InferenceRequest { Model = "llama-3.1-8b", Accelerator = "l4", InstanceType = "p5.48xlarge" }));

        [Theory]
        [InlineData(-1, 250, null)]
        [InlineData(1000, 0, null)]
        [InlineData(1000, 250, -3.0)]
        public void Negative_numbers_are_input_errors(double input, double output, double? rps) =>
            Assert.Throws<SizingInputException>(() => Size(new InferenceRequest { Model = "llama-3.1-8b", Accelerator = "h100", InputTokens = input, OutputTokens = output, PeakRequestsPerSecond = rps }));

        [Fact]
        public void Bad_options_are_input_errors() =>
            Assert.Throws<SizingInputException>(() => Size(new InferenceRequest { Model = "llama-3.1-8b", Accelerator = "h100" }, SizingOptions.Default with { UsableMemoryFraction = 1.5 }));

        [Fact]
        public void Accelerator_without_an_instance_still_sizes_but_warns()
        {
            var plan = Size(new InferenceRequest { Model = "llama-3.1-70b", Accelerator = "mi300x", PeakRequestsPerSecond = 5 });

            Assert.True(plan.Fits);
            Assert.Null(plan.MonthlyCostUsd);
            Assert.Contains(plan.Warnings, w => w.Contains("cost not estimated"));
        }
    }
}
