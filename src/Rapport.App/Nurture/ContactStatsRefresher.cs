using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Data.Storage;
using Rapport.Domain.Contacts;
using Rapport.Domain.Interactions;
using Rapport.Domain.Nurture;

namespace Rapport.App.Nurture;

/// <summary>
/// Rebuilds the per-contact interaction aggregates (<see cref="ContactStats"/>) from the full history: after bulk writes
/// (demo, import), after a settings change that the aggregates depend on, and for contacts an out-of-order touch left stale.
/// Day-to-day writes go through <see cref="Interactions.InteractionWriter"/>, which folds each touch in without a rebuild.
/// Both record, for each contact whose last touch moved later, the contact's seniority as of that touch
/// (<see cref="Contact.SeniorityAtLastContact"/>, behind the reconnect bonus of SCIENCE.md C).
/// </summary>
public static class ContactStatsRefresher
{
    /// <summary>Rebuilds the rows of <paramref name="contactIds"/> (every contact when null) with the account's settings.</summary>
    public static async Task RebuildAsync(RapportDbContext db, IReadOnlyCollection<long>? contactIds, CancellationToken ct)
    {
        var settings = await NurtureSettingsStore.LoadAsync(db, ct);
        await RebuildAsync(db, contactIds, settings, ct);
    }

    /// <summary>Rebuilds with the given settings, inside the caller's transaction when there is one.</summary>
    public static async Task RebuildAsync(RapportDbContext db, IReadOnlyCollection<long>? contactIds, NurtureSettings settings, CancellationToken ct)
    {
        if (contactIds is { Count: 0 }) return;
        var ownTx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            // History is read under the lock, so a touch folded in by a writer that got there first is not lost.
            await StatsLock.TakeAsync(db, ct);
            var rebuilt = await ComputeAsync(db, contactIds, settings, null, ct);
            var existing = db.ContactStats.AsQueryable();
            if (contactIds is not null) existing = existing.Where(s => contactIds.Contains(s.ContactId));
            var lastBefore = await existing.AsNoTracking().Select(s => new { s.ContactId, s.LastTouchAt }).ToDictionaryAsync(s => s.ContactId, s => s.LastTouchAt, ct);
            await RecordSeniorityAtLastContactAsync(db,
                rebuilt.Where(r => r.LastTouchAt is { } last && !(lastBefore.GetValueOrDefault(r.ContactId) >= last)).Select(r => r.ContactId).ToList(), ct);
            await existing.ExecuteDeleteAsync(ct);
            foreach (var entry in db.ChangeTracker.Entries<ContactStats>().ToList()) entry.State = EntityState.Detached;
            await new BulkWriter(db).InsertAsync(rebuilt, ct);
            if (ownTx is not null) await ownTx.CommitAsync(ct);
        }
        finally
        {
            if (ownTx is not null) await ownTx.DisposeAsync();
        }
    }

    /// <summary>
    /// Records the current seniority of <paramref name="contactIds"/> as their seniority at the last contact: called for the
    /// contacts whose last touch an interaction just written (logged, done from the plan, imported) moved later, so that a
    /// promotion after it shows as a rise. A touch written before the last one leaves the seniority then unchanged. This is
    /// bookkeeping, not an edit of the contact: its version and update time stay as they are.
    /// </summary>
    internal static async Task RecordSeniorityAtLastContactAsync(RapportDbContext db, IReadOnlyList<long> contactIds, CancellationToken ct)
    {
        foreach (var chunk in contactIds.Chunk(10_000))
        {
            await db.Contacts.Where(c => chunk.Contains(c.Id) && c.SeniorityAtLastContact != c.Seniority)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.SeniorityAtLastContact, c => c.Seniority), ct);
        }
    }

    /// <summary>
    /// Aggregates computed from history without storing them: with <paramref name="asOf"/>, touches after it are left out
    /// (a what-if at an earlier "now").
    /// </summary>
    public static async Task<List<ContactStats>> ComputeAsync(
        RapportDbContext db, IReadOnlyCollection<long>? contactIds, NurtureSettings settings, DateTime? asOf, CancellationToken ct)
    {
        var query =
            from p in db.InteractionParticipants.AsNoTracking()
            join i in db.Interactions.AsNoTracking() on p.InteractionId equals i.Id
            select new { p.ContactId, i.OccurredAt, i.Channel, i.Direction };
        if (contactIds is not null) query = query.Where(x => contactIds.Contains(x.ContactId));
        var rows = await query.ToListAsync(ct);

        var result = new List<ContactStats>();
        var touches = new List<Touch>();
        foreach (var group in rows.GroupBy(r => r.ContactId))
        {
            touches.Clear();
            foreach (var r in group) touches.Add(new Touch(r.OccurredAt, r.Channel, r.Direction));
            touches.Sort((a, b) => a.At.CompareTo(b.At));
            result.Add(ContactStats.FromHistory(group.Key, touches, settings, asOf));
        }
        return result;
    }
}
