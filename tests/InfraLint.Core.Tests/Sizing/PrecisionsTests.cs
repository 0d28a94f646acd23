using InfraLint.Core.Sizing;

namespace InfraLint.Core.Tests.Sizing
{
    public sealed class PrecisionsTests
    {
        [Theory]
        [InlineData("fp32", Precision.Fp32, 4.0)]
        [InlineData("BF16", Precision.Bf16, 2.0)]
        [InlineData("float16", Precision.Fp16, 2.0)]
        [InlineData("fp8", Precision.Fp8, 1.0)]
        [InlineData("int8", Precision.Int8, 1.0)]
        [InlineData("awq", Precision.Int4, 0.5)]
        public void Parses_spellings_and_knows_sizes(string text, Precision expected, double bytes)
        {
            Assert.True(Precisions.TryParse(text, out var precision));
            Assert.Equal(expected, precision);
            Assert.Equal(bytes, Precisions.BytesPerElement(precision));
        }

        [Fact]
        public void Unknown_precision_is_an_input_error() =>
            Assert.Contains("fp6", Assert.Throws<SizingInputException>(() => Precisions.Parse("fp6")).Message);

        [Theory]
        [InlineData(Precision.Fp8, Precision.Bf16)]
        [InlineData(Precision.Int4, Precision.Bf16)]
        [InlineData(Precision.Fp16, Precision.Fp16)]
        [InlineData(Precision.Fp32, Precision.Fp32)]
        public void Kv_cache_defaults_to_sixteen_bits_for_quantised_weights(Precision weights, Precision kv) =>
            Assert.Equal(kv, Precisions.DefaultKvCache(weights));
    }
}
