using Rapport.Domain.Contacts;
using Rapport.Domain.Insights;
using Rapport.Domain.Insights.Health;
using Rapport.Domain.Nurture;

namespace Rapport.Domain.Tests.Insights.Health;

public class NetworkHealthTest
{
    private static readonly DateOnly Today = new(2026, 11, 1);
    private static readonly UserField Me = new("software", "engineering");

    private static HealthContact C(long id, TieBand band, string? industry = null, Tier tier = Tier.Acquaintance,
        DateOnly? first = null, TieBand? yearAgo = null, int gives = 0, int asks = 0) =>
        new(id, $"P{id}", 0.5, band, tier, industry, null, first, yearAgo, gives, asks);

    [Fact]
    public void Shape_CountsAndSharesEachLabel_SplitByField()
    {
        var contacts = new[]
        {
            C(1, TieBand.Strong, "software"), C(2, TieBand.Strong, "finance"), C(3, TieBand.Medium, "finance"),
            C(4, TieBand.Weak), C(5, TieBand.Dormant, "software"), C(6, TieBand.LongDormant, "health"),
            C(7, TieBand.Weak, "Software"), C(8, TieBand.Weak, "law"),
        };

        var report = NetworkHealth.Analyze(contacts, Me, Today);

        var strong = report.Shape.Single(r => r.Band == "strong");
        Assert.Equal((2, 0.25, 1, 1, 0), (strong.Count, strong.Share, strong.InField, strong.OutOfField, strong.UnknownField));
        var dormant = report.Shape.Single(r => r.Band == "dormant");
        Assert.Equal((2, 0.25), (dormant.Count, dormant.Share));
        var weak = report.Shape.Single(r => r.Band == "weak");
        Assert.Equal((3, 1, 1, 1), (weak.Count, weak.InField, weak.OutOfField, weak.UnknownField));
    }

    [Fact]
    public void TheTargetShape_IsMet_ByAFewStrongInFieldTiesAndManyFriendlyOnesElsewhere()
    {
        // 2 strong in-field of 20 (10%), 17 medium/weak of which 12 out of field, 1 dormant (5%).
        var contacts = new List<HealthContact> { C(1, TieBand.Strong, "software"), C(2, TieBand.Strong, "software"), C(3, TieBand.Dormant) };
        for (var i = 0; i < 12; i++) contacts.Add(C(10 + i, TieBand.Weak, "design"));
        for (var i = 0; i < 5; i++) contacts.Add(C(30 + i, TieBand.Medium, "software"));

        var report = NetworkHealth.Analyze(contacts, Me, Today);

        Assert.All(report.Checks, c => Assert.True(c.Met, c.Name));
        Assert.All(report.Checks, c => Assert.Null(c.Advice)); // a met check gives no advice (JSON and API show the check)
        Assert.Equal(5, report.Checks.Count);
        Assert.Equal(12.0 / 17, report.Checks.Single(c => c.Name == "friendly contacts outside your field").Actual, 12);
    }

    [Fact]
    public void TooFewStrongTies_AndStrongTiesOutsideTheField_AreAdvisedInPlainWords()
    {
        var contacts = new List<HealthContact> { C(1, TieBand.Strong, "finance") };
        for (var i = 0; i < 29; i++) contacts.Add(C(10 + i, TieBand.Weak, "design"));

        var report = NetworkHealth.Analyze(contacts, Me, Today);

        Assert.Contains("Only 1 strong tie (3%): choose two or three people in your field and meet them regularly to build real alliances.", report.Advice);
        Assert.Contains("Only 0% of your strong ties are in your field: build an alliance or two with peers in software.", report.Advice);
    }

    [Fact]
    public void WithoutYourOwnField_TheAdviceAsksForIt()
    {
        var report = NetworkHealth.Analyze([C(1, TieBand.Strong, "software")], new UserField(null, null), Today);

        Assert.Equal(FieldSide.Unknown, NetworkHealth.Side(C(1, TieBand.Strong, "software"), new UserField(null, null)));
        Assert.Contains(report.Advice, a => a.StartsWith("Set your own industry and function", StringComparison.Ordinal));
    }

    [Fact]
    public void Balance_FollowsTheLedgerFormula_AndFlagsGiveFirst()
    {
        Assert.Equal(-2.0 / 3, NetworkHealth.Balance(0, 2), 12);
        Assert.Equal(0.4, NetworkHealth.Balance(3, 1), 12);

        var report = NetworkHealth.Analyze([C(1, TieBand.Medium, asks: 2), C(2, TieBand.Medium, gives: 3, asks: 1), C(3, TieBand.Weak, asks: 1)], Me, Today);

        Assert.Equal((3, 4), (report.GiveAsk.Gives, report.GiveAsk.Asks));
        Assert.Equal(-1.0 / 8, report.GiveAsk.Balance, 12);
        var flagged = Assert.Single(report.GiveAsk.GiveFirst);
        Assert.Equal(1, flagged.ContactId); // contact 3 asked only once
    }

    [Fact]
    public void Tiers_AreCheckedAgainstCumulativeCapacity_AndTheWeeklyBudget()
    {
        var contacts = Enumerable.Range(0, 7).Select(i => C(i, TieBand.Strong, tier: Tier.Inner))
            .Concat(Enumerable.Range(10, 8).Select(i => C(i, TieBand.Medium, tier: Tier.Close))).ToArray();

        var report = NetworkHealth.Analyze(contacts, Me, Today, nurture: NurtureSettings.Default with { BudgetTouchpoints = 5 });

        var inner = report.Capacity.Tiers[0];
        Assert.Equal((7, 7, 5, true), (inner.Count, inner.CumulativeCount, inner.CumulativeCapacity, inner.OverCapacity));
        Assert.Equal((15, false), (report.Capacity.Tiers[1].CumulativeCount, report.Capacity.Tiers[1].OverCapacity));
        Assert.Equal(7 + 8 * 7.0 / 30, report.Capacity.TouchesPerWeekNeeded, 12);
        Assert.True(report.Capacity.OverBudget);
        Assert.StartsWith("Your inner circle holds 7 people, above the 5", report.Capacity.Advice, StringComparison.Ordinal);
        // Both problems are said: the tier over capacity and the touches over the budget.
        Assert.Contains("touches a week, more than your budget of 5", report.Capacity.Advice, StringComparison.Ordinal);
    }

    [Fact]
    public void Capacity_FollowsYourTierRanksAndCadences()
    {
        // rank.inner 3, cadence.inner 14, cadence.close 60: three inner ties and two close ones ask for 3·7/14 + 2·7/60 a week.
        var nurture = NurtureSettings.Default with { InnerRank = 3, InnerCadenceDays = 14, CloseCadenceDays = 60 };
        var contacts = Enumerable.Range(0, 3).Select(i => C(i, TieBand.Strong, tier: Tier.Inner))
            .Concat(Enumerable.Range(10, 2).Select(i => C(i, TieBand.Medium, tier: Tier.Close))).ToArray();

        var capacity = NetworkHealth.Analyze(contacts, Me, Today, nurture: nurture).Capacity;

        Assert.Equal((3, 3, false), (capacity.Tiers[0].CumulativeCount, capacity.Tiers[0].CumulativeCapacity, capacity.Tiers[0].OverCapacity));
        Assert.Equal(3 * 7.0 / 14 + 2 * 7.0 / 60, capacity.TouchesPerWeekNeeded, 12);
        Assert.Equal(nurture.BudgetTouchpoints, capacity.WeeklyBudget);
    }

    [Fact]
    public void GiveFirst_FollowsYourGiveFirstSettings()
    {
        var contacts = new[] { C(1, TieBand.Medium, asks: 1), C(2, TieBand.Medium, gives: 1, asks: 1) };

        Assert.Empty(NetworkHealth.Analyze(contacts, Me, Today).GiveAsk.GiveFirst);
        var flagged = Assert.Single(NetworkHealth.Analyze(contacts, Me, Today, nurture: NurtureSettings.Default with { GiveFirstMinAsks = 1 }).GiveAsk.GiveFirst);
        Assert.Equal(1, flagged.ContactId);
        Assert.Equal(2, NetworkHealth.Analyze(contacts, Me, Today, nurture: NurtureSettings.Default with { GiveFirstMinAsks = 1, GiveFirstBalance = 0 }).GiveAsk.GiveFirst.Count);
    }

    [Fact]
    public void TooManyPinnedInside_FlagsThatTier_NotEveryTierOutsideIt()
    {
        // 8 pinned inner (capacity 5); close, active and network hold exactly their own layers (10, 35, 100).
        var contacts = Enumerable.Range(0, 8).Select(i => C(i, TieBand.Strong, tier: Tier.Inner))
            .Concat(Enumerable.Range(100, 10).Select(i => C(i, TieBand.Strong, tier: Tier.Close)))
            .Concat(Enumerable.Range(200, 35).Select(i => C(i, TieBand.Medium, tier: Tier.Active)))
            .Concat(Enumerable.Range(300, 100).Select(i => C(i, TieBand.Weak, tier: Tier.Network))).ToArray();

        var tiers = NetworkHealth.Analyze(contacts, Me, Today).Capacity.Tiers;

        Assert.Equal([true, false, false, false], tiers.Select(t => t.OverCapacity));
        Assert.Equal([8, 18, 53, 153], tiers.Select(t => t.CumulativeCount));

        // One more in the close tier than its own layer holds: that tier overflows by itself too.
        var more = contacts.Append(C(999, TieBand.Strong, tier: Tier.Close)).ToArray();
        Assert.Equal([true, true, false, false], NetworkHealth.Analyze(more, Me, Today).Capacity.Tiers.Select(t => t.OverCapacity));
    }

    [Fact]
    public void AnEmptyLedger_SaysSo_RatherThanCallingItHealthy()
    {
        Assert.StartsWith("Nothing in your give/ask ledger yet", NetworkHealth.Analyze([], Me, Today).GiveAsk.Advice, StringComparison.Ordinal);
        Assert.StartsWith("Nothing in your give/ask ledger yet", NetworkHealth.Analyze([C(1, TieBand.Weak)], Me, Today).GiveAsk.Advice, StringComparison.Ordinal);
        Assert.StartsWith("Your give/ask ledger is healthy", NetworkHealth.Analyze([C(1, TieBand.Weak, gives: 1)], Me, Today).GiveAsk.Advice, StringComparison.Ordinal);
    }

    [Fact]
    public void NoStrongTies_IsSaidWithoutAZeroCount()
    {
        var contacts = Enumerable.Range(0, 10).Select(i => C(i, TieBand.Weak, "design")).ToArray();

        var advice = NetworkHealth.Analyze(contacts, Me, Today).Advice;

        Assert.Contains(advice, a => a.StartsWith("No strong ties yet: choose two or three people", StringComparison.Ordinal));
        Assert.DoesNotContain(advice, a => a.Contains("Only 0 strong", StringComparison.Ordinal));
    }

    [Fact]
    public void TheLastYear_ShowsNewCooledAndRevivedTies()
    {
        var contacts = new[]
        {
            C(1, TieBand.Medium, first: Today.AddDays(-30)),
            C(2, TieBand.Weak, first: Today.AddDays(-400), yearAgo: TieBand.Strong),
            C(3, TieBand.Dormant, yearAgo: TieBand.Weak),
            C(4, TieBand.Medium, yearAgo: TieBand.Dormant),
            C(5, TieBand.Strong, yearAgo: TieBand.Strong),
            C(6, TieBand.Weak, first: Today.AddDays(1)),
        };

        var recent = NetworkHealth.Analyze(contacts, Me, Today).Recent;

        Assert.Equal([1], recent.New.Select(c => c.ContactId));
        Assert.Equal([2, 3], recent.Cooled.Select(c => c.ContactId));
        Assert.Equal([4], recent.Revived.Select(c => c.ContactId));
        Assert.Equal((TieBand.Strong, TieBand.Weak), (recent.Cooled[0].From!.Value, recent.Cooled[0].To));
    }
}
