using Rapport.App.Nurture;
using Rapport.Data.Storage;
using Rapport.Domain.Collaborations;
using Rapport.Domain.Contacts;
using Rapport.Domain.Events;
using Rapport.Domain.Exchanges;
using Rapport.Domain.Goals;
using Rapport.Domain.Interactions;
using Rapport.Domain.Invitations;
using Rapport.Domain.Opportunities;
using Rapport.Domain.Organizations;
using Rapport.Domain.Reminders;
using Rapport.Domain.Settings;
using Rapport.Domain.Trips;
using static Rapport.App.Demo.DemoVocabulary;

namespace Rapport.App.Demo;

/// <summary>How big the demo network is and which seed makes it.</summary>
public sealed record DemoOptions(int Contacts = 300, int Seed = 1)
{
    public static DemoOptions Default { get; } = new();
}

/// <summary>What the demo wrote.</summary>
public sealed record DemoSummary(int Contacts, int Interactions, int Organizations, int Events, int Links, int Exchanges)
{
    public override string ToString() =>
        $"{Contacts} contacts, {Interactions} interactions, {Organizations} organizations, {Events} events, {Links} links, {Exchanges} gives and asks";
}

/// <summary>
/// Writes a realistic synthetic network from a fixed seed: the same seed and clock always give the
/// same network. A few close ties, many weak ones, some gone dormant; three years of touchpoints on
/// every channel; organizations, events, goals, opportunities, life events, trips and the ledger.
/// Everything is written in one transaction, in batches, so it scales to 100,000 contacts.
/// </summary>
public sealed class DemoWriter(RapportStore store, TimeProvider clock)
{
    private const int Batch = 5000;

    private enum Rhythm { Inner, Close, Regular, Occasional, Weak, Dormant, Silent }

    public async Task<DemoSummary> WriteAsync(DemoOptions options, IProgress<string>? progress, CancellationToken ct)
    {
        if (options.Contacts is < 1 or > 1_000_000) throw new Common.InputException("contacts", $"contacts: expected 1 to 1000000, got {options.Contacts}");
        var rng = new Random(options.Seed);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var start = now.AddYears(-3);

        await using var db = store.Open();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var bulk = new BulkWriter(db);

        // Your own profile: the settings that tell in-field from out-of-field and where home is.
        var settings = new List<AccountSetting>
        {
            new("own.industry", "software"), new("own.function", "product"), new("home.city", "Berlin"), new("own.emails", "me@example.org"),
        };
        var existing = db.Settings.Select(s => s.Key).ToHashSet();
        await bulk.InsertAsync(settings.Where(s => !existing.Contains(s.Key)).ToList(), ct);

        // Organizations: employers, plus the associations, alumni networks and communities you take part in.
        var companyCount = Math.Clamp(options.Contacts / 6, 8, 2000);
        var companies = new List<Organization>();
        for (var i = 0; i < companyCount; i++)
        {
            var industry = Pick(rng, Industries);
            var suffixes = CompanySuffixes[industry];
            var name = $"{CompanyStems[i % CompanyStems.Length]} {suffixes[(i / CompanyStems.Length) % suffixes.Length]}{(i >= CompanyStems.Length * suffixes.Length ? $" {i / (CompanyStems.Length * suffixes.Length) + 1}" : "")}";
            var (city, _) = Pick(rng, Cities);
            companies.Add(new Organization(name, OrganizationKind.Company) { Industry = industry, City = city, Website = $"https://{name.ToLowerInvariant().Replace(' ', '-')}.example" });
        }
        var communities = new List<Organization>
        {
            new("Berlin Product Guild", OrganizationKind.Association) { City = "Berlin", Industry = "software", MeetingCadenceDays = 30 },
            new("Women in Data Berlin", OrganizationKind.Community) { City = "Berlin", Industry = "software", MeetingCadenceDays = 30 },
            new("TU Munich Alumni", OrganizationKind.Alumni) { City = "Munich" },
            new("Climate Builders", OrganizationKind.Community) { City = "Berlin", Industry = "climate tech", MeetingCadenceDays = 60 },
            new("Design Systems Meetup", OrganizationKind.Community) { City = "Berlin", Industry = "design", MeetingCadenceDays = 45 },
            new("Technical University of Munich", OrganizationKind.University) { City = "Munich" },
        };
        var orgs = companies.Concat(communities).ToList();
        await bulk.InsertAsync(orgs, ct);
        var myCompany = companies[0];
        var myPastCompany = companies[1];
        var memberships = new List<Membership>
        {
            new(myCompany.Id, null, MembershipRole.Employee, today.AddYears(-2), null) { Title = "Senior Product Manager" },
            new(myPastCompany.Id, null, MembershipRole.Employee, today.AddYears(-6), today.AddYears(-2)) { Title = "Product Manager" },
            new(communities[0].Id, null, MembershipRole.Committee, today.AddYears(-3), null),
            new(communities[1].Id, null, MembershipRole.Member, today.AddYears(-2), null),
            new(communities[2].Id, null, MembershipRole.Alumnus, today.AddYears(-10), null),
            new(communities[3].Id, null, MembershipRole.Member, today.AddMonths(-8), null),
        };

        // Events: three years of conferences, meetups, org meetings and webinars, and a few coming up.
        var events = new List<NetworkEvent>();
        for (var m = 36; m >= 1; m--)
        {
            var day = now.AddMonths(-m).AddDays(rng.Next(0, 20)).Date.AddHours(18);
            var community = communities[m % 5 == 0 ? 3 : m % 3 == 0 ? 4 : m % 2];
            events.Add(new NetworkEvent($"{community.Name} #{40 - m}", EventKind.Meetup, DateTime.SpecifyKind(day, DateTimeKind.Utc))
            {
                City = community.City, OrganizerId = community.Id, Size = rng.Next(25, 90), Cost = 0, MinutesSpent = 150, Rating = rng.Next(2, 6), Attending = m % 4 != 1,
            });
            if (m % 6 == 0)
            {
                var conf = DateTime.SpecifyKind(now.AddMonths(-m).AddDays(rng.Next(0, 25)).Date.AddHours(9), DateTimeKind.Utc);
                var (name, city) = (m / 6 % 3) switch { 0 => ("Product Summit", "Amsterdam"), 1 => ("Web Summit", "Lisbon"), _ => ("Mind the Product", "London") };
                events.Add(new NetworkEvent($"{name} {conf.Year}", EventKind.Conference, conf)
                {
                    City = city, Size = rng.Next(800, 5000), Cost = rng.Next(4, 12) * 100, MinutesSpent = 60 * 16, Rating = rng.Next(2, 6), Attending = true, EndsAt = conf.AddDays(2),
                });
            }
            if (m % 4 == 2)
            {
                var web = DateTime.SpecifyKind(now.AddMonths(-m).AddDays(rng.Next(0, 25)).Date.AddHours(16), DateTimeKind.Utc);
                events.Add(new NetworkEvent($"Webinar: {Pick(rng, Topics)}", EventKind.Webinar, web) { Size = rng.Next(50, 400), Cost = 0, MinutesSpent = 60, Attending = true });
            }
        }
        var upcoming = new[]
        {
            new NetworkEvent("Berlin Product Guild #41", EventKind.Meetup, DateTime.SpecifyKind(now.Date.AddDays(9).AddHours(18), DateTimeKind.Utc)) { City = "Berlin", OrganizerId = communities[0].Id, Size = 60, Cost = 0, MinutesSpent = 150, Attending = true },
            new NetworkEvent("Climate Builders: hiring night", EventKind.Meetup, DateTime.SpecifyKind(now.Date.AddDays(4).AddHours(19), DateTimeKind.Utc)) { City = "Berlin", OrganizerId = communities[3].Id, Size = 40, Cost = 10, MinutesSpent = 120, Attending = true },
            new NetworkEvent($"Product Summit {now.Year + 1}", EventKind.Conference, DateTime.SpecifyKind(now.Date.AddDays(40).AddHours(9), DateTimeKind.Utc)) { City = "Amsterdam", Size = 3000, Cost = 900, MinutesSpent = 960, Attending = false },
        };
        events.AddRange(upcoming);
        await bulk.InsertAsync(events, ct);
        var pastAttended = events.Where(e => e.Attending && e.StartsAt < now).ToList();

        // Contacts, in batches, each with its rhythm of touchpoints.
        var allIds = new List<long>(options.Contacts);
        var companyOf = new List<int>(options.Contacts);
        var rhythms = new List<Rhythm>(options.Contacts);
        int interactionCount = 0, exchangeCount = 0;
        var usedEmails = new HashSet<string>();
        for (var done = 0; done < options.Contacts; done += Batch)
        {
            var n = Math.Min(Batch, options.Contacts - done);
            var contacts = new List<Contact>(n);
            var batchCompany = new List<int>(n);
            var batchRhythm = new List<Rhythm>(n);
            for (var k = 0; k < n; k++)
            {
                var index = done + k;
                var given = Pick(rng, GivenNames);
                var family = Pick(rng, FamilyNames);
                var c = new Contact($"{given} {family}", start.AddDays(rng.Next(0, 30))) { GivenName = given, FamilyName = family };
                var ci = index < 12 ? rng.Next(0, 2) : rng.Next(0, companies.Count);
                var company = companies[ci];
                var function = Pick(rng, Functions);
                var titles = TitlesByFunction[function];
                var level = rng.Next(0, titles.Length);
                c.Company = company.Name;
                c.Industry = company.Industry;
                c.Function = function;
                c.Title = titles[level];
                c.Seniority = SeniorityOf(c.Title);
                var (city, country) = rng.NextDouble() < 0.45 ? ("Berlin", "Germany") : Pick(rng, Cities);
                c.City = city;
                c.Country = country;
                var rhythm = RhythmFor(index, options.Contacts, rng);
                c.Kind = rhythm is Rhythm.Inner or Rhythm.Close ? RelationshipKind.Alliance : rng.NextDouble() < 0.1 ? RelationshipKind.Transactional : RelationshipKind.Acquaintance;
                if (rng.NextDouble() < 0.04) c.SetTrust(rng.NextDouble() < 0.5 ? 0 : 1);
                else if (rhythm is Rhythm.Inner or Rhythm.Close) c.SetTrust(3);
                var slug = $"{Ascii(given)}.{Ascii(family)}".ToLowerInvariant().Replace(' ', '-');
                var email = $"{slug}{(usedEmails.Contains($"{slug}@{Domain(company.Name)}") ? index.ToString(System.Globalization.CultureInfo.InvariantCulture) : "")}@{Domain(company.Name)}";
                if (rng.NextDouble() < 0.8 && usedEmails.Add(email)) c.AddEmail(email, "work");
                if (rng.NextDouble() < 0.3) c.AddPhone($"+49 30 {rng.Next(1000000, 9999999)}", "mobile");
                if (rng.NextDouble() < 0.75) c.SetProfile(ProfileNetwork.LinkedIn, $"https://www.linkedin.com/in/{slug.Replace('.', '-')}-{index}");
                c.SetCategories(CategoriesFor(rng, ci, rhythm));
                if (rng.NextDouble() < 0.3) c.SetDate(ImportantDateKind.Birthday, rng.Next(1, 13), rng.Next(1, 29), rng.NextDouble() < 0.5 ? rng.Next(1965, 2000) : null);
                if (rng.NextDouble() < 0.03) c.KeyPlayer = true;
                if (rng.NextDouble() < 0.01) c.WantToMeet = true;
                if (rng.NextDouble() < 0.05) c.SetCloseness(Math.Round(rng.NextDouble(), 2));
                c.KnownSince = DateOnly.FromDateTime(rhythm == Rhythm.Dormant ? start.AddDays(-rng.Next(200, 2000)) : start.AddDays(rng.Next(-1500, 900)));
                if (pastAttended.Count > 0 && rng.NextDouble() < 0.12)
                {
                    var e = Pick(rng, pastAttended);
                    c.MetAtEventId = e.Id;
                    c.HowWeMet = $"Met at {e.Name}";
                    c.KnownSince = DateOnly.FromDateTime(e.StartsAt);
                }
                else if (ci <= 1) c.HowWeMet = ci == 0 ? "We work together" : "Former colleague";
                if (rng.NextDouble() < 0.08) c.AddTag(Pick(rng, ["speaker", "hiring", "investor-network", "book-club", "running"]));
                contacts.Add(c);
                batchCompany.Add(ci);
                batchRhythm.Add(rhythm);
            }
            await bulk.InsertAsync(contacts, ct);

            var interactions = new List<Interaction>();
            var exchanges = new List<Exchange>();
            var lifeEvents = new List<LifeEvent>();
            var attendances = new List<Attendance>();
            for (var k = 0; k < n; k++)
            {
                var c = contacts[k];
                var ci = batchCompany[k];
                memberships.Add(new Membership(companies[ci].Id, c.Id, MembershipRole.Employee, DateOnly.FromDateTime(start.AddDays(-rng.Next(100, 2000))), null) { Title = c.Title });
                if (ci == 1 || rng.NextDouble() < 0.05)
                    memberships.Add(new Membership(myPastCompany.Id, c.Id, MembershipRole.Employee, today.AddYears(-6), today.AddYears(-2).AddDays(rng.Next(-300, 0))));
                if (rng.NextDouble() < 0.06) memberships.Add(new Membership(Pick(rng, communities).Id, c.Id, MembershipRole.Member, today.AddYears(-rng.Next(1, 4)), null));
                if (c.MetAtEventId is { } met) attendances.Add(new Attendance(met, c.Id, met: true));
                foreach (var i in Touches(rng, c.Id, batchRhythm[k], start, now, pastAttended)) interactions.Add(i);
                if (rng.NextDouble() < 0.04)
                {
                    var kind = rng.NextDouble() < 0.6 ? LifeEventKind.NewJob : LifeEventKind.Promotion;
                    lifeEvents.Add(new LifeEvent(c.Id, kind, today.AddDays(-rng.Next(0, 40)), detected: rng.NextDouble() < 0.5)
                    {
                        Note = kind == LifeEventKind.NewJob ? $"Now {c.Title} at {c.Company}" : $"Promoted to {c.Title}",
                    });
                }
                var rhythm = batchRhythm[k];
                var gives = rhythm switch { Rhythm.Inner => rng.Next(1, 5), Rhythm.Close => rng.Next(0, 4), Rhythm.Regular => rng.Next(0, 2), _ => rng.NextDouble() < 0.05 ? 1 : 0 };
                var asks = rhythm switch { Rhythm.Inner => rng.Next(0, 4), Rhythm.Close => rng.Next(0, 3), Rhythm.Regular => rng.Next(0, 3), _ => rng.NextDouble() < 0.03 ? 1 : 0 };
                for (var g = 0; g < gives; g++)
                    exchanges.Add(new Exchange(c.Id, ExchangeDirection.Give, Pick(rng, Enum.GetValues<ExchangeKind>()), g == 0 && rng.NextDouble() < 0.15 ? ExchangeStatus.Offered : ExchangeStatus.Done, today.AddDays(-rng.Next(1, 700)))
                    { Note = g == 0 ? $"About {Pick(rng, Topics)}" : null });
                for (var a = 0; a < asks; a++)
                    exchanges.Add(new Exchange(c.Id, ExchangeDirection.Ask, Pick(rng, Enum.GetValues<ExchangeKind>()), ExchangeStatus.Done, today.AddDays(-rng.Next(1, 700))));
            }
            await bulk.InsertAsync(interactions, ct);
            await bulk.InsertAsync(exchanges, ct);
            await bulk.InsertAsync(lifeEvents, ct);
            await bulk.InsertAsync(attendances, ct);
            interactionCount += interactions.Count;
            exchangeCount += exchanges.Count;
            allIds.AddRange(contacts.Select(c => c.Id));
            companyOf.AddRange(batchCompany);
            rhythms.AddRange(batchRhythm);
            progress?.Report($"{allIds.Count} of {options.Contacts} contacts, {interactionCount} interactions");
        }
        await bulk.InsertAsync(memberships, ct);

        // Who knows whom: colleagues at the same company, friends, and people from the same events.
        var links = new Dictionary<(long, long), ContactLink>();
        void Link(int a, int b, LinkKind kind, double? strength)
        {
            if (a == b) return;
            var (x, y) = allIds[a] < allIds[b] ? (allIds[a], allIds[b]) : (allIds[b], allIds[a]);
            if (!links.ContainsKey((x, y))) links[(x, y)] = new ContactLink(x, y, kind, strength, inferred: false, now);
        }
        var byCompany = Enumerable.Range(0, allIds.Count).GroupBy(i => companyOf[i]);
        foreach (var group in byCompany)
        {
            var members = group.ToList();
            foreach (var a in members)
                for (var t = 0; t < Math.Min(3, members.Count - 1); t++) Link(a, members[rng.Next(members.Count)], LinkKind.Colleague, null);
        }
        for (var i = 0; i < allIds.Count; i++)
        {
            var friends = rhythms[i] is Rhythm.Inner or Rhythm.Close ? 4 : 1;
            for (var f = 0; f < friends; f++)
            {
                var near = Math.Clamp(i + rng.Next(-40, 41), 0, allIds.Count - 1);
                Link(i, near, rng.NextDouble() < 0.8 ? LinkKind.Friend : LinkKind.Other, Math.Round(0.2 + rng.NextDouble() * 0.7, 2));
            }
        }
        await bulk.InsertAsync(links.Values.ToList(), ct);

        // Goals, opportunities, trips, invitations, reminders, collaborations and introductions.
        var goals = new List<Goal>
        {
            new("Find two mentors in product leadership", GoalKind.FindMentors, now.AddMonths(-2))
            { TargetRoles = "Head of Product; VP Product; CPO", TargetIndustries = "software; fintech", TargetRelation = GoalRelation.Mentor, TargetCount = 2, Deadline = today.AddMonths(4) },
            new("Move into climate tech", GoalKind.EnterField, now.AddMonths(-5))
            { TargetRoles = "Product Manager; Head of Product; Founder", TargetIndustries = "climate tech; energy", TargetRelation = GoalRelation.Peer, TargetCount = 5, Deadline = today.AddMonths(8) },
        };
        var climateContact = Enumerable.Range(0, allIds.Count).FirstOrDefault(i => companies[companyOf[i]].Industry is "climate tech" or "energy");
        goals[1].Link(GoalLinkKind.Organization, communities[3].Id);
        goals[1].Link(GoalLinkKind.Event, upcoming[1].Id);
        if (allIds.Count > 0) goals[1].Link(GoalLinkKind.Contact, allIds[climateContact]);
        goals[0].CheckIn(now.AddDays(-20), "Had a first coffee with a VP Product; promising.");
        await bulk.InsertAsync(goals, ct);

        var opportunities = new List<Opportunity>();
        var stages = Enum.GetValues<OpportunityStage>();
        for (var i = 0; i < Math.Min(12, allIds.Count); i++)
        {
            var o = new Opportunity(i % 3 == 0 ? $"Head of Product at {Pick(rng, companies).Name}" : i % 3 == 1 ? $"Talk at {Pick(rng, communities).Name}" : $"Advisory for {Pick(rng, companies).Name}",
                i % 3 == 0 ? OpportunityKind.Job : i % 3 == 1 ? OpportunityKind.Speaking : OpportunityKind.Client, today.AddDays(-rng.Next(5, 300)))
            { Stage = stages[rng.Next(stages.Length)], Advertised = rng.NextDouble() < 0.4 };
            o.AddSource(allIds[rng.Next(allIds.Count)]);
            opportunities.Add(o);
        }
        await bulk.InsertAsync(opportunities, ct);

        var londoner = Enumerable.Range(0, allIds.Count).Where(i => rhythms[i] != Rhythm.Silent).Select(i => allIds[i]).FirstOrDefault();
        var trips = new List<Trip> { new("London", today.AddDays(12), today.AddDays(15), null) { Note = "Mind the Product week" } };
        if (allIds.Count > 3) trips.Add(new Trip("Berlin", today.AddDays(2), today.AddDays(5), allIds[3]) { Note = "In town for a workshop" });
        await bulk.InsertAsync(trips, ct);

        var invitations = new List<Invitation>
        {
            new("Panel: the future of product ops", now.AddDays(6).Date.AddHours(17).ToUniversalTime(), 120) { FromOrganizationId = communities[0].Id },
            new("Startup pitch night", now.AddDays(3).Date.AddHours(19).ToUniversalTime(), 180) { FromContactId = allIds.Count > 5 ? allIds[5] : null },
            new("Climate Builders: hiring night", upcoming[1].StartsAt, 120) { EventId = upcoming[1].Id, FromOrganizationId = communities[3].Id },
        };
        await bulk.InsertAsync(invitations, ct);

        var upcomingAttendance = new List<Attendance>();
        foreach (var e in upcoming)
            foreach (var i in Enumerable.Range(0, Math.Min(4, allIds.Count)).Select(_ => rng.Next(allIds.Count)).Distinct())
                upcomingAttendance.Add(new Attendance(e.Id, allIds[i], met: false));
        await bulk.InsertAsync(upcomingAttendance, ct);

        var reminders = new List<Reminder>();
        if (allIds.Count > 8)
        {
            reminders.Add(new Reminder(allIds[7], today.AddDays(1), "Send the article on pricing experiments I promised"));
            reminders.Add(new Reminder(allIds[8], today.AddDays(-2), "Follow up on the intro to their design lead"));
        }
        await bulk.InsertAsync(reminders, ct);

        if (allIds.Count > 4)
        {
            await bulk.InsertAsync(new List<Collaboration>
            {
                new("Berlin Product Guild mentoring programme", CollaborationKind.Volunteering, allIds.Take(3)) { Status = CollaborationStatus.Active, StartedOn = today.AddMonths(-6) },
                new("Pricing playbook (co-written)", CollaborationKind.Project, allIds.Skip(2).Take(2)) { Status = CollaborationStatus.Done, StartedOn = today.AddYears(-1), EndedOn = today.AddMonths(-7), Outcome = "Published on the guild blog" },
            }, ct);
            await bulk.InsertAsync(new List<Introduction> { new(allIds[0], null, allIds[4], today.AddMonths(-10)) { Outcome = "Became a regular coffee" } }, ct);
        }

        // The planner's statistics first: the rebuild joins the tables just written, which PostgreSQL would otherwise plan
        // as nearly empty (nested loops over the whole history: minutes at 20,000 contacts).
        await RapportStore.AnalyzeAsync(db, ct);
        await ContactStatsRefresher.RebuildAsync(db, null, ct);
        await tx.CommitAsync(ct);
        return new DemoSummary(allIds.Count, interactionCount, orgs.Count, events.Count, links.Count, exchangeCount);
    }

    private static Rhythm RhythmFor(int index, int total, Random rng)
    {
        // The first few are your inner circle and close ties; the rest follow the usual shape of a network.
        if (index < Math.Max(3, total / 60)) return Rhythm.Inner;
        if (index < Math.Max(8, total / 20)) return Rhythm.Close;
        var r = rng.NextDouble();
        return r switch { < 0.10 => Rhythm.Regular, < 0.30 => Rhythm.Occasional, < 0.60 => Rhythm.Weak, < 0.76 => Rhythm.Dormant, _ => Rhythm.Silent };
    }

    private static IEnumerable<Interaction> Touches(Random rng, long contactId, Rhythm rhythm, DateTime start, DateTime now, List<NetworkEvent> events)
    {
        var (meanGapDays, from, to) = rhythm switch
        {
            Rhythm.Inner => (9.0, start, now.AddDays(-rng.Next(0, 6))),
            Rhythm.Close => (26.0, start, now.AddDays(-rng.Next(5, 40))),
            Rhythm.Regular => (65.0, start, now.AddDays(-rng.Next(20, 120))),
            Rhythm.Occasional => (160.0, start, now.AddDays(-rng.Next(60, 300))),
            Rhythm.Weak => (400.0, start, now.AddDays(-rng.Next(100, 700))),
            Rhythm.Dormant => (35.0, start, now.AddDays(-rng.Next(400, 1000))),
            _ => (0.0, start, start),
        };
        if (meanGapDays == 0) yield break;
        var oneWay = rng.NextDouble() < 0.08;
        var t = from.AddDays(rng.NextDouble() * meanGapDays);
        var count = 0;
        while (t <= to || count == 0)
        {
            var at = t > to ? to : t;
            var channel = ChannelFor(rng, rhythm);
            var direction = oneWay ? Direction.Out : rng.NextDouble() switch { < 0.45 => Direction.Out, < 0.8 => Direction.In, _ => Direction.Mutual };
            var i = new Interaction(DateTime.SpecifyKind(at.Date.AddHours(rng.Next(8, 20)), DateTimeKind.Utc), channel, direction, InteractionSource.Manual, [contactId])
            {
                Purpose = rng.NextDouble() < 0.7 ? Purpose.CatchUp : Pick(rng, Enum.GetValues<Purpose>()),
                Notes = rng.NextDouble() < 0.6 ? $"Talked about {Pick(rng, Topics)}" : null,
                Insight = rng.NextDouble() < 0.05 ? Pick(rng, DemoVocabulary.Insights) : null,
            };
            if (channel == Channel.Event && events.Count > 0)
            {
                var near = events.MinBy(e => Math.Abs((e.StartsAt - at).TotalDays))!;
                if (Math.Abs((near.StartsAt - at).TotalDays) < 45) { i.EventId = near.Id; i.OccurredAt = near.StartsAt; }
            }
            yield return i;
            count++;
            if (t > to) break;
            t = t.AddDays(meanGapDays * (0.4 + rng.NextDouble() * 1.2));
        }
    }

    private static Channel ChannelFor(Random rng, Rhythm rhythm)
    {
        var r = rng.NextDouble();
        return rhythm switch
        {
            Rhythm.Inner or Rhythm.Close => r switch { < 0.25 => Channel.InPerson, < 0.40 => Channel.Call, < 0.50 => Channel.Video, < 0.80 => Channel.Message, < 0.92 => Channel.Email, < 0.97 => Channel.Group, _ => Channel.Letter },
            Rhythm.Regular or Rhythm.Dormant => r switch { < 0.15 => Channel.InPerson, < 0.25 => Channel.Video, < 0.30 => Channel.Call, < 0.55 => Channel.Email, < 0.80 => Channel.Message, < 0.90 => Channel.Event, _ => Channel.Social },
            _ => r switch { < 0.05 => Channel.InPerson, < 0.30 => Channel.Email, < 0.50 => Channel.Message, < 0.70 => Channel.Event, _ => Channel.Social },
        };
    }

    private static IEnumerable<string> CategoriesFor(Random rng, int company, Rhythm rhythm)
    {
        if (company == 0) yield return "coworker";
        if (company == 1) yield return "past-coworker";
        var r = rng.NextDouble();
        if (rhythm is Rhythm.Inner && r < 0.5) yield return "friend";
        if (r < 0.08) yield return "alumni";
        else if (r < 0.16) yield return "association";
        else if (r < 0.20) yield return "mentor";
        else if (r < 0.24) yield return "mentee";
        else if (r < 0.40) yield return "peer";
        else if (r < 0.46) yield return "client";
        else if (r < 0.49) yield return "recruiter";
        else if (r < 0.51) yield return "professor";
        else if (r < 0.53) yield return "family";
    }

    private static Seniority SeniorityOf(string title) => title switch
    {
        _ when title.StartsWith("Senior", StringComparison.Ordinal) || title.StartsWith("Staff", StringComparison.Ordinal) => Seniority.Senior,
        _ when title.Contains("Lead", StringComparison.Ordinal) || title.StartsWith("Group", StringComparison.Ordinal) => Seniority.Lead,
        _ when title.Contains("Manager", StringComparison.Ordinal) => Seniority.Manager,
        _ when title.StartsWith("Head", StringComparison.Ordinal) || title.Contains("Director", StringComparison.Ordinal) => Seniority.Director,
        _ when title.StartsWith("VP", StringComparison.Ordinal) => Seniority.VicePresident,
        _ when title.Length == 3 && title[0] == 'C' || title is "CEO" or "General Counsel" or "Professor" => Seniority.Executive,
        "Founder" => Seniority.Founder,
        _ => Seniority.Mid,
    };

    private static T Pick<T>(Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    private static string Domain(string company) => Ascii(company).ToLowerInvariant().Replace(' ', '-') + ".example";

    private static string Ascii(string s)
    {
        var normalized = s.Normalize(System.Text.NormalizationForm.FormD);
        var sb = new System.Text.StringBuilder(normalized.Length);
        foreach (var ch in normalized)
        {
            if (char.IsAsciiLetterOrDigit(ch) || ch == ' ') sb.Append(ch);
            else if (ch is 'ł' or 'Ł') sb.Append('l');
            else if (ch is 'ø' or 'Ø') sb.Append('o');
            else if (ch is 'đ' or 'Đ') sb.Append('d');
        }
        return sb.ToString().Trim();
    }
}
