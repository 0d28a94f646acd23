using System;
using InfraLint.Core.Knowledge;
using InfraLint.Core.Locations;

namespace InfraLint.Core.Facts
{
    /// <summary>
    /// An image a build step rewrites before anything is deployed: a kustomization's <c>images:</c> entry (<c>name</c>,
    /// with <c>newName</c>, <c>newTag</c> or <c>digest</c>). A base that names the image bare is pinned by the overlay
    /// that sets its tag, so what the base says about the tag is not what runs.
    /// </summary>
    public sealed class ImageOverride
    {
        public ImageOverride(string name, string? newTag, string? digest, SourceSpan span)
        {
            Name = name;
            NewTag = newTag;
            Digest = digest;
            Span = span;
        }

        /// <summary>The image name as the manifests write it, without tag or digest.</summary>
        public string Name { get; }

        public string? NewTag { get; }

        public string? Digest { get; }

        public SourceSpan Span { get; }

        /// <summary>The override fixes a version: a digest, or a tag other than <c>latest</c>.</summary>
        public bool Pins => Digest is not null || NewTag is string tag && !string.Equals(tag, "latest", StringComparison.OrdinalIgnoreCase);

        /// <summary>Kustomize matches an image by its name without tag or digest.</summary>
        public bool Rewrites(string? image) =>
            image is not null && string.Equals(ImageReference.Parse(image).Repository, Name, StringComparison.Ordinal);
    }
}
