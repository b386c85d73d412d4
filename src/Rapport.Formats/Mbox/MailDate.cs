using System.Globalization;

namespace Rapport.Formats.Mbox;

/// <summary>
/// Reads RFC 5322 dates and their obsolete forms: optional weekday, 2- or 3-digit years, named zones (UT, GMT,
/// EST...PDT), missing zones, <c>-0000</c>, trailing comments, and the asctime form of mbox <c>From </c> lines.
/// </summary>
public static class MailDate
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>The instant in UTC, or null when the text is not a usable date.</summary>
    public static DateTime? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var s = StripComments(text).Replace(',', ' ');
        var tokens = s.Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
        int? month = null, hour = null, minute = null, second = null;
        var offset = TimeSpan.Zero;
        var numbers = new List<string>();
        foreach (var raw in tokens)
        {
            var t = raw.Trim('.');
            if (t.Length == 0) continue;
            if (t.Contains(':', StringComparison.Ordinal))
            {
                var parts = t.Split(':');
                if (parts.Length < 2 || !Int(parts[0], out var h) || !Int(parts[1], out var m)) return null;
                var sec = 0;
                if (parts.Length > 2 && !Int(parts[2].Split('.')[0], out sec)) return null;
                (hour, minute, second) = (h, m, sec);
            }
            else if ((t[0] == '+' || t[0] == '-') && t.Length == 5 && Int(t[1..], out var hhmm))
            {
                var span = new TimeSpan(hhmm / 100, hhmm % 100, 0);
                offset = t[0] == '-' ? -span : span;
            }
            else if (Zone(t) is { } zone) offset = zone;
            else if (t.Length >= 3 && Array.IndexOf(Months, t[..3].ToLowerInvariant()) is var mi && mi >= 0 && char.IsLetter(t[0]))
                month ??= mi + 1;
            else if (t.All(char.IsAsciiDigit)) numbers.Add(t);
            else if (t.Contains('-', StringComparison.Ordinal) && t.Split('-') is { Length: 3 } dmy)
            {
                // 5-Mar-2024
                numbers.Add(dmy[0]);
                if (Array.IndexOf(Months, dmy[1].ToLowerInvariant()[..Math.Min(3, dmy[1].Length)]) is var m2 && m2 >= 0) month ??= m2 + 1;
                numbers.Add(dmy[2]);
            }
        }
        if (month is null || hour is null || numbers.Count < 2) return null;
        var yearText = numbers.FirstOrDefault(n => n.Length >= 3) ?? numbers[^1];
        var dayText = numbers.First(n => !ReferenceEquals(n, yearText));
        if (!Int(yearText, out var year) || !Int(dayText, out var day)) return null;
        if (yearText.Length == 2) year += year < 50 ? 2000 : 1900;
        else if (yearText.Length == 3) year += 1900;
        if (year is < 1970 or > 2200 || day < 1 || day > DateTime.DaysInMonth(year, month.Value) || hour > 23 || minute > 59 || second > 60) return null;
        var local = new DateTime(year, month.Value, day, hour.Value, minute!.Value, Math.Min(second!.Value, 59), DateTimeKind.Utc);
        return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
    }

    private static TimeSpan? Zone(string t) => t.ToUpperInvariant() switch
    {
        "UT" or "UTC" or "GMT" or "Z" => TimeSpan.Zero,
        "EST" => TimeSpan.FromHours(-5),
        "EDT" => TimeSpan.FromHours(-4),
        "CST" => TimeSpan.FromHours(-6),
        "CDT" => TimeSpan.FromHours(-5),
        "MST" => TimeSpan.FromHours(-7),
        "MDT" => TimeSpan.FromHours(-6),
        "PST" => TimeSpan.FromHours(-8),
        "PDT" => TimeSpan.FromHours(-7),
        _ => null,
    };

    private static bool Int(string s, out int value) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value) && s.Length <= 4;

    private static string StripComments(string s)
    {
        var chars = new List<char>(s.Length);
        var depth = 0;
        foreach (var c in s)
        {
            if (c == '(') { depth++; continue; }
            if (c == ')' && depth > 0) { depth--; continue; }
            if (depth == 0) chars.Add(c);
        }
        return new string(chars.ToArray());
    }
}
