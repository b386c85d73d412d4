using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.App.Demo;
using Rapport.App.Insights;
using Rapport.Data.Storage;
using Rapport.Data.Tests.Support;

namespace Rapport.Data.Tests.Insights;

/// <summary>What the tests of the kept insights inputs share: a demo database, the network the tables give, a network as text.</summary>
internal static class KeptNetworks
{
    /// <summary>A migrated database holding the demo network of <paramref name="contacts"/> contacts.</summary>
    public static async Task<RapportStore> DemoAsync(TestDatabase test, int contacts, int seed, TimeProvider clock, CancellationToken ct)
    {
        var store = await test.MigratedStoreAsync(clock);
        await new DemoWriter(store, clock).WriteAsync(new DemoOptions(contacts, seed), null, ct);
        return store;
    }

    /// <summary>The network as the tables give it, whatever is kept (the kept value is set aside for the read, and left as it was).</summary>
    public static async Task<InsightsNetwork> TablesAsync(RapportDbContext db, DateTime day, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "InsightsInputs" """, ct);
        var network = await InsightsNetwork.LoadAsync(db, day, ct, keepInputs: false);
        Assert.False(network.FromKeptInputs);
        await tx.RollbackAsync(ct);
        return network;
    }

    /// <summary>A write a constraint refused, nothing of it written: SQLite's SQLITE_CONSTRAINT, PostgreSQL's class 23.</summary>
    public static bool Refused(Exception e) => e is DbUpdateException { InnerException: { } inner } ? Refused(inner)
        : e is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 } || (e is Npgsql.PostgresException pg && pg.SqlState.StartsWith("23", StringComparison.Ordinal));

    /// <summary>Everything the engines read of a network, and the report they make of it, as text.</summary>
    public static string Describe(InsightsNetwork network) => JsonSerializer.Serialize(new
    {
        Contacts = network.Contacts.Select(c => new
        {
            c.Id, c.Name, c.Company, c.Title, c.Industry, c.Function, c.Seniority, c.SeniorityAtLastContact, c.City, c.Country, c.Categories, c.Trust,
            c.Closeness, c.TierPin, c.KnownSince, c.MetAtEventId, c.MetAtOrganizationId, c.CreatedAt, c.Mutuals, c.Measure, c.Band, c.BandYearAgo, c.Tier,
            c.FirstTouch, c.LastTouch, c.Gives, c.Asks,
        }),
        Links = Enumerable.Range(0, network.Links.Count).Select(k => network.Links[k]),
        network.Organizations, network.Memberships, network.Events, network.Attendances, MetAtEvents = network.MetAtEvents.Select(m => new { m.EventId, m.ContactId }), network.Goals,
        Report = BuildInsights.Analyze(network),
    });
}
