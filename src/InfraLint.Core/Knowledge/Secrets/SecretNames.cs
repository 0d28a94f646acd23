using System;
using System.Linq;

namespace InfraLint.Core.Knowledge
{
    /// <summary>
    /// Decides whether an environment variable or property name denotes a credential. Names are split
    /// into words so that <c>MAX_TOKENS</c>, <c>TOKENIZER</c> and <c>PASSWORD_FILE</c> are not secrets
    /// while <c>HF_TOKEN</c>, <c>OPENAI_API_KEY</c> and <c>dbPassword</c> are.
    /// </summary>
    public static class SecretNames
    {
        private static readonly string[] SecretWords = { "PASSWORD", "PASSWD", "PWD", "SECRET", "TOKEN", "APIKEY", "CREDENTIAL", "CREDENTIALS", "PRIVATEKEY", "ACCESSKEY", "SECRETKEY", "AUTH" };

        private static readonly string[] SecretPairs = { "API_KEY", "ACCESS_KEY", "PRIVATE_KEY", "SECRET_KEY", "CLIENT_SECRET", "AUTH_TOKEN" };

        /// <summary>Words that make the name describe a secret rather than hold one.</summary>
        private static readonly string[] NotValueWords =
        {
            "FILE", "PATH", "DIR", "NAME", "REF", "KEYREF", "ARN", "URL", "URI", "ENDPOINT", "HEADER", "TYPE", "MODE",
            "ENABLED", "ENABLE", "DISABLED", "REQUIRED", "MAX", "MIN", "NUM", "LEN", "LENGTH", "SIZE", "COUNT", "LIMIT",
            "TTL", "TIMEOUT", "EXPIRY", "EXPIRES", "EXPIRATION", "LIFETIME", "ID", "ISSUER", "AUDIENCE", "SCOPE", "PROVIDER",
            // --api-key-env VLLM_KEY, --password-stdin: the flag says where the secret comes from, not what it is.
            "ENV", "VAR", "STDIN",
        };

        public static bool IsSecretName(string name)
        {
            string[] words = Words(name);
            if (words.Length == 0) return false;
            if (words.Any(w => NotValueWords.Contains(w))) return false;
            string joined = string.Join("_", words);
            return words.Any(w => SecretWords.Contains(w)) || SecretPairs.Any(p => joined.Contains(p));
        }

        /// <summary>Words that make a value an instruction to the reader rather than a credential (<c>YOUR_TOKEN</c>, <c>ADD Key</c>).</summary>
        private static readonly string[] PlaceholderWords = { "PLACEHOLDER", "YOUR", "INSERT", "REDACTED", "ADDKEY" };

        /// <summary>First words of a value that tells the reader what to do (<c>add key</c>, <c>enter token</c>).</summary>
        private static readonly string[] InstructionVerbs = { "ADD", "ENTER", "INPUT", "PASTE", "PUT", "REPLACE", "SET", "FILL" };

        /// <summary>
        /// A literal that is plainly not a credential: empty, a boolean, a reference to another variable
        /// (<c>$(VAR)</c>, <c>${VAR}</c>, <c>$VAR</c>, <c>{{ .Values.token }}</c>), a documentation placeholder
        /// (<c>&lt;your-token&gt;</c>, <c>PLACEHOLDER_HF_TOKEN</c>, <c>ADD Key</c>, <c>changeme</c>, <c>password</c>), a provider's
        /// own documentation example (<c>AKIAIOSFODNN7EXAMPLE</c>), or a mask (<c>****</c>, <c>xxx</c>). Exact words only:
        /// <c>changeme</c> is the word every sample uses for "put yours here" (issue 10), while a service's real shipped
        /// default such as <c>minioadmin</c> opens every unchanged install and stays reportable.
        /// </summary>
        public static bool IsPlaceholderValue(string? value)
        {
            if (string.IsNullOrWhiteSpace(value)) return true;
            string v = value!.Trim();
            if (v.StartsWith("$(", StringComparison.Ordinal) || v.StartsWith("${", StringComparison.Ordinal) || v.StartsWith("{{", StringComparison.Ordinal))
                return true;
            // $VAR as envsubst and shell scripts write it.
            if (v.Length > 1 && v[0] == '$' && (char.IsLetter(v[1]) || v[1] == '_') && v.Skip(1).All(c => char.IsLetterOrDigit(c) || c == '_'))
                return true;
            if (v.Length > 2 && v[0] == '<' && v[v.Length - 1] == '>') return true;
            if (v.All(c => c == '*' || c == 'x' || c == 'X' || c == '.')) return true;
            switch (v.ToLowerInvariant())
            {
                case "true":
                case "false":
                case "yes":
                case "no":
                case "none":
                case "null":
                case "empty":
                case "dummy":
                case "todo":
                case "tbd":
                case "changeme":
                case "change-me":
                case "change_me":
                case "changeit":
                case "password":
                case "pass":
                case "example":
                    return true;
            }
            // AWS's documentation examples (AKIAIOSFODNN7EXAMPLE, wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY).
            if (v.EndsWith("EXAMPLE", StringComparison.Ordinal) || v.EndsWith("EXAMPLEKEY", StringComparison.Ordinal)) return true;
            string[] words = Words(v);
            // A provider prefix and a name instead of a token body (nvapi-NVKEY, sk-APIKEY, hf_MYTOKEN): token bodies are
            // random and carry digits; a digit-free last word ending in KEY or TOKEN is the sample's "your key here".
            if (!v.Any(char.IsDigit) && words.Length <= 2 && words[words.Length - 1] is { Length: > 3 } last
                && (last.EndsWith("KEY", StringComparison.Ordinal) || last.EndsWith("TOKEN", StringComparison.Ordinal)))
                return true;
            return words.Any(w => PlaceholderWords.Contains(w))
                || (words.Length > 1 && InstructionVerbs.Contains(words[0]) && v.IndexOf(' ') > 0);
        }

        /// <summary>Splits SCREAMING_SNAKE, kebab-case, dotted and camelCase names (acronyms included) into upper-case words.</summary>
        internal static string[] Words(string name)
        {
            var words = new System.Collections.Generic.List<string>();
            var current = new System.Text.StringBuilder();
            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                if (!char.IsLetterOrDigit(c))
                {
                    Flush();
                    continue;
                }
                if (char.IsUpper(c) && current.Length > 0 && char.IsLower(name[i - 1])) Flush();
                // The end of an acronym: DBPassword is DB + PASSWORD, HFToken is HF + TOKEN.
                else if (char.IsUpper(c) && current.Length > 0 && char.IsUpper(name[i - 1]) && i + 1 < name.Length && char.IsLower(name[i + 1])) Flush();
                current.Append(char.ToUpperInvariant(c));
            }
            Flush();
            return words.ToArray();

            void Flush()
            {
                if (current.Length > 0) words.Add(current.ToString());
                current.Clear();
            }
        }
    }
}
