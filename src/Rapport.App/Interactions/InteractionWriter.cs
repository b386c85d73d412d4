using Rapport.Data;
using Rapport.Domain.Interactions;

namespace Rapport.App.Interactions;

/// <summary>The one place interactions are written, so the per-contact aggregates stay in step with them.</summary>
public static class InteractionWriter
{
    public static async Task AddAsync(RapportDbContext db, IReadOnlyList<Interaction> interactions, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Interactions.AddRange(interactions);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
