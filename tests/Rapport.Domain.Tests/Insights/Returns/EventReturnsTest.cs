using Rapport.Domain.Insights;
using Rapport.Domain.Insights.Returns;

namespace Rapport.Domain.Tests.Insights.Returns;

public class EventReturnsTest
{
    private static readonly DateTime Now = new(2026, 11, 1, 12, 0, 0, DateTimeKind.Utc);

    private static DateTime D(int y, int m, int d) => new(y, m, d, 18, 0, 0, DateTimeKind.Utc);

    private static ReturnsInput Scenario()
    {
        var events = new List<ReturnEvent>
        {
            new(11, "Guild Nov", D(2025, 11, 5), 30, 20m, 120, 1), new(12, "Guild Dec", D(2025, 12, 5), 30, 20m, 120, 1),
            new(13, "Guild Jan", D(2026, 1, 5), 30, 20m, 120, 1),
            new(21, "Mixer Sep", D(2025, 9, 1), 150, null, 90, 2), new(22, "Mixer Oct", D(2025, 10, 1), 150, null, 90, 2),
            new(23, "Mixer Nov", D(2025, 11, 1), 150, null, 90, 2),
            new(7, "BigConf", D(2026, 2, 1), 2000, 500m, 960, null), new(8, "Small Dinner", D(2026, 9, 15), 12, null, 180, null),
        };
        for (var i = 0; i < 5; i++) events.Add(new ReturnEvent(31 + i, $"Writers {i}", D(2026, 6, 10).AddDays(30 * i), null, null, 60, 3));
        var met = new[]
        {
            new MetContact(100, D(2025, 11, 5), 11, null, D(2026, 8, 1), TieBand.Medium),
            new MetContact(101, D(2025, 12, 5), 12, null, D(2026, 1, 10), TieBand.Weak),
            new MetContact(102, D(2025, 9, 1), 21, null, null, TieBand.Weak),
            new MetContact(103, D(2025, 10, 1), 22, null, D(2026, 9, 1), TieBand.Dormant),
            new MetContact(104, D(2026, 2, 1), 7, null, D(2026, 10, 1), TieBand.Weak),
            new MetContact(105, D(2026, 2, 1), 7, null, null, TieBand.Weak),
            new MetContact(106, D(2026, 9, 15), 8, null, D(2026, 10, 20), TieBand.Medium),
        };
        var communities = new[] { new ReturnCommunity(1, "Design Guild", 30), new ReturnCommunity(2, "Startup Mixer"), new ReturnCommunity(3, "Writers Circle", 30) };
        return new ReturnsInput(events, communities, met);
    }

    [Fact]
    public void AnEvent_CountsPeopleMet_LastingAfterSixMonths_AndTheCostOfEach()
    {
        var report = EventReturns.Analyze(Scenario(), Now);

        var conf = report.Events.Single(e => e.EventId == 7);
        Assert.Equal(new Yield(2, 1, 0), conf.Yield);
        Assert.Equal(500m, conf.CostPerLasting);
        Assert.Equal(16.0, conf.HoursPerLasting);
        Assert.True(conf.Big);
        var dinner = report.Events.Single(e => e.EventId == 8);
        Assert.Equal(new Yield(1, 0, 1), dinner.Yield); // met six weeks ago: too early to tell
        Assert.Null(dinner.CostPerLasting);
    }

    [Fact]
    public void ACommunityWithALastingRelationship_IsKept()
    {
        var guild = EventReturns.Analyze(Scenario(), Now).Communities.Single(c => c.CommunityId == 1);

        Assert.Equal((3, new Yield(2, 1, 0), 60m, 360), (guild.EventsAttended, guild.Yield, guild.Cost, guild.Minutes));
        Assert.Equal(60m, guild.CostPerLasting);
        Assert.Equal((0, 3, false), (guild.CurrentStreak, guild.LongestStreak, guild.Regular));
        Assert.Equal(CommunityAdvice.Keep, guild.Advice);
        Assert.Equal("1 lasting relationship from 3 visits; going more regularly would compound it.", guild.Reason);
    }

    [Fact]
    public void ACommunityWithNoLastingRelationshipAfterThreeTries_IsSuggestedForDropping()
    {
        var mixer = EventReturns.Analyze(Scenario(), Now).Communities.Single(c => c.CommunityId == 2);

        Assert.Equal(CommunityAdvice.Drop, mixer.Advice);
        Assert.Equal("You went 3 times (4.5 hours spent) and met 2 people; none is still in touch after six months. Your time may go further elsewhere.", mixer.Reason);
    }

    [Fact]
    public void ACommunityAttendedEveryPeriod_IsRegular_WithAStreak_ButTooRecentToJudge()
    {
        var writers = EventReturns.Analyze(Scenario(), Now).Communities.Single(c => c.CommunityId == 3);

        Assert.Equal((5, 5, true), (writers.CurrentStreak, writers.LongestStreak, writers.Regular));
        Assert.Equal(CommunityAdvice.KeepTrying, writers.Advice);
        Assert.StartsWith("5 visits so far, too recent to judge", writers.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void BigAndSmallEvents_AreCompared()
    {
        var bySize = EventReturns.Analyze(Scenario(), Now).BySize;

        var big = bySize.Single(s => s.Size == "big");
        Assert.Equal((4, new Yield(4, 1, 0), 4, 1, 0.25, 500m), (big.Events, big.Yield, big.Judged, big.JudgedLasting, big.LastingPerEvent, big.CostPerLasting));
        // The small dinner six weeks ago is too recent to judge: counted as an event, left out of every rate.
        var small = bySize.Single(s => s.Size == "small");
        Assert.Equal((4, new Yield(3, 1, 1), 3, 1, 60m, 360), (small.Events, small.Yield, small.Judged, small.JudgedLasting, small.JudgedCost, small.JudgedMinutes));
        Assert.Equal(1.0 / 3, small.LastingPerEvent, 12);
        Assert.Equal((60m, 6.0), (small.CostPerLasting, small.HoursPerLasting));
        Assert.Equal(5, bySize.Single(s => s.Size == "unknown").Events);
    }

    [Fact]
    public void TheRatesOfASize_ShareOneBase_TheEventsOldEnoughToJudge()
    {
        var events = new[]
        {
            new ReturnEvent(1, "Old Meetup", D(2026, 1, 10), 40, 30m, 120, null),
            new ReturnEvent(2, "Old Meetup 2", D(2026, 2, 10), 40, 30m, 120, null),
            new ReturnEvent(3, "Last Month's Meetup", D(2026, 10, 1), 40, 800m, 240, null),
        };
        var met = new[]
        {
            new MetContact(100, D(2026, 1, 10), 1, null, D(2026, 9, 1), TieBand.Medium),
            new MetContact(101, D(2026, 10, 1), 3, null, D(2026, 10, 20), TieBand.Medium),
        };

        var small = Assert.Single(EventReturns.Analyze(new ReturnsInput(events, [], met), Now).BySize);

        Assert.Equal((3, 2, 1), (small.Events, small.Judged, small.JudgedLasting));
        Assert.Equal(0.5, small.LastingPerEvent);
        Assert.Equal((60m, 240), (small.JudgedCost, small.JudgedMinutes));
        Assert.Equal((60m, 4.0), (small.CostPerLasting, small.HoursPerLasting)); // not 860 (the recent meetup's 800 is left out)
        Assert.False(EventReturns.Analyze(new ReturnsInput(events, [], met), Now).Events.Single(e => e.EventId == 3).OldEnoughToJudge);
    }

    [Fact]
    public void EventsThatHaveNotHappenedYet_AreLeftOutEntirely()
    {
        var events = new[]
        {
            new ReturnEvent(1, "Past Meetup", D(2026, 1, 10), 40, 30m, 120, 5),
            new ReturnEvent(2, "Next Week's Meetup", Now.AddDays(4), 40, 500m, 120, 5),
            new ReturnEvent(3, "Next Year's Conference", Now.AddDays(200), 3000, 900m, 960, null),
        };
        var met = new[]
        {
            new MetContact(100, D(2026, 1, 10), 1, null, D(2026, 9, 1), TieBand.Medium),
            new MetContact(101, Now.AddDays(4), 2, null, null, TieBand.Weak),
        };

        var report = EventReturns.Analyze(new ReturnsInput(events, [new ReturnCommunity(5, "Guild", 30)], met), Now);

        Assert.Equal([1L], report.Events.Select(e => e.EventId));
        var small = Assert.Single(report.BySize);
        Assert.Equal(("small", 1, new Yield(1, 1, 0), 30m), (small.Size, small.Events, small.Yield, small.CostPerLasting));
        var guild = Assert.Single(report.Communities);
        Assert.Equal((1, new Yield(1, 1, 0), 30m, 120), (guild.EventsAttended, guild.Yield, guild.Cost, guild.Minutes));
    }

    [Fact]
    public void WithARegularCommunity_YouAreInTheConsistentStage()
    {
        var report = EventReturns.Analyze(Scenario(), Now);

        Assert.Equal(ExploreStage.Consistent, report.Stage);
        Assert.Contains("Writers Circle", report.StageAdvice, StringComparison.Ordinal);
    }

    [Fact]
    public void ManyOneOffEvents_WithoutARegularCommunity_IsExploring()
    {
        var events = Enumerable.Range(0, 6).Select(i => new ReturnEvent(i, $"E{i}", Now.AddDays(-20 - 40 * i), 40, null, 60, null)).ToArray();

        var report = EventReturns.Analyze(new ReturnsInput(events, [], []), Now);

        Assert.Equal(ExploreStage.Exploring, report.Stage);
        Assert.Equal(ExploreStage.Starting, EventReturns.Analyze(new ReturnsInput([], [], []), Now).Stage);
    }

    [Fact]
    public void PastEvents_ButNoneThisYear_AreAcknowledged_NotTreatedAsNeverHavingGone()
    {
        // Two events two years ago each formed a lasting relationship; nothing since.
        var events = new[] { new ReturnEvent(1, "Meetup A", D(2024, 9, 10), 30, null, 120, null), new ReturnEvent(2, "Meetup B", D(2024, 10, 8), 30, null, 120, null) };
        var met = new[]
        {
            new MetContact(100, D(2024, 9, 10), 1, null, D(2026, 10, 1), TieBand.Medium),
            new MetContact(101, D(2024, 10, 8), 2, null, D(2026, 9, 1), TieBand.Weak),
        };

        var report = EventReturns.Analyze(new ReturnsInput(events, [], met), Now);

        Assert.Equal(ExploreStage.Returning, report.Stage);
        Assert.Equal("It has been over a year since your last event (Meetup B, 2024-10-08); your events gave you 2 lasting relationships, so going again pays. " +
            "Go back to what worked, or try a few events of different kinds and sizes this quarter.", report.StageAdvice);
        Assert.DoesNotContain("Try a few events", report.StageAdvice, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CommunityAdvice.Keep, "keep")]
    [InlineData(CommunityAdvice.Drop, "drop")]
    [InlineData(CommunityAdvice.KeepTrying, "keep trying")]
    [InlineData(CommunityAdvice.TooEarly, "too early")]
    public void Advice_IsShownInPlainWords(CommunityAdvice advice, string word) => Assert.Equal(word, advice.Word());

    [Theory]
    [InlineData(30, 1, 3)]
    [InlineData(36, 1, 3)]
    [InlineData(43, 0, 3)]
    public void Streaks_CountConsecutiveMeetingPeriods(int nowDay, int current, int longest)
    {
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var attended = new[] { 0, 7, 14, 28 }.Select(d => start.AddDays(d)).ToArray();

        Assert.Equal((current, longest), EventReturns.Streaks(attended, start.AddDays(nowDay), 7));
    }

    [Fact]
    public void Streaks_OfAMonthlyMeetingThatMovesWithTheCalendar_AreNotBrokenByIt()
    {
        // The second Wednesday of each month: 28 to 35 days apart, so two of them can fall within one 30-day stretch.
        var attended = new[] { "2026-08-12", "2026-09-09", "2026-10-14" }.Select(d => DateTime.Parse(d + "T18:00:00Z", System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime()).ToArray();
        var now = new DateTime(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc);

        Assert.Equal((3, 3), EventReturns.Streaks(attended, now, 30));
        // November's meeting missed: the run is over by late December, and a visit still to come does not count.
        Assert.Equal((0, 3), EventReturns.Streaks([.. attended, new DateTime(2027, 1, 13, 18, 0, 0, DateTimeKind.Utc)], new DateTime(2026, 12, 31, 0, 0, 0, DateTimeKind.Utc), 30));
        // A meeting recorded and not gone to ends the run, even within the grace.
        Assert.Equal((1, 2), EventReturns.Streaks(attended, now, 30, missed: [new DateTime(2026, 10, 1, 18, 0, 0, DateTimeKind.Utc)]));
        // Two days of one conference are one meeting.
        Assert.Equal((1, 1), EventReturns.Streaks([now.AddDays(-3), now.AddDays(-2)], now, 30));
    }
}
