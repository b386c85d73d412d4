using System.Text;
using Microsoft.EntityFrameworkCore;
using Rapport.App.Import;
using Rapport.Data.Storage;
using Rapport.Data.Tests.Support;
using Rapport.Formats;

namespace Rapport.Data.Tests.Import;

/// <summary>When an incoming row is an existing contact, and when it only looks like one.</summary>
public sealed class ImportMatchingTest : IDisposable
{
    private static readonly DateTime Now = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("rapport-matching-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    private static async Task<ImportResult> ImportAsync(RapportStore store, string path, ImportSourceKind kind)
    {
        await using var db = store.Open();
        return await new ImportNetwork(db, new TestClock(Now)).ExecuteAsync(new ImportRequest { Kind = kind, Path = path });
    }

    private static string Card(string name, string org, string? phone = null, string? email = null, string? note = null) =>
        $"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{name}\r\nORG:{org}\r\n" + (phone is null ? "" : $"TEL:{phone}\r\n") + (email is null ? "" : $"EMAIL:{email}\r\n")
        + (note is null ? "" : $"NOTE:{note}\r\n") + "END:VCARD\r\n";

    private static async Task<List<string>> NamesAsync(RapportStore store)
    {
        await using var db = store.Open();
        return await db.Contacts.OrderBy(c => c.Id).Select(c => c.DisplayName).ToListAsync();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnOldLinkedInExport_WithoutUrls_KeepsNamesakesAtTwoCompaniesApart_AndReimportsUnchanged(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(new TestClock(Now));
        var file = Write("Connections.csv", "First Name,Last Name,Email Address,Company,Position,Connected On\n" +
            "John,Smith,,Acme,Engineer,\"1/8/18, 6:14 PM\"\nJohn,Smith,,Globex,Sales,\"2/9/18, 6:14 PM\"\n");

        var first = await ImportAsync(store, file, ImportSourceKind.LinkedIn);
        var again = await ImportAsync(store, file, ImportSourceKind.LinkedIn);

        Assert.Equal(2, first.Contacts.New);
        Assert.Equal(2, again.Contacts.Unchanged);
        await using var db = store.Open();
        Assert.Equal(["Acme", "Globex"], await db.Contacts.OrderBy(c => c.Id).Select(c => c.Company!).ToListAsync());
        Assert.Equal(0, await db.LifeEvents.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task YourOwnExport_ReadBack_IsTheSameContacts_WhileAnotherDatabasesIdsAreOtherPeople(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(new TestClock(Now));
        await using (var db = store.Open())
        {
            // No email, phone, profile or company: only the id in the export can tell who they are.
            db.Contacts.Add(new Domain.Contacts.Contact("Carla Mendes", Now));
            db.Contacts.Add(new Domain.Contacts.Contact("Dan Brown", Now) { Company = "Acme" });
            await db.SaveChangesAsync(ct);
        }
        foreach (var (format, kind) in new[] { (App.Export.ExportFormat.VCard, ImportSourceKind.VCard), (App.Export.ExportFormat.Csv, ImportSourceKind.Csv) })
        {
            var file = Path.Combine(_dir.FullName, $"mine.{format}");
            await using (var db = store.Open())
            await using (var output = File.Create(file))
                await new App.Export.ExportContacts(db).ExecuteAsync(format, output, ct);
            var back = await ImportAsync(store, file, kind);
            Assert.Equal((0, 2), (back.Contacts.New, back.Contacts.Unchanged));
        }
        Assert.Equal(["Carla Mendes", "Dan Brown"], await NamesAsync(store));

        // Another database's export: its rapport:1 is somebody else, who comes in as a new contact.
        var other = Write("other.vcf", "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:rapport:1\r\nFN:Eva Lind\r\nEND:VCARD\r\n");
        Assert.Equal(1, (await ImportAsync(store, other, ImportSourceKind.VCard)).Contacts.New);
        Assert.Equal(["Carla Mendes", "Dan Brown", "Eva Lind"], await NamesAsync(store));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ASharedPhone_WithAnotherName_IsAnotherPerson_ListedAsALikelyDuplicate(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(new TestClock(Now));

        // The last nine digits are the same; the people are not (one line of an office, or two countries).
        await ImportAsync(store, Write("hans.vcf", Card("Hans Meier", "Siemens", "+49 1234 56789", "hans@siemens.de")), ImportSourceKind.VCard);
        var rami = await ImportAsync(store, Write("rami.vcf", Card("Rami Haddad", "Byblos Bank", "+961 23 456 789", "rami@byblos.lb")), ImportSourceKind.VCard);
        // The same person written a little differently, with the same number, is still matched by it.
        var again = await ImportAsync(store, Write("hans2.vcf", Card("Hans  Meier", "Siemens AG", "0049 1234 56789")), ImportSourceKind.VCard);

        Assert.Equal(1, rami.Contacts.New);
        Assert.Equal(0, again.Contacts.New);
        Assert.Equal(["Hans Meier", "Rami Haddad"], await NamesAsync(store));
        await using var db = store.Open();
        Assert.Equal(0, await db.LifeEvents.CountAsync());
        var hans = await db.Contacts.Include(c => c.Emails).SingleAsync(c => c.DisplayName == "Hans Meier");
        Assert.Equal("Siemens", hans.Company);
        Assert.Equal(["hans@siemens.de"], hans.Emails.Select(e => e.Address));
        var duplicates = await new App.Merge.FindDuplicates(db).ExecuteAsync(ct: TestContext.Current.CancellationToken);
        Assert.Contains(duplicates, d => d.Reasons.Any(r => r.Contains("phone", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TwoRecordsTheSourceKeepsApart_StayTwoContacts_ThoughNameAndCompanyAgree(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(new TestClock(Now));
        var header = "Display Name,Given Name,Family Name,Emails,Phones,Company,Title,Department,City,Region,Country,Birthday,Other Dates,Notes,LinkedIn URL,Profiles,Labels,Known Since,External Key\n";
        var csv = header
            + "Ana Lopez,,,ana@lopez.es,,Acme,,,,,,,,,,,,,rapport:4\n"
            + "Ana López,,,ana.lopez@gmail.com,,Acme,,,,,,,,,,,,,rapport:5\n";

        var result = await ImportAsync(store, Write("contacts.csv", csv), ImportSourceKind.Csv);

        Assert.Equal((2, 0), (result.Contacts.New, result.Contacts.Merged));
        Assert.Equal(["Ana Lopez", "Ana López"], await NamesAsync(store));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TwoCardsOfOnePerson_ReimportedAsTheyWere_ChangeNothing_AndRecordNoLifeEvent(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(new TestClock(Now));
        var file = Write("dup.vcf", Card("Dup One", "A Corp", email: "dup@x.org") + Card("Dup One", "B Corp", email: "DUP@x.org"));

        await ImportAsync(store, file, ImportSourceKind.VCard);
        var second = await ImportAsync(store, file, ImportSourceKind.VCard);
        var third = await ImportAsync(store, file, ImportSourceKind.VCard);

        foreach (var again in new[] { second, third })
        {
            Assert.Equal((0, 0, 2), (again.Contacts.New, again.Contacts.Updated, again.Contacts.Unchanged));
            Assert.Equal(0, again.LifeEvents);
        }
        await using var db = store.Open();
        Assert.Equal("B Corp", (await db.Contacts.SingleAsync()).Company);
        Assert.Equal(0, await db.LifeEvents.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ACalendarEventStillToCome_IsNotLoggedAsAnInteraction(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(new TestClock(Now));
        await ImportAsync(store, Write("fut.vcf", Card("Fut Ure", "Acme", email: "fut@ure.org")), ImportSourceKind.VCard);
        var ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
            + "BEGIN:VEVENT\r\nUID:past@x\r\nDTSTART:20261101T090000Z\r\nSUMMARY:Done\r\nATTENDEE:mailto:fut@ure.org\r\nEND:VEVENT\r\n"
            + "BEGIN:VEVENT\r\nUID:future@x\r\nDTSTART:20270315T090000Z\r\nSUMMARY:Planned\r\nATTENDEE:mailto:fut@ure.org\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

        var result = await ImportAsync(store, Write("cal.ics", ics), ImportSourceKind.Ics);

        Assert.Equal((1, 1), (result.Interactions.New, result.Interactions.Skipped));
        Assert.Contains(result.Rows, r => r.Outcome == ImportOutcome.Skipped && r.Details[0].Contains("in the future", StringComparison.Ordinal));
        await using var db = store.Open();
        Assert.Equal(new DateTime(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc), (await db.Interactions.SingleAsync()).OccurredAt);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AValueLongerThanItsColumn_IsCutAndSaidSo(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(new TestClock(Now));

        var result = await ImportAsync(store, Write("long.vcf", Card("Long Note", new string('c', 250), note: new string('n', 25000))), ImportSourceKind.VCard);

        var row = Assert.Single(result.Rows, r => r.Record == "contact");
        Assert.Contains("notes cut to its first 20,000 characters (it had 25,000)", row.Details);
        Assert.Contains("company cut to its first 200 characters (it had 250)", row.Details);
        await using var db = store.Open();
        Assert.Equal(20000, (await db.Contacts.SingleAsync()).Notes!.Length);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task YourOwnEdit_SurvivesAReimportOfTheSameFile_AndAChangeInTheSourceStillCounts(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(new TestClock(Now));
        const string Header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";
        var file = Write("Connections.csv", Header + "Pia,Park,https://www.linkedin.com/in/pia-park,,Kawsay,\"Director, Operations\",04 Jul 2023\n");
        await ImportAsync(store, file, ImportSourceKind.LinkedIn);
        await using (var db = store.Open())
        {
            var pia = await db.Contacts.SingleAsync();
            pia.Title = "COO"; // what you know and LinkedIn does not yet say
            await db.SaveChangesAsync();
        }

        var again = await ImportAsync(store, file, ImportSourceKind.LinkedIn);

        Assert.Equal((0, 1, 0), (again.Contacts.Updated, again.Contacts.Unchanged, again.LifeEvents));
        await using (var db = store.Open())
        {
            Assert.Equal("COO", (await db.Contacts.SingleAsync()).Title);
            Assert.Equal(0, await db.LifeEvents.CountAsync());
        }

        // The source itself changes: that is news, recorded over your edit.
        var moved = await ImportAsync(store, Write("Connections.csv", Header + "Pia,Park,https://www.linkedin.com/in/pia-park,,Kawsay,Chief Executive Officer,04 Jul 2023\n"), ImportSourceKind.LinkedIn);

        Assert.Equal((1, 1), (moved.Contacts.Updated, moved.LifeEvents));
        await using var check = store.Open();
        Assert.Equal("Chief Executive Officer", (await check.Contacts.SingleAsync()).Title);
        var promotion = await check.LifeEvents.SingleAsync();
        Assert.Contains("(was COO)", promotion.Note, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheReport_NamesNewContactsByTheirId_ReaderSkipsAndNamesSharedByTwo_AndACompanyCardKeepsNoInventedName(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(new TestClock(Now));

        var cards = await ImportAsync(store, Write("cards.vcf", Card("Bike Shop", "Bike Shop") + Card("Maria Konterman", "Acme") + Card("Maria Konterman", "Globex")), ImportSourceKind.VCard);

        Assert.All(cards.Rows.Where(r => r.Record == "contact"), r => Assert.NotNull(r.ContactId));
        await using (var db = store.Open())
        {
            var shop = await db.Contacts.SingleAsync(c => c.DisplayName == "Bike Shop");
            Assert.Equal((null, null), (shop.GivenName, shop.FamilyName));
        }

        var messages = "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n"
            + "c1,,Maria Konterman,,Me Myself,https://www.linkedin.com/in/me,2024-03-15 09:30:00 UTC,Hi,Hello,INBOX\n";
        var result = await ImportAsync(store, Write("messages.csv", messages), ImportSourceKind.LinkedIn);
        var skipped = Assert.Single(result.Rows, r => r.Record == "interaction" && r.Outcome == ImportOutcome.Skipped);
        Assert.Contains("Maria Konterman (several contacts have this name)", skipped.Details[0], StringComparison.Ordinal);

        var reply = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\nUID:r@x\r\nATTENDEE;PARTSTAT=ACCEPTED:mailto:b@x.org\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        var ics = await ImportAsync(store, Write("reply.ics", reply), ImportSourceKind.Ics);
        var left = Assert.Single(ics.Rows, r => r.Outcome == ImportOutcome.Skipped);
        Assert.Equal(4, left.Line);
        Assert.Contains("METHOD:REPLY", left.Details[0], StringComparison.Ordinal);
        Assert.Contains(ics.FirstReasons, r => r.Contains("reply.ics:4: skipped a METHOD:REPLY event", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task WhatTheSourceSays_IsKeptEvenWhenTheContactDoesNotChange_SoALaterEditSurvivesToo(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(new TestClock(Now));
        const string Header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";
        string File(string title) => Write("Connections.csv", Header + $"Pia,Park,https://www.linkedin.com/in/pia-park,,Kawsay,{title},04 Jul 2023\n");
        async Task EditTitleAsync(string title)
        {
            await using var db = store.Open();
            (await db.Contacts.SingleAsync()).Title = title;
            await db.SaveChangesAsync();
        }

        await ImportAsync(store, File("Director"), ImportSourceKind.LinkedIn);
        await EditTitleAsync("COO");
        // LinkedIn now says what you had written: nothing to change on the contact, but the source moved on.
        Assert.Equal(1, (await ImportAsync(store, File("COO"), ImportSourceKind.LinkedIn)).Contacts.Unchanged);
        await EditTitleAsync("Chief Operating Officer");
        var again = await ImportAsync(store, File("COO"), ImportSourceKind.LinkedIn);

        Assert.Equal((1, 0), (again.Contacts.Unchanged, again.LifeEvents));
        await using var check = store.Open();
        Assert.Equal("Chief Operating Officer", (await check.Contacts.SingleAsync()).Title);
        Assert.Equal(0, await check.LifeEvents.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ACardFromAnotherAddressBook_WithItsOwnUid_StillMatchesByPhone_AndAShorterNameAgrees(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(new TestClock(Now));
        static string WithUid(string card, string uid) => card.Replace("END:VCARD", $"UID:{uid}\r\nEND:VCARD", StringComparison.Ordinal);

        await ImportAsync(store, Write("icloud.vcf", WithUid(Card("Ana Silva", "Acme", "+351 912 345 678"), "A1")), ImportSourceKind.VCard);
        var mailed = await ImportAsync(store, Write("ana.vcf", WithUid(Card("Ana Silva", "Acme", "+351 912 345 678", "ana@acme.pt"), "B7")), ImportSourceKind.VCard);
        var shortName = await ImportAsync(store, Write("short.vcf", Card("Ana", "Other", "912 345 678")), ImportSourceKind.VCard);

        Assert.Equal((0, 1), (mailed.Contacts.New, mailed.Contacts.Merged));
        Assert.Equal(0, shortName.Contacts.New);
        Assert.Equal(["Ana Silva"], await NamesAsync(store));
    }
}
