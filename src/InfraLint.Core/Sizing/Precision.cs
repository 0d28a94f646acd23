namespace InfraLint.Core.Sizing
{
    /// <summary>Numeric format of model weights (or of the KV cache, or of the matrix units doing the math).</summary>
    public enum Precision
    {
        Fp32,
        Bf16,
        Fp16,
        Fp8,
        Int8,
        Int4,
    }
}
