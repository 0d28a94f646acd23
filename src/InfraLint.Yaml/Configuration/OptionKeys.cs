using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using InfraLint.Core.Locations;

namespace InfraLint.Yaml.Configuration
{
    /// <summary>The configuration written as <c>infralint_*</c> options and the lines of it that came from each option.</summary>
    public sealed record OptionConfiguration(SourceText Source, IReadOnlyList<string> OptionOfLine)
    {
        /// <summary>The option a problem on this line of <see cref="Source"/> is about.</summary>
        public string OptionAt(int line) => line >= 1 && line <= OptionOfLine.Count ? OptionOfLine[line - 1] : string.Empty;
    }

    /// <summary>
    /// InfraLint's settings as analyzer options (<c>.editorconfig</c>, <c>.globalconfig</c>): <c>infralint_min_log_retention_days = 365</c>
    /// is <c>minLogRetentionDays: 365</c>, and a list is comma-separated (<c>infralint_cost_labels = team, owner</c>). The
    /// options are turned into the YAML of <c>.infralint.yaml</c> and read by <see cref="ConfigLoader"/>, so both ways
    /// of configuring InfraLint mean the same and are checked the same.
    /// </summary>
    public static class OptionKeys
    {
        public const string Prefix = "infralint_";

        /// <summary>Whether an option is one of InfraLint's.</summary>
        public static bool IsInfraLintOption(string key) => key.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

        /// <summary>The configuration key of an option: <c>infralint_min_log_retention_days</c> → <c>minLogRetentionDays</c>.</summary>
        public static string ConfigurationKey(string option)
        {
            var words = option.Substring(Prefix.Length).Split(new[] { '_' }, StringSplitOptions.RemoveEmptyEntries);
            return string.Concat(words.Select((w, i) => i == 0 ? w.ToLowerInvariant() : char.ToUpperInvariant(w[0]) + w.Substring(1).ToLowerInvariant()));
        }

        /// <summary>The YAML configuration the options say, one line per option, in key order (so it is the same for the same options).</summary>
        /// <param name="path">How problems in it are located; the host reports them by option name.</param>
        public static OptionConfiguration ToConfiguration(IEnumerable<KeyValuePair<string, string>> options, string path)
        {
            var yaml = new StringBuilder();
            var lines = new List<string>();
            foreach (var option in options.Where(o => IsInfraLintOption(o.Key)).OrderBy(o => o.Key, StringComparer.Ordinal))
            {
                var key = ConfigurationKey(option.Key);
                var value = ConfigLoader.ListKeys.Contains(key)
                    ? "[" + string.Join(", ", option.Value.Split(',').Select(v => v.Trim()).Where(v => v.Length > 0).Select(Scalar)) + "]"
                    : Scalar(option.Value.Trim());
                yaml.Append(Scalar(key)).Append(": ").Append(value).Append('\n');
                lines.Add(option.Key);
            }
            return new OptionConfiguration(new SourceText(path, yaml.ToString()), lines);
        }

        private static readonly Regex Plain = new Regex("^[A-Za-z0-9][A-Za-z0-9._/-]*$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

        /// <summary>Plain when YAML reads it as written (so true and 365 keep their type), else double-quoted.</summary>
        private static string Scalar(string text)
        {
            if (Plain.IsMatch(text)) return text;
            var quoted = new StringBuilder("\"");
            foreach (var c in text)
            {
                if (c == '"' || c == '\\') quoted.Append('\\').Append(c);
                else if (c < ' ') quoted.Append("\\x").Append(((int)c).ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
                else quoted.Append(c);
            }
            return quoted.Append('"').ToString();
        }
    }
}
