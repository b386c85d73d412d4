using Rapport.Formats.ICalendar.Recurrence;

namespace Rapport.Formats.Tests.ICalendar.Recurrence;

public class RecurrenceSetTest
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static RecurrenceRule Rule(string text)
    {
        Assert.True(RecurrenceRule.TryParse(text, out var rule, out var error), error);
        return rule!;
    }

    private static DateTime Utc(int y, int m, int d, int h = 0) => new(y, m, d, h, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void AnExdate_TakesItsOccurrenceOut_AndCountStillCountsIt()
    {
        // Daily at 09:00 UTC, five times; the third is taken out.
        var set = new RecurrenceSet { Start = new DateTime(2024, 6, 3, 9, 0, 0), Zone = TimeZoneInfo.Utc, Rule = Rule("FREQ=DAILY;COUNT=5"), ExDates = [Utc(2024, 6, 5, 9)] };

        var expansion = set.Expand(Utc(2025, 1, 1), keepLatest: 500);

        Assert.Equal([Utc(2024, 6, 3, 9), Utc(2024, 6, 4, 9), Utc(2024, 6, 6, 9), Utc(2024, 6, 7, 9)], expansion.Occurrences.Select(o => o.Utc));
        Assert.Equal([Utc(2024, 6, 5, 9)], expansion.Excluded.Select(o => o.Utc));
        Assert.Null(expansion.Next);
        Assert.Equal(0, expansion.LeftOut);
    }

    [Fact]
    public void RdatesJoinTheRule_AnExdateGivenAsADay_TakesOutEveryOccurrenceThatDay_AndAnExdateOffTheRuleDoesNothing()
    {
        // Mondays at 10:00 in Berlin from April 1, 2024; an extra meeting on Wednesday the 3rd; the 8th is off; an EXDATE that matches nothing.
        var set = new RecurrenceSet
        {
            Start = new DateTime(2024, 4, 1, 10, 0, 0), Zone = Berlin, Rule = Rule("FREQ=WEEKLY;COUNT=3"),
            RDates = [Utc(2024, 4, 3, 12)], ExDays = [new DateOnly(2024, 4, 8)], ExDates = [Utc(2024, 4, 2, 8)],
        };

        var expansion = set.Expand(Utc(2025, 1, 1), 500);

        Assert.Equal([Utc(2024, 4, 1, 8), Utc(2024, 4, 3, 12), Utc(2024, 4, 15, 8)], expansion.Occurrences.Select(o => o.Utc));
        Assert.Equal(new DateTime(2024, 4, 3, 14, 0, 0), expansion.Occurrences[1].Local);
        Assert.Equal([Utc(2024, 4, 8, 8)], expansion.Excluded.Select(o => o.Utc));
    }

    [Fact]
    public void OnlyWhatHasHappened_IsKept_AndTheNextOccurrenceIsFound()
    {
        var set = new RecurrenceSet { Start = new DateTime(2026, 11, 2, 10, 0, 0), Zone = Berlin, Rule = Rule("FREQ=WEEKLY;BYDAY=MO,TH"), ExDates = [Utc(2026, 11, 23, 9)] };

        var expansion = set.Expand(Utc(2026, 11, 20, 12), 500);

        // November 2, 5, 9, 12, 16 and 19 have happened; the 23rd is taken out, so the 26th comes next.
        Assert.Equal(6, expansion.Occurrences.Count);
        Assert.Equal(Utc(2026, 11, 19, 9), expansion.Occurrences[^1].Utc);
        Assert.Equal(Utc(2026, 11, 26, 9), expansion.Next?.Utc);
        Assert.Empty(expansion.Excluded);
    }

    [Fact]
    public void AnEventThatHasNotStarted_HasNoOccurrence_AndItsStartComesNext()
    {
        var set = new RecurrenceSet { Start = new DateTime(2027, 1, 4, 10, 0, 0), Zone = TimeZoneInfo.Utc, Rule = Rule("FREQ=WEEKLY") };

        var expansion = set.Expand(Utc(2026, 11, 20), 500);

        Assert.Empty(expansion.Occurrences);
        Assert.Equal(Utc(2027, 1, 4, 10), expansion.Next?.Utc);
    }

    [Fact]
    public void ALongPast_KeepsTheFirstAndTheLatest_AndCountsWhatIsLeftOutBetween()
    {
        // Daily at 08:00 UTC since January 1, 1990, seen on March 1, 2024.
        var set = new RecurrenceSet { Start = new DateTime(1990, 1, 1, 8, 0, 0), Zone = TimeZoneInfo.Utc, Rule = Rule("FREQ=DAILY"), ExDates = [Utc(2000, 1, 1, 8), Utc(2024, 2, 20, 8)] };

        var expansion = set.Expand(Utc(2024, 3, 1), keepLatest: 30);

        var all = (new DateTime(2024, 2, 29) - new DateTime(1990, 1, 1)).Days + 1 - 2;
        Assert.Equal(31, expansion.Occurrences.Count);
        Assert.Equal(Utc(1990, 1, 1, 8), expansion.Occurrences[0].Utc);
        Assert.Equal(Utc(2024, 2, 29, 8), expansion.Occurrences[^1].Utc);
        Assert.Equal(all - 31, expansion.LeftOut);
        Assert.Equal(Utc(1990, 1, 2, 8), expansion.LeftOutFrom);
        Assert.Equal(expansion.Occurrences[1].Utc.AddDays(-1), expansion.LeftOutTo);
        // The EXDATE among the latest is said; the one in the years left out is not.
        Assert.Equal([Utc(2024, 2, 20, 8)], expansion.Excluded.Select(o => o.Utc));
        Assert.Equal(Utc(2024, 3, 1, 8), expansion.Next?.Utc);
    }
}
