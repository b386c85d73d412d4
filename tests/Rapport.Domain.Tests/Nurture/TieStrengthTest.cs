using Rapport.Domain.Interactions;
using Rapport.Domain.Nurture;
using static Rapport.Domain.Tests.Nurture.NurtureTestData;

namespace Rapport.Domain.Tests.Nurture;

public class TieStrengthTest
{
    [Fact]
    public void Decay_HalvesEvery90Days()
    {
        Assert.Equal(0.5, TieStrength.Decay(90, S), 12);
        Assert.Equal(0.25, TieStrength.Decay(180, S), 12);
        Assert.Equal(1, TieStrength.Decay(0, S), 12);
    }

    [Fact]
    public void Frequency_OfOneEmailToday_Is1MinusEToTheMinusSixth()
    {
        var r = TieStrength.FromHistory([T(0)], Now, S);
        Assert.Equal(1 - Math.Exp(-1.0 / 6), r.Frequency, 12); // 0.1535
    }

    [Fact]
    public void Frequency_OfWeeklyMessagesForAYear_AtTheLastOne_Is095()
    {
        // I = Σ_{k<52} 2^(−7k/90) = (1 − 2^(−364/90)) / (1 − 2^(−7/90)) ≈ 17.90, F = 1 − e^(−I/6) ≈ 0.949.
        var expectedI = (1 - Math.Pow(2, -364.0 / 90)) / (1 - Math.Pow(2, -7.0 / 90));
        var r = TieStrength.FromHistory(Every(7, 52, Now), Now, S);
        Assert.Equal(expectedI, r.Intensity, 9);
        Assert.Equal(0.949, r.Frequency, 3);
    }

    // SCIENCE.md's sanity figures are F at the average intensity over one period of a steady rhythm, which is
    // exactly I = h / (P·ln 2) (the at-touch value 1/(1 − r) times the mean decay over a period). Sampling the
    // engine over the last period of ten years of touches must give that, and F near the quoted figure.
    [Theory]
    [InlineData(7, 0.95)]
    [InlineData(30, 0.51)]
    [InlineData(90, 0.21)]
    [InlineData(365, 0.06)]
    public void Frequency_OfARegularRhythm_AveragedOverAPeriod_MatchesScienceMd(double periodDays, double expectedF)
    {
        var count = (int)(3650 / periodDays);
        var stats = ContactStats.FromHistory(1, Every(periodDays, count, Now), S);
        const int Samples = 2000;
        var sum = 0.0;
        for (var k = 0; k < Samples; k++) sum += stats.IntensityAt(Now.AddDays(periodDays * (k + 0.5) / Samples), S);
        var average = sum / Samples;
        Assert.Equal(90 / (periodDays * Math.Log(2)), average, 2);
        Assert.Equal(expectedF, TieStrength.Frequency(average, S), 2);
    }

    [Theory]
    [InlineData(0, 0, 0.5)]
    [InlineData(1, 0, 0.5)]
    [InlineData(0, 1, 0.5)]
    [InlineData(2, 0, 0.0)]
    [InlineData(3, 0, 0.0)]
    [InlineData(0, 3, 0.0)]
    [InlineData(2, 2, 1.0)]
    [InlineData(3, 1, 0.5)]
    [InlineData(5, 3, 0.75)]
    public void Reciprocity_FollowsTheFormulaAndItsEdgeCases(int outCount, int inCount, double expected) =>
        Assert.Equal(expected, TieStrength.Reciprocity(outCount, inCount), 12);

    [Fact]
    public void Reciprocity_CountsMutualForBoth_AndOnlyTheYearToTheLastTouch()
    {
        var r = TieStrength.FromHistory(
            [T(10, direction: Direction.Mutual), T(400, direction: Direction.Out), T(500, direction: Direction.Out), T(600, direction: Direction.Out)], Now, S);
        Assert.Equal(1.0, r.Reciprocity, 12); // out 1, in 1 inside the window; the three old outs are outside it
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0.289064826317888)] // ln 2 / ln 11
    [InlineData(3, 0.578129652635776)] // ln 4 / ln 11
    [InlineData(10, 1)]
    [InlineData(25, 1)]
    public void Duration_IsLogOfYearsOverLog11_CappedAt1(double years, double expected) =>
        Assert.Equal(expected, TieStrength.Duration(years, S), 12);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(5, 0.632120558828558)]
    [InlineData(10, 0.864664716763387)]
    public void Embeddedness_Is1MinusEToTheMinusMOver5(int mutuals, double expected) =>
        Assert.Equal(expected, TieStrength.Embeddedness(mutuals, S), 12);

    [Fact]
    public void Strength_WeighsTheFourParts_AndBlendsCloseness()
    {
        Assert.Equal(0.5, TieStrength.Combine(0.5, 0.5, 0.5, 0.5, S), 12);
        Assert.Equal(0.4 + 0.15 + 0.2 * 0.25 + 0.15 * 0.6, TieStrength.Combine(0.8, 1, 0.25, 0.6, S), 12);
        Assert.Equal(0.6, TieStrength.Blend(0.4, 0.8, S), 12);
        Assert.Equal(0.4, TieStrength.Blend(0.4, null, S), 12);
    }

    [Fact]
    public void Strength_OfAHandWorkedContact_MatchesEveryPart()
    {
        // In person (w 3, you started) 90 days ago, a call (w 2, they started) 30 days ago, 5 mutual contacts.
        var touches = new[] { T(90, Channel.InPerson, Direction.Out), T(30, Channel.Call, Direction.In) };
        var i = 3 * 0.5 + 2 * Math.Pow(2, -1.0 / 3);                 // 3.0874
        var f = 1 - Math.Exp(-i / 6);                                 // 0.4023
        var d = Math.Log(1 + 60 / 365.25) / Math.Log(11);            // known from the first to the last touch: 0.0634
        var e = 1 - Math.Exp(-1.0);                                   // 0.6321
        var s = 0.5 * f + 0.15 * 1 + 0.2 * d + 0.15 * e;              // 0.4586

        var r = TieStrength.FromHistory(touches, Now, S, mutuals: 5);

        Assert.Equal(i, r.Intensity, 12);
        Assert.Equal(f, r.Frequency, 12);
        Assert.Equal(1, r.Reciprocity, 12);
        Assert.Equal(d, r.Duration, 12);
        Assert.Equal(e, r.Embeddedness, 12);
        Assert.Equal(s, r.Strength, 12);
        Assert.Equal(TieLabel.Medium, r.Label);
        Assert.Contains(r.Why, w => w.StartsWith("frequency 0.40 (weight 0.50): 2 touches, last 30 days ago", StringComparison.Ordinal));
        Assert.Contains(r.Why, w => w.StartsWith("embeddedness 0.63 (weight 0.15): 5 mutual contacts", StringComparison.Ordinal));

        var rated = TieStrength.FromHistory(touches, Now, S, mutuals: 5, closeness: 0.9);
        Assert.Equal(0.5 * 0.9 + 0.5 * s, rated.Strength, 12);
    }

    [Fact]
    public void Duration_CountsFromKnownSince_WhenItIsEarlier()
    {
        var r = TieStrength.FromHistory([T(0)], Now, S, knownSince: DateOnly.FromDateTime(Now.AddDays(-3 * 365.25)));
        Assert.Equal(Math.Log(4) / Math.Log(11), r.Duration, 3);
    }

    [Theory]
    [InlineData(0.60, 0.60, 10, TieLabel.Strong)]
    [InlineData(0.59, 0.60, 10, TieLabel.Medium)]
    [InlineData(0.30, 0.30, 10, TieLabel.Medium)]
    [InlineData(0.29, 0.40, 10, TieLabel.Weak)]
    [InlineData(0.10, 0.30, 365, TieLabel.Dormant)]
    [InlineData(0.10, 0.29, 365, TieLabel.Weak)]
    [InlineData(0.10, 0.29, 364, TieLabel.Weak)]
    [InlineData(0.10, 0.10, 3 * 365.25, TieLabel.LongDormant)]
    [InlineData(0.40, 0.70, 3 * 365.25 - 1, TieLabel.Dormant)]
    public void Label_FollowsTheThresholds(double strength, double peak, double daysSince, TieLabel expected) =>
        Assert.Equal(expected, TieStrength.Label(strength, peak, daysSince, S));

    [Fact]
    public void Peak_OfAnOldCloseTie_IsItsBestMonthEnd_AndMakesItDormant()
    {
        // Two years of weekly calls, then two years of silence.
        var lastAt = Now.AddDays(-730);
        var touches = Every(7, 104, lastAt, Channel.Call);
        var r = TieStrength.FromHistory(touches, Now, S, mutuals: 4);
        Assert.True(r.PeakStrength >= 0.6, $"peak {r.PeakStrength}");
        Assert.True(r.Strength < 0.5);
        Assert.Equal(TieLabel.Dormant, r.Label);
        Assert.Equal(BruteForcePeak(touches, Now, 4), r.PeakStrength, 12);
    }

    /// <summary>The peak the slow way: strength at every month end of the history (touches strictly before it) and at the last touch.</summary>
    internal static double BruteForcePeak(IReadOnlyList<Touch> touches, DateTime now, int mutuals)
    {
        var first = touches.Min(t => t.At);
        var last = touches.Max(t => t.At);
        var best = TieStrength.FromHistory(touches, last, S, mutuals).Strength;
        for (var m = new DateTime(first.Year, first.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1); m <= now; m = m.AddMonths(1))
        {
            var before = touches.Where(t => t.At < m).ToList();
            best = Math.Max(best, TieStrength.FromHistory(before, m, S, mutuals).Strength);
        }
        return best;
    }
}
