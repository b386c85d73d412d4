using System.Globalization;
using System.Text;

namespace Rapport.Formats.ICalendar;

/// <summary>
/// One event of a published calendar: all-day when <see cref="Day"/> is set, else from <see cref="StartUtc"/> (to
/// <see cref="EndUtc"/> when given). <see cref="Uid"/> must stay the same for the same item, so that calendar apps
/// update it rather than add a copy.
/// </summary>
public sealed record CalendarEntry(string Uid, string Summary)
{
    public DateOnly? Day { get; init; }
    public DateTime? StartUtc { get; init; }
    public DateTime? EndUtc { get; init; }
    public string? Description { get; init; }
    public string? Url { get; init; }

    /// <summary>People in the event, by email with an optional display name.</summary>
    public IReadOnlyList<(string Email, string? Name)> Attendees { get; init; } = [];
}

/// <summary>
/// Writes an iCalendar (RFC 5545) publication: CRLF line ends, TEXT values escaped (<c>\\ \; \, \n</c>), parameter values
/// quoted when they hold <c>: ; ,</c> (RFC 6868 caret escapes for quotes and newlines), and lines folded at 75 octets
/// without splitting a UTF-8 sequence. <see cref="ICalendarReader"/> reads the events back.
/// </summary>
public static class ICalendarWriter
{
    private static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>The calendar as text.</summary>
    public static string Write(IEnumerable<CalendarEntry> entries, string calendarName, DateTime stampUtc)
    {
        var sb = new StringBuilder();
        Line(sb, "BEGIN:VCALENDAR");
        Line(sb, "VERSION:2.0");
        Line(sb, "PRODID:-//Rapport//Rapport calendar feed//EN");
        Line(sb, "CALSCALE:GREGORIAN");
        Line(sb, "METHOD:PUBLISH");
        Line(sb, "X-WR-CALNAME:" + Escape(calendarName));
        var stamp = Instant(stampUtc);
        foreach (var e in entries)
        {
            if (e.Day is null && e.StartUtc is null) throw new ArgumentException($"event {e.Uid} needs a day or a start time", nameof(entries));
            Line(sb, "BEGIN:VEVENT");
            Line(sb, "UID:" + Escape(e.Uid));
            Line(sb, "DTSTAMP:" + stamp);
            if (e.Day is { } day)
            {
                Line(sb, "DTSTART;VALUE=DATE:" + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
                Line(sb, "DTEND;VALUE=DATE:" + day.AddDays(1).ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            }
            else
            {
                Line(sb, "DTSTART:" + Instant(e.StartUtc!.Value));
                if (e.EndUtc is { } end) Line(sb, "DTEND:" + Instant(end));
            }
            Line(sb, "SUMMARY:" + Escape(e.Summary));
            if (!string.IsNullOrEmpty(e.Description)) Line(sb, "DESCRIPTION:" + Escape(e.Description));
            if (!string.IsNullOrEmpty(e.Url)) Line(sb, "URL:" + e.Url);
            foreach (var (email, name) in e.Attendees)
            {
                var cn = string.IsNullOrEmpty(name) ? "" : ";CN=" + Param(name);
                Line(sb, $"ATTENDEE{cn}:mailto:{email}");
            }
            Line(sb, "END:VEVENT");
        }
        Line(sb, "END:VCALENDAR");
        return sb.ToString();
    }

    /// <summary>Writes the calendar to a stream as UTF-8 without a BOM.</summary>
    public static void Write(IEnumerable<CalendarEntry> entries, string calendarName, DateTime stampUtc, Stream stream) =>
        stream.Write(Utf8.GetBytes(Write(entries, calendarName, stampUtc)));

    private static string Instant(DateTime utc)
    {
        var t = utc.Kind == DateTimeKind.Local ? utc.ToUniversalTime() : utc;
        return t.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
    }

    /// <summary>Escapes a TEXT value (RFC 5545 §3.3.11).</summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'))
        {
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case ';': sb.Append("\\;"); break;
                case ',': sb.Append("\\,"); break;
                case '\n': sb.Append("\\n"); break;
                default:
                    if (char.IsControl(c) && c != '\t') continue;
                    sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }

    /// <summary>A parameter value: quoted when needed, with RFC 6868 caret escapes.</summary>
    private static string Param(string value)
    {
        var v = value.Replace("^", "^^", StringComparison.Ordinal).Replace("\r\n", "^n", StringComparison.Ordinal).Replace("\n", "^n", StringComparison.Ordinal)
            .Replace("\"", "^'", StringComparison.Ordinal);
        v = new string(v.Where(c => !char.IsControl(c) || c == '\t').ToArray());
        return v.AsSpan().IndexOfAny(":;,") >= 0 || v.Contains(' ', StringComparison.Ordinal) ? "\"" + v + "\"" : v;
    }

    /// <summary>Appends a content line folded at 75 octets: continuation lines start with one space.</summary>
    private static void Line(StringBuilder sb, string line)
    {
        var octets = 0;
        var limit = 75;
        for (var i = 0; i < line.Length; i++)
        {
            var width = char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 2 : 1;
            var bytes = Utf8.GetByteCount(line.AsSpan(i, width));
            if (octets + bytes > limit)
            {
                sb.Append("\r\n ");
                octets = 1;
                limit = 75;
            }
            sb.Append(line, i, width);
            octets += bytes;
            i += width - 1;
        }
        sb.Append("\r\n");
    }
}
