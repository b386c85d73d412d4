using Microsoft.EntityFrameworkCore;
using Rapport.App.Nurture;
using Rapport.Data;
using Rapport.Domain.Interactions;
using Rapport.Domain.Nurture;

namespace Rapport.App.Interactions;

/// <summary>
/// The one place interactions are written one by one, so the per-contact aggregates stay in step with them: each touch is
/// folded into its participants' <see cref="ContactStats"/> in the same transaction. A contact without aggregates yet, or
/// whose aggregates were built under other settings, is rebuilt from its whole history instead.
/// </summary>
public static class InteractionWriter
{
    public static async Task AddAsync(RapportDbContext db, IReadOnlyList<Interaction> interactions, CancellationToken ct)
    {
        var ownTx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            db.Interactions.AddRange(interactions);
            await db.SaveChangesAsync(ct);
            await FoldInAsync(db, interactions, ct);
            if (ownTx is not null) await ownTx.CommitAsync(ct);
        }
        finally
        {
            if (ownTx is not null) await ownTx.DisposeAsync();
        }
    }

    private static async Task FoldInAsync(RapportDbContext db, IReadOnlyList<Interaction> interactions, CancellationToken ct)
    {
        await StatsLock.TakeAsync(db, ct);
        var settings = await NurtureSettingsStore.LoadAsync(db, ct);
        var contactIds = interactions.SelectMany(i => i.Participants.Select(p => p.ContactId)).Distinct().ToList();
        var stats = await db.ContactStats.Where(s => contactIds.Contains(s.ContactId)).ToDictionaryAsync(s => s.ContactId, ct);
        var rebuild = new List<long>();
        var later = new List<long>();
        foreach (var id in contactIds)
        {
            if (!stats.TryGetValue(id, out var row) || !row.IsCurrentFor(settings))
            {
                rebuild.Add(id);
                continue;
            }
            var lastBefore = row.LastTouchAt;
            foreach (var i in interactions.Where(i => i.Participants.Any(p => p.ContactId == id)).OrderBy(i => i.OccurredAt))
                row.Add(new Touch(i.OccurredAt, i.Channel, i.Direction), settings);
            if (row.NeedsRecompute) rebuild.Add(id);
            if (row.LastTouchAt > lastBefore || lastBefore is null) later.Add(id);
        }
        await db.SaveChangesAsync(ct);
        // The contacts rebuilt without a row folded in are recorded by the rebuild, which sees their last touch move.
        if (later.Count > 0) await ContactStatsRefresher.RecordSeniorityAtLastContactAsync(db, later, ct);
        if (rebuild.Count > 0) await ContactStatsRefresher.RebuildAsync(db, rebuild, settings, ct);
    }
}
