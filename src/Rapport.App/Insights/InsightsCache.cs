using Rapport.App.Common;
using Rapport.Data;

namespace Rapport.App.Insights;

/// <summary>One load of an account's network with the report computed from it.</summary>
public sealed record InsightsSnapshot(InsightsNetwork Network, InsightsReport Report);

/// <summary>
/// The insights of each account kept until the next write (see <see cref="AccountCache{T}"/>), so the Insights page,
/// its graph and its warm paths read one load instead of the whole network on every request.
/// </summary>
public sealed class InsightsCache(TimeSpan? maxAge = null) : AccountCache<InsightsSnapshot>(maxAge)
{
    /// <summary>The current account's network, kept when a cache is given, else loaded as of now.</summary>
    public static async Task<InsightsNetwork> NetworkAsync(RapportDbContext db, TimeProvider clock, InsightsCache? cache, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        return cache is null ? await InsightsNetwork.LoadAsync(db, now, ct) : (await cache.GetAsync(db, now, ct)).Network;
    }

    /// <summary>
    /// A network with at least this many links gives the garbage of its build back to the system at once. Loading
    /// 100,000 contacts (2.6 M links) allocates about 1.2 GB to keep about 230 MB; the collector would keep most of the
    /// difference resident for a long time, which a server kept open all day cannot afford (DESIGN.md §5: 400 MB). A
    /// 20,000-contact network (65,000 links) allocates under 200 MB and is left to the collector. Decided by the network's
    /// own size, not by what the process allocated meanwhile, so that other requests never make a small build pay for a
    /// full, blocking collection.
    /// </summary>
    public const int CompactFromLinks = 1_000_000;

    /// <summary>The current account's insights as of <paramref name="now"/>, kept or computed.</summary>
    public Task<InsightsSnapshot> GetAsync(RapportDbContext db, DateTime now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return GetOrAddAsync(db.AccountId, now, async () =>
        {
            // Kept here in memory, and its inputs in the database as a command keeps them: after the next write the network is
            // patched from them instead of read from every table. Keeping them is a commit, which has the web app's caches
            // built once more (from what was kept): once after a read of the tables, and once in every 250 rows written.
            var network = await InsightsNetwork.LoadAsync(db, now, ct);
            var snapshot = new InsightsSnapshot(network, BuildInsights.Analyze(network));
            if (network.Links.Count >= CompactFromLinks)
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            return snapshot;
        });
    }
}
