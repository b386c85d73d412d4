using Rapport.App.Common;
using Rapport.App.Contacts;
using Rapport.App.Nurture;
using Rapport.Data.Tests.Support;

namespace Rapport.Data.Tests.Nurture;

public class GoalsAndInvitationsTest
{
    private static readonly TestClock Clock = new(new DateTime(2026, 11, 23, 8, 0, 0, DateTimeKind.Utc));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Goal_ReportsLinkedAndMatchingContacts_InPlainWords(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(Clock);
        await using var db = store.Open();
        var create = new CreateContact(db, Clock);
        await create.ExecuteAsync(new ContactChanges { Name = "Mia Mentor", Emails = ["mia@example.org"], Title = "Head of Product", Categories = ["mentor"] });
        await create.ExecuteAsync(new ContactChanges { Name = "Pat Product", Emails = ["pat@example.org"], Title = "Head of Product", Seniority = "director" });
        await create.ExecuteAsync(new ContactChanges { Name = "Eli Engineer", Emails = ["eli@example.org"], Title = "Engineer", Categories = ["mentor"] });

        var goals = new GoalService(db, Clock);
        var g = await goals.AddAsync(new GoalRequest("Find mentors in product")
        {
            Kind = "find-mentors", Roles = ["Head of Product"], Relation = "mentor", Target = 3, Deadline = "2027-06-30", Contacts = ["mia@example.org"],
        }, default);
        Assert.Equal((1, 0, 1), (g.Identified, g.Active, g.Candidates));
        Assert.Equal("1 of 3 mentors in Head of Product identified, 0 active; 1 more in your network match", g.Progress);

        // Once Mia is in touch within her cadence she counts as active.
        await new Rapport.App.Interactions.LogInteraction(db, Clock).ExecuteAsync(new Rapport.App.Interactions.LogRequest("mia@example.org", "call") { Date = "2026-11-20" }, default);
        Assert.Equal((1, 1), ((await goals.ListAsync(default))[0].Identified, (await goals.ListAsync(default))[0].Active));

        var shown = await goals.ShowAsync("mentors", default);
        Assert.Equal(["Mia Mentor", "Pat Product"], shown.Contacts.Select(c => c.Name));
        Assert.True(shown.Contacts[0].Linked);
        Assert.DoesNotContain(shown.Contacts, c => c.Name == "Eli Engineer");  // a mentor, but in none of the roles

        Assert.Equal("kind", Assert.Throws<InputException>(() => goals.AddAsync(new GoalRequest("x") { Kind = "world-domination" }, default).GetAwaiter().GetResult()).Field);
        Assert.Equal("goal", Assert.Throws<InputException>(() => goals.ShowAsync("nothing like it", default).GetAwaiter().GetResult()).Field);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Invitation_IsAdvisedAgainstGoalsAndBudget_AndTheDecisionIsRecorded(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(Clock);
        await using var db = store.Open();
        var create = new CreateContact(db, Clock);
        await create.ExecuteAsync(new ContactChanges { Name = "Mia Mentor", Emails = ["mia@example.org"], Title = "Head of Product", Categories = ["mentor"] });
        await new GoalService(db, Clock).AddAsync(new GoalRequest("Find mentors in product") { Roles = ["Head of Product"], Relation = "mentor" }, default);

        var invitations = new InvitationService(db, Clock);
        var serving = await invitations.AddAsync(new InvitationRequest("Product dinner", "2026-11-26T19:00", 45) { Attendees = ["mia@example.org"] }, default);
        Assert.Equal("accept", serving.Suggestion);
        Assert.Contains("Mia Mentor matches your goal", serving.Advice, StringComparison.Ordinal);

        var idle = await invitations.AddAsync(new InvitationRequest("Vendor webinar", "2026-11-27T15:00", 45), default);
        Assert.Equal("decline", idle.Suggestion);
        Assert.Contains("nobody there matches an active goal", idle.Advice, StringComparison.Ordinal);

        var decided = await invitations.DecideAsync(serving.Id, "accept", null, default);
        Assert.Equal("accepted", decided.Decision);
        Assert.Equal(serving.Advice, decided.Reason);
        Assert.Equal([idle.Id], (await invitations.ListAsync(false, default)).Select(i => i.Id));
        Assert.Equal(2, (await invitations.ListAsync(true, default)).Count);

        // The accepted 45 minutes now count against the week: a long invitation no longer fits the 60-minute budget.
        var big = await invitations.AddAsync(new InvitationRequest("Product offsite", "2026-11-28T10:00", 30) { Attendees = ["mia@example.org"] }, default);
        Assert.Contains("15 left this week", big.Advice, StringComparison.Ordinal);

        Assert.Equal("decision", Assert.Throws<InputException>(() => invitations.DecideAsync(idle.Id, "maybe", null, default).GetAwaiter().GetResult()).Field);
        Assert.Equal("minutes", Assert.Throws<InputException>(() => invitations.AddAsync(new InvitationRequest("x", "2026-11-28", 0), default).GetAwaiter().GetResult()).Field);
    }
}
