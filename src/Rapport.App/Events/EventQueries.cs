using Microsoft.EntityFrameworkCore;
using Rapport.App.Common;
using Rapport.App.Contacts;
using Rapport.App.Organizations;
using Rapport.Data;
using Rapport.Domain.Events;

namespace Rapport.App.Events;

/// <summary>An event in the list with how many people you met there.</summary>
public sealed record EventRow(long Id, string Name, string Kind, DateTime StartsAt, string? City, int? Size, bool Attending, int Met);

/// <summary>Someone at an event: met there or only attending; when you last spoke.</summary>
public sealed record AttendeeRow(long ContactId, string Name, string? Company, bool Met, DateTime? LastInteraction, bool Lasting);

/// <summary>
/// What an event gave: people met, how many are still in touch six months on (lasting), how many are too
/// recent to tell (pending), and the cost of each lasting relationship.
/// </summary>
public sealed record EventReturnSummary(int Met, int Lasting, int Pending, decimal? Cost, int? Minutes, decimal? CostPerLasting, double? HoursPerLasting, string Verdict);

public sealed record EventDetail(long Id, string Name, string Kind, DateTime StartsAt, DateTime? EndsAt, string? City, string? Venue, string? Organizer, long? OrganizerId,
    int? Size, decimal? Cost, int? MinutesSpent, int? Rating, bool Attending, string? Notes, IReadOnlyList<AttendeeRow> Attendees, EventReturnSummary Return);

/// <summary>Reads events, their attendees and their return.</summary>
public static class EventQueries
{
    /// <summary>Days after an event by which a relationship formed there counts as lasting if you are still in touch.</summary>
    public const int LastingAfterDays = 182;

    public static async Task<(IReadOnlyList<EventRow> Upcoming, IReadOnlyList<EventRow> Past)> ListAsync(RapportDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var events = await db.Events.OrderByDescending(e => e.StartsAt).Take(2000)
            .Select(e => new { e.Id, e.Name, e.Kind, e.StartsAt, e.City, e.Size, e.Attending, Met = db.Attendances.Count(a => a.EventId == e.Id && a.Met) })
            .ToListAsync(ct);
        var rows = events.Select(e => new EventRow(e.Id, e.Name, Input.Kebab(e.Kind), e.StartsAt, e.City, e.Size, e.Attending, e.Met)).ToList();
        return (rows.Where(r => r.StartsAt >= now.Date).OrderBy(r => r.StartsAt).ToList(), rows.Where(r => r.StartsAt < now.Date).ToList());
    }

    public static async Task<EventDetail?> GetAsync(RapportDbContext db, long id, TimeProvider clock, CancellationToken ct)
    {
        var e = await db.Events.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        // An organizer in the trash is still named (and said to be there): the event keeps it, and a restore brings it back.
        var organizer = e.OrganizerId is { } oid
            ? await db.Organizations.IgnoreQueryFilters([RapportDbContext.TrashFilter]).Where(o => o.Id == oid)
                .Select(o => o.DeletedAt == null ? o.Name : o.Name + " (in the trash)").FirstOrDefaultAsync(ct)
            : null;
        var people = await db.Attendances.Where(a => a.EventId == id)
            .Join(db.Contacts, a => a.ContactId, c => c.Id, (a, c) => new { c.Id, c.DisplayName, c.Company, a.Met }).ToListAsync(ct);
        var metHere = await db.Contacts.Where(c => c.MetAtEventId == id).Select(c => new { c.Id, c.DisplayName, c.Company }).ToListAsync(ct);
        foreach (var m in metHere.Where(m => people.All(p => p.Id != m.Id))) people.Add(new { m.Id, m.DisplayName, m.Company, Met = true });
        var ids = people.Select(p => p.Id).ToList();
        var last = await ContactQueries.LastInteractionsAsync(db, ids, ct);
        var lastingCut = e.StartsAt.AddDays(LastingAfterDays);
        var mature = now >= lastingCut;
        var rows = people.Select(p =>
        {
            var l = last.TryGetValue(p.Id, out var v) ? v : (DateTime?)null;
            return new AttendeeRow(p.Id, p.DisplayName, p.Company, p.Met, l, p.Met && mature && l >= lastingCut);
        }).OrderByDescending(r => r.Met).ThenBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        var met = rows.Count(r => r.Met);
        var lasting = rows.Count(r => r.Lasting);
        var pending = mature ? 0 : met;
        decimal? perLasting = lasting > 0 && e.Cost is { } cost ? Math.Round(cost / lasting, 2) : null;
        double? hoursPerLasting = lasting > 0 && e.MinutesSpent is { } min ? Math.Round(min / 60.0 / lasting, 1) : null;
        var verdict = e.StartsAt > now ? "Not yet held." : Verdict(met, lasting, mature ? null : lastingCut);
        return new EventDetail(e.Id, e.Name, Input.Kebab(e.Kind), e.StartsAt, e.EndsAt, e.City, e.Venue, organizer, e.OrganizerId, e.Size, e.Cost, e.MinutesSpent, e.Rating,
            e.Attending, e.Notes, rows, new EventReturnSummary(met, lasting, pending, e.Cost, e.MinutesSpent, perLasting, hoursPerLasting, verdict));
    }

    /// <summary>
    /// What an event held gave, in words that agree with the counts: "1 of the 3 people you met is still in touch", "The one
    /// person you met is still in touch"; <paramref name="tooRecentUntil"/> when six months have not passed yet.
    /// </summary>
    public static string Verdict(int met, int lasting, DateTime? tooRecentUntil) =>
        met == 0 ? "You met no one here yet: add the people you met."
        : tooRecentUntil is { } until ? $"Too recent to tell: {met} met; ask again after {until:yyyy-MM-dd}."
        : met == 1 ? $"The one person you met is {(lasting == 0 ? "no longer" : "still")} in touch six months on."
        : lasting == 0 ? $"None of the {met} people you met are still in touch six months on."
        : $"{lasting} of the {met} people you met {(lasting == 1 ? "is" : "are")} still in touch six months on.";

    /// <summary>Events to choose from in a form: recent and upcoming first.</summary>
    public static async Task<IReadOnlyList<(long Id, string Name, DateTime StartsAt)>> ChoicesAsync(RapportDbContext db, TimeProvider clock, int take, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.Events.Where(e => e.StartsAt <= now.AddDays(60)).OrderByDescending(e => e.StartsAt).Take(take)
            .Select(e => new { e.Id, e.Name, e.StartsAt }).ToListAsync(ct);
        return rows.Select(r => (r.Id, r.Name, r.StartsAt)).ToList();
    }
}

/// <summary>What a user types to add an event.</summary>
public sealed record EventRequest(string Name, string Kind, string Date)
{
    public string? City { get; init; }
    public string? Venue { get; init; }
    public string? Size { get; init; }
    public string? Cost { get; init; }
    public string? Minutes { get; init; }

    /// <summary>The organization or community that runs it: its id or name (what ties the event to a community's streak).</summary>
    public string? Organizer { get; init; }

    /// <summary>Your rating, 1 to 5.</summary>
    public string? Rating { get; init; }
    public string? Notes { get; init; }
    public bool Attending { get; init; } = true;
}

/// <summary>Adds a conference, meetup, meeting or webinar.</summary>
public sealed class CreateEvent(RapportDbContext db)
{
    public async Task<NetworkEvent> ExecuteAsync(EventRequest r, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(r.Name)) throw new InputException("name", "name: an event needs a name");
        var kind = string.IsNullOrWhiteSpace(r.Kind) ? EventKind.Meetup : Input.ParseEnum<EventKind>("kind", r.Kind);
        if (string.IsNullOrWhiteSpace(r.Date)) throw new InputException("date", "date: when is it? (2026-05-01 or 2026-05-01T18:30)");
        var at = Input.ParseInstant("date", r.Date);
        var e = new NetworkEvent(r.Name, kind, at)
        {
            City = Input.TrimmedOrNull(r.City), Venue = Input.TrimmedOrNull(r.Venue), Attending = r.Attending, Notes = Input.TrimmedOrNull(r.Notes),
            Size = Size(r.Size), Cost = Money("cost", r.Cost), MinutesSpent = Minutes(r.Minutes), Rating = Rating(r.Rating),
            OrganizerId = string.IsNullOrWhiteSpace(r.Organizer) ? null : (await OrganizationResolver.ResolveAsync(db, r.Organizer, "organizer", ct)).Id,
        };
        db.Events.Add(e);
        await db.SaveChangesAsync(ct);
        return e;
    }

    internal static int? Size(string? v) => Number("size", v, 1, 1_000_000);

    internal static int? Minutes(string? v) => Number("minutes", v, 0, 100_000);

    internal static int? Rating(string? v) => Number("rating", v, 1, 5);

    private static int? Number(string field, string? v, int min, int max)
    {
        if (string.IsNullOrWhiteSpace(v)) return null;
        if (!int.TryParse(v.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) || n < min || n > max)
            throw new InputException(field, $"{field}: expected a whole number from {min} to {max}, got '{v}'");
        return n;
    }

    internal static decimal? Money(string field, string? v)
    {
        if (string.IsNullOrWhiteSpace(v)) return null;
        var t = v.Trim();
        // No thousands separators: "1,5" is a decimal comma somewhere, and must not become 15.
        if (t.Contains(',', StringComparison.Ordinal))
            throw new InputException(field, $"{field}: expected an amount like 120 or 49.50, with a point for decimals, got '{v}'");
        if (!decimal.TryParse(t, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var n) || n > 10_000_000)
            throw new InputException(field, $"{field}: expected an amount like 120 or 49.50, got '{v}'");
        return n;
    }

}

/// <summary>A person met at an event, as typed in a few seconds at the event itself.</summary>
public sealed record PersonMetRequest(long EventId, string Name)
{
    public string? Company { get; init; }
    public string? Title { get; init; }
    public string? Email { get; init; }
    public string? Note { get; init; }
}

/// <summary>
/// Adds someone you met at an event: a new contact whose "met at" is the event, their attendance marked met,
/// and the encounter logged on the event channel so the tie starts warm.
/// </summary>
public sealed class AddPersonMet(RapportDbContext db, TimeProvider clock)
{
    public async Task<Domain.Contacts.Contact> ExecuteAsync(PersonMetRequest r, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(r.Name)) throw new InputException("name", "name: who did you meet?");
        var e = await db.Events.FirstOrDefaultAsync(x => x.Id == r.EventId, ct)
            ?? throw new InputException("event", "event: choose the event where you met");
        var now = clock.GetUtcNow().UtcDateTime;
        var contact = await new CreateContact(db, clock).ExecuteAsync(new ContactChanges
        {
            Name = r.Name, Company = r.Company, Title = r.Title, Emails = string.IsNullOrWhiteSpace(r.Email) ? null : [r.Email],
            MetAt = e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), HowWeMet = $"Met at {e.Name}",
            KnownSince = DateOnly.FromDateTime(e.StartsAt <= now ? e.StartsAt : now).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }, ct);
        db.Attendances.Add(new Attendance(e.Id, contact.Id, met: true));
        await db.SaveChangesAsync(ct);
        var at = e.StartsAt <= now ? e.StartsAt : now;
        await new Interactions.LogInteraction(db, clock).ExecuteAsync(new Interactions.LogRequest(contact.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "event")
        {
            Direction = "mutual", Date = at.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture), Note = r.Note,
        }, ct);
        return contact;
    }
}

/// <summary>Marks a contact as at an event, met there or not.</summary>
public sealed class AddAttendee(RapportDbContext db)
{
    public async Task ExecuteAsync(long eventId, string who, bool met, CancellationToken ct = default)
    {
        if (!await db.Events.AnyAsync(e => e.Id == eventId, ct)) throw new InputException("event", $"event: no event has id {eventId}");
        var c = await ContactResolver.ResolveAsync(db, who, "who", ct);
        var existing = await db.Attendances.FirstOrDefaultAsync(a => a.EventId == eventId && a.ContactId == c.Id, ct);
        if (existing is null) db.Attendances.Add(new Attendance(eventId, c.Id, met));
        else existing.Met |= met;
        await db.SaveChangesAsync(ct);
    }
}
