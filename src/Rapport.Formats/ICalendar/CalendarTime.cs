using System.Globalization;
using Rapport.Formats.Text;

namespace Rapport.Formats.ICalendar;

/// <summary>
/// A DATE or DATE-TIME value of an iCalendar property: its wall-clock time, the zone that time is in (UTC for <c>Z</c>
/// values, all-day dates, and times whose zone is missing or unknown) and the instant it names.
/// </summary>
internal readonly record struct CalendarTime(DateTime Local, TimeZoneInfo Zone, bool AllDay)
{
    /// <summary>The instant, in UTC.</summary>
    public DateTime Utc => ToUtc(Local, Zone);

    /// <summary>
    /// A wall-clock time of a zone as UTC, as RFC 5545 section 3.3.5 reads one that a daylight-saving change makes
    /// ambiguous (the first of the two, still in daylight time) or skips (with the offset from before the gap).
    /// </summary>
    public static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone == TimeZoneInfo.Utc) return DateTime.SpecifyKind(local, DateTimeKind.Utc);
        TimeSpan offset;
        if (zone.IsInvalidTime(local)) offset = zone.GetUtcOffset(local > DateTime.MinValue.AddDays(1) ? local.AddDays(-1) : local);
        else if (zone.IsAmbiguousTime(local)) offset = zone.GetAmbiguousTimeOffsets(local).Max();
        else offset = zone.GetUtcOffset(local);
        // At the very ends of the calendar an offset cannot be applied: the time is kept as it is.
        var ticks = local.Ticks - offset.Ticks;
        return ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks ? DateTime.SpecifyKind(local, DateTimeKind.Utc) : new DateTime(ticks, DateTimeKind.Utc);
    }

    /// <summary>The wall-clock time of an instant in a zone.</summary>
    public static DateTime FromUtc(DateTime utc, TimeZoneInfo zone) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone), DateTimeKind.Unspecified);

    /// <summary>Reads the value of a DTSTART-like line (VALUE=DATE, a <c>Z</c> time, or a TZID); null when it is no date.</summary>
    public static CalendarTime? Parse(ContentLine line, List<string> warnings) =>
        Parse(line.Text().Trim(), line.Name, line.Param("VALUE"), line.Param("TZID"), warnings);

    /// <summary>Reads one value, with the VALUE and TZID parameters of its line.</summary>
    public static CalendarTime? Parse(string text, string property, string? valueType, string? tzid, List<string> warnings)
    {
        var ci = CultureInfo.InvariantCulture;
        if (string.Equals(valueType, "DATE", StringComparison.OrdinalIgnoreCase) || text.Length == 8)
        {
            return DateTime.TryParseExact(text, "yyyyMMdd", ci, DateTimeStyles.None, out var day)
                ? new CalendarTime(day, TimeZoneInfo.Utc, true) : null;
        }
        if (text.EndsWith('Z'))
        {
            return DateTime.TryParseExact(text, ["yyyyMMdd'T'HHmmss'Z'", "yyyyMMdd'T'HHmm'Z'"], ci, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc)
                ? new CalendarTime(DateTime.SpecifyKind(utc, DateTimeKind.Unspecified), TimeZoneInfo.Utc, false) : null;
        }
        if (!DateTime.TryParseExact(text, ["yyyyMMdd'T'HHmmss", "yyyyMMdd'T'HHmm"], ci, DateTimeStyles.None, out var local)) return null;
        var zoneId = tzid?.Trim().Trim('"');
        if (string.IsNullOrEmpty(zoneId))
        {
            warnings.Add($"{property} {text} has no time zone; read as UTC");
            return new CalendarTime(local, TimeZoneInfo.Utc, false);
        }
        if (FindZone(zoneId) is { } zone) return new CalendarTime(local, zone, false);
        warnings.Add($"{property} time zone \"{zoneId}\" is unknown; read as UTC");
        return new CalendarTime(local, TimeZoneInfo.Utc, false);
    }

    private static TimeZoneInfo? FindZone(string tzid)
    {
        var id = VCard.VCardText.Unescape(tzid);
        if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)) return zone;
        // "/mozilla.org/20050126_1/Europe/Berlin" and similar prefixed ids.
        var parts = id.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length >= 2 && TimeZoneInfo.TryFindSystemTimeZoneById(parts[^2] + "/" + parts[^1], out zone)) return zone;
        var lower = id.ToLowerInvariant();
        var guess = lower switch
        {
            _ when lower.StartsWith("eastern", StringComparison.Ordinal) => "America/New_York",
            _ when lower.StartsWith("central", StringComparison.Ordinal) && !lower.Contains("europe", StringComparison.Ordinal) => "America/Chicago",
            _ when lower.StartsWith("mountain", StringComparison.Ordinal) => "America/Denver",
            _ when lower.StartsWith("pacific", StringComparison.Ordinal) => "America/Los_Angeles",
            _ => null,
        };
        return guess is not null && TimeZoneInfo.TryFindSystemTimeZoneById(guess, out zone) ? zone : null;
    }
}
