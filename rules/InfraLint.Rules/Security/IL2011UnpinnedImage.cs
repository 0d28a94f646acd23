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

            // A kustomization that pins the image's tag or digest rewrites it before anything runs, whatever the base says.
            When()
                .Match(() => settings, s => s.IsEnabled(Descriptor))
                .Match(() => container, c => Applies(c))
                .Not<ImageOverride>(o => o.Pins && o.Rewrites(container.Image.Value));

            Then()
                .Do(ctx => ctx.Evaluated(Descriptor, container))
                .Do(ctx => ctx.Report(Judge(container, settings)));
        }

        /// <summary>Templated references and placeholders ("FILLED BY THE OPERATOR", "IMAGE_NAME") are resolved before deployment: they pin nothing and float nothing.</summary>
        private static bool Applies(Container container) =>
            container.ImageBuiltFromSource is null
            && container.Image.IsPresent && container.Image.Value is string image && !string.IsNullOrWhiteSpace(image)
            && !ImageReference.IsTemplated(image) && ImageReference.IsWellFormed(image);

        private static IEnumerable<Finding> Judge(Container container, LintSettings settings)
        {
            var reference = ImageReference.Parse(container.Image.Value!);
            if (reference.IsPinnedByDigest) yield break;
            if (reference.Tag is null) yield return Report(container, "has no tag, so it runs whatever ':latest' is when the node pulls; pin a version tag or a digest");
            else if (reference.HasMutableTag) yield return Report(container, "uses the tag ':latest', which moves with every push; pin a version tag or a digest");
            else if (settings.RequireImageDigests) yield return Report(container, "has no @sha256 digest, which requireImageDigests demands; pin it by digest");
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
