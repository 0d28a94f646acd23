using System.Collections.Generic;
using InfraLint.Core.Engine;
using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using InfraLint.Core.Knowledge;
using NRules.Fluent.Dsl;

namespace InfraLint.Rules.Security
{
    /// <summary>
    /// An image without a tag is <c>:latest</c>, and <c>:latest</c> is whatever was pushed last: two nodes can
    /// run different code under one manifest, and a rollback rolls back to nothing. Any tag can be re-pushed,
    /// so teams that need a fixed baseline turn on <c>requireImageDigests</c>.
    /// </summary>
    [Name(Id)]
    public sealed class IL2011UnpinnedImage : Rule
    {
        public const string Id = "IL2011";

        public static readonly RuleDescriptor Descriptor = new RuleDescriptor(
            Id,
            "Unpinned image",
            "A container image has no tag or the tag 'latest' (or, when requireImageDigests is on, no @sha256 digest), so what runs changes whenever the registry does and cannot be reproduced or rolled back.",
            Severity.Warning,
            Precision.VeryHigh,
            new[] { "security", "supply-chain", "images" },
            securitySeverity: 5.0,
            controls: new[]
            {
                FrameworkControl.Nist("CM-2", "Baseline Configuration"),
            });

        public override void Define()
        {
            LintSettings settings = default!;
            Container container = default!;

            When()
                .Match(() => settings)
                .Match(() => container, c => Problem(c, settings) != null);

            Then()
                .Do(ctx => ctx.Report(Report(container, Problem(container, settings)!)));
        }

        /// <summary>What is wrong with the container's image, or null; templated and placeholder references are someone else's to resolve.</summary>
        private static string? Problem(Container container, LintSettings settings)
        {
            string? image = container.Image.Value;
            if (!container.Image.IsPresent || string.IsNullOrWhiteSpace(image) || ImageReference.IsTemplated(image!)) return null;
            // A placeholder such as "FILLED BY THE OPERATOR" or "IMAGE_NAME" is replaced before deployment; it pins nothing and floats nothing.
            if (!ImageReference.IsWellFormed(image!)) return null;
            var reference = ImageReference.Parse(image!);
            if (reference.IsPinnedByDigest) return null;
            if (reference.Tag is null) return "has no tag, so it runs whatever ':latest' is when the node pulls; pin a version tag or a digest";
            if (reference.HasMutableTag) return "uses the tag ':latest', which moves with every push; pin a version tag or a digest";
            return settings.RequireImageDigests ? "has no @sha256 digest, which requireImageDigests demands; pin it by digest" : null;
        }

        private static Finding Report(Container container, string problem) =>
            new Finding(
                Descriptor,
                $"Image '{container.Image.Value}' of the {Wording.Of(container)} {problem}.",
                container.Image.Span,
                Wording.PathOf(container.Workload, container.Image),
                container.Workload,
                properties: new Dictionary<string, string> { ["image"] = container.Image.Value ?? string.Empty });
    }
}
