using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using InfraLint.Core.Facts;

namespace InfraLint.Core.Knowledge
{
    /// <summary>
    /// Hides every value InfraLint recognises as a secret wherever text is shown: the literal values of credential
    /// variables (what IL2009 reports) and the password part of any URI (<c>https://user:pw@host</c>,
    /// <c>redis://:pw@host</c>). A finding, an explanation or a diff is one more copy of the repository; it must not be
    /// one more copy of its secrets.
    /// </summary>
    public sealed class SecretMask
    {
        public const string Masked = "****";

        /// <summary>Shorter values would mask unrelated text everywhere (a 2-letter value is in many words) and guard nothing.</summary>
        private const int MinLength = 3;

        // scheme://user:password@ — the password ends at '@'; it may contain ':' but not '/', whitespace or quotes.
        private static readonly Regex UriCredentials = new Regex(
            @"(?<head>\b[A-Za-z][A-Za-z0-9+.\-]*://[^\s/@:'""<>]*:)(?<secret>[^\s/@'""<>]+)(?=@)",
            RegexOptions.CultureInvariant);

        private readonly string[] _values;

        public SecretMask(IEnumerable<string> values)
        {
            // Longest first, so a value that contains another is masked whole.
            _values = values
                .Where(v => v.Length >= MinLength)
                .Distinct(StringComparer.Ordinal)
                .OrderByDescending(v => v.Length)
                .ToArray();
        }

        public static SecretMask None { get; } = new SecretMask(Array.Empty<string>());

        /// <summary>Every value any of the masks hides: the mask of scans reported together (one per repository).</summary>
        public static SecretMask Combine(IEnumerable<SecretMask> masks) => new SecretMask(masks.SelectMany(m => m._values));

        /// <summary>The secret values among the facts of a scan: everything IL2009 finds (<see cref="PlaintextSecrets"/>).</summary>
        /// <remarks>Most files hold no secret: they share <see cref="None"/> (a streaming scan keeps one mask per file until its sessions).</remarks>
        public static SecretMask FromFacts(IEnumerable<object> facts)
        {
            // Taken file by file as the files are read: most hold no secret, and then nothing is made.
            List<string>? values = null;
            HashSet<InfraResource>? seen = null;
            foreach (var fact in facts)
            {
                // Containers are parts of workloads here; the engine flattens them into facts of their own only later.
                var resource = fact switch { InfraResource r => r, Container c => c.Workload, _ => null };
                if (resource is null || !(seen ??= new HashSet<InfraResource>()).Add(resource)) continue;
                foreach (var secret in PlaintextSecrets.In(resource))
                    foreach (var value in secret.Values)
                        (values ??= new List<string>()).Add(value.Trim());
            }
            if (values is null) return None;
            var mask = new SecretMask(values);
            return mask._values.Length == 0 ? None : mask;
        }

        public string Apply(string text)
        {
            if (string.IsNullOrEmpty(text)) return text;
            string masked = text.IndexOf("://", StringComparison.Ordinal) >= 0 ? UriCredentials.Replace(text, m => m.Groups["head"].Value + Masked) : text;
            if (_values.Length == 0) return masked;
            StringBuilder? builder = null;
            foreach (var value in _values)
            {
                string current = builder?.ToString() ?? masked;
                if (current.IndexOf(value, StringComparison.Ordinal) < 0) continue;
                builder = new StringBuilder(current.Replace(value, Masked));
            }
            return builder?.ToString() ?? masked;
        }
    }
}
