using System;
using System.Collections.Generic;
using InfraLint.Core.Engine;
using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using NRules.Fluent.Dsl;

namespace InfraLint.Rules.Security
{
    /// <summary>
    /// Prompts, completions and API keys cross the network in every request. A listener that speaks plain HTTP
    /// (and does not just redirect to HTTPS) sends them in the clear wherever it is; an Ingress without TLS is
    /// only reported when it is internet-facing, because internal ingresses often sit behind a mesh or a load
    /// balancer that terminates TLS where this file cannot see it.
    /// </summary>
    [Name(Id)]
    public sealed class IL2003TrafficNotEncryptedInTransit : SimpleCheck<Endpoint>
    {
        public const string Id = "IL2003";

        public static readonly RuleDescriptor Descriptor = new RuleDescriptor(
            Id,
            "Traffic not encrypted in transit",
            "A load balancer listener accepts plain HTTP without redirecting to HTTPS, an internet-facing Ingress has no TLS, or a bucket's policy does not deny requests made without TLS, so requests, responses and credentials can be read or altered on the way.",
            Severity.Error,
            Precision.High,
            new[] { "security", "encryption", "tls", "network" },
            securitySeverity: 7.5,
            controls: new[]
            {
                FrameworkControl.Nist("SC-8", "Transmission Confidentiality and Integrity"),
            });

        /// <summary>A listener that states its protocol, or an internet-facing Ingress whose TLS is written or left out (not computed).</summary>
        protected override bool Applies(Endpoint endpoint, LintSettings _) =>
            endpoint.Protocol is { IsPresent: true, Value: not null }
            || (endpoint.Exposure == Exposure.Public && endpoint.Tls is { } tls && (tls.IsMissing || (tls.IsPresent && tls.Value is not null)));

        protected override IEnumerable<Finding> Judge(Endpoint endpoint, LintSettings _)
        {
            if (IsPlainHttpListener(endpoint) || IsPublicWithoutTls(endpoint)) yield return Report(endpoint);
        }

        private static bool IsPlainHttpListener(Endpoint e) =>
            e.Protocol is { IsPresent: true } p && string.Equals(p.Value, "HTTP", StringComparison.OrdinalIgnoreCase) && !e.RedirectsToHttps;

        private static bool IsPublicWithoutTls(Endpoint e) =>
            e.Exposure == Exposure.Public && e.Tls is { } tls && (tls.IsMissing || tls.Value == false);

        private static Finding Report(Endpoint endpoint)
        {
            if (IsPlainHttpListener(endpoint))
            {
                var protocol = endpoint.Protocol!;
                string where = endpoint.Exposure == Exposure.Public ? "" : " inside the network";
                return new Finding(
                    Descriptor,
                    $"{Wording.Of(endpoint)} accepts plain HTTP and forwards it{where} instead of redirecting to HTTPS; use an HTTPS listener with a certificate, and make this one redirect.",
                    protocol.Span,
                    Wording.PathOf(endpoint, protocol),
                    endpoint,
                    properties: new Dictionary<string, string> { ["protocol"] = protocol.Value ?? string.Empty });
            }
            var tls = endpoint.Tls!;
            return new Finding(
                Descriptor,
                $"Internet-facing {Wording.Of(endpoint)} has no TLS configured, so requests and responses cross the internet in the clear; add spec.tls with a certificate (for example from cert-manager).",
                tls.Span,
                Wording.PathOf(endpoint, tls),
                endpoint,
                properties: new Dictionary<string, string> { ["exposure"] = endpoint.Exposure.ToString() });
        }
    }

    /// <summary>
    /// S3 accepts plain HTTP requests unless the bucket policy denies <c>aws:SecureTransport: false</c>. A policy
    /// that lives outside the template (or whose bucket an intrinsic picks) makes the answer unknown.
    /// </summary>
    [Name(IL2003TrafficNotEncryptedInTransit.Id + ".bucket")]
    public sealed class IL2003BucketAllowsPlaintext : SimpleCheck<StorageResource>
    {
        public IL2003BucketAllowsPlaintext()
            : base(IL2003TrafficNotEncryptedInTransit.Descriptor)
        {
        }

        /// <summary>A bucket whose policies are all in this template; other storage has no such policy (the mapper leaves it present and null).</summary>
        protected override bool Applies(StorageResource storage, LintSettings _) =>
            storage.RequiresSecureTransport.IsMissing || (storage.RequiresSecureTransport.IsPresent && storage.RequiresSecureTransport.Value is not null);

        protected override IEnumerable<Finding> Judge(StorageResource storage, LintSettings _)
        {
            if (storage.RequiresSecureTransport.IsMissing) yield return Report(storage);
        }

        private static Finding Report(StorageResource storage) =>
            new Finding(
                IL2003TrafficNotEncryptedInTransit.Descriptor,
                $"{Wording.Of(storage)} has no bucket policy that denies requests without TLS, so clients can read and write it over plain HTTP; add a policy statement that denies every action when aws:SecureTransport is false.",
                storage.RequiresSecureTransport.Span,
                Wording.PathOf(storage, storage.RequiresSecureTransport) + ":secure-transport",
                storage,
                properties: new Dictionary<string, string> { ["category"] = storage.Category });
    }
}
