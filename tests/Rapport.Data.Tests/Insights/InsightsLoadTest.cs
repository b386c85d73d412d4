using Rapport.App.Insights;
using Rapport.Data.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Rapport.Domain.Contacts;
using Rapport.Domain.Events;
using Rapport.Domain.Exchanges;
using Rapport.Domain.Goals;
using Rapport.Domain.Organizations;
using Rapport.Domain.Insights;
using Rapport.Domain.Insights.Links;
using Rapport.Domain.Interactions;
using Rapport.Domain.Nurture;

namespace Rapport.Data.Tests.Insights;

/// <summary>
/// What the insights read of the interaction history: the members of small meetings (inferred links, never from a meeting in
/// the trash) and the band a year ago of a tie whose history straddles the 12-month mark; and the per-account cache.
/// </summary>
public class InsightsLoadTest
{
    private static readonly DateTime Now = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);
    private static readonly TestClock Clock = new(Now);

    [Fact]
    public void Find_FindsEveryLink_EitherWayRound_AndNothingElse()
    {
        var rng = new Random(7);
        var pairs = new HashSet<ContactPair>();
        while (pairs.Count < 500)
        {
            var (a, b) = (rng.Next(1, 120), rng.Next(1, 120));
            if (a != b) pairs.Add(new ContactPair(a, b));
        }
        var contacts = Enumerable.Range(1, 119).Select(i => (long)i).ToArray();
        // Told links come in any order, inferred ones ordered by pair; every third pair is inferred here.
        var all = pairs.OrderBy(p => p.A).ThenBy(p => p.B).ToArray();
        var told = all.Where((_, i) => i % 3 != 0).Reverse().Select(p => new NetworkLink(p.B, p.A, 0.5, LinkKind.Friend, false));
        var inferred = all.Where((_, i) => i % 3 == 0).Select(p => new InferredLink(p, LinkEvidence.Meeting, LinkKind.Inferred, 0.2, 0, 1, 0)).ToArray();
        var links = NetworkLinks.Create(contacts, told, inferred);

        Assert.Equal(all, Enumerable.Range(0, links.Count).Select(k => new ContactPair(links.A(k), links.B(k))));
        for (var a = 0; a <= 120; a++)
        {
            for (var b = 0; b <= 120; b++)
            {
                var found = links.Find(a, b);
                if (a == b || !pairs.Contains(new ContactPair(a, b)))
                {
                    Assert.Null(found);
                    continue;
                }
                Assert.Equal(new ContactPair(a, b), new ContactPair(found!.A, found.B));
                Assert.Equal(Array.IndexOf(all, new ContactPair(a, b)) % 3 == 0, found.Inferred);
                Assert.Equal(found.Inferred ? "They were in a meeting together." : null, found.Reason);
            }
        }
    }

    [Fact]
    public void InferredLinks_KeepTheirEvidence_AsLargeAsTheCountsGo()
    {
        // The counts share one word up to 1,023 organizations and 2,047 meetings and events; beyond, they are kept aside.
        var counts = new[] { (0, 1, 0), (1, 0, 0), (0, 0, 1), (3, 17, 5), (1023, 2047, 2047), (1024, 0, 0), (0, 2048, 0), (0, 0, 2048), (2, 70_000, 1), (int.MaxValue, 0, 0) };
        var contacts = Enumerable.Range(1, counts.Length + 1).Select(i => (long)i).ToArray();
        var inferred = counts.Select((c, i) => new InferredLink(new ContactPair(i + 1, i + 2), LinkEvidence.Meeting, LinkKind.Inferred, 0.1 * i, c.Item1, c.Item2, c.Item3)).ToArray();
        var links = NetworkLinks.Create(contacts, [new NetworkLink(1, 3, 0.9, LinkKind.Friend, false)], inferred);

        Assert.Equal(inferred.Length + 1, links.Count);
        var shown = Enumerable.Range(0, links.Count).Select(k => links[k]).ToArray();
        Assert.Equal(inferred, shown.Where(l => l.Inferred).Select(l => l.Evidence!.Value));
        Assert.Equal(inferred.Select(l => (double?)l.Strength), shown.Where(l => l.Inferred).Select(l => l.Strength));
        Assert.Null(links.Find(1, 3)!.Evidence);
        Assert.Equal(0.9, links.Find(3, 1)!.Strength);
        Assert.Equal("They overlapped at 2 organizations, were in 70000 meetings together and attended the same event.", links.Find(9, 10)!.Reason);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Load_InfersMeetingLinks_LeavesTrashedMeetingsOut_AndMeasuresTheBandAYearAgo(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(Clock);
        long ana, eli, carl, finn, hal;
        var halTouches = new List<DateTime>();
        await using (var db = store.Open())
        {
            Contact Person(string name)
            {
                var c = new Contact(name, Now.AddYears(-4));
                db.Contacts.Add(c);
                return c;
            }
            var people = new[] { Person("Ana Silva"), Person("Eli Engel"), Person("Carl Costa"), Person("Finn Fox"), Person("Hal Heller") };
            await db.SaveChangesAsync(ct);
            (ana, eli, carl, finn, hal) = (people[0].Id, people[1].Id, people[2].Id, people[3].Id, people[4].Id);

            // Ana and Eli were in one meeting with you; Carl and Finn too, but that meeting is in the trash.
            db.Interactions.Add(new Interaction(Now.AddDays(-30), Channel.Video, Direction.Mutual, InteractionSource.Calendar, [ana, eli]));
            db.Interactions.Add(new Interaction(Now.AddDays(-40), Channel.Video, Direction.Mutual, InteractionSource.Calendar, [carl, finn])
            {
                DeletedAt = Now.AddDays(-1),
            });
            // Hal: weekly three years ago, then silent past the year mark, and weekly again for the last ten weeks.
            for (var i = 0; i < 20; i++) halTouches.Add(Now.AddYears(-3).AddDays(7 * i));
            for (var i = 0; i < 10; i++) halTouches.Add(Now.AddDays(-7 * i - 1));
            foreach (var at in halTouches) db.Interactions.Add(new Interaction(at, Channel.InPerson, Direction.Mutual, InteractionSource.Manual, [hal]));
            await db.SaveChangesAsync(ct);
        }

        await using var read = store.Open();
        var network = await InsightsNetwork.LoadAsync(read, Now, ct);

        Assert.Equal(1, network.Links.Count);
        var meeting = network.Links[0];
        Assert.Equal(new ContactPair(ana, eli), new ContactPair(meeting.A, meeting.B));
        Assert.True(meeting.Inferred);
        Assert.Equal(LinkKind.Inferred, meeting.Kind);
        Assert.Equal("They were in a meeting together.", meeting.Reason);
        Assert.Equal(meeting, network.Links.Find(eli, ana));
        Assert.Equal(meeting, network.Links.Find(ana, eli));
        Assert.Null(network.Links.Find(carl, finn));
        Assert.Null(network.Links.Find(ana, ana));
        Assert.Same(network.PathGraph, network.PathGraph);

        // The band a year ago is what the touches up to then give, measured then.
        var yearAgo = Now.AddDays(-InsightSettings.Default.RecentWindowDays);
        var then = ContactStats.FromHistory(hal, halTouches.Where(t => t <= yearAgo).Select(t => new Touch(t, Channel.InPerson, Direction.Mutual)), network.Nurture, yearAgo);
        var expected = InsightsNetwork.BandOf(then.Measure(yearAgo, network.Nurture).Label);
        Assert.True(expected.IsDormant());
        Assert.Equal(expected, network.ById[hal].BandYearAgo);
        Assert.False(network.ById[hal].Band.IsDormant());

        var report = BuildInsights.Analyze(network);
        Assert.Contains(report.Health.Recent.Revived, r => r.ContactId == hal);
        Assert.Equal(1, report.Links.InferredMeeting);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Load_ReadsEventsOrganizationsGoalsIntroductionsAndTheLedger_AsStored_LeavingTheTrashOut(string provider)
    {
        // The load reads these as plain rows (no EF Core query): each must equal what the model reads.
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(Clock);
        long ana, eli, carl;
        await using (var db = store.Open())
        {
            var people = new[] { new Contact("Ana Silva", Now.AddYears(-2)), new Contact("Eli Engel", Now.AddYears(-2)), new Contact("Carl Costa", Now.AddYears(-2)) };
            db.Contacts.AddRange(people);
            var guild = new Organization("Design Guild", OrganizationKind.Community) { MeetingCadenceDays = 30 };
            db.Organizations.AddRange(guild, new Organization("Acme", OrganizationKind.Company), new Organization("Gone", OrganizationKind.Alumni) { DeletedAt = Now });
            await db.SaveChangesAsync(ct);
            (ana, eli, carl) = (people[0].Id, people[1].Id, people[2].Id);
            db.Events.AddRange(
                new NetworkEvent("Summit", EventKind.Conference, Now.AddDays(-40)) { Size = 1200, Cost = 349.95m, MinutesSpent = 480, OrganizerId = guild.Id, Attending = true },
                new NetworkEvent("Meetup", EventKind.Meetup, Now.AddDays(-90)) { Cost = 0.5m },
                new NetworkEvent("Dropped", EventKind.Other, Now.AddDays(-10)) { DeletedAt = Now });
            var goal = new Goal("Find a mentor", GoalKind.FindMentors, Now) { TargetRoles = "staff engineer; principal", TargetIndustries = "software", TargetRelation = GoalRelation.Mentor, TargetCount = 2 };
            goal.Link(GoalLinkKind.Contact, ana);
            goal.Link(GoalLinkKind.Organization, guild.Id);
            db.Goals.AddRange(goal, new Goal("Old", GoalKind.Other, Now) { Status = GoalStatus.Achieved });
            db.Introductions.Add(new Introduction(carl, ana, eli, DateOnly.FromDateTime(Now.AddDays(-5))));
            db.Exchanges.AddRange(
                new Exchange(ana, ExchangeDirection.Give, ExchangeKind.Advice, ExchangeStatus.Done, DateOnly.FromDateTime(Now.AddDays(-20))) { Note = "CV review" },
                new Exchange(ana, ExchangeDirection.Ask, ExchangeKind.Referral, ExchangeStatus.Done, DateOnly.FromDateTime(Now.AddDays(-10))),
                new Exchange(eli, ExchangeDirection.Give, ExchangeKind.Help, ExchangeStatus.Done, DateOnly.FromDateTime(Now.AddYears(-9))));
            await db.SaveChangesAsync(ct);
        }

        await using var read = store.Open();
        var network = await InsightsNetwork.LoadAsync(read, Now, ct);

        var organizations = await read.Organizations.AsNoTracking().OrderBy(o => o.Id).ToListAsync(ct);
        Assert.Equal(organizations.Select(o => new InsightsOrganization(o.Id, o.Name, o.Kind, o.MeetingCadenceDays)), network.Organizations);
        Assert.Equal(2, network.Organizations.Count);
        var events = await read.Events.AsNoTracking().OrderBy(e => e.StartsAt).ThenBy(e => e.Id).ToListAsync(ct);
        Assert.Equal(events.Select(e => new InsightsEvent(e.Id, e.Name, e.StartsAt, e.Size, e.Cost, e.MinutesSpent, e.OrganizerId, e.Attending)), network.Events);
        Assert.Equal(["Meetup", "Summit"], network.Events.Select(e => e.Name));
        Assert.Equal(349.95m, network.Events[1].Cost);

        var profile = Assert.Single(network.Goals);
        Assert.Equal(("Find a mentor", GoalRelation.Mentor, (int?)2), (profile.Title, profile.Relation, profile.TargetCount));
        Assert.Equal(["staff engineer", "principal"], profile.Roles);
        Assert.Equal(["software"], profile.Industries);
        Assert.Equal([ana], profile.LinkedContactIds);

        // The introduction links all three; the ledger counts the gives and asks in its window (the nine-year-old give is out).
        Assert.NotNull(network.Links.Find(ana, eli));
        Assert.NotNull(network.Links.Find(carl, ana));
        Assert.Equal((1, 1), (network.ById[ana].Gives, network.ById[ana].Asks));
        Assert.Equal((0, 0), (network.ById[eli].Gives, network.ById[eli].Asks));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Load_TakesTheGoalsTheModelCallsActive_NameForName(string provider)
    {
        // Stored names are compared exactly, as EF Core compares them: a hand-edited 'active' is not Active, and a goal
        // that is not active is not read at all (an unknown status there breaks nothing).
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(Clock);
        await using (var db = store.Open())
        {
            db.Goals.AddRange(new Goal("Kept", GoalKind.Other, Now), new Goal("Edited", GoalKind.Other, Now), new Goal("Odd", GoalKind.Other, Now));
            await db.SaveChangesAsync(ct);
            await db.Database.ExecuteSqlRawAsync("""UPDATE "Goals" SET "Status" = 'active' WHERE "Title" = 'Edited'""", ct);
            await db.Database.ExecuteSqlRawAsync("""UPDATE "Goals" SET "Status" = 'Paused' WHERE "Title" = 'Odd'""", ct);
        }

        await using var read = store.Open();
        var network = await InsightsNetwork.LoadAsync(read, Now, ct);

        Assert.Equal(["Kept"], network.Goals.Select(g => g.Title));
        Assert.Equal(1, await read.Goals.CountAsync(g => g.Status == GoalStatus.Active && g.Title != "Odd", ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Load_InsideATransaction_ReadsItsOwnUncommittedHistory(string provider)
    {
        // The history is read on a second connection beside the load, except inside a transaction, whose writes only
        // its own connection sees.
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(Clock);
        await using var db = store.Open();
        var ana = new Contact("Ana Silva", Now.AddYears(-2));
        var eli = new Contact("Eli Engel", Now.AddYears(-2));
        db.Contacts.AddRange(ana, eli);
        await db.SaveChangesAsync(ct);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Interactions.Add(new Interaction(Now.AddDays(-3), Channel.Video, Direction.Mutual, InteractionSource.Calendar, [ana.Id, eli.Id]));
        await db.SaveChangesAsync(ct);
        var inside = await InsightsNetwork.LoadAsync(db, Now, ct);
        await tx.RollbackAsync(ct);

        Assert.NotNull(inside.Links.Find(ana.Id, eli.Id));
        Assert.Null((await InsightsNetwork.LoadAsync(db, Now, ct)).Links.Find(ana.Id, eli.Id));
    }

    [Fact]
    public async Task Cache_KeepsTheSnapshotUntilInvalidated_ThenReadsTheChange()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync("sqlite");
        var store = await test.MigratedStoreAsync(Clock);
        await using (var db = store.Open())
        {
            db.Contacts.Add(new Contact("Ana Silva", Now.AddYears(-1)));
            await db.SaveChangesAsync(ct);
        }
        var cache = new InsightsCache();
        await using var read = store.Open();

        var first = await cache.GetAsync(read, Now, ct);
        await using (var db = store.Open())
        {
            db.Contacts.Add(new Contact("Bea Braun", Now.AddYears(-1)));
            await db.SaveChangesAsync(ct);
        }
        // Kept: the same load, the write not seen yet.
        Assert.Same(first, await cache.GetAsync(read, Now.AddMinutes(1), ct));
        Assert.Equal(1, first.Report.Contacts);

        cache.Invalidate(read.AccountId);
        var second = await cache.GetAsync(read, Now.AddMinutes(2), ct);
        Assert.NotSame(first, second);
        Assert.Equal(2, second.Report.Contacts);
        // The use case reads the kept report too.
        Assert.Same(second.Report, await new BuildInsights(read, new TestClock(Now.AddMinutes(3)), cache).ExecuteAsync(ct));

        // Past the maximum age, and on a new day, it is read again.
        Assert.NotSame(second, await cache.GetAsync(read, Now.AddMinutes(2) + cache.MaxAge, ct));
        Assert.NotSame(second, await cache.GetAsync(read, Now.Date.AddDays(1).AddMinutes(1), ct));
    }
}
