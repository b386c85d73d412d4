using Rapport.Domain.Exchanges;
using Rapport.Domain.Nurture;
using static Rapport.Domain.Tests.Nurture.NurtureTestData;

namespace Rapport.Domain.Tests.Nurture;

public class GiveAskLedgerTest
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now);

    [Theory]
    [InlineData(0, 0, 0.0, false)]
    [InlineData(0, 1, -0.5, false)]            // balance low but only one ask
    [InlineData(0, 2, -2.0 / 3, true)]
    [InlineData(1, 3, -0.4, false)]
    [InlineData(1, 4, -0.5, true)]             // exactly −0.5 flags
    [InlineData(3, 1, 0.4, false)]
    public void Balance_AndGiveFirst_FollowScienceMdG(int gives, int asks, double balance, bool giveFirst)
    {
        Assert.Equal(balance, GiveAskLedger.Balance(gives, asks), 12);
        Assert.Equal(giveFirst, GiveAskLedger.GiveFirst(gives, asks, S));
    }

    [Fact]
    public void Compute_CountsTwoYears_DoneGives_AndEveryAsk()
    {
        LedgerEntry[] entries =
        [
            new(1, ExchangeDirection.Ask, ExchangeKind.Referral, ExchangeStatus.Done, Today.AddDays(-10)),
            new(1, ExchangeDirection.Ask, ExchangeKind.Advice, ExchangeStatus.Declined, Today.AddDays(-100)),
            new(1, ExchangeDirection.Ask, ExchangeKind.Introduction, ExchangeStatus.Done, Today.AddYears(-3)),   // too old
            new(1, ExchangeDirection.Give, ExchangeKind.Help, ExchangeStatus.Offered, Today.AddDays(-5)),        // a promise, not a give yet
        ];
        var r = GiveAskLedger.Compute(entries, Today, S);
        Assert.Equal((0, 2), (r.Gives, r.Asks));
        Assert.True(r.GiveFirst);
        Assert.Contains("give first", r.Why, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1.5, false, true)]
    [InlineData(2.0, false, false)]
    [InlineData(null, false, false)]
    [InlineData(0.1, true, false)]
    public void MayAsk_NeverAfterALapseOf2_NorWhileGivingFirst(double? lapse, bool giveFirst, bool expected)
    {
        var ledger = giveFirst ? GiveAskLedger.Of(0, 2, S) : GiveAskLedger.Of(2, 0, S);
        Assert.Equal(expected, GiveAskLedger.MayAsk(lapse, ledger, S));
    }

    [Fact]
    public void AskLapse_OfATieSilentForTheDormantPeriod_IsPastTheNoAskLapse_WhateverItsCadence()
    {
        // 22 months at the network tier's yearly cadence is a lapse of 1.8, but the tie has gone dormant.
        var lapse = GiveAskLedger.AskLapse(Now.AddDays(-670), Domain.Contacts.Tier.Network, Now, S);

        Assert.Equal(S.NoAskLapse, lapse);
        Assert.False(GiveAskLedger.MayAsk(lapse, GiveAskLedger.Of(0, 0, S), S));
        // Eleven months at that cadence is not dormant yet, and keeps its lapse by cadence.
        Assert.Equal(330.0 / 365, GiveAskLedger.AskLapse(Now.AddDays(-330), Domain.Contacts.Tier.Network, Now, S)!.Value, 12);
    }
}
