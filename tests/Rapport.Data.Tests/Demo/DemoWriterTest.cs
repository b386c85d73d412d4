using Microsoft.EntityFrameworkCore;
using Rapport.App.Demo;
using Rapport.Data.Tests.Support;
using Rapport.Domain.Interactions;

namespace Rapport.Data.Tests.Demo;

public class DemoWriterTest
{
    private static readonly TestClock Clock = new(new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Demo_WritesEveryKindOfRecord_OnBothProviders(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(Clock);
        var summary = await new DemoWriter(store, Clock).WriteAsync(new DemoOptions(300, 1), null, default);

        await using var db = store.Open();
        Assert.Equal(300, await db.Contacts.CountAsync());
        Assert.Equal(summary.Interactions, await db.Interactions.CountAsync());
        Assert.True(summary.Interactions > 1000);
        Assert.True(await db.ContactEmails.CountAsync() > 200);
        Assert.True(await db.ContactLinks.CountAsync() > 300);
        Assert.True(await db.Memberships.CountAsync() >= 300);
        Assert.True(await db.Attendances.AnyAsync(a => a.Met));
        foreach (var channel in Enum.GetValues<Channel>())
            Assert.True(await db.Interactions.AnyAsync(i => i.Channel == channel), $"no {channel} interaction");
        Assert.True(await db.Goals.CountAsync() >= 2);
        Assert.True(await db.Opportunities.AnyAsync(o => !o.Advertised));
        Assert.True(await db.LifeEvents.AnyAsync());
        Assert.True(await db.Trips.AnyAsync(t => t.ContactId == null));
        Assert.True(await db.Trips.AnyAsync(t => t.ContactId != null));
        Assert.True(await db.Exchanges.AnyAsync(e => e.Direction == Domain.Exchanges.ExchangeDirection.Give));
        Assert.True(await db.Exchanges.AnyAsync(e => e.Direction == Domain.Exchanges.ExchangeDirection.Ask));
        Assert.True(await db.Events.AnyAsync(e => e.StartsAt > Clock.Now));
        Assert.True(await db.Invitations.AnyAsync());
        Assert.True(await db.Reminders.AnyAsync());
        Assert.True(await db.Collaborations.AnyAsync());
        Assert.True(await db.Introductions.AnyAsync());
        // Three years of history, and some ties gone quiet for more than a year.
        Assert.True(await db.Interactions.MinAsync(i => i.OccurredAt) < Clock.Now.AddYears(-2).AddMonths(-6));
        var lastByContact = await db.InteractionParticipants.Join(db.Interactions, p => p.InteractionId, i => i.Id, (p, i) => new { p.ContactId, i.OccurredAt })
            .GroupBy(x => x.ContactId).Select(g => g.Max(x => x.OccurredAt)).ToListAsync();
        Assert.Contains(lastByContact, l => l < Clock.Now.AddYears(-1));
        Assert.Contains(lastByContact, l => l > Clock.Now.AddDays(-14));
    }

    [Fact]
    public async Task Demo_IsTheSameForTheSameSeed()
    {
        async Task<List<string>> Names(int seed)
        {
            await using var test = await TestDatabase.CreateAsync("sqlite");
            var store = await test.MigratedStoreAsync(Clock);
            await new DemoWriter(store, Clock).WriteAsync(new DemoOptions(50, seed), null, default);
            await using var db = store.Open();
            return await db.Contacts.OrderBy(c => c.Id).Select(c => c.DisplayName + "|" + c.Company + "|" + c.City).ToListAsync();
        }
        Assert.Equal(await Names(7), await Names(7));
        Assert.NotEqual(await Names(7), await Names(8));
    }
}
