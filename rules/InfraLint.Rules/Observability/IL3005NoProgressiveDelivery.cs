using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using InfraLint.Core.Engine;
using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using InfraLint.Core.Fixes;
using NRules.Fluent.Dsl;

namespace InfraLint.Rules.Observability
{
    /// <summary>
    /// A new model version can be worse than the one it replaces in ways no test caught. Replacing every
    /// replica at once (Recreate, or a rolling update allowed to take all replicas down) puts all traffic on
    /// it, with an outage while the weights load. The fix keeps GPU capacity in mind: a rolling update with
    /// <c>maxUnavailable: 1</c> frees one replica's GPUs before the next new pod needs them, so it needs no
    /// spare accelerators; it is only offered with two or more replicas (one replica cannot be replaced
    /// progressively without spare capacity) and when the pod mounts no PersistentVolumeClaim (a
    /// ReadWriteOnce model cache is a common reason for Recreate, and a rolling update would wait on it forever).
    /// </summary>
    [Name(Id)]
    public sealed class IL3005NoProgressiveDelivery : SimpleCheck<ComputeWorkload>
    {
        public const string Id = "IL3005";

        public static readonly RuleDescriptor Descriptor = new RuleDescriptor(
            Id,
            "No progressive delivery",
            "A model server's rollout replaces all replicas at once (strategy Recreate, or a rolling update whose maxUnavailable covers every replica), so a bad model version takes all traffic, and the service is down while the new weights load.",
            Severity.Warning,
            Precision.High,
            new[] { "mlops", "deployment", "reliability", "kubernetes" },
            controls: new[]
            {
                new FrameworkControl(FrameworkControl.NistAiRmf, "MANAGE 2.4", "Mechanisms are in place and applied to supersede, disengage, or deactivate AI systems that demonstrate performance or outcomes inconsistent with intended use"),
            },
            recommended: false);

        protected override bool Applies(ComputeWorkload workload, LintSettings settings) => workload.Role == WorkloadRole.Inference && workload.RolloutStrategy != null;

        protected override IEnumerable<Finding> Judge(ComputeWorkload workload, LintSettings settings)
        {
            if (ReplacesAllAtOnce(workload)) yield return Report(workload);
        }

        private static int Replicas(ComputeWorkload workload) =>
            workload.Replicas.IsPresent && workload.Replicas.Value is int n ? n : 1;

        private static bool IsRecreate(ComputeWorkload workload) =>
            string.Equals(workload.RolloutStrategy!.Value, "Recreate", StringComparison.OrdinalIgnoreCase);

        private static bool ReplacesAllAtOnce(ComputeWorkload workload)
        {
            if (IsRecreate(workload)) return true;
            var strategy = workload.RolloutStrategy!;
            if (strategy.IsUnknown || workload.Replicas.IsUnknown) return false;
            if (strategy.IsPresent && !string.Equals(strategy.Value, "RollingUpdate", StringComparison.OrdinalIgnoreCase)) return false;
            return MaxUnavailable(workload) is int unavailable && unavailable >= Replicas(workload);
        }

        /// <summary>maxUnavailable in replicas (a percentage rounds down, as Kubernetes does); null when unset or not a number.</summary>
        private static int? MaxUnavailable(ComputeWorkload workload)
        {
            var value = workload.RolloutMaxUnavailable;
            if (value is null || !value.IsPresent || value.Value is not string text) return null;
            text = text.Trim();
            if (text.EndsWith("%", StringComparison.Ordinal))
                return int.TryParse(text.TrimEnd('%'), NumberStyles.Integer, CultureInfo.InvariantCulture, out int percent)
                    ? percent * Replicas(workload) / 100
                    : null;
            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int count) ? count : null;
        }

        private static Finding Report(ComputeWorkload workload)
        {
            bool recreate = IsRecreate(workload);
            var at = recreate ? workload.RolloutStrategy! : workload.RolloutMaxUnavailable!;
            int replicas = Replicas(workload);
            string how = recreate
                ? "uses the Recreate strategy, which stops every replica before starting the new version"
                : $"allows maxUnavailable {at.Value} of {replicas} replica{(replicas == 1 ? string.Empty : "s")}, so a rollout may take them all down at once";
            return new Finding(
                Descriptor,
                $"Inference {Wording.Of(workload)} {how}: a bad model version takes all traffic and the service is down while the weights load. {Advice(replicas)}",
                at.Span,
                Wording.PathOf(workload, at),
                workload,
                fixes: Fixes(workload, recreate, replicas),
                properties: new Dictionary<string, string>
                {
                    ["strategy"] = workload.RolloutStrategy!.IsPresent ? workload.RolloutStrategy.Value ?? string.Empty : "RollingUpdate (default)",
                    ["replicas"] = replicas.ToString(CultureInfo.InvariantCulture),
                });
        }

        /// <summary>
        /// maxUnavailable 1 is the cheap remedy only with spare replicas: a single replica is still stopped before its
        /// successor is ready, so there the remedy is to surge first (maxUnavailable 0) or to run a second replica.
        /// </summary>
        private static string Advice(int replicas) => replicas < 2
            ? "Start the new version before stopping the old one (maxUnavailable 0 with a maxSurge of 1, which needs room for one more replica's accelerators), run a second replica, or use a canary with Argo Rollouts, Flagger or KServe canaryTrafficPercent."
            : "Roll out progressively (a rolling update with maxUnavailable 1, or a canary with Argo Rollouts, Flagger or KServe canaryTrafficPercent).";

        private static IReadOnlyList<Fix> Fixes(ComputeWorkload workload, bool recreate, int replicas)
        {
            if (replicas < 2 || workload.Pods.Any(p => p.PersistentVolumeClaims.Count > 0)) return Fix.None;
            var unavailable = workload.RolloutMaxUnavailable?.Edit;
            if (unavailable is null) return Fix.None;
            if (!recreate) return Fix.Set(unavailable, 1, "Set maxUnavailable to 1 so replicas are replaced one at a time");
            if (workload.RolloutStrategy!.Edit is not EditTarget type) return Fix.None;
            var edits = type.Set("RollingUpdate").Concat(unavailable.Set(1)).ToArray();
            return edits.Length < 2
                ? Fix.None
                : new[] { new Fix("Use a rolling update that replaces one replica at a time (maxUnavailable 1: no spare GPUs needed)", edits) };
        }
    }
}
