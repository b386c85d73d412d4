using Rapport.App.Common;
using Rapport.App.Insights;
using Rapport.App.Interactions;
using Rapport.App.Nurture;
using Rapport.Data.Storage;
using Rapport.Data.Tests.Support;
using Rapport.Domain.Contacts;
using Rapport.Domain.Events;
using Rapport.Domain.Exchanges;
using Rapport.Domain.Insights;
using Rapport.Domain.Insights.Paths;
using Rapport.Domain.Insights.Returns;
using Rapport.Domain.Interactions;
using Rapport.Domain.Organizations;

namespace Rapport.Data.Tests.Insights;

/// <summary>The insights and warm-path use cases over a small network written to a real database.</summary>
public class InsightsTest
{
    private static readonly DateTime Now = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);
    private static readonly TestClock Clock = new(Now);

    /// <summary>
    /// You are close to Bea (weekly for a year), and Bea knows Ana well (an entered link); Carl worked at Acme with Ana at the same
    /// time (an inferred link); Dora was close three years ago and has been silent for two; Eli you met at a meetup eight months ago
    /// and still see; Finn you asked three favours of.
    /// </summary>
    private sealed record Network(long Ana, long Bea, long Carl, long Dora, long Eli, long Finn, long Meetup);

    private static async Task<Network> WriteAsync(RapportStore store)
    {
        await using var db = store.Open();
        Contact Person(string name, string? company, string? title, string? industry)
        {
            var c = new Contact(name, Now.AddYears(-4)) { Company = company, Title = title, Industry = industry, Function = "product", City = "Berlin" };
            db.Contacts.Add(c);
            return c;
        }
        var ana = Person("Ana Silva", "Acme", "Lead Product Designer", "design");
        var bea = Person("Bea Braun", "Globex", "Engineering Manager", "software");
        var carl = Person("Carl Costa", "Initech", "Sales Director", "fintech");
        var dora = Person("Dora Diaz", "Umbrella", "VP Product", "health");
        var eli = Person("Eli Engel", "Hooli", "Data Scientist", "software");
        var finn = Person("Finn Fox", "Stark", "Recruiter", "software");
        var guild = new Organization("Berlin Product Guild", OrganizationKind.Community) { MeetingCadenceDays = 30 };
        var acme = new Organization("Acme", OrganizationKind.Company);
        db.Organizations.AddRange(guild, acme);
        await db.SaveChangesAsync();

        void Touches(Contact c, DateTime from, int count, int everyDays, Direction direction = Direction.Mutual)
        {
            for (var i = 0; i < count; i++)
                db.Interactions.Add(new Interaction(from.AddDays(i * everyDays), Channel.InPerson, direction, InteractionSource.Manual, [c.Id]));
        }
        Touches(bea, Now.AddDays(-360), 52, 7);
        Touches(ana, Now.AddDays(-200), 2, 60);
        Touches(carl, Now.AddDays(-100), 3, 30);
        Touches(dora, Now.AddYears(-5), 60, 14);
        Touches(finn, Now.AddDays(-90), 4, 20);
        Touches(eli, Now.AddDays(-240), 12, 20);

        db.ContactLinks.Add(new ContactLink(bea.Id, ana.Id, LinkKind.Friend, 0.8, inferred: false, Now.AddYears(-1)));
        db.Memberships.Add(new Membership(acme.Id, ana.Id, MembershipRole.Employee, new DateOnly(2020, 1, 1), null));
        db.Memberships.Add(new Membership(acme.Id, carl.Id, MembershipRole.Employee, new DateOnly(2019, 1, 1), new DateOnly(2022, 6, 30)));

        var meetup = new NetworkEvent("Product Guild #1", EventKind.Meetup, Now.AddDays(-240)) { Attending = true, OrganizerId = guild.Id, Size = 30, Cost = 10m, MinutesSpent = 150 };
        db.Events.Add(meetup);
        await db.SaveChangesAsync();
        db.Attendances.Add(new Attendance(meetup.Id, eli.Id, met: true));
        for (var i = 0; i < 3; i++)
            db.Exchanges.Add(new Exchange(finn.Id, ExchangeDirection.Ask, ExchangeKind.Favor, ExchangeStatus.Done, DateOnly.FromDateTime(Now.AddDays(-30 * (i + 1)))));
        await db.SaveChangesAsync();
        return new Network(ana.Id, bea.Id, carl.Id, dora.Id, eli.Id, finn.Id, meetup.Id);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Insights_ReportShapeLedgerReturnsAndDormantTies_OnBothProviders(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(Clock);
        var n = await WriteAsync(store);
        await using var db = store.Open();

        var report = await new BuildInsights(db, Clock).ExecuteAsync(TestContext.Current.CancellationToken);

        Assert.Equal(6, report.Contacts);
        Assert.Equal(6, report.Health.Shape.Sum(r => r.Count));
        Assert.Equal(1, report.Health.Shape.Single(r => r.Band == "dormant").Count);
        Assert.Equal(1, report.Links.Entered);
        Assert.Equal(1, report.Links.InferredColleague);
        // Finn was asked three times and given nothing: give first.
        Assert.Equal(3, report.Health.GiveAsk.Asks);
        Assert.Contains(report.Health.GiveAsk.GiveFirst, g => g.ContactId == n.Finn);
        // Dora: close once, silent for years: the one tie worth reviving, and no job lead.
        var revive = Assert.Single(report.Reconnect);
        Assert.Equal(n.Dora, revive.ContactId);
        Assert.True(revive.YearsDormant > 1.5);
        Assert.DoesNotContain(report.JobLeads, j => j.ContactId == n.Dora);
        // Eli, met at the meetup eight months ago and still in touch, is a lasting relationship of the guild.
        var ev = Assert.Single(report.Returns.Events, e => e.EventId == n.Meetup);
        Assert.Equal(new Yield(1, 1, 0), ev.Yield);
        var guild = Assert.Single(report.Returns.Communities, c => c.Name == "Berlin Product Guild");
        Assert.Equal(1, guild.Yield.Lasting);
        Assert.Equal(10m, guild.Cost);
        // Every dimension is measured for reach and active ties; the brokerage view says what it rests on.
        Assert.Equal(5, report.Diversity.Dimensions.Count);
        var industry = report.Diversity.Dimensions.Single(d => d.Dimension == Domain.Insights.Diversity.DiversityDimension.Industry);
        Assert.Equal(4, industry.Reach.Categories);
        Assert.Equal(0.5, industry.Shares.Single(v => v.Value == "software").ReachShare, 3);
        // Bea–Ana was entered; Carl–Ana is only guessed from their time at Acme, which SCIENCE.md E weighs as an unknown pair.
        Assert.Equal(1, report.StructuralHoles.KnownLinks);
        Assert.False(string.IsNullOrWhiteSpace(report.StructuralHoles.Summary));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Insights_CountATieAsNewFromWhenYouMet_AndLeaveUntrustedContactsOutOfJobLeads_OnBothProviders(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(Clock);
        var n = await WriteAsync(store);
        await using (var db = store.Open())
        {
            var before = await new BuildInsights(db, Clock).ExecuteAsync(TestContext.Current.CancellationToken);
            // Carl first appears in the log this year; Ana is a job lead (a mutual contact, a light touch).
            Assert.Contains(before.Health.Recent.New, c => c.ContactId == n.Carl);
            Assert.Contains(before.JobLeads, j => j.ContactId == n.Ana);
        }
        await using (var db = store.Open())
        {
            // You have known Carl since 2019, long before the first interaction you logged; Ana you no longer trust.
            var carl = await db.Contacts.FindAsync([n.Carl], TestContext.Current.CancellationToken);
            carl!.KnownSince = new DateOnly(2019, 3, 1);
            var ana = await db.Contacts.FindAsync([n.Ana], TestContext.Current.CancellationToken);
            ana!.SetTrust(0);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        await using (var db = store.Open())
        {
            var report = await new BuildInsights(db, Clock).ExecuteAsync(TestContext.Current.CancellationToken);
            Assert.DoesNotContain(report.Health.Recent.New, c => c.ContactId == n.Carl);
            Assert.Contains(report.Health.Recent.New, c => c.ContactId == n.Eli);
            Assert.DoesNotContain(report.JobLeads, j => j.ContactId == n.Ana);
            Assert.All(report.JobLeads, j => Assert.Contains("mutual contact", j.Why, StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Insights_UseYourTierRanksCadencesAndGiveFirstSettings_OnBothProviders(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(Clock);
        var n = await WriteAsync(store);
        var ct = TestContext.Current.CancellationToken;
        await using (var db = store.Open())
        {
            await NurtureSettingsStore.SetAsync(db, "rank.inner", "3", ct);
            await NurtureSettingsStore.SetAsync(db, "cadence.inner", "14", ct);
            await NurtureSettingsStore.SetAsync(db, "cadence.close", "60", ct);
            await NurtureSettingsStore.SetAsync(db, "give-first.asks", "1", ct);
            // One ask of Eli, nothing given: give first under give-first.asks 1, not under the default 2.
            db.Exchanges.Add(new Exchange(n.Eli, ExchangeDirection.Ask, ExchangeKind.Advice, ExchangeStatus.Done, DateOnly.FromDateTime(Now.AddDays(-3))));
            await db.SaveChangesAsync(ct);
        }
        await using var read = store.Open();

        var report = await new BuildInsights(read, Clock).ExecuteAsync(ct);

        var tiers = report.Health.Capacity.Tiers;
        Assert.Equal(3, tiers[0].CumulativeCapacity);
        Assert.True(tiers[0].Count <= 3);
        Assert.Equal(tiers[0].Count * 7.0 / 14 + tiers[1].Count * 7.0 / 60 + tiers[2].Count * 7.0 / 90 + tiers[3].Count * 7.0 / 365,
            report.Health.Capacity.TouchesPerWeekNeeded, 12);
        Assert.Contains(report.Health.GiveAsk.GiveFirst, g => g.ContactId == n.Eli);
    }

    private const string MoreSenior = "more senior than when you were last in touch";

    private static async Task SetSeniorityAsync(RapportStore store, long contactId, Seniority seniority)
    {
        await using var db = store.Open();
        var contact = await db.Contacts.FindAsync([contactId], TestContext.Current.CancellationToken);
        contact!.Seniority = seniority;
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<(bool Insights, bool Plan)> ReconnectSaysMoreSeniorAsync(RapportStore store, long contactId)
    {
        await using var db = store.Open();
        var report = await new BuildInsights(db, Clock).ExecuteAsync(TestContext.Current.CancellationToken);
        var plan = await new App.Nurture.PlanService(db, Clock).BuildAsync(TestContext.Current.CancellationToken);
        var row = Assert.Single(report.Reconnect, r => r.ContactId == contactId);
        var item = Assert.Single(plan.Today.Concat(plan.Week), i => i.ContactId == contactId && i.Action == Domain.Nurture.PlanAction.Reconnect);
        return (row.Why.Any(w => w.Contains(MoreSenior, StringComparison.Ordinal)), item.Reason.Contains(MoreSenior, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task APromotionSinceTheLastLoggedTouch_RaisesReconnectPriority_InInsightsAndThePlan_OnBothProviders(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(Clock);
        var n = await WriteAsync(store);
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal((false, false), await ReconnectSaysMoreSeniorAsync(store, n.Dora));

        // Dora, a manager when you last wrote to her two years ago, is a director now.
        await SetSeniorityAsync(store, n.Dora, Seniority.Manager);
        await using (var db = store.Open())
            await new LogInteraction(db, Clock).ExecuteAsync(new LogRequest("Dora Diaz", "email") { Date = "2024-11-01" }, ct);
        await SetSeniorityAsync(store, n.Dora, Seniority.Director);
        Assert.Equal((true, true), await ReconnectSaysMoreSeniorAsync(store, n.Dora));

        // A touch logged from before the last one does not change what she was when you were last in touch.
        await using (var db = store.Open())
            await new LogInteraction(db, Clock).ExecuteAsync(new LogRequest("Dora Diaz", "call") { Date = "2023-05-01" }, ct);
        Assert.Equal((true, true), await ReconnectSaysMoreSeniorAsync(store, n.Dora));
        await using (var db = store.Open())
            Assert.Equal(Seniority.Manager, (await db.Contacts.FindAsync([n.Dora], ct))!.SeniorityAtLastContact);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task InteractionsWrittenInBulk_RecordTheSeniorityAtTheLastTouch_WhenTheAggregatesAreRebuilt_OnBothProviders(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(Clock);
        var n = await WriteAsync(store);
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal((false, false), await ReconnectSaysMoreSeniorAsync(store, n.Dora));

        // As an import does: interactions written straight to the table, then the aggregates of their contacts rebuilt.
        await SetSeniorityAsync(store, n.Dora, Seniority.Manager);
        await using (var db = store.Open())
        {
            db.Interactions.Add(new Interaction(Now.AddYears(-2), Channel.Email, Direction.Out, InteractionSource.Import, [n.Dora]));
            await db.SaveChangesAsync(ct);
            await App.Nurture.ContactStatsRefresher.RebuildAsync(db, [n.Dora], ct);
        }
        await SetSeniorityAsync(store, n.Dora, Seniority.Director);

        Assert.Equal((true, true), await ReconnectSaysMoreSeniorAsync(store, n.Dora));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AReconnectFirst_SaysHowLongItHasBeen_AndADormantTieAtAYearlyCadenceIsReconnectedWith_OnBothProviders(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(Clock);
        await WriteAsync(store);
        var ct = TestContext.Current.CancellationToken;
        long gina, hal;
        await using (var db = store.Open())
        {
            // Gina, in your inner circle (a touch a week), last seen 36 days ago; Hal, at the network tier (a touch a year),
            // last seen 22 months ago: a lapse of 1.8 by his cadence, but a dormant tie.
            var g = new Contact("Gina Gold", Now.AddYears(-3)) { TierPin = Tier.Inner };
            var h = new Contact("Hal Hart", Now.AddYears(-5)) { TierPin = Tier.Network };
            db.Contacts.AddRange(g, h);
            await db.SaveChangesAsync(ct);
            (gina, hal) = (g.Id, h.Id);
            db.Interactions.Add(new Interaction(Now.AddDays(-36), Channel.InPerson, Direction.Mutual, InteractionSource.Manual, [gina]));
            for (var i = 0; i < 12; i++)
                db.Interactions.Add(new Interaction(Now.AddDays(-670 - 30 * i), Channel.InPerson, Direction.Mutual, InteractionSource.Manual, [hal]));
            await db.SaveChangesAsync(ct);
        }
        await using var read = store.Open();
        var paths = new WarmPaths(read, Clock);

        var toGina = (await paths.ToContactAsync(gina, ct: ct)).Paths[0];
        var toHal = (await paths.ToContactAsync(hal, ct: ct)).Paths[0];

        Assert.Equal("reconnect-first", toGina.Opening);
        Assert.Equal("Reconnect first: you have not been in touch with Gina Gold for 5 weeks, more than twice your rhythm of a touch every 7 days, so this message only catches up.", toGina.Note);
        Assert.Contains("It has been a few weeks", toGina.Ask.Body, StringComparison.Ordinal);
        Assert.Equal("reconnect-first", toHal.Opening);
        Assert.Equal("Reconnect first: you have not been in touch with Hal Hart for 22 months, so this message only catches up.", toHal.Note);
        Assert.Contains("It has been about 2 years and I would love to catch up.", toHal.Ask.Body, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AContactInTheTrash_IsNobodysMutualContact_InTheInsightsOrTheStandings_OnBothProviders(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(Clock);
        var n = await WriteAsync(store);
        var ct = TestContext.Current.CancellationToken;
        async Task<(int Insights, int Standings)> AnasMutualsAsync()
        {
            await using var db = store.Open();
            var network = await InsightsNetwork.LoadAsync(db, Now, ct);
            var snapshot = await App.Nurture.NetworkLoader.LoadAsync(db, Now, ct);
            return (network.Contacts.Single(c => c.Id == n.Ana).Mutuals, snapshot.Input.Contacts.Single(c => c.Id == n.Ana).Mutuals);
        }
        Assert.Equal((1, 1), await AnasMutualsAsync());

        // Bea, who knows Ana, goes to the trash: her link stays stored (a restore brings it back) but counts for nobody.
        await using (var db = store.Open())
        {
            var bea = await db.Contacts.FindAsync([n.Bea], ct);
            bea!.DeletedAt = Now;
            await db.SaveChangesAsync(ct);
        }
        Assert.Equal((0, 0), await AnasMutualsAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Path_GoesThroughTheFriendWhoKnowsTheTarget_AndMarksInferredLinks_OnBothProviders(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(Clock);
        var n = await WriteAsync(store);
        long gia;
        await using (var setup = store.Open())
        {
            // Gia is someone to meet: never in touch. Bea knows her; she worked at Acme with Carl; Dora, last seen years ago, knows her too.
            var g = new Contact("Gia Gold", Now.AddYears(-4)) { Company = "Acme", Title = "Researcher", City = "Berlin" };
            setup.Contacts.Add(g);
            await setup.SaveChangesAsync();
            gia = g.Id;
            setup.ContactLinks.Add(new ContactLink(n.Bea, gia, LinkKind.Friend, 0.8, inferred: false, Now.AddYears(-1)));
            setup.ContactLinks.Add(new ContactLink(n.Dora, gia, LinkKind.Friend, 0.9, inferred: false, Now.AddYears(-1)));
            setup.Memberships.Add(new Membership(setup.Organizations.Single(o => o.Name == "Acme").Id,
                gia, MembershipRole.Employee, new DateOnly(2020, 1, 1), null));
            await setup.SaveChangesAsync();
        }
        await using var db = store.Open();
        var paths = new WarmPaths(db, Clock);

        var result = await paths.FindAsync("Gia Gold", maxHops: 3, ct: TestContext.Current.CancellationToken);

        Assert.Equal("person", result.TargetKind);
        var best = result.Paths[0];
        Assert.Equal([n.Bea, gia], best.Hops.Select(h => h.ContactId));
        Assert.Equal("you", best.Hops[0].Via);
        Assert.Equal("link", best.Hops[1].Via);
        Assert.Equal(0.8, best.Hops[1].Strength, 3);
        Assert.Equal(best.Hops[0].Strength * best.Hops[1].Strength, best.Strength, 3);
        Assert.Equal(n.Bea, best.Ask.ToContactId);
        Assert.Equal("ask", best.Opening);
        Assert.False(best.ReconnectFirst);
        Assert.Contains("Gia Gold", best.Ask.Body, StringComparison.Ordinal);
        Assert.True(result.Paths.Zip(result.Paths.Skip(1)).All(p => p.First.Strength >= p.Second.Strength));
        // Nobody you know is passed through after the first hop.
        Assert.All(result.Paths, p => Assert.All(p.Hops.Skip(1), h => Assert.Equal(gia, h.ContactId)));
        // Dora was last seen years ago: the message to her reconnects first and says so.
        var viaDora = Assert.Single(result.Paths, p => p.Hops[0].ContactId == n.Dora);
        Assert.Equal("reconnect-first", viaDora.Opening);
        Assert.True(viaDora.ReconnectFirst);
        Assert.Contains("Reconnect first", viaDora.Note, StringComparison.Ordinal);
        Assert.DoesNotContain("introduc", viaDora.Ask.Body, StringComparison.OrdinalIgnoreCase);
        // Through Carl the last hop rests on overlapping time at Acme: inferred, and it says so.
        var wide = IntroPathFinder.Find((await InsightsCache.NetworkAsync(db, Clock, null, TestContext.Current.CancellationToken)).PathGraph,
            IntroTarget.Person(gia, "Gia Gold"), top: 10);
        Assert.Contains(wide.Paths, p => p.Hops[0].ContactId == n.Carl);

        // Ana you know yourself: the direct tie is the answer, with no introduction paths to her.
        var ana = await paths.FindAsync("Ana Silva", ct: TestContext.Current.CancellationToken);
        Assert.Equal([[n.Ana]], ana.Paths.Select(p => p.Hops.Select(h => h.ContactId).ToArray()));
        Assert.StartsWith("You know Ana Silva directly", ana.Summary, StringComparison.Ordinal);
        var byHash = await paths.FindAsync($"#{n.Ana}", ct: TestContext.Current.CancellationToken);
        Assert.Equal(ana.Paths.Select(p => p.Strength), byHash.Paths.Select(p => p.Strength));

        var company = await paths.FindAsync("acme", ct: TestContext.Current.CancellationToken);
        Assert.Equal("company", company.TargetKind);
        Assert.Equal([n.Ana], company.Paths.Where(p => p.Hops.Count == 1).Select(p => p.Hops[0].ContactId).Where(id => id == n.Ana));
        Assert.All(company.Paths.Where(p => p.Hops.Count > 1), p => Assert.Equal(gia, p.Hops[^1].ContactId));
        var role = await paths.FindAsync("product designer", ct: TestContext.Current.CancellationToken);
        Assert.Equal("role", role.TargetKind);
        Assert.Equal(1, role.Matches);
        var direct = await paths.ToContactAsync(n.Bea, ct: TestContext.Current.CancellationToken);
        Assert.Equal([n.Bea], direct.Paths[0].Hops.Select(h => h.ContactId));
        var oneHop = await paths.FindAsync("Gia Gold", maxHops: 1, ct: TestContext.Current.CancellationToken);
        var cold = Assert.Single(oneHop.Paths);
        Assert.Equal("first-contact", cold.Opening);
        Assert.DoesNotContain("It has been a while", cold.Ask.Body, StringComparison.Ordinal);

        var none = await Assert.ThrowsAsync<InputException>(() => paths.FindAsync("Nobody At All", ct: TestContext.Current.CancellationToken));
        Assert.Contains("no contact, company or role matches 'Nobody At All'", none.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InputException>(() => paths.FindAsync("Ana Silva", maxHops: 0, ct: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Graph_HoldsTheStrongestContacts_AndOnlyLinksAmongThem()
    {
        await using var test = await TestDatabase.CreateAsync("sqlite");
        var store = await test.MigratedStoreAsync(Clock);
        var n = await WriteAsync(store);
        await using var db = store.Open();

        var all = await new NetworkGraph(db, Clock).ExecuteAsync(ct: TestContext.Current.CancellationToken);
        var two = await new NetworkGraph(db, Clock).ExecuteAsync(limit: 2, ct: TestContext.Current.CancellationToken);
        var design = await new NetworkGraph(db, Clock).ExecuteAsync(industry: "design", ct: TestContext.Current.CancellationToken);

        Assert.Equal(6, all.Nodes.Count);
        Assert.Contains(all.Edges, e => e.Inferred && e.Reason is not null);
        Assert.Contains(all.Edges, e => !e.Inferred && e.Source == Math.Min(n.Ana, n.Bea) && e.Target == Math.Max(n.Ana, n.Bea));
        Assert.Equal(2, two.Nodes.Count);
        Assert.Equal(all.Nodes.OrderByDescending(x => x.Strength).Take(2).Select(x => x.Id).Order(), two.Nodes.Select(x => x.Id).Order());
        var ids = two.Nodes.Select(x => x.Id).ToHashSet();
        Assert.All(two.Edges, e => Assert.True(ids.Contains(e.Source) && ids.Contains(e.Target)));
        Assert.Equal([n.Ana], design.Nodes.Select(x => x.Id));
        await Assert.ThrowsAsync<InputException>(() => new NetworkGraph(db, Clock).ExecuteAsync(limit: 0, ct: TestContext.Current.CancellationToken));
    }
}
