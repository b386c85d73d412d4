using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Rapport.Data.Search;

/// <summary>
/// Keeps the contact search texts in step with every write made through EF Core: before a transaction commits (SaveChanges'
/// own, or one a use case began, around a <see cref="Storage.BulkWriter"/> or raw SQL), and after a SaveChanges that ran
/// without one, it rebuilds the contacts the triggers marked stale (<see cref="ContactSearchIndex.RefreshAsync"/>).
/// A write that commits otherwise (a bare ExecuteUpdate, another program) leaves them marked, and searches read those
/// contacts the exact, slow way until the next rebuild.
/// </summary>
public sealed class ContactSearchRefresher : DbTransactionInterceptor, ISaveChangesInterceptor
{
    public static readonly ContactSearchRefresher Instance = new();

    // The contexts whose current save committed a transaction of its own, which already rebuilt the texts: after such a save
    // there is nothing left to rebuild, and no need to look.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, object> RefreshedBySave = [];
    private static readonly object Refreshed = new();

    private ContactSearchRefresher() { }

    public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        ContactSearchIndex.RefreshAsync(transaction.Connection!, transaction).GetAwaiter().GetResult();
        Mark(eventData.Context);
        return result;
    }

    public override async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        await ContactSearchIndex.RefreshAsync(transaction.Connection!, transaction, cancellationToken);
        Mark(eventData.Context);
        return result;
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } db) RefreshedBySave.Remove(db);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db) RefreshedBySave.Remove(db);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } db) RefreshAfterSaveAsync(db, default).GetAwaiter().GetResult();
        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db) await RefreshAfterSaveAsync(db, cancellationToken);
        return result;
    }

    private static void Mark(DbContext? db)
    {
        if (db is not null) RefreshedBySave.AddOrUpdate(db, Refreshed);
    }

    // Inside a transaction the commit does it; EF Core saves a single statement without one, and then it is done here.
    private static async Task RefreshAfterSaveAsync(DbContext db, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null || RefreshedBySave.Remove(db)) return;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await ContactSearchIndex.RefreshAsync(db.Database.GetDbConnection(), null, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
