using static System.FormattableString;
using System.Globalization;
using InfraLint.Core.Sizing.Catalog;

namespace InfraLint.Core.Sizing
{
    /// <summary>Turns "a model name and/or a parameter count" into a <see cref="ModelSpec"/>.</summary>
    internal static class ModelResolver
    {
        public static ModelSpec Resolve(SizingCatalog catalog, string? name, double? parameters, double? activeParameters, StepLog steps)
        {
            if (parameters is double p && !(p > 0))
                throw new SizingInputException($"The parameter count must be positive (got {p.ToString(CultureInfo.InvariantCulture)}).");
            if (activeParameters is double a && (!(a > 0) || (parameters is double total && a > total)))
                throw new SizingInputException("Active parameters must be positive and not exceed the total parameters.");

            var hasName = !string.IsNullOrWhiteSpace(name);
            var known = hasName ? catalog.FindModel(name!) : null;
            if (known is not null)
            {
                var spec = known;
                if (parameters is double given && given != known.Parameters)
                {
                    // The user knows their checkpoint; keep the catalog's shape, scale the counts.
                    var ratio = given / known.Parameters;
                    spec = known with { Parameters = given, ActiveParameters = activeParameters ?? known.ActiveParameters * ratio };
                }
                else if (activeParameters is double active)
                {
                    spec = known with { ActiveParameters = active };
                }

                steps.Note("model", spec.Name, $"{spec.DisplayName} from the model catalog ({spec.Source}).");
                return spec;
            }

            if (parameters is double count)
            {
                var label = hasName ? name!.Trim() : "custom-model";
                var estimate = ModelSpec.Estimate(label, count, activeParameters);
                steps.Note("model", label,
                    (hasName ? $"'{label}' is not in the model catalog; " : string.Empty)
                    + Invariant($"shape estimated from {count:0.###e0} parameters: {estimate.Layers} layers, hidden {estimate.HiddenSize}, ")
                    + $"{estimate.KvHeads} KV heads × head dim {estimate.HeadDim} (Llama-shaped guess).");
                return estimate;
            }

            throw new SizingInputException(hasName
                ? $"Unknown model '{name!.Trim()}'. Give its parameter count (--parameters) or use a catalog name such as llama-3.1-70b."
                : "Give a model name or a parameter count.");
        }
    }
}
