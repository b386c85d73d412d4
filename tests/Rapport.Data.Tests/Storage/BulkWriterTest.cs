using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Rapport.Data.Storage;
using Rapport.Data.Tests.Support;
using Rapport.Domain.Contacts;
using Rapport.Domain.Interactions;

namespace Rapport.Data.Tests.Storage;

/// <summary>
/// BulkWriter writes rows without EF Core's change tracking, converting values itself: what it stores must be exactly
/// what EF Core stores for the same entities, on both providers, down to each column's stored value.
/// </summary>
public class BulkWriterTest
{
    private static readonly DateTime At = new(2026, 3, 4, 5, 6, 7, 891, DateTimeKind.Utc);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Contacts_WithEveryKindOfValue_AreStoredAsEfCoreStoresThem(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync();

        await using (var db = store.Open())
        {
            db.Contacts.Add(Sample("efcore"));
            await db.SaveChangesAsync();
        }
        await using (var db = store.Open())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var written = 0L;
            var contacts = new List<Contact> { Sample("bulkwriter") };
            var bulk = new BulkWriter(db, n => written += n);
            Assert.Equal(12, bulk.CountRows(contacts));
            await bulk.InsertAsync(contacts);
            await tx.CommitAsync();
            Assert.Equal(12, written);
            Assert.NotEqual(0, contacts[0].Id);
        }

        await using var check = store.Open();
        var ids = await check.Contacts.IgnoreQueryFilters([RapportDbContext.TrashFilter]).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
        Assert.Equal(2, ids.Count);
        foreach (var table in new[] { "Contacts", "ContactEmails", "ContactPhones", "ContactCategories", "ContactTags", "ContactProfiles", "ContactDates", "ContactSources" })
        {
            var byEf = await RowsAsync(check, table, ids[0]);
            var byBulk = await RowsAsync(check, table, ids[1]);
            Assert.NotEmpty(byEf);
            Assert.Equal(byEf.Select(r => r.Replace("efcore", "bulkwriter", StringComparison.Ordinal)), byBulk);
        }

        // And EF Core reads the bulk-written contact back as the same contact.
        var read = await check.Contacts.IgnoreQueryFilters([RapportDbContext.TrashFilter]).Include(c => c.Profiles).Include(c => c.Dates).Include(c => c.Sources).AsNoTracking()
            .SingleAsync(c => c.Id == ids[1]);
        Assert.Equal(new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Local).ToUniversalTime(), read.DeletedAt);
        Assert.Equal(Tier.Close, read.TierPin);
        Assert.EndsWith("𝔘𝔫𝔦𝔠𝔬𝔡𝔢 — ", read.Notes, StringComparison.Ordinal);
        Assert.Equal(Seniority.Director, read.Seniority);
        Assert.Equal(new DateOnly(2019, 5, 1), read.KnownSince);
        Assert.Equal(At, read.CreatedAt);
        Assert.Equal(DateTimeKind.Utc, read.CreatedAt.Kind);
        Assert.Equal(0.75, read.Closeness);
        Assert.Equal(ProfileNetwork.GitHub, read.Profiles.Single(p => p.Url.Contains("github", StringComparison.Ordinal)).Network);
        Assert.Equal(ImportantDateKind.WorkAnniversary, read.Dates.Single(d => d.Label == "joined").Kind);
        Assert.Equal(At, read.Sources.Single().FirstSeenAt);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Interactions_WithTheirParticipants_AreStoredAsEfCoreStoresThem(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync();
        long a, b;
        await using (var db = store.Open())
        {
            var first = new Contact("Ana", At);
            var second = new Contact("Bruno", At);
            db.Contacts.AddRange(first, second);
            await db.SaveChangesAsync();
            (a, b) = (first.Id, second.Id);
            db.Interactions.Add(SampleInteraction("ef", a, b));
            await db.SaveChangesAsync();
        }
        await using (var db = store.Open())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await new BulkWriter(db).InsertAsync(new List<Interaction> { SampleInteraction("bulk", a, b) });
            await tx.CommitAsync();
        }

        await using var check = store.Open();
        var ids = await check.Interactions.OrderBy(x => x.Id).Select(x => x.Id).ToListAsync();
        Assert.Equal(2, ids.Count);
        var byEf = await RowsAsync(check, "Interactions", ids[0], "Id");
        var byBulk = await RowsAsync(check, "Interactions", ids[1], "Id");
        Assert.Equal(byEf.Single().Replace("ExternalKey=String:ef", "ExternalKey=String:bulk", StringComparison.Ordinal), byBulk.Single());
        Assert.Equal(await RowsAsync(check, "InteractionParticipants", ids[0], "InteractionId"), await RowsAsync(check, "InteractionParticipants", ids[1], "InteractionId"));
    }

    // Rows go in blocks of several per statement: a count that is not a multiple of the block, and a column null in
    // some rows only, must still put every value in its own row, with the ids handed out in order.
    [Theory]
    [InlineData(1)]
    [InlineData(150)]
    [InlineData(1_031)]
    public async Task RowsWrittenInBlocks_KeepEachValueInItsRow(int count)
    {
        await using var test = await TestDatabase.CreateAsync("sqlite");
        var store = await test.MigratedStoreAsync();
        await using (var db = store.Open())
        {
            db.Contacts.Add(new Contact("Already here", At));
            await db.SaveChangesAsync();
        }
        var contacts = Enumerable.Range(0, count).Select(i =>
        {
            var c = new Contact($"Person {i}", At) { Company = i % 3 == 0 ? null : $"Company {i}", Title = i % 5 == 0 ? $"Title {i}" : null };
            if (i % 2 == 0) c.AddEmail($"person{i}@blocks.example");
            return c;
        }).ToList();
        await using (var db = store.Open())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var written = 0L;
            await new BulkWriter(db, n => written += n).InsertAsync(contacts);
            await tx.CommitAsync();
            Assert.Equal(count + (count + 1) / 2, written);
        }

        Assert.Equal(Enumerable.Range(2, count).Select(i => (long)i), contacts.Select(c => c.Id));
        await using var check = store.Open();
        var stored = await check.Contacts.Include(c => c.Emails).AsNoTracking().Where(c => c.Id > 1).OrderBy(c => c.Id).ToListAsync();
        Assert.Equal(count, stored.Count);
        for (var i = 0; i < count; i++)
        {
            Assert.Equal(contacts[i].Id, stored[i].Id);
            Assert.Equal($"Person {i}", stored[i].DisplayName);
            Assert.Equal(i % 3 == 0 ? null : $"Company {i}", stored[i].Company);
            Assert.Equal(i % 5 == 0 ? $"Title {i}" : null, stored[i].Title);
            Assert.Equal(i % 2 == 0 ? [$"person{i}@blocks.example"] : [], stored[i].Emails.Select(e => e.Address));
        }
    }

    // A first import fills empty tables: their indexes are dropped and built again around the rows, in the transaction.
    [Fact]
    public async Task ManyRowsIntoAnEmptyTable_LeaveTheSameIndexes_StillEnforced_AndARollbackKeepsThem()
    {
        await using var test = await TestDatabase.CreateAsync("sqlite");
        var store = await test.MigratedStoreAsync();
        var before = await IndexesAsync(test.Target);
        Assert.Contains(before, i => i.Contains("IX_ContactEmails_AccountId_Address", StringComparison.Ordinal));

        await using (var db = store.Open())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await new BulkWriter(db).InsertAsync(Many(BulkWriter.RebuildIndexesFrom, "rolled-back"));
            Assert.Equal(BulkWriter.RebuildIndexesFrom, await db.Contacts.CountAsync());
            await tx.RollbackAsync();
        }
        Assert.Equal(before, await IndexesAsync(test.Target));

        var pages = await RootPagesAsync(test.Target);
        await using (var db = store.Open())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await new BulkWriter(db).InsertAsync(Many(BulkWriter.RebuildIndexesFrom, "kept"));
            await tx.CommitAsync();
        }
        Assert.Equal(before, await IndexesAsync(test.Target));
        // Built again (a new root page each), and sampled again for the query planner.
        var rebuilt = await RootPagesAsync(test.Target);
        Assert.NotEqual(pages["IX_Contacts_AccountId_DisplayName"], rebuilt["IX_Contacts_AccountId_DisplayName"]);
        Assert.NotEqual(pages["IX_ContactEmails_AccountId_Address"], rebuilt["IX_ContactEmails_AccountId_Address"]);
        Assert.Contains("IX_Contacts_AccountId_DisplayName", await StatisticsAsync(test.Target));

        await using var check = store.Open();
        Assert.Equal(BulkWriter.RebuildIndexesFrom, await check.Contacts.CountAsync());
        Assert.Equal(BulkWriter.RebuildIndexesFrom, await check.ContactEmails.CountAsync(e => e.Address.EndsWith("@kept.example")));
        var again = new Contact("Someone else", At);
        again.AddEmail("person7@kept.example");
        check.Contacts.Add(again);
        var e = await Assert.ThrowsAsync<DbUpdateException>(() => check.SaveChangesAsync());
        Assert.Contains("UNIQUE", e.InnerException!.Message, StringComparison.Ordinal);
    }

    // Two rows with one email: the unique index refuses them when it is built again, and everything since the indexes
    // were dropped is undone at once, even for a caller that commits anyway.
    [Fact]
    public async Task AFailureWhileTheIndexesAreDown_UndoesTheRows_AndBringsTheIndexesBack()
    {
        await using var test = await TestDatabase.CreateAsync("sqlite");
        var store = await test.MigratedStoreAsync();
        var before = await IndexesAsync(test.Target);
        var contacts = Many(BulkWriter.RebuildIndexesFrom, "twice");
        contacts[^1].AddEmail("person0@twice.example");

        await using (var db = store.Open())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var e = await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => new BulkWriter(db).InsertAsync(contacts));
            Assert.Contains("UNIQUE", e.Message, StringComparison.Ordinal);
            await tx.CommitAsync();
        }

        Assert.Equal(before, await IndexesAsync(test.Target));
        await using var check = store.Open();
        Assert.Equal(0, await check.ContactEmails.CountAsync());
    }

    private static List<Contact> Many(int count, string domain) => [.. Enumerable.Range(0, count).Select(i =>
    {
        var c = new Contact($"Person {i}", At) { Company = $"Company {i % 7}" };
        c.AddEmail($"person{i}@{domain}.example");
        return c;
    })];

    private static async Task<Dictionary<string, long>> RootPagesAsync(DbTarget target)
    {
        var pages = new Dictionary<string, long>();
        await RawSql.QueryAsync(target, "SELECT name, rootpage FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL", r => pages[r.GetString(0)] = r.GetInt64(1));
        return pages;
    }

    private static async Task<List<string>> StatisticsAsync(DbTarget target)
    {
        var indexes = new List<string>();
        await RawSql.QueryAsync(target, "SELECT idx FROM sqlite_stat1 WHERE idx IS NOT NULL", r => indexes.Add(r.GetString(0)));
        return indexes;
    }

    private static async Task<List<string>> IndexesAsync(DbTarget target)
    {
        var indexes = new List<string>();
        await RawSql.QueryAsync(target, "SELECT name || ': ' || sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name", r => indexes.Add(r.GetString(0)));
        return indexes;
    }

    // The writer's name marks the values that must differ (emails are unique in an account).
    private static Contact Sample(string writer)
    {
        var c = new Contact("Zoë Ångström", At)
        {
            GivenName = "Zoë", FamilyName = "Ångström", Company = "Acme, Inc.", Title = "Director", Seniority = Seniority.Director,
            City = "Malmö", Country = "SE", KnownSince = new DateOnly(2019, 5, 1), HowWeMet = "", KeyPlayer = true, TierPin = Tier.Close,
            // Longer than the writer's first text buffer, with characters outside the basic plane.
            Notes = writer + " " + string.Concat(Enumerable.Repeat("Fika at Café 🎉 with 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 — ", 300)),
            // A local time: stored as UTC by both writers.
            DeletedAt = new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Local),
        };
        c.SetCloseness(0.75);
        c.SetTrust(3);
        c.AddEmail($"zoe@{writer}.example", "work", primary: true);
        c.AddEmail($"zoe.home@{writer}.example");
        c.AddPhone("+46 40 123 45 67", "mobile");
        c.SetCategories(["colleague"]);
        c.SetTags(["speaker", "ΑΒΓ"]);
        c.SetProfile(ProfileNetwork.LinkedIn, "https://www.linkedin.com/in/zoe-angstrom");
        c.SetProfile(ProfileNetwork.GitHub, "https://github.com/zoe");
        c.SetDate(ImportantDateKind.Birthday, 2, 29, null);
        c.SetDate(ImportantDateKind.WorkAnniversary, 6, 1, 2020, "joined");
        c.AddSource("linkedin", $"https://www.linkedin.com/in/zoe-{writer}", At);
        return c;
    }

    private static Interaction SampleInteraction(string key, long a, long b) =>
        new(At, Channel.InPerson, Direction.Mutual, InteractionSource.Import, [a, b]) { Notes = "Lunch at Café Ñandú", ExternalKey = key, Purpose = Purpose.Give };

    // Every column of the rows of a table that belong to one parent, as stored, without the columns that differ by design
    // (the generated id, and the parent's id).
    private static async Task<List<string>> RowsAsync(RapportDbContext db, string table, long parentId, string parentColumn = "ContactId")
    {
        if (table == "Contacts") parentColumn = "Id";
        var rows = new List<string>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            await using DbCommand cmd = connection.CreateCommand();
            cmd.CommandText = $"SELECT * FROM \"{table}\" WHERE \"{parentColumn}\" = {parentId}";
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var values = new List<string>();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var name = reader.GetName(i);
                    if (name == "Id" || name == parentColumn) continue;
                    values.Add($"{name}={(reader.IsDBNull(i) ? "NULL" : $"{reader.GetFieldType(i).Name}:{Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)}")}");
                }
                rows.Add(string.Join("; ", values));
            }
        }
        finally
        {
            await connection.CloseAsync();
        }
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}
