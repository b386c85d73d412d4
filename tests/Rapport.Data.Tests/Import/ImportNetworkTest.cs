using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Rapport.App.Import;
using Rapport.Data.Storage;
using Rapport.Data.Tests.Support;
using Rapport.Domain.Contacts;
using Rapport.Domain.Exchanges;
using Rapport.Domain.Interactions;
using Rapport.Formats;

namespace Rapport.Data.Tests.Import;

public sealed partial class ImportNetworkTest : IDisposable
{
    private static readonly DateTime Now = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("rapport-import-");

    public void Dispose() => _dir.Delete(recursive: true);

    private const string Connections =
        "Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\n\n" +
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n" +
        "Ana,Silva,https://www.linkedin.com/in/ana-silva,ana@example.org,Acme,Engineer,04 Jul 2023\n" +
        "Bruno,Costa,https://www.linkedin.com/in/bruno-costa,,Globex,Designer,22 Dec 2025\n" +
        "Chen,Wei,https://www.linkedin.com/in/chen-wei,,Initech,Product Manager,01 Feb 2024\n";

    private const string Messages =
        "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n" +
        "c1,,Me Myself,https://www.linkedin.com/in/me,Ana Silva,https://www.linkedin.com/in/ana-silva,2024-03-15 09:30:00 UTC,Coffee?,Shall we meet?,INBOX\n" +
        "c1,,Ana Silva,https://www.linkedin.com/in/ana-silva,Me Myself,https://www.linkedin.com/in/me,2024-03-15 10:00:00 UTC,Re: Coffee?,Yes!,INBOX\n" +
        "c2,,Bruno Costa,,Me Myself,https://www.linkedin.com/in/me,2024-04-01 08:00:00 UTC,,Hello,INBOX\n" +
        "c3,,Zed Nobody,https://www.linkedin.com/in/zed,Me Myself,https://www.linkedin.com/in/me,2024-05-01 08:00:00 UTC,,Hi,INBOX\n";

    private const string Profile =
        "First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers\n" +
        "Me,Myself,,,Apr 22,Builder,,Software Development,,Berlin,,,\n";

    private const string Positions =
        "Company Name,Title,Description,Location,Started On,Finished On\n" +
        "Initech,Product Manager,,Berlin,Nov 2022,\n" +
        "Globex Inc.,Engineer,,Berlin,Jan 2018,Oct 2022\n";

    private const string EndorsementsGiven =
        "Endorsement Date,Skill Name,Endorsee First Name,Endorsee Last Name,Endorsee Public Url,Endorsement Status\n" +
        "2021/08/11 11:00:31 UTC,Kotlin,Ana,Silva,www.linkedin.com/in/ana-silva,ACCEPTED\n";

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir.FullName, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    private string Archive()
    {
        var folder = Path.Combine(_dir.FullName, "export");
        Write("export/Connections.csv", Connections);
        Write("export/messages.csv", Messages);
        Write("export/Profile.csv", Profile);
        Write("export/Positions.csv", Positions);
        Write("export/Endorsement_Given_Info.csv", EndorsementsGiven);
        Write("export/Reactions.csv", "Date,Type,Link\n");
        return folder;
    }

    private static async Task<ImportResult> ImportAsync(RapportStore store, string path, ImportSourceKind kind = ImportSourceKind.Auto, bool dryRun = false, bool skipBad = false, DateTime? now = null)
    {
        await using var db = store.Open();
        return await new ImportNetwork(db, new TestClock(now ?? Now)).ExecuteAsync(new ImportRequest { Kind = kind, Path = path, DryRun = dryRun, SkipBadRows = skipBad });
    }

    private static async Task<Dictionary<string, long>> CountsAsync(RapportStore store)
    {
        await using var db = store.Open();
        return new Dictionary<string, long>
        {
            ["contacts"] = await db.Contacts.IgnoreQueryFilters().LongCountAsync(),
            ["emails"] = await db.ContactEmails.LongCountAsync(),
            ["phones"] = await db.ContactPhones.LongCountAsync(),
            ["profiles"] = await db.ContactProfiles.LongCountAsync(),
            ["sources"] = await db.ContactSources.LongCountAsync(),
            ["categories"] = await db.ContactCategories.LongCountAsync(),
            ["interactions"] = await db.Interactions.IgnoreQueryFilters().LongCountAsync(),
            ["participants"] = await db.InteractionParticipants.LongCountAsync(),
            ["lifeEvents"] = await db.LifeEvents.LongCountAsync(),
            ["exchanges"] = await db.Exchanges.LongCountAsync(),
            ["memberships"] = await db.Memberships.LongCountAsync(),
            ["organizations"] = await db.Organizations.LongCountAsync(),
            ["settings"] = await db.Settings.LongCountAsync(),
            ["stats"] = await db.ContactStats.LongCountAsync(),
        };
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LinkedInFolder_ImportsConnectionsMessagesHistoryAndEndorsements(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(new TestClock(Now));

        var result = await ImportAsync(store, Archive());

        Assert.Equal("linkedin", result.Format);
        Assert.Equal(3, result.Contacts.New);
        // Ana's two messages (by profile URL), Bruno's (by name, no URL) and the endorsement; Zed is no contact.
        Assert.Equal(4, result.Interactions.New);
        Assert.Equal(1, result.Interactions.Skipped);
        Assert.Contains(result.FirstReasons, r => r.Contains("Zed Nobody", StringComparison.Ordinal));
        Assert.Equal(1, result.Exchanges);
        Assert.Equal(2, result.Positions);
        Assert.Contains(result.IgnoredFiles, f => f.StartsWith("Reactions.csv", StringComparison.Ordinal));

        await using var db = store.Open();
        var ana = await db.Contacts.Include(c => c.Emails).Include(c => c.Profiles).Include(c => c.Sources).SingleAsync(c => c.DisplayName == "Ana Silva");
        Assert.Equal("Acme", ana.Company);
        Assert.Equal("Engineer", ana.Title);
        Assert.Equal(new DateOnly(2023, 7, 4), ana.KnownSince);
        Assert.Equal("ana@example.org", Assert.Single(ana.Emails).Address);
        Assert.Equal("https://www.linkedin.com/in/ana-silva", ana.LinkedInUrl);
        Assert.Equal(("linkedin", "https://www.linkedin.com/in/ana-silva"), (ana.Sources[0].Source, ana.Sources[0].ExternalKey));

        var anaMessages = await db.Interactions.Where(i => i.Participants.Any(p => p.ContactId == ana.Id) && i.Channel == Channel.Message).OrderBy(i => i.OccurredAt).ToListAsync();
        Assert.Equal([Direction.Out, Direction.In], anaMessages.Select(i => i.Direction));
        Assert.Equal(new DateTime(2024, 3, 15, 9, 30, 0, DateTimeKind.Utc), anaMessages[0].OccurredAt);
        Assert.StartsWith("Coffee?", anaMessages[0].Notes);

        var bruno = await db.Contacts.Include(c => c.Categories).SingleAsync(c => c.DisplayName == "Bruno Costa");
        Assert.True(await db.InteractionParticipants.AnyAsync(p => p.ContactId == bruno.Id));
        // Bruno works at Globex, where you worked until 2022; Chen at Initech, where you work now.
        Assert.Equal(["past-coworker"], bruno.Categories.Select(c => c.Category));
        var chen = await db.Contacts.Include(c => c.Categories).SingleAsync(c => c.DisplayName == "Chen Wei");
        Assert.Equal(["coworker"], chen.Categories.Select(c => c.Category));

        var exchange = await db.Exchanges.SingleAsync();
        Assert.Equal((ana.Id, ExchangeDirection.Give, ExchangeKind.Endorsement), (exchange.ContactId, exchange.Direction, exchange.Kind));
        Assert.Equal("Software Development", (await db.Settings.SingleAsync(s => s.Key == "own.industry")).Value);
        Assert.Equal(2, await db.Memberships.CountAsync(m => m.ContactId == null));
        // The nurture aggregates were rebuilt for everyone who took part.
        Assert.Equal(2, await db.ContactStats.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReimportingTheSameArchive_ChangesNothing(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(new TestClock(Now));
        var folder = Archive();
        await ImportAsync(store, folder);
        var before = await CountsAsync(store);
        await using (var db = store.Open())
            Assert.All(await db.Contacts.ToListAsync(), c => Assert.Equal(Now, c.UpdatedAt));

        var again = await ImportAsync(store, folder, now: Now.AddDays(3));

        Assert.Equal(0, again.Contacts.New + again.Contacts.Updated + again.Contacts.Merged);
        Assert.Equal(3, again.Contacts.Unchanged);
        Assert.Equal(0, again.Interactions.New + again.Interactions.Updated);
        Assert.Equal(4, again.Interactions.Unchanged);
        Assert.Equal(before, await CountsAsync(store));
        await using (var db = store.Open())
            Assert.All(await db.Contacts.ToListAsync(), c => Assert.Equal(Now, c.UpdatedAt));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ChangedCompanyOrTitle_OnReimport_RecordsNewJobAndPromotion(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(new TestClock(Now));
        await ImportAsync(store, Write("Connections.csv", Connections));
        var changed = Connections.Replace("Acme,Engineer", "Umbrella Corp,Staff Engineer", StringComparison.Ordinal)
            .Replace("Globex,Designer", "Globex,Design Lead", StringComparison.Ordinal);

        var result = await ImportAsync(store, Write("later/Connections.csv", changed), now: Now.AddMonths(2));

        Assert.Equal(2, result.Contacts.Updated);
        Assert.Equal(1, result.Contacts.Unchanged);
        Assert.Equal(2, result.LifeEvents);
        Assert.Contains(result.Rows, r => r.Label == "Ana Silva" && r.Details.Contains("company: Acme → Umbrella Corp"));
        await using var db = store.Open();
        var events = await db.LifeEvents.Join(db.Contacts, e => e.ContactId, c => c.Id, (e, c) => new { c.DisplayName, e.Kind, e.Detected, e.OccurredOn, e.Note }).OrderBy(e => e.DisplayName).ToListAsync();
        Assert.Equal(2, events.Count);
        Assert.Equal(("Ana Silva", LifeEventKind.NewJob, true), (events[0].DisplayName, events[0].Kind, events[0].Detected));
        Assert.Equal(DateOnly.FromDateTime(Now.AddMonths(2)), events[0].OccurredOn);
        Assert.Contains("Staff Engineer at Umbrella Corp", events[0].Note);
        Assert.Equal(("Bruno Costa", LifeEventKind.Promotion), (events[1].DisplayName, events[1].Kind));
        var ana = await db.Contacts.SingleAsync(c => c.DisplayName == "Ana Silva");
        Assert.Equal(("Umbrella Corp", "Staff Engineer"), (ana.Company, ana.Title));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnotherSource_MatchesByEmailPhoneAndNameWithCompany_AndMergesIntoTheSameContacts(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(new TestClock(Now));
        await ImportAsync(store, Write("Connections.csv", Connections));
        var google =
            "First Name,Middle Name,Last Name,Organization Name,Organization Title,Birthday,Notes,Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value\n" +
            "Ana,,Silva,,,1990-05-17,Met at Web Summit,* myContacts ::: Friends,* Work,ANA@example.org,Mobile,+49 170 1234567\n" +
            "Chén,,Wei,Initech Inc.,,,,* myContacts,,,,\n" +
            "Dora,,Dias,Soylent,CEO,,,,* Home,dora@example.org,Mobile,030 9876543\n";

        var result = await ImportAsync(store, Write("google.csv", google));

        Assert.Equal("google", result.Format);
        // Ana by email (any case); Chén Wei by name (accents aside) with company (legal suffix aside); Dora is new.
        Assert.Equal(2, result.Contacts.Merged);
        Assert.Equal(1, result.Contacts.New);
        await using var db = store.Open();
        Assert.Equal(4, await db.Contacts.CountAsync());
        var ana = await db.Contacts.Include(c => c.Phones).Include(c => c.Dates).Include(c => c.Tags).Include(c => c.Sources).SingleAsync(c => c.DisplayName == "Ana Silva");
        Assert.Equal("+49 170 1234567", Assert.Single(ana.Phones).Number);
        Assert.Equal((5, 17, (int?)1990), (ana.Dates[0].Month, ana.Dates[0].Day, ana.Dates[0].Year));
        Assert.Equal("Met at Web Summit", ana.Notes);
        Assert.Equal(["Friends"], ana.Tags.Select(t => t.Tag));
        Assert.Equal(["google", "linkedin"], ana.Sources.Select(s => s.Source).Order());
        var dora = await db.Contacts.Include(c => c.Emails).SingleAsync(c => c.DisplayName == "Dora Dias");
        Assert.Equal("dora@example.org", Assert.Single(dora.Emails).Address);
    }

    // Two contacts already share a name (words in another order) and a company, or a phone number: a row that matches
    // both goes to the one added first, whatever order the database hands the rows back in. Without the import's
    // ORDER BY, PostgreSQL gave it to the other; SQLite did too while its reads went through another index.
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ARowMatchingTwoContacts_GoesToTheOneAddedFirst(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(new TestClock(Now));
        long older, olderByPhone;
        await using (var db = store.Open())
        {
            var first = new Contact("Silva Ana", Now) { Company = "Acme" };
            var phoneFirst = new Contact("Zoe Phone", Now);
            phoneFirst.AddPhone("+49 170 1111111");
            db.Contacts.AddRange(first, phoneFirst);
            await db.SaveChangesAsync();
            var second = new Contact("Ana Silva", Now) { Company = "Acme" };
            var phoneSecond = new Contact("Zoë Phone", Now); // a phone matches only where the names agree
            phoneSecond.AddPhone("+49 (170) 111-1111");
            db.Contacts.AddRange(second, phoneSecond);
            await db.SaveChangesAsync();
            (older, olderByPhone) = (first.Id, phoneFirst.Id);
        }
        var google =
            "First Name,Middle Name,Last Name,Organization Name,Organization Title,Birthday,Notes,Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value\n" +
            "Ana,,Silva,Acme,,,Met at Web Summit,,,,,\n" +
            "Zoe,,Phone,,,,Called once,,,,Mobile,+4917011 11111\n";

        var result = await ImportAsync(store, Write("google.csv", google));

        Assert.Equal(2, result.Contacts.Merged);
        await using var check = store.Open();
        Assert.Equal("Met at Web Summit", (await check.Contacts.SingleAsync(c => c.Id == older)).Notes);
        Assert.Equal("Called once", (await check.Contacts.SingleAsync(c => c.Id == olderByPhone)).Notes);
        Assert.Equal(2, await check.Contacts.CountAsync(c => c.Notes != null));
    }

    // Another account's contacts are never matched: the same people imported there are new, and this account is untouched.
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheSamePeopleInAnotherAccount_AreNewThere_AndTheFirstAccountIsUntouched(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(new TestClock(Now));
        var file = Write("Connections.csv", Connections);
        await ImportAsync(store, file);
        long other;
        await using (var db = store.Open())
        {
            var account = new Rapport.Domain.Accounts.Account("Second", Now);
            db.Accounts.Add(account);
            await db.SaveChangesAsync();
            other = account.Id;
        }

        ImportResult there;
        await using (var db = store.Open(accountId: other))
            there = await new ImportNetwork(db, new TestClock(Now)).ExecuteAsync(new ImportRequest { Kind = ImportSourceKind.LinkedIn, Path = file });

        Assert.Equal(3, there.Contacts.New);
        await using (var db = store.Open(accountId: other))
            Assert.Equal("ana@example.org", (await db.ContactEmails.SingleAsync()).Address);
        var again = await ImportAsync(store, file);
        Assert.Equal(3, again.Contacts.Unchanged);
        await using var first = store.Open();
        Assert.Equal(3, await first.Contacts.CountAsync());
    }

    // What a re-import compares with is read back from the database: phones, labels, birthdays and other dates, the
    // company and the date first known, and whether a contact is in the trash.
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReimportingAGoogleFile_FindsEveryValueAlreadyThere_AndLeavesContactsInTheTrashAlone(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(new TestClock(Now));
        await ImportAsync(store, Write("Connections.csv", Connections));
        var google =
            "First Name,Middle Name,Last Name,Organization Name,Organization Title,Birthday,Notes,Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,Event 1 - Label,Event 1 - Value\n" +
            "Dora,,Dias,Soylent,CEO,1990-05-17,Met at Web Summit,* myContacts ::: Friends,* Home,dora@example.org,Mobile,+49 30 9876543,Anniversary,2015-06-01\n" +
            "Bruno,,Costa,Globex,Designer,,,* myContacts,,,,,,\n";
        var first = await ImportAsync(store, Write("google.csv", google));
        Assert.Equal(1, first.Contacts.New);
        await using (var db = store.Open())
        {
            var bruno = await db.Contacts.SingleAsync(c => c.DisplayName == "Bruno Costa");
            bruno.DeletedAt = Now;
            await db.SaveChangesAsync();
        }

        var again = await ImportAsync(store, Write("google.csv", google), now: Now.AddDays(1));

        Assert.Equal(1, again.Contacts.Unchanged);
        Assert.Equal(1, again.Contacts.Skipped);
        Assert.Equal(0, again.Contacts.New + again.Contacts.Updated + again.Contacts.Merged);
        Assert.Contains(again.Rows, r => r.Label == "Bruno Costa" && r.Outcome == ImportOutcome.Skipped && r.Details.Single().Contains("in the trash", StringComparison.Ordinal));
        await using var check = store.Open();
        Assert.Equal(3, await check.Contacts.CountAsync());
        Assert.Equal(4, await check.Contacts.IgnoreQueryFilters([RapportDbContext.TrashFilter]).CountAsync());
        var dora = await check.Contacts.Include(c => c.Phones).Include(c => c.Dates).Include(c => c.Tags).SingleAsync(c => c.DisplayName == "Dora Dias");
        Assert.Single(dora.Phones);
        Assert.Equal(2, dora.Dates.Count);
        Assert.Equal(["Friends"], dora.Tags.Select(t => t.Tag));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DryRun_ReportsWhatAnImportWouldDo_AndWritesNothing(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(new TestClock(Now));
        var folder = Archive();
        var empty = await CountsAsync(store);

        var dry = await ImportAsync(store, folder, dryRun: true);

        Assert.True(dry.DryRun);
        Assert.Equal(empty, await CountsAsync(store));
        var real = await ImportAsync(store, folder);
        Assert.Equal(real.Contacts, dry.Contacts);
        Assert.Equal(real.Interactions, dry.Interactions);
        Assert.Equal(real.Rows.Select(r => (r.Line, r.Outcome, r.Label)), dry.Rows.Select(r => (r.Line, r.Outcome, r.Label)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task BadRow_RefusesTheWholeFile_NamingFileLineAndColumn_AndWritesNothing(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(new TestClock(Now));
        await ImportAsync(store, Write("first/Connections.csv", Connections));
        var before = await CountsAsync(store);
        var bad = Connections + "Dan,Dorf,https://www.linkedin.com/in/dan,,Hooli,CTO,32 Foo 2025\n";
        var path = Write("Connections.csv", bad.Replace("Acme,Engineer", "Acme,CTO", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<ImportFormatException>(() => ImportAsync(store, path));

        Assert.Equal(path, error.File);
        Assert.Equal(8, error.Line);
        Assert.NotNull(error.Column);
        Assert.StartsWith($"{path}:8:", error.Message);
        Assert.Contains("expected a date like \"22 Dec 2025\"", error.Message);
        Assert.Equal(before, await CountsAsync(store));

        // With --skip-bad-rows the good rows go in and the bad one is reported.
        var skipped = await ImportAsync(store, path, skipBad: true);
        Assert.Equal(1, skipped.Contacts.Rejected);
        Assert.Equal(1, skipped.Contacts.Updated);
        Assert.Contains(skipped.FirstReasons, r => r.StartsWith($"{path}:8:", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ZipAsDownloaded_ImportsLikeItsFolder(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(new TestClock(Now));
        var zip = Path.Combine(_dir.FullName, "Complete_LinkedInDataExport_11-20-2026.zip");
        ZipFile.CreateFromDirectory(Archive(), zip);

        var result = await ImportAsync(store, zip, ImportSourceKind.LinkedIn);

        Assert.Equal((3, 4), (result.Contacts.New, result.Interactions.New));
        // Each row names the file of the archive it came from, not the archive alone.
        Assert.All(result.Rows.Where(r => r.Record == "contact"), r => Assert.EndsWith("Connections.csv", r.File, StringComparison.Ordinal));
        Assert.Contains(result.Rows, r => r.Record == "interaction" && r.File.EndsWith("messages.csv", StringComparison.Ordinal));
        Assert.Contains(result.Rows, r => r.Record == "interaction" && r.File.EndsWith("Endorsement_Given_Info.csv", StringComparison.Ordinal));
        Assert.Contains(result.Rows, r => r.Record == "position" && r.File.EndsWith("Positions.csv", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Calendar_MeetingsWithKnownContactsBecomeInteractions_AndTheSameUidUpdates(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(new TestClock(Now));
        await ImportAsync(store, Write("Connections.csv", Connections));
        static string Ics(string start) =>
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:meet-1@example.org\r\nDTSTART:" + start + "\r\nSUMMARY:Roadmap\r\n" +
            "LOCATION:Café Einstein\r\nORGANIZER;CN=Me:mailto:me@example.net\r\nATTENDEE;CN=Ana:MAILTO:Ana@Example.org\r\n" +
            "ATTENDEE:mailto:stranger@example.com\r\nEND:VEVENT\r\n" +
            "BEGIN:VEVENT\r\nUID:bday@example.org\r\nDTSTART;VALUE=DATE:20240101\r\nSUMMARY:Birthday\r\nATTENDEE:mailto:x@virtual\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        await using (var db = store.Open())
        {
            db.Settings.Add(new Domain.Settings.AccountSetting("own.emails", "me@example.net"));
            await db.SaveChangesAsync();
        }

        var first = await ImportAsync(store, Write("cal.ics", Ics("20240610T090000Z")), ImportSourceKind.Ics);
        var again = await ImportAsync(store, Write("cal.ics", Ics("20240610T090000Z")), ImportSourceKind.Ics);
        var moved = await ImportAsync(store, Write("cal.ics", Ics("20240611T140000Z")), ImportSourceKind.Ics);

        Assert.Equal((1, 1), (first.Interactions.New, first.Interactions.Skipped));
        Assert.Equal(1, again.Interactions.Unchanged);
        Assert.Equal(1, moved.Interactions.Updated);
        await using var check = store.Open();
        var meeting = await check.Interactions.Include(i => i.Participants).SingleAsync();
        Assert.Equal(new DateTime(2024, 6, 11, 14, 0, 0, DateTimeKind.Utc), meeting.OccurredAt);
        Assert.Equal((Channel.InPerson, Direction.Out, InteractionSource.Calendar), (meeting.Channel, meeting.Direction, meeting.Source));
        Assert.Equal("meet-1@example.org", meeting.ExternalKey);
        Assert.Single(meeting.Participants);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Calendar_ReimportedWithOtherAttendees_MovesTheMeeting_AndACancellationTrashesIt(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(new TestClock(Now));
        await ImportAsync(store, Write("Connections.csv", Connections));
        static string Ics(string attendee, string status = "CONFIRMED") =>
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:lunch@example.org\r\nDTSTART:20240610T120000Z\r\nSUMMARY:Lunch\r\n" +
            $"STATUS:{status}\r\nORGANIZER:mailto:me@example.net\r\nATTENDEE:mailto:{attendee}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        await using (var db = store.Open())
        {
            db.Settings.Add(new Domain.Settings.AccountSetting("own.emails", "me@example.net"));
            var costa = await db.Contacts.Include(c => c.Emails).SingleAsync(c => c.DisplayName == "Bruno Costa");
            costa.AddEmail("bruno@example.org");
            await db.SaveChangesAsync();
        }
        async Task<List<string>> PeopleAsync()
        {
            await using var db = store.Open();
            var ids = await db.Interactions.SelectMany(i => i.Participants.Select(p => p.ContactId)).ToListAsync();
            return await db.Contacts.Where(c => ids.Contains(c.Id)).OrderBy(c => c.Id).Select(c => c.DisplayName).ToListAsync();
        }

        await ImportAsync(store, Write("cal.ics", Ics("ana@example.org")), ImportSourceKind.Ics);
        Assert.Equal(["Ana Silva"], await PeopleAsync());

        // The invitation went to Bruno instead: the meeting is his, no longer Ana's.
        var moved = await ImportAsync(store, Write("cal.ics", Ics("bruno@example.org")), ImportSourceKind.Ics);
        Assert.Equal(1, moved.Interactions.Updated);
        Assert.Contains("people: Bruno Costa", moved.Rows.Single(r => r.Record == "interaction").Details);
        Assert.Equal(["Bruno Costa"], await PeopleAsync());
        Assert.Equal(1, (await ImportAsync(store, Write("cal.ics", Ics("bruno@example.org")), ImportSourceKind.Ics)).Interactions.Unchanged);

        // Then it was cancelled: what was logged from it goes to the trash, and Bruno's aggregates forget it.
        var cancelled = await ImportAsync(store, Write("cal.ics", Ics("bruno@example.org", "CANCELLED")), ImportSourceKind.Ics);
        Assert.Equal(1, cancelled.Interactions.Updated);
        await using var check = store.Open();
        Assert.Equal(0, await check.Interactions.CountAsync());
        Assert.Equal(1, await check.Interactions.IgnoreQueryFilters().CountAsync(i => i.DeletedAt != null));
        var bruno = await check.Contacts.SingleAsync(c => c.DisplayName == "Bruno Costa");
        Assert.Equal(0, await check.ContactStats.Where(s => s.ContactId == bruno.Id).Select(s => s.TouchCount).SingleOrDefaultAsync());
    }

    [Fact]
    public async Task Calendar_TwoVersionsOfAMeetingInOneFile_TheHigherRevisionHolds_WhereverItComes()
    {
        await using var test = await TestDatabase.CreateAsync("sqlite");
        var store = await test.MigratedStoreAsync(new TestClock(Now));
        await ImportAsync(store, Write("Connections.csv", Connections));
        static string Event(int sequence, string start, string summary) =>
            $"BEGIN:VEVENT\r\nUID:plan@example.org\r\nSEQUENCE:{sequence}\r\nDTSTART:{start}\r\nSUMMARY:{summary}\r\n" +
            "ORGANIZER:mailto:me@example.net\r\nATTENDEE:mailto:ana@example.org\r\nEND:VEVENT\r\n";
        await using (var db = store.Open())
        {
            db.Settings.Add(new Domain.Settings.AccountSetting("own.emails", "me@example.net"));
            await db.SaveChangesAsync();
        }

        // The final time (revision 3) comes first in the file, the first draft (revision 1) after it.
        var result = await ImportAsync(store, Write("cal.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" +
            Event(3, "20261020T090000Z", "Final time") + Event(1, "20261001T090000Z", "Old time") + "END:VCALENDAR\r\n"), ImportSourceKind.Ics);

        Assert.Equal(1, result.Interactions.New);
        Assert.Contains(result.Rows, r => r.Details.Any(d => d.StartsWith("an older version (revision 1)", StringComparison.Ordinal)));
        await using var check = store.Open();
        var meeting = await check.Interactions.SingleAsync();
        Assert.Equal(new DateTime(2026, 10, 20, 9, 0, 0, DateTimeKind.Utc), meeting.OccurredAt);
        Assert.Equal("Final time", meeting.Notes?.Split('\n')[0]);
    }

    [Fact]
    public async Task Mbox_WithoutYourOwnAddresses_SaysSoAndHowToMendIt()
    {
        await using var test = await TestDatabase.CreateAsync("sqlite");
        var store = await test.MigratedStoreAsync(new TestClock(Now));
        await ImportAsync(store, Write("Connections.csv", Connections));
        var mbox = "From me@example.net Mon Jun 10 09:00:00 2024\nFrom: Me <me@example.net>\nTo: Ana Silva <ana@example.org>\n" +
            "Date: Mon, 10 Jun 2024 09:00:00 +0000\nSubject: Hi\nMessage-ID: <m1@example.net>\n\nHello\n";

        var unset = await ImportAsync(store, Write("mail.mbox", mbox));
        Assert.Contains("rapport settings own.emails", Assert.Single(unset.Warnings), StringComparison.Ordinal);
        await using (var db = store.Open())
        {
            db.Settings.Add(new Domain.Settings.AccountSetting("own.emails", "me@example.net"));
            await db.SaveChangesAsync();
        }
        Assert.Empty((await ImportAsync(store, Write("mail.mbox", mbox))).Warnings);
        Assert.Empty((await ImportAsync(store, Write("Connections.csv", Connections))).Warnings);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Mbox_YourOwnAddressDecidesTheDirection_AndNewslettersAreLeftOut(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(new TestClock(Now));
        await ImportAsync(store, Write("Connections.csv", Connections));
        await using (var db = store.Open())
        {
            db.Settings.Add(new Domain.Settings.AccountSetting("own.emails", "me@example.net"));
            await db.SaveChangesAsync();
        }
        var mbox =
            "From me@example.net Mon Jun 10 09:00:00 2024\nFrom: Me <me@example.net>\nTo: =?UTF-8?Q?Ana_Silva?= <ana@example.org>\nDate: Mon, 10 Jun 2024 09:00:00 +0000\nSubject: Hi\nMessage-ID: <m1@example.net>\n\nHello\n\n" +
            "From ana@example.org Tue Jun 11 09:00:00 2024\nFrom: \"Silva, Ana\" <ana@example.org>\nTo: me@example.net\nDate: Tue, 11 Jun 2024 09:00:00 +0000\nSubject: Re: Hi\nMessage-ID: <m2@example.org>\n\nHi back\n\n" +
            "From news@shop.example Wed Jun 12 09:00:00 2024\nFrom: Shop <no-reply@shop.example>\nTo: me@example.net\nDate: Wed, 12 Jun 2024 09:00:00 +0000\nSubject: Sale\nList-Unsubscribe: <mailto:u@shop.example>\nMessage-ID: <m3@shop.example>\n\nBuy\n";

        var result = await ImportAsync(store, Write("mail.mbox", mbox));

        Assert.Equal("mbox", result.Format);
        Assert.Equal(2, result.Interactions.New);
        await using var check = store.Open();
        var mails = await check.Interactions.OrderBy(i => i.OccurredAt).ToListAsync();
        Assert.Equal([Direction.Out, Direction.In], mails.Select(m => m.Direction));
        Assert.All(mails, m => Assert.Equal(Channel.Email, m.Channel));
    }
}
