using Rapport.App.Nurture;

namespace Rapport.Data.Tests.Nurture;

public class PlanCacheTest
{
    private static readonly DateTime Now = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task APlanWhoseBuildAnInvalidationOvertook_IsBuiltAgain_ThenKept()
    {
        var cache = new PlanCache();
        var builds = 0;
        Task<NurtureState> Build()
        {
            // The first build has begun reading when a commit lands and invalidates: what it read may be from before.
            if (++builds == 1) cache.InvalidateAll();
            return Task.FromResult<NurtureState>(null!);
        }

        await cache.GetOrAddAsync(1, Now, Build);
        await cache.GetOrAddAsync(1, Now, Build);
        await cache.GetOrAddAsync(1, Now, Build);

        Assert.Equal(2, builds);
    }
}
