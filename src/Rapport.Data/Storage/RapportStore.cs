using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Rapport.Data.Storage;

/// <summary>Opens units of work on one database: configures the provider and the account scope.</summary>
/// <param name="target">The database.</param>
/// <param name="compiledModel">Load the compiled model (the default: fast start-up); false builds it from the configuration.</param>
public sealed class RapportStore(DbTarget target, bool compiledModel = true)
{
    // Built at the first unit of work, or by WarmUp on a pool thread: EF Core's options (the provider, the compiled model,
    // the interceptors) take about 0.1 s of CPU in a fresh process, which a command can spend migrating meanwhile.
    private readonly Lazy<DbContextOptions<RapportDbContext>> _options = new(() => Configure(new DbContextOptionsBuilder<RapportDbContext>(), target, compiledModel).Options);

    public DbTarget Target { get; } = target;

    /// <summary>A new unit of work for one account.</summary>
    public RapportDbContext Open(long accountId = Domain.Accounts.Account.DefaultId) =>
        new(_options.Value, new AccountScope { AccountId = accountId });

    /// <summary>
    /// Readies EF Core on a pool thread: its options, its internal services and the model (compiled, or built from the configuration,
    /// which takes about half a second of CPU), once per process, so that start-up work that needs neither, such as
    /// migrating and reading an import file, runs meanwhile on the other core. The first query waits for it if it is still
    /// running; a failure here happens again, visibly, at that query.
    /// </summary>
    public void WarmUp() => _ = Task.Run(() =>
    {
        using var db = Open();
        _ = db.Model;
    });

    /// <summary>
    /// Refreshes the query planner's statistics after a bulk write (demo, import), so that joins use the right indexes
    /// at once rather than after the next start-up. On SQLite each index is sampled (about a thousand rows, as
    /// <c>PRAGMA optimize</c> does) rather than read whole: 2 ms instead of 56 ms after a 30,000-contact import.
    /// </summary>
    public static Task AnalyzeAsync(RapportDbContext db, CancellationToken ct = default) =>
        db.Database.ExecuteSqlRawAsync(db.Database.IsSqlite() ? "PRAGMA analysis_limit = 1000; ANALYZE;" : "ANALYZE;", ct);

    /// <summary>
    /// Applies the provider, its compiled model and the per-connection settings to an options builder. Without
    /// <paramref name="compiledModel"/> EF Core builds the model from the configuration instead (about half a second of
    /// CPU at the first query; tests compare the two).
    /// </summary>
    public static DbContextOptionsBuilder<RapportDbContext> Configure(DbContextOptionsBuilder<RapportDbContext> builder, DbTarget target, bool compiledModel = true)
    {
        if (target.Provider == DbProvider.Sqlite)
        {
            // A list in a query (ids.Contains(x.Id)) goes as one JSON parameter read with json_each, not as one parameter per
            // item (EF Core 10's default): SQLite takes at most 32,766 parameters in a statement (a People page over a tier of
            // 100,000 contacts failed), and a thousand of them cost 0.1-0.2 s per statement (contact list, the People page's
            // last interactions, a re-import's chunks). Npgsql already sends a list as one array parameter.
            builder.UseSqlite(target.ConnectionString, o => o.CommandTimeout(120).UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));
            builder.AddInterceptors(SqlitePragmas.Instance);
            if (compiledModel) builder.UseModel(CompiledModels.Sqlite.RapportDbContextModel.Instance);
        }
        else
        {
            builder.UseNpgsql(target.ConnectionString, o => o.CommandTimeout(120));
            if (compiledModel) builder.UseModel(CompiledModels.Postgres.RapportDbContextModel.Instance);
        }
        builder.AddInterceptors(Search.ContactSearchRefresher.Instance);
        builder.UseQueryTrackingBehavior(QueryTrackingBehavior.TrackAll);
        return builder;
    }

    /// <summary>
    /// Per-connection SQLite settings: WAL is kept in the file; these are not. SQLite's own lower() and upper() change
    /// only A–Z, so "Émile" never equals "émile" in a query that ignores case (EF Core translates ToLower() to lower()):
    /// they are replaced by .NET's invariant case mapping, as PostgreSQL's lower() already maps every letter. No index,
    /// view or trigger of the schema uses them.
    /// </summary>
    private sealed class SqlitePragmas : DbConnectionInterceptor
    {
        public static readonly SqlitePragmas Instance = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        private static void Apply(DbConnection connection)
        {
            if (connection is Microsoft.Data.Sqlite.SqliteConnection sqlite)
            {
                sqlite.CreateFunction<string?, string?>("lower", s => s?.ToLowerInvariant(), isDeterministic: true);
                sqlite.CreateFunction<string?, string?>("upper", s => s?.ToUpperInvariant(), isDeterministic: true);
            }
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 10000;";
            cmd.ExecuteNonQuery();
        }
    }
}
