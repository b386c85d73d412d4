using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.App.Backup;
using Rapport.App.Contacts;
using Rapport.App.Demo;
using Rapport.App.Import;
using Rapport.App.Interactions;
using Rapport.App.Merge;
using Rapport.App.Trash;
using Rapport.Data.Storage;
using Rapport.Data.Tests.Contacts;
using Rapport.Data.Tests.Support;

namespace Rapport.Data.Tests.Search;

/// <summary>
/// Every write that changes what a contact is searched by keeps its search text in step (nothing left stale, and every
/// search finds what <see cref="ContactSearchTest.Expected"/> says), on both providers; and an existing database gets the
/// texts of the contacts it holds when it is upgraded.
/// </summary>
public class ContactSearchIndexTest
{
    private static readonly TestClock Clock = new(new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc));

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CreatingAndEditingContacts_KeepsSearchInStep(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(Clock);
        await ContactSearchTest.SeedAsync(store);
        await ContactSearchTest.AssertSearchInStepAsync(store, "émile", "acme", "zola.example", "brag", "coffee");

        await using (var db = store.Open())
        {
            var ana = await ContactResolver.ResolveAsync(db, "Ana Silva");
            await new EditContact(db, Clock).ExecuteAsync(Id(ana.Id), new ContactChanges
            {
                Name = "Ana Sousa", Company = "Globex", Title = "Buyer", Notes = "Prefers tea", Emails = ["ana@globex.example"],
            });
        }
        await ContactSearchTest.AssertSearchInStepAsync(store, "silva", "sousa", "acme", "globex", "buyer", "tea", "100%", "ana@");

        // A change that EF Core saves in one statement, without a transaction of its own.
        await using (var db = store.Open())
        {
            (await db.Contacts.SingleAsync(c => c.DisplayName == "Bea Costa")).Title = "Quartermaster";
            await db.SaveChangesAsync();
        }
        await ContactSearchTest.AssertSearchInStepAsync(store, "quartermaster");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LoggingEditingAndTrashingInteractions_KeepsSearchInStep(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(Clock);
        await ContactSearchTest.SeedAsync(store);
        long interaction;
        await using (var db = store.Open())
        {
            var who = string.Join(",", await db.Contacts.Where(c => c.DisplayName == "Émile Zola" || c.DisplayName == "Chloé Jensen").Select(c => c.Id).ToListAsync());
            interaction = (await new LogInteraction(db, Clock).ExecuteAsync(new LogRequest(who, "video") { Note = "Sketched the harbour plan", Insight = "Ask about the lighthouse grant" })).Id;
        }
        await ContactSearchTest.AssertSearchInStepAsync(store, "harbour", "lighthouse", "plan");

        await using (var db = store.Open())
        {
            var row = await db.Interactions.SingleAsync(i => i.Id == interaction);
            row.Notes = "Sketched the canal plan";
            row.Insight = null;
            await db.SaveChangesAsync();
        }
        await ContactSearchTest.AssertSearchInStepAsync(store, "harbour", "canal", "lighthouse");

        await using (var db = store.Open()) await new TrashBin(db, Clock).DeleteAsync(TrashKind.Interaction, interaction);
        await ContactSearchTest.AssertSearchInStepAsync(store, "canal");
        await using (var db = store.Open()) await new TrashBin(db, Clock).RestoreAsync(TrashKind.Interaction, interaction);
        await ContactSearchTest.AssertSearchInStepAsync(store, "canal");
        await using (var db = store.Open())
        {
            Assert.Equal(2, await ContactQueries.Filter(db, new ContactFilter { Search = "canal" }).CountAsync());
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TrashingRestoringAndEmptyingTheTrash_KeepsSearchInStep(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(Clock);
        await ContactSearchTest.SeedAsync(store);
        long bea;
        await using (var db = store.Open()) bea = (await ContactResolver.ResolveAsync(db, "Bea Costa")).Id;

        await using (var db = store.Open()) await new TrashBin(db, Clock).DeleteAsync(TrashKind.Contact, bea);
        await ContactSearchTest.AssertSearchInStepAsync(store, "brag", "coffee", "bea");
        await using (var db = store.Open()) await new TrashBin(db, Clock).RestoreAsync(TrashKind.Contact, bea);
        await ContactSearchTest.AssertSearchInStepAsync(store, "brag", "coffee", "bea");
        await using (var db = store.Open())
        {
            Assert.Equal(["Bea Costa"], await ContactQueries.Filter(db, new ContactFilter { Search = "brag" }).Select(c => c.DisplayName).ToListAsync());
        }

        await using (var db = store.Open()) await new TrashBin(db, Clock).EmptyAsync();
        await ContactSearchTest.AssertSearchInStepAsync(store, "coffee", "acme", "zed");
        Assert.Equal(await RawSql.ColumnAsync(test.Target, """SELECT COUNT(*) FROM "Contacts" """), await RawSql.ColumnAsync(test.Target, """SELECT COUNT(*) FROM "ContactSearch" """));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MergingAndUnmerging_KeepsSearchInStep(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(Clock);
        await ContactSearchTest.SeedAsync(store);
        MergeResult merged;
        await using (var db = store.Open())
        {
            var keep = await ContactResolver.ResolveAsync(db, "Chloé Jensen");
            var merge = await ContactResolver.ResolveAsync(db, "Bea Costa");
            merged = await new MergeContacts(db, Clock).ExecuteAsync(Id(keep.Id), Id(merge.Id));
        }
        await ContactSearchTest.AssertSearchInStepAsync(store, "brag", "coffee", "initech", "bea", "chloé");
        await using (var db = store.Open())
        {
            Assert.Equal(["Chloé Jensen"], await ContactQueries.Filter(db, new ContactFilter { Search = "brag" }).Select(c => c.DisplayName).ToListAsync());
        }

        await using (var db = store.Open()) await new UnmergeContacts(db, Clock).ExecuteAsync(merged.MergeId);
        await ContactSearchTest.AssertSearchInStepAsync(store, "brag", "coffee", "initech", "bea", "chloé");
        await using (var db = store.Open())
        {
            Assert.Equal(["Bea Costa"], await ContactQueries.Filter(db, new ContactFilter { Search = "brag" }).Select(c => c.DisplayName).ToListAsync());
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnImport_KeepsSearchInStep(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(Clock);
        var folder = Directory.CreateTempSubdirectory("rapport-search-");
        try
        {
            var file = Path.Combine(folder.FullName, "Connections.csv");
            var rows = Enumerable.Range(0, 1200).Select(i => $"Person{i},Family{i},https://www.linkedin.com/in/p{i},{(i % 10 == 0 ? $"p{i}@mail{i % 7}.example" : "")},Company {i % 40},Role {i % 13},04 Jul 2023");
            await File.WriteAllTextAsync(file, "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n" + string.Join('\n', rows) + "\n");
            await using (var db = store.Open())
                await new ImportNetwork(db, Clock).ExecuteAsync(new ImportRequest { Kind = ImportSourceKind.LinkedIn, Path = file });
        }
        finally
        {
            folder.Delete(recursive: true);
        }
        await ContactSearchTest.AssertSearchInStepAsync(store, "company 3", "role 12", "mail3.example", "person1199", "family7 ", "zz");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheDemoNetwork_AndItsRestoreFromAnExport_AreSearchable(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(Clock);
        await new DemoWriter(store, Clock).WriteAsync(new DemoOptions(120, 3), null, TestContext.Current.CancellationToken);
        string[] queries = ["talked", "brag", "decision criteria", "health", "example", "zeppelin", "an"];
        await ContactSearchTest.AssertSearchInStepAsync(store, queries);

        using var export = new MemoryStream();
        await using (var db = store.Open()) await AccountJson.ExportAsync(db, export);
        export.Position = 0;
        await using var copy = await TestDatabase.CreateAsync(provider);
        var restored = await copy.MigratedStoreAsync(Clock);
        await using (var db = restored.Open()) await AccountJson.RestoreAsync(db, export);
        await ContactSearchTest.AssertSearchInStepAsync(restored, queries);
    }

    // 0005 on a database that already holds contacts and interactions: their texts are built while migrating.
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Version4_WithData_UpgradesTo5_WithEveryContactSearchable(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await MigrationRunner.MigrateAsync(test.Target, Clock, upTo: 4);
        var at = provider == "sqlite" ? "'2024-01-01 00:00:00'" : "TIMESTAMPTZ '2024-01-01T00:00:00Z'";
        await RawSql.ExecuteAsync(test.Target, $"""
            INSERT INTO "Contacts" ("Id", "AccountId", "DisplayName", "Company", "Title", "Notes", "Seniority", "Kind", "Trust", "KeyPlayer", "WantToMeet", "SeniorityAtLastContact", "CreatedAt", "UpdatedAt", "Version")
            VALUES (7, 1, 'Ada Lovelace', 'Analytical Engines', 'Countess', 'Writes programs', 'Unknown', 'Acquaintance', 2, FALSE, FALSE, 'Unknown', {at}, {at}, 1),
                   (8, 1, 'Charles Babbage', NULL, NULL, NULL, 'Unknown', 'Acquaintance', 2, FALSE, FALSE, 'Unknown', {at}, {at}, 1);
            INSERT INTO "ContactEmails" ("AccountId", "ContactId", "Address", "IsPrimary") VALUES (1, 7, 'ada@example.org', TRUE);
            INSERT INTO "Interactions" ("Id", "AccountId", "OccurredAt", "Channel", "Direction", "Purpose", "Notes", "Insight", "Source")
            VALUES (3, 1, {at}, 'Call', 'Mutual', 'CatchUp', 'Talked about looms', 'Punched cards scale', 'Manual');
            INSERT INTO "InteractionParticipants" ("InteractionId", "ContactId", "AccountId") VALUES (3, 8, 1);
            """);

        var result = await MigrationRunner.MigrateAsync(test.Target, Clock);
        Assert.Contains(5, result.Applied.Select(m => m.Version));

        var store = new RapportStore(test.Target);
        await ContactSearchTest.AssertSearchInStepAsync(store, "lovelace", "engines", "countess", "programs", "ada@", "looms", "punched", "babbage", "xyz");
        await using var db = store.Open();
        Assert.Equal(["Charles Babbage"], await ContactQueries.Filter(db, new ContactFilter { Search = "punched cards" }).Select(c => c.DisplayName).ToListAsync());
    }

    // PostgreSQL answers through a pg_trgm index when the extension could be created (Debian's postgresql package ships it).
    [Fact]
    public async Task Postgres_HasTheTrigramIndex_AndUsesIt()
    {
        await using var test = await TestDatabase.CreateAsync("postgres");
        var store = await test.MigratedStoreAsync(Clock);
        await ContactSearchTest.SeedAsync(store);
        Assert.Single(await RawSql.ColumnAsync(test.Target, """SELECT indexdef FROM pg_indexes WHERE indexname = 'IX_ContactSearch_Text' AND indexdef LIKE '%gin_trgm_ops%'"""));
        var plan = await RawSql.ColumnAsync(test.Target, """SET enable_seqscan = off; EXPLAIN SELECT "ContactId" FROM "ContactSearch" WHERE lower("Text") LIKE '%brag%'""");
        Assert.Contains(plan, line => line.Contains("IX_ContactSearch_Text", StringComparison.Ordinal));
    }

    // SQLite answers from the FTS5 table (its plan names the virtual table's index), not by reading every contact.
    [Fact]
    public async Task Sqlite_SearchesThroughTheFullTextIndex()
    {
        await using var test = await TestDatabase.CreateAsync("sqlite");
        var store = await test.MigratedStoreAsync(Clock);
        await ContactSearchTest.SeedAsync(store);
        await using var db = store.Open();
        var sql = ContactQueries.Filter(db, new ContactFilter { Search = "brag" }).Select(c => c.Id).ToQueryString();
        Assert.Contains("MATCH", sql, StringComparison.Ordinal);
        Assert.Equal(["0"], await RawSql.ColumnAsync(test.Target, """SELECT COUNT(*) FROM "ContactSearchStale" """));
    }
}
