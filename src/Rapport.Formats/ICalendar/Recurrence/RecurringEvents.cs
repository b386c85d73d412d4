using System.Globalization;
using Rapport.Formats.Records;
using Rapport.Formats.Text;

namespace Rapport.Formats.ICalendar.Recurrence;

/// <summary>A VEVENT as read, before its recurrence is expanded.</summary>
internal sealed class ParsedEvent
{
    /// <summary>The meeting as one interaction at DTSTART, keyed by its UID.</summary>
    public required ImportedInteraction Interaction { get; init; }
    public required string? Uid { get; init; }
    public required CalendarTime Start { get; init; }
    public required CalendarTime? RecurrenceId { get; init; }
    public required List<ContentLine> RRules { get; init; }
    public required List<ContentLine> RDates { get; init; }
    public required List<ContentLine> ExDates { get; init; }

    /// <summary>A master event with a rule or extra dates (an override's own RRULE and RDATE are not followed).</summary>
    public bool Recurs => RecurrenceId is null && (RRules.Count > 0 || RDates.Count > 0);
}

/// <summary>
/// Turns the events of a calendar file into interactions, a recurring event into one per occurrence that has happened.
/// Of the versions of one UID's event in a file, the one with the highest SEQUENCE is expanded (of equal ones the last,
/// but a version without a rule does not undo the rule of one at the same SEQUENCE: an iTIP reply need not repeat it);
/// the others stay single interactions keyed by the UID, which the import merges into the first occurrence.
/// Each occurrence is keyed by the UID and its original start in UTC (<c>uid|20240610T090000Z</c>, or <c>uid|20240610</c>
/// for all-day events); the first occurrence keeps the bare UID, which the same event imported before recurrence was
/// expanded carries. A RECURRENCE-ID override takes the key of the occurrence it names and replaces it.
/// </summary>
internal static class RecurringEvents
{
    public static IEnumerable<ImportedInteraction> Expand(List<ParsedEvent> events, string fileName, ImportOptions options)
    {
        var now = options.Clock.GetUtcNow().UtcDateTime;
        var holding = new Dictionary<string, ParsedEvent>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (e.Uid is null || e.RecurrenceId is not null) continue;
            if (!holding.TryGetValue(e.Uid, out var h) || e.Interaction.Sequence > h.Interaction.Sequence
                || e.Interaction.Sequence == h.Interaction.Sequence && (e.Recurs || !h.Recurs))
                holding[e.Uid] = e;
        }
        var overridden = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (e.Uid is not null && e.RecurrenceId is { } rid) overridden.Add(Key(e.Uid, rid.Utc, rid.AllDay, holding.GetValueOrDefault(e.Uid)));
        }
        foreach (var e in events)
        {
            if (e.RecurrenceId is { } rid)
            {
                yield return e.Interaction with
                {
                    ExternalKey = e.Uid is null ? null : Key(e.Uid, rid.Utc, rid.AllDay, holding.GetValueOrDefault(e.Uid)),
                    Occurrence = true,
                };
            }
            else if (e.Recurs && (e.Uid is null || ReferenceEquals(holding[e.Uid], e)))
            {
                foreach (var occurrence in Occurrences(e, overridden, now, fileName, options)) yield return occurrence;
            }
            else yield return e.Interaction;
        }
    }

    /// <summary>The key of the occurrence of a UID's event that starts (or started, before an override moved it) at <paramref name="utc"/>.</summary>
    private static string Key(string uid, DateTime utc, bool allDay, ParsedEvent? master) =>
        master is not null && master.Start.Utc == utc && master.Start.AllDay == allDay
            ? uid
            : uid + "|" + utc.ToString(allDay ? "yyyyMMdd" : "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static IEnumerable<ImportedInteraction> Occurrences(ParsedEvent e, HashSet<string> overridden, DateTime now, string fileName, ImportOptions options)
    {
        var i = e.Interaction;
        var line = i.SourceLine;
        var warnings = i.Warnings.ToList();
        var what = i.Subject is { } subject ? "\"" + subject + "\"" : "the recurring event";
        var skips = new List<string>();

        RecurrenceRule? rule = null;
        if (e.RRules.Count > 0)
        {
            var text = e.RRules[0].Text().Trim();
            if (!RecurrenceRule.TryParse(text, out rule, out var error))
                skips.Add($"{what}: its RRULE {ImportFormatException.Quote(text)} cannot be read ({error}), so only its first occurrence{(e.RDates.Count > 0 ? " and its RDATEs are" : " is")} imported");
            else if (!RecurrenceExpander.IsExpanded(rule!.Frequency))
            {
                skips.Add($"{what} repeats within the day (FREQ={rule.Frequency.ToString().ToUpperInvariant()}): its later occurrences are left out, and only its first{(e.RDates.Count > 0 ? " and its RDATEs" : "")} imported");
                rule = null;
            }
            if (e.RRules.Count > 1) warnings.Add($"only the first of its {e.RRules.Count} RRULEs is followed");
        }
        // A whole day that comes back every year is a birthday or an anniversary: a date to remember, not a meeting held.
        if (e.Start.AllDay && rule is { Frequency: RecurrenceFrequency.Yearly })
        {
            options.Progress.AddSkipped(new ImportSkip(fileName, line, $"{what} comes back every year on a whole day (a birthday or an anniversary): a date, not a meeting, so it is left out"));
            yield break;
        }

        var rdates = new List<DateTime>();
        foreach (var l in e.RDates)
        {
            foreach (var t in Values(l, e.Start, warnings)) rdates.Add(t.Utc);
        }
        var exdates = new List<DateTime>();
        var exdays = new List<DateOnly>();
        foreach (var l in e.ExDates)
        {
            foreach (var t in Values(l, e.Start, warnings))
            {
                if (t.AllDay && !e.Start.AllDay) exdays.Add(DateOnly.FromDateTime(t.Local));
                else exdates.Add(t.Utc);
            }
        }

        RecurrenceExpansion expansion;
        try
        {
            expansion = new RecurrenceSet { Start = e.Start.Local, Zone = e.Start.Zone, Rule = rule, RDates = rdates, ExDates = exdates, ExDays = exdays }
                .Expand(now, ICalendarReader.LatestOccurrences);
        }
        catch (ArgumentOutOfRangeException)
        {
            // Dates at the very ends of the calendar (the year 1 or 9999): the event is taken as it is written.
            skips.Add($"{what}: its occurrences reach past the calendar's range, so only its first is imported");
            expansion = new RecurrenceExpansion([new Occurrence(e.Start.Local, e.Start.Utc)], [], 0, null, null, null, false);
        }

        var length = i.EndsAtUtc - i.OccurredAtUtc;
        var first = true;
        foreach (var o in expansion.Occurrences)
        {
            var key = i.ExternalKey is { } uid ? Key(uid, o.Utc, e.Start.AllDay, e) : null;
            if (key is not null && overridden.Contains(key)) continue;
            yield return i with
            {
                OccurredAtUtc = o.Utc,
                EndsAtUtc = o.Utc + length,
                ExternalKey = key,
                Occurrence = true,
                // The event's warnings are said once, on its first row, not on each of its occurrences.
                Warnings = first ? warnings : [],
            };
            first = false;
        }
        foreach (var o in expansion.Excluded)
        {
            var key = i.ExternalKey is { } uid ? Key(uid, o.Utc, e.Start.AllDay, e) : null;
            if (key is not null && overridden.Contains(key)) continue;
            yield return i with
            {
                OccurredAtUtc = o.Utc, EndsAtUtc = o.Utc + length, ExternalKey = key, Occurrence = true, Warnings = [],
                Cancelled = true, CancelReason = i.Cancelled ? null : "taken out of its series (EXDATE)",
            };
        }

        if (!i.Cancelled)
        {
            var ci = CultureInfo.InvariantCulture;
            if (expansion.Truncated)
                skips.Add(string.Create(ci, $"{what} has more than {RecurrenceSet.MaxExamined:N0} occurrences before now: those after the first {RecurrenceSet.MaxExamined:N0} were not looked at"));
            if (expansion.LeftOut > 0)
                skips.Add(string.Create(ci, $"{what}: {expansion.LeftOut:N0} earlier occurrence{(expansion.LeftOut == 1 ? "" : "s")} ({Day(expansion.LeftOutFrom!.Value)} to {Day(expansion.LeftOutTo!.Value)}) left out: ") +
                    string.Create(ci, $"of a recurring event, its first occurrence and its latest {ICalendarReader.LatestOccurrences:N0} are imported"));
            if (expansion.Next is { } next)
                skips.Add($"{what}: its occurrences from {Day(next.Utc)} on have not happened yet (import the calendar again afterwards)");
        }
        foreach (var reason in skips) options.Progress.AddSkipped(new ImportSkip(fileName, line, reason));
    }

    private static string Day(DateTime utc) => utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// The dates of an RDATE or EXDATE line (several, comma-separated; a PERIOD counts from its start). A date given
    /// without a time, in an event that has one, is taken at the event's time of day in its zone.
    /// </summary>
    private static IEnumerable<CalendarTime> Values(ContentLine line, CalendarTime start, List<string> warnings)
    {
        var valueType = line.Param("VALUE");
        var period = string.Equals(valueType, "PERIOD", StringComparison.OrdinalIgnoreCase);
        foreach (var raw in line.Text().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var value = period || raw.Contains('/', StringComparison.Ordinal) ? raw[..raw.IndexOf('/', StringComparison.Ordinal)] : raw;
            // Google's birthday calendars write dates with a Z (RDATE:20131210Z).
            if (value.Length == 9 && value[8] is 'Z' or 'z' && value.AsSpan(0, 8).IndexOfAnyExceptInRange('0', '9') < 0) value = value[..8];
            var said = new List<string>();
            var parsed = CalendarTime.Parse(value, line.Name, period ? null : valueType, line.Param("TZID"), said);
            if (parsed is not { } t)
            {
                warnings.Add($"{line.Name} {ImportFormatException.Quote(raw)} (line {line.Line}) is not a date; left out");
                continue;
            }
            if (t.Zone == TimeZoneInfo.Utc && !t.AllDay && line.Param("TZID") is null && !value.EndsWith('Z'))
            {
                // A floating time is a time of the event's own zone.
                yield return new CalendarTime(t.Local, start.Zone, false);
                continue;
            }
            foreach (var w in said)
            {
                if (!warnings.Contains(w)) warnings.Add(w);
            }
            if (t.AllDay && !start.AllDay)
            {
                yield return new CalendarTime(t.Local + start.Local.TimeOfDay, start.Zone, true);
                continue;
            }
            yield return t;
        }
    }
}
