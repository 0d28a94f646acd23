using System;
using System.Collections.Generic;
using System.Linq;

namespace InfraLint.Core.Knowledge
{
    /// <summary>
    /// Model-monitoring tools InfraLint recognises in a deployment: by the image a monitoring service runs,
    /// or by the environment a model server is given to report to one. Images are matched on repository
    /// names the projects publish, never on substrings of tags.
    /// </summary>
    public static class DriftMonitors
    {
        /// <summary>Repository suffixes of drift / data-quality monitoring services.</summary>
        private static readonly (string Suffix, string Tool)[] Images =
        {
            ("evidently/evidently-service", "Evidently"),
            ("evidentlyai/evidently-service", "Evidently"),
            ("evidently/evidently-ui", "Evidently"),
            ("nannyml/nannyml", "NannyML"),
            ("nannyml/nannyml-cloud", "NannyML"),
            ("whylabs/whylogs", "WhyLabs"),
            ("whylabs/whylogs-container", "WhyLabs"),
            ("arizeai/phoenix", "Arize Phoenix"),
            ("seldonio/alibi-detect-server", "Seldon Alibi Detect"),
            ("seldonio/alibi-detect", "Seldon Alibi Detect"),
            ("fiddlerlabs/fiddler", "Fiddler"),
        };

        /// <summary>Environment variables with which a model server reports its inputs and outputs to a monitoring service.</summary>
        private static readonly (string Prefix, string Tool)[] EnvPrefixes =
        {
            ("WHYLABS_", "WhyLabs"),
            ("ARIZE_", "Arize"),
            ("EVIDENTLY_", "Evidently"),
            ("NANNYML_", "NannyML"),
            ("FIDDLER_", "Fiddler"),
        };

        /// <summary>The monitoring tool an image runs, or null.</summary>
        public static string? ToolForImage(string? image)
        {
            if (string.IsNullOrWhiteSpace(image) || ImageReference.IsTemplated(image!)) return null;
            string repo = ImageReference.Parse(image!).Repository.ToLowerInvariant();
            foreach (var (suffix, tool) in Images)
                if (ImageReference.RepositoryIs(repo, suffix)) return tool;
            return null;
        }

        /// <summary>The monitoring tool the environment names (<c>WHYLABS_API_KEY</c>, <c>ARIZE_SPACE_KEY</c>), or null.</summary>
        public static string? ToolForEnvironment(IEnumerable<string> names)
        {
            foreach (var name in names.Select(n => n.ToUpperInvariant()))
                foreach (var (prefix, tool) in EnvPrefixes)
                    if (name.StartsWith(prefix, StringComparison.Ordinal)) return tool;
            return null;
        }
    }
}
