using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace InfraLint.Core.Scheduling
{
    /// <summary>
    /// The hours when inference traffic peaks and training should not start (IL1007): some weekdays,
    /// from <see cref="StartMinute"/> to <see cref="EndMinute"/> of the day, in one time zone.
    /// Default: Monday to Friday, 08:00–20:00 UTC.
    /// </summary>
    public sealed class PeakWindow
    {
        public static PeakWindow Default { get; } = new PeakWindow(
            new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday },
            8 * 60,
            20 * 60,
            "UTC",
            new[] { TimeSpan.Zero });

        /// <param name="offsets">
        /// The zone's offsets from UTC: its standard offset, plus its daylight-saving offset where it has one.
        /// A start counts as inside the window when it is inside under any of them (i.e. for part of the year).
        /// </param>
        public PeakWindow(IReadOnlyList<DayOfWeek> days, int startMinute, int endMinute, string timeZone, IReadOnlyList<TimeSpan> offsets)
        {
            if (startMinute < 0 || endMinute > 24 * 60 || startMinute >= endMinute)
                throw new ArgumentOutOfRangeException(nameof(startMinute), "The peak window must start before it ends, within one day.");
            Days = days;
            StartMinute = startMinute;
            EndMinute = endMinute;
            TimeZone = timeZone;
            Offsets = offsets.Count == 0 ? new[] { TimeSpan.Zero } : offsets;
        }

        public IReadOnlyList<DayOfWeek> Days { get; }

        /// <summary>Minute of the day the window opens (inclusive).</summary>
        public int StartMinute { get; }

        /// <summary>Minute of the day the window closes (exclusive); 1440 is midnight at the end of the day.</summary>
        public int EndMinute { get; }

        /// <summary>The zone as configured (<c>UTC</c>, <c>Europe/Berlin</c>, <c>+02:00</c>).</summary>
        public string TimeZone { get; }

        public IReadOnlyList<TimeSpan> Offsets { get; }

        /// <summary>
        /// The zone's offsets for a configured name: <c>UTC</c>/<c>Z</c>, a fixed offset (<c>+02:00</c>,
        /// <c>UTC-05:00</c>), or a time-zone id the system knows (IANA such as <c>Europe/Berlin</c>).
        /// Null when the name is none of these.
        /// </summary>
        public static IReadOnlyList<TimeSpan>? ResolveOffsets(string timeZone)
        {
            string zone = timeZone.Trim();
            if (zone.Equals("UTC", StringComparison.OrdinalIgnoreCase) || zone.Equals("Z", StringComparison.OrdinalIgnoreCase) || zone.Equals("GMT", StringComparison.OrdinalIgnoreCase))
                return new[] { TimeSpan.Zero };
            string offsetText = zone.StartsWith("UTC", StringComparison.OrdinalIgnoreCase) || zone.StartsWith("GMT", StringComparison.OrdinalIgnoreCase) ? zone.Substring(3) : zone;
            if (offsetText.Length > 1 && (offsetText[0] == '+' || offsetText[0] == '-'))
            {
                var parts = offsetText.Substring(1).Split(':');
                if (parts.Length <= 2
                    && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int h) && h <= 14
                    && (parts.Length == 1 || (int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int m0) && m0 < 60)))
                {
                    int m = parts.Length == 2 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 0;
                    var offset = new TimeSpan(h, m, 0);
                    return new[] { offsetText[0] == '-' ? offset.Negate() : offset };
                }
                return null;
            }

            try
            {
                var info = TimeZoneInfo.FindSystemTimeZoneById(zone);
                var offsets = new List<TimeSpan> { info.BaseUtcOffset };
                foreach (var rule in info.GetAdjustmentRules())
                {
                    var daylight = info.BaseUtcOffset + rule.DaylightDelta;
                    if (!offsets.Contains(daylight)) offsets.Add(daylight);
                }
                return offsets;
            }
            catch (TimeZoneNotFoundException)
            {
                return null;
            }
            catch (InvalidTimeZoneException)
            {
                return null;
            }
        }

        /// <summary>True when a start at <paramref name="minuteOfDay"/> UTC on <paramref name="day"/> falls in the window.</summary>
        public bool Contains(DayOfWeek day, int minuteOfDay) => Offsets.Any(o => Contains(day, minuteOfDay, o));

        /// <summary>
        /// The first weekly start of the schedule that falls inside the window, in the schedule's own time, or null
        /// when none does. <paramref name="scheduleOffsets"/> are the offsets of the zone the schedule is read in
        /// (UTC, the Kubernetes default, unless the CronJob names a <c>timeZone</c>).
        /// </summary>
        public (DayOfWeek Day, int MinuteOfDay)? FirstStartInside(CronSchedule schedule, IReadOnlyList<TimeSpan>? scheduleOffsets = null)
        {
            var offsets = scheduleOffsets is null || scheduleOffsets.Count == 0 ? new[] { TimeSpan.Zero } : scheduleOffsets;
            foreach (var (day, minute) in schedule.WeeklyStarts())
            {
                foreach (var offset in offsets)
                {
                    var (utcDay, utcMinute) = Shift(day, minute, -(int)offset.TotalMinutes);
                    if (Contains(utcDay, utcMinute)) return (day, minute);
                }
            }
            return null;
        }

        /// <summary><c>Mon–Fri 08:00–20:00 UTC</c>.</summary>
        public string Describe()
        {
            var days = Days.OrderBy(d => ((int)d + 6) % 7).ToArray();
            string dayText = days.Length == 7 ? "every day"
                : IsRun(days) && days.Length > 2 ? $"{Short(days[0])}–{Short(days[days.Length - 1])}"
                : string.Join(", ", days.Select(Short));
            return $"{dayText} {Clock(StartMinute)}–{Clock(EndMinute)} {TimeZone}";
        }

        public static string Clock(int minuteOfDay) =>
            string.Format(CultureInfo.InvariantCulture, "{0:00}:{1:00}", minuteOfDay / 60, minuteOfDay % 60);

        public static string Short(DayOfWeek day) => CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedDayName(day);

        private bool Contains(DayOfWeek utcDay, int utcMinute, TimeSpan offset)
        {
            var (day, minute) = Shift(utcDay, utcMinute, (int)offset.TotalMinutes);
            return Days.Contains(day) && minute >= StartMinute && minute < EndMinute;
        }

        private static (DayOfWeek Day, int Minute) Shift(DayOfWeek day, int minute, int by)
        {
            int total = (int)day * 1440 + minute + by;
            total = ((total % (7 * 1440)) + 7 * 1440) % (7 * 1440);
            return ((DayOfWeek)(total / 1440), total % 1440);
        }

        private static bool IsRun(DayOfWeek[] mondayFirst)
        {
            for (int i = 1; i < mondayFirst.Length; i++)
                if (((int)mondayFirst[i] + 6) % 7 != ((int)mondayFirst[i - 1] + 6) % 7 + 1) return false;
            return true;
        }
    }
}
