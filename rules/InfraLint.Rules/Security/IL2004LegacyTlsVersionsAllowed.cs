using System;
using System.Collections.Generic;
using InfraLint.Core.Engine;
using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using InfraLint.Core.Fixes;
using NRules.Fluent.Dsl;

namespace InfraLint.Rules.Security
{
    /// <summary>
    /// A listener created through CloudFormation without an SslPolicy gets ELBSecurityPolicy-2016-08, which
    /// still accepts TLS 1.0 and 1.1. Only the ELBSecurityPolicy-TLS13-1-3-* policies refuse everything below
    /// TLS 1.3; the fix picks the plain one and the docs page states what older clients lose.
    /// </summary>
    [Name(Id)]
    public sealed class IL2004LegacyTlsVersionsAllowed : SimpleCheck<Endpoint>
    {
        public const string Id = "IL2004";

        public const string Tls13OnlyPolicy = "ELBSecurityPolicy-TLS13-1-3-2021-06";

        private const string Tls13OnlyPrefix = "ELBSecurityPolicy-TLS13-1-3-";

        private const string ProviderDefault = "ELBSecurityPolicy-2016-08";

        public static readonly RuleDescriptor Descriptor = new RuleDescriptor(
            Id,
            "Legacy TLS versions allowed",
            "An HTTPS or TLS listener's security policy (or the default policy, when none is named) accepts TLS versions older than 1.3, so clients can negotiate protocol versions and cipher suites with known weaknesses.",
            Severity.Warning,
            Precision.High,
            new[] { "security", "encryption", "tls", "network" },
            securitySeverity: 5.0,
            controls: new[]
            {
                FrameworkControl.Nist("SC-8", "Transmission Confidentiality and Integrity"),
                FrameworkControl.Nist("SC-13", "Cryptographic Protection"),
            });

        /// <summary>An HTTPS or TLS listener whose policy is named, or left to the provider's default; one an intrinsic picks is unknown.</summary>
        protected override bool Applies(Endpoint endpoint, LintSettings _) =>
            TerminatesTls(endpoint) && (endpoint.TlsPolicy!.IsMissing || endpoint.TlsPolicy.Value is not null);

        protected override IEnumerable<Finding> Judge(Endpoint endpoint, LintSettings _)
        {
            if (AllowsOlderTls(endpoint.TlsPolicy!)) yield return Report(endpoint);
        }

        private static bool TerminatesTls(Endpoint e) =>
            e.TlsPolicy is not null
            && e.Protocol is { IsPresent: true } p
            && (string.Equals(p.Value, "HTTPS", StringComparison.OrdinalIgnoreCase) || string.Equals(p.Value, "TLS", StringComparison.OrdinalIgnoreCase));

        /// <summary>Missing means the provider default; a policy an intrinsic picks is unknown and never reported.</summary>
        private static bool AllowsOlderTls(Core.Locations.Located<string?> policy) =>
            policy.IsMissing || (policy.Value is string name && !name.StartsWith(Tls13OnlyPrefix, StringComparison.Ordinal));

        /// <summary>The oldest TLS version a named ELB policy accepts, read from AWS's naming scheme.</summary>
        internal static string OldestVersion(string policy)
        {
            string[] prefixes = { "ELBSecurityPolicy-TLS13-1-", "ELBSecurityPolicy-TLS-1-", "ELBSecurityPolicy-FS-1-" };
            foreach (var prefix in prefixes)
            {
                if (policy.StartsWith(prefix, StringComparison.Ordinal) && policy.Length > prefix.Length && char.IsDigit(policy[prefix.Length]))
                    return "1." + policy[prefix.Length];
            }
            return policy.StartsWith("ELBSecurityPolicy-", StringComparison.Ordinal) ? "1.0" : "an unknown version below 1.3";
        }

        private static Finding Report(Endpoint endpoint)
        {
            var policy = endpoint.TlsPolicy!;
            string name = policy.IsPresent ? policy.Value! : ProviderDefault;
            string which = policy.IsPresent
                ? $"uses security policy {name}, which accepts TLS {OldestVersion(name)} and later"
                : $"names no SslPolicy, so it gets the default {ProviderDefault}, which accepts TLS 1.0 and later";
            return new Finding(
                Descriptor,
                $"{Wording.Of(endpoint)} {which}; use {Tls13OnlyPolicy} to accept only TLS 1.3 (clients without TLS 1.3 can then no longer connect).",
                policy.IsPresent ? policy.Span : endpoint.Protocol!.Span,
                Wording.PathOf(endpoint, policy),
                endpoint,
                fixes: Fix.Set(policy.Edit, Tls13OnlyPolicy, $"Set SslPolicy to {Tls13OnlyPolicy}"),
                properties: new Dictionary<string, string> { ["policy"] = name });
        }
    }
}
