using Microsoft.EntityFrameworkCore;
using Rapport.App.Common;
using Rapport.Data;
using Rapport.Domain.Accounts;

namespace Rapport.App.Trash;

/// <summary>The kinds of things that go to the trash rather than being deleted.</summary>
public enum TrashKind { Contact, Organization, Event, Goal, Opportunity, Interaction }

/// <summary>One thing in the trash: what it was and when it was deleted.</summary>
public sealed record TrashItem(TrashKind Kind, long Id, string Name, DateTime DeletedAt);

/// <summary>
/// Deleting is soft: a deleted row keeps its data with a deletion time, vanishes from every other query
/// (the "trash" query filter) and can be restored until the trash is emptied.
/// </summary>
public sealed class TrashBin(RapportDbContext db, TimeProvider clock)
{
    /// <summary>Moves one thing to the trash; returns its name for the undo message.</summary>
    public async Task<string> DeleteAsync(TrashKind kind, long id, CancellationToken ct = default)
    {
        var (row, name) = await FindAsync(kind, id, includeTrash: false, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        row.DeletedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await RefreshStatsAsync(kind, id, ct);
        await tx.CommitAsync(ct);
        return name;
    }

    /// <summary>
    /// What to say when no <paramref name="kind"/> has id <paramref name="id"/>: that one is in the trash, when it is (and
    /// where to restore it), else that there is none.
    /// </summary>
    public static async Task<InputException> NotFoundAsync(RapportDbContext db, TrashKind kind, long id, string field, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        string[] trash = [RapportDbContext.TrashFilter];
        var name = kind switch
        {
            TrashKind.Contact => await db.Contacts.IgnoreQueryFilters(trash).Where(x => x.Id == id && x.DeletedAt != null).Select(x => x.DisplayName).FirstOrDefaultAsync(ct),
            TrashKind.Organization => await db.Organizations.IgnoreQueryFilters(trash).Where(x => x.Id == id && x.DeletedAt != null).Select(x => x.Name).FirstOrDefaultAsync(ct),
            TrashKind.Event => await db.Events.IgnoreQueryFilters(trash).Where(x => x.Id == id && x.DeletedAt != null).Select(x => x.Name).FirstOrDefaultAsync(ct),
            _ => null,
        };
        var what = kind.ToString().ToLowerInvariant();
        return new InputException(field, name is null
            ? $"{field}: no {what} has id {id}"
            : $"{field}: {what} #{id} ({name}) is in the trash; restore it on the Trash page of `rapport serve` first") { NotFound = true };
    }

    /// <summary>Takes one thing out of the trash.</summary>
    public async Task<string> RestoreAsync(TrashKind kind, long id, CancellationToken ct = default)
    {
        var (row, name) = await FindAsync(kind, id, includeTrash: true, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        row.DeletedAt = null;
        if (row is Domain.Contacts.Contact c) c.Touch(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        await RefreshStatsAsync(kind, id, ct);
        await tx.CommitAsync(ct);
        return name;
    }

    /// <summary>
    /// Empties the trash: deletes for good everything in it (with what hangs on it: a contact's emails, links and
    /// participations), and the interactions left with nobody, then brings what the insights start from up to date. Returns
    /// how many things were deleted.
    /// </summary>
    public async Task<int> EmptyAsync(CancellationToken ct = default)
    {
        string[] trash = [RapportDbContext.TrashFilter];
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var n = await db.Interactions.IgnoreQueryFilters(trash).Where(x => x.DeletedAt != null).ExecuteDeleteAsync(ct);
        n += await db.Opportunities.IgnoreQueryFilters(trash).Where(x => x.DeletedAt != null).ExecuteDeleteAsync(ct);
        n += await db.Goals.IgnoreQueryFilters(trash).Where(x => x.DeletedAt != null).ExecuteDeleteAsync(ct);
        n += await db.Events.IgnoreQueryFilters(trash).Where(x => x.DeletedAt != null).ExecuteDeleteAsync(ct);
        n += await db.Organizations.IgnoreQueryFilters(trash).Where(x => x.DeletedAt != null).ExecuteDeleteAsync(ct);
        n += await db.Contacts.IgnoreQueryFilters(trash).Where(x => x.DeletedAt != null).ExecuteDeleteAsync(ct);
        // An interaction whose only participants were deleted contacts would otherwise linger, belonging to no one.
        await db.Interactions.IgnoreQueryFilters(trash).Where(i => !db.InteractionParticipants.Any(p => p.InteractionId == i.Id)).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        // A contact deleted for good takes every row hanging on it with it: enough, with a long history, to be past what
        // the next load patches the insights' inputs from. They are brought up to date here instead.
        if (n > 0) await Insights.InsightsNetwork.PrepareInputsAsync(db, clock.GetUtcNow().UtcDateTime, ct);
        return n;
    }

    /// <summary>An interaction deleted or restored changes its participants' aggregates (last touch, counts), so those are rebuilt.</summary>
    private async Task RefreshStatsAsync(TrashKind kind, long id, CancellationToken ct)
    {
        if (kind != TrashKind.Interaction) return;
        var contacts = await db.InteractionParticipants.Where(p => p.InteractionId == id).Select(p => p.ContactId).ToListAsync(ct);
        await Nurture.ContactStatsRefresher.RebuildAsync(db, contacts, ct);
    }

    /// <summary>Everything in the trash, most recently deleted first.</summary>
    public async Task<IReadOnlyList<TrashItem>> ListAsync(int take = 500, CancellationToken ct = default)
    {
        string[] trash = [RapportDbContext.TrashFilter];
        var items = new List<TrashItem>();
        items.AddRange(await db.Contacts.IgnoreQueryFilters(trash).Where(x => x.DeletedAt != null).OrderByDescending(x => x.DeletedAt).Take(take)
            .Select(x => new TrashItem(TrashKind.Contact, x.Id, x.DisplayName, x.DeletedAt!.Value)).ToListAsync(ct));
        items.AddRange(await db.Organizations.IgnoreQueryFilters(trash).Where(x => x.DeletedAt != null).OrderByDescending(x => x.DeletedAt).Take(take)
            .Select(x => new TrashItem(TrashKind.Organization, x.Id, x.Name, x.DeletedAt!.Value)).ToListAsync(ct));
        items.AddRange(await db.Events.IgnoreQueryFilters(trash).Where(x => x.DeletedAt != null).OrderByDescending(x => x.DeletedAt).Take(take)
            .Select(x => new TrashItem(TrashKind.Event, x.Id, x.Name, x.DeletedAt!.Value)).ToListAsync(ct));
        items.AddRange(await db.Goals.IgnoreQueryFilters(trash).Where(x => x.DeletedAt != null).OrderByDescending(x => x.DeletedAt).Take(take)
            .Select(x => new TrashItem(TrashKind.Goal, x.Id, x.Title, x.DeletedAt!.Value)).ToListAsync(ct));
        items.AddRange(await db.Opportunities.IgnoreQueryFilters(trash).Where(x => x.DeletedAt != null).OrderByDescending(x => x.DeletedAt).Take(take)
            .Select(x => new TrashItem(TrashKind.Opportunity, x.Id, x.Title, x.DeletedAt!.Value)).ToListAsync(ct));
        var interactions = await db.Interactions.IgnoreQueryFilters(trash).Where(x => x.DeletedAt != null).OrderByDescending(x => x.DeletedAt).Take(take)
            .Select(x => new { x.Id, x.Channel, x.OccurredAt, x.DeletedAt }).ToListAsync(ct);
        items.AddRange(interactions.Select(x => new TrashItem(TrashKind.Interaction, x.Id, $"{Input.Kebab(x.Channel)} on {x.OccurredAt:yyyy-MM-dd}", x.DeletedAt!.Value)));
        return items.OrderByDescending(i => i.DeletedAt).Take(take).ToList();
    }

    private async Task<(ISoftDeletable Row, string Name)> FindAsync(TrashKind kind, long id, bool includeTrash, CancellationToken ct)
    {
        string[] filters = includeTrash ? [RapportDbContext.TrashFilter] : [];
        (ISoftDeletable?, string) found = kind switch
        {
            TrashKind.Contact => await db.Contacts.IgnoreQueryFilters(filters).FirstOrDefaultAsync(x => x.Id == id, ct) is { } c ? (c, c.DisplayName) : (null, ""),
            TrashKind.Organization => await db.Organizations.IgnoreQueryFilters(filters).FirstOrDefaultAsync(x => x.Id == id, ct) is { } o ? (o, o.Name) : (null, ""),
            TrashKind.Event => await db.Events.IgnoreQueryFilters(filters).FirstOrDefaultAsync(x => x.Id == id, ct) is { } e ? (e, e.Name) : (null, ""),
            TrashKind.Goal => await db.Goals.IgnoreQueryFilters(filters).FirstOrDefaultAsync(x => x.Id == id, ct) is { } g ? (g, g.Title) : (null, ""),
            TrashKind.Opportunity => await db.Opportunities.IgnoreQueryFilters(filters).FirstOrDefaultAsync(x => x.Id == id, ct) is { } p ? (p, p.Title) : (null, ""),
            TrashKind.Interaction => await db.Interactions.IgnoreQueryFilters(filters).FirstOrDefaultAsync(x => x.Id == id, ct) is { } i ? (i, $"{Input.Kebab(i.Channel)} on {i.OccurredAt:yyyy-MM-dd}") : (null, ""),
            _ => (null, ""),
        };
        if (found.Item1 is null) throw new InputException("id", $"id: no {Input.Kebab(kind)} has id {id}");
        if (includeTrash && found.Item1.DeletedAt is null) throw new InputException("id", $"id: {found.Item2} is not in the trash");
        return (found.Item1, found.Item2);
    }
}
