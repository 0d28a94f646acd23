using InfraLint.Core.Scheduling;

namespace InfraLint.Core.Tests.Scheduling
{
    public sealed class CronScheduleTests
    {
        [Theory]
        [InlineData("0 2 * * *", new[] { 0 }, new[] { 2 })]
        [InlineData("*/15 9-17/4 * * *", new[] { 0, 15, 30, 45 }, new[] { 9, 13, 17 })]
        [InlineData("5,35 0,12 * * *", new[] { 5, 35 }, new[] { 0, 12 })]
        [InlineData("50/5 23 * * *", new[] { 50, 55 }, new[] { 23 })]
        [InlineData("@hourly", new[] { 0 }, new[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23 })]
        [InlineData("@daily", new[] { 0 }, new[] { 0 })]
        public void Minutes_and_hours_expand_lists_ranges_and_steps(string text, int[] minutes, int[] hours)
        {
            var cron = CronSchedule.Parse(text);
            Assert.Equal(minutes, cron.Minutes);
            Assert.Equal(hours, cron.Hours);
        }

        [Theory]
        [InlineData("0 2 * * 1-5", new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday })]
        [InlineData("0 2 * * MON-wed", new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday })]
        [InlineData("0 2 * * 7", new[] { DayOfWeek.Sunday })]
        [InlineData("0 2 * * sat,SUN", new[] { DayOfWeek.Sunday, DayOfWeek.Saturday })]
        [InlineData("0 2 ? JAN-MAR 6", new[] { DayOfWeek.Saturday })]
        [InlineData("@weekly", new[] { DayOfWeek.Sunday })]
        public void Weekdays_come_from_the_day_of_week_field_alone(string text, DayOfWeek[] days)
        {
            Assert.Equal(days, CronSchedule.Parse(text).Weekdays);
        }

        [Theory]
        [InlineData("0 2 1 * *")]
        [InlineData("0 2 1 * 1")]
        [InlineData("@monthly")]
        [InlineData("@yearly")]
        public void A_day_of_month_can_fall_on_any_weekday(string text)
        {
            Assert.Equal(7, CronSchedule.Parse(text).Weekdays.Count);
        }

        [Theory]
        [InlineData("0 2 * *", "five fields")]
        [InlineData("60 2 * * *", "minute")]
        [InlineData("0 24 * * *", "hour")]
        [InlineData("0 2 0 * *", "day-of-month")]
        [InlineData("0 2 * 13 *", "month")]
        [InlineData("0 2 * * 8", "day-of-week")]
        [InlineData("0 2 * * MOX", "day-of-week")]
        [InlineData("*/0 2 * * *", "step")]
        [InlineData("0 5-2 * * *", "backwards")]
        [InlineData("0 1,,2 * * *", "empty")]
        [InlineData("@reboot", "macro")]
        [InlineData("", "five fields")]
        public void Bad_schedules_say_what_is_wrong(string text, string expected)
        {
            Assert.False(CronSchedule.TryParse(text, out var schedule, out var error));
            Assert.Null(schedule);
            Assert.Contains(expected, error);
        }

        [Fact]
        public void Default_peak_window_is_weekdays_eight_to_eight_utc()
        {
            var peak = PeakWindow.Default;
            Assert.Equal("Mon–Fri 08:00–20:00 UTC", peak.Describe());
            Assert.Equal((DayOfWeek.Monday, 9 * 60), peak.FirstStartInside(CronSchedule.Parse("0 9 * * *")));
            Assert.Null(peak.FirstStartInside(CronSchedule.Parse("0 2 * * *")));
            Assert.Null(peak.FirstStartInside(CronSchedule.Parse("0 10 * * 6,0")));
            Assert.Null(peak.FirstStartInside(CronSchedule.Parse("0 20 * * 1-5")));
            Assert.Equal((DayOfWeek.Monday, 8 * 60), peak.FirstStartInside(CronSchedule.Parse("0 8 * * 1")));
            Assert.Equal((DayOfWeek.Monday, 8 * 60), peak.FirstStartInside(CronSchedule.Parse("*/15 * * * *")));
            Assert.Equal((DayOfWeek.Monday, 19 * 60 + 45), peak.FirstStartInside(CronSchedule.Parse("45 19 * * *")));
        }

        [Fact]
        public void Offsets_shift_the_schedule_and_the_window()
        {
            // A window in UTC+02:00: 08:00 there is 06:00 UTC.
            var berlinSummer = new PeakWindow(PeakWindow.Default.Days, 8 * 60, 20 * 60, "+02:00", PeakWindow.ResolveOffsets("+02:00")!);
            Assert.NotNull(berlinSummer.FirstStartInside(CronSchedule.Parse("0 6 * * 1")));
            Assert.Null(berlinSummer.FirstStartInside(CronSchedule.Parse("0 18 * * 1")));

            // A schedule read in New York time at 05:00 starts at 10:00 (or 09:00 in summer) UTC.
            var newYork = PeakWindow.ResolveOffsets("America/New_York")!;
            Assert.Contains(TimeSpan.FromHours(-5), newYork);
            Assert.NotNull(PeakWindow.Default.FirstStartInside(CronSchedule.Parse("0 5 * * 1"), newYork));

            // Sunday 23:00 at UTC-10:00 is Monday 09:00 UTC.
            Assert.NotNull(PeakWindow.Default.FirstStartInside(CronSchedule.Parse("0 23 * * 0"), new[] { TimeSpan.FromHours(-10) }));
        }

        [Theory]
        [InlineData("UTC", 0)]
        [InlineData("+05:30", 330)]
        [InlineData("UTC-03:00", -180)]
        [InlineData("GMT+1", 60)]
        public void Fixed_offsets_resolve(string zone, int minutes)
        {
            Assert.Equal(new[] { TimeSpan.FromMinutes(minutes) }, PeakWindow.ResolveOffsets(zone));
        }

        [Fact]
        public void Unknown_zones_do_not_resolve()
        {
            Assert.Null(PeakWindow.ResolveOffsets("Mars/Olympus_Mons"));
            Assert.Null(PeakWindow.ResolveOffsets("+25:00"));
        }
    }
}
