namespace Rapport.Formats.ICalendar.Recurrence;

/// <summary>
/// The occurrences of a recurrence rule from a start, as wall-clock times of the start's own time zone, so that a
/// weekly 10:00 meeting stays at 10:00 across daylight-saving changes. The start is always the first occurrence and
/// counts toward COUNT (RFC 5545 section 3.8.5.3). Dates a rule names that do not exist (February 30, a fifth Monday)
/// are left out, as RFC 5545 says. Only DAILY, WEEKLY, MONTHLY and YEARLY rules are expanded.
/// </summary>
public static class RecurrenceExpander
{
    /// <summary>
    /// The occurrences in increasing order: lazily, and without end for a rule with neither COUNT nor UNTIL (take what you
    /// need). <paramref name="toUtc"/> turns a wall-clock time into UTC to compare it with an UNTIL given in UTC; without
    /// it the start is taken to be in UTC. With a <paramref name="horizon"/> (wall-clock) no period that begins after it
    /// is looked at, so that a rule whose dates never come (February 30) ends there rather than at the year 9999.
    /// </summary>
    public static IEnumerable<DateTime> Occurrences(DateTime start, RecurrenceRule rule, Func<DateTime, DateTime>? toUtc = null, DateTime? horizon = null)
    {
        if (!IsExpanded(rule.Frequency))
            throw new NotSupportedException($"FREQ={rule.Frequency.ToString().ToUpperInvariant()} is not expanded: only DAILY, WEEKLY, MONTHLY and YEARLY are");
        start = DateTime.SpecifyKind(start, DateTimeKind.Unspecified);
        return Expand(start, rule, toUtc ?? (t => t), horizon ?? DateTime.MaxValue);
    }

    /// <summary>Whether rules of this frequency are expanded (not those that repeat within a day).</summary>
    public static bool IsExpanded(RecurrenceFrequency frequency) => frequency >= RecurrenceFrequency.Daily;

    private static IEnumerable<DateTime> Expand(DateTime start, RecurrenceRule rule, Func<DateTime, DateTime> toUtc, DateTime horizon)
    {
        yield return start;
        var emitted = 1;
        if (rule.Count == 1) yield break;
        var times = Times(start, rule);
        var candidates = new List<DateTime>();
        var set = new List<DateTime>();
        for (long period = 0; ; period++)
        {
            if (!PeriodDates(start, rule, period * rule.Interval, candidates, horizon)) yield break;
            set.Clear();
            foreach (var date in candidates)
            {
                foreach (var time in times) set.Add(date + time);
            }
            set.Sort();
            foreach (var occurrence in SetPositions(set, rule.BySetPos))
            {
                if (occurrence <= start) continue;
                if (rule.Until is { } until && After(occurrence, until, toUtc)) yield break;
                yield return occurrence;
                if (++emitted == rule.Count) yield break;
            }
        }
    }

    private static bool After(DateTime occurrence, RecurrenceUntil until, Func<DateTime, DateTime> toUtc) => until.Kind switch
    {
        UntilKind.Date => occurrence.Date > until.Value.Date,
        UntilKind.Floating => occurrence > until.Value,
        _ => DateTime.SpecifyKind(toUtc(occurrence), DateTimeKind.Utc) > until.Value,
    };

    /// <summary>The times of day of each date: BYHOUR, BYMINUTE and BYSECOND where given, else the start's.</summary>
    private static List<TimeSpan> Times(DateTime start, RecurrenceRule rule)
    {
        var hours = rule.ByHour.Count > 0 ? rule.ByHour : [start.Hour];
        var minutes = rule.ByMinute.Count > 0 ? rule.ByMinute : [start.Minute];
        var seconds = rule.BySecond.Count > 0 ? rule.BySecond : [start.Second];
        var times = new List<TimeSpan>(hours.Count * minutes.Count * seconds.Count);
        foreach (var h in hours)
        {
            foreach (var m in minutes)
            {
                foreach (var s in seconds) times.Add(new TimeSpan(h, m, s));
            }
        }
        times.Sort();
        return times;
    }

    private static IEnumerable<DateTime> SetPositions(List<DateTime> set, IReadOnlyList<int> positions)
    {
        if (positions.Count == 0) return set.Distinct();
        var distinct = set.Distinct().ToList();
        var picked = new SortedSet<DateTime>();
        foreach (var p in positions)
        {
            var index = p > 0 ? p - 1 : distinct.Count + p;
            if (index >= 0 && index < distinct.Count) picked.Add(distinct[index]);
        }
        return picked;
    }

    /// <summary>
    /// The dates of the period <paramref name="offset"/> periods after the start's (in the rule's unit), in no order;
    /// false once the period lies past the calendar's end (year 9999) or begins after the horizon.
    /// </summary>
    private static bool PeriodDates(DateTime start, RecurrenceRule rule, long offset, List<DateTime> dates, DateTime horizon)
    {
        dates.Clear();
        switch (rule.Frequency)
        {
            case RecurrenceFrequency.Yearly:
            {
                var year = start.Year + offset;
                if (year > 9999 || year > horizon.Year) return false;
                YearDates((int)year, start, rule, dates);
                return true;
            }
            case RecurrenceFrequency.Monthly:
            {
                var month = start.Year * 12L + start.Month - 1 + offset;
                if (month / 12 > 9999 || month > horizon.Year * 12L + horizon.Month - 1) return false;
                MonthDates((int)(month / 12), (int)(month % 12) + 1, start, rule, dates);
                return true;
            }
            case RecurrenceFrequency.Weekly:
            {
                var weekStart = start.Date.AddDays(-(((int)start.DayOfWeek - (int)rule.WeekStart + 7) % 7));
                if ((DateTime.MaxValue.Date - weekStart).TotalDays < offset * 7 + 6) return false;
                weekStart = weekStart.AddDays(offset * 7);
                if (weekStart > horizon) return false;
                for (var d = 0; d < 7; d++)
                {
                    var day = weekStart.AddDays(d);
                    var wanted = rule.ByDay.Count > 0 ? rule.ByDay.Any(w => w.Day == day.DayOfWeek) : day.DayOfWeek == start.DayOfWeek;
                    if (wanted && InMonths(day, rule) && InMonthDays(day, rule)) dates.Add(day);
                }
                return true;
            }
            default:
            {
                if ((DateTime.MaxValue.Date - start.Date).TotalDays < offset) return false;
                var day = start.Date.AddDays(offset);
                if (day > horizon) return false;
                if (InMonths(day, rule) && InMonthDays(day, rule) && (rule.ByDay.Count == 0 || rule.ByDay.Any(w => w.Day == day.DayOfWeek))) dates.Add(day);
                return true;
            }
        }
    }

    private static void YearDates(int year, DateTime start, RecurrenceRule rule, List<DateTime> dates)
    {
        IEnumerable<int> months = rule.ByMonth.Count > 0 ? rule.ByMonth : rule.ByMonthDay.Count > 0 || rule.ByDay.Count > 0 ? Enumerable.Range(1, 12) : [start.Month];
        if (rule.ByMonthDay.Count > 0)
        {
            // BYDAY limits BYMONTHDAY; an ordinal counts within the month when BYMONTH is given, else within the year.
            var inYear = rule.ByDay.Count > 0 && rule.ByMonth.Count == 0 ? ByDayIn(new DateTime(year, 1, 1), new DateTime(year, 12, 31), rule.ByDay) : null;
            foreach (var month in months)
            {
                var allowed = rule.ByDay.Count == 0 ? null : inYear ?? ByDayIn(MonthStart(year, month), MonthEnd(year, month), rule.ByDay);
                foreach (var day in MonthDays(year, month, rule.ByMonthDay))
                {
                    if (allowed is null || allowed.Contains(day)) dates.Add(day);
                }
            }
            return;
        }
        if (rule.ByDay.Count > 0)
        {
            if (rule.ByMonth.Count > 0)
            {
                foreach (var month in months) dates.AddRange(ByDayIn(MonthStart(year, month), MonthEnd(year, month), rule.ByDay));
            }
            else dates.AddRange(ByDayIn(new DateTime(year, 1, 1), new DateTime(year, 12, 31), rule.ByDay));
            return;
        }
        foreach (var month in months)
        {
            if (start.Day <= DateTime.DaysInMonth(year, month)) dates.Add(new DateTime(year, month, start.Day));
        }
    }

    private static void MonthDates(int year, int month, DateTime start, RecurrenceRule rule, List<DateTime> dates)
    {
        if (rule.ByMonth.Count > 0 && !rule.ByMonth.Contains(month)) return;
        if (rule.ByMonthDay.Count > 0)
        {
            var byDay = rule.ByDay.Count > 0 ? ByDayIn(MonthStart(year, month), MonthEnd(year, month), rule.ByDay) : null;
            foreach (var day in MonthDays(year, month, rule.ByMonthDay))
            {
                if (byDay is null || byDay.Contains(day)) dates.Add(day);
            }
            return;
        }
        if (rule.ByDay.Count > 0)
        {
            dates.AddRange(ByDayIn(MonthStart(year, month), MonthEnd(year, month), rule.ByDay));
            return;
        }
        if (start.Day <= DateTime.DaysInMonth(year, month)) dates.Add(new DateTime(year, month, start.Day));
    }

    private static DateTime MonthStart(int year, int month) => new(year, month, 1);

    private static DateTime MonthEnd(int year, int month) => new(year, month, DateTime.DaysInMonth(year, month));

    /// <summary>The days of a month that BYMONTHDAY names (negative from the end); days the month lacks are left out.</summary>
    private static IEnumerable<DateTime> MonthDays(int year, int month, IReadOnlyList<int> monthDays)
    {
        var length = DateTime.DaysInMonth(year, month);
        foreach (var d in monthDays)
        {
            var day = d > 0 ? d : length + d + 1;
            if (day >= 1 && day <= length) yield return new DateTime(year, month, day);
        }
    }

    /// <summary>The days from <paramref name="first"/> to <paramref name="last"/> that BYDAY names: every such weekday, or the n-th (from the end when negative).</summary>
    private static HashSet<DateTime> ByDayIn(DateTime first, DateTime last, IReadOnlyList<WeekdayNum> byDay)
    {
        var result = new HashSet<DateTime>();
        foreach (var w in byDay)
        {
            var firstOfDay = first.AddDays(((int)w.Day - (int)first.DayOfWeek + 7) % 7);
            if (firstOfDay > last) continue;
            var howMany = (int)((last - firstOfDay).TotalDays / 7) + 1;
            if (w.Ordinal == 0)
            {
                for (var k = 0; k < howMany; k++) result.Add(firstOfDay.AddDays(7 * k));
                continue;
            }
            var index = w.Ordinal > 0 ? w.Ordinal - 1 : howMany + w.Ordinal;
            if (index >= 0 && index < howMany) result.Add(firstOfDay.AddDays(7 * index));
        }
        return result;
    }

    private static bool InMonths(DateTime day, RecurrenceRule rule) => rule.ByMonth.Count == 0 || rule.ByMonth.Contains(day.Month);

    private static bool InMonthDays(DateTime day, RecurrenceRule rule)
    {
        if (rule.ByMonthDay.Count == 0) return true;
        var length = DateTime.DaysInMonth(day.Year, day.Month);
        return rule.ByMonthDay.Any(d => d > 0 ? d == day.Day : length + d + 1 == day.Day);
    }
}
