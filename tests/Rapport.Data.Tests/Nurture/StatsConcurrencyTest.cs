using Microsoft.EntityFrameworkCore;
using Rapport.App.Interactions;
using Rapport.App.Nurture;
using Rapport.Data.Tests.Support;
using Rapport.Domain.Contacts;
using Rapport.Domain.Interactions;
using Rapport.Domain.Nurture;

namespace Rapport.Data.Tests.Nurture;

/// <summary>
/// Aggregates written by several connections at once (the web app serves many requests; the command line may run beside it):
/// no touch is lost from a contact's aggregates, and two rebuilds never collide.
/// </summary>
public class StatsConcurrencyTest
{
    private static readonly DateTime Now = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TouchesLoggedAtOnce_AreAllFoldedIn_AndRebuildsAtOnceDoNotCollide(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(new TestClock(Now));
        long ana;
        await using (var db = store.Open())
        {
            var contact = new Contact("Ana Silva", Now.AddYears(-2));
            db.Contacts.Add(contact);
            await db.SaveChangesAsync(ct);
            ana = contact.Id;
            // Her aggregates exist, so every new touch is folded into the same row.
            await InteractionWriter.AddAsync(db, [new Interaction(Now.AddDays(-100), Channel.Call, Direction.Out, InteractionSource.Manual, [ana])], ct);
        }

        const int writers = 8;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(k => Task.Run(async () =>
        {
            await using var db = store.Open();
            await InteractionWriter.AddAsync(db, [new Interaction(Now.AddDays(-k - 1), Channel.InPerson, Direction.Mutual, InteractionSource.Manual, [ana])], ct);
        }, ct)));

        await using (var db = store.Open())
        {
            var kept = await db.ContactStats.AsNoTracking().SingleAsync(s => s.ContactId == ana, ct);
            Assert.Equal(writers + 1, kept.TouchCount);
            var rebuilt = Assert.Single(await ContactStatsRefresher.ComputeAsync(db, [ana], NurtureSettings.Default, null, ct));
            Assert.Equal(rebuilt.IntensityAtLast, kept.IntensityAtLast, 9);
            Assert.Equal(rebuilt.LastTouchAt, kept.LastTouchAt);
        }

        // Several readers finding the aggregates stale at once each rebuild them: none fails, and the rows come out whole.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            await using var db = store.Open();
            await ContactStatsRefresher.RebuildAsync(db, null, ct);
        }, ct)));
        await using (var db = store.Open())
        {
            var row = await db.ContactStats.AsNoTracking().SingleAsync(s => s.ContactId == ana, ct);
            Assert.Equal(writers + 1, row.TouchCount);
        }
    }
}
