using System.Globalization;

namespace Rapport.Formats.LinkedIn;

/// <summary>The date and time forms LinkedIn exports have used over the years; all are read as UTC.</summary>
internal static class LinkedInDates
{
    private static readonly CultureInfo En = CultureInfo.InvariantCulture;

    private static readonly string[] DayForms = ["dd MMM yyyy", "d MMM yyyy", "dd-MMM-yy", "d-MMM-yy", "dd-MMM-yyyy", "d-MMM-yyyy", "yyyy-MM-dd", "M/d/yy", "M/d/yyyy"];

    private static readonly string[] TimeForms =
    [
        "yyyy-MM-dd HH:mm:ss 'UTC'", "yyyy/MM/dd HH:mm:ss 'UTC'", "yyyy-MM-dd HH:mm:ss", "yyyy/MM/dd HH:mm:ss",
        "M/d/yy, h:mm tt", "M/d/yy, hh:mm tt", "MM/dd/yy, hh:mm tt", "M/d/yyyy, h:mm tt", "M/d/yy h:mm tt", "M/d/yyyy h:mm tt",
        "yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-ddTHH:mm:ss.fffZ", "dd MMM yyyy", "yyyy-MM-dd",
    ];

    /// <summary>"Connected On": <c>22 Dec 2025</c>, legacy <c>1/8/18, 6:14 PM</c>, Excel <c>18-Jun-24</c>.</summary>
    public static DateOnly? ParseDay(string text)
    {
        if (FastDay(text) is { } fast) return fast;
        var s = Normalize(text);
        if (DateTime.TryParseExact(s, DayForms, En, DateTimeStyles.AllowWhiteSpaces, out var d)) return DateOnly.FromDateTime(d);
        if (ParseTime(s) is { } t) return DateOnly.FromDateTime(t);
        return null;
    }

    /// <summary>A timestamp: <c>2024-06-18 11:59:53 UTC</c>, <c>2021/08/11 11:00:31 UTC</c>, <c>6/17/23, 6:18 AM</c>.</summary>
    public static DateTime? ParseTime(string text)
    {
        var s = Normalize(text);
        if (DateTime.TryParseExact(s, TimeForms, En, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var d))
            return DateTime.SpecifyKind(d, DateTimeKind.Utc);
        return null;
    }

    /// <summary>Positions: <c>Nov 2022</c> or <c>2015</c>, as the first day of that month or year.</summary>
    public static DateOnly? ParseMonth(string text)
    {
        var s = Normalize(text);
        if (DateTime.TryParseExact(s, ["MMM yyyy", "MMMM yyyy", "MM/yyyy", "yyyy-MM"], En, DateTimeStyles.AllowWhiteSpaces, out var d)) return DateOnly.FromDateTime(d);
        if (s.Length == 4 && int.TryParse(s, NumberStyles.None, En, out var y) && y is > 1900 and < 2200) return new DateOnly(y, 1, 1);
        return ParseDay(s);
    }

    /// <summary>Profile birth date: <c>Apr 22</c>, or with a year.</summary>
    public static Records.PartialDate? ParseBirthDate(string text)
    {
        var s = Normalize(text);
        if (DateTime.TryParseExact(s + " 2000", ["MMM d yyyy", "MMMM d yyyy", "d MMM yyyy"], En, DateTimeStyles.AllowWhiteSpaces, out var d))
            return Records.PartialDate.TryCreate(d.Month, d.Day, null);
        if (DateTime.TryParseExact(s, ["MMM d, yyyy", "MMM dd, yyyy", "d MMM yyyy", "dd MMM yyyy", "yyyy-MM-dd", "M/d/yyyy"], En, DateTimeStyles.AllowWhiteSpaces, out d))
            return Records.PartialDate.TryCreate(d.Month, d.Day, d.Year);
        return null;
    }

    private static readonly string[] MonthAbbreviations = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>The current export's <c>22 Dec 2025</c> without the general parser (it is on the hot path of big imports).</summary>
    private static DateOnly? FastDay(string s)
    {
        if (s.Length != 11 || s[2] != ' ' || s[6] != ' ') return null;
        if (!char.IsAsciiDigit(s[0]) || !char.IsAsciiDigit(s[1])) return null;
        for (var i = 7; i < 11; i++) if (!char.IsAsciiDigit(s[i])) return null;
        var month = Array.IndexOf(MonthAbbreviations, s.Substring(3, 3)) + 1;
        if (month == 0) return null;
        var day = (s[0] - '0') * 10 + (s[1] - '0');
        var year = (s[7] - '0') * 1000 + (s[8] - '0') * 100 + (s[9] - '0') * 10 + (s[10] - '0');
        if (year < 1 || day < 1 || day > DateTime.DaysInMonth(year, month)) return null;
        return new DateOnly(year, month, day);
    }

    private static string Normalize(string text) => text.Trim().Replace('\u202F', ' ').Replace('\u00A0', ' ');
}
