using Microsoft.EntityFrameworkCore;
using Rapport.App.Common;
using Rapport.App.Contacts;
using Rapport.App.Organizations;
using Rapport.Data;

namespace Rapport.App.People;

/// <summary>One touchpoint on a person's timeline, with the others who were there.</summary>
public sealed record TimelineEntry(long Id, DateTime At, string Channel, string Direction, string? Purpose, string? Notes, string? Insight, IReadOnlyList<(long Id, string Name)> Others);

/// <summary>One give or ask in the ledger with a person.</summary>
public sealed record LedgerEntry(long Id, DateOnly On, string Direction, string Kind, string Status, string? Note);

/// <summary>Something that happened to the person.</summary>
public sealed record LifeEventEntry(long Id, DateOnly On, string Kind, string? Note, bool Detected, bool Acknowledged);

/// <summary>Everything the Person page shows except the derived standing (strength, tier, next due), which the nurture engine gives.</summary>
public sealed record PersonProfile(
    ContactView Contact, string? MetAtEvent, string? IntroducedBy, IReadOnlyList<TimelineEntry> Timeline, int TimelineTotal,
    IReadOnlyList<LedgerEntry> Ledger, IReadOnlyList<LifeEventEntry> LifeEvents,
    IReadOnlyList<(long OrganizationId, string Organization, string Role, string? Title, bool Current)> Memberships,
    IReadOnlyList<(long Id, string Name)> Knows, int KnowsTotal);

/// <summary>Loads a person for the Person page in a handful of indexed queries over one open connection.</summary>
public static class PersonQuery
{
    /// <summary>How many of those they know the Person page lists by default (<see cref="PersonProfile.KnowsTotal"/> counts them all).</summary>
    public const int KnowsTake = 200;

    public static async Task<PersonProfile?> LoadAsync(RapportDbContext db, long id, TimeProvider clock, int timelineTake, CancellationToken ct)
    {
        // One connection for the dozen queries below, instead of taking it from the pool (and setting it up) for each.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            return await LoadOpenAsync(db, id, clock, timelineTake, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<PersonProfile?> LoadOpenAsync(RapportDbContext db, long id, TimeProvider clock, int timelineTake, CancellationToken ct)
    {
        var c = await db.Contacts.AsNoTracking().Include(x => x.Emails).Include(x => x.Phones).Include(x => x.Categories).Include(x => x.Tags)
            .Include(x => x.Profiles).Include(x => x.Dates).AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return null;

        // The person's interaction ids first (the participant index), then those rows by key: never a scan of every interaction.
        // The join applies the interactions' filters, so touchpoints in the trash are not counted.
        var interactionIds = await db.InteractionParticipants.Where(p => p.ContactId == id)
            .Join(db.Interactions, p => p.InteractionId, i => i.Id, (p, i) => i.Id).ToListAsync(ct);
        var total = interactionIds.Count;
        var interactions = await db.Interactions.Where(i => interactionIds.Contains(i.Id)).OrderByDescending(i => i.OccurredAt).Take(timelineTake)
            .Select(i => new { i.Id, i.OccurredAt, i.Channel, i.Direction, i.Purpose, i.Notes, i.Insight }).ToListAsync(ct);
        var ids = interactions.Select(i => i.Id).ToList();
        var others = await db.InteractionParticipants.Where(p => ids.Contains(p.InteractionId) && p.ContactId != id)
            .Join(db.Contacts, p => p.ContactId, x => x.Id, (p, x) => new { p.InteractionId, x.Id, x.DisplayName }).ToListAsync(ct);
        var othersBy = others.GroupBy(o => o.InteractionId).ToDictionary(g => g.Key, g => (IReadOnlyList<(long, string)>)g.Select(o => (o.Id, o.DisplayName)).ToList());
        var timeline = interactions.Select(i => new TimelineEntry(i.Id, i.OccurredAt, Input.Kebab(i.Channel), Input.Kebab(i.Direction),
            i.Purpose is { } p ? Input.Kebab(p) : null, i.Notes, i.Insight, othersBy.GetValueOrDefault(i.Id) ?? [])).ToList();

        // Read-only rows, projected: nothing for the change tracker to keep.
        var ledger = (await db.Exchanges.Where(e => e.ContactId == id).OrderByDescending(e => e.OccurredOn).Take(200)
                .Select(e => new { e.Id, e.OccurredOn, e.Direction, e.Kind, e.Status, e.Note }).ToListAsync(ct))
            .Select(e => new LedgerEntry(e.Id, e.OccurredOn, Input.Kebab(e.Direction), Input.Kebab(e.Kind), Input.Kebab(e.Status), e.Note)).ToList();
        var life = (await db.LifeEvents.Where(e => e.ContactId == id).OrderByDescending(e => e.OccurredOn).Take(100)
                .Select(e => new { e.Id, e.OccurredOn, e.Kind, e.Note, e.Detected, Acknowledged = e.AcknowledgedAt != null }).ToListAsync(ct))
            .Select(e => new LifeEventEntry(e.Id, e.OccurredOn, Input.Kebab(e.Kind), e.Note, e.Detected, e.Acknowledged)).ToList();
        var memberships = await OrganizationQueries.OfContactAsync(db, id, clock, ct);
        var (metAt, introducer) = (c.MetAtEventId, c.IntroducedById) switch
        {
            (null, null) => (null, null),
            var (eid, iid) => await db.Contacts.Where(x => x.Id == id).Select(x => new ValueTuple<string?, string?>(
                db.Events.Where(e => e.Id == eid).Select(e => e.Name).FirstOrDefault(),
                db.Contacts.Where(o => o.Id == iid).Select(o => o.DisplayName).FirstOrDefault())).FirstAsync(ct),
        };
        var (knows, knowsTotal) = await KnowsOpenAsync(db, id, c.IntroducedById, KnowsTake, ct);
        var last = interactions.Count > 0 ? interactions[0].OccurredAt : (DateTime?)null;
        return new PersonProfile(ContactView.From(c, last), metAt, introducer, timeline, total, ledger, life, memberships,
            knows, knowsTotal);
    }

    /// <summary>
    /// Whom the contact knows, by name (the first <paramref name="take"/>), and how many that is in all; null when there
    /// is no such contact outside the trash.
    /// </summary>
    public static async Task<(IReadOnlyList<(long Id, string Name)> Knows, int Total)?> KnowsAsync(RapportDbContext db, long id, int take, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var introducedBy = await db.Contacts.Where(x => x.Id == id).Select(x => new { x.IntroducedById }).FirstOrDefaultAsync(ct);
        return introducedBy is null ? null : await KnowsOpenAsync(db, id, introducedBy.IntroducedById, take, ct);
    }

    private static async Task<(IReadOnlyList<(long Id, string Name)> Knows, int Total)> KnowsOpenAsync(
        RapportDbContext db, long id, long? introducedBy, int take, CancellationToken ct)
    {
        // Whom they know: their stored links, everyone a logged introduction names with them, who introduced you to them and
        // whom they introduced you to (the insights link those too).
        var linked = db.ContactLinks.Where(l => l.ContactAId == id).Select(l => l.ContactBId)
            .Concat(db.ContactLinks.Where(l => l.ContactBId == id).Select(l => l.ContactAId));
        var introductions = db.Introductions.Where(i => i.IntroducerId == id || i.PersonAId == id || i.PersonBId == id);
        var introduced = introductions.Select(i => i.IntroducerId).Concat(introductions.Select(i => i.PersonAId)).Concat(introductions.Select(i => i.PersonBId));
        var known = db.Contacts.Where(x => x.Id != id && (linked.Contains(x.Id) || introduced.Contains(x.Id) || x.Id == introducedBy || x.IntroducedById == id));
        var names = await known.OrderBy(x => x.DisplayName).ThenBy(x => x.Id).Take(take).Select(x => new { x.Id, x.DisplayName }).ToListAsync(ct);
        var total = names.Count < take ? names.Count : await known.CountAsync(ct);
        return (names.Select(k => (k.Id, k.DisplayName)).ToList(), total);
    }
}
