using System.Globalization;
using Rapport.Formats.ICalendar.Recurrence;
using Rapport.Formats.Records;
using Rapport.Formats.Text;

namespace Rapport.Formats.ICalendar;

/// <summary>
/// Reads the VEVENTs of an iCalendar (RFC 5545) file as meetings. Lines unfold on a space or TAB (even inside
/// <c>mailto:</c>); ORGANIZER and ATTENDEE are <c>mailto:</c> in any case with optional quoted CN (RFC 6868 carets);
/// parameters may hold quoted <c>mailto:</c> lists (RFC 7256). Google birthday pseudo-attendees at <c>@virtual</c>
/// are ignored. Times: UTC <c>Z</c>, TZID mapped through <see cref="TimeZoneInfo"/> (IANA and Windows ids, plus
/// US Outlook names like "Eastern"), otherwise read as UTC with a warning; all-day dates are midnight UTC. A local time
/// that a daylight-saving change skips takes the offset from before the gap, and one it repeats is the first of the two
/// (RFC 5545 section 3.3.5).
/// Channel: Video when a conference link is present, else InPerson when there is a LOCATION, else Call.
/// Direction: Out when the organizer is one of the user's addresses, In when someone else organized, else Mutual.
/// A recurring event (RRULE, RDATE, EXDATE; <see cref="RecurrenceRule"/> says which rules) becomes one interaction per
/// occurrence that has happened by <see cref="ImportOptions.Clock"/>'s now, computed in the event's own time zone so
/// that a weekly 10:00 meeting stays at 10:00 across daylight-saving changes. Its key is the UID and the occurrence's
/// original start in UTC (the first occurrence keeps the bare UID); a RECURRENCE-ID override replaces the occurrence it
/// names, and an EXDATE or a cancelled override takes it out (as a cancelled interaction, so that one imported before
/// goes to the trash). Of a long series the first occurrence and the latest <see cref="LatestOccurrences"/> are kept;
/// what is left out, and the occurrences still to come, are counted in <see cref="ImportProgress.Skipped"/> with a reason.
/// A VEVENT without DTSTART is a bad row, except in an iTIP message whose METHOD lets it leave DTSTART out
/// (REPLY, CANCEL, REFRESH, DECLINECOUNTER; RFC 5546 section 3.2): such a component cannot be dated, so it is skipped,
/// counted in <see cref="ImportProgress.Skipped"/> with its reason, and the rest of the file is read.
/// </summary>
public static class ICalendarReader
{
    /// <summary>
    /// How many of a recurring event's latest occurrences are imported, beside its first. Tie strength halves every 90
    /// days, so older meetings of a series hardly count, while a daily rule from long ago would otherwise flood a
    /// contact's history with thousands of touches. 500 keeps a weekly meeting's last nine and a half years whole,
    /// and a daily one's last year and four months.
    /// </summary>
    public const int LatestOccurrences = 500;

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
        var events = new List<ParsedEvent>();
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
                    if (built is not null) events.Add(built);
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
        // Overrides and later versions of a recurring event may come anywhere in the file: its events are read whole first.
        foreach (var interaction in RecurringEvents.Expand(events, fileName, options)) yield return interaction;
    }

    /// <summary>iTIP methods whose VEVENT may leave DTSTART out (RFC 5546 section 3.2).</summary>
    private static readonly HashSet<string> UndatedMethods = new(StringComparer.Ordinal) { "REPLY", "CANCEL", "REFRESH", "DECLINECOUNTER" };

    private static ParsedEvent? Build(List<ContentLine> lines, long start, string? method, string fileName, ImportOptions options)
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
        var begin = CalendarTime.Parse(dtstart, warnings);
        if (begin is null)
        {
            options.Reject(new ImportFormatException(fileName, dtstart.Line, null, "a DTSTART date like 20240315T093000Z", ImportFormatException.Quote(dtstart.Text())));
            return null;
        }
        var end = lines.FirstOrDefault(l => l.Name == "DTEND") is { } dtend ? CalendarTime.Parse(dtend, warnings) : null;

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
        CalendarTime? recurrenceId = null;
        if (lines.FirstOrDefault(l => l.Name == "RECURRENCE-ID") is { } rid)
        {
            recurrenceId = CalendarTime.Parse(rid, warnings);
            if (recurrenceId is null) warnings.Add($"RECURRENCE-ID {ImportFormatException.Quote(rid.Text().Trim())} (line {rid.Line}) is not a date; read as an event of its own");
        }
        var interaction = new ImportedInteraction
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
            ExternalKey = uid,
            Cancelled = string.Equals(Prop("STATUS"), "CANCELLED", StringComparison.OrdinalIgnoreCase),
            Sequence = int.TryParse(Prop("SEQUENCE"), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) ? sequence : 0,
            SourceLine = start,
            Warnings = warnings,
        };
        return new ParsedEvent
        {
            Interaction = interaction,
            Uid = uid,
            Start = begin.Value,
            RecurrenceId = recurrenceId,
            RRules = lines.Where(l => l.Name == "RRULE").ToList(),
            RDates = lines.Where(l => l.Name == "RDATE").ToList(),
            ExDates = lines.Where(l => l.Name == "EXDATE").ToList(),
        };
    }

    private static string Unescape(string s) => VCard.VCardText.Unescape(s);
}
