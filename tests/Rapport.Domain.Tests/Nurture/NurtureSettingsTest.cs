using Rapport.Domain.Contacts;
using Rapport.Domain.Interactions;
using Rapport.Domain.Nurture;

namespace Rapport.Domain.Tests.Nurture;

public class NurtureSettingsTest
{
    private static readonly NurtureSettings D = NurtureSettings.Default;

    [Fact]
    public void Defaults_AreThoseOfScienceMd()
    {
        Assert.Equal(3.0, D.Channels.Of(Channel.InPerson));
        Assert.Equal(2.0, D.Channels.Of(Channel.Call));
        Assert.Equal(2.0, D.Channels.Of(Channel.Video));
        Assert.Equal(1.0, D.Channels.Of(Channel.Group));
        Assert.Equal(1.0, D.Channels.Of(Channel.Event));
        Assert.Equal(1.0, D.Channels.Of(Channel.Email));
        Assert.Equal(1.0, D.Channels.Of(Channel.Message));
        Assert.Equal(1.0, D.Channels.Of(Channel.Letter));
        Assert.Equal(0.2, D.Channels.Of(Channel.Social));
        Assert.Equal(90, D.HalfLifeDays);
        Assert.Equal(6, D.FrequencyScale);
        Assert.Equal((0.50, 0.15, 0.20, 0.15), (D.WeightFrequency, D.WeightReciprocity, D.WeightDuration, D.WeightEmbeddedness));
        Assert.Equal(0.5, D.ClosenessBlend);
        Assert.Equal((0.60, 0.30, 0.30), (D.StrongAt, D.MediumAt, D.DormantPeakAt));
        Assert.Equal((365, 3), (D.DormantDays, D.LongDormantYears));
        Assert.Equal((5, 15, 50, 150), (D.InnerRank, D.CloseRank, D.ActiveRank, D.NetworkRank));
        Assert.Equal([7, 30, 90, 365, null], new[] { Tier.Inner, Tier.Close, Tier.Active, Tier.Network, Tier.Acquaintance }.Select(D.CadenceDays));
        Assert.Equal((1.0, 2.0, 3.0), (D.LapseDue, D.LapseCooling, D.LapseGoingDormant));
        Assert.Equal((0.5, 0.3, 0.2, 0.1, 2.0), (D.ReconnectPeakWeight, D.ReconnectDormancyWeight, D.ReconnectGoalWeight, D.ReconnectSeniorityBonus, D.DormancyScaleYears));
        Assert.Equal(10, D.JobLeadPeakMutuals);
        Assert.Equal((2, -0.5, 2, 2.0), (D.LedgerWindowYears, D.GiveFirstBalance, D.GiveFirstMinAsks, D.NoAskLapse));
        Assert.Equal((10, 60), (D.BudgetTouchpoints, D.BudgetMinutes));
        Assert.Equal([DayOfWeek.Saturday, DayOfWeek.Sunday], D.QuietDays);
        Assert.Equal(14, D.CongratulateDays);
        Assert.Equal(["year-end greetings|12-01|12-31|inner,close,active", "summer check-in|06-15|07-31|inner,close,active"], D.Campaigns.Select(c => c.ToString()));
        Assert.All(PlanActions.All, a => Assert.True(D.EffortOf(a) > 0));
    }

    [Fact]
    public void Keys_EachHaveADescription_AndReadBackTheirDefault()
    {
        Assert.Contains(NurtureSettings.Keys, k => k.Key == "budget.touchpoints");
        foreach (var key in new[] { "budget.minutes", "quiet-days", "cadence.inner", "weights.frequency", "own.emails", "home.city", "campaigns", "effort.keep-in-touch", "weights.channel.in-person" })
            Assert.Contains(NurtureSettings.Keys, k => k.Key == key);
        Assert.All(NurtureSettings.Keys, k => Assert.False(string.IsNullOrWhiteSpace(k.Description)));
        Assert.Equal(NurtureSettings.Keys.Count, NurtureSettings.Keys.Select(k => k.Key).Distinct().Count());
        foreach (var k in NurtureSettings.Keys)
            Assert.Equal(D.Get(k.Key), D.With(k.Key, D.Get(k.Key)).Get(k.Key));
    }

    [Fact]
    public void With_SetsAValue_AndToValuesHoldsOnlyWhatDiffers()
    {
        var s = D.With("budget.minutes", "90").With("quiet-days", "sunday").With("cadence.inner", "10").With("own.emails", "Me@Example.org, me@work.com");
        Assert.Equal(90, s.BudgetMinutes);
        Assert.Equal([DayOfWeek.Sunday], s.QuietDays);
        Assert.Equal(10, s.CadenceDays(Tier.Inner));
        Assert.Equal(["me@example.org", "me@work.com"], s.OwnEmails);
        Assert.Equal(
            new Dictionary<string, string> { ["budget.minutes"] = "90", ["cadence.inner"] = "10", ["own.emails"] = "me@example.org,me@work.com", ["quiet-days"] = "sunday" },
            s.ToValues());
        Assert.Empty(D.ToValues());
    }

    [Fact]
    public void FromValues_RoundTripsToValues()
    {
        var s = D.With("weights.frequency", "0.4").With("campaigns", "new year|12-20|01-10|inner; spring|03-01|03-31|close,network")
            .With("home.city", "Lisbon").With("rank.network", "200").With("effort.reconnect", "20");
        var back = NurtureSettings.FromValues(s.ToValues());
        Assert.Equal(s.ToValues(), back.ToValues());
        Assert.Equal(0.4, back.WeightFrequency);
        Assert.Equal("Lisbon", back.HomeCity);
        Assert.Equal(20, back.EffortOf(PlanAction.Reconnect));
        Assert.True(back.Campaigns[0].Covers(new DateOnly(2027, 1, 5)));
        Assert.False(back.Campaigns[0].Covers(new DateOnly(2027, 1, 11)));
        Assert.Equal(new DateOnly(2026, 12, 20), back.Campaigns[0].StartCovering(new DateOnly(2027, 1, 5)));
    }

    [Fact]
    public void FromValues_AppliesAllRowsBeforeCheckingRulesAcrossKeys()
    {
        var s = NurtureSettings.FromValues([new("rank.inner", "20"), new("rank.close", "40")]);
        Assert.Equal((20, 40), (s.InnerRank, s.CloseRank));
    }

    [Theory]
    [InlineData("budget.minutes", "abc", "budget.minutes must be a whole number from 0 to 10080, not 'abc'")]
    [InlineData("budget.minutes", "-5", "budget.minutes must be a whole number from 0 to 10080, not '-5'")]
    [InlineData("weights.frequency", "1.5", "weights.frequency must be a number from 0 to 1, not '1.5'")]
    [InlineData("quiet-days", "funday", "quiet-days must be weekday names separated by commas (e.g. saturday,sunday) or none, not 'funday'")]
    public void With_ABadValue_IsRefusedWithAClearMessage(string key, string value, string message)
    {
        var e = Assert.Throws<DomainException>(() => D.With(key, value));
        Assert.Equal(key, e.Field);
        Assert.Equal(message, e.Message);
    }

    [Theory]
    [InlineData("no.such.key")]
    [InlineData("")]
    public void With_AnUnknownKey_IsRefused(string key)
    {
        var e = Assert.Throws<DomainException>(() => D.With(key, "1"));
        Assert.Equal("key", e.Field);
        Assert.Contains("budget.touchpoints", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("campaigns", "x|13-01|12-31|inner")]
    [InlineData("campaigns", "x|12-01|12-31|bestfriends")]
    [InlineData("campaigns", "only a name")]
    [InlineData("own.emails", "not-an-email")]
    [InlineData("quiet-days", "mon,tue,wed,thu,fri,sat,sun")]
    [InlineData("rank.inner", "20")]
    public void With_AMalformedListOrABrokenOrder_IsRefused(string key, string value)
    {
        var e = Assert.Throws<DomainException>(() => D.With(key, value));
        Assert.False(string.IsNullOrWhiteSpace(e.Message));
    }
}
