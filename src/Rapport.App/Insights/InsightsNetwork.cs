using Microsoft.EntityFrameworkCore;
using Rapport.App.Nurture;
using Rapport.Data;
using Rapport.Domain.Contacts;
using Rapport.Domain.Events;
using Rapport.Domain.Exchanges;
using Rapport.Domain.Insights;
using Rapport.Domain.Insights.Links;
using Rapport.Domain.Nurture;
using Rapport.Domain.Nurture.Goals;
using Rapport.Domain.Organizations;

namespace Rapport.App.Insights;

/// <summary>One contact with everything the insight engines read: profile, tie strength now and a year ago, tier and ledger.</summary>
public sealed class NetworkContact
{
    public long Id { get; init; }
    public required string Name { get; init; }
    public string? Company { get; init; }
    public string? Title { get; init; }
    public string? Industry { get; init; }
    public string? Function { get; init; }
    public Seniority Seniority { get; init; }
    public Seniority SeniorityAtLastContact { get; init; }
    public string? City { get; init; }
    public string? Country { get; init; }
    public IReadOnlyList<string> Categories { get; set; } = [];
    public int Trust { get; init; }
    public double? Closeness { get; init; }
    public Tier? TierPin { get; init; }
    public DateOnly? KnownSince { get; init; }
    public long? MetAtEventId { get; init; }
    public long? MetAtOrganizationId { get; init; }
    public DateTime CreatedAt { get; init; }

    /// <summary>The stored interaction aggregates (null without any interaction).</summary>
    public ContactStats? Stats { get; init; }

    /// <summary>Mutual contacts as the strength engine counts them: the stored links of this contact.</summary>
    public int Mutuals { get; set; }
    public TieMeasure Measure { get; set; }
    public TieBand Band { get; set; }
    public TieBand? BandYearAgo { get; set; }
    public Tier Tier { get; set; }
    public DateTime? FirstTouch { get; set; }
    public DateTime? LastTouch { get; set; }
    public int Gives { get; set; }
    public int Asks { get; set; }

    public double Strength => Measure.Strength;
}

/// <summary>A link between two contacts as the insights use it: entered, from a logged introduction, or inferred (and then marked).</summary>
public sealed record NetworkLink(long A, long B, double? Strength, LinkKind Kind, bool Inferred, string? Reason);

/// <summary>
/// The account's network loaded once into plain arrays for the insight engines: contacts with their measures,
/// links (entered, introduced and inferred), organizations, memberships, events, attendances and goals.
/// </summary>
public sealed class InsightsNetwork
{
    public required DateTime Now { get; init; }
    public required NurtureSettings Nurture { get; init; }
    public required InsightSettings Settings { get; init; }
    public required IReadOnlyList<NetworkContact> Contacts { get; init; }
    public required IReadOnlyDictionary<long, NetworkContact> ById { get; init; }
    public required IReadOnlyList<NetworkLink> Links { get; init; }
    public required IReadOnlyList<Organization> Organizations { get; init; }
    public required IReadOnlyList<MembershipSpan> Memberships { get; init; }
    public required IReadOnlyList<NetworkEvent> Events { get; init; }
    public required IReadOnlyList<EventAttendance> Attendances { get; init; }
    public required IReadOnlyList<(long EventId, long ContactId)> MetAtEvents { get; init; }
    public required IReadOnlyList<GoalProfile> Goals { get; init; }

    /// <summary>Maps the nurture engine's label onto the insight engines' band.</summary>
    public static TieBand BandOf(TieLabel label) => label switch
    {
        TieLabel.Strong => TieBand.Strong,
        TieLabel.Medium => TieBand.Medium,
        TieLabel.Weak => TieBand.Weak,
        TieLabel.Dormant => TieBand.Dormant,
        _ => TieBand.LongDormant,
    };

    /// <summary>Loads the current account's network as of <paramref name="now"/>, with links inferred from shared organizations, events and meetings.</summary>
    public static async Task<InsightsNetwork> LoadAsync(RapportDbContext db, DateTime now, CancellationToken ct, InsightSettings? insightSettings = null)
    {
        var settings = insightSettings ?? InsightSettings.Default;
        // The nurture loader reads settings, aggregates (rebuilding missing or stale ones), facts, mutuals, goals and the ledger.
        var snapshot = await NetworkLoader.LoadAsync(db, now, ct);
        var nurture = snapshot.Settings;
        var extra = (await db.Contacts.AsNoTracking()
                .Select(c => new { c.Id, c.Country, c.MetAtEventId, c.MetAtOrganizationId, c.CreatedAt })
                .ToListAsync(ct))
            .ToDictionary(c => c.Id);
        var contacts = new List<NetworkContact>(snapshot.Input.Contacts.Count);
        foreach (var pc in snapshot.Input.Contacts.OrderBy(c => c.Id))
        {
            if (!extra.TryGetValue(pc.Id, out var x)) continue;
            var f = pc.Facts;
            contacts.Add(new NetworkContact
            {
                Id = pc.Id, Name = f.Name, Company = f.Company, Title = f.Title, Industry = f.Industry, Function = f.Function,
                Seniority = f.Seniority, SeniorityAtLastContact = pc.SeniorityAtLastContact, City = f.City, Country = x.Country,
                Categories = f.CategoryList, Trust = pc.Trust, Closeness = pc.Closeness, TierPin = pc.Pin, KnownSince = pc.KnownSince,
                MetAtEventId = x.MetAtEventId, MetAtOrganizationId = x.MetAtOrganizationId, CreatedAt = x.CreatedAt, Mutuals = pc.Mutuals,
                Stats = pc.Stats,
            });
        }
        var byId = contacts.ToDictionary(c => c.Id);

        // The history as two plain scans (a join makes SQLite pick a poor plan on big accounts): who took part in what, and when and how it happened.
        var participants = await db.InteractionParticipants.AsNoTracking().Select(p => new { p.InteractionId, p.ContactId }).ToListAsync(ct);
        var interactions = (await db.Interactions.AsNoTracking().Select(i => new { i.Id, i.OccurredAt, i.Channel, i.Direction }).ToListAsync(ct))
            .ToDictionary(i => i.Id);

        // Links entered or imported.
        var links = new Dictionary<ContactPair, NetworkLink>();
        var stored = await db.ContactLinks.AsNoTracking()
            .Select(l => new { l.ContactAId, l.ContactBId, l.Strength, l.Kind, l.Inferred }).ToListAsync(ct);
        foreach (var l in stored)
        {
            if (l.ContactAId == l.ContactBId || !byId.ContainsKey(l.ContactAId) || !byId.ContainsKey(l.ContactBId)) continue;
            var pair = new ContactPair(l.ContactAId, l.ContactBId);
            if (links.TryGetValue(pair, out var old) && (old.Strength ?? 0) >= (l.Strength ?? 0)) continue;
            links[pair] = new NetworkLink(pair.A, pair.B, l.Strength, l.Kind, l.Inferred, l.Inferred ? "Inferred on import." : null);
        }

        // Logged introductions: the introducer knows both people, and the two now know each other.
        var intros = await db.Introductions.AsNoTracking().Select(x => new { x.IntroducerId, x.PersonAId, x.PersonBId }).ToListAsync(ct);
        foreach (var i in intros)
        {
            var people = new[] { i.IntroducerId, i.PersonAId, i.PersonBId }.Where(x => x is { } id && byId.ContainsKey(id)).Select(x => x!.Value).Distinct().ToArray();
            for (var a = 0; a < people.Length; a++)
            {
                for (var b = a + 1; b < people.Length; b++)
                {
                    var pair = new ContactPair(people[a], people[b]);
                    if (!links.ContainsKey(pair)) links[pair] = new NetworkLink(pair.A, pair.B, null, LinkKind.Introduced, false, "A logged introduction.");
                }
            }
        }

        // Inferred links: the same organization at the same time, the same events, the same meetings.
        var organizations = await db.Organizations.AsNoTracking().OrderBy(o => o.Id).ToListAsync(ct);
        var memberships = (await db.Memberships.AsNoTracking().Where(m => m.ContactId != null)
                .Select(m => new { m.ContactId, m.OrganizationId, m.StartedOn, m.EndedOn }).ToListAsync(ct))
            .Where(m => byId.ContainsKey(m.ContactId!.Value))
            .Select(m => new MembershipSpan(m.ContactId!.Value, m.OrganizationId, m.StartedOn, m.EndedOn))
            .ToArray();
        var events = await db.Events.AsNoTracking().OrderBy(e => e.StartsAt).ThenBy(e => e.Id).ToListAsync(ct);
        var attendanceRows = await db.Attendances.AsNoTracking().Select(a => new { a.EventId, a.ContactId, a.Met }).ToListAsync(ct);
        var eventIds = events.Select(e => e.Id).ToHashSet();
        var attendances = attendanceRows.Where(a => byId.ContainsKey(a.ContactId) && eventIds.Contains(a.EventId))
            .Select(a => new EventAttendance(a.EventId, a.ContactId)).ToArray();
        var metAtEvents = attendanceRows.Where(a => a.Met && byId.ContainsKey(a.ContactId) && eventIds.Contains(a.EventId))
            .Select(a => (a.EventId, a.ContactId)).ToList();
        var metSeen = metAtEvents.ToHashSet();
        foreach (var c in contacts)
        {
            if (c.MetAtEventId is { } e && eventIds.Contains(e) && metSeen.Add((e, c.Id))) metAtEvents.Add((e, c.Id));
        }
        var crowd = settings.MaxParticipantsForMeetingLinks;
        var meetings = participants
            .GroupBy(p => p.InteractionId)
            .Where(g => interactions.ContainsKey(g.Key))
            .Select(g => g.Select(p => p.ContactId).Distinct().ToArray())
            .Where(people => people.Length >= 2 && people.Length <= crowd)
            .Select(people => new MeetingParticipants(default, people))
            .ToArray();
        var inferred = LinkInference.Infer(memberships, attendances, meetings, links.Keys, settings);
        foreach (var l in inferred)
            links[l.Pair] = new NetworkLink(l.Pair.A, l.Pair.B, l.Strength, l.Kind, true, l.Reason);
        var linkList = links.Values.OrderBy(l => l.A).ThenBy(l => l.B).ToArray();

        // Ledger: done gives and every ask in the ledger window.
        var today = DateOnly.FromDateTime(now);
        foreach (var e in snapshot.Input.Ledger)
        {
            if (!GiveAskLedger.InWindow(e.On, today, nurture) || !GiveAskLedger.Counts(e) || !byId.TryGetValue(e.ContactId, out var c)) continue;
            if (e.Direction == ExchangeDirection.Ask) c.Asks++;
            else c.Gives++;
        }

        // Strength now from the stored aggregates (rebuilt from history where missing or stale), and a year ago.
        var stats = contacts.Where(c => c.Stats is not null).ToDictionary(c => c.Id, c => c.Stats!);
        var yearAgo = now.AddDays(-settings.RecentWindowDays);
        var needHistory = contacts.Where(c => stats.TryGetValue(c.Id, out var st) && st.FirstTouchAt <= yearAgo && st.LastTouchAt > yearAgo).Select(c => c.Id).ToHashSet();
        var earlier = new Dictionary<long, List<Touch>>();
        foreach (var p in participants)
        {
            if (!needHistory.Contains(p.ContactId) || !interactions.TryGetValue(p.InteractionId, out var i) || i.OccurredAt > yearAgo) continue;
            if (!earlier.TryGetValue(p.ContactId, out var list)) earlier[p.ContactId] = list = [];
            list.Add(new Touch(i.OccurredAt, i.Channel, i.Direction));
        }
        var yearAgoStats = earlier.ToDictionary(e => e.Key, e => ContactStats.FromHistory(e.Key, e.Value, nurture, yearAgo));
        foreach (var c in contacts)
        {
            var st = stats.GetValueOrDefault(c.Id) ?? ContactStats.Empty(c.Id, nurture);
            c.Measure = st.Measure(now, nurture, c.Mutuals, c.Closeness, c.KnownSince);
            c.Band = BandOf(c.Measure.Label);
            c.FirstTouch = st.FirstTouchAt;
            c.LastTouch = st.LastTouchAt;
            if (st.FirstTouchAt is not { } first || first > yearAgo) continue;
            var then = st.LastTouchAt <= yearAgo ? st : yearAgoStats.GetValueOrDefault(c.Id);
            if (then is not null) c.BandYearAgo = BandOf(then.Measure(yearAgo, nurture, c.Mutuals, c.Closeness, c.KnownSince).Label);
        }

        var candidates = contacts.Select(c => new TierCandidate(c.Id, c.Strength, c.TierPin, c.LastTouch is not null)).ToArray();
        var tiers = Tiers.Assign(candidates, nurture);
        for (var i = 0; i < contacts.Count; i++) contacts[i].Tier = tiers[i];


        return new InsightsNetwork
        {
            Now = now,
            Nurture = nurture,
            Settings = settings,
            Contacts = contacts,
            ById = byId,
            Links = linkList,
            Organizations = organizations,
            Memberships = memberships,
            Events = events,
            Attendances = attendances,
            MetAtEvents = metAtEvents,
            Goals = snapshot.Input.Goals,
        };
    }

    /// <summary>The contact's facts for goal relevance.</summary>
    public static ContactFacts FactsOf(NetworkContact c) =>
        new(c.Name, c.Title, c.Function, c.Industry, c.Company, c.City, c.Categories, c.Seniority);
}
