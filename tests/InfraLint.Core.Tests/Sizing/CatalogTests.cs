using InfraLint.Core.Sizing.Catalog;

namespace InfraLint.Core.Tests.Sizing
{
    public sealed class CatalogTests
    {
        private static SizingCatalog Catalog => SizingCatalog.Default;

        [Theory]
        [InlineData("h100-sxm")]
        [InlineData("h100-pcie")]
        [InlineData("h200")]
        [InlineData("b200")]
        [InlineData("a100-40gb")]
        [InlineData("a100-80gb")]
        [InlineData("l40s")]
        [InlineData("l4")]
        [InlineData("a10g")]
        [InlineData("t4")]
        [InlineData("v100")]
        [InlineData("mi300x")]
        [InlineData("tpu-v5e")]
        [InlineData("tpu-v5p")]
        [InlineData("trainium1")]
        [InlineData("trainium2")]
        [InlineData("inferentia2")]
        public void Required_accelerators_are_present_with_sources(string name)
        {
            var spec = Catalog.FindAccelerator(name);

            Assert.NotNull(spec);
            Assert.True(spec!.MemoryGiB > 0);
            Assert.True(spec.MemoryBandwidthGBps > 0);
            Assert.False(string.IsNullOrWhiteSpace(spec.Source));
            Assert.False(string.IsNullOrWhiteSpace(spec.Date));
        }

        [Theory]
        [InlineData("h100", "h100-sxm")]
        [InlineData("H100", "h100-sxm")]
        [InlineData("a100", "a100-80gb")]
        [InlineData("trn2", "trainium2")]
        public void Aliases_resolve_case_insensitively(string alias, string name) =>
            Assert.Equal(name, Catalog.FindAccelerator(alias)?.Name);

        [Theory]
        [InlineData("NVIDIA-H100-80GB-HBM3", "h100-sxm")]
        [InlineData("NVIDIA-A100-SXM4-80GB", "a100-80gb")]
        [InlineData("NVIDIA-L4", "l4")]
        [InlineData("Tesla-T4", "t4")]
        [InlineData("NVIDIA-A10G", "a10g")]
        [InlineData("nvidia-l4", "l4")]
        public void Kubernetes_gpu_product_labels_map_to_accelerators(string label, string name) =>
            Assert.Equal(name, Catalog.FindAcceleratorByLabel(label)?.Name);

        [Fact]
        public void Throughput_figures_are_dense_not_sparse()
        {
            // The H100 SXM datasheet headline is 1,979 TFLOPS BF16 *with sparsity*; dense is half.
            var h100 = Catalog.FindAccelerator("h100-sxm")!;
            Assert.Equal(989.4, h100.Bf16Tflops);
            Assert.Equal(1978.9, h100.Fp8Tflops);
            Assert.Null(Catalog.FindAccelerator("a100-80gb")!.Fp8Tflops);
            Assert.Null(Catalog.FindAccelerator("t4")!.Bf16Tflops);
        }

        [Theory]
        [InlineData("p5.48xlarge", "h100-sxm", 8)]
        [InlineData("p5en.48xlarge", "h200", 8)]
        [InlineData("p4d.24xlarge", "a100-40gb", 8)]
        [InlineData("p4de.24xlarge", "a100-80gb", 8)]
        [InlineData("g5.xlarge", "a10g", 1)]
        [InlineData("g5.12xlarge", "a10g", 4)]
        [InlineData("g5.48xlarge", "a10g", 8)]
        [InlineData("g6.xlarge", "l4", 1)]
        [InlineData("g6.12xlarge", "l4", 4)]
        [InlineData("g6e.xlarge", "l40s", 1)]
        [InlineData("g6e.12xlarge", "l40s", 4)]
        [InlineData("inf2.xlarge", "inferentia2", 1)]
        [InlineData("inf2.48xlarge", "inferentia2", 12)]
        [InlineData("trn1.32xlarge", "trainium1", 16)]
        [InlineData("a3-highgpu-8g", "h100-sxm", 8)]
        [InlineData("a2-highgpu-1g", "a100-40gb", 1)]
        [InlineData("a2-ultragpu-8g", "a100-80gb", 8)]
        [InlineData("g2-standard-4", "l4", 1)]
        [InlineData("Standard_ND96isr_H100_v5", "h100-sxm", 8)]
        [InlineData("Standard_ND96asr_v4", "a100-40gb", 8)]
        [InlineData("Standard_NC24ads_A100_v4", "a100-80gb", 1)]
        [InlineData("ml.p5.48xlarge", "h100-sxm", 8)]
        [InlineData("ml.g5.xlarge", "a10g", 1)]
        [InlineData("ml.g5.12xlarge", "a10g", 4)]
        [InlineData("ml.p4d.24xlarge", "a100-40gb", 8)]
        [InlineData("ml.inf2.xlarge", "inferentia2", 1)]
        public void Required_instance_types_are_present_with_prices(string name, string accelerator, int count)
        {
            var instance = Catalog.FindInstance(name);

            Assert.NotNull(instance);
            Assert.Equal(accelerator, instance!.Accelerator);
            Assert.Equal(count, instance.AcceleratorCount);
            Assert.True(instance.OnDemandUsdPerHour > 0);
            Assert.False(string.IsNullOrWhiteSpace(instance.Source));
            Assert.False(string.IsNullOrWhiteSpace(instance.Date));
        }

        [Fact]
        public void Catalog_covers_three_providers_with_at_least_25_instance_types()
        {
            Assert.True(Catalog.Instances.Count >= 25);
            Assert.Contains(Catalog.Instances, i => i.Provider == "aws");
            Assert.Contains(Catalog.Instances, i => i.Provider == "gcp");
            Assert.Contains(Catalog.Instances, i => i.Provider == "azure");
            Assert.All(Catalog.Instances.Where(i => i.SpotUsdPerHour is not null), i => Assert.True(i.SpotUsdPerHour < i.OnDemandUsdPerHour));
        }

        [Theory]
        [InlineData("llama-2-7b")]
        [InlineData("llama-2-13b")]
        [InlineData("llama-2-70b")]
        [InlineData("llama-3-8b")]
        [InlineData("llama-3-70b")]
        [InlineData("llama-3.1-8b")]
        [InlineData("llama-3.1-70b")]
        [InlineData("llama-3.1-405b")]
        [InlineData("llama-3.3-70b")]
        [InlineData("mistral-7b")]
        [InlineData("mixtral-8x7b")]
        [InlineData("qwen2.5-7b")]
        [InlineData("qwen2.5-72b")]
        [InlineData("falcon-40b")]
        [InlineData("gpt-3-175b")]
        public void Required_models_are_present(string name)
        {
            var model = Catalog.FindModel(name);

            Assert.NotNull(model);
            Assert.True(model!.Layers > 0 && model.KvHeads > 0 && model.HeadDim > 0 && model.ContextLength > 0);
            Assert.False(string.IsNullOrWhiteSpace(model.Source));
        }

        [Fact]
        public void Mixtral_separates_active_from_total_parameters()
        {
            var mixtral = Catalog.FindModel("mixtral-8x7b")!;

            Assert.Equal(46.7e9, mixtral.Parameters);
            Assert.Equal(12.9e9, mixtral.ActiveParameters);
        }

        [Fact]
        public void Hugging_face_ids_resolve_to_models() =>
            Assert.Equal("llama-3.1-70b", Catalog.FindModel("meta-llama/Llama-3.1-70B-Instruct")?.Name);

        [Fact]
        public void Override_with_the_same_name_replaces_the_entry()
        {
            const string Yaml = """
                instances:
                  - name: p5.48xlarge
                    provider: aws
                    accelerator: h100
                    acceleratorCount: 8
                    onDemandUsdPerHour: 40.0
                    spotUsdPerHour: null
                    source: our negotiated price
                    date: 2026-01
                """;

            var merged = Catalog.WithOverrides(instances: new StringReader(Yaml), instancesFile: "ours.yaml");

            var p5 = merged.FindInstance("p5.48xlarge")!;
            Assert.Equal(40.0, p5.OnDemandUsdPerHour);
            Assert.Null(p5.SpotUsdPerHour);
            Assert.Equal("h100-sxm", p5.Accelerator);
            Assert.Equal(Catalog.Instances.Count, merged.Instances.Count);
            Assert.Equal(55.04, Catalog.FindInstance("p5.48xlarge")!.OnDemandUsdPerHour);
        }

        [Fact]
        public void Override_can_add_a_model()
        {
            const string Yaml = """
                models:
                  - name: our-model-13b
                    parameters: 13e9
                    layers: 40
                    hiddenSize: 5120
                    attentionHeads: 40
                    kvHeads: 8
                    headDim: 128
                    contextLength: 16384
                    source: internal
                    date: 2026-02
                """;

            var merged = Catalog.WithOverrides(models: new StringReader(Yaml));

            Assert.NotNull(merged.FindModel("our-model-13b"));
            Assert.NotNull(merged.FindModel("llama-3.1-8b"));
        }

        [Theory]
        [InlineData("models:\n  - name: x\n    parameters: -5\n", 3, "greater than zero")]
        [InlineData("models:\n  - name: x\n    parameters: lots\n", 3, "must be a number")]
        [InlineData("models:\n  - name: x\n    parameters: 1e9\n    layers: 2\n    hiddenSize: 8\n    attentionHeads: 1\n    kvHeads: 1\n    headDim: 8\n    contextLength: 8\n    source: s\n    date: d\n    colour: red\n", 12, "unknown key 'colour'")]
        [InlineData("models:\n  - name: x\n    layers: 2\n", 2, "missing required key 'parameters'")]
        [InlineData("models: [\n", 2, "not valid YAML")]
        [InlineData("modles: []\n", 1, "missing top-level key 'models'")]
        public void Bad_data_names_file_and_line(string yaml, int line, string message)
        {
            var error = Assert.Throws<CatalogFormatException>(() => Catalog.WithOverrides(models: new StringReader(yaml), modelsFile: "custom-models.yaml"));

            Assert.Equal("custom-models.yaml", error.File);
            Assert.Equal(line, error.Line);
            Assert.Contains(message, error.Message);
            Assert.StartsWith($"custom-models.yaml:{line}:", error.Message);
        }

        [Fact]
        public void Instance_with_unknown_accelerator_is_an_error_at_its_line()
        {
            const string Yaml = "instances:\n  - name: x1\n    provider: aws\n    accelerator: h900\n    acceleratorCount: 1\n    onDemandUsdPerHour: 1\n    source: s\n    date: d\n";

            var error = Assert.Throws<CatalogFormatException>(() => Catalog.WithOverrides(instances: new StringReader(Yaml), instancesFile: "mine.yaml"));

            Assert.Equal("mine.yaml", error.File);
            Assert.Equal(2, error.Line);
            Assert.Contains("h900", error.Message);
        }

        [Fact]
        public void Load_builds_a_catalog_from_three_files()
        {
            const string Accelerators = "accelerators:\n  - name: chip\n    memoryGiB: 10\n    memoryBandwidthGBps: 100\n    tflops: { bf16: 50 }\n    source: s\n    date: d\n";
            const string Instances = "instances:\n  - name: box\n    provider: aws\n    accelerator: chip\n    acceleratorCount: 2\n    onDemandUsdPerHour: 3\n    source: s\n    date: d\n";
            const string Models = "models: []\n";

            var catalog = SizingCatalog.Load(new StringReader(Accelerators), new StringReader(Instances), new StringReader(Models));

            Assert.Single(catalog.Accelerators);
            Assert.Equal("chip", catalog.FindInstance("box")!.Accelerator);
            Assert.Empty(catalog.Models);
        }

        [Fact]
        public void Override_alias_wins_over_a_built_in_alias()
        {
            const string Yaml = "accelerators:\n  - name: h100-nvl\n    aliases: [h100]\n    memoryGiB: 94\n    memoryBandwidthGBps: 3900\n    tflops: { bf16: 835, fp8: 1670 }\n    source: s\n    date: d\n";

            var merged = Catalog.WithOverrides(accelerators: new StringReader(Yaml));

            Assert.Equal("h100-nvl", merged.FindAccelerator("h100")!.Name);
            Assert.Equal("h100-sxm", merged.FindAccelerator("h100-sxm")!.Name);
            Assert.Equal("h100-sxm", Catalog.FindAccelerator("h100")!.Name);
        }

        [Fact]
        public void Alias_that_shadows_another_name_is_an_error()
        {
            const string Yaml = "accelerators:\n  - name: chip\n    aliases: [l4]\n    memoryGiB: 1\n    memoryBandwidthGBps: 1\n    tflops: { bf16: 1 }\n    source: s\n    date: d\n";

            var error = Assert.Throws<CatalogFormatException>(() => Catalog.WithOverrides(accelerators: new StringReader(Yaml), acceleratorsFile: "acc.yaml"));

            Assert.Contains("alias 'l4'", error.Message);
        }

        [Fact]
        public void Default_catalog_is_loaded_once() => Assert.Same(SizingCatalog.Default, SizingCatalog.Default);
    }
}
