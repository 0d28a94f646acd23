using InfraLint.Core.Fixes;
using InfraLint.Core.Locations;

namespace InfraLint.Core.Facts
{
    /// <summary>What protects data at rest, as far as the source says.</summary>
    public enum EncryptionAtRest
    {
        /// <summary>Decided by an intrinsic function or parameter we cannot evaluate: never a finding.</summary>
        Unknown,

        /// <summary>Nothing configured and the provider does not encrypt by default.</summary>
        None,

        /// <summary>Explicitly turned off (<c>Encrypted: false</c>).</summary>
        Disabled,

        /// <summary>Nothing configured, but the provider encrypts with its own key by default (S3 since January 2023).</summary>
        ProviderDefault,

        /// <summary>Explicitly encrypted with a provider-owned key (SSE-S3, AES256).</summary>
        ProviderKey,

        /// <summary>KMS with the service's AWS-managed key (aws/s3, aws/ebs).</summary>
        ManagedKmsKey,

        /// <summary>KMS with a key the customer manages.</summary>
        CustomerKey,
    }

    /// <summary>Anything that holds data: a bucket, file system, database, volume, notebook's ML volume, model artifact store.</summary>
    public sealed class StorageResource : InfraResource
    {
        public StorageResource(string format, string kind, string name, string @namespace, SourceSpan span, string category)
            : base(format, kind, name, @namespace, span)
        {
            Category = category;
        }

        /// <summary>bucket, file-system, database, volume, ml-volume, persistent-volume-claim.</summary>
        public string Category { get; }

        public Located<EncryptionAtRest> Encryption { get; set; } = null!;

        /// <summary>The algorithm as written (AES256, aws:kms, aws:kms:dsse), when one is.</summary>
        public Located<string?> Algorithm { get; set; } = null!;

        /// <summary>Where a fix turns encryption on (e.g. <c>Encrypted: true</c>); null where no single key does it.</summary>
        public EditTarget? EnableEncryption { get; set; }

        /// <summary>True when every public-access block flag is on, false when one is off, missing when not configured.</summary>
        public Located<bool?> BlocksPublicAccess { get; set; } = null!;

        /// <summary>Public-access block settings that are off, with where each is, for IL2012's message and fix.</summary>
        public System.Collections.Generic.IReadOnlyList<Located<bool?>> PublicAccessFlags { get; set; } = System.Array.Empty<Located<bool?>>();

        /// <summary>A canned ACL or similar that makes the store world-readable (PublicRead), if any.</summary>
        public Located<string?>? PublicAcl { get; set; }

        /// <summary>True when a policy denies requests without TLS (aws:SecureTransport false); missing when no policy says.</summary>
        public Located<bool?> RequiresSecureTransport { get; set; } = null!;

        /// <summary>Whether the provider blocks public access on new stores by default (S3 since April 2023).</summary>
        public bool PublicAccessBlockedByDefault { get; set; }
    }
}
