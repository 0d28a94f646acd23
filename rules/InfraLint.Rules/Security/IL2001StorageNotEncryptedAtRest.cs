using System.Collections.Generic;
using InfraLint.Core.Engine;
using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using InfraLint.Core.Fixes;
using NRules.Fluent.Dsl;

namespace InfraLint.Rules.Security
{
    /// <summary>
    /// EFS, RDS and EBS create unencrypted storage unless told otherwise, and encryption cannot be turned on
    /// later without copying the data. Storage the provider encrypts by default (S3 since January 2023,
    /// SageMaker ML volumes) is IL2002's concern, and storage whose state an intrinsic decides is unknown.
    /// </summary>
    [Name(Id)]
    public sealed class IL2001StorageNotEncryptedAtRest : SimpleCheck<StorageResource>
    {
        public const string Id = "IL2001";

        public static readonly RuleDescriptor Descriptor = new RuleDescriptor(
            Id,
            "Storage not encrypted at rest",
            "A file system, database or volume is created without encryption at rest, or with encryption explicitly turned off, so anyone who gets the disks, snapshots or backups reads the data (model weights, training data, prompts) in the clear.",
            Severity.Error,
            Precision.High,
            new[] { "security", "encryption", "data-protection" },
            securitySeverity: 7.0,
            controls: new[]
            {
                FrameworkControl.Nist("SC-28", "Protection of Information at Rest"),
                new FrameworkControl(FrameworkControl.EuAiAct, "Art. 15(5)", "Cybersecurity: technical solutions appropriate to the risks, including against confidentiality attacks"),
            });

        protected override bool Applies(StorageResource storage, LintSettings _) =>
            !storage.Encryption.IsUnknown && storage.Encryption.Value != EncryptionAtRest.Unknown;

        protected override IEnumerable<Finding> Judge(StorageResource storage, LintSettings _)
        {
            if (storage.Encryption.Value is EncryptionAtRest.None or EncryptionAtRest.Disabled) yield return Report(storage);
        }

        private static Finding Report(StorageResource storage)
        {
            var encryption = storage.Encryption;
            string key = storage.EnableEncryption?.Describe ?? "encryption";
            string what = encryption.Value == EncryptionAtRest.Disabled
                ? $"turns encryption at rest off ({key}: false)"
                : $"is not encrypted at rest: {key} is not set, and this kind of {storage.Category} is unencrypted by default";
            return new Finding(
                Descriptor,
                $"{Wording.Of(storage)} {what}; set {key}: true (encryption can only be added later by copying the data to new storage).",
                encryption.Span,
                Wording.PathOf(storage, encryption),
                storage,
                fixes: Fix.Set(storage.EnableEncryption, true, $"Set {key} to true"),
                properties: new Dictionary<string, string>
                {
                    ["category"] = storage.Category,
                    ["encryption"] = encryption.Value.ToString(),
                });
        }
    }
}
