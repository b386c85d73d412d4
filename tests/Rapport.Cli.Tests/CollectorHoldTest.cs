using System.Runtime;

namespace Rapport.Cli.Tests;

[CollectionDefinition(nameof(CollectorHoldTest), DisableParallelization = true)]
public sealed class CollectorHoldCollection;

/// <summary>
/// The import command holds the collector off while it works. Run alone: the hold is process-wide, and other tests'
/// allocations would count against the budget.
/// </summary>
[Collection(nameof(CollectorHoldTest))]
public sealed class CollectorHoldTest
{
    private const int Chunk = 1024;

    // Small arrays kept alive, as an import keeps its rows: about the given number of megabytes.
    private static List<byte[]> Allocate(int megabytes)
    {
        var kept = new List<byte[]>(megabytes * 1024);
        for (var i = 0; i < megabytes * 1024; i++) kept.Add(new byte[Chunk - 32]);
        return kept;
    }

    [Fact]
    public void WhileHeld_AllocatingBelowTheBudget_CollectsNothing_AndEndingRestoresTheMode()
    {
        // Without a hold, the same allocations collect at least once: the check below can fail. (A collection first, so
        // that no budget left from an earlier hold in this process is still running.)
        GC.Collect();
        var before = GC.CollectionCount(0);
        GC.KeepAlive(Allocate(96));
        Assert.True(GC.CollectionCount(0) > before, "96 MB of small arrays should have collected at least once without a hold");

        var mode = GCSettings.LatencyMode;
        using (var hold = CollectorHold.Begin(192L << 20))
        {
            Assert.True(hold.Holding);
            Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
            before = GC.CollectionCount(0);
            var kept = Allocate(96);
            Assert.Equal(before, GC.CollectionCount(0));
            Assert.True(hold.Holding);
            GC.KeepAlive(kept);
        }
        Assert.Equal(mode, GCSettings.LatencyMode);
    }

    [Fact]
    public void OneHoldAtATime_ASecondDoesNothing_AndLeavesTheFirstHolding()
    {
        using var first = CollectorHold.Begin(64L << 20);
        Assert.True(first.Holding);
        using (var second = CollectorHold.Begin(64L << 20))
        {
            Assert.False(second.Holding);
        }
        Assert.True(first.Holding);
        Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [Fact]
    public void PastTheBudget_TheRuntimeCollectsAsUsual_AndEndingIsHarmless()
    {
        var mode = GCSettings.LatencyMode;
        var hold = CollectorHold.Begin(16L << 20);
        Assert.True(hold.Holding);
        var before = GC.CollectionCount(0);
        var kept = Allocate(64);
        Assert.True(GC.CollectionCount(0) > before);
        Assert.False(hold.Holding);
        hold.Dispose();
        hold.Dispose();
        Assert.Equal(mode, GCSettings.LatencyMode);
        GC.KeepAlive(kept);

        // And the next hold can start.
        using var next = CollectorHold.Begin(16L << 20);
        Assert.True(next.Holding);
    }
}
