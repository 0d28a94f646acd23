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
    /// or the properties, only the name of what holds it and its place.
    /// </summary>
    [Name(Id)]
    public sealed class IL2009PlaintextSecret : SimpleCheck<InfraResource>
    {
        public const string Id = "IL2009";

        public static readonly RuleDescriptor Descriptor = new RuleDescriptor(
            Id,
            "Plaintext secret",
            "A credential is written literally in the file — the value of a variable, flag or parameter named as one (token, password, API key), the password of a URI, a private key or an access token — so it is readable by everyone who can read the repository.",
            Severity.Error,
            Precision.High,
            new[] { "security", "secrets", "credentials" },
            securitySeverity: 8.0,
            controls: new[]
            {
                FrameworkControl.Nist("IA-5", "Authenticator Management"),
                FrameworkControl.Nist("IA-5(7)", "Authenticator Management | No Embedded Unencrypted Static Authenticators"),
            });

        private const string References = "Kubernetes valueFrom.secretKeyRef, a CloudFormation {{resolve:secretsmanager:…}} dynamic reference, compose secrets";

        private const string Remedy = "keep it in a secret store and reference it (" + References + ")";

        private const string ArgumentRemedy = "pass it in an environment variable that references a secret store instead (" + References + ")";

        /// <summary>Any resource can carry a literal credential (an environment variable, an argument, an annotation, a default).</summary>
        protected override bool Applies(InfraResource resource, LintSettings settings) => true;

        protected override IEnumerable<Finding> Judge(InfraResource resource, LintSettings settings) => PlaintextSecrets.In(resource).Select(Report);

        private static Finding Report(PlaintextSecret secret)
        {
            string owner = secret.Container is { } container ? "the " + Wording.Of(container) : Wording.Of(secret.Resource);
            string message = secret.Place switch
            {
                SecretPlace.EnvironmentVariable when secret.Kind == SecretKind.NamedCredential =>
                    $"Environment variable '{secret.Name}' of {owner} has a literal value that looks like a credential; {Remedy}.",
                SecretPlace.EnvironmentVariable =>
                    $"Environment variable '{secret.Name}' of {owner} holds {What(secret.Kind)}; {Remedy}.",
                SecretPlace.Argument when secret.Kind == SecretKind.NamedCredential =>
                    $"Argument '{secret.Name}' of {owner} is given a literal credential on the command line; {ArgumentRemedy}.",
                SecretPlace.Argument =>
                    $"Argument {secret.Name} of {owner} holds {What(secret.Kind)}; {ArgumentRemedy}.",
                SecretPlace.Annotation =>
                    $"Annotation '{secret.Name}' of {owner} holds {What(secret.Kind)}; annotations are readable by everyone who can read the object, so {Remedy}.",
                _ when secret.Kind == SecretKind.NamedCredential && secret.Resource is TemplateParameter { NoEcho: true } =>
                    $"{owner} has a literal Default for a NoEcho value; NoEcho hides it from the console, not from the template. Remove the Default and pass the value at deployment, or use a {{{{resolve:secretsmanager:…}}}} dynamic reference.",
                _ when secret.Kind == SecretKind.NamedCredential =>
                    $"{owner} has a literal Default that looks like a credential; remove the Default and pass the value at deployment (as a NoEcho parameter), or use a {{{{resolve:secretsmanager:…}}}} dynamic reference.",
                _ => $"The Default of {owner} holds {What(secret.Kind)}; remove the Default and pass the value at deployment, or use a {{{{resolve:secretsmanager:…}}}} dynamic reference.",
            };
            var properties = new Dictionary<string, string> { ["kind"] = KindName(secret.Kind) };
            if (secret.Place == SecretPlace.EnvironmentVariable) properties["variable"] = secret.Name;
            return new Finding(Descriptor, message, secret.Span, $"{secret.Resource.Id}:{secret.Path}", secret.Resource, properties: properties);
        }

        private static string What(SecretKind kind) => kind switch
        {
            SecretKind.UriPassword => "a URI with a literal password",
            SecretKind.PrivateKey => "a private key",
            SecretKind.KnownToken => "an access token",
            _ => "a literal credential",
        };

        private static string KindName(SecretKind kind) => kind switch
        {
            SecretKind.UriPassword => "uri-password",
            SecretKind.PrivateKey => "private-key",
            SecretKind.KnownToken => "access-token",
            _ => "named-credential",
        };
    }
}
