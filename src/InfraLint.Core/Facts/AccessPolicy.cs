using System;
using System.Collections.Generic;
using InfraLint.Core.Locations;

namespace InfraLint.Core.Facts
{
    /// <summary>An RBAC Role/ClusterRole or an IAM policy: a list of allow statements.</summary>
    public sealed class AccessPolicy : InfraResource
    {
        public AccessPolicy(string format, string kind, string name, string @namespace, SourceSpan span)
            : base(format, kind, name, @namespace, span)
        {
        }

        public IReadOnlyList<AccessStatement> Statements { get; set; } = Array.Empty<AccessStatement>();
    }

    /// <summary>
    /// One grant. Kubernetes: verbs → <see cref="Actions"/>, resources → <see cref="Resources"/>,
    /// apiGroups → <see cref="Scopes"/>. IAM: Action, Resource, (no scopes).
    /// </summary>
    public sealed class AccessStatement
    {
        public AccessStatement(AccessPolicy policy, SourceSpan span, string path)
        {
            Policy = policy;
            Span = span;
            Path = path;
        }

        public AccessPolicy Policy { get; }

        public SourceSpan Span { get; }

        public string Path { get; }

        public IReadOnlyList<Located<string>> Actions { get; set; } = Array.Empty<Located<string>>();

        public IReadOnlyList<Located<string>> Resources { get; set; } = Array.Empty<Located<string>>();

        /// <summary>True when some of the statement's resources are computed elsewhere (an intrinsic, a C# variable) and not in <see cref="Resources"/>.</summary>
        public bool ResourcesUnknown { get; set; }

        public IReadOnlyList<Located<string>> Scopes { get; set; } = Array.Empty<Located<string>>();

        /// <summary>The keys of the statement's <c>Condition</c> (<c>iam:AWSServiceName</c>, <c>aws:ResourceTag/team</c>), as written.</summary>
        public IReadOnlyList<string> ConditionKeys { get; set; } = Array.Empty<string>();

        /// <summary>
        /// Why a broad grant is nevertheless the provider's convention and not a finding (e.g. AWS's default
        /// key policy granting the account root kms:*); null for an ordinary statement.
        /// </summary>
        public string? ConventionalDefault { get; set; }
    }
}
