using Rapport.Formats.ICalendar.Recurrence;

namespace Rapport.Formats.Tests.ICalendar.Recurrence;

public class RecurrenceRuleTest
{
    [Fact]
    public void ARule_IsReadPartByPart_InAnyCase_IgnoringExtensions()
    {
        Assert.True(RecurrenceRule.TryParse("freq=monthly;interval=2;byday=1MO,-1fr,TU;bymonthday=-1,15;bymonth=6,7;bysetpos=-1;wkst=su;count=10;X-NAME=1", out var rule, out _));

        Assert.Equal(RecurrenceFrequency.Monthly, rule!.Frequency);
        Assert.Equal(2, rule.Interval);
        Assert.Equal(10, rule.Count);
        Assert.Equal([new WeekdayNum(1, DayOfWeek.Monday), new WeekdayNum(-1, DayOfWeek.Friday), new WeekdayNum(0, DayOfWeek.Tuesday)], rule.ByDay);
        Assert.Equal([-1, 15], rule.ByMonthDay);
        Assert.Equal([6, 7], rule.ByMonth);
        Assert.Equal([-1], rule.BySetPos);
        Assert.Equal(DayOfWeek.Sunday, rule.WeekStart);
    }

    [Theory]
    [InlineData("UNTIL=20240630", "2024-06-30T00:00:00", UntilKind.Date)]
    [InlineData("UNTIL=20240630T235959Z", "2024-06-30T23:59:59", UntilKind.Utc)]
    [InlineData("UNTIL=20240630T100000", "2024-06-30T10:00:00", UntilKind.Floating)]
    public void Until_KeepsWhetherItIsADate_AUtcTime_OrAWallClockTime(string until, string value, UntilKind kind)
    {
        Assert.True(RecurrenceRule.TryParse("FREQ=DAILY;" + until, out var rule, out _));
        var read = rule!.Until!.Value;
        Assert.Equal(DateTime.Parse(value, System.Globalization.CultureInfo.InvariantCulture), DateTime.SpecifyKind(read.Value, DateTimeKind.Unspecified));
        Assert.Equal(kind, read.Kind);
    }

    [Theory]
    [InlineData("INTERVAL=2", "there is no FREQ")]
    [InlineData("FREQ=FORTNIGHTLY", "FREQ=FORTNIGHTLY is not a frequency")]
    [InlineData("FREQ=DAILY;COUNT=0", "COUNT=0 is not valid")]
    [InlineData("FREQ=WEEKLY;BYDAY=MO,XX", "BYDAY=XX is not valid")]
    [InlineData("FREQ=MONTHLY;BYDAY=0MO", "BYDAY=0MO is not valid")]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=32", "BYMONTHDAY=32 is not valid")]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=0", "BYMONTHDAY=0 is not valid")]
    [InlineData("FREQ=YEARLY;BYMONTH=13", "BYMONTH=13 is not valid")]
    [InlineData("FREQ=DAILY;UNTIL=tomorrow", "UNTIL=tomorrow is not valid")]
    [InlineData("FREQ=YEARLY;BYWEEKNO=20", "BYWEEKNO is not supported")]
    [InlineData("FREQ=YEARLY;BYYEARDAY=100", "BYYEARDAY is not supported")]
    [InlineData("FREQ=DAILY;COUNT", "\"COUNT\" is not NAME=VALUE")]
    public void ABadRule_IsRefused_SayingWhy(string text, string why)
    {
        Assert.False(RecurrenceRule.TryParse(text, out var rule, out var error));
        Assert.Null(rule);
        Assert.Equal(why, error);
    }
}
