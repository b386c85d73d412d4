using Microsoft.EntityFrameworkCore;
using Rapport.Data.Storage;
using Rapport.Data.Tests.Support;
using Rapport.Domain.Feeds;
using Rapport.Domain.Interactions;
using Rapport.Domain.Nurture;
using Rapport.Domain.Nurture.Plan;

namespace Rapport.Data.Tests.Storage;

/// <summary>Every migration after the first is applied to a database that already holds data, which must survive it.</summary>
public class UpgradeTest
{
    private static readonly TestClock Clock = new(new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Version1_WithData_UpgradesToTheLatest_KeepingEveryRow(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await MigrationRunner.MigrateAsync(test.Target, Clock, upTo: 1);
        var rows = """
                INSERT INTO "Contacts" ("Id", "AccountId", "DisplayName", "GivenName", "Company", "Seniority", "Kind", "Trust", "KeyPlayer", "WantToMeet", "SeniorityAtLastContact", "CreatedAt", "UpdatedAt", "Version")
                VALUES (7, 1, 'Ada Lovelace', 'Ada', 'Analytical Engines', 'Unknown', 'Acquaintance', 2, FALSE, FALSE, 'Unknown', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z', 1);
                INSERT INTO "Interactions" ("Id", "AccountId", "OccurredAt", "Channel", "Direction", "Purpose", "Notes", "Source")
                VALUES (3, 1, '2025-06-01T10:00:00Z', 'Call', 'Mutual', 'CatchUp', 'Talked about looms', 'Manual');
                INSERT INTO "InteractionParticipants" ("InteractionId", "ContactId", "AccountId") VALUES (3, 7, 1);
                """;
        if (provider == "postgres") rows = rows.Replace("'2024-01-01T00:00:00Z'", "TIMESTAMPTZ '2024-01-01T00:00:00Z'").Replace("'2025-06-01T10:00:00Z'", "TIMESTAMPTZ '2025-06-01T10:00:00Z'");
        await RawSql.ExecuteAsync(test.Target, rows);

        var result = await MigrationRunner.MigrateAsync(test.Target, Clock);
        Assert.Equal(MigrationRunner.Available(test.Target.Provider).Skip(1).Select(m => m.Version), result.Applied.Select(m => m.Version));
        if (provider == "sqlite") Assert.NotNull(result.BackupPath);

        var store = new RapportStore(test.Target);
        await using (var db = store.Open())
        {
            var ada = await db.Contacts.SingleAsync();
            Assert.Equal("Ada Lovelace", ada.DisplayName);
            Assert.Equal("Talked about looms", (await db.Interactions.SingleAsync()).Notes);
            var interaction = await db.Interactions.Include(i => i.Participants).SingleAsync();
            Assert.Equal(7, interaction.Participants.Single().ContactId);

            db.ContactStats.Add(ContactStats.FromHistory(7, [new Touch(interaction.OccurredAt, Channel.Call, Direction.Mutual)]));
            var state = new PlanItemState("abcdefghij", 7);
            state.Snooze(Clock.Now, 3);
            db.PlanItemStates.Add(state);
            db.FeedTokens.Add(FeedToken.Create("phone", Clock.Now).Row);
            await db.SaveChangesAsync();
        }
        await using (var db = store.Open())
        {
            var stats = await db.ContactStats.SingleAsync();
            Assert.Equal(1, stats.TouchCount);
            Assert.Equal(new DateTime(2025, 6, 1, 10, 0, 0, DateTimeKind.Utc), stats.LastTouchAt);
            Assert.Equal(new DateTime(2026, 11, 23, 0, 0, 0, DateTimeKind.Utc), (await db.PlanItemStates.SingleAsync()).SnoozedUntil);
            Assert.Equal("phone", (await db.FeedTokens.SingleAsync()).Label);
        }
    }

    // 0003 keeps the introducer and met-at indexes for the contacts that have one only: the data stays, and the lookups
    // those indexes serve (a deletion's "= id") still use them.
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Version2_WithData_UpgradesTo3_AndTheKeptIndexesStillServeTheirLookups(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await MigrationRunner.MigrateAsync(test.Target, Clock, upTo: 2);
        var at = provider == "sqlite" ? "'2024-01-01T00:00:00Z'" : "TIMESTAMPTZ '2024-01-01T00:00:00Z'";
        await RawSql.ExecuteAsync(test.Target, $"""
            INSERT INTO "Events" ("Id", "AccountId", "Name", "Kind", "StartsAt", "Attending") VALUES (5, 1, 'Looms meetup', 'Meetup', {at}, TRUE);
            INSERT INTO "Contacts" ("Id", "AccountId", "DisplayName", "Seniority", "Kind", "Trust", "KeyPlayer", "WantToMeet", "SeniorityAtLastContact", "CreatedAt", "UpdatedAt", "Version", "MetAtEventId")
            VALUES (7, 1, 'Ada Lovelace', 'Unknown', 'Acquaintance', 2, FALSE, FALSE, 'Unknown', {at}, {at}, 1, 5);
            INSERT INTO "Contacts" ("Id", "AccountId", "DisplayName", "Seniority", "Kind", "Trust", "KeyPlayer", "WantToMeet", "SeniorityAtLastContact", "CreatedAt", "UpdatedAt", "Version", "IntroducedById")
            VALUES (8, 1, 'Charles Babbage', 'Unknown', 'Acquaintance', 2, FALSE, FALSE, 'Unknown', {at}, {at}, 1, 7);
            INSERT INTO "ContactEmails" ("AccountId", "ContactId", "Address", "IsPrimary") VALUES (1, 7, 'ada@example.org', TRUE);
            """);

        var result = await MigrationRunner.MigrateAsync(test.Target, Clock);
        Assert.Contains(3, result.Applied.Select(m => m.Version));

        var plan = provider == "sqlite"
            ? await RawSql.ColumnAsync(test.Target, """EXPLAIN QUERY PLAN SELECT "Id" FROM "Contacts" WHERE "MetAtEventId" = 5""", column: 3)
            : await RawSql.ColumnAsync(test.Target, """SET enable_seqscan = off; EXPLAIN SELECT "Id" FROM "Contacts" WHERE "MetAtEventId" = 5""", column: 0);
        Assert.Contains(plan, line => line.Contains("IX_Contacts_MetAtEventId", StringComparison.Ordinal));
        var definition = provider == "sqlite"
            ? await RawSql.ColumnAsync(test.Target, """SELECT sql FROM sqlite_master WHERE name = 'IX_Contacts_MetAtEventId'""", column: 0)
            : await RawSql.ColumnAsync(test.Target, """SELECT indexdef FROM pg_indexes WHERE indexname = 'IX_Contacts_MetAtEventId'""", column: 0);
        Assert.Contains("IS NOT NULL", Assert.Single(definition), StringComparison.Ordinal);

        await using var db = new RapportStore(test.Target).Open();
        Assert.Equal(["Ada Lovelace", "Charles Babbage"], await db.Contacts.OrderBy(c => c.Id).Select(c => c.DisplayName).ToListAsync());
        Assert.Equal("ada@example.org", (await db.ContactEmails.SingleAsync()).Address);
        Assert.Equal(7, (await db.Contacts.SingleAsync(c => c.Id == 8)).IntroducedById);
        // The database's own ON DELETE SET NULL finds the contact through the kept index.
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "Events" WHERE "Id" = 5""");
        Assert.Null((await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == 7)).MetAtEventId);
    }

    // 0004 adds what each source gave for company and title: keys imported before it have none, and an import still
    // matches them by their key and compares with the contact as before, filling them in when it writes the contact.
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Version3_WithImportedContacts_UpgradesTo4_AndTheirSourceKeysStillMatch(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await MigrationRunner.MigrateAsync(test.Target, Clock, upTo: 3);
        var at = provider == "sqlite" ? "'2024-01-01 00:00:00'" : "TIMESTAMPTZ '2024-01-01T00:00:00Z'";
        await RawSql.ExecuteAsync(test.Target, $"""
            INSERT INTO "Contacts" ("Id", "AccountId", "DisplayName", "GivenName", "FamilyName", "Company", "Title", "KnownSince", "Seniority", "Kind", "Trust", "KeyPlayer", "WantToMeet", "SeniorityAtLastContact", "CreatedAt", "UpdatedAt", "Version")
            VALUES (7, 1, 'Ada Lovelace', 'Ada', 'Lovelace', 'Analytical', 'Engineer', {(provider == "sqlite" ? "'2023-07-04'" : "DATE '2023-07-04'")}, 'Unknown', 'Acquaintance', 2, FALSE, FALSE, 'Unknown', {at}, {at}, 1);
            INSERT INTO "ContactProfiles" ("AccountId", "ContactId", "Network", "Url") VALUES (1, 7, 'LinkedIn', 'https://www.linkedin.com/in/ada');
            INSERT INTO "ContactSources" ("AccountId", "ContactId", "Source", "ExternalKey", "FirstSeenAt", "LastSeenAt") VALUES (1, 7, 'linkedin', 'https://www.linkedin.com/in/ada', {at}, {at});
            """);

        var result = await MigrationRunner.MigrateAsync(test.Target, Clock);
        Assert.Contains(4, result.Applied.Select(m => m.Version));

        var store = new RapportStore(test.Target);
        var folder = Directory.CreateTempSubdirectory("rapport-upgrade-");
        try
        {
            var file = Path.Combine(folder.FullName, "Connections.csv");
            async Task<App.Import.ImportResult> ImportAsync(string title)
            {
                await File.WriteAllTextAsync(file, $"First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAda,Lovelace,https://www.linkedin.com/in/ada,,Analytical,{title},04 Jul 2023\n");
                await using var db = store.Open();
                return await new App.Import.ImportNetwork(db, Clock).ExecuteAsync(new App.Import.ImportRequest { Kind = App.Import.ImportSourceKind.LinkedIn, Path = file });
            }
            Assert.Equal(1, (await ImportAsync("Engineer")).Contacts.Unchanged);
            Assert.Equal((1, 1), ((await ImportAsync("Chief Engineer")) is var promoted ? (promoted.Contacts.Updated, promoted.LifeEvents) : default));
            await using var check = store.Open();
            var source = await check.ContactSources.SingleAsync();
            Assert.Equal(("Analytical", "Chief Engineer"), (source.SeenCompany, source.SeenTitle));
            Assert.Equal(1, await check.Contacts.CountAsync());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
