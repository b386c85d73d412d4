using Microsoft.EntityFrameworkCore;
using Rapport.App.Nurture;
using Rapport.Data;
using Rapport.Domain.Contacts;
using Rapport.Domain.Events;
using Rapport.Domain.Exchanges;
using Rapport.Domain.Goals;
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

    /// <summary>Contacts this one is linked to (entered, logged introductions and inferred links).</summary>
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
        var nurture = await NurtureSettingsStore.LoadAsync(db, ct);

        var contacts = await db.Contacts.AsNoTracking()
            .OrderBy(c => c.Id)
            .Select(c => new NetworkContact
            {
                Id = c.Id, Name = c.DisplayName, Company = c.Company, Title = c.Title, Industry = c.Industry, Function = c.Function,
                Seniority = c.Seniority, SeniorityAtLastContact = c.SeniorityAtLastContact, City = c.City, Country = c.Country,
                Trust = c.Trust, Closeness = c.Closeness, TierPin = c.TierPin, KnownSince = c.KnownSince,
                MetAtEventId = c.MetAtEventId, MetAtOrganizationId = c.MetAtOrganizationId, CreatedAt = c.CreatedAt,
            })
            .ToListAsync(ct);
        var byId = contacts.ToDictionary(c => c.Id);

        var categories = await db.ContactCategories.AsNoTracking().Select(x => new { x.ContactId, x.Category }).ToListAsync(ct);
        foreach (var g in categories.GroupBy(x => x.ContactId))
        {
            if (byId.TryGetValue(g.Key, out var c)) c.Categories = g.Select(x => x.Category).ToArray();
        }

        // Meetings: interactions with several of your contacts in them.
        var crowd = settings.MaxParticipantsForMeetingLinks;
        var shared = db.InteractionParticipants.GroupBy(p => p.InteractionId).Where(g => g.Count() >= 2 && g.Count() <= crowd).Select(g => g.Key);
        var meetingRows = await (
                from p in db.InteractionParticipants.AsNoTracking()
                join i in db.Interactions.AsNoTracking() on p.InteractionId equals i.Id
                where shared.Contains(p.InteractionId)
                select new { p.InteractionId, p.ContactId, i.OccurredAt })
            .ToListAsync(ct);

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
        foreach (var c in contacts)
        {
            if (c.MetAtEventId is { } e && eventIds.Contains(e) && !metAtEvents.Contains((e, c.Id))) metAtEvents.Add((e, c.Id));
        }
        var meetings = meetingRows
            .GroupBy(t => t.InteractionId)
            .Select(g => new MeetingParticipants(g.First().OccurredAt, g.Select(t => t.ContactId).ToArray()))
            .ToArray();
        var inferred = LinkInference.Infer(memberships, attendances, meetings, links.Keys, settings);
        foreach (var l in inferred)
            links[l.Pair] = new NetworkLink(l.Pair.A, l.Pair.B, l.Strength, l.Kind, true, l.Reason);
        var linkList = links.Values.OrderBy(l => l.A).ThenBy(l => l.B).ToArray();
        foreach (var l in linkList)
        {
            byId[l.A].Mutuals++;
            byId[l.B].Mutuals++;
        }

        // Ledger: done gives and every ask in the ledger window.
        var today = DateOnly.FromDateTime(now);
        var since = today.AddYears(-nurture.LedgerWindowYears);
        var ledger = await db.Exchanges.AsNoTracking()
            .Where(x => x.OccurredOn > since && x.OccurredOn <= today)
            .Select(x => new { x.ContactId, x.Direction, x.Status }).ToListAsync(ct);
        foreach (var x in ledger)
        {
            if (!byId.TryGetValue(x.ContactId, out var c)) continue;
            if (x.Direction == ExchangeDirection.Ask) c.Asks++;
            else if (x.Status == ExchangeStatus.Done) c.Gives++;
        }

        // Strength now from the stored aggregates (rebuilt from history where missing or stale), and a year ago.
        var stats = await CurrentStatsAsync(db, contacts, nurture, now, ct);
        var yearAgo = now.AddDays(-settings.RecentWindowDays);
        var yearAgoStats = await StatsAsOfAsync(db,
            contacts.Where(c => stats.TryGetValue(c.Id, out var st) && st.FirstTouchAt <= yearAgo && st.LastTouchAt > yearAgo).Select(c => c.Id).ToArray(),
            nurture, yearAgo, ct);
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

        var goals = await db.Goals.AsNoTracking().Where(g => g.Status == GoalStatus.Active).Include(g => g.Links).ToListAsync(ct);

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
            Goals = goals.Select(GoalProfile.FromGoal).ToArray(),
        };
    }

    /// <summary>
    /// The stored aggregates that can be read at <paramref name="now"/>; contacts without one (or with a stale one) get
    /// theirs rebuilt from the history in memory, leaving the table to <see cref="ContactStatsRefresher"/>.
    /// </summary>
    private static async Task<Dictionary<long, ContactStats>> CurrentStatsAsync(
        RapportDbContext db, IReadOnlyList<NetworkContact> contacts, NurtureSettings nurture, DateTime now, CancellationToken ct)
    {
        var stamp = ContactStats.Stamp(nurture);
        var rows = await db.ContactStats.AsNoTracking().ToListAsync(ct);
        var stats = new Dictionary<long, ContactStats>(contacts.Count);
        foreach (var row in rows)
        {
            if (row.IsCurrentFor(stamp) && !row.HasTouchesAfter(now)) stats[row.ContactId] = row;
        }
        var missing = contacts.Where(c => !stats.ContainsKey(c.Id)).Select(c => c.Id).ToArray();
        if (missing.Length == 0) return stats;
        // A long id list makes a slow query: past a few hundred, read every contact's history once instead.
        var rebuilt = await ContactStatsRefresher.ComputeAsync(db, missing.Length > 500 ? null : missing, nurture, now, ct);
        foreach (var st in rebuilt)
        {
            if (!stats.ContainsKey(st.ContactId)) stats[st.ContactId] = st;
        }
        return stats;
    }

    /// <summary>The aggregates of some contacts as they stood at <paramref name="asOf"/>, from their touches up to then.</summary>
    private static async Task<Dictionary<long, ContactStats>> StatsAsOfAsync(
        RapportDbContext db, IReadOnlyCollection<long> contactIds, NurtureSettings nurture, DateTime asOf, CancellationToken ct)
    {
        if (contactIds.Count == 0) return [];
        var wanted = contactIds.ToHashSet();
        var query =
            from p in db.InteractionParticipants.AsNoTracking()
            join i in db.Interactions.AsNoTracking() on p.InteractionId equals i.Id
            where i.OccurredAt <= asOf
            select new { p.ContactId, i.OccurredAt, i.Channel, i.Direction };
        if (contactIds.Count <= 500) query = query.Where(x => contactIds.Contains(x.ContactId));
        var rows = await query.ToListAsync(ct);
        return rows.Where(r => wanted.Contains(r.ContactId))
            .GroupBy(r => r.ContactId)
            .ToDictionary(g => g.Key, g => ContactStats.FromHistory(g.Key, g.Select(r => new Touch(r.OccurredAt, r.Channel, r.Direction)), nurture, asOf));
    }

    /// <summary>The contact's facts for goal relevance.</summary>
    public static ContactFacts FactsOf(NetworkContact c) =>
        new(c.Name, c.Title, c.Function, c.Industry, c.Company, c.City, c.Categories, c.Seniority);
}
