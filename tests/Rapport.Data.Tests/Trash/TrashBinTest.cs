using Microsoft.EntityFrameworkCore;
using Rapport.App.Interactions;
using Rapport.App.Trash;
using Rapport.Data.Storage;
using Rapport.Data.Tests.Support;
using Rapport.Domain.Contacts;

namespace Rapport.Data.Tests.Trash;

public class TrashBinTest
{
    private static readonly DateTime Now = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);

    private static async Task<(long Ann, long Bo)> TwoPeopleAsync(RapportStore store)
    {
        await using var db = store.Open();
        var ann = new Contact("Ann Trash", Now.AddDays(-400));
        var bo = new Contact("Bo Trash", Now.AddDays(-400));
        db.Contacts.AddRange(ann, bo);
        await db.SaveChangesAsync();
        return (ann.Id, bo.Id);
    }

    private static async Task<long> LogAsync(RapportStore store, TimeProvider clock, string who, string date)
    {
        await using var db = store.Open();
        await new LogInteraction(db, clock).ExecuteAsync(new LogRequest(who, "call") { Date = date }, default);
        return await db.Interactions.MaxAsync(i => i.Id);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnIdInTheTrash_IsNamedAsSuch_WhereverAContactOrganizationOrEventIsLookedUp(string provider)
    {
        var clock = new TestClock(Now);
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(clock);
        var (ann, _) = await TwoPeopleAsync(store);
        await using var db = store.Open();
        var org = new Domain.Organizations.Organization("Trash Guild", Domain.Organizations.OrganizationKind.Community);
        var evt = new Domain.Events.NetworkEvent("Trash Night", Domain.Events.EventKind.Meetup, Now.AddDays(-3));
        db.AddRange(org, evt);
        await db.SaveChangesAsync(ct);
        var bin = new TrashBin(db, clock);
        await bin.DeleteAsync(TrashKind.Contact, ann, ct);
        await bin.DeleteAsync(TrashKind.Organization, org.Id, ct);
        await bin.DeleteAsync(TrashKind.Event, evt.Id, ct);

        var contact = await Assert.ThrowsAsync<App.Common.InputException>(() => App.Contacts.ContactResolver.ResolveAsync(db, $"#{ann}", "who", ct));
        Assert.Equal($"who: contact #{ann} (Ann Trash) is in the trash; restore it on the Trash page of `rapport serve` first", contact.Message);
        var organization = await Assert.ThrowsAsync<App.Common.InputException>(() => App.Organizations.OrganizationResolver.ResolveAsync(db, org.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "organization", ct));
        Assert.Contains("(Trash Guild) is in the trash", organization.Message, StringComparison.Ordinal);
        var networkEvent = await Assert.ThrowsAsync<App.Common.InputException>(() => App.Events.EventResolver.ResolveAsync(db, $"#{evt.Id}", "event", ct));
        Assert.Contains("(Trash Night) is in the trash", networkEvent.Message, StringComparison.Ordinal);
        // An id nobody has is simply not found.
        Assert.Equal("event: no event has id 999999", (await Assert.ThrowsAsync<App.Common.InputException>(() => App.Events.EventResolver.ResolveAsync(db, "999999", "event", ct))).Message);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DeletingAnInteraction_TakesItOutOfTheContactsStats_AndRestoringPutsItBack(string provider)
    {
        var clock = new TestClock(Now);
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(clock);
        var (ann, _) = await TwoPeopleAsync(store);
        await LogAsync(store, clock, ann.ToString(), "2026-10-01");
        var latest = await LogAsync(store, clock, ann.ToString(), "2026-11-15");

        await using (var db = store.Open()) await new TrashBin(db, clock).DeleteAsync(TrashKind.Interaction, latest);
        await using (var db = store.Open())
        {
            var stats = await db.ContactStats.SingleAsync(s => s.ContactId == ann);
            Assert.Equal(1, stats.TouchCount);
            Assert.Equal(new DateTime(2026, 10, 1), stats.LastTouchAt!.Value.Date);
        }

        await using (var db = store.Open()) await new TrashBin(db, clock).RestoreAsync(TrashKind.Interaction, latest);
        await using (var db = store.Open())
        {
            var stats = await db.ContactStats.SingleAsync(s => s.ContactId == ann);
            Assert.Equal(2, stats.TouchCount);
            Assert.Equal(new DateTime(2026, 11, 15), stats.LastTouchAt!.Value.Date);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Emptying_DeletesWhatIsInTheTrashForGood_AndLeavesTheRest(string provider)
    {
        var clock = new TestClock(Now);
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(clock);
        var (ann, bo) = await TwoPeopleAsync(store);
        var annAlone = await LogAsync(store, clock, ann.ToString(), "2026-10-01");
        var together = await LogAsync(store, clock, $"{ann},{bo}", "2026-10-02");
        var boAlone = await LogAsync(store, clock, bo.ToString(), "2026-10-03");
        var boTrashed = await LogAsync(store, clock, bo.ToString(), "2026-10-04");
        await using (var db = store.Open())
        {
            var bin = new TrashBin(db, clock);
            await bin.DeleteAsync(TrashKind.Contact, ann);
            await bin.DeleteAsync(TrashKind.Interaction, boTrashed);
        }

        int deleted;
        await using (var db = store.Open()) deleted = await new TrashBin(db, clock).EmptyAsync();

        Assert.Equal(2, deleted);
        await using (var db = store.Open())
        {
            Assert.Empty(await new TrashBin(db, clock).ListAsync());
            Assert.Equal([bo], await db.Contacts.IgnoreQueryFilters([RapportDbContext.TrashFilter]).Select(c => c.Id).ToListAsync());
            // Ann's own call went with her; the call with both stays Bo's; Bo's trashed call is gone.
            var left = await db.Interactions.IgnoreQueryFilters([RapportDbContext.TrashFilter]).Select(i => i.Id).OrderBy(i => i).ToListAsync();
            Assert.Equal([together, boAlone], left);
            Assert.DoesNotContain(annAlone, left);
        }
    }
}
