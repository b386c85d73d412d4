using Microsoft.EntityFrameworkCore;
using Rapport.App.Import;
using Rapport.Data.Storage;
using Rapport.Data.Tests.Support;
using Rapport.Formats.ICalendar;

namespace Rapport.Data.Tests.Import;

/// <summary>Recurring calendar events: each occurrence that has happened is a touch of its own.</summary>
public sealed partial class ImportNetworkTest
{
    /// <summary>A weekly 1:1 with Ana on Tuesdays at 10:00 in Berlin since November 19, 2024 (Now is Friday, November 20, 2026).</summary>
    private static string WeeklyOneOnOne(string extraMaster = "", string overrides = "") =>
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" +
        "BEGIN:VEVENT\r\nUID:one-on-one@example.org\r\nSUMMARY:Ana / me\r\nDTSTART;TZID=Europe/Berlin:20241119T100000\r\nDTEND;TZID=Europe/Berlin:20241119T103000\r\n" +
        "RRULE:FREQ=WEEKLY;BYDAY=TU\r\nORGANIZER:mailto:me@example.net\r\nATTENDEE:mailto:ana@example.org\r\n" + extraMaster + "END:VEVENT\r\n" +
        overrides + "END:VCALENDAR\r\n";

    private async Task<RapportStore> CalendarStoreAsync(TestDatabase test)
    {
        var store = await test.MigratedStoreAsync(new TestClock(Now));
        await ImportAsync(store, Write("Connections.csv", Connections));
        await using var db = store.Open();
        db.Settings.Add(new Domain.Settings.AccountSetting("own.emails", "me@example.net"));
        var costa = await db.Contacts.Include(c => c.Emails).SingleAsync(c => c.DisplayName == "Bruno Costa");
        costa.AddEmail("bruno@example.org");
        await db.SaveChangesAsync();
        return store;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Calendar_AWeeklyOneOnOne_IsATouchEachWeekItHappened_AndReimportingChangesNothing(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await CalendarStoreAsync(test);

        var first = await ImportAsync(store, Write("cal.ics", WeeklyOneOnOne()), ImportSourceKind.Ics);
        var again = await ImportAsync(store, Write("cal.ics", WeeklyOneOnOne()), ImportSourceKind.Ics);

        // Tuesdays from November 19, 2024 to November 17, 2026: 105 weeks; the 24th is still to come.
        Assert.Equal((105, 1), (first.Interactions.New, first.Interactions.Skipped));
        Assert.Equal((0, 105, 0), (again.Interactions.New, again.Interactions.Unchanged, again.Interactions.Updated));
        var row = first.Rows.Single(r => r.Label.StartsWith("Ana / me on 2025-01-07", StringComparison.Ordinal));
        Assert.Equal(("cal.ics", 3L), (Path.GetFileName(row.File), row.Line));
        Assert.Contains(first.FirstReasons, r => r.EndsWith("cal.ics:3: skipped \"Ana / me\": its occurrences from 2026-11-24 on have not happened yet (import the calendar again afterwards)", StringComparison.Ordinal));
        await using var check = store.Open();
        var ana = await check.Contacts.SingleAsync(c => c.DisplayName == "Ana Silva");
        var stats = await check.ContactStats.SingleAsync(s => s.ContactId == ana.Id);
        Assert.Equal(105, stats.TouchCount);
        Assert.Equal(new DateTime(2024, 11, 19, 9, 0, 0, DateTimeKind.Utc), stats.FirstTouchAt);
        // 10:00 in Berlin is 09:00 UTC in winter and 08:00 UTC in summer.
        Assert.Equal(new DateTime(2026, 11, 17, 9, 0, 0, DateTimeKind.Utc), stats.LastTouchAt);
        Assert.Contains(new DateTime(2025, 7, 1, 8, 0, 0, DateTimeKind.Utc), await check.Interactions.Select(i => i.OccurredAt).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Calendar_AnExdateAddedLater_TrashesItsOccurrence_AnOverrideMovesOne_AndACancelledOverrideTrashesOne(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await CalendarStoreAsync(test);
        await ImportAsync(store, Write("cal.ics", WeeklyOneOnOne()), ImportSourceKind.Ics);

        // January 7, 2025 is taken out; on January 14 the meeting moved to 15:00 with Bruno instead; January 21 was cancelled.
        var changed = await ImportAsync(store, Write("cal.ics", WeeklyOneOnOne(
            extraMaster: "EXDATE;TZID=Europe/Berlin:20250107T100000\r\n",
            overrides:
                "BEGIN:VEVENT\r\nUID:one-on-one@example.org\r\nRECURRENCE-ID;TZID=Europe/Berlin:20250114T100000\r\nSEQUENCE:1\r\nSUMMARY:Ana / me\r\n" +
                "DTSTART;TZID=Europe/Berlin:20250114T150000\r\nORGANIZER:mailto:me@example.net\r\nATTENDEE:mailto:bruno@example.org\r\nEND:VEVENT\r\n" +
                "BEGIN:VEVENT\r\nUID:one-on-one@example.org\r\nRECURRENCE-ID:20250121T090000Z\r\nSEQUENCE:1\r\nSUMMARY:Ana / me\r\nSTATUS:CANCELLED\r\n" +
                "DTSTART;TZID=Europe/Berlin:20250121T100000\r\nORGANIZER:mailto:me@example.net\r\nATTENDEE:mailto:ana@example.org\r\nEND:VEVENT\r\n")),
            ImportSourceKind.Ics);

        Assert.Equal((0, 3, 102), (changed.Interactions.New, changed.Interactions.Updated, changed.Interactions.Unchanged));
        Assert.Contains(changed.Rows, r => r.Label == "Ana / me on 2025-01-07" && r.Details.SequenceEqual(["taken out of its series (EXDATE): the interaction logged from it is moved to the trash"]));
        Assert.Contains(changed.Rows, r => r.Label == "Ana / me on 2025-01-21" && r.Details.SequenceEqual(["cancelled: the interaction logged from it is moved to the trash"]));
        var moved = changed.Rows.Single(r => r.Label == "Ana / me on 2025-01-14 with Bruno Costa");
        Assert.Equal(ImportOutcome.Updated, moved.Outcome);
        Assert.Contains("time: 2025-01-14 09:00 → 2025-01-14 14:00", moved.Details);
        await using var check = store.Open();
        var trashed = await check.Interactions.IgnoreQueryFilters().Where(i => i.DeletedAt != null).Select(i => i.ExternalKey).OrderBy(k => k).ToListAsync();
        Assert.Equal(["one-on-one@example.org|20250107T090000Z", "one-on-one@example.org|20250121T090000Z"], trashed);
        var bruno = await check.Contacts.SingleAsync(c => c.DisplayName == "Bruno Costa");
        Assert.Equal(1, await check.ContactStats.Where(s => s.ContactId == bruno.Id).Select(s => s.TouchCount).SingleAsync());
        var ana = await check.Contacts.SingleAsync(c => c.DisplayName == "Ana Silva");
        Assert.Equal(102, await check.ContactStats.Where(s => s.ContactId == ana.Id).Select(s => s.TouchCount).SingleAsync());

        // The same file again changes nothing: the trashed occurrences stay in the trash, unreported as new.
        var again = await ImportAsync(store, Write("cal.ics", WeeklyOneOnOne(
            extraMaster: "EXDATE;TZID=Europe/Berlin:20250107T100000\r\n",
            overrides:
                "BEGIN:VEVENT\r\nUID:one-on-one@example.org\r\nRECURRENCE-ID;TZID=Europe/Berlin:20250114T100000\r\nSEQUENCE:1\r\nSUMMARY:Ana / me\r\n" +
                "DTSTART;TZID=Europe/Berlin:20250114T150000\r\nORGANIZER:mailto:me@example.net\r\nATTENDEE:mailto:bruno@example.org\r\nEND:VEVENT\r\n" +
                "BEGIN:VEVENT\r\nUID:one-on-one@example.org\r\nRECURRENCE-ID:20250121T090000Z\r\nSEQUENCE:1\r\nSUMMARY:Ana / me\r\nSTATUS:CANCELLED\r\n" +
                "DTSTART;TZID=Europe/Berlin:20250121T100000\r\nORGANIZER:mailto:me@example.net\r\nATTENDEE:mailto:ana@example.org\r\nEND:VEVENT\r\n")),
            ImportSourceKind.Ics);
        Assert.Equal((0, 0, 103), (again.Interactions.New, again.Interactions.Updated, again.Interactions.Unchanged));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Calendar_ADailyRuleSince1990_IsCappedToItsFirstAndLatestOccurrences_AndSaysWhatItLeftOut(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await CalendarStoreAsync(test);

        var result = await ImportAsync(store, Write("cal.ics",
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:standup@example.org\r\nSUMMARY:Standup\r\nDTSTART:19900102T080000Z\r\nRRULE:FREQ=DAILY\r\n" +
            "ORGANIZER:mailto:ana@example.org\r\nATTENDEE:mailto:me@example.net\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"), ImportSourceKind.Ics);

        Assert.Equal(1 + ICalendarReader.LatestOccurrences, result.Interactions.New);
        // Every day at 08:00 UTC from January 2, 1990 to November 20, 2026 (Now is 09:00 UTC that day).
        var days = (new DateTime(2026, 11, 20) - new DateTime(1990, 1, 2)).Days + 1;
        Assert.Contains(result.FirstReasons, r => r.EndsWith(
            string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"cal.ics:3: skipped \"Standup\": {days - 501:N0} earlier occurrences (1990-01-03 to 2025-07-08) left out: of a recurring event, its first occurrence and its latest 500 are imported"),
            StringComparison.Ordinal));
        await using var check = store.Open();
        var ana = await check.Contacts.SingleAsync(c => c.DisplayName == "Ana Silva");
        var stats = await check.ContactStats.SingleAsync(s => s.ContactId == ana.Id);
        Assert.Equal((501, new DateTime(1990, 1, 2, 8, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 20, 8, 0, 0, DateTimeKind.Utc)),
            (stats.TouchCount, stats.FirstTouchAt, stats.LastTouchAt));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Calendar_ASeriesImportedBeforeItWasExpanded_KeepsItsInteractionAsTheFirstOccurrence(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await CalendarStoreAsync(test);
        // What an import made of the series before recurrence was expanded: one interaction at DTSTART under the bare UID.
        var single = WeeklyOneOnOne().Replace("RRULE:FREQ=WEEKLY;BYDAY=TU\r\n", "", StringComparison.Ordinal);
        Assert.Equal(1, (await ImportAsync(store, Write("cal.ics", single), ImportSourceKind.Ics)).Interactions.New);

        var expanded = await ImportAsync(store, Write("cal.ics", WeeklyOneOnOne()), ImportSourceKind.Ics);

        Assert.Equal((104, 1), (expanded.Interactions.New, expanded.Interactions.Unchanged));
        await using var check = store.Open();
        Assert.Equal(105, await check.Interactions.CountAsync());
    }
}
