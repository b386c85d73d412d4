using System.Globalization;
using Rapport.Formats.Records;
using Rapport.Formats.Text;

namespace Rapport.Formats.ICalendar;

/// <summary>
/// Reads the VEVENTs of an iCalendar (RFC 5545) file as meetings. Lines unfold on a space or TAB (even inside
/// <c>mailto:</c>); ORGANIZER and ATTENDEE are <c>mailto:</c> in any case with optional quoted CN (RFC 6868 carets);
/// parameters may hold quoted <c>mailto:</c> lists (RFC 7256). Google birthday pseudo-attendees at <c>@virtual</c>
/// are ignored. Times: UTC <c>Z</c>, TZID mapped through <see cref="TimeZoneInfo"/> (IANA and Windows ids, plus
/// US Outlook names like "Eastern"), otherwise read as UTC with a warning; all-day dates are midnight UTC.
/// Channel: Video when a conference link is present, else InPerson when there is a LOCATION, else Call.
/// Direction: Out when the organizer is one of the user's addresses, In when someone else organized, else Mutual.
/// Recurrence rules are not expanded: each VEVENT (master or RECURRENCE-ID override) is one interaction.
/// A VEVENT without DTSTART is a bad row, except in an iTIP message whose METHOD lets it leave DTSTART out
/// (REPLY, CANCEL, REFRESH, DECLINECOUNTER; RFC 5546 section 3.2): such a component cannot be dated, so it is skipped,
/// counted in <see cref="ImportProgress.Skipped"/> with its reason, and the rest of the file is read.
/// </summary>
public static class ICalendarReader
{
    private static readonly string[] ConferenceMarkers =
    [
        "zoom.us/", "meet.google.com/", "teams.microsoft.com/", "teams.live.com/", "webex.com/", "gotomeeting.com/", "whereby.com/",
        "meet.jit.si/", "bluejeans.com/", "chime.aws/", "skype.com/",
    ];

    /// <summary>Streams the events of a calendar file; throws <see cref="ImportFormatException"/> when it is not a calendar.</summary>
    public static IEnumerable<ImportedInteraction> Read(Stream stream, string fileName, ImportOptions? options = null)
    {
        options ??= new ImportOptions();
        options.Progress.AddTotal(ProgressStream.TryLength(stream) ?? -1);
        var (head, replay) = SniffedText.Peek(stream, 3);
        var input = new ProgressStream(replay, options.Progress);
        if (head.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) input.ReadExactly(new byte[3]);
        return ReadEvents(input, fileName, options);
    }

    private static IEnumerable<ImportedInteraction> ReadEvents(Stream input, string fileName, ImportOptions options)
    {
        var reader = new ContentLineReader(input, joinQuotedPrintable: false);
        var stack = new List<string>();
        var sawCalendar = false;
        string? method = null;
        List<ContentLine>? ev = null;
        long start = 0;
        foreach (var (bytes, number) in reader.LogicalLines())
        {
            var line = ContentLine.Parse(bytes, number);
            if (line is null) continue;
            if (line.Name == "BEGIN")
            {
                var component = line.Text().Trim().ToUpperInvariant();
                if (component == "VCALENDAR")
                {
                    sawCalendar = true;
                    method = null;
                }
                stack.Add(component);
                if (component == "VEVENT" && sawCalendar)
                {
                    ev = [];
                    start = number;
                }
                continue;
            }
            if (line.Name == "END")
            {
                var component = line.Text().Trim().ToUpperInvariant();
                var at = stack.LastIndexOf(component);
                if (at >= 0) stack.RemoveRange(at, stack.Count - at);
                if (component == "VEVENT" && ev is not null)
                {
                    options.Progress.AddRow();
                    var built = Build(ev, start, method, fileName, options);
                    ev = null;
                    if (built is not null) yield return built;
                }
                continue;
            }
            if (line.Name == "METHOD" && stack.Count > 0 && stack[^1] == "VCALENDAR") method = line.Text().Trim().ToUpperInvariant();
            if (ev is not null && stack.Count > 0 && stack[^1] == "VEVENT") ev.Add(line);
        }
        if (ev is not null)
            options.Reject(new ImportFormatException(fileName, start, null, "END:VEVENT to close the event that starts here", "the end of the file"));
        if (!sawCalendar)
            throw new ImportFormatException(fileName, 1, null, "an iCalendar file (BEGIN:VCALENDAR)", reader.FirstLine is null ? "an empty file" : ImportFormatException.Quote(reader.FirstLine));
    }

    /// <summary>iTIP methods whose VEVENT may leave DTSTART out (RFC 5546 section 3.2).</summary>
    private static readonly HashSet<string> UndatedMethods = new(StringComparer.Ordinal) { "REPLY", "CANCEL", "REFRESH", "DECLINECOUNTER" };

    private static ImportedInteraction? Build(List<ContentLine> lines, long start, string? method, string fileName, ImportOptions options)
    {
        var warnings = new List<string>();
        string? Prop(string name) => lines.FirstOrDefault(l => l.Name == name) is { } l ? DisplayNames.Clean(Unescape(l.Text())) : null;
        var dtstart = lines.FirstOrDefault(l => l.Name == "DTSTART");
        if (dtstart is null && method is not null && UndatedMethods.Contains(method))
        {
            options.Progress.AddSkipped(new ImportSkip(fileName, start,
                $"a METHOD:{method} event without DTSTART: an iTIP {method.ToLowerInvariant()} need not carry the time, and an interaction cannot be made without one"));
            return null;
        }
        if (dtstart is null)
        {
            options.Reject(new ImportFormatException(fileName, start, null, "a DTSTART in the event that starts here", "none"));
            return null;
        }
        var begin = ParseTime(dtstart, warnings);
        if (begin is null)
        {
            options.Reject(new ImportFormatException(fileName, dtstart.Line, null, "a DTSTART date like 20240315T093000Z", ImportFormatException.Quote(dtstart.Text())));
            return null;
        }
        var end = lines.FirstOrDefault(l => l.Name == "DTEND") is { } dtend ? ParseTime(dtend, warnings) : null;

        ImportedParticipant? organizer = null;
        var participants = new List<ImportedParticipant>();
        var ownOrganizer = false;
        foreach (var line in lines.Where(l => l.Name is "ORGANIZER" or "ATTENDEE"))
        {
            var raw = line.Text().Trim();
            if (raw.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) raw = raw[7..];
            if (raw.Length == 0) continue;
            if (raw.EndsWith("@virtual", StringComparison.OrdinalIgnoreCase)) continue;
            if (!EmailAddresses.TryNormalize(raw, out var email))
            {
                warnings.Add($"{line.Name} {ImportFormatException.Quote(raw)} (line {line.Line}) is not an email address");
                continue;
            }
            var cn = line.Param("CN") is { } n ? DisplayNames.Clean(n.Trim('\'', '"')) : null;
            if (cn is not null && cn.Equals(email, StringComparison.OrdinalIgnoreCase)) cn = null;
            if (options.IsOwnEmail(email))
            {
                if (line.Name == "ORGANIZER") ownOrganizer = true;
                continue;
            }
            var participant = new ImportedParticipant(email, null, cn);
            if (line.Name == "ORGANIZER") organizer ??= participant;
            var existing = participants.FindIndex(p => string.Equals(p.Email, email, StringComparison.OrdinalIgnoreCase));
            if (existing < 0) participants.Add(participant);
            else if (participants[existing].Name is null && cn is not null) participants[existing] = participant;
        }

        var location = Prop("LOCATION");
        var searchable = string.Join('\n', new[] { location, Prop("DESCRIPTION"), Prop("URL") }.Where(s => s is not null)).ToLowerInvariant();
        var video = lines.Any(l => l.Name is "X-GOOGLE-CONFERENCE" or "CONFERENCE" or "X-MICROSOFT-SKYPETEAMSMEETINGURL" or "X-MICROSOFT-ONLINEMEETINGCONFLINK")
            || ConferenceMarkers.Any(m => searchable.Contains(m, StringComparison.Ordinal));
        var uid = Prop("UID");
        var recurrence = lines.FirstOrDefault(l => l.Name == "RECURRENCE-ID")?.Text().Trim();
        return new ImportedInteraction
        {
            OccurredAtUtc = begin.Value.Utc,
            EndsAtUtc = end?.Utc,
            AllDay = begin.Value.AllDay,
            Channel = video ? InteractionChannel.Video : location is not null ? InteractionChannel.InPerson : InteractionChannel.Call,
            Direction = ownOrganizer ? InteractionDirection.Out : organizer is not null ? InteractionDirection.In : InteractionDirection.Mutual,
            Kind = InteractionKind.Meeting,
            Participants = participants,
            Subject = Prop("SUMMARY"),
            Note = Prop("DESCRIPTION"),
            ExternalKey = uid is null ? null : recurrence is null ? uid : uid + "|" + recurrence,
            Cancelled = string.Equals(Prop("STATUS"), "CANCELLED", StringComparison.OrdinalIgnoreCase),
            Sequence = int.TryParse(Prop("SEQUENCE"), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) ? sequence : 0,
            SourceLine = start,
            Warnings = warnings,
        };
    }

    private static string Unescape(string s) => VCard.VCardText.Unescape(s);

    private static (DateTime Utc, bool AllDay)? ParseTime(ContentLine line, List<string> warnings)
    {
        var text = line.Text().Trim();
        var ci = CultureInfo.InvariantCulture;
        if (string.Equals(line.Param("VALUE"), "DATE", StringComparison.OrdinalIgnoreCase) || text.Length == 8)
        {
            return DateTime.TryParseExact(text, "yyyyMMdd", ci, DateTimeStyles.None, out var day)
                ? (DateTime.SpecifyKind(day, DateTimeKind.Utc), true) : null;
        }
        if (text.EndsWith('Z'))
        {
            return DateTime.TryParseExact(text, ["yyyyMMdd'T'HHmmss'Z'", "yyyyMMdd'T'HHmm'Z'"], ci, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc)
                ? (DateTime.SpecifyKind(utc, DateTimeKind.Utc), false) : null;
        }
        if (!DateTime.TryParseExact(text, ["yyyyMMdd'T'HHmmss", "yyyyMMdd'T'HHmm"], ci, DateTimeStyles.None, out var local)) return null;
        var tzid = line.Param("TZID")?.Trim().Trim('"');
        if (string.IsNullOrEmpty(tzid))
        {
            warnings.Add($"{line.Name} {text} has no time zone; read as UTC");
            return (DateTime.SpecifyKind(local, DateTimeKind.Utc), false);
        }
        if (FindZone(tzid) is { } zone)
        {
            try
            {
                return (TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone), false);
            }
            catch (ArgumentException)
            {
                // A local time skipped by a daylight-saving change: shift by an hour.
                return (TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local.AddHours(1), DateTimeKind.Unspecified), zone), false);
            }
        }
        warnings.Add($"{line.Name} time zone \"{tzid}\" is unknown; read as UTC");
        return (DateTime.SpecifyKind(local, DateTimeKind.Utc), false);
    }

    private static TimeZoneInfo? FindZone(string tzid)
    {
        var id = Unescape(tzid);
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
