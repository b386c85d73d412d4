using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Rapport.Formats.ICalendar;
using Rapport.Formats.Records;

namespace Rapport.Formats.Tests.ICalendar;

public class ICalendarWriterTest
{
    private static readonly DateTime Stamp = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);

    /// <summary>Text as the reader gives it back: trimmed, not empty, no control characters other than newline and tab.</summary>
    private static readonly Gen<string> Text = Properties.Value.Where(v => v.All(c => !char.IsControl(c) || c is '\n' or '\t'));

    private static readonly Gen<(string, string?)> Attendee =
        from local in Gen.Elements("ana", "bo.z", "zoë", "x+y", "日本")
        from domain in Gen.Elements("example.org", "mail.example.co.uk")
        from name in Gen.Elements<string?>(null, "Ana Silva", "Zoë Ångström", "李 小龙", "Bo")
        select (local + "@" + domain, name);

    private static readonly Gen<CalendarEntry> Entry =
        from uid in Text
        from summary in Text
        from description in Gen.Frequency((1, Gen.Constant<string?>(null)), (3, Text.Select(t => (string?)t)))
        from allDay in Gen.Elements(true, false)
        from seconds in Gen.Choose(0, int.MaxValue)
        from attendees in Gen.Choose(0, 3).SelectMany(n => Gen.ListOf(Attendee, n))
        select new CalendarEntry(uid, summary)
        {
            Day = allDay ? DateOnly.FromDateTime(DateTime.UnixEpoch.AddSeconds(seconds)) : null,
            StartUtc = allDay ? null : DateTime.UnixEpoch.AddSeconds(seconds),
            Description = description,
            Attendees = attendees.DistinctBy(a => a.Item1).ToList(),
        };

    [Fact]
    public void WrittenEvents_ReadBack_WithTheirUidTimeSummaryDescriptionAndAttendees()
    {
        var arb = Gen.Choose(1, 4).SelectMany(n => Gen.ListOf(Entry, n)).Select(l => l.DistinctBy(e => e.Uid).ToList()).ToArbitrary();
        Check.QuickThrowOnFailure(Prop.ForAll(arb, entries =>
        {
            var text = ICalendarWriter.Write(entries, "Rapport: test", Stamp);
            var read = ICalendarReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "feed.ics").ToList();
            Assert.Equal(entries.Count, read.Count);
            for (var i = 0; i < entries.Count; i++)
            {
                var (e, r) = (entries[i], read[i]);
                Assert.Equal(e.Uid, r.ExternalKey);
                Assert.Equal(e.Summary, r.Subject);
                Assert.Equal(e.Description, r.Note);
                Assert.Equal(e.Day is not null, r.AllDay);
                Assert.Equal(e.StartUtc ?? e.Day!.Value.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), r.OccurredAtUtc);
                Assert.Equal(e.Attendees.Select(a => new ImportedParticipant(a.Email, null, a.Name)), r.Participants);
            }
            return true;
        }));
    }

    [Fact]
    public void Lines_AreFoldedAt75Octets_WithoutSplittingACharacter_AndEndWithCrLf()
    {
        var entry = new CalendarEntry("plan-1@rapport", string.Concat(Enumerable.Repeat("Zoë 👩‍💻 日本語, ", 40)))
        {
            Day = new DateOnly(2026, 11, 25),
            Description = "line one\nline two; with \\ and , too",
        };

        var bytes = Encoding.UTF8.GetBytes(ICalendarWriter.Write([entry], "Rapport", Stamp));

        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        var text = strict.GetString(bytes);
        Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var start = 0;
        for (var i = 0; i + 1 < bytes.Length; i++)
        {
            if (bytes[i] != '\r' || bytes[i + 1] != '\n') continue;
            var line = bytes.AsSpan(start, i - start);
            Assert.True(line.Length <= 75, $"a line of {line.Length} octets: {strict.GetString(line)}");
            _ = strict.GetString(line); // throws when a fold split a UTF-8 sequence
            start = i + 2;
        }
        Assert.Equal(bytes.Length, start);
        Assert.Contains("DESCRIPTION:line one\\nline two\\; with \\\\ and \\, too\r\n", text);
        Assert.Contains("DTSTART;VALUE=DATE:20261125\r\nDTEND;VALUE=DATE:20261126\r\n", text);
    }
}
