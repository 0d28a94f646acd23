using System;
using System.Text.RegularExpressions;

namespace InfraLint.Core.Knowledge
{
    /// <summary>A parsed container image reference: <c>[registry[:port]/]repository[:tag][@digest]</c>.</summary>
    public sealed record ImageReference(string Repository, string? Tag, string? Digest)
    {
        /// <summary>Last path segment of the repository (<c>vllm-openai</c> for <c>docker.io/vllm/vllm-openai</c>).</summary>
        public string ShortName
        {
            get
            {
                int slash = Repository.LastIndexOf('/');
                return slash < 0 ? Repository : Repository.Substring(slash + 1);
            }
        }

        public bool IsPinnedByDigest => Digest is not null;

        public bool HasMutableTag => Digest is null && (Tag is null || string.Equals(Tag, "latest", StringComparison.OrdinalIgnoreCase));

        /// <summary>True when the reference is built from template variables we cannot resolve (<c>${IMAGE}</c>, <c>{{ .Values.image }}</c>).</summary>
        public static bool IsTemplated(string image) =>
            image.IndexOf("${", StringComparison.Ordinal) >= 0
            || image.IndexOf("{{", StringComparison.Ordinal) >= 0
            || image.IndexOf("$(", StringComparison.Ordinal) >= 0;

        /// <summary>
        /// The reference grammar of the OCI distribution spec (<c>[host[:port]/]lowercase/path[:tag][@algo:hex]</c>).
        /// Manifests often hold placeholders in the image field (<c>FILLED BY THE OPERATOR</c>, <c>IMAGE_NAME</c>,
        /// <c>&lt;image&gt;</c>, <c>ko://…</c>) that something replaces before deployment; those are not references.
        /// </summary>
        public static bool IsWellFormed(string image) => image.Length <= 1024 && WellFormed.IsMatch(image.Trim());

        private static readonly Regex WellFormed = new Regex(
            @"^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?/)?"
            + @"[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*"
            + @"(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?"
            + @"(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$",
            RegexOptions.CultureInvariant);

        /// <summary>
        /// Whether <paramref name="repository"/> is the image <paramref name="name"/> a project publishes: the name itself
        /// or its last path segments (<c>vllm/vllm-openai</c> is <c>docker.io/vllm/vllm-openai</c>); a name that starts with
        /// <c>/</c> matches any repository that ends with it.
        /// </summary>
        public static bool RepositoryIs(string repository, string name) =>
            name.StartsWith("/", StringComparison.Ordinal)
                ? repository.EndsWith(name, StringComparison.Ordinal)
                : repository.Length == name.Length
                    ? string.Equals(repository, name, StringComparison.Ordinal)
                    // Compared in place: a "/" + name for every known image of every container was megabytes of strings a scan.
                    : repository.Length > name.Length && repository[repository.Length - name.Length - 1] == '/' && repository.EndsWith(name, StringComparison.Ordinal);

        public static ImageReference Parse(string image)
        {
            string rest = image.Trim();
            string? digest = null;
            int at = rest.IndexOf('@');
            if (at >= 0)
            {
                digest = rest.Substring(at + 1);
                rest = rest.Substring(0, at);
            }

            string? tag = null;
            int lastSlash = rest.LastIndexOf('/');
            int colon = rest.LastIndexOf(':');
            // A colon before the last slash is a registry port (localhost:5000/model), not a tag.
            if (colon > lastSlash)
            {
                tag = rest.Substring(colon + 1);
                rest = rest.Substring(0, colon);
                if (tag.Length == 0) tag = null;
            }

            return new ImageReference(rest, tag, digest);
        }
    }
}
