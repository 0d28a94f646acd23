using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace InfraLint.Core.Knowledge
{
    /// <summary>
    /// Recognises a credential by what a value contains, whatever it is called: the password of a URI, a private-key
    /// block, an access token of a documented shape, a credential given to a program as a <c>--flag</c>.
    /// </summary>
    public static class SecretValues
    {
        /// <summary>
        /// Schemes whose userinfo is a login to a service an AI stack talks to (web and object stores, caches, databases,
        /// brokers). A SQLAlchemy driver suffix (<c>postgresql+psycopg2</c>) and <c>mongodb+srv</c> keep their base scheme.
        /// </summary>
        private static readonly string[] CredentialSchemes =
        {
            "http", "https", "redis", "rediss", "postgres", "postgresql", "mysql", "mariadb", "mongodb", "amqp", "amqps",
            "mssql", "clickhouse", "nats", "kafka", "ftp", "sftp", "ldap", "ldaps", "git", "ssh", "smtp", "smtps",
        };

        // scheme://user:password@host — the user part has no ':' and the password ends at the last '@' before the host
        // (a password may hold ':' or an unencoded '@' in real files; it never holds '/' or whitespace).
        private static readonly Regex UriUserInfo = new Regex(
            @"(?<scheme>\b[A-Za-z][A-Za-z0-9+.\-]*)://(?<user>[^\s/@:'""<>]*):(?<password>[^\s/'""<>]+)@(?<host>[^\s@/:'""<>]*)(?=[^\s@/'""<>]*(?:[\s/'""<>]|$))",
            RegexOptions.CultureInvariant);

        /// <summary>The PEM header of every private-key encoding (PKCS#1 <c>RSA</c>, <c>EC</c>, PKCS#8, <c>ENCRYPTED</c>, <c>OPENSSH</c>).</summary>
        private static readonly Regex PrivateKeyBlock = new Regex(
            @"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----(?<body>[\s\S]*?)(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY-----|$)",
            RegexOptions.CultureInvariant);

        /// <summary>
        /// Token shapes their issuers document, so a value is a credential whatever the variable is called.
        /// Hugging Face user access tokens: <c>hf_</c> and 34 letters (the shape Hugging Face registered with GitHub secret
        /// scanning, as gitleaks and detect-secrets match it); AWS access key IDs: <c>AKIA</c> (long-term) or <c>ASIA</c>
        /// (STS) and 16 upper-case letters or digits, 20 characters in all (AWS STS GetAccessKeyInfo reference, example
        /// <c>AKIAIOSFODNN7EXAMPLE</c>). Checked 2026-11-30 against https://huggingface.co/docs/hub/security-tokens and
        /// https://docs.aws.amazon.com/STS/latest/APIReference/API_GetAccessKeyInfo.html.
        /// </summary>
        private static readonly Regex KnownToken = new Regex(
            @"^(?:hf_[A-Za-z]{34}|api_org_[A-Za-z]{34}|(?:AKIA|ASIA)[A-Z0-9]{16})$",
            RegexOptions.CultureInvariant);

        /// <summary>
        /// Prefixes that start a provider's tokens (Hugging Face <c>hf_</c>, OpenAI <c>sk-</c> and <c>sk-proj-</c>, Anthropic
        /// <c>sk-ant-</c>, GitHub <c>ghp_</c>, Slack <c>xoxb-</c>, AWS <c>AKIA</c>). Written alone or followed by filler
        /// (<c>hf_xxx</c>, <c>sk-...</c>) they show which token goes there; followed by a real body they are the token.
        /// </summary>
        private static readonly string[] TokenPrefixes = { "sk-ant-", "sk-proj-", "sk-", "hf_", "api_org_", "ghp_", "github_pat_", "glpat-", "xoxb-", "xoxp-", "AKIA", "ASIA" };

        /// <summary>
        /// The password of a URI with credentials (<c>https://user:pw@host</c>, <c>redis://:pw@host</c>), or null when there
        /// is none or it is a placeholder (see <see cref="SecretNames.IsPlaceholderValue"/>): <c>${DB_PASSWORD}</c> and
        /// <c>$(PASSWORD)</c> are filled in at deploy time, <c>&lt;password&gt;</c>, <c>changeme</c>, <c>password</c> and
        /// <c>xxx</c> tell the reader what goes there, and none of them opens anything.
        /// </summary>
        public static string? UriPassword(string? text)
        {
            if (string.IsNullOrEmpty(text) || text!.IndexOf("://", StringComparison.Ordinal) < 0) return null;
            foreach (Match m in UriUserInfo.Matches(text))
            {
                string scheme = m.Groups["scheme"].Value.ToLowerInvariant();
                int plus = scheme.IndexOf('+');
                if (plus > 0) scheme = scheme.Substring(0, plus);
                if (!CredentialSchemes.Contains(scheme)) continue;
                string password = m.Groups["password"].Value;
                if (IsPlaceholderPassword(password) || IsDocumentationHost(m.Groups["host"].Value)) continue;
                return password;
            }
            return null;
        }

        /// <summary>
        /// Hosts reserved for documentation (RFC 2606 and RFC 6761: <c>example</c>, <c>example.com</c>, <c>*.example</c>,
        /// <c>*.test</c>, <c>*.invalid</c>): a URI pointing there shows the syntax, it logs in nowhere.
        /// </summary>
        private static bool IsDocumentationHost(string host)
        {
            string h = host.ToLowerInvariant().TrimEnd('.');
            if (h is "example" or "example.com" or "example.net" or "example.org") return true;
            return h.EndsWith(".example.com", StringComparison.Ordinal) || h.EndsWith(".example.net", StringComparison.Ordinal)
                || h.EndsWith(".example.org", StringComparison.Ordinal) || h.EndsWith(".example", StringComparison.Ordinal)
                || h.EndsWith(".test", StringComparison.Ordinal) || h.EndsWith(".invalid", StringComparison.Ordinal);
        }

        private static bool IsPlaceholderPassword(string password)
        {
            if (SecretNames.IsPlaceholderValue(password)) return true;
            // A template reference anywhere inside (pa${SUFFIX}, {{ .Values.pw }}): the file does not hold the password.
            return password.Contains("${") || password.Contains("$(") || password.Contains("{{") || password.Contains("%(");
        }

        /// <summary>
        /// The lines of a PEM private key with a body (a header followed by base64), or an empty list. A header with no body
        /// or an elided one (<c>...</c>) is documentation of the format, not a key.
        /// </summary>
        public static IReadOnlyList<string> PrivateKeyLines(string? text)
        {
            if (string.IsNullOrEmpty(text) || text!.IndexOf("PRIVATE KEY-----", StringComparison.Ordinal) < 0) return Array.Empty<string>();
            var lines = new List<string>();
            foreach (Match m in PrivateKeyBlock.Matches(text))
            {
                var body = m.Groups["body"].Value
                    .Split(new[] { '\n', '\r', ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries)
                    .Where(l => !l.Contains(':')) // Proc-Type: and DEK-Info: headers of an encrypted PKCS#1 key
                    .Select(l => l.Replace("\\n", string.Empty))
                    .Where(l => l.Length > 0)
                    .ToList();
                int base64 = body.Sum(l => l.Count(c => char.IsLetterOrDigit(c) || c == '+' || c == '/' || c == '='));
                // The smallest real key (an Ed25519 OpenSSH key) has well over 100 base64 characters.
                if (base64 < 64 || body.Any(l => l.Contains("..."))) continue;
                lines.AddRange(body);
            }
            return lines;
        }

        /// <summary>A token of a shape its issuer documents (see <see cref="KnownToken"/>) that is not the issuer's own example.</summary>
        public static bool IsKnownToken(string? value) =>
            value is not null && KnownToken.IsMatch(value.Trim()) && !SecretNames.IsPlaceholderValue(value) && !IsTokenPrefixPlaceholder(value.Trim());

        /// <summary>
        /// A provider's token prefix alone or with filler (<c>hf_</c>, <c>hf_xxx</c>, <c>sk-...</c>, <c>hf_***</c>,
        /// <c>AKIA0000000000000000</c>): shows which token belongs there. Exact placeholders only: <c>hf_</c> followed by
        /// anything that could be a token body is a token.
        /// </summary>
        public static bool IsTokenPrefixPlaceholder(string value)
        {
            foreach (var prefix in TokenPrefixes)
            {
                if (!value.StartsWith(prefix, StringComparison.Ordinal)) continue;
                string rest = value.Substring(prefix.Length);
                return rest.Length == 0 || rest.All(c => c is 'x' or 'X' or '*' or '.' or '0' or '_' or '-' or '…');
            }
            return false;
        }

        /// <summary>
        /// Credentials a command line passes literally: <c>--api-key VALUE</c>, <c>--token=VALUE</c>, <c>--hf-token</c>,
        /// <c>--password</c> and any flag whose words name a credential (<see cref="SecretNames.IsSecretName"/>), and
        /// <c>HF_TOKEN=VALUE</c> assignments in a shell line. Each word is one argument or one word of a shell string, in
        /// order; the result is (index of the word holding the value, the flag or variable, the value).
        /// </summary>
        public static IEnumerable<(int Index, string Flag, string Value)> CommandLineCredentials(IReadOnlyList<string> words)
        {
            for (int i = 0; i < words.Count; i++)
            {
                string word = Unquote(words[i]);
                if (word.StartsWith("-", StringComparison.Ordinal))
                {
                    string flag = word;
                    string? value = null;
                    int at = i;
                    int eq = word.IndexOf('=');
                    if (eq > 0)
                    {
                        flag = word.Substring(0, eq);
                        value = Unquote(word.Substring(eq + 1));
                    }
                    else if (i + 1 < words.Count && !words[i + 1].StartsWith("-", StringComparison.Ordinal))
                    {
                        value = Unquote(words[i + 1]);
                        at = i + 1;
                    }
                    if (value is null || !IsCredentialFlag(flag)) continue;
                    if (IsCredentialLiteral(flag.TrimStart('-'), value)) yield return (at, flag, value);
                }
                else if (word.IndexOf('=') is int eq && eq > 0 && IsShellName(word.Substring(0, eq)))
                {
                    string name = word.Substring(0, eq);
                    string value = Unquote(word.Substring(eq + 1));
                    if (SecretNames.IsSecretName(name) && IsCredentialLiteral(name, value)) yield return (i, name, value);
                }
            }
        }

        /// <summary>
        /// A literal that holds a credential named <paramref name="name"/>: not a placeholder, not the name itself
        /// (<c>HF_TOKEN: "HF_TOKEN"</c> is a sample telling the reader which variable to fill in), not a provider's token
        /// prefix with filler.
        /// </summary>
        public static bool IsCredentialLiteral(string name, string? value)
        {
            if (value is null || SecretNames.IsPlaceholderValue(value)) return false;
            string v = value.Trim();
            // A shell operator or a stray character after a flag (--password-stdin <, --token |) is no credential.
            if (v.Length < 3 || !v.Any(char.IsLetterOrDigit)) return false;
            if (string.Equals(v, name, StringComparison.OrdinalIgnoreCase)) return false;
            return !IsTokenPrefixPlaceholder(v);
        }

        private static bool IsCredentialFlag(string flag)
        {
            string name = flag.TrimStart('-');
            // A one-letter flag (-p, -t) means something different to every program.
            return name.Length > 1 && SecretNames.IsSecretName(name);
        }

        private static bool IsShellName(string name) =>
            name.Length > 1 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_');

        private static string Unquote(string word)
        {
            string w = word.Trim();
            if (w.Length >= 2 && (w[0] == '"' || w[0] == '\'') && w[w.Length - 1] == w[0]) return w.Substring(1, w.Length - 2);
            return w.TrimEnd(';');
        }
    }
}
