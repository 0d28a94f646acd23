using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Engine;
using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using InfraLint.Core.Fixes;
using NRules.Fluent.Dsl;

namespace InfraLint.Rules.Security
{
    /// <summary>
    /// A bucket with no public-access block configuration is not reported: S3 has turned all four settings on
    /// for every new bucket since April 2023, so leaving them out keeps the bucket private. What opens a bucket
    /// is switching one of them off, or a public canned ACL, and that is what this rule points at.
    /// </summary>
    [Name(Id)]
    public sealed class IL2012PublicStorage : SimpleCheck<StorageResource>
    {
        public const string Id = "IL2012";

        public static readonly RuleDescriptor Descriptor = new RuleDescriptor(
            Id,
            "Public storage",
            "A bucket turns off a public-access block setting or grants a public canned ACL, so a policy or ACL can expose model artifacts, datasets or logs to anyone on the internet.",
            Severity.Error,
            Precision.High,
            new[] { "security", "access-control", "data-protection" },
            securitySeverity: 8.0,
            controls: new[]
            {
                FrameworkControl.Nist("AC-3", "Access Enforcement"),
            });

        /// <summary>A bucket, unless a public-access setting it leaves shut is computed elsewhere and may open it.</summary>
        protected override bool Applies(StorageResource storage, LintSettings _) =>
            storage.Category == "bucket" && (Opened(storage) || !storage.PublicAccessFlags.Any(f => f.IsUnknown || (f.IsPresent && f.Value is null)));

        protected override IEnumerable<Finding> Judge(StorageResource storage, LintSettings _) =>
            Opened(storage) ? Report(storage) : Enumerable.Empty<Finding>();

        private static bool Opened(StorageResource storage) => storage.PublicAccessFlags.Any(f => f.Value == false) || storage.PublicAcl != null;

        private static IEnumerable<Finding> Report(StorageResource storage)
        {
            foreach (var flag in storage.PublicAccessFlags.Where(f => f.Value == false))
            {
                string name = flag.Path.Substring(flag.Path.LastIndexOf('.') + 1);
                yield return new Finding(
                    Descriptor,
                    $"{Wording.Of(storage)} turns off the public-access block setting {name}, so a bucket policy or ACL can make its objects public; set it to true.",
                    flag.Span,
                    Wording.PathOf(storage, flag),
                    storage,
                    fixes: Fix.Set(flag.Edit, true, $"Set {name} to true"),
                    properties: new Dictionary<string, string> { ["setting"] = name });
            }
            if (storage.PublicAcl is { } acl)
            {
                yield return new Finding(
                    Descriptor,
                    $"{Wording.Of(storage)} has the canned ACL {acl.Value}, which grants access to everyone; remove it and grant access through a bucket policy to named principals (or serve public content through CloudFront).",
                    acl.Span,
                    Wording.PathOf(storage, acl),
                    storage,
                    properties: new Dictionary<string, string> { ["acl"] = acl.Value ?? string.Empty });
            }
        }
    }
}
