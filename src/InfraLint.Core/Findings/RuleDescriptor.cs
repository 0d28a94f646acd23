using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace InfraLint.Core.Findings
{
    /// <summary>
    /// Everything about a rule except its logic, declared once beside the rule. The CLI catalog,
    /// SARIF <c>rules</c>, docs checks and reports are all derived from it.
    /// </summary>
    public sealed class RuleDescriptor
    {
        public const string RepositoryUrl = "https://github.com/infralint/infralint";

        public RuleDescriptor(
            string id,
            string title,
            string description,
            Severity severity,
            Precision precision,
            IReadOnlyList<string> tags,
            double? securitySeverity = null,
            IReadOnlyList<FrameworkControl>? controls = null,
            bool enabledByDefault = true,
            bool suppressibleInSource = true,
            bool recommended = true)
        {
            if (id is null || id.Length != 6 || !id.StartsWith("IL", StringComparison.Ordinal) || !id.Skip(2).All(char.IsDigit))
                throw new ArgumentException($"Rule ids are IL followed by four digits, not '{id}'.", nameof(id));
            if (securitySeverity is < 0 or > 10)
                throw new ArgumentOutOfRangeException(nameof(securitySeverity), "GitHub reads security-severity as a CVSS-like score from 0.0 to 10.0.");
            Id = id;
            Title = title;
            Description = description;
            DefaultSeverity = severity;
            Precision = precision;
            Tags = tags;
            SecuritySeverity = securitySeverity;
            Controls = controls ?? Array.Empty<FrameworkControl>();
            EnabledByDefault = enabledByDefault;
            SuppressibleInSource = suppressibleInSource;
            Recommended = recommended;
        }

        public string Id { get; }

        /// <summary>Short title, as in RULES.md ("Privileged container").</summary>
        public string Title { get; }

        /// <summary>One or two sentences: when the rule fires and why it matters.</summary>
        public string Description { get; }

        public Severity DefaultSeverity { get; }

        public Precision Precision { get; }

        public IReadOnlyList<string> Tags { get; }

        /// <summary>GitHub code scanning's 0–10 score; security rules only.</summary>
        public double? SecuritySeverity { get; }

        public IReadOnlyList<FrameworkControl> Controls { get; }

        public bool EnabledByDefault { get; }

        /// <summary>
        /// In the recommended set, the default: precise and actionable on real files (docs/precision.md argues every
        /// rule left out). <c>ruleSet: all</c> runs the others too.
        /// </summary>
        public bool Recommended { get; }

        /// <summary>
        /// False for a rule whose findings say the source itself cannot be trusted (a file that cannot be parsed):
        /// a directive in that source must not silence them. Configuration can still disable the rule.
        /// </summary>
        public bool SuppressibleInSource { get; }

        public RuleArea Area => (RuleArea)(Id[2] - '0');

        /// <summary>PascalCase name for SARIF's <c>reportingDescriptor.name</c>.</summary>
        public string Name =>
            string.Concat(Title.Split(new[] { ' ', '-', '/', '(', ')', ',' }, StringSplitOptions.RemoveEmptyEntries)
                .Select(w => char.ToUpperInvariant(w[0]) + w.Substring(1)));

        public string DocsPath => $"rules/docs/{Id}.md";

        public Uri HelpUri => new Uri($"{RepositoryUrl}/blob/main/{DocsPath}");

        public string SecuritySeverityText =>
            SecuritySeverity?.ToString("0.0", CultureInfo.InvariantCulture) ?? string.Empty;

        public override string ToString() => $"{Id} {Title}";
    }
}
