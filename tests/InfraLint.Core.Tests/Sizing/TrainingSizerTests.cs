using InfraLint.Core.Sizing;
using InfraLint.Core.Sizing.Catalog;
using InfraLint.Core.Sizing.Training;

namespace InfraLint.Core.Tests.Sizing
{
    public sealed class TrainingSizerTests
    {
        private static TrainingPlan Size(TrainingRequest request, SizingOptions? options = null) =>
            TrainingSizer.Size(request, SizingCatalog.Default, options);

        [Fact]
        public void Flops_are_six_times_active_parameters_times_tokens()
        {
            var dense = Size(new TrainingRequest { Model = "llama-3.1-8b", Accelerator = "h100", Tokens = 1e12 });
            var moe = Size(new TrainingRequest { Model = "mixtral-8x7b", Accelerator = "h100", Tokens = 1e12 });

            Assert.Equal(6 * 8.03e9 * 1e12, dense.TotalFlops, 1e9);
            Assert.Equal(6 * 12.9e9 * 1e12, moe.TotalFlops, 1e9);
        }

        [Fact]
        public void Gpu_hours_follow_peak_mfu_and_goodput()
        {
            var plan = Size(new TrainingRequest { Model = "llama-2-70b", Accelerator = "a100-80gb", Tokens = 2e12 });

            var expected = 6 * 68.98e9 * 2e12 / (312e12 * 0.48 * 0.90) / 3600;
            Assert.Equal(0.48, plan.Mfu);
            Assert.Equal(expected, plan.GpuHours, 1e-3);
        }

        [Theory]
        [InlineData("h100-sxm", 8e9, 0.17)]
        [InlineData("h100-sxm", 70e9, 0.30)]
        [InlineData("h100-sxm", 405e9, 0.40)]
        [InlineData("a100-80gb", 7e9, 0.48)]
        [InlineData("tpu-v5p", 70e9, 0.46)]
        [InlineData("trainium2", 70e9, 0.40)]
        public void Mfu_table_depends_on_family_and_size(string accelerator, double parameters, double mfu) =>
            Assert.Equal(mfu, Size(new TrainingRequest { Parameters = parameters, Accelerator = accelerator, Tokens = 1e9 }).Mfu);

        [Fact]
        public void Given_mfu_overrides_the_table() =>
            Assert.Equal(0.55, Size(new TrainingRequest { Model = "llama-3.1-8b", Accelerator = "h100", Tokens = 1e12, Mfu = 0.55 }).Mfu);

        [Fact]
        public void Deadline_sets_the_gpu_count_in_whole_nodes()
        {
            var plan = Size(new TrainingRequest { Model = "llama-3.1-8b", Accelerator = "h100", Tokens = 1e12, DeadlineHours = 72 });

            Assert.Equal((int)Math.Ceiling(plan.GpuHours / 72), plan.GpusForDeadline);
            Assert.Equal(0, plan.GpusNeeded % 8);
            Assert.True(plan.GpusNeeded >= plan.GpusForDeadline);
            Assert.True(plan.WallClockHours <= 72);
        }

        [Fact]
        public void Training_state_is_sixteen_bytes_per_parameter_sharded()
        {
            var plan = Size(new TrainingRequest { Model = "llama-3.1-70b", Accelerator = "h100-sxm", Tokens = 1e9 });

            // 16 × 70.55e9 bytes over (80 GiB × 0.9 × 0.75) per GPU = 19.5 → 20 GPUs → 3 whole nodes.
            Assert.Equal(20, plan.MinimumGpusForMemory);
            Assert.Equal(24, plan.GpusNeeded);
        }

        [Fact]
        public void Small_model_needs_one_gpu_without_a_deadline()
        {
            var plan = Size(new TrainingRequest { Model = "llama-3.2-1b", Accelerator = "h100", Tokens = 1e9 });

            Assert.Equal(1, plan.MinimumGpusForMemory);
            Assert.Equal(1, plan.GpusNeeded);
        }

        [Fact]
        public void Cost_is_billed_instance_hours_on_demand_and_spot()
        {
            var plan = Size(new TrainingRequest { Model = "llama-3.1-8b", Accelerator = "h100", Tokens = 1e12, DeadlineHours = 100 });

            Assert.Equal("p5.48xlarge", plan.Instance!.Instance.Name);
            var instances = plan.GpusNeeded / 8;
            Assert.Equal(instances * 55.04 * plan.WallClockHours, plan.CostUsd!.Value, 6);
            Assert.Equal(instances * 30.00 * plan.WallClockHours, plan.CostSpotUsd!.Value, 6);
            Assert.True(plan.CostSpotUsd < plan.CostUsd);
        }

        [Theory]
        [InlineData(1, 1)]
        [InlineData(3, 4)]
        [InlineData(5, 8)]
        [InlineData(8, 8)]
        [InlineData(9, 16)]
        [InlineData(20, 24)]
        public void Gpu_counts_round_to_powers_of_two_then_whole_nodes(int raw, int rounded) =>
            Assert.Equal(rounded, TrainingSizer.RoundToNodes(raw, 8));

        [Theory]
        [InlineData(0)]
        [InlineData(-5)]
        public void Non_positive_tokens_are_input_errors(double tokens) =>
            Assert.Throws<SizingInputException>(() => Size(new TrainingRequest { Model = "llama-3.1-8b", Accelerator = "h100", Tokens = tokens }));

        [Fact]
        public void Same_inputs_give_the_same_numbers()
        {
            var request = new TrainingRequest { Model = "llama-3.1-70b", Accelerator = "h100", Tokens = 2e12, DeadlineHours = 72 };

            Assert.Equal(Size(request).Steps, Size(request).Steps);
        }
    }
}
