using Rapport.App.Common;

namespace Rapport.Data.Tests.Common;

/// <summary>The per-account cache behind the kept plans and insights.</summary>
public class AccountCacheTest
{
    private static readonly DateTime Now = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task EachAccountKeepsItsOwnValue_AndInvalidatingOneLeavesTheOther()
    {
        var cache = new AccountCache<string>();
        var builds = 0;
        Task<string> Build(string v) { builds++; return Task.FromResult(v); }

        Assert.Equal("a1", await cache.GetOrAddAsync(1, Now, () => Build("a1")));
        Assert.Equal("b1", await cache.GetOrAddAsync(2, Now, () => Build("b1")));
        Assert.Equal("a1", await cache.GetOrAddAsync(1, Now, () => Build("a2")));
        Assert.Equal(2, builds);

        cache.Invalidate(1);
        Assert.Equal("a2", await cache.GetOrAddAsync(1, Now, () => Build("a2")));
        // Invalidation bumps the generation for every account, so the other is read again too: never stale, at worst rebuilt.
        Assert.Equal("b2", await cache.GetOrAddAsync(2, Now, () => Build("b2")));
        cache.InvalidateAll();
        Assert.Equal("a3", await cache.GetOrAddAsync(1, Now, () => Build("a3")));
    }

    [Fact]
    public async Task ABuildBegunBeforeAnInvalidation_IsNotServedAfterIt()
    {
        var cache = new AccountCache<string>();
        // A write lands while the value is being read from the database: the value read may miss it.
        var read = await cache.GetOrAddAsync(1, Now, () =>
        {
            cache.Invalidate(1);
            return Task.FromResult("read during the write");
        });
        Assert.Equal("read during the write", read);

        Assert.Equal("after the write", await cache.GetOrAddAsync(1, Now, () => Task.FromResult("after the write")));
    }

    [Fact]
    public async Task AFailedBuildIsNotKept()
    {
        var cache = new AccountCache<string>();
        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetOrAddAsync(1, Now, () => Task.FromException<string>(new InvalidOperationException("boom"))));
        Assert.Equal("ok", await cache.GetOrAddAsync(1, Now, () => Task.FromResult("ok")));
    }
}
