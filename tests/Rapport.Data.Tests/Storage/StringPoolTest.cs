using Rapport.Data.Storage;

namespace Rapport.Data.Tests.Storage;

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

    [Fact]
    public void Utf8Texts_AreFoundWithoutANewString_AndMadeOnceWhenNew()
    {
        var pool = new StringPool();
        var zurich = pool.Get(new string("Zürich".AsSpan()))!;

        Assert.Same(zurich, pool.GetUtf8("Zürich"u8));
        var long1 = pool.GetUtf8(System.Text.Encoding.UTF8.GetBytes(new string('ß', 300)));
        Assert.Equal(new string('ß', 300), long1);
        Assert.Same(long1, pool.GetUtf8(System.Text.Encoding.UTF8.GetBytes(new string('ß', 300))));
        Assert.Same(long1, pool.Get(new string('ß', 300)));
        Assert.Equal("", pool.GetUtf8([]));
        // Bytes that are no UTF-8 read as the replacement character, as a string made from them would.
        Assert.Equal("a\uFFFDb", pool.GetUtf8([(byte)'a', 0xFF, (byte)'b']));
        Assert.Equal(4, pool.Count);
    }
}
