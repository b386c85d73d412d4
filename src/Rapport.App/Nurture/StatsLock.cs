using Microsoft.EntityFrameworkCore;
using Rapport.Data;

namespace Rapport.App.Nurture;

/// <summary>
/// Serializes the writers of an account's aggregates (folding a touch in, rebuilding from history) for the rest of the
/// current transaction. On PostgreSQL, read committed lets two transactions read the same aggregates row and each write
/// back its own fold, losing the other's touch, and lets two rebuilds insert the same rows; a transaction-scoped advisory
/// lock per account makes the second wait and then read what the first committed. SQLite needs none: a transaction's
/// first write takes the database's write lock, so writers already run one at a time.
/// </summary>
internal static class StatsLock
{
    // "RAPS": the advisory lock space of Rapport's aggregates; the second key is the account.
    private const int LockSpace = 0x52415053;

    public static async Task TakeAsync(RapportDbContext db, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("the aggregates lock is held for a transaction; begin one first");
        if (db.Database.ProviderName != "Npgsql.EntityFrameworkCore.PostgreSQL") return;
        var account = unchecked((int)db.AccountId);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockSpace}, {account})", ct);
    }
}
