using Microsoft.EntityFrameworkCore;
using Rapport.App.Nurture;
using Rapport.App.People;
using Rapport.Data.Storage;
using Rapport.Data.Tests.Support;
using Rapport.Domain.Contacts;
using Rapport.Domain.Interactions;
using Rapport.Domain.Nurture;

namespace Rapport.Data.Tests.Storage;

/// <summary>
/// Queries handed more ids than one SQLite statement takes parameters (32,766; EF Core 10 sends a list as one parameter per
/// item unless told otherwise, while on PostgreSQL Npgsql sends an array): a People page over a tier that holds most of a
/// large network, and the aggregates rebuilt for many contacts at once. The store has every list go as one parameter.
/// </summary>
public class ManyIdsTest
{
    private const int Count = 33_000;
    private static readonly DateTime At = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MoreIdsThanAStatementTakesParameters_AreReadAsOneList(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync();
        long[] ids;
        await using (var db = store.Open())
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // Written in reverse order of name, so that the page by name is not simply the first rows written.
            var contacts = Enumerable.Range(0, Count).Select(i => new Contact($"Person {Count - i:D5}", At)).ToList();
            var bulk = new BulkWriter(db);
            await bulk.InsertAsync(contacts, ct);
            ids = [.. contacts.Select(c => c.Id)];
            await bulk.InsertAsync(new[]
            {
                new Interaction(At.AddDays(-3), Channel.Call, Direction.Mutual, InteractionSource.Manual, [ids[0], ids[^1]]),
                new Interaction(At.AddDays(-1), Channel.Video, Direction.Out, InteractionSource.Manual, [ids[^1]]),
            }, ct);
            await tx.CommitAsync(ct);
        }

        // The People page over "a tier" of every contact but one, by name.
        await using (var db = store.Open())
        {
            var page = await PeopleQuery.ListAsync(db, new PeopleRequest { OnlyIds = ids[1..].ToHashSet(), Sort = "name", PageSize = 3 }, TimeProvider.System, null, ct);
            Assert.Equal(Count - 1, page.Total);
            Assert.Equal(["Person 00001", "Person 00002", "Person 00003"], page.Rows.Select(r => r.Name));
        }

        // The aggregates of every contact, computed and rebuilt by id: the two with touches get a row.
        await using (var db = store.Open())
        {
            var computed = await ContactStatsRefresher.ComputeAsync(db, ids, NurtureSettings.Default, null, ct);
            Assert.Equal([(ids[0], 1), (ids[^1], 2)], computed.Select(s => (s.ContactId, s.TouchCount)).Order());
            await ContactStatsRefresher.RebuildAsync(db, ids, NurtureSettings.Default, ct);
            Assert.Equal([(ids[0], 1), (ids[^1], 2)], (await db.ContactStats.Select(s => new { s.ContactId, s.TouchCount }).ToListAsync(ct)).Select(s => (s.ContactId, s.TouchCount)).Order());
        }
    }
}
