using System;
using System.Linq;
using System.Text.RegularExpressions;

namespace InfraLint.Core.Knowledge
{
    /// <summary>What a data-source URI says about itself: whether it is a stream, and which version it is pinned to.</summary>
    public static class DataSources
    {
        /// <summary>URI schemes of message brokers and streaming services: a stage reading one is a stream consumer.</summary>
        private static readonly string[] StreamSchemes =
        {
            "kafka", "kafka+ssl", "kinesis", "pubsub", "gcppubsub", "pulsar", "pulsar+ssl", "nats", "eventhub", "eventhubs", "mqtt", "mqtts", "amqp", "amqps", "rabbitmq",
        };

        /// <summary>
        /// Query parameters that pin a version: S3 <c>versionId</c>, GCS <c>generation</c>, DVC and Hugging Face
        /// <c>rev</c>/<c>revision</c>, Delta <c>versionAsOf</c>, Iceberg <c>snapshot-id</c>, and the generic ones.
        /// </summary>
        private static readonly string[] PinParameters =
        {
            "versionid", "version", "rev", "revision", "tag", "ref", "commit", "generation", "snapshot", "snapshot-id", "snapshotid", "versionasof",
        };

        /// <summary>A path segment named like a release: <c>v3</c>, <c>v1.2.0</c>, <c>2026-11-01</c>, <c>v2026-11-01</c>, <c>version=7</c>.</summary>
        private static readonly Regex VersionSegment = new Regex(
            @"^(v\d+([._-]\d+)*|v?\d{4}-\d{2}-\d{2}|v?\d{8}|(version|snapshot|rev)=[^/]+)$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        public static string? Scheme(string? uri)
        {
            if (string.IsNullOrWhiteSpace(uri)) return null;
            int colon = uri!.IndexOf("://", StringComparison.Ordinal);
            return colon > 0 ? uri.Substring(0, colon).ToLowerInvariant() : null;
        }

        public static bool IsStream(string? uri) => Scheme(uri) is string scheme && StreamSchemes.Contains(scheme);

        /// <summary>Schemes of object stores and dataset hubs that training data is read from.</summary>
        private static readonly string[] DatasetSchemes = { "s3", "s3a", "gs", "gcs", "az", "abfs", "abfss", "wasb", "wasbs", "hdfs", "hf" };

        /// <summary>Words in an environment variable or flag name that say it holds training data.</summary>
        private static readonly string[] DataNameWords = { "data", "corpus", "train_file", "train-file", "trainfile", "training_file", "training-file" };

        /// <summary>Words that say a location is written or holds something else (outputs, checkpoints, models, logs).</summary>
        private static readonly string[] NotDataWords =
        {
            "output", "out_dir", "out-dir", "checkpoint", "ckpt", "model", "log", "save", "cache", "result", "export", "artifact", "tokenizer", "metric", "tensorboard", "upload", "dest",
        };

        /// <summary>
        /// True when <paramref name="value"/> is a dataset location a training container reads: an object-store or
        /// hub URI (<c>s3://</c>, <c>gs://</c>, <c>abfss://</c>, <c>hdfs://</c>, <c>hf://</c>) passed under a name that says
        /// it is data (<c>TRAIN_DATA</c>, <c>DATASET_URI</c>, <c>--data_path</c>) and not an output, checkpoint or model,
        /// or a Hugging Face dataset URI under any name. Plain names (<c>--dataset wikitext</c>) are not judged.
        /// </summary>
        public static bool IsDatasetLocation(string name, string value)
        {
            string uri = value.Trim();
            string lower = uri.ToLowerInvariant();
            if (lower.StartsWith("hf://datasets/", StringComparison.Ordinal) || lower.StartsWith("https://huggingface.co/datasets/", StringComparison.Ordinal))
                return true;
            if (Scheme(uri) is not string scheme || !DatasetSchemes.Contains(scheme) || uri.Length <= scheme.Length + 3) return false;
            if (uri.IndexOfAny(new[] { '$', '{', '}', ' ' }) >= 0) return false; // a template or a command line, not one location
            string key = name.ToLowerInvariant();
            return DataNameWords.Any(w => key.Contains(w)) && !NotDataWords.Any(w => key.Contains(w));
        }

        /// <summary>A name that declares a dataset's version next to its location (<c>DATASET_VERSION</c>, <c>--dataset-revision</c>).</summary>
        public static bool NamesDatasetVersion(string name)
        {
            string key = name.ToLowerInvariant();
            return (key.Contains("data") || key.Contains("corpus") || key == "--revision") && (key.Contains("version") || key.Contains("revision") || key.Contains("commit") || key.Contains("snapshot"));
        }

        /// <summary>
        /// The version a URI pins, or null: a pinning query parameter (<c>?versionId=…</c>), a GCS generation
        /// (<c>#1712…</c>), a revision after <c>@</c> (<c>hf://datasets/org/name@v1.0</c>), or a release-named
        /// path segment (<c>s3://datasets/clicks/v3/</c>, by convention: the prefix is treated as immutable).
        /// </summary>
        public static string? VersionPin(string? uri)
        {
            if (string.IsNullOrWhiteSpace(uri)) return null;
            string text = uri!.Trim();
            int hash = text.IndexOf('#');
            if (hash >= 0 && hash + 1 < text.Length && text.Substring(hash + 1).All(char.IsDigit)) return "generation " + text.Substring(hash + 1);
            if (hash >= 0) text = text.Substring(0, hash);

            int query = text.IndexOf('?');
            if (query >= 0)
            {
                foreach (var pair in text.Substring(query + 1).Split('&'))
                {
                    int eq = pair.IndexOf('=');
                    if (eq <= 0 || eq == pair.Length - 1) continue;
                    if (PinParameters.Contains(pair.Substring(0, eq).ToLowerInvariant())) return pair;
                }
                text = text.Substring(0, query);
            }

            string scheme = Scheme(text) ?? string.Empty;
            string path = scheme.Length > 0 ? text.Substring(scheme.Length + 3) : text;
            bool web = scheme == "http" || scheme == "https";
            foreach (var segment in path.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries))
            {
                int at = segment.IndexOf('@');
                if (!web && at > 0 && at < segment.Length - 1) return segment.Substring(at + 1);
                if (VersionSegment.IsMatch(segment)) return segment;
            }
            return null;
        }
    }
}
