using System;
using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Facts;
using InfraLint.Core.Locations;
using InfraLint.Core.Tree;
using InfraLint.Platforms.Kubernetes;

namespace InfraLint.Platforms.WorkloadSpec
{
    /// <summary>
    /// Reads InfraLint's own AIWorkload documents (WORKLOAD-SPEC.md) and the equivalent
    /// <c>infralint.dev/*</c> annotations on a resource into <see cref="WorkloadProfile"/> facts.
    /// </summary>
    public static class WorkloadSpecMapper
    {
        public const string Kind = "AIWorkload";

        /// <summary>Annotation keys and the spec path each one stands for.</summary>
        private static readonly string[] AnnotationKeys =
        {
            "model", "parameters", "precision", "peak-rps", "input-tokens", "output-tokens", "concurrency",
            "p99-latency-ms", "ttft-ms", "role", "critical", "training-tokens", "deadline-hours", "drift-monitor", "dataset", "dataset-version",
            "p95-latency-ms", "data-quality-monitor", "tracking",
        };

        private static readonly Dictionary<string, StageType> StageTypes = new Dictionary<string, StageType>(StringComparer.OrdinalIgnoreCase)
        {
            ["ingest"] = StageType.Ingest,
            ["transform"] = StageType.Transform,
            ["validate"] = StageType.Validate,
            ["train"] = StageType.Train,
            ["stream"] = StageType.Stream,
        };

        private static readonly string[] StageKeys =
        {
            "name", "type", "source", "version", "sink", "schema", "schemaCheck", "qualityChecks", "feedsTraining", "deadLetter",
        };

        private static readonly string[] KnownSpecKeys =
        {
            "role", "model", "traffic", "slo", "training", "monitoring", "data", "pipeline", "tracking", "targets",
        };

        private static readonly string[] SloKeys = { "p99LatencyMs", "p95LatencyMs", "timeToFirstTokenMs" };

        private static readonly string[] MonitoringKeys = { "drift", "dataQuality", "metrics", "alerts" };

        private static readonly string[] DataKeys = { "dataset", "version" };

        private static readonly string[] TrackingKeys = { "tool", "uri", "experiment", "project" };

        private static readonly string[] PipelineKeys = { "stages" };

        /// <summary>
        /// The keys each closed mapping of a spec document accepts, by its path (<c>[]</c> is an item of a list); any
        /// other key there is a problem. The other mappings (model, traffic, training, targets) are not checked. The
        /// JSON Schema in docs/schemas is tested against this table.
        /// </summary>
        public static IReadOnlyDictionary<string, IReadOnlyList<string>> KnownKeys { get; } = new Dictionary<string, IReadOnlyList<string>>
        {
            ["spec"] = KnownSpecKeys,
            ["spec.slo"] = SloKeys,
            ["spec.monitoring"] = MonitoringKeys,
            ["spec.data"] = DataKeys,
            ["spec.tracking"] = TrackingKeys,
            ["spec.pipeline"] = PipelineKeys,
            ["spec.pipeline.stages[]"] = StageKeys,
        };

        /// <summary>The values <c>spec.pipeline.stages[].type</c> accepts (in any case).</summary>
        public static IReadOnlyCollection<string> StageTypeNames => StageTypes.Keys;

        public static bool IsSpec(TreeMapping root) =>
            root.Str("kind") == Kind && root.Str("apiVersion")?.StartsWith("infralint.dev/", StringComparison.Ordinal) == true;

        public static IEnumerable<object> Read(TreeMapping root)
        {
            var metadata = root.Map("metadata");
            var nameNode = metadata.Scalar("name");
            string name = TreeValues.Text(nameNode) ?? "(unnamed)";
            string ns = metadata.Str("namespace") ?? KubernetesMapper.DefaultNamespace;
            var span = nameNode is not null ? nameNode.Span : root.HeadSpan;
            var spec = root.Map("spec");
            var values = new ProfileValues(span);
            var profile = new WorkloadProfile(Core.Facts.SourceFormat.WorkloadSpec, Kind, name, ns, span);

            foreach (var (key, keyNode, _) in spec.Entries())
                if (Array.IndexOf(KnownSpecKeys, key) < 0)
                    values.Problems.Add(new ConfigProblem(keyNode.Span, $"Unknown key 'spec.{key}' in AIWorkload; expected one of {string.Join(", ", KnownSpecKeys)}."));

            var model = spec.Map("model");
            var traffic = spec.Map("traffic");
            var slo = values.Section(spec, "slo", "spec.slo", SloKeys);
            var training = spec.Map("training");
            var monitoring = values.Section(spec, "monitoring", "spec.monitoring", MonitoringKeys);
            var data = values.Section(spec, "data", "spec.data", DataKeys);
            profile.Role = values.Role(spec, "role", "spec.role");
            profile.ModelName = values.Text(model, "name", "spec.model.name");
            profile.Parameters = values.Positive(model, "parameters", "spec.model.parameters");
            profile.Precision = values.Precision(model, "precision", "spec.model.precision");
            profile.PeakRequestsPerSecond = values.Positive(traffic, "peakRequestsPerSecond", "spec.traffic.peakRequestsPerSecond");
            profile.InputTokens = values.Positive(traffic, "inputTokens", "spec.traffic.inputTokens");
            profile.OutputTokens = values.Positive(traffic, "outputTokens", "spec.traffic.outputTokens");
            profile.Concurrency = values.Positive(traffic, "concurrency", "spec.traffic.concurrency");
            profile.P99LatencyMs = values.Positive(slo, "p99LatencyMs", "spec.slo.p99LatencyMs");
            profile.P95LatencyMs = values.Positive(slo, "p95LatencyMs", "spec.slo.p95LatencyMs");
            profile.TimeToFirstTokenMs = values.Positive(slo, "timeToFirstTokenMs", "spec.slo.timeToFirstTokenMs");
            profile.SloSpan = spec?.KeyNode("slo")?.Span;
            profile.TrainingTokens = values.Positive(training, "tokens", "spec.training.tokens");
            profile.DeadlineHours = values.Positive(training, "deadlineHours", "spec.training.deadlineHours");
            profile.TrainingSchedule = values.Text(training, "schedule", "spec.training.schedule");
            profile.Critical = values.Flag(training, "critical", "spec.training.critical");
            profile.DriftMonitor = values.Text(monitoring, "drift", "spec.monitoring.drift");
            profile.DataQualityMonitor = values.Text(monitoring, "dataQuality", "spec.monitoring.dataQuality");
            profile.MetricsBackend = values.Text(monitoring, "metrics", "spec.monitoring.metrics");
            profile.Alerts = values.Strings(monitoring, "alerts", "spec.monitoring.alerts");
            profile.MonitoringSpan = spec?.KeyNode("monitoring")?.Span;
            profile.Dataset = values.Text(data, "dataset", "spec.data.dataset");
            profile.DatasetVersion = values.Text(data, "version", "spec.data.version");
            profile.Tracking = Tracking(spec, values);
            profile.Stages = Stages(profile, spec, values);

            var targets = new List<ProfileTarget>();
            foreach (var item in spec.Seq("targets").ItemsOrEmpty())
            {
                if (item is not TreeMapping t || t.Scalar("name") is not { } tn || TreeValues.Text(tn) is not string targetName)
                {
                    values.Problems.Add(new ConfigProblem(item.HeadSpan, "Each entry of spec.targets needs a name (and usually kind and namespace)."));
                    continue;
                }
                targets.Add(new ProfileTarget(profile, t.Str("kind") ?? string.Empty, targetName, t.Str("namespace") ?? ns, tn.Span)
                {
                    NamespaceGiven = t.Str("namespace") is not null,
                });
            }
            profile.Targets = targets;

            yield return profile;
            foreach (var target in targets) yield return target;
            foreach (var stage in profile.Stages) yield return stage;
            foreach (var problem in values.Problems) yield return problem;
        }

        /// <summary><c>tracking: mlflow</c>, or <c>tracking: {tool: mlflow, uri: …, experiment: …}</c>.</summary>
        private static Located<string?> Tracking(TreeMapping? spec, ProfileValues values)
        {
            if (spec?.Get("tracking") is TreeScalar) return values.Text(spec, "tracking", "spec.tracking");
            var tracking = values.Section(spec, "tracking", "spec.tracking", TrackingKeys);
            if (tracking is not null && tracking.Get("tool") is null)
                values.Problems.Add(new ConfigProblem(spec!.KeyNode("tracking")!.Span, "'spec.tracking' needs a tool (mlflow, wandb, neptune, comet, clearml, sagemaker-experiments…) or 'none'."));
            return values.Text(tracking, "tool", "spec.tracking.tool");
        }

        private static IReadOnlyList<PipelineStage> Stages(WorkloadProfile profile, TreeMapping? spec, ProfileValues values)
        {
            var pipeline = values.Section(spec, "pipeline", "spec.pipeline", PipelineKeys);
            var stages = new List<PipelineStage>();
            if (pipeline is null) return stages;
            var list = pipeline.Get("stages");
            if (list is not TreeSequence sequence)
            {
                var at = list is null ? spec!.KeyNode("pipeline")!.Span : list.HeadSpan;
                values.Problems.Add(new ConfigProblem(at, "'spec.pipeline.stages' must be a list of stages, each with a name and a type."));
                return stages;
            }
            var names = new HashSet<string>(StringComparer.Ordinal);
            int i = 0;
            foreach (var item in sequence.Items)
            {
                string path = $"spec.pipeline.stages[{i}]";
                if (item is not TreeMapping s)
                {
                    values.Problems.Add(new ConfigProblem(item.HeadSpan, $"'{path}' must be a mapping with a name and a type."));
                    i++;
                    continue;
                }
                values.Check(s, path, StageKeys);
                var nameNode = s.Scalar("name");
                Located<string> name;
                if (nameNode is not null && TreeValues.Text(nameNode) is string n)
                {
                    name = Located<string>.Present(n, nameNode.Span, path + ".name");
                    if (!names.Add(n)) values.Problems.Add(new ConfigProblem(name.Span, $"Stage name '{n}' is used twice in spec.pipeline.stages."));
                }
                else
                {
                    name = Located<string>.Missing(s.HeadSpan, path + ".name");
                    values.Problems.Add(new ConfigProblem(name.Span, $"'{path}' needs a name."));
                    n = $"stages[{i}]";
                    name = new Located<string>(n, false, name.Span, name.Path, null);
                }
                var stage = new PipelineStage(profile, i, name, s.HeadSpan, path)
                {
                    Type = values.OneOf(s, "type", path + ".type", StageTypes, StageType.Unknown),
                    Source = values.Text(s, "source", path + ".source"),
                    Version = values.Text(s, "version", path + ".version"),
                    Schema = values.Text(s, "schema", path + ".schema"),
                    SchemaCheck = values.Text(s, "schemaCheck", path + ".schemaCheck"),
                    QualityChecks = values.Strings(s, "qualityChecks", path + ".qualityChecks"),
                    FeedsTraining = values.Flag(s, "feedsTraining", path + ".feedsTraining"),
                    DeadLetter = values.Text(s, "deadLetter", path + ".deadLetter"),
                };
                if (!stage.Type.IsPresent && s.Get("type") is null)
                    values.Problems.Add(new ConfigProblem(name.Span, $"'{path}' needs a type: {string.Join(", ", StageTypes.Keys)}."));
                stages.Add(stage);
                i++;
            }
            return stages;
        }

        /// <summary>
        /// A profile from <c>infralint.dev/*</c> annotations on the workload itself, or nothing when it has
        /// none of them. Annotation values are strings ("40"), so they are validated like spec values.
        /// </summary>
        public static IEnumerable<object> FromAnnotations(ComputeWorkload workload, TreeNode? annotationsNode)
        {
            // Annotations computed elsewhere (a C# variable, a key from config) may hold any profile value: every
            // attribute the file does not show is then unknown, and no rule judges its absence.
            bool opaque = TreeFacts.Opaque(annotationsNode);
            var annotations = annotationsNode as TreeMapping;
            if (!opaque && (annotations is null || !AnnotationKeys.Any(k => annotations.Get("infralint.dev/" + k) is not null))) yield break;
            var values = new ProfileValues(workload.Span, opaque ? annotationsNode!.Span : (SourceSpan?)null);
            const string p = "metadata.annotations.infralint.dev/";
            // Messages name each attribute as it is written here: by its annotation (or tag) key.
            var profile = new WorkloadProfile(workload.Format, "annotations", workload.Name, workload.Namespace, workload.Span)
            {
                FromAnnotations = true,
            };
            profile.Role = values.Role(annotations, "infralint.dev/role", p + "role").Named("infralint.dev/role");
            profile.ModelName = values.Text(annotations, "infralint.dev/model", p + "model").Named("infralint.dev/model");
            profile.Parameters = values.Positive(annotations, "infralint.dev/parameters", p + "parameters").Named("infralint.dev/parameters");
            profile.Precision = values.Precision(annotations, "infralint.dev/precision", p + "precision").Named("infralint.dev/precision");
            profile.PeakRequestsPerSecond = values.Positive(annotations, "infralint.dev/peak-rps", p + "peak-rps").Named("infralint.dev/peak-rps");
            profile.InputTokens = values.Positive(annotations, "infralint.dev/input-tokens", p + "input-tokens").Named("infralint.dev/input-tokens");
            profile.OutputTokens = values.Positive(annotations, "infralint.dev/output-tokens", p + "output-tokens").Named("infralint.dev/output-tokens");
            profile.Concurrency = values.Positive(annotations, "infralint.dev/concurrency", p + "concurrency").Named("infralint.dev/concurrency");
            profile.P99LatencyMs = values.Positive(annotations, "infralint.dev/p99-latency-ms", p + "p99-latency-ms").Named("infralint.dev/p99-latency-ms");
            profile.TimeToFirstTokenMs = values.Positive(annotations, "infralint.dev/ttft-ms", p + "ttft-ms").Named("infralint.dev/ttft-ms");
            profile.TrainingTokens = values.Positive(annotations, "infralint.dev/training-tokens", p + "training-tokens").Named("infralint.dev/training-tokens");
            profile.DeadlineHours = values.Positive(annotations, "infralint.dev/deadline-hours", p + "deadline-hours").Named("infralint.dev/deadline-hours");
            profile.TrainingSchedule = values.Text(null, "schedule", p + "schedule");
            profile.Critical = values.Flag(annotations, "infralint.dev/critical", p + "critical").Named("infralint.dev/critical");
            profile.DriftMonitor = values.Text(annotations, "infralint.dev/drift-monitor", p + "drift-monitor").Named("infralint.dev/drift-monitor");
            profile.MetricsBackend = values.Text(null, "metrics", p + "metrics");
            profile.Dataset = values.Text(annotations, "infralint.dev/dataset", p + "dataset").Named("infralint.dev/dataset");
            profile.DatasetVersion = values.Text(annotations, "infralint.dev/dataset-version", p + "dataset-version").Named("infralint.dev/dataset-version");
            profile.P95LatencyMs = values.Positive(annotations, "infralint.dev/p95-latency-ms", p + "p95-latency-ms").Named("infralint.dev/p95-latency-ms");
            profile.DataQualityMonitor = values.Text(annotations, "infralint.dev/data-quality-monitor", p + "data-quality-monitor").Named("infralint.dev/data-quality-monitor");
            profile.Tracking = values.Text(annotations, "infralint.dev/tracking", p + "tracking").Named("infralint.dev/tracking");
            profile.Targets = new[] { new ProfileTarget(profile, workload.Kind, workload.Name, workload.Namespace, workload.Span) };

            yield return profile;
            foreach (var target in profile.Targets) yield return target;
            foreach (var problem in values.Problems) yield return problem;
        }
    }
}
