using System;
using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Facts;
using InfraLint.Core.Locations;

namespace InfraLint.Core.Knowledge
{
    /// <summary>Where a literal credential was found.</summary>
    public enum SecretPlace
    {
        EnvironmentVariable,
        Argument,
        Annotation,
        ParameterDefault,
    }

    /// <summary>What makes the literal a credential.</summary>
    public enum SecretKind
    {
        /// <summary>The value of something named as a credential (<c>HF_TOKEN</c>, <c>--api-key</c>, a <c>NoEcho</c> parameter).</summary>
        NamedCredential,
        UriPassword,
        PrivateKey,
        /// <summary>A token of a shape its issuer documents (<c>hf_…</c>, <c>AKIA…</c>), whatever it is called.</summary>
        KnownToken,
    }

    /// <summary>
    /// One credential written literally in a file. <see cref="Values"/> is what must never be printed: the whole value, the
    /// password of a URI, or each line of a private key (a diff shows a key line by line).
    /// </summary>
    public sealed class PlaintextSecret
    {
        public PlaintextSecret(InfraResource resource, Container? container, SecretPlace place, string name, SecretKind kind, SourceSpan span, string path, IReadOnlyList<string> values)
        {
            Resource = resource;
            Container = container;
            Place = place;
            Name = name;
            Kind = kind;
            Span = span;
            Path = path;
            Values = values;
        }

        public InfraResource Resource { get; }

        /// <summary>The container whose environment or command line holds the secret; null for annotations and parameters.</summary>
        public Container? Container { get; }

        public SecretPlace Place { get; }

        /// <summary>The variable, flag, annotation key or parameter: the only thing a message may name.</summary>
        public string Name { get; }

        public SecretKind Kind { get; }

        public SourceSpan Span { get; }

        /// <summary>Logical path of what holds the secret (for an environment variable, its name, as IL2009 has always used).</summary>
        public string Path { get; }

        public IReadOnlyList<string> Values { get; }
    }

    /// <summary>
    /// Finds every literal credential of a resource: IL2009 reports them and <see cref="SecretMask"/> hides them, so what one
    /// finds the other masks.
    /// </summary>
    public static class PlaintextSecrets
    {
        /// <summary>
        /// kubectl's copy of the whole object as last applied: every value in it is judged where the object itself writes
        /// it, and reporting the copy would report each secret twice.
        /// </summary>
        private const string LastAppliedConfiguration = "kubectl.kubernetes.io/last-applied-configuration";

        public static IEnumerable<PlaintextSecret> In(InfraResource resource)
        {
            if (resource is ComputeWorkload workload)
            {
                foreach (var container in workload.Containers)
                {
                    foreach (var env in container.Env)
                        if (InEnvironment(workload, container, env) is { } secret) yield return secret;
                    foreach (var secret in InCommandLine(workload, container)) yield return secret;
                }
            }
            if (resource is TemplateParameter parameter && InParameter(parameter) is { } inParameter)
                yield return inParameter;
            foreach (var annotation in resource.Annotations)
            {
                string key = annotation.Key;
                var value = annotation.Value;
                if (key == LastAppliedConfiguration || !value.IsPresent) continue;
                if (ByContent(value.Value) is { } found)
                    yield return new PlaintextSecret(resource, null, SecretPlace.Annotation, key, found.Kind, value.Span, value.Path, found.Values);
            }
        }

        /// <summary>A credential variable's literal value, or any variable's value that holds a URI password, a private key or a known token.</summary>
        private static PlaintextSecret? InEnvironment(ComputeWorkload workload, Container container, EnvVar env)
        {
            if (!env.Value.IsPresent || env.Value.Value is not string value) return null;
            string name = env.Name.Value;
            if (SecretNames.IsSecretName(name) && SecretValues.IsCredentialLiteral(name, value))
                return new PlaintextSecret(workload, container, SecretPlace.EnvironmentVariable, name, SecretKind.NamedCredential, env.Value.Span, env.Name.Path, WholeValue(value));
            return ByContent(value) is { } found
                ? new PlaintextSecret(workload, container, SecretPlace.EnvironmentVariable, name, found.Kind, env.Value.Span, env.Name.Path, found.Values)
                : null;
        }

        /// <summary>
        /// Arguments and (where the source locates it) the command, as the program sees them: each list item is an argument,
        /// and an item with spaces is a shell line (<c>sh -c "vllm serve --api-key …"</c>) split into words.
        /// </summary>
        private static IEnumerable<PlaintextSecret> InCommandLine(ComputeWorkload workload, Container container)
        {
            var words = new List<(string Word, Located<string> Arg)>();
            foreach (var arg in container.LocatedCommand.Concat(container.Args))
            {
                if (!arg.IsPresent || arg.Value is null) continue;
                foreach (var word in arg.Value.Split(new[] { ' ', '\t', '\n', '\r' }, StringSplitOptions.RemoveEmptyEntries))
                    words.Add((word, arg));
            }
            var reported = new HashSet<SourceSpan>();
            foreach (var (index, flag, value) in SecretValues.CommandLineCredentials(words.Select(w => w.Word).ToList()))
            {
                var arg = words[index].Arg;
                if (reported.Add(arg.Span))
                    yield return new PlaintextSecret(workload, container, SecretPlace.Argument, flag, SecretKind.NamedCredential, arg.Span, arg.Path, WholeValue(value));
            }
            foreach (var (word, arg) in words)
            {
                if (reported.Contains(arg.Span) || ByContent(word) is not { } found) continue;
                reported.Add(arg.Span);
                // Named by its place (args[2]), never by its text: the argument is the secret.
                string place = arg.Path.Substring(arg.Path.LastIndexOf('.') + 1);
                yield return new PlaintextSecret(workload, container, SecretPlace.Argument, place, found.Kind, arg.Span, arg.Path, found.Values);
            }
        }

        /// <summary>
        /// The <c>Default</c> of a parameter that holds a credential: one the template marks <c>NoEcho</c>, or one named as a
        /// credential. Either way every reader of the template has the value the console hides.
        /// </summary>
        private static PlaintextSecret? InParameter(TemplateParameter parameter)
        {
            var value = parameter.Default;
            if (!value.IsPresent || value.Value is null) return null;
            if (!parameter.NoEcho && !SecretNames.IsSecretName(parameter.Name)) return ByContentOf(parameter, value);
            return SecretValues.IsCredentialLiteral(parameter.Name, value.Value)
                ? new PlaintextSecret(parameter, null, SecretPlace.ParameterDefault, parameter.Name, SecretKind.NamedCredential, value.Span, value.Path, WholeValue(value.Value))
                : null;
        }

        private static PlaintextSecret? ByContentOf(TemplateParameter parameter, Located<string?> value) =>
            ByContent(value.Value) is { } found
                ? new PlaintextSecret(parameter, null, SecretPlace.ParameterDefault, parameter.Name, found.Kind, value.Span, value.Path, found.Values)
                : null;

        /// <summary>A credential recognisable by the value alone, and what of it to hide.</summary>
        private static (SecretKind Kind, IReadOnlyList<string> Values)? ByContent(string? value)
        {
            if (string.IsNullOrWhiteSpace(value)) return null;
            var keyLines = SecretValues.PrivateKeyLines(value);
            if (keyLines.Count > 0) return (SecretKind.PrivateKey, keyLines);
            // The mask hides the password part of every URI it prints by pattern already; the literal itself is added only when
            // it is long enough not to be a piece of ordinary words (a password "pass" would turn every "password" into "****word").
            if (SecretValues.UriPassword(value) is { } password)
                return (SecretKind.UriPassword, password.Length >= 6 || password.Contains("@") ? new[] { password } : Array.Empty<string>());
            if (SecretValues.IsKnownToken(value)) return (SecretKind.KnownToken, WholeValue(value!));
            return null;
        }

        /// <summary>The value, and each of its lines when it has several: a diff's context shows a file line by line.</summary>
        private static IReadOnlyList<string> WholeValue(string value)
        {
            string trimmed = value.Trim();
            if (trimmed.IndexOf('\n') < 0) return new[] { trimmed };
            return new[] { trimmed }
                .Concat(trimmed.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
                .ToArray();
        }
    }
}
