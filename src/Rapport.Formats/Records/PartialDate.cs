using System.Globalization;

namespace Rapport.Formats.Records;

/// <summary>A calendar day whose year may be unknown, as birthdays often are (<c>--12-01</c>, <c>Apr 22</c>).</summary>
public readonly record struct PartialDate
{
    /// <summary>Creates the date; the day must exist in that month (29 February only without a year or in a leap year).</summary>
    public PartialDate(int month, int day, int? year = null)
    {
        if (month is < 1 or > 12) throw new ArgumentOutOfRangeException(nameof(month));
        if (year is < 1 or > 9999) throw new ArgumentOutOfRangeException(nameof(year));
        if (day < 1 || day > DateTime.DaysInMonth(year ?? 2000, month)) throw new ArgumentOutOfRangeException(nameof(day));
        Month = month;
        Day = day;
        Year = year;
    }

    /// <summary>Month, 1 to 12.</summary>
    public int Month { get; }

    /// <summary>Day of the month.</summary>
    public int Day { get; }

    /// <summary>The year, when the source gave one.</summary>
    public int? Year { get; }

    /// <summary>Creates the date when it exists, or null.</summary>
    public static PartialDate? TryCreate(int month, int day, int? year)
    {
        if (month is < 1 or > 12 || year is < 1 or > 9999) return null;
        if (day < 1 || day > DateTime.DaysInMonth(year ?? 2000, month)) return null;
        return new PartialDate(month, day, year);
    }

    /// <summary>ISO 8601 form: <c>1988-06-15</c>, or <c>--06-15</c> without a year.</summary>
    public override string ToString() => Year is { } y
        ? string.Create(CultureInfo.InvariantCulture, $"{y:0000}-{Month:00}-{Day:00}")
        : string.Create(CultureInfo.InvariantCulture, $"--{Month:00}-{Day:00}");

    /// <summary>Reads the ISO forms <c>yyyy-MM-dd</c>, <c>yyyyMMdd</c>, <c>--MM-dd</c>, <c>--MMdd</c> (a time part after <c>T</c> is ignored).</summary>
    public static PartialDate? ParseIso(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var s = text.Trim();
        var t = s.IndexOf('T', StringComparison.Ordinal);
        if (t > 0) s = s[..t];
        if (s.StartsWith("--", StringComparison.Ordinal))
        {
            var rest = s[2..].Replace("-", "", StringComparison.Ordinal);
            if (rest.Length == 4 && AllDigits(rest)) return TryCreate(Int(rest[..2]), Int(rest[2..]), null);
            return null;
        }
        var compact = s.Replace("-", "", StringComparison.Ordinal);
        if (compact.Length == 8 && AllDigits(compact) && (s.Length == 8 || s.Length == 10))
        {
            var year = Int(compact[..4]);
            return TryCreate(Int(compact[4..6]), Int(compact[6..]), year == 0 ? null : year);
        }
        return null;
    }

    private static bool AllDigits(string s)
    {
        foreach (var c in s) if (c is < '0' or > '9') return false;
        return s.Length > 0;
    }

    private static int Int(string s) => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);
}
