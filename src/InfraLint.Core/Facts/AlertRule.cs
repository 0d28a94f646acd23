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
            if (Mentions(workload.Name)) return true;
            foreach (var pod in workload.Pods)
                foreach (var label in pod.Labels)
                    if (Mentions(label.Value)) return true;
            return false;
        }

        /// <summary>
        /// The value in a label matcher: <c>"v"</c>, <c>'v'</c>, a prefix <c>"v-…</c>, or a regex <c>v.*</c>. Asked of every
        /// alert and workload of a namespace, so it looks at each occurrence in place instead of building the four patterns.
        /// </summary>
        private bool Mentions(string value)
        {
            if (value.Length == 0) return false;
            var expression = Expression;
            for (int at = expression.IndexOf(value, StringComparison.Ordinal); at >= 0; at = expression.IndexOf(value, at + 1, StringComparison.Ordinal))
            {
                int end = at + value.Length;
                char before = at > 0 ? expression[at - 1] : '\0';
                char after = end < expression.Length ? expression[end] : '\0';
                if ((before == '"' && (after == '"' || after == '-')) || (before == '\'' && after == '\'')) return true;
                if (after == '.' && end + 1 < expression.Length && expression[end + 1] == '*') return true;
            }
            return false;
        }
    }
}
