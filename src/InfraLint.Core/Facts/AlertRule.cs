using System;
using System.Linq;
using InfraLint.Core.Locations;

namespace InfraLint.Core.Facts
{
    /// <summary>
    /// One alert: a Prometheus alerting rule (from a PrometheusRule) or a CloudWatch alarm. Rules ask whether
    /// it watches serving latency and whether it covers a given workload.
    /// </summary>
    public sealed class AlertRule : InfraResource
    {
        /// <summary>Words in a metric name or expression that mean request latency.</summary>
        private static readonly string[] LatencyWords =
        {
            "latency", "duration", "time_to_first_token", "ttft", "time_per_output_token", "tpot", "response_time",
        };

        public AlertRule(string format, string kind, string name, string @namespace, SourceSpan span, string expression, string? targetName)
            : base(format, kind, name, @namespace, span)
        {
            Expression = expression;
            TargetName = targetName;
        }

        /// <summary>The PromQL expression, or the alarm's metric name.</summary>
        public string Expression { get; }

        /// <summary>
        /// The resource the alert is bound to (an alarm's endpoint dimension; <c>*</c> when it is named through
        /// something InfraLint cannot evaluate); null when the expression decides.
        /// </summary>
        public string? TargetName { get; }

        public bool IsLatency
        {
            get
            {
                string expression = Expression.ToLowerInvariant();
                return LatencyWords.Any(w => expression.IndexOf(w, StringComparison.Ordinal) >= 0);
            }
        }

        /// <summary>
        /// Whether the alert watches the workload: a bound alert names it; an expression names it (or one of its
        /// pods' label values) in a label matcher, or selects no labels at all and so watches every scraped target.
        /// </summary>
        public bool Covers(ComputeWorkload workload)
        {
            if (!string.Equals(workload.Format, Format, StringComparison.Ordinal)) return false;
            if (TargetName is not null) return workload.Namespace == Namespace && (workload.Name == TargetName || TargetName == Autoscaler.AnyTarget);
            if (Expression.IndexOf('{') < 0) return true;
            return Mentions(workload.Name)
                || workload.Pods.SelectMany(p => p.Labels.Values).Any(Mentions);
        }

        private bool Mentions(string value) =>
            value.Length > 0 && (Expression.IndexOf("\"" + value + "\"", StringComparison.Ordinal) >= 0
                || Expression.IndexOf("'" + value + "'", StringComparison.Ordinal) >= 0
                || Expression.IndexOf("\"" + value + "-", StringComparison.Ordinal) >= 0
                || Expression.IndexOf(value + ".*", StringComparison.Ordinal) >= 0);
    }
}
