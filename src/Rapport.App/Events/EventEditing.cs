using Microsoft.EntityFrameworkCore;
using Rapport.App.Common;
using Rapport.App.Contacts;
using Rapport.App.Organizations;
using Rapport.Data;
using Rapport.Domain.Events;

namespace Rapport.App.Events;

/// <summary>Finds the event a user names: by id ("12" or "#12"), by its whole name, or by a part of it that only one has.</summary>
public static class EventResolver
{
    public static async Task<NetworkEvent> ResolveAsync(RapportDbContext db, string which, string field = "event", CancellationToken ct = default)
    {
        var w = which.Trim();
        if (w.Length == 0) throw new InputException(field, $"{field}: expected an event's id or name, got nothing");
        if (ContactResolver.TryParseId(w, out var id))
        {
            return await db.Events.FirstOrDefaultAsync(e => e.Id == id, ct)
                ?? throw await Trash.TrashBin.NotFoundAsync(db, Trash.TrashKind.Event, id, field, ct);
        }
        var lower = w.ToLowerInvariant();
        // A series repeats its name ("Product Guild #41", "Product Guild #42"): the whole name first, newest first.
        var exact = await db.Events.Where(e => e.Name.ToLower() == lower).OrderByDescending(e => e.StartsAt).ThenBy(e => e.Id).Take(6).ToListAsync(ct);
        var matches = exact.Count > 0 ? exact
            : await db.Events.Where(e => e.Name.ToLower().Contains(lower)).OrderByDescending(e => e.StartsAt).ThenBy(e => e.Id).Take(6).ToListAsync(ct);
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new InputException(field, $"{field}: no event is named '{w}'"),
            _ => throw new InputException(field,
                $"{field}: '{w}' matches several events ({string.Join(", ", matches.Take(5).Select(e => $"{e.Name} on {e.StartsAt:yyyy-MM-dd} #{e.Id}"))}{(matches.Count > 5 ? ", ..." : "")}); use the id"),
        };
    }
}

/// <summary>
/// What to change on an event. A value left null stays as it is; an empty one clears an optional field (city, venue,
/// organizer, size, cost, minutes, rating, notes). Name, kind and date can be changed but not cleared.
/// </summary>
public sealed record EventChanges
{
    public string? Name { get; init; }
    public string? Kind { get; init; }
    public string? Date { get; init; }
    public string? City { get; init; }
    public string? Venue { get; init; }
    public string? Organizer { get; init; }
    public string? Size { get; init; }
    public string? Cost { get; init; }
    public string? Minutes { get; init; }
    public string? Rating { get; init; }
    public string? Notes { get; init; }
    public bool? Attending { get; init; }
}

/// <summary>Changes an event: what it cost and gave once it is over, who runs it, whether you go.</summary>
public sealed class EditEvent(RapportDbContext db)
{
    /// <returns>The event and the names of the fields that changed (none when every value was already so).</returns>
    public async Task<(NetworkEvent Event, IReadOnlyList<string> Changed)> ExecuteAsync(string which, EventChanges c, CancellationToken ct = default)
    {
        var e = await EventResolver.ResolveAsync(db, which, "event", ct);
        var changed = new List<string>();
        void Set<T>(string field, T now, T value, Action<T> set)
        {
            if (EqualityComparer<T>.Default.Equals(now, value)) return;
            set(value);
            changed.Add(field);
        }
        if (c.Name is not null)
        {
            if (string.IsNullOrWhiteSpace(c.Name)) throw new InputException("name", "name: an event needs a name");
            Set("name", e.Name, c.Name.Trim(), v => e.Name = v);
        }
        if (c.Kind is not null) Set("kind", e.Kind, Input.ParseEnum<EventKind>("kind", c.Kind), v => e.Kind = v);
        if (c.Date is not null)
        {
            if (string.IsNullOrWhiteSpace(c.Date)) throw new InputException("date", "date: when is it? (2026-05-01 or 2026-05-01T18:30)");
            Set("date", e.StartsAt, Input.ParseInstant("date", c.Date), v => e.StartsAt = v);
        }
        if (c.City is not null) Set("city", e.City, Input.TrimmedOrNull(c.City), v => e.City = v);
        if (c.Venue is not null) Set("venue", e.Venue, Input.TrimmedOrNull(c.Venue), v => e.Venue = v);
        if (c.Organizer is not null)
        {
            var organizer = string.IsNullOrWhiteSpace(c.Organizer) ? null : (long?)(await OrganizationResolver.ResolveAsync(db, c.Organizer, "organizer", ct)).Id;
            Set("organizer", e.OrganizerId, organizer, v => e.OrganizerId = v);
        }
        if (c.Size is not null) Set("size", e.Size, CreateEvent.Size(c.Size), v => e.Size = v);
        if (c.Cost is not null) Set("cost", e.Cost, CreateEvent.Money("cost", c.Cost), v => e.Cost = v);
        if (c.Minutes is not null) Set("minutes", e.MinutesSpent, CreateEvent.Minutes(c.Minutes), v => e.MinutesSpent = v);
        if (c.Rating is not null) Set("rating", e.Rating, CreateEvent.Rating(c.Rating), v => e.Rating = v);
        if (c.Notes is not null) Set("notes", e.Notes, Input.TrimmedOrNull(c.Notes), v => e.Notes = v);
        if (c.Attending is { } attending) Set("attending", e.Attending, attending, v => e.Attending = v);
        if (changed.Count > 0) await db.SaveChangesAsync(ct);
        return (e, changed);
    }
}
