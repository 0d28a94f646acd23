using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Engine;
using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using InfraLint.Core.Knowledge;
using NRules.Fluent.Dsl;

namespace InfraLint.Rules.Security
{
    /// <summary>
    /// A credential written into a manifest is in every clone, fork, CI log and backup of the repository.
    /// The finding must not become one more copy: the value never appears in the message, the logical path
    /// or the properties, only the variable's name and place.
    /// </summary>
    [Name(Id)]
    public sealed class IL2009PlaintextSecret : Rule
    {
        public const string Id = "IL2009";

        public static readonly RuleDescriptor Descriptor = new RuleDescriptor(
            Id,
            "Plaintext secret",
            "An environment variable whose name denotes a credential (token, password, API key) has a literal value in the file, so the secret is readable by everyone who can read the repository.",
            Severity.Error,
            Precision.High,
            new[] { "security", "secrets", "credentials" },
            securitySeverity: 8.0,
            controls: new[]
            {
                FrameworkControl.Nist("IA-5", "Authenticator Management"),
                FrameworkControl.Nist("IA-5(7)", "Authenticator Management | No Embedded Unencrypted Static Authenticators"),
            });

        public override void Define()
        {
            Container container = default!;

            When()
                .Match(() => container, c => c.Env.Any(SecretMask.IsPlaintextSecret));

            Then()
                .Do(ctx => ctx.Report(container.Env.Where(SecretMask.IsPlaintextSecret).Select(e => Report(container, e))));
        }

        private static Finding Report(Container container, EnvVar env) =>
            new Finding(
                Descriptor,
                $"Environment variable '{env.Name.Value}' of the {Wording.Of(container)} has a literal value that looks like a credential; keep it in a secret store and reference it (Kubernetes valueFrom.secretKeyRef, a CloudFormation {{{{resolve:secretsmanager:…}}}} dynamic reference, compose secrets).",
                env.Value.Span,
                Wording.PathOf(container.Workload, env.Name),
                container.Workload,
                properties: new Dictionary<string, string> { ["variable"] = env.Name.Value });
    }
}
