using System.Reflection;
using FsCheck;
using FsCheck.Fluent;
using Rapport.Domain.Interactions;
using Rapport.Domain.Nurture;
using static Rapport.Domain.Tests.Nurture.NurtureTestData;

namespace Rapport.Domain.Tests.Nurture;

public class ContactStatsTest
{
    private static readonly DateTime Base = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime End = Base.AddDays(2100);

    private static readonly Gen<Touch> TouchGen =
        from day in Gen.Choose(0, 2000)
        from hour in Gen.Choose(0, 23)
        from channel in Gen.Elements(Enum.GetValues<Channel>())
        from direction in Gen.Elements(Enum.GetValues<Direction>())
        select new Touch(Base.AddDays(day).AddHours(hour), channel, direction);

    private static readonly Arbitrary<Touch[]> Histories = Gen.ArrayOf(TouchGen).ToArbitrary();

    private static readonly string[] Persisted =
    [
        nameof(ContactStats.ContactId), nameof(ContactStats.TouchCount), nameof(ContactStats.FirstTouchAt), nameof(ContactStats.LastTouchAt),
        nameof(ContactStats.IntensityAtLast), nameof(ContactStats.PeakCore), nameof(ContactStats.PeakSampledThroughMonth),
        nameof(ContactStats.SettingsStamp), nameof(ContactStats.NeedsRecompute),
    ];

    [Fact]
    public void Add_InOrder_EqualsFromHistory_ForAnyHistory() =>
        Check.QuickThrowOnFailure(Prop.ForAll(Histories, Arb.From(Gen.Choose(0, 100)), (touches, cut) =>
        {
            var sorted = touches.OrderBy(t => t.At).ToList();
            var k = sorted.Count == 0 ? 0 : cut % (sorted.Count + 1);
            var incremental = ContactStats.FromHistory(7, sorted.Take(k), S);
            foreach (var t in sorted.Skip(k)) incremental.Add(t, S);
            var full = ContactStats.FromHistory(7, touches, S);
            return SamePersisted(incremental, full);
        }));

    [Fact]
    public void Add_OutOfOrder_IsExactOrAsksForARecompute_ForAnyHistory() =>
        Check.QuickThrowOnFailure(Prop.ForAll(Histories, Arb.From(TouchGen), (touches, late) =>
        {
            var stats = ContactStats.FromHistory(7, touches, S);
            stats.Add(late, S);
            var full = ContactStats.FromHistory(7, [.. touches, late], S);
            var a = stats.Measure(End, S, 3, null, null);
            var b = full.Measure(End, S, 3, null, null);
            var exactParts = Math.Abs(a.Strength - b.Strength) < 1e-9 && a.Out == b.Out && a.In == b.In
                && stats.TouchCount == full.TouchCount && stats.FirstTouchAt == full.FirstTouchAt && stats.LastTouchAt == full.LastTouchAt;
            // A late touch before a sampled month end changes what those month ends were worth: the stats must say so.
            var peakOk = stats.NeedsRecompute || Math.Abs(a.Peak - b.Peak) < 1e-9;
            return exactParts && peakOk;
        }));

    [Fact]
    public void NewInteraction_NeverLowersFrequency() =>
        Check.QuickThrowOnFailure(Prop.ForAll(Histories, Arb.From(TouchGen), (touches, extra) =>
        {
            var before = TieStrength.FromHistory(touches, End, S);
            var after = TieStrength.FromHistory([.. touches, extra], End, S);
            return after.Frequency >= before.Frequency - 1e-12;
        }));

    [Fact]
    public void WithNoNewInteraction_StrengthNeverRisesAsTimePasses_AndPeakNeverFalls() =>
        Check.QuickThrowOnFailure(Prop.ForAll(Histories, Arb.From(Gen.Choose(0, 3000)), Arb.From(Gen.Choose(0, 20)), (touches, later, mutuals) =>
        {
            var stats = ContactStats.FromHistory(1, touches, S);
            var t1 = stats.LastTouchAt ?? Base;
            var t2 = t1.AddDays(later).AddHours(later % 7);
            var a = stats.Measure(t1, S, mutuals, mutuals % 2 == 0 ? 0.7 : null, null);
            var b = stats.Measure(t2, S, mutuals, mutuals % 2 == 0 ? 0.7 : null, null);
            return b.Strength <= a.Strength + 1e-12 && b.Peak >= a.Peak - 1e-12 && b.Peak >= b.Strength;
        }));

    [Fact]
    public void Peak_MatchesTheBruteForceMonthEndMaximum_ForSmallHistories() =>
        Check.QuickThrowOnFailure(Prop.ForAll(Gen.ArrayOf(TouchGen, 6).ToArbitrary(), touches =>
        {
            var fast = TieStrength.FromHistory(touches, End, S, 2);
            return Math.Abs(fast.PeakStrength - TieStrengthTest.BruteForcePeak(touches, End, 2)) < 1e-9;
        }));

    [Fact]
    public void Stats_RestoredFromTheirPersistedProperties_GiveTheSameStrength()
    {
        var original = ContactStats.FromHistory(5, Every(10, 60, Now).Concat([T(3, Channel.Call, Direction.In), T(2, Channel.InPerson, Direction.Mutual)]), S);
        var ctor = typeof(ContactStats).GetConstructor(BindingFlags.NonPublic | BindingFlags.Instance, Type.EmptyTypes)!;
        var copy = (ContactStats)ctor.Invoke(null);
        foreach (var name in Persisted.Append(nameof(ContactStats.RecentLog)))
        {
            var p = typeof(ContactStats).GetProperty(name)!;
            p.SetValue(copy, p.GetValue(original));
        }
        var (x, y) = (original.Strength(Now, S, 2), copy.Strength(Now, S, 2));
        Assert.Equal(x with { Why = [] }, y with { Why = [] });
        Assert.Equal(x.Why, y.Why);
        Assert.Equal(original.ReciprocityCounts(), copy.ReciprocityCounts());

        var next = new Touch(Now.AddDays(1), Channel.Video, Direction.In);
        original.Add(next, S);
        copy.Add(next, S);
        Assert.True(SamePersisted(original, copy));
    }

    [Fact]
    public void Add_OfALateTouchBeforeASampledMonthEnd_AsksForARecompute()
    {
        var stats = ContactStats.FromHistory(1, [T(200), T(10)], S);
        stats.Add(T(100), S);
        Assert.True(stats.NeedsRecompute);
        Assert.False(stats.IsCurrentFor(S));
        var sameMonth = ContactStats.FromHistory(1, [T(200), T(1)], S);
        sameMonth.Add(new Touch(new DateTime(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc), Channel.Call, Direction.In), S);
        Assert.False(sameMonth.NeedsRecompute);
    }

    [Fact]
    public void RecentLog_KeepsEightBytesPerDayOfTheLastYearOnly()
    {
        var stats = ContactStats.FromHistory(1, [T(0), T(0.1, direction: Direction.In), T(100), T(364), T(366), T(1000)], S);
        Assert.Equal(3 * 8, stats.RecentLog.Length);
        Assert.Equal((3, 1), stats.ReciprocityCounts());
    }

    [Fact]
    public void TouchesAfterNow_AreReported_AndFromHistoryAsOfLeavesThemOut()
    {
        var touches = new[] { T(30), T(-5) };
        var stats = ContactStats.FromHistory(1, touches, S);
        Assert.True(stats.HasTouchesAfter(Now));
        Assert.Throws<InvalidOperationException>(() => stats.Strength(Now, S));
        var asOf = ContactStats.FromHistory(1, touches, S, asOf: Now);
        Assert.False(asOf.HasTouchesAfter(Now));
        Assert.Equal(1, asOf.TouchCount);
        Assert.Equal(TieStrength.FromHistory([T(30)], Now, S).Strength, asOf.Strength(Now, S).Strength, 12);
    }

    [Fact]
    public void ChangedStrengthSettings_MakeTheStatsStale()
    {
        var stats = ContactStats.FromHistory(1, [T(3)], S);
        Assert.True(stats.IsCurrentFor(S));
        var changed = S.With("half-life.days", "60");
        Assert.False(stats.IsCurrentFor(changed));
        Assert.True(stats.IsCurrentFor(S.With("budget.minutes", "30")));
        stats.Add(T(1), changed);
        Assert.True(stats.NeedsRecompute);
    }

    [Fact]
    public void NoInteractions_GiveWeakWithNeutralReciprocity()
    {
        var r = ContactStats.Empty(1).Strength(Now, S, mutuals: 0);
        Assert.Equal((0.0, 0.5, 0.0), (r.Frequency, r.Reciprocity, r.Duration));
        Assert.Equal(0.075, r.Strength, 12);
        Assert.Equal(TieLabel.Weak, r.Label);
    }

    private static bool SamePersisted(ContactStats a, ContactStats b) =>
        Persisted.All(n => Equals(typeof(ContactStats).GetProperty(n)!.GetValue(a), typeof(ContactStats).GetProperty(n)!.GetValue(b)))
        && a.RecentLog.AsSpan().SequenceEqual(b.RecentLog);
}
