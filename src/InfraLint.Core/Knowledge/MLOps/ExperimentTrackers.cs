using System;
using System.Collections.Generic;
using System.Linq;

namespace InfraLint.Core.Knowledge
{
    /// <summary>
    /// Experiment trackers and model registries InfraLint recognises a training job being wired to: by the
    /// environment the tracker's client reads, by the names of the secrets or config maps the environment
    /// comes from, or by a launcher argument that names the tracker (<c>--report_to wandb</c>).
    /// </summary>
    public static class ExperimentTrackers
    {
        /// <summary>Environment-variable prefixes read by the trackers' clients.</summary>
        private static readonly (string Prefix, string Tool)[] EnvPrefixes =
        {
            ("MLFLOW_", "MLflow"),
            ("WANDB_", "Weights & Biases"),
            ("NEPTUNE_", "Neptune"),
            ("COMET_", "Comet"),
            ("CLEARML_", "ClearML"),
            ("TRAINS_", "ClearML"),
            ("AIM_REPO", "Aim"),
            ("DVC_STUDIO_", "DVC Studio"),
        };

        /// <summary>Words that name a tracker in arguments, scripts and secret names.</summary>
        private static readonly (string Word, string Tool)[] Words =
        {
            ("mlflow", "MLflow"),
            ("wandb", "Weights & Biases"),
            ("neptune", "Neptune"),
            ("comet_ml", "Comet"),
            ("comet-ml", "Comet"),
            ("clearml", "ClearML"),
            ("dvclive", "DVC"),
            ("sagemaker-experiments", "SageMaker Experiments"),
        };

        public static string? ToolForEnvironment(IEnumerable<string> names)
        {
            foreach (var name in names.Select(n => n.ToUpperInvariant()))
                foreach (var (prefix, tool) in EnvPrefixes)
                    if (name.StartsWith(prefix, StringComparison.Ordinal)) return tool;
            return null;
        }

        /// <summary>The tracker a command line, script or secret name mentions; <c>tensorboard</c> alone is a log directory, not a tracker.</summary>
        public static string? ToolForWords(IEnumerable<string> words)
        {
            foreach (var word in words.Select(w => w.ToLowerInvariant()))
                foreach (var (name, tool) in Words)
                    if (word.IndexOf(name, StringComparison.Ordinal) >= 0) return tool;
            return null;
        }
    }
}
