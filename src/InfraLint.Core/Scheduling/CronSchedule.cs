using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace InfraLint.Core.Scheduling
{
    /// <summary>
    /// A standard five-field cron expression (minute hour day-of-month month day-of-week), as Kubernetes
    /// CronJobs and most schedulers read it: lists (<c>1,15</c>), ranges (<c>1-5</c>), steps (<c>*/15</c>,
    /// <c>10-50/20</c>, <c>5/15</c>), month and weekday names (<c>JAN</c>, <c>mon-fri</c>), <c>?</c> for "any"
    /// in the day fields, 7 for Sunday, and the macros <c>@yearly</c>, <c>@annually</c>, <c>@monthly</c>,
    /// <c>@weekly</c>, <c>@daily</c>, <c>@midnight</c> and <c>@hourly</c>.
    /// </summary>
    public sealed class CronSchedule
    {
        private static readonly string[] MonthNames = { "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC" };
        private static readonly string[] DayNames = { "SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT" };

        private static readonly Dictionary<string, string> Macros = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["@yearly"] = "0 0 1 1 *",
            ["@annually"] = "0 0 1 1 *",
            ["@monthly"] = "0 0 1 * *",
            ["@weekly"] = "0 0 * * 0",
            ["@daily"] = "0 0 * * *",
            ["@midnight"] = "0 0 * * *",
            ["@hourly"] = "0 * * * *",
        };

        private CronSchedule(string text, bool[] minutes, bool[] hours, bool[] daysOfMonth, bool[] months, bool[] daysOfWeek, bool dayOfMonthRestricted, bool dayOfWeekRestricted)
        {
            Text = text;
            Minutes = Indexes(minutes);
            Hours = Indexes(hours);
            DaysOfMonth = Indexes(daysOfMonth);
            Months = Indexes(months);
            DaysOfWeek = Indexes(daysOfWeek).Select(d => (DayOfWeek)d).ToArray();
            DayOfMonthRestricted = dayOfMonthRestricted;
            DayOfWeekRestricted = dayOfWeekRestricted;
        }

        public string Text { get; }

        public IReadOnlyList<int> Minutes { get; }

        public IReadOnlyList<int> Hours { get; }

        public IReadOnlyList<int> DaysOfMonth { get; }

        public IReadOnlyList<int> Months { get; }

        public IReadOnlyList<DayOfWeek> DaysOfWeek { get; }

        public bool DayOfMonthRestricted { get; }

        public bool DayOfWeekRestricted { get; }

        /// <summary>
        /// The weekdays a start can fall on. Cron runs a job when the day of month <em>or</em> the day of week
        /// matches if both are restricted, and on the restricted one alone otherwise; dates fall on every weekday
        /// over the years, so only a day-of-week field on its own narrows the weekdays.
        /// </summary>
        public IReadOnlyList<DayOfWeek> Weekdays =>
            DayOfWeekRestricted && !DayOfMonthRestricted
                ? DaysOfWeek
                : new[] { DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday };

        /// <summary>Every start in a week as (weekday, minute of the day), in week order from Sunday 00:00.</summary>
        public IEnumerable<(DayOfWeek Day, int MinuteOfDay)> WeeklyStarts()
        {
            foreach (var day in Weekdays)
                foreach (var hour in Hours)
                    foreach (var minute in Minutes)
                        yield return (day, hour * 60 + minute);
        }

        public static CronSchedule Parse(string text) =>
            TryParse(text, out var schedule, out var error) ? schedule! : throw new FormatException(error);

        /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> says which field is wrong and why.</summary>
        public static bool TryParse(string? text, out CronSchedule? schedule, out string? error)
        {
            schedule = null;
            string trimmed = (text ?? string.Empty).Trim();
            string expanded = trimmed;
            if (trimmed.StartsWith("@", StringComparison.Ordinal))
            {
                if (!Macros.TryGetValue(trimmed, out var macro))
                {
                    error = $"'{trimmed}' is not a cron macro InfraLint knows (@yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly).";
                    return false;
                }
                expanded = macro;
            }

            var fields = expanded.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 5)
            {
                error = $"A cron schedule has five fields (minute hour day-of-month month day-of-week); '{trimmed}' has {fields.Length}.";
                return false;
            }

            var minutes = Field(fields[0], "minute", 0, 59, null, false, out error);
            if (minutes is null) return false;
            var hours = Field(fields[1], "hour", 0, 23, null, false, out error);
            if (hours is null) return false;
            var daysOfMonth = Field(fields[2], "day-of-month", 1, 31, null, true, out error);
            if (daysOfMonth is null) return false;
            var months = Field(fields[3], "month", 1, 12, MonthNames, false, out error);
            if (months is null) return false;
            var daysOfWeek = Field(fields[4], "day-of-week", 0, 7, DayNames, true, out error);
            if (daysOfWeek is null) return false;

            // 7 is Sunday as well as 0.
            var weekdays = new bool[7];
            for (int d = 0; d <= 7; d++)
                if (daysOfWeek[d]) weekdays[d % 7] = true;

            schedule = new CronSchedule(trimmed, minutes, hours, daysOfMonth, months, weekdays, !IsAny(fields[2]), !IsAny(fields[4]));
            return true;
        }

        private static bool IsAny(string field) => field.StartsWith("*", StringComparison.Ordinal) || field == "?";

        private static bool[]? Field(string field, string name, int min, int max, string[]? names, bool allowQuestion, out string? error)
        {
            var set = new bool[max + 1];
            error = null;
            foreach (var item in field.Split(','))
            {
                if (item.Length == 0)
                {
                    error = $"The {name} field '{field}' has an empty list item.";
                    return null;
                }

                string range = item;
                int step = 1;
                int slash = item.IndexOf('/');
                if (slash >= 0)
                {
                    range = item.Substring(0, slash);
                    if (!int.TryParse(item.Substring(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out step) || step < 1)
                    {
                        error = $"The {name} field '{field}' has a bad step '{item.Substring(slash + 1)}'; a step is a whole number of at least 1.";
                        return null;
                    }
                }

                int from, to;
                if (range == "*" || (allowQuestion && range == "?"))
                {
                    from = min;
                    to = max;
                }
                else
                {
                    int dash = range.IndexOf('-');
                    string first = dash >= 0 ? range.Substring(0, dash) : range;
                    if (!Value(first, min, max, names, out from))
                    {
                        error = $"The {name} field '{field}' has '{first}', which is not a {name} ({min}-{max}{(names is null ? string.Empty : " or a name such as " + names[0])}).";
                        return null;
                    }

                    if (dash >= 0)
                    {
                        string last = range.Substring(dash + 1);
                        if (!Value(last, min, max, names, out to))
                        {
                            error = $"The {name} field '{field}' has '{last}', which is not a {name} ({min}-{max}{(names is null ? string.Empty : " or a name such as " + names[0])}).";
                            return null;
                        }

                        if (to < from)
                        {
                            error = $"The {name} field '{field}' has the range '{range}', which runs backwards.";
                            return null;
                        }
                    }
                    else
                    {
                        // "5/15" means from 5 to the end in steps of 15; a bare "5" is just 5.
                        to = slash >= 0 ? max : from;
                    }
                }

                for (int v = from; v <= to; v += step) set[v] = true;
            }

            return set;
        }

        private static bool Value(string text, int min, int max, string[]? names, out int value)
        {
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value))
                return value >= min && value <= max;
            if (names is not null)
            {
                int index = Array.FindIndex(names, n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
                if (index >= 0)
                {
                    // Month names are 1-based, weekday names 0-based (SUN = 0).
                    value = min == 1 ? index + 1 : index;
                    return true;
                }
            }

            return false;
        }

        private static int[] Indexes(bool[] set)
        {
            var result = new List<int>();
            for (int i = 0; i < set.Length; i++)
                if (set[i]) result.Add(i);
            return result.ToArray();
        }

        public override string ToString() => Text;
    }
}
