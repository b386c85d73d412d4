using Rapport.Domain.Insights;
using Rapport.Domain.Insights.Brokerage;

namespace Rapport.Domain.Tests.Insights.Brokerage;

public class StructuralHolesTest
{
    private static BrokerageContact Person(long id, double s = 0.5, long[]? current = null, long[]? past = null, long[]? events = null) =>
        new(id, $"P{id}", s, current ?? [], past ?? [], events ?? []);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(20)]
    public void Constraint_OfAStarOfEqualUnconnectedContacts_IsOneOverN(int n)
    {
        var c = StructuralHoles.Constraint(Enumerable.Repeat(0.7, n).ToArray(), new double[n * n]);

        Assert.Equal(1.0 / n, c, 12);
    }

    [Fact]
    public void Constraint_OfAClosedTriad_IsBurtsNineEighths()
    {
        // p = 1/2 each; each contact puts half of its ties in the other: (1/2 + 1/4)² × 2 = 1.125.
        var c = StructuralHoles.Constraint([1, 1], [0, 1, 1, 0]);

        Assert.Equal(1.125, c, 12);
    }

    [Fact]
    public void EffectiveSize_OfATriangle_IsOne_AndOfAStarIsN()
    {
        Assert.Equal(1.0, StructuralHoles.EffectiveSize(2, 1), 12);
        Assert.Equal(4.0, StructuralHoles.EffectiveSize(4, 0), 12);
        Assert.Equal(1.0, StructuralHoles.EffectiveSize(4, 6), 12); // a clique of four
    }

    [Fact]
    public void FullyKnownNetwork_HasExactMeasures_AndNoSpread()
    {
        // Four equal contacts: 1–2 linked, every other pair known not to be.
        var contacts = Enumerable.Range(1, 4).Select(i => Person(i)).ToArray();
        var input = new BrokerageInput(contacts, [new KnownLink(new ContactPair(1, 2), 1.0)],
            [new(1, 3), new(1, 4), new(2, 3), new(2, 4), new(3, 4)]);

        var report = StructuralHoles.Analyze(input);

        Assert.True(report.Shown);
        Assert.Equal(1.0, report.Coverage, 12);
        Assert.Equal(3.5, report.ExpectedEffectiveSize!.Value, 12);
        Assert.Equal(3.5 / 4, report.Efficiency!.Value, 12);
        var exact = StructuralHoles.Constraint([0.5, 0.5, 0.5, 0.5], [0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        Assert.Equal(exact, report.Constraint!.Value.Median, 12);
        Assert.Equal(exact, report.Constraint!.Value.P10, 12);
        Assert.Equal(exact, report.Constraint!.Value.P90, 12);
    }

    [Fact]
    public void UnknownPairs_GetTheirChance_FromSharedOrganizationsAndEvents()
    {
        // Pairs: 1–2 share a current org (0.6), 1–3 a past org (0.3), 2–3 an event (0.3); the rest are known.
        var contacts = new[] { Person(1, current: [10], past: [20]), Person(2, current: [10], events: [7]), Person(3, past: [20], events: [7]) };
        var input = new BrokerageInput(contacts, [], []);

        var report = StructuralHoles.Analyze(input, InsightSettings.Default with { MinPairCoverage = 0 });

        Assert.Equal(3 - 2 * (0.6 + 0.3 + 0.3) / 3, report.ExpectedEffectiveSize!.Value, 12);
        Assert.Equal(3.0, report.EffectiveSizeKnownLinksOnly!.Value, 12);
        Assert.True(report.Constraint!.Value.P10 <= report.Constraint!.Value.Median);
        Assert.True(report.Constraint!.Value.Median <= report.Constraint!.Value.P90);
    }

    [Fact]
    public void OtherUnknownPairs_GetTheDefaultChance_UntilEnoughPairsAreKnown()
    {
        var contacts = Enumerable.Range(1, 3).Select(i => Person(i)).ToArray();
        var input = new BrokerageInput(contacts, [new KnownLink(new ContactPair(1, 2))], [new ContactPair(1, 3)]);

        var report = StructuralHoles.Analyze(input);

        Assert.Equal(0.05, report.DefaultLinkChance);
        var dense = StructuralHoles.Analyze(input, InsightSettings.Default with { MinKnownPairsForDensity = 2 });
        Assert.Equal(0.5, dense.DefaultLinkChance);
        Assert.Equal(3 - 2 * (1 + 0.5) / 3, dense.ExpectedEffectiveSize!.Value, 12);
    }

    [Fact]
    public void BelowTwentyPercentCoverage_TheMeasuresAreHidden()
    {
        var contacts = Enumerable.Range(1, 10).Select(i => Person(i)).ToArray(); // 45 pairs
        var links = Enumerable.Range(1, 8).Select(i => new KnownLink(new ContactPair(i, i + 1))).ToArray(); // 8 known: 17.8%

        var report = StructuralHoles.Analyze(new BrokerageInput(contacts, links, []));

        Assert.False(report.Shown);
        Assert.Null(report.Constraint);
        Assert.Null(report.ExpectedEffectiveSize);
        Assert.Equal(8.0 / 45, report.Coverage, 12);
        Assert.Contains("18%", report.Summary, StringComparison.Ordinal);
        var withOneMore = StructuralHoles.Analyze(new BrokerageInput(contacts, [.. links, new KnownLink(new ContactPair(1, 10))], []));
        Assert.True(withOneMore.Shown); // 9 of 45 = 20%
    }

    [Fact]
    public void OnlyTheStrongestContacts_FormTheNetwork()
    {
        var contacts = Enumerable.Range(1, 5).Select(i => Person(i, s: i / 10.0)).Append(Person(99, s: 0)).ToArray();

        var report = StructuralHoles.Analyze(new BrokerageInput(contacts, [], []), InsightSettings.Default with { BrokerageNetworkSize = 3 });

        Assert.Equal(3, report.Contacts);
        Assert.Equal(3, report.Pairs);
    }

    [Fact]
    public void TheContactJoiningTwoSeparateCircles_IsNamedAsABridge()
    {
        // Triangles {1,2,3} and {5,6,7}; 4 knows 1, 2, 5 and 6, and is the only route between the two.
        var contacts = Enumerable.Range(1, 7).Select(i => Person(i)).ToArray();
        var links = new[] { (1, 2), (2, 3), (1, 3), (5, 6), (6, 7), (5, 7), (1, 4), (2, 4), (4, 5), (4, 6) }
            .Select(p => new KnownLink(new ContactPair(p.Item1, p.Item2))).ToArray();

        var report = StructuralHoles.Analyze(new BrokerageInput(contacts, links, []));

        Assert.Equal(1, report.Circles);
        var bridge = Assert.Single(report.Bridges);
        Assert.Equal(4, bridge.ContactId);
        Assert.Equal([3, 3], bridge.CircleSizes);
        Assert.Equal(9, bridge.SeparatedPairs);
        Assert.Equal("P4 is the only known link between a circle of 3 people and a circle of 3 people among your contacts.", bridge.Reason);
    }

    [Fact]
    public void EveryCutContactOfAChain_IsABridge_RankedByThePairsItAloneConnects()
    {
        // 1–2–3–4–5: 3 connects 2×2 = 4 pairs, 2 and 4 connect 1×3 = 3 each.
        var contacts = Enumerable.Range(1, 5).Select(i => Person(i)).ToArray();
        var links = Enumerable.Range(1, 4).Select(i => new KnownLink(new ContactPair(i, i + 1))).ToArray();

        var report = StructuralHoles.Analyze(new BrokerageInput(contacts, links, []));

        Assert.Equal([3, 2, 4], report.Bridges.Select(b => b.ContactId));
        Assert.Equal([4, 3, 3], report.Bridges.Select(b => b.SeparatedPairs));
    }

    [Fact]
    public void TheSameNetwork_AlwaysGivesTheSameSpread()
    {
        var contacts = Enumerable.Range(1, 30).Select(i => Person(i, s: 0.2 + i / 100.0)).ToArray();
        var input = new BrokerageInput(contacts, [], []);
        var settings = InsightSettings.Default with { MinPairCoverage = 0 };

        Assert.Equal(StructuralHoles.Analyze(input, settings).Constraint, StructuralHoles.Analyze(input, settings).Constraint);
    }
}
