using Rapport.App.Events;
using Rapport.Data.Tests.Support;
using Rapport.Domain.Contacts;
using Rapport.Domain.Events;
using Rapport.Domain.Interactions;

namespace Rapport.Data.Tests.Events;

public class EventQueriesTest
{
    private static readonly DateTime Now = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);
    private static readonly TestClock Clock = new(Now);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnEventWhereYouMetOnePersonStillInTouch_SaysSoInTheSingular_OnBothProviders(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(Clock);
        var ct = TestContext.Current.CancellationToken;
        await using var db = store.Open();
        var ana = new Contact("Ana Silva", Now.AddDays(-300));
        var meetup = new NetworkEvent("Product Guild #1", EventKind.Meetup, Now.AddDays(-300)) { Attending = true };
        db.Contacts.Add(ana);
        db.Events.Add(meetup);
        await db.SaveChangesAsync(ct);
        db.Attendances.Add(new Attendance(meetup.Id, ana.Id, met: true));
        db.Interactions.Add(new Interaction(Now.AddDays(-20), Channel.Call, Direction.Mutual, InteractionSource.Manual, [ana.Id]));
        await db.SaveChangesAsync(ct);

        var detail = await EventQueries.GetAsync(db, meetup.Id, Clock, ct);

        Assert.Equal((1, 1), (detail!.Return.Met, detail.Return.Lasting));
        Assert.Equal("The one person you met is still in touch six months on.", detail.Return.Verdict);
    }

    [Theory]
    [InlineData(1, 0, "The one person you met is no longer in touch six months on.")]
    [InlineData(3, 0, "None of the 3 people you met are still in touch six months on.")]
    [InlineData(3, 1, "1 of the 3 people you met is still in touch six months on.")]
    [InlineData(3, 2, "2 of the 3 people you met are still in touch six months on.")]
    [InlineData(0, 0, "You met no one here yet: add the people you met.")]
    public void TheVerdict_AgreesWithItsCounts(int met, int lasting, string expected) =>
        Assert.Equal(expected, EventQueries.Verdict(met, lasting, null));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnOrganizerInTheTrash_IsStillNamed_AndTheEventKeepsIt_UntilItComesBack(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(Clock);
        var ct = TestContext.Current.CancellationToken;
        await using var db = store.Open();
        var guild = await new App.Organizations.CreateOrganization(db).ExecuteAsync(new App.Organizations.OrganizationRequest("Product Guild", ""), ct);
        var e = await new CreateEvent(db).ExecuteAsync(new EventRequest("Guild night", "", "2026-10-14T18:00") { Organizer = "guild" }, ct);
        Assert.Equal((EventKind.Meetup, Domain.Organizations.OrganizationKind.Community), (e.Kind, guild.Kind));

        await new App.Trash.TrashBin(db, Clock).DeleteAsync(App.Trash.TrashKind.Organization, guild.Id, ct);
        var trashed = (await EventQueries.GetAsync(db, e.Id, Clock, ct))!;
        Assert.Equal(("Product Guild (in the trash)", guild.Id), (trashed.Organizer, trashed.OrganizerId));

        await new App.Trash.TrashBin(db, Clock).RestoreAsync(App.Trash.TrashKind.Organization, guild.Id, ct);
        var back = (await EventQueries.GetAsync(db, e.Id, Clock, ct))!;
        Assert.Equal(("Product Guild", guild.Id), (back.Organizer, back.OrganizerId));
    }
}
