using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Engine;
using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using NRules.Fluent.Dsl;

namespace InfraLint.Rules.Security
{
    /// <summary>
    /// Every request to a model costs GPU time, so an internet-facing model endpoint without a rate limit can be
    /// run out of capacity (or run up a bill) by one client. The endpoint and the model are usually declared in
    /// different documents, so this is a join: a Service whose selector matches an inference workload's pod
    /// labels, an API stage whose methods invoke a SageMaker endpoint, and (below) an Ingress routing to such a
    /// Service. A rate limit an intrinsic decides is unknown and not reported.
    /// </summary>
    [Name(Id)]
    public sealed class IL2010PublicModelEndpointWithoutRateLimiting : Rule
    {
        public const string Id = "IL2010";

        public static readonly RuleDescriptor Descriptor = new RuleDescriptor(
            Id,
            "Public model endpoint without rate limiting",
            "An internet-facing endpoint in front of an inference workload (a LoadBalancer Service, an Ingress, an API Gateway stage) has no rate limit or throttling, so a single client can exhaust the model's GPUs and deny service to everyone else.",
            Severity.Warning,
            Precision.Medium,
            new[] { "security", "availability", "inference", "network" },
            securitySeverity: 5.3,
            controls: new[]
            {
                FrameworkControl.Nist("SC-5", "Denial-of-service Protection"),
            });

        public override void Define()
        {
            LintSettings settings = default!;
            Endpoint endpoint = default!;
            IEnumerable<ComputeWorkload> models = default!;

            When()
                .Match(() => settings, s => s.IsEnabled(Descriptor))
                .Match(() => endpoint, e => IsJudgedPublic(e))
                .Query(() => models, q => q
                    .Match<ComputeWorkload>(w => w.Role == WorkloadRole.Inference, w => Fronts(endpoint, w))
                    .Collect()
                    .Where(c => c.Any()));

            Then()
                .Do(ctx => ctx.Evaluated(Descriptor, endpoint))
                .Do(ctx => Report(ctx, endpoint, endpoint, models.Select(m => Wording.Of(m))));
        }

        /// <summary>Internet-facing, and rate limiting applies and is missing or off (present-but-unknown is not reported).</summary>
        /// <summary>A public endpoint whose rate limiting is known, set or not: what the rule judges.</summary>
        internal static bool IsJudgedPublic(Endpoint e) => e.Exposure == Exposure.Public && e.RateLimited is { IsUnknown: false };

        internal static bool IsUnlimitedPublic(Endpoint e) =>
            e.Exposure == Exposure.Public && e.RateLimited is { } limited && (limited.IsMissing || limited.Value == false);

        /// <summary>The endpoint sends traffic straight to the workload: its selector matches a pod template's labels, or it names the workload.</summary>
        internal static bool Fronts(Endpoint endpoint, ComputeWorkload workload) =>
            endpoint.Namespace == workload.Namespace
            && (endpoint.SelectsPodsOf(workload)
                || endpoint.BackendWorkloads.Contains(workload.Name));

        /// <summary>The finding when <paramref name="endpoint"/> sets no limit; nothing when it does.</summary>
        internal static void Report(NRules.RuleModel.IContext context, Endpoint endpoint, Endpoint via, IEnumerable<string> models, string suffix = "")
        {
            if (IsUnlimitedPublic(endpoint)) context.Report(Report(endpoint, via, models, suffix));
        }

        internal static Finding Report(Endpoint endpoint, Endpoint via, IEnumerable<string> models, string suffix = "")
        {
            var limited = endpoint.RateLimited!;
            string target = string.Join(", ", models.Distinct().OrderBy(m => m, System.StringComparer.Ordinal));
            string route = ReferenceEquals(endpoint, via) ? string.Empty : $" through {Wording.Of(via)}";
            return new Finding(
                Descriptor,
                $"Internet-facing {Wording.Of(endpoint)} sends requests{route} to {target} with no rate limit, so one client can use up the model's capacity; {Advice(endpoint)}.",
                limited.Span,
                Wording.PathOf(endpoint, limited) + suffix,
                endpoint,
                properties: new Dictionary<string, string> { ["models"] = target });
        }

        private static string Advice(Endpoint endpoint) =>
            endpoint.Kind switch
            {
                "Ingress" => "add a request limit (ingress-nginx: nginx.ingress.kubernetes.io/limit-rps or limit-rpm)",
                "Service" => "put it behind an Ingress or gateway that limits requests per client, or make the load balancer internal",
                _ => "set stage throttling (MethodSettings ThrottlingRateLimit and ThrottlingBurstLimit) or a usage plan with a Throttle",
            };
    }

    /// <summary>An API stage whose methods invoke a SageMaker endpoint declared outside the template: the model is there, just not here.</summary>
    [Name(IL2010PublicModelEndpointWithoutRateLimiting.Id + ".external")]
    public sealed class IL2010ExternalModelWithoutRateLimiting : Rule
    {
        public override void Define()
        {
            LintSettings settings = default!;
            Endpoint endpoint = default!;

            When()
                .Match(() => settings, s => s.IsEnabled(IL2010PublicModelEndpointWithoutRateLimiting.Descriptor))
                .Match(
                    () => endpoint,
                    e => IL2010PublicModelEndpointWithoutRateLimiting.IsJudgedPublic(e),
                    e => e.BackendWorkloads.Contains(Endpoint.AnyWorkload));

            Then()
                .Do(ctx => ctx.Evaluated(IL2010PublicModelEndpointWithoutRateLimiting.Descriptor, endpoint))
                .Do(ctx => IL2010PublicModelEndpointWithoutRateLimiting.Report(ctx, endpoint, endpoint, new[] { "a SageMaker endpoint" }, ":external"));
        }
    }

    /// <summary>An internet-facing Ingress routing to a Service (of any type) that selects an inference workload.</summary>
    [Name(IL2010PublicModelEndpointWithoutRateLimiting.Id + ".ingress")]
    public sealed class IL2010IngressToModelWithoutRateLimiting : Rule
    {
        public override void Define()
        {
            LintSettings settings = default!;
            Endpoint ingress = default!;
            Endpoint service = default!;
            IEnumerable<ComputeWorkload> models = default!;

            When()
                .Match(() => settings, s => s.IsEnabled(IL2010PublicModelEndpointWithoutRateLimiting.Descriptor))
                .Match(() => ingress, i => i.BackendServices.Count > 0, i => IL2010PublicModelEndpointWithoutRateLimiting.IsJudgedPublic(i))
                .Match(() => service, s => s.Namespace == ingress.Namespace, s => s.Selector.Count > 0, s => ingress.BackendServices.Contains(s.Name))
                .Query(() => models, q => q
                    .Match<ComputeWorkload>(w => w.Role == WorkloadRole.Inference, w => IL2010PublicModelEndpointWithoutRateLimiting.Fronts(service, w))
                    .Collect()
                    .Where(c => c.Any()));

            Then()
                .Do(ctx => ctx.Evaluated(IL2010PublicModelEndpointWithoutRateLimiting.Descriptor, ingress))
                .Do(ctx => IL2010PublicModelEndpointWithoutRateLimiting.Report(ctx, ingress, service, models.Select(m => Wording.Of(m)), ":" + service.Name));
        }
    }
}
