using System.Globalization;

namespace InfraLint.Cli.Commands;

/// <summary>Reads numbers the way people type them for model sizes: <c>70.6e9</c>, <c>70B</c>, <c>15T</c>, <c>1_000</c>, <c>30%</c>.</summary>
internal static class CliNumber
{
    public static bool TryParse(string text, out double value)
    {
        value = 0;
        var s = text.Trim().Replace("_", string.Empty, StringComparison.Ordinal).Replace(",", string.Empty, StringComparison.Ordinal);
        if (s.Length == 0) return false;
        var multiplier = 1.0;
        switch (char.ToUpperInvariant(s[^1]))
        {
            case 'K': multiplier = 1e3; break;
            case 'M': multiplier = 1e6; break;
            case 'B': case 'G': multiplier = 1e9; break;
            case 'T': multiplier = 1e12; break;
            case '%': multiplier = 0.01; break;
        }

        if (multiplier != 1.0) s = s[..^1];
        if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)) return false;
        if (double.IsNaN(parsed) || double.IsInfinity(parsed)) return false;
        value = parsed * multiplier;
        return true;
    }
}
