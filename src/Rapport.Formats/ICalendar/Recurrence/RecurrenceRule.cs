using System.Globalization;

namespace Rapport.Formats.ICalendar.Recurrence;

/// <summary>How often a rule repeats (RFC 5545 FREQ).</summary>
public enum RecurrenceFrequency { Secondly, Minutely, Hourly, Daily, Weekly, Monthly, Yearly }

/// <summary>A BYDAY entry: a weekday, and for MONTHLY and YEARLY rules which one of the month or year (1 the first, -1 the last; 0 every one).</summary>
public readonly record struct WeekdayNum(int Ordinal, DayOfWeek Day)
{
    public override string ToString() => (Ordinal == 0 ? "" : Ordinal.ToString(CultureInfo.InvariantCulture)) + RecurrenceRule.DayCode(Day);
}

/// <summary>How an UNTIL value is compared with an occurrence: by its date, as a wall-clock time, or as a UTC instant.</summary>
public enum UntilKind { Date, Floating, Utc }

/// <summary>The last moment a rule may give an occurrence at (inclusive).</summary>
public readonly record struct RecurrenceUntil(DateTime Value, UntilKind Kind);

/// <summary>
/// A recurrence rule (RFC 5545 section 3.3.10) as read from an RRULE value. BYYEARDAY and BYWEEKNO are refused as not
/// supported: calendar clients write them very rarely, and a rule read without them would give wrong dates.
/// </summary>
public sealed record RecurrenceRule
{
    public required RecurrenceFrequency Frequency { get; init; }

    /// <summary>Every how many periods (1 = every period).</summary>
    public int Interval { get; init; } = 1;

    /// <summary>How many occurrences in all, DTSTART being the first.</summary>
    public int? Count { get; init; }

    public RecurrenceUntil? Until { get; init; }

    public IReadOnlyList<WeekdayNum> ByDay { get; init; } = [];

    /// <summary>Days of the month, 1 to 31 or -1 (the last) to -31.</summary>
    public IReadOnlyList<int> ByMonthDay { get; init; } = [];

    /// <summary>Months, 1 to 12.</summary>
    public IReadOnlyList<int> ByMonth { get; init; } = [];

    /// <summary>Which of each period's occurrences to keep, 1 the first, -1 the last.</summary>
    public IReadOnlyList<int> BySetPos { get; init; } = [];

    public IReadOnlyList<int> ByHour { get; init; } = [];
    public IReadOnlyList<int> ByMinute { get; init; } = [];
    public IReadOnlyList<int> BySecond { get; init; } = [];

    /// <summary>The day a week starts on (WKST), which decides the weeks of a WEEKLY rule with an INTERVAL above 1.</summary>
    public DayOfWeek WeekStart { get; init; } = DayOfWeek.Monday;

    /// <summary>Reads an RRULE value such as <c>FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=8</c>; on failure says why in words.</summary>
    public static bool TryParse(string text, out RecurrenceRule? rule, out string? error)
    {
        rule = null;
        error = null;
        RecurrenceFrequency? frequency = null;
        int interval = 1;
        int? count = null;
        RecurrenceUntil? until = null;
        List<WeekdayNum> byDay = [];
        List<int> byMonthDay = [], byMonth = [], bySetPos = [], byHour = [], byMinute = [], bySecond = [];
        var weekStart = DayOfWeek.Monday;
        foreach (var part in text.Trim().Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                error = $"\"{part}\" is not NAME=VALUE";
                return false;
            }
            var name = part[..eq].Trim().ToUpperInvariant();
            var value = part[(eq + 1)..].Trim();
            switch (name)
            {
                case "FREQ":
                    frequency = value.ToUpperInvariant() switch
                    {
                        "SECONDLY" => RecurrenceFrequency.Secondly, "MINUTELY" => RecurrenceFrequency.Minutely, "HOURLY" => RecurrenceFrequency.Hourly,
                        "DAILY" => RecurrenceFrequency.Daily, "WEEKLY" => RecurrenceFrequency.Weekly, "MONTHLY" => RecurrenceFrequency.Monthly,
                        "YEARLY" => RecurrenceFrequency.Yearly, _ => null,
                    };
                    if (frequency is null)
                    {
                        error = $"FREQ={value} is not a frequency";
                        return false;
                    }
                    break;
                case "INTERVAL":
                    if (!TryInt(value, 1, int.MaxValue, out interval)) return Fail(out error, name, value);
                    break;
                case "COUNT":
                    if (!TryInt(value, 1, int.MaxValue, out var c)) return Fail(out error, name, value);
                    count = c;
                    break;
                case "UNTIL":
                    if (TryUntil(value) is not { } u) return Fail(out error, name, value);
                    until = u;
                    break;
                case "BYDAY":
                    foreach (var item in value.Split(','))
                    {
                        if (TryWeekdayNum(item.Trim(), out var day)) byDay.Add(day);
                        else return Fail(out error, name, item);
                    }
                    break;
                case "BYMONTHDAY":
                    if (!TryList(value, -31, 31, byMonthDay)) return Fail(out error, name, value);
                    break;
                case "BYMONTH":
                    if (!TryList(value, 1, 12, byMonth)) return Fail(out error, name, value);
                    break;
                case "BYSETPOS":
                    if (!TryList(value, -366, 366, bySetPos)) return Fail(out error, name, value);
                    break;
                case "BYHOUR":
                    if (!TryList(value, 0, 23, byHour)) return Fail(out error, name, value);
                    break;
                case "BYMINUTE":
                    if (!TryList(value, 0, 59, byMinute)) return Fail(out error, name, value);
                    break;
                case "BYSECOND":
                    // 60 is a leap second: the wall clock has none, so it is read as 59.
                    if (!TryList(value, 0, 60, bySecond)) return Fail(out error, name, value);
                    for (var i = 0; i < bySecond.Count; i++) bySecond[i] = Math.Min(bySecond[i], 59);
                    break;
                case "WKST":
                    if (!TryDay(value, out weekStart)) return Fail(out error, name, value);
                    break;
                case "BYYEARDAY" or "BYWEEKNO":
                    error = $"{name} is not supported";
                    return false;
                default:
                    // X- parts and anything newer: ignored, as RFC 5545 lets a reader do with parts it does not know.
                    break;
            }
        }
        if (frequency is null)
        {
            error = "there is no FREQ";
            return false;
        }
        rule = new RecurrenceRule
        {
            Frequency = frequency.Value, Interval = interval, Count = count, Until = until,
            ByDay = byDay, ByMonthDay = byMonthDay, ByMonth = byMonth, BySetPos = bySetPos,
            ByHour = byHour.Distinct().Order().ToList(), ByMinute = byMinute.Distinct().Order().ToList(), BySecond = bySecond.Distinct().Order().ToList(),
            WeekStart = weekStart,
        };
        return true;
    }

    private static bool Fail(out string? error, string name, string value)
    {
        error = $"{name}={value} is not valid";
        return false;
    }

    private static bool TryInt(string s, int min, int max, out int value) =>
        int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;

    private static bool TryList(string s, int min, int max, List<int> into)
    {
        foreach (var item in s.Split(','))
        {
            if (!TryInt(item.Trim(), min, max, out var v) || v == 0 && min < 0) return false;
            if (!into.Contains(v)) into.Add(v);
        }
        return true;
    }

    private static RecurrenceUntil? TryUntil(string s)
    {
        var ci = CultureInfo.InvariantCulture;
        if (DateTime.TryParseExact(s, "yyyyMMdd", ci, DateTimeStyles.None, out var date)) return new RecurrenceUntil(date, UntilKind.Date);
        if (s.EndsWith('Z') && DateTime.TryParseExact(s[..^1], ["yyyyMMdd'T'HHmmss", "yyyyMMdd'T'HHmm"], ci, DateTimeStyles.None, out var utc))
            return new RecurrenceUntil(DateTime.SpecifyKind(utc, DateTimeKind.Utc), UntilKind.Utc);
        if (DateTime.TryParseExact(s, ["yyyyMMdd'T'HHmmss", "yyyyMMdd'T'HHmm"], ci, DateTimeStyles.None, out var local))
            return new RecurrenceUntil(local, UntilKind.Floating);
        return null;
    }

    private static bool TryWeekdayNum(string s, out WeekdayNum day)
    {
        day = default;
        if (s.Length < 2 || !TryDay(s[^2..], out var weekday)) return false;
        var number = s[..^2];
        if (number.Length == 0)
        {
            day = new WeekdayNum(0, weekday);
            return true;
        }
        if (!TryInt(number, -53, 53, out var ordinal) || ordinal == 0) return false;
        day = new WeekdayNum(ordinal, weekday);
        return true;
    }

    private static bool TryDay(string s, out DayOfWeek day)
    {
        switch (s.Trim().ToUpperInvariant())
        {
            case "SU": day = DayOfWeek.Sunday; return true;
            case "MO": day = DayOfWeek.Monday; return true;
            case "TU": day = DayOfWeek.Tuesday; return true;
            case "WE": day = DayOfWeek.Wednesday; return true;
            case "TH": day = DayOfWeek.Thursday; return true;
            case "FR": day = DayOfWeek.Friday; return true;
            case "SA": day = DayOfWeek.Saturday; return true;
            default: day = default; return false;
        }
    }

    internal static string DayCode(DayOfWeek day) => day switch
    {
        DayOfWeek.Sunday => "SU", DayOfWeek.Monday => "MO", DayOfWeek.Tuesday => "TU", DayOfWeek.Wednesday => "WE",
        DayOfWeek.Thursday => "TH", DayOfWeek.Friday => "FR", _ => "SA",
    };
}
