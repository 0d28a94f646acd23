using System;
using System.Linq;

namespace InfraLint.Platforms.CloudFormation
{
    /// <summary>
    /// EventBridge's <c>cron(min hour day-of-month month day-of-week year)</c> in standard five-field cron.
    /// The differences that matter: a year field, <c>?</c> for "no specific value", and numeric days of the week
    /// counted 1–7 from Sunday (standard cron counts 0–6). <c>L</c>, <c>W</c> and <c>#</c> have no five-field
    /// equivalent, so such schedules are not converted (and never judged).
    /// </summary>
    internal static class AwsCron
    {
        public static string? ToStandard(string expression)
        {
            string text = expression.Trim();
            if (!text.StartsWith("cron(", StringComparison.OrdinalIgnoreCase) || !text.EndsWith(")", StringComparison.Ordinal)) return null;
            var fields = text.Substring(5, text.Length - 6).Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 6) return null;
            if (!fields.Take(5).All(IsPlain)) return null;
            string? dayOfWeek = fields[4] == "?" ? "*" : ShiftWeekdays(fields[4]);
            string dayOfMonth = fields[2] == "?" ? "*" : fields[2];
            return dayOfWeek is null ? null : $"{fields[0]} {fields[1]} {dayOfMonth} {fields[3]} {dayOfWeek}";
        }

        private static readonly string[] Names = { "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC", "SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT" };

        /// <summary>Only numbers, names, <c>*</c>, <c>?</c> and the list/range/step operators: nothing five-field cron lacks (L, W, #).</summary>
        private static bool IsPlain(string field) =>
            field.Split(',', '-', '/').All(part => part is "*" or "?" || (part.Length > 0 && part.All(char.IsDigit)) || Names.Contains(part.ToUpperInvariant()));

        private static string? ShiftWeekdays(string field)
        {
            // Numbers 1-7 (SUN-SAT) become 0-6; names and steps stay as they are.
            var parts = field.Split(',');
            for (int i = 0; i < parts.Length; i++)
            {
                var step = parts[i].Split('/');
                var range = step[0].Split('-');
                for (int j = 0; j < range.Length; j++)
                {
                    if (range[j].All(char.IsDigit) && range[j].Length > 0)
                    {
                        int day = int.Parse(range[j], System.Globalization.CultureInfo.InvariantCulture);
                        if (day < 1 || day > 7) return null;
                        range[j] = (day - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    }
                }
                step[0] = string.Join("-", range);
                parts[i] = string.Join("/", step);
            }
            return string.Join(",", parts);
        }
    }
}
