namespace Rapport.Formats.ICalendar.Recurrence;

/// <summary>One occurrence of a recurring event: its wall-clock time in the event's zone and the instant, in UTC.</summary>
public readonly record struct Occurrence(DateTime Local, DateTime Utc);

/// <summary>
/// The recurrence set of an event (RFC 5545 section 3.8.5): DTSTART, the dates of its RRULE and its RDATEs, less its
/// EXDATEs, as far as it has happened by a given moment. A long past is cut short: the first occurrence and the latest
/// <c>keepLatest</c> are kept, and what lies between is counted in <see cref="RecurrenceExpansion.LeftOut"/>.
/// </summary>
public sealed record RecurrenceSet
{
    /// <summary>
    /// How many occurrences are examined at most. A rule that gives more before now (an hourly-like daily rule with many
    /// BYHOUR and BYMINUTE values since long ago) is cut there, and <see cref="RecurrenceExpansion.Truncated"/> says so.
    /// </summary>
    public const int MaxExamined = 1_000_000;

    /// <summary>DTSTART, as a wall-clock time of <see cref="Zone"/>.</summary>
    public required DateTime Start { get; init; }

    /// <summary>The zone of DTSTART (UTC for all-day events and for times in UTC or without a known zone).</summary>
    public required TimeZoneInfo Zone { get; init; }

    /// <summary>The RRULE, when there is one that can be expanded.</summary>
    public RecurrenceRule? Rule { get; init; }

    /// <summary>The RDATE instants, in UTC.</summary>
    public IReadOnlyList<DateTime> RDates { get; init; } = [];

    /// <summary>The EXDATE instants, in UTC.</summary>
    public IReadOnlyList<DateTime> ExDates { get; init; } = [];

    /// <summary>EXDATEs given as dates only: every occurrence on such a day (of <see cref="Zone"/>) is excluded.</summary>
    public IReadOnlyList<DateOnly> ExDays { get; init; } = [];

    /// <summary>The occurrences that have happened by <paramref name="nowUtc"/>, with the first one still to come.</summary>
    public RecurrenceExpansion Expand(DateTime nowUtc, int keepLatest)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(keepLatest);
        nowUtc = DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc);
        var start = DateTime.SpecifyKind(Start, DateTimeKind.Unspecified);
        var exDates = ExDates.Select(d => DateTime.SpecifyKind(d, DateTimeKind.Utc)).ToHashSet();
        var exDays = ExDays.ToHashSet();
        bool Excluded(Occurrence o) => exDates.Contains(o.Utc) || exDays.Contains(DateOnly.FromDateTime(o.Local));
        var past = new List<Occurrence>();
        Occurrence? next = null;
        var truncated = false;

        if (Rule is { } rule && RecurrenceExpander.IsExpanded(rule.Frequency))
        {
            // Ten years past now is far enough to find the next occurrence of any rule that has one soon.
            var nowLocal = CalendarTime.FromUtc(nowUtc, Zone);
            var horizon = nowLocal.Year < 9989 ? nowLocal.AddYears(10) : DateTime.MaxValue;
            var examined = 0;
            foreach (var local in RecurrenceExpander.Occurrences(start, rule, t => CalendarTime.ToUtc(t, Zone), horizon))
            {
                var o = new Occurrence(local, CalendarTime.ToUtc(local, Zone));
                if (o.Utc > nowUtc)
                {
                    if (Excluded(o)) continue;
                    next = o;
                    break;
                }
                if (++examined > MaxExamined)
                {
                    truncated = true;
                    break;
                }
                past.Add(o);
            }
        }
        else
        {
            var first = new Occurrence(start, CalendarTime.ToUtc(start, Zone));
            if (first.Utc <= nowUtc) past.Add(first);
            else if (!Excluded(first)) next = first;
        }
        foreach (var rdate in RDates)
        {
            var utc = DateTime.SpecifyKind(rdate, DateTimeKind.Utc);
            var o = new Occurrence(CalendarTime.FromUtc(utc, Zone), utc);
            if (utc <= nowUtc) past.Add(o);
            else if (!Excluded(o) && (next is null || utc < next.Value.Utc)) next = o;
        }

        var ordered = past.DistinctBy(o => o.Utc).OrderBy(o => o.Utc).ToList();
        var kept = ordered.Where(o => !Excluded(o)).ToList();
        var excluded = ordered.Where(Excluded).ToList();
        var leftOut = 0;
        DateTime? leftOutFrom = null, leftOutTo = null;
        if (kept.Count > keepLatest + 1)
        {
            leftOut = kept.Count - keepLatest - 1;
            leftOutFrom = kept[1].Utc;
            leftOutTo = kept[leftOut].Utc;
            kept = [kept[0], .. kept.Skip(leftOut + 1)];
            var (from, to) = (leftOutFrom.Value, leftOutTo.Value);
            excluded = excluded.Where(o => o.Utc < from || o.Utc > to).ToList();
        }
        return new RecurrenceExpansion(kept, excluded, leftOut, leftOutFrom, leftOutTo, next, truncated);
    }
}

/// <summary>What <see cref="RecurrenceSet.Expand"/> found.</summary>
/// <param name="Occurrences">The occurrences kept, in order: the first, then the latest.</param>
/// <param name="Excluded">Occurrences an EXDATE takes out, among those kept or between them.</param>
/// <param name="LeftOut">How many occurrences between the first and the latest kept were left out.</param>
/// <param name="LeftOutFrom">The first of them (UTC).</param>
/// <param name="LeftOutTo">The last of them (UTC).</param>
/// <param name="Next">The first occurrence still to come, if one comes within ten years.</param>
/// <param name="Truncated">More than <see cref="RecurrenceSet.MaxExamined"/> occurrences were met before now, and the rest were not looked at.</param>
public sealed record RecurrenceExpansion(
    IReadOnlyList<Occurrence> Occurrences, IReadOnlyList<Occurrence> Excluded, int LeftOut, DateTime? LeftOutFrom, DateTime? LeftOutTo,
    Occurrence? Next, bool Truncated);
