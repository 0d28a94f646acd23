using System;
using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Engine;
using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using InfraLint.Core.Knowledge;
using InfraLint.Core.Locations;
using NRules.Fluent.Dsl;

namespace InfraLint.Rules.Security
{
    /// <summary>
    /// A wildcard grants today's verbs and resources and every one added later (including CRDs installed
    /// next year), so nobody can say what the subject is allowed to do.
    /// </summary>
    [Name(Id)]
    public sealed class IL2005WildcardPermissions : SimpleCheck<AccessStatement>
    {
        public const string Id = "IL2005";

        public static readonly RuleDescriptor Descriptor = new RuleDescriptor(
            Id,
            "Wildcard permissions",
            "An RBAC rule or IAM statement grants '*' actions (verbs) or '*' resources, which allows everything that exists now and everything added later, instead of the least privilege the subject needs.",
            Severity.Warning,
            Precision.High,
            new[] { "security", "rbac", "iam", "least-privilege" },
            securitySeverity: 7.5,
            controls: new[]
            {
                FrameworkControl.Cis("5.1.3", "Minimize wildcard use in Roles and ClusterRoles"),
                FrameworkControl.Nist("AC-6", "Least Privilege"),
            });

        /// <summary>A grant a platform makes by convention (the default admin role) is not the author's to narrow.</summary>
        protected override bool Applies(AccessStatement statement, LintSettings settings) => statement.ConventionalDefault == null;

        protected override IEnumerable<Finding> Judge(AccessStatement statement, LintSettings settings)
        {
            if (statement.Actions.Any(IsWildcardAction) || (statement.Resources.Any(IsWildcard) && CouldBeScoped(statement))) yield return Report(statement);
        }

        private static bool IsWildcard(Located<string> value) => value.Value.Trim() == "*";

        /// <summary>
        /// A '*' resource matters when some granted action could have been scoped (IAM's ec2:Describe* cannot) and
        /// reads or changes data: IAM actions that only list or describe (<c>sagemaker:List*</c>,
        /// <c>logs:DescribeLogStreams</c>) reveal names, not contents, and are left alone. Data reads such as
        /// <c>s3:GetObject</c> or <c>secretsmanager:GetSecretValue</c> on '*' are the widest grants there are and stay.
        /// A condition on a key that narrows the resources (<c>iam:AWSServiceName</c>, <c>aws:ResourceTag/…</c>) scopes them.
        /// </summary>
        private static bool CouldBeScoped(AccessStatement statement) =>
            !statement.ConditionKeys.Any(IamConditions.NarrowsResources)
            && (statement.Actions.Count == 0 || statement.Actions.Any(a => !IamActions.RequiresAnyResource(a.Value) && !IsListOrDescribe(a.Value)));

        private static bool IsListOrDescribe(string action)
        {
            int colon = action.IndexOf(':');
            if (colon < 0) return false; // Kubernetes verbs: list on '*' still lists every kind of object, secrets included
            string verb = action.Substring(colon + 1).Trim();
            return verb.StartsWith("List", StringComparison.Ordinal) || verb.StartsWith("Describe", StringComparison.Ordinal);
        }

        /// <summary>
        /// <c>*</c>, or an IAM service-wide action (<c>s3:*</c>). Kubernetes verbs never contain a colon.
        /// Narrower IAM patterns (<c>s3:Get*</c>) and ARNs ending in <c>/*</c> are left alone: they are scoped.
        /// </summary>
        private static bool IsWildcardAction(Located<string> value) =>
            IsWildcard(value) || value.Value.Trim().EndsWith(":*", StringComparison.Ordinal);

        /// <summary>The statement's resources as written: never an empty phrase ("grants … on ;").</summary>
        private static string Listed(AccessStatement statement)
        {
            var listed = string.Join(", ", statement.Resources.Select(r => r.Value));
            if (statement.ResourcesUnknown) return listed.Length == 0 ? "resources set elsewhere" : listed + " and resources set elsewhere";
            return listed.Length == 0 ? "no resource listed" : listed;
        }

        /// <summary>
        /// The API groups a Kubernetes grant is confined to, as written (a wildcard in <c>dex.coreos.com</c> is not a
        /// wildcard in the core group); nothing for IAM statements or a grant in every group.
        /// </summary>
        private static string Groups(AccessStatement statement)
        {
            var groups = statement.Scopes.Select(g => g.Value).ToArray();
            if (groups.Length == 0 || groups.Any(g => g.Trim() == "*")) return string.Empty;
            if (groups.All(g => g.Length == 0)) return " in the core API group";
            var named = groups.Select(g => g.Length == 0 ? "core (\"\")" : g);
            return $" in API group{(groups.Length == 1 ? "" : "s")} {string.Join(", ", named)}";
        }

        private static Finding Report(AccessStatement statement)
        {
            var actions = statement.Actions.Where(IsWildcardAction).ToArray();
            var resources = CouldBeScoped(statement) ? statement.Resources.Where(IsWildcard).ToArray() : Array.Empty<Located<string>>();
            var first = actions.Concat(resources).OrderBy(v => v.Span.StartOffset).First();

            string granted = actions.Length > 0
                ? $"every action ({string.Join(", ", actions.Select(a => $"'{a.Value}'"))})"
                : string.Join(", ", statement.Actions.Select(a => a.Value));
            string on = (resources.Length > 0 ? "every resource ('*')" : Listed(statement)) + Groups(statement);
            string narrow = actions.Length > 0 && resources.Length > 0 ? "actions and resources" : actions.Length > 0 ? "actions" : "resources";
            var policy = statement.Policy;
            return new Finding(
                Descriptor,
                $"{Wording.Of(policy)} grants {granted} on {on}; list only the {narrow} the subject needs.",
                first.Span,
                $"{policy.Id}:{statement.Path}",
                policy,
                properties: new Dictionary<string, string>
                {
                    ["actions"] = string.Join(",", statement.Actions.Select(a => a.Value)),
                    ["resources"] = string.Join(",", statement.Resources.Select(r => r.Value)),
                });
        }
    }
}
