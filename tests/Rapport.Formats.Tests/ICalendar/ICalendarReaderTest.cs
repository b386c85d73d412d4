using Rapport.Formats.ICalendar;
using Rapport.Formats.Records;

namespace Rapport.Formats.Tests.ICalendar;

public partial class ICalendarReaderTest
{
    private static List<ImportedInteraction> Read(string events, ImportOptions? options = null) =>
        ICalendarReader.Read(TestStreams.Utf8("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + events + "END:VCALENDAR\r\n"), "t.ics", options).ToList();

    [Fact]
    public void AMeetingWithAConferenceLink_IsVideo_AndTheUserAsOrganizerMakesItOut()
    {
        var e = Assert.Single(Read(
            "BEGIN:VEVENT\r\nUID:abc\r\nSUMMARY:Sync\r\nDTSTART:20240315T093000Z\r\nDTEND:20240315T100000Z\r\n" +
            "ORGANIZER;CN=Me:MAILTO:me@example.org\r\nATTENDEE;CN=\"Doe, Jane\";PARTSTAT=ACCEPTED:mailto:jane@exa\r\n\tmple.com\r\n" +
            "ATTENDEE:mailto:me@example.org\r\nDESCRIPTION:Join https://meet.google.com/abc-defg-hij\r\n" +
            "BEGIN:VALARM\r\nACTION:EMAIL\r\nATTENDEE:mailto:alarm@example.org\r\nEND:VALARM\r\nEND:VEVENT\r\n",
            new ImportOptions { OwnEmails = ["ME@example.org"] }));
        Assert.Equal(InteractionChannel.Video, e.Channel);
        Assert.Equal(InteractionDirection.Out, e.Direction);
        Assert.Equal(new DateTime(2024, 3, 15, 9, 30, 0, DateTimeKind.Utc), e.OccurredAtUtc);
        Assert.Equal(new ImportedParticipant("jane@example.com", null, "Doe, Jane"), Assert.Single(e.Participants));
        Assert.Equal("abc", e.ExternalKey);
        Assert.Equal("Sync", e.Subject);
    }

    [Fact]
    public void AnITipReplyWithoutDtstart_IsSkippedWithAReason_AndTheRestOfTheFileImports()
    {
        var options = new ImportOptions { Progress = new ImportProgress() };
        var text =
            "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:u1\r\nDTSTART:20240315T093000Z\r\nORGANIZER:mailto:a@example.com\r\nATTENDEE:mailto:b@example.com\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n" +
            "BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\nUID:u1\r\nATTENDEE;PARTSTAT=ACCEPTED:mailto:b@example.com\r\nORGANIZER:mailto:a@example.com\r\nDTSTAMP:19970612T190000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n" +
            "BEGIN:VCALENDAR\r\nMETHOD:CANCEL\r\nBEGIN:VEVENT\r\nUID:u1\r\nORGANIZER:mailto:a@example.com\r\nSTATUS:CANCELLED\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

        var events = ICalendarReader.Read(TestStreams.Utf8(text), "t.ics", options).ToList();

        Assert.Equal("u1", Assert.Single(events).ExternalKey);
        Assert.Equal(2, options.Progress.Skipped);
        Assert.Empty(options.Progress.Rejected);
        Assert.Equal([("t.ics", 12L, "a METHOD:REPLY event without DTSTART"), ("t.ics", 21L, "a METHOD:CANCEL event without DTSTART")],
            options.Progress.SkipReasons.Select(r => (r.File, r.Line, r.Reason[..r.Reason.IndexOf(':', r.Reason.IndexOf("METHOD:", StringComparison.Ordinal) + 7)])));
    }

    [Theory]
    [InlineData("")]
    [InlineData("METHOD:PUBLISH\r\n")]
    [InlineData("METHOD:REQUEST\r\n")]
    public void AnEventWithoutDtstart_OutsideAnITipReplyOrCancel_IsStillABadRow(string method)
    {
        var text = "BEGIN:VCALENDAR\r\n" + method + "BEGIN:VEVENT\r\nUID:u1\r\nATTENDEE:mailto:b@example.com\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        var e = Assert.Throws<ImportFormatException>(() => ICalendarReader.Read(TestStreams.Utf8(text), "t.ics").ToList());
        Assert.Contains("expected a DTSTART in the event that starts here, got none", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LibicalIncoming_ImportsWithoutSkippingBadRows_YieldingTheAttendeesOfItsDatedEvents()
    {
        var options = new ImportOptions { Progress = new ImportProgress() };
        using var stream = File.OpenRead(Path.Combine(Corpus.CorpusFiles.Root, "ics", "libical__libical", "incoming.ics"));

        var events = ICalendarReader.Read(stream, "incoming.ics", options).ToList();

        // MANIFEST: 14 VEVENTs; five METHOD:REPLY and one METHOD:CANCEL carry no DTSTART.
        Assert.Equal(8, events.Count);
        Assert.Equal(6, options.Progress.Skipped);
        Assert.Contains(options.Progress.SkipReasons, r => r.ToString().StartsWith("incoming.ics:104: skipped a METHOD:REPLY event", StringComparison.Ordinal));
        // Its ATTENDEE column, less X@ and Y@, who appear only in replies to an event that is not in the file.
        string[] expected = ["a@example.com", "b@example.com", "c@example.com", "conf@example.com", "conf_big@example.com", "d@example.com", "e@example.com"];
        Assert.Equal(expected, events.SelectMany(e => e.Participants).Select(p => p.Email!.ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ALocation_MakesItInPerson_AndNoLocationMakesItACall()
    {
        var events = Read(
            "BEGIN:VEVENT\r\nUID:1\r\nDTSTART:20240315T093000Z\r\nLOCATION:Café Central\r\nORGANIZER:mailto:a@example.com\r\nEND:VEVENT\r\n" +
            "BEGIN:VEVENT\r\nUID:2\r\nDTSTART:20240316T093000Z\r\nORGANIZER:mailto:a@example.com\r\nEND:VEVENT\r\n");
        Assert.Equal([InteractionChannel.InPerson, InteractionChannel.Call], events.Select(e => e.Channel));
        Assert.All(events, e => Assert.Equal(InteractionDirection.In, e.Direction));
    }

    [Fact]
    public void TimeZones_AreConverted_AndUnknownOnesAreReadAsUtcWithAWarning()
    {
        var events = Read(
            "BEGIN:VEVENT\r\nUID:1\r\nDTSTART;TZID=Europe/Berlin:20240715T100000\r\nEND:VEVENT\r\n" +
            "BEGIN:VEVENT\r\nUID:2\r\nDTSTART;TZID=\"W. Europe Standard Time\":20240115T100000\r\nEND:VEVENT\r\n" +
            "BEGIN:VEVENT\r\nUID:3\r\nDTSTART;TZID=Mars/Olympus:20240115T100000\r\nEND:VEVENT\r\n" +
            "BEGIN:VEVENT\r\nUID:4\r\nDTSTART;VALUE=DATE:20240115\r\nEND:VEVENT\r\n");
        Assert.Equal(new DateTime(2024, 7, 15, 8, 0, 0, DateTimeKind.Utc), events[0].OccurredAtUtc);
        Assert.Equal(new DateTime(2024, 1, 15, 9, 0, 0, DateTimeKind.Utc), events[1].OccurredAtUtc);
        Assert.Equal(new DateTime(2024, 1, 15, 10, 0, 0, DateTimeKind.Utc), events[2].OccurredAtUtc);
        Assert.Contains(events[2].Warnings, w => w.Contains("Mars/Olympus", StringComparison.Ordinal) && w.Contains("UTC", StringComparison.Ordinal));
        Assert.True(events[3].AllDay);
    }

    [Fact]
    public void ALocalTimeThatDaylightSavingRepeats_IsTheFirst_AndOneItSkips_TakesTheOffsetFromBeforeTheGap()
    {
        // Berlin: on October 27, 2024 the clock went from 03:00 back to 02:00; on March 31 from 02:00 on to 03:00.
        var events = Read(
            "BEGIN:VEVENT\r\nUID:1\r\nDTSTART;TZID=Europe/Berlin:20241027T023000\r\nEND:VEVENT\r\n" +
            "BEGIN:VEVENT\r\nUID:2\r\nDTSTART;TZID=Europe/Berlin:20240331T023000\r\nEND:VEVENT\r\n");
        Assert.Equal(new DateTime(2024, 10, 27, 0, 30, 0, DateTimeKind.Utc), events[0].OccurredAtUtc);
        Assert.Equal(new DateTime(2024, 3, 31, 1, 30, 0, DateTimeKind.Utc), events[1].OccurredAtUtc);
    }

    [Fact]
    public void QuotedMailtoListsInParameters_DoNotHideTheValue_AndCaretEscapesAreDecoded()
    {
        var e = Assert.Single(Read(
            "BEGIN:VEVENT\r\nUID:1\r\nDTSTART:20240315T093000Z\r\n" +
            "ATTENDEE;DELEGATED-TO=\"mailto:jdoe@example.com\",\"mailto:jqpublic@example.com\":mailto:jsmith@example.com\r\n" +
            "ATTENDEE;CN=George Herman ^'Babe^' Ruth:mailto:babe@example.com\r\nEND:VEVENT\r\n"));
        Assert.Equal(["jsmith@example.com", "babe@example.com"], e.Participants.Select(p => p.Email));
        Assert.Equal("George Herman \"Babe\" Ruth", e.Participants[1].Name);
    }

    [Fact]
    public void BirthdayPseudoAttendees_AreIgnored()
    {
        var e = Assert.Single(Read("BEGIN:VEVENT\r\nUID:1\r\nDTSTART;VALUE=DATE:20240315\r\nATTENDEE;CN=Ana:mailto:4dhmurjk@virtual\r\nEND:VEVENT\r\n"));
        Assert.Empty(e.Participants);
    }

    [Fact]
    public void AFileThatIsNotACalendar_IsAFormatError() =>
        Assert.Throws<ImportFormatException>(() => ICalendarReader.Read(TestStreams.Utf8("BEGIN:VCARD\r\nEND:VCARD\r\n"), "t.ics").ToList());
}
