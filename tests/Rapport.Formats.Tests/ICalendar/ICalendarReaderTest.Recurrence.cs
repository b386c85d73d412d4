using Rapport.Formats.ICalendar;
using Rapport.Formats.Records;

namespace Rapport.Formats.Tests.ICalendar;

/// <summary>Recurring events: one interaction per occurrence that has happened.</summary>
public partial class ICalendarReaderTest
{
    private static readonly DateTime Now = new(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc);

    private static (List<ImportedInteraction> Events, ImportProgress Progress) ReadAt(DateTime now, string events)
    {
        var options = new ImportOptions { Clock = new FixedClock(now), Progress = new ImportProgress() };
        var read = ICalendarReader.Read(TestStreams.Utf8("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + events + "END:VCALENDAR\r\n"), "t.ics", options).ToList();
        return (read, options.Progress);
    }

    private static (List<ImportedInteraction> Events, ImportProgress Progress) ReadCorpus(string file, DateTime now)
    {
        var options = new ImportOptions { Clock = new FixedClock(now), Progress = new ImportProgress() };
        using var stream = File.OpenRead(Path.Combine(Corpus.CorpusFiles.Root, "ics", "kewisch__ical.js", file));
        return (ICalendarReader.Read(stream, file, options).ToList(), options.Progress);
    }

    private static DateTime Utc(int y, int m, int d, int h, int min = 0) => new(y, m, d, h, min, 0, DateTimeKind.Utc);

    [Fact]
    public void AWeeklyMeetingInBerlin_IsOneInteractionPerPastWeek_At10LocalAcrossDaylightSaving_KeyedByUidAndStart()
    {
        var (events, progress) = ReadAt(Utc(2024, 4, 10, 0),
            "BEGIN:VEVENT\r\nUID:w@x\r\nSUMMARY:1:1\r\nDTSTART;TZID=Europe/Berlin:20240318T100000\r\nDTEND;TZID=Europe/Berlin:20240318T103000\r\n" +
            "RRULE:FREQ=WEEKLY\r\nATTENDEE:mailto:ana@example.org\r\nEND:VEVENT\r\n");

        Assert.Equal([Utc(2024, 3, 18, 9), Utc(2024, 3, 25, 9), Utc(2024, 4, 1, 8), Utc(2024, 4, 8, 8)], events.Select(e => e.OccurredAtUtc));
        Assert.Equal(["w@x", "w@x|20240325T090000Z", "w@x|20240401T080000Z", "w@x|20240408T080000Z"], events.Select(e => e.ExternalKey));
        Assert.All(events, e => Assert.Equal(TimeSpan.FromMinutes(30), e.EndsAtUtc - e.OccurredAtUtc));
        Assert.All(events, e => Assert.True(e.Occurrence && e.SourceLine == 3 && e.Participants.Single().Email == "ana@example.org"));
        var future = Assert.Single(progress.SkipReasons);
        Assert.Equal(("t.ics", 3L, "\"1:1\": its occurrences from 2024-04-15 on have not happened yet (import the calendar again afterwards)"), (future.File, future.Line, future.Reason));
    }

    [Fact]
    public void UntilInUtc_EndsAWeeklyMeetingGivenInItsOwnZone_AtTheInstant()
    {
        // 10:00 in Berlin is 08:00 UTC in July: an UNTIL at 08:00 UTC keeps July 15, one a second earlier does not.
        static string Event(string until) =>
            $"BEGIN:VEVENT\r\nUID:u-{until}\r\nDTSTART;TZID=Europe/Berlin:20240701T100000\r\nRRULE:FREQ=WEEKLY;UNTIL={until}\r\nEND:VEVENT\r\n";

        var (events, progress) = ReadAt(Now, Event("20240715T080000Z") + Event("20240715T075959Z"));

        Assert.Equal(3, events.Count(e => e.ExternalKey!.StartsWith("u-20240715T080000Z", StringComparison.Ordinal)));
        Assert.Equal(2, events.Count(e => e.ExternalKey!.StartsWith("u-20240715T075959Z", StringComparison.Ordinal)));
        Assert.Empty(progress.SkipReasons);
    }

    [Fact]
    public void Exdates_SeveralPerLineAndSeveralLines_InTheEventsZoneOrInUtc_TakeOccurrencesOut_AndCountStillCountsThem()
    {
        var (events, _) = ReadAt(Now,
            "BEGIN:VEVENT\r\nUID:d@x\r\nSUMMARY:Standup\r\nDTSTART;TZID=Europe/Berlin:20240603T091500\r\nRRULE:FREQ=DAILY;COUNT=6\r\n" +
            "EXDATE;TZID=Europe/Berlin:20240604T091500,20240606T091500\r\nEXDATE:20240607T071500Z\r\nEND:VEVENT\r\n");

        Assert.Equal([Utc(2024, 6, 3, 7, 15), Utc(2024, 6, 5, 7, 15), Utc(2024, 6, 8, 7, 15)], events.Where(e => !e.Cancelled).Select(e => e.OccurredAtUtc));
        var taken = events.Where(e => e.Cancelled).ToList();
        Assert.Equal(["d@x|20240604T071500Z", "d@x|20240606T071500Z", "d@x|20240607T071500Z"], taken.Select(e => e.ExternalKey));
        Assert.All(taken, e => Assert.Equal("taken out of its series (EXDATE)", e.CancelReason));
    }

    [Fact]
    public void RecurInstances_FollowsItsMonthlyRuleAndRdates_LeavesItsExdatesOut_AndItsOverridesReplaceTheOccurrencesTheyName()
    {
        // MANIFEST: Zimbra, a master with RRULE (first Tuesday monthly), RDATEs and EXDATEs, and two RECURRENCE-ID overrides.
        var (events, progress) = ReadCorpus("recur_instances.ics", Utc(2013, 6, 1, 0));

        const string uid = "623c13c0-6c2b-45d6-a12b-c33ad61c4868";
        var held = events.Where(e => !e.Cancelled).ToList();
        Assert.Equal(
        [
            // The rule's and the RDATEs' occurrences (10:00 in Los Angeles), but October 2, 2012 and the RDATE of November 5, which are overridden...
            (uid + "|20121106T180000Z", Utc(2012, 11, 6, 18)), (uid + "|20121110T180000Z", Utc(2012, 11, 10, 18)), (uid + "|20121130T180000Z", Utc(2012, 11, 30, 18)),
            (uid + "|20130101T180000Z", Utc(2013, 1, 1, 18)), (uid + "|20130305T180000Z", Utc(2013, 3, 5, 18)), (uid + "|20130507T170000Z", Utc(2013, 5, 7, 17)),
            // ...which come from their overrides: the first occurrence moved to 15:00, the RDATE to November 6 at 20:00.
            (uid, Utc(2012, 10, 2, 22)), (uid + "|20121105T180000Z", Utc(2012, 11, 7, 4)),
        ], held.Select(e => (e.ExternalKey, e.OccurredAtUtc)));
        Assert.Equal(["I HAZ CHANGED!", null], held.TakeLast(2).Select(e => e.Note));
        Assert.Equal(["jlal@mozilla.com"], held[^2].Participants.Select(p => p.Email));
        Assert.Equal(4, held[0].Participants.Count);
        Assert.Equal([uid + "|20121204T180000Z", uid + "|20130205T180000Z", uid + "|20130402T170000Z"], events.Where(e => e.Cancelled).Select(e => e.ExternalKey));
        Assert.Equal("\"Crazy Event Thingy!\": its occurrences from 2013-06-04 on have not happened yet (import the calendar again afterwards)", Assert.Single(progress.SkipReasons).Reason);
    }

    [Fact]
    public void DailyRecur_SinceAugust2012_KeepsItsFirstAndLatest500Occurrences_At5InLosAngeles_AndSaysWhatItLeftOut()
    {
        // MANIFEST: Google Calendar, one VEVENT with FREQ=DAILY and no end, from August 1, 2012 at 05:00 in Los Angeles.
        var (events, progress) = ReadCorpus("daily_recur.ics", Now);

        var la = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
        Assert.Equal(1 + ICalendarReader.LatestOccurrences, events.Count);
        Assert.All(events, e => Assert.Equal(new TimeSpan(5, 0, 0), TimeZoneInfo.ConvertTimeFromUtc(e.OccurredAtUtc, la).TimeOfDay));
        Assert.Equal(("tgh9qho17b07pk2n2ji3gluans@google.com", Utc(2012, 8, 1, 12)), (events[0].ExternalKey, events[0].OccurredAtUtc));
        Assert.Equal(Utc(2025, 7, 8, 12), events[1].OccurredAtUtc);
        Assert.Equal(("tgh9qho17b07pk2n2ji3gluans@google.com|20261119T130000Z", Utc(2026, 11, 19, 13)), (events[^1].ExternalKey, events[^1].OccurredAtUtc));
        Assert.Equal(events.Count, events.Select(e => e.ExternalKey).Distinct().Count());
        // Its only ATTENDEE is an alarm's recipient, not a participant.
        Assert.All(events, e => Assert.Empty(e.Participants));
        Assert.Equal(
        [
            "\"Every day recurring\": 4,723 earlier occurrences (2012-08-02 to 2025-07-07) left out: of a recurring event, its first occurrence and its latest 500 are imported",
            "\"Every day recurring\": its occurrences from 2026-11-20 on have not happened yet (import the calendar again afterwards)",
        ], progress.SkipReasons.Select(r => r.Reason));
        Assert.All(progress.SkipReasons, r => Assert.Equal(("daily_recur.ics", 25L), (r.File, r.Line)));
    }

    [Fact]
    public void ACancelledOverride_TakesItsOccurrenceOut_AndAnAllDaySeriesIsKeyedByDay()
    {
        var (events, _) = ReadAt(Now,
            "BEGIN:VEVENT\r\nUID:y@x\r\nSUMMARY:Offsite\r\nDTSTART;VALUE=DATE:20220310\r\nRRULE:FREQ=MONTHLY;COUNT=4\r\nEND:VEVENT\r\n" +
            "BEGIN:VEVENT\r\nUID:y@x\r\nRECURRENCE-ID;VALUE=DATE:20220410\r\nDTSTART;VALUE=DATE:20220410\r\nSTATUS:CANCELLED\r\nEND:VEVENT\r\n");

        Assert.Equal([("y@x", false), ("y@x|20220510", false), ("y@x|20220610", false), ("y@x|20220410", true)], events.Select(e => (e.ExternalKey, e.Cancelled)));
        Assert.All(events, e => Assert.True(e.AllDay));
    }

    [Fact]
    public void AnRdateOnlyEvent_HappensOnItsStartAndEachRdate_EvenGivenAsPeriods()
    {
        var (events, _) = ReadAt(Now,
            "BEGIN:VEVENT\r\nUID:r@x\r\nDTSTART:20240105T100000Z\r\nRDATE;VALUE=PERIOD:20240201T100000Z/PT1H,20240301T100000Z/20240301T110000Z\r\n" +
            "RDATE;VALUE=DATE:20240401\r\nEND:VEVENT\r\n");

        Assert.Equal([Utc(2024, 1, 5, 10), Utc(2024, 2, 1, 10), Utc(2024, 3, 1, 10), Utc(2024, 4, 1, 10)], events.Select(e => e.OccurredAtUtc));
    }

    [Theory]
    [InlineData("FREQ=HOURLY;COUNT=5", "\"Pings\" repeats within the day (FREQ=HOURLY): its later occurrences are left out, and only its first imported")]
    [InlineData("FREQ=YEARLY;BYWEEKNO=20", "\"Pings\": its RRULE \"FREQ=YEARLY;BYWEEKNO=20\" cannot be read (BYWEEKNO is not supported), so only its first occurrence is imported")]
    public void ARuleThatIsNotExpanded_LeavesTheFirstOccurrence_AndSaysWhy(string rule, string reason)
    {
        var (events, progress) = ReadAt(Now, $"BEGIN:VEVENT\r\nUID:h@x\r\nSUMMARY:Pings\r\nDTSTART:20240105T100000Z\r\nRRULE:{rule}\r\nEND:VEVENT\r\n");

        Assert.Equal(("h@x", Utc(2024, 1, 5, 10)), (Assert.Single(events).ExternalKey, events[0].OccurredAtUtc));
        Assert.Equal(reason, Assert.Single(progress.SkipReasons).Reason);
    }

    [Fact]
    public void OfTwoVersionsOfASeries_TheHigherSequenceIsExpanded_AndAReplyWithoutTheRuleDoesNotUndoIt()
    {
        var (events, _) = ReadAt(Utc(2024, 1, 31, 0),
            // Revision 1 moved the weekly meeting from Mondays to Tuesdays; a reply at revision 1 repeats no rule; revision 0 comes last.
            "BEGIN:VEVENT\r\nUID:v@x\r\nSEQUENCE:1\r\nDTSTART:20240102T100000Z\r\nRRULE:FREQ=WEEKLY;BYDAY=TU\r\nEND:VEVENT\r\n" +
            "BEGIN:VEVENT\r\nUID:v@x\r\nSEQUENCE:1\r\nDTSTART:20240102T100000Z\r\nATTENDEE;PARTSTAT=ACCEPTED:mailto:b@example.org\r\nEND:VEVENT\r\n" +
            "BEGIN:VEVENT\r\nUID:v@x\r\nSEQUENCE:0\r\nDTSTART:20240101T100000Z\r\nRRULE:FREQ=WEEKLY;BYDAY=MO\r\nEND:VEVENT\r\n");

        // The reply and the older revision stay single events under the bare UID, which the import merges into the first occurrence.
        Assert.Equal(
        [
            ("v@x", Utc(2024, 1, 2, 10)), ("v@x|20240109T100000Z", Utc(2024, 1, 9, 10)), ("v@x|20240116T100000Z", Utc(2024, 1, 16, 10)),
            ("v@x|20240123T100000Z", Utc(2024, 1, 23, 10)), ("v@x|20240130T100000Z", Utc(2024, 1, 30, 10)),
            ("v@x", Utc(2024, 1, 2, 10)), ("v@x", Utc(2024, 1, 1, 10)),
        ], events.Select(e => (e.ExternalKey, e.OccurredAtUtc)));
        Assert.Equal([1, 1, 1, 1, 1, 1, 0], events.Select(e => e.Sequence));
    }

    [Fact]
    public void GoogleBirthdays_WithRdatesWrittenAsDatesWithAZ_HappenOnEachOfThem()
    {
        // MANIFEST: a Google birthday calendar; its first event has RRULE COUNT=1 and RDATE:20131210Z, RDATE:20121210Z.
        var (events, _) = ReadCorpus("google_birthday.ics", Now);

        var first = events.Where(e => e.SourceLine == events[0].SourceLine).ToList();
        Assert.Equal([Utc(2012, 12, 10, 0), Utc(2013, 12, 10, 0), Utc(2014, 12, 10, 0)], first.Select(e => e.OccurredAtUtc));
        Assert.All(first, e => Assert.True(e.AllDay));
        Assert.All(first, e => Assert.Empty(e.Warnings));
    }

    [Fact]
    public void AWholeDayThatComesBackEveryYear_IsABirthdayNotAMeeting_AndIsLeftOutOnce()
    {
        var (events, progress) = ReadAt(Now,
            "BEGIN:VEVENT\r\nUID:b@x\r\nSUMMARY:Dia's birthday\r\nDTSTART;VALUE=DATE:19920229\r\nRRULE:FREQ=YEARLY\r\nATTENDEE:mailto:dia@example.org\r\nEND:VEVENT\r\n" +
            "BEGIN:VEVENT\r\nUID:o@x\r\nSUMMARY:Offsite\r\nDTSTART;VALUE=DATE:20260302\r\nRRULE:FREQ=MONTHLY;COUNT=2\r\nATTENDEE:mailto:dia@example.org\r\nEND:VEVENT\r\n");

        Assert.Equal(["o@x", "o@x|20260402"], events.Select(e => e.ExternalKey));
        var skip = Assert.Single(progress.SkipReasons);
        Assert.Equal((3L, "\"Dia's birthday\" comes back every year on a whole day (a birthday or an anniversary): a date, not a meeting, so it is left out"), (skip.Line, skip.Reason));
    }
}
