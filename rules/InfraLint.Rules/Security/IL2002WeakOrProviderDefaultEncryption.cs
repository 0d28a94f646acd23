using System.Collections.Generic;
using InfraLint.Core.Engine;
using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using NRules.Fluent.Dsl;

namespace InfraLint.Rules.Security
{
    /// <summary>
    /// Data the provider encrypts with its own key is encrypted, but nobody in the account can restrict that key
    /// or revoke it (and a key the provider owns is not audited in CloudTrail either; an AWS-managed KMS key is). Missing S3 encryption is this rule, not IL2001, because S3
    /// has encrypted every new object with SSE-S3 since January 2023. Teams that must hold their own keys turn
    /// on <c>requireCustomerManagedKeys</c>, which also reports explicit provider-owned and AWS-managed keys.
    /// </summary>
    [Name(Id)]
    public sealed class IL2002WeakOrProviderDefaultEncryption : SimpleCheck<StorageResource>
    {
        public const string Id = "IL2002";

        public static readonly RuleDescriptor Descriptor = new RuleDescriptor(
            Id,
            "Weak or provider-default encryption",
            "Storage relies on the provider's default encryption with a key the provider owns or manages (an S3 bucket with no encryption configuration, a SageMaker ML volume with no KMS key), or, when requireCustomerManagedKeys is on, on a provider-owned or AWS-managed key instead of a customer-managed one.",
            Severity.Note,
            Precision.High,
            new[] { "security", "encryption", "kms", "data-protection" },
            securitySeverity: 3.0,
            controls: new[]
            {
                FrameworkControl.Nist("SC-28", "Protection of Information at Rest"),
                FrameworkControl.Nist("SC-13", "Cryptographic Protection"),
            },
            recommended: false);

        /// <summary>Only encrypted storage has a key to judge; unencrypted storage is IL2001's, an unknown state nobody's.</summary>
        protected override bool Applies(StorageResource storage, LintSettings settings) =>
            storage.Encryption.Value is not (EncryptionAtRest.Unknown or EncryptionAtRest.None or EncryptionAtRest.Disabled);

        protected override IEnumerable<Finding> Judge(StorageResource storage, LintSettings settings)
        {
            if (IsWeak(storage.Encryption.Value, settings)) yield return Report(storage);
        }

        private static bool IsWeak(EncryptionAtRest state, LintSettings settings) =>
            state == EncryptionAtRest.ProviderDefault
            || (settings.RequireCustomerManagedKeys && (state == EncryptionAtRest.ProviderKey || state == EncryptionAtRest.ManagedKmsKey));

        private static Finding Report(StorageResource storage)
        {
            var encryption = storage.Encryption;
            string why = encryption.Value switch
            {
                EncryptionAtRest.ProviderDefault => storage.Category == "bucket"
                    ? "has no encryption configuration, so it relies on S3's default SSE-S3 encryption (applied to new objects since January 2023), whose S3-owned key no key policy of yours governs and whose use CloudTrail does not record as key use"
                    : $"names no KMS key, so the provider encrypts its {storage.Category} with a key it manages, whose key policy you cannot change and which you cannot disable",
                EncryptionAtRest.ProviderKey => $"is encrypted with a provider-owned key ({storage.Algorithm.Value ?? "AES256"}), and configuration requires customer-managed keys",
                _ => "is encrypted with the service's AWS-managed KMS key (its use is logged in CloudTrail, but its key policy cannot be changed and it cannot be disabled), and configuration requires customer-managed keys",
            };
            // Use of AWS-managed KMS keys is already logged in CloudTrail; only keys the provider owns are invisible there.
            string control = encryption.Value == EncryptionAtRest.ManagedKmsKey ? "restricted and revoked" : "restricted, audited and revoked";
            return new Finding(
                Descriptor,
                $"{Wording.Of(storage)} {why}; encrypt it with a customer-managed KMS key so access to the data can be {control}.",
                encryption.Span,
                Wording.PathOf(storage, encryption),
                storage,
                properties: new Dictionary<string, string>
                {
                    ["category"] = storage.Category,
                    ["encryption"] = encryption.Value.ToString(),
                });
        }
    }
}
