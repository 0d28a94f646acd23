using System;

namespace InfraLint.Core.Knowledge
{
    /// <summary>
    /// IAM condition keys that narrow which resources a statement reaches, so that <c>"Resource": "*"</c> beside them is
    /// scoped after all (<c>iam:CreateServiceLinkedRole</c> on <c>*</c> with <c>iam:AWSServiceName</c>, a tag-based
    /// grant with <c>aws:ResourceTag/team</c>). Keys that only describe the request (<c>aws:SecureTransport</c>,
    /// <c>aws:SourceIp</c>, <c>aws:MultiFactorAuthPresent</c>, <c>aws:RequestedRegion</c>) narrow nothing and are not here.
    /// Sources: AWS IAM User Guide, "AWS global condition context keys", and the Service Authorization Reference's
    /// per-service condition keys (checked 2026-11-30).
    /// </summary>
    public static class IamConditions
    {
        /// <summary>
        /// Keys about the resource itself: its owner, the service-linked role's service, the S3 prefix, the network.
        /// Not <c>iam:PassedToService</c> or <c>kms:ViaService</c>: they limit where a role or key goes, not which one,
        /// so <c>iam:PassRole</c> on <c>*</c> still passes every role (a known way to escalate privileges).
        /// </summary>
        private static readonly string[] Exact =
        {
            "aws:ResourceAccount", "aws:ResourceOrgID", "aws:ResourceOrgPaths",
            "iam:AWSServiceName", "s3:prefix", "ec2:Vpc", "ec2:Subnet",
        };

        /// <summary>Whether a condition key (<c>aws:ResourceTag/team</c>, <c>iam:AWSServiceName</c>) narrows the resources of its statement.</summary>
        public static bool NarrowsResources(string key)
        {
            if (string.IsNullOrWhiteSpace(key)) return false;
            key = key.Trim();
            // aws:ResourceTag/…, and the service-specific forms (ec2:ResourceTag/…, sagemaker:ResourceTag/…).
            int colon = key.IndexOf(':');
            if (colon > 0 && key.Substring(colon + 1).StartsWith("ResourceTag/", StringComparison.OrdinalIgnoreCase)) return true;
            foreach (var exact in Exact)
                if (string.Equals(key, exact, StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }
    }
}
