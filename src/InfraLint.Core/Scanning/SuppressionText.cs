using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace InfraLint.Core.Scanning
{
    /// <summary>
    /// What follows a suppression's keyword, in every form (a comment, an annotation's value):
    /// <c>IL2008,IL2006 -- reason (until 2027-03-31)</c>. The ids come first, the reason after <c>--</c>, and an expiry
    /// may close the text, after the reason or the ids. The date is an ISO date (<c>yyyy-MM-dd</c>), valid through the
    /// end of that day in UTC.
    /// </summary>
    public static class SuppressionText
    {
        private static readonly Regex Until = new Regex(
            @"\(\s*until\b\s*(?<date>[^)]*?)\s*\)\s*$",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        private static readonly Regex RuleId = new Regex(@"\bIL\d{4}\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        /// <summary>Splits <paramref name="text"/> into rule ids (upper case), reason and expiry.</summary>
        public static Parsed Parse(string text)
        {
            string rest = text ?? string.Empty;
            DateTime? until = null;
            string? problem = null;
            var expiry = Until.Match(rest);
            if (expiry.Success)
            {
                var date = expiry.Groups["date"].Value;
                if (TryParseDate(date, out var day)) until = day;
                else problem = DateProblem(date);
                rest = rest.Substring(0, expiry.Index);
            }
            int separator = rest.IndexOf("--", StringComparison.Ordinal);
            string ids = separator < 0 ? rest : rest.Substring(0, separator);
            string? reason = separator < 0 ? null : rest.Substring(separator + 2).Trim();
            var ruleIds = new List<string>();
            foreach (Match id in RuleId.Matches(ids)) ruleIds.Add(id.Value.ToUpperInvariant());
            return new Parsed(ruleIds, ids, string.IsNullOrEmpty(reason) ? null : reason, until, problem);
        }

        /// <summary>An ISO calendar date, <c>yyyy-MM-dd</c>, and nothing else (no time, no zone: the day is a UTC day).</summary>
        public static bool TryParseDate(string? text, out DateTime day) =>
            DateTime.TryParseExact((text ?? string.Empty).Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

        /// <summary>Why a suppression's expiry cannot be read; it then does not apply.</summary>
        public static string DateProblem(string? text) =>
            $"The suppression's expiry '{text}' is not an ISO date (yyyy-MM-dd, e.g. 2027-03-31); the suppression does not apply until it is one.";

        /// <summary>A suppression's text, read.</summary>
        public sealed class Parsed
        {
            public Parsed(IReadOnlyList<string> ruleIds, string idsText, string? justification, DateTime? until, string? untilProblem)
            {
                RuleIds = ruleIds;
                IdsText = idsText;
                Justification = justification;
                Until = until;
                UntilProblem = untilProblem;
            }

            public IReadOnlyList<string> RuleIds { get; }

            /// <summary>The text before the reason, where the ids are (an annotation also accepts <c>*</c> there).</summary>
            public string IdsText { get; }

            public string? Justification { get; }

            public DateTime? Until { get; }

            public string? UntilProblem { get; }
        }
    }
}
