using Rapport.Domain.Contacts;
using Rapport.Domain.Nurture;
using static Rapport.Domain.Tests.Nurture.NurtureTestData;

namespace Rapport.Domain.Tests.Nurture;

public class TiersTest
{
    [Fact]
    public void ToWire_NamesEveryTierInLowerCase_WithOneInstanceEach()
    {
        Assert.Equal(["inner", "close", "active", "network", "acquaintance"], Enum.GetValues<Tier>().Select(t => t.ToWire()));
        // 100,000 standings name their tier: one string per tier, not one per standing.
        Assert.Same(Tier.Acquaintance.ToWire(), Tier.Acquaintance.ToWire());
    }

    [Fact]
    public void Assign_RanksByStrength_PinsOverride_AndNeverContactedAreAcquaintances()
    {
        var s = S.With("rank.inner", "2").With("rank.close", "4").With("rank.active", "5").With("rank.network", "6");
        TierCandidate[] c =
        [
            new(1, 0.90, null, true),
            new(2, 0.80, null, true),
            new(3, 0.10, Tier.Inner, true),   // pinned: takes an inner seat despite its rank
            new(4, 0.70, null, true),
            new(5, 0.60, null, true),
            new(6, 0.50, null, true),
            new(7, 0.40, null, true),
            new(8, 0.95, null, false),        // never in touch
            new(9, 0.30, null, true),
        ];
        var tiers = Tiers.Assign(c, s);
        Assert.Equal(
            // inner 2 seats (one pinned), close 2, active 1, network 1; the rest are acquaintances.
            [Tier.Inner, Tier.Close, Tier.Inner, Tier.Close, Tier.Active, Tier.Network, Tier.Acquaintance, Tier.Acquaintance, Tier.Acquaintance],
            tiers);
    }

    [Fact]
    public void Assign_WithDefaults_Fills5_10_35_100()
    {
        var c = Enumerable.Range(1, 200).Select(i => new TierCandidate(i, 1.0 / i, null, true)).ToArray();
        var counts = Tiers.Assign(c, S).GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(5, counts[Tier.Inner]);
        Assert.Equal(10, counts[Tier.Close]);
        Assert.Equal(35, counts[Tier.Active]);
        Assert.Equal(100, counts[Tier.Network]);
        Assert.Equal(50, counts[Tier.Acquaintance]);
    }

    [Theory]
    [InlineData(29, 29.0 / 30, LapseState.NotDue)]
    [InlineData(30, 1.0, LapseState.Due)]
    [InlineData(45, 1.5, LapseState.Due)]
    [InlineData(60, 2.0, LapseState.Cooling)]
    [InlineData(90, 3.0, LapseState.GoingDormant)]
    public void Lapse_IsDaysSinceOverCadence_WithItsStates(double daysAgo, double lapse, LapseState state)
    {
        var last = Now.AddDays(-daysAgo);
        var status = Tiers.Status(last, Tier.Close, Now, S);
        Assert.Equal(30, status.CadenceDays);
        Assert.Equal(last.AddDays(30), status.NextDue);
        Assert.Equal(lapse, status.Lapse!.Value, 12);
        Assert.Equal(state, status.State);
    }

    [Fact]
    public void Acquaintances_HaveNoCadence()
    {
        var status = Tiers.Status(Now.AddDays(-1000), Tier.Acquaintance, Now, S);
        Assert.Equal((null, null, null, LapseState.NotDue), (status.CadenceDays, status.NextDue, status.Lapse, status.State));
    }
}
