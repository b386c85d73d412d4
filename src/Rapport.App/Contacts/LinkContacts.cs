using Microsoft.EntityFrameworkCore;
using Rapport.App.Common;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Domain.Contacts;

namespace Rapport.App.Contacts;

/// <summary>The link recorded, and whether it is new (false: the two were linked already, and the link was updated).</summary>
public sealed record LinkOutcome(ContactLink Link, bool IsNew);

/// <summary>Records that two contacts know each other; linking again updates the kind and strength given, keeping those left out.</summary>
public sealed class LinkContacts(RapportDbContext db, TimeProvider clock)
{
    public static readonly IReadOnlyDictionary<string, LinkKind> KindNames = new Dictionary<string, LinkKind>
    {
        ["colleague"] = LinkKind.Colleague, ["friend"] = LinkKind.Friend, ["family"] = LinkKind.Family,
        ["introduced"] = LinkKind.Introduced, ["same-event"] = LinkKind.SameEvent, ["other"] = LinkKind.Other,
    };

    public async Task<LinkOutcome> ExecuteAsync(string whoA, string whoB, string? kind, double? strength, CancellationToken ct = default)
    {
        var linkKind = kind is null ? LinkKind.Other : Input.ParseEnum("kind", kind, KindNames);
        var a = await ContactResolver.ResolveAsync(db, whoA, "first contact", ct);
        var b = await ContactResolver.ResolveAsync(db, whoB, "second contact", ct);
        if (a.Id == b.Id) throw new InputException("link", $"link: {a.DisplayName} cannot be linked to themselves");
        var (lo, hi) = a.Id < b.Id ? (a.Id, b.Id) : (b.Id, a.Id);
        var existing = await db.ContactLinks.FirstOrDefaultAsync(l => l.ContactAId == lo && l.ContactBId == hi, ct);
        var isNew = existing is null;
        try
        {
            var fresh = new ContactLink(lo, hi, linkKind, strength, inferred: false, clock.GetUtcNow().UtcDateTime);
            if (existing is null)
            {
                db.ContactLinks.Add(fresh);
                existing = fresh;
            }
            else
            {
                existing.Kind = kind is null ? existing.Kind : linkKind;
                existing.Strength = strength ?? existing.Strength;
                existing.Inferred = false;
            }
        }
        catch (DomainException e)
        {
            throw new InputException(e.Field, $"{e.Field}: {e.Message}");
        }
        await db.SaveChangesAsync(ct);
        return new LinkOutcome(existing, isNew);
    }
}

/// <summary>Records something that happened to a contact: a new job, a promotion, a move, an award.</summary>
public sealed class AddLifeEvent(RapportDbContext db, TimeProvider clock)
{
    public async Task<LifeEvent> ExecuteAsync(string who, string kind, string? date, string? note, CancellationToken ct = default)
    {
        var k = Input.ParseEnum<LifeEventKind>("kind", kind);
        var on = date is null ? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime) : Input.ParseDate("date", date);
        var contact = await ContactResolver.ResolveAsync(db, who, ct: ct);
        var e = new LifeEvent(contact.Id, k, on, detected: false) { Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim() };
        db.LifeEvents.Add(e);
        await db.SaveChangesAsync(ct);
        return e;
    }
}
