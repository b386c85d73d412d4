using Rapport.App.Common;

namespace Rapport.Data.Tests.Common;

/// <summary>The pool that gives the repeated texts of one load (company, city, category...) one instance each.</summary>
public class StringPoolTest
{
    [Fact]
    public void EqualTexts_ShareTheFirstInstance_OthersStayApart()
    {
        var pool = new StringPool();
        var berlin = new string("Berlin".AsSpan());
        var again = new string("Berlin".AsSpan());
        Assert.NotSame(berlin, again);

        Assert.Same(berlin, pool.Get(berlin));
        Assert.Same(berlin, pool.Get(again));
        Assert.Equal("berlin", pool.Get("berlin"));
        Assert.NotSame(berlin, pool.Get("berlin"));
        Assert.Null(pool.Get(null));
        Assert.Equal(2, pool.Count);
    }

    [Fact]
    public void GetAll_KeepsOrderAndDuplicates_WithThePoolsInstances()
    {
        var pool = new StringPool();
        var peer = pool.Get(new string("peer".AsSpan()))!;
        var all = pool.GetAll([new string("alumni".AsSpan()), new string("peer".AsSpan()), "alumni"]);

        Assert.Equal(["alumni", "peer", "alumni"], all);
        Assert.Same(peer, all[1]);
        Assert.Same(all[0], all[2]);
    }
}
