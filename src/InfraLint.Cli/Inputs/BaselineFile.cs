using System.Text.Json;
using InfraLint.Cli.Files;
using InfraLint.Cli.Output;
using InfraLint.Core.Scanning;

namespace InfraLint.Cli.Inputs;

/// <summary>
/// The fingerprints of a previous report: <see cref="Current"/> (<c>infralint/v2</c>, repository-relative) and
/// <see cref="Legacy"/> (<c>infralint/v1</c>, relative to the folder that scan ran from), as reports before v2 wrote them.
/// </summary>
internal sealed record Baseline(IReadOnlySet<string> Current, IReadOnlySet<string> Legacy);

/// <summary>
/// A previous InfraLint report (<c>--baseline</c>, SARIF or JSON) read as the set of its fingerprints, so a pull
/// request fails only on findings it introduced. Fingerprints ignore line numbers, so moved code still matches.
/// </summary>
internal static class BaselineFile
{
    /// <summary>A report of a large monorepo is far bigger than any manifest; still bounded, so a link to a device cannot exhaust memory.</summary>
    public const long MaxBytes = 512L * 1024 * 1024;

    public static Baseline Load(CliEnvironment env, string path)
    {
        var full = env.FullPath(path);
        if (!File.Exists(full)) throw new UsageException($"baseline not found: {path}");
        try
        {
            using var document = JsonDocument.Parse(RegularFile.ReadBytes(full, MaxBytes));
            var root = document.RootElement;
            var current = new HashSet<string>(StringComparer.Ordinal);
            var legacy = new HashSet<string>(StringComparer.Ordinal);
            if (root.TryGetProperty("runs", out var runs))
            {
                foreach (var run in runs.EnumerateArray())
                    foreach (var result in run.TryGetProperty("results", out var results) ? results.EnumerateArray() : default)
                        if (result.TryGetProperty("partialFingerprints", out var partial))
                        {
                            if (partial.TryGetProperty(SarifOutput.FingerprintKey, out var value)) current.Add(value.GetString() ?? "");
                            if (partial.TryGetProperty(SarifOutput.LegacyFingerprintKey, out var old)) legacy.Add(old.GetString() ?? "");
                        }
            }
            else if (root.TryGetProperty("findings", out var findings))
            {
                // A JSON report names its fingerprints' version since v2; one without that field predates it.
                var isCurrent = root.TryGetProperty("tool", out var tool) && tool.ValueKind == JsonValueKind.Object
                    && tool.TryGetProperty("fingerprintKey", out var key) && key.ValueKind == JsonValueKind.String && key.GetString() == SarifOutput.FingerprintKey;
                foreach (var finding in findings.EnumerateArray())
                    if (finding.TryGetProperty("fingerprint", out var value))
                        (isCurrent ? current : legacy).Add(value.GetString() ?? "");
            }
            else
            {
                throw new UsageException($"baseline {path} is neither an InfraLint SARIF nor an InfraLint JSON report.");
            }
            return new Baseline(current, legacy);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or SourceUnreadableException)
        {
            throw new UsageException($"cannot read baseline {path}: {e.Message}");
        }
    }
}
