using System.Globalization;
using Rapport.Formats.ICalendar.Recurrence;

namespace Rapport.Formats.Tests.ICalendar.Recurrence;

public partial class RecurrenceExpanderTest
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static DateTime Local(string s) => DateTime.ParseExact(s, "yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    private static RecurrenceRule Rule(string text)
    {
        Assert.True(RecurrenceRule.TryParse(text, out var rule, out var error), error);
        return rule!;
    }

    private static string[] Expand(string start, string rule, int take = 100, Func<DateTime, DateTime>? toUtc = null) =>
        RecurrenceExpander.Occurrences(Local(start), Rule(rule), toUtc).Take(take)
            .Select(d => d.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture)).ToArray();

    /// <summary>Rules and their first occurrences, worked out by hand from RFC 5545 section 3.3.10 (several are its own examples).</summary>
    public static TheoryData<string, string, string, string[]> Examples() => new()
    {
        {
            "every other week on Tuesday and Thursday, 8 times", "19970902T090000", "FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH",
            ["19970902T090000", "19970904T090000", "19970916T090000", "19970918T090000", "19970930T090000", "19971002T090000", "19971014T090000", "19971016T090000"]
        },
        {
            "last Friday of each month until the end of June", "20240126T100000", "FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20240630T235959Z",
            ["20240126T100000", "20240223T100000", "20240329T100000", "20240426T100000", "20240531T100000", "20240628T100000"]
        },
        {
            "yearly in June and July, 10 times", "19970610T090000", "FREQ=YEARLY;COUNT=10;BYMONTH=6,7",
            ["19970610T090000", "19970710T090000", "19980610T090000", "19980710T090000", "19990610T090000", "19990710T090000",
             "20000610T090000", "20000710T090000", "20010610T090000", "20010710T090000"]
        },
        {
            "the last day of each month", "20240131T090000", "FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=4",
            ["20240131T090000", "20240229T090000", "20240331T090000", "20240430T090000"]
        },
        {
            "the 31st, in the months that have one", "20240131T090000", "FREQ=MONTHLY;COUNT=4",
            ["20240131T090000", "20240331T090000", "20240531T090000", "20240731T090000"]
        },
        {
            "the last weekday of each month (BYSETPOS)", "20240131T170000", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=3",
            ["20240131T170000", "20240229T170000", "20240329T170000"]
        },
        {
            "the first Monday of January", "20240101T090000", "FREQ=YEARLY;BYMONTH=1;BYDAY=1MO;COUNT=3",
            ["20240101T090000", "20250106T090000", "20260105T090000"]
        },
        {
            "the 20th Monday of the year", "19970519T090000", "FREQ=YEARLY;BYDAY=20MO;COUNT=3",
            ["19970519T090000", "19980518T090000", "19990517T090000"]
        },
        {
            "every other month on the first and last Sunday", "19970907T090000", "FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU",
            ["19970907T090000", "19970928T090000", "19971102T090000", "19971130T090000", "19980104T090000", "19980125T090000",
             "19980301T090000", "19980329T090000", "19980503T090000", "19980531T090000"]
        },
        {
            "Friday the 13th (BYDAY limits BYMONTHDAY)", "20240913T090000", "FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13;COUNT=3",
            ["20240913T090000", "20241213T090000", "20250613T090000"]
        },
        {
            "February 29, in leap years only", "20240229T120000", "FREQ=YEARLY;COUNT=3",
            ["20240229T120000", "20280229T120000", "20320229T120000"]
        },
        {
            "week start Monday: Tuesdays and Sundays every other week", "19970805T090000", "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO",
            ["19970805T090000", "19970810T090000", "19970819T090000", "19970824T090000"]
        },
        {
            "week start Sunday: the same rule gives other days", "19970805T090000", "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU",
            ["19970805T090000", "19970817T090000", "19970819T090000", "19970831T090000"]
        },
        {
            "daily in January only (BYMONTH limits)", "19980130T090000", "FREQ=DAILY;BYMONTH=1;COUNT=3",
            ["19980130T090000", "19980131T090000", "19990101T090000"]
        },
        {
            "twice a day (BYHOUR)", "20240101T090000", "FREQ=DAILY;BYHOUR=9,14;COUNT=4",
            ["20240101T090000", "20240101T140000", "20240102T090000", "20240102T140000"]
        },
        {
            "weekly until a date (inclusive of that day)", "20240101T100000", "FREQ=WEEKLY;UNTIL=20240115",
            ["20240101T100000", "20240108T100000", "20240115T100000"]
        },
        {
            "a start off the rule still counts first", "20240102T090000", "FREQ=WEEKLY;BYDAY=MO;COUNT=3",
            ["20240102T090000", "20240108T090000", "20240115T090000"]
        },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Rule_GivesTheOccurrencesWorkedOutByHand(string what, string start, string rule, string[] expected)
    {
        Assert.NotEmpty(what);
        Assert.Equal(expected, Expand(start, rule));
    }

    [Fact]
    public void AWeeklyMeetingInBerlin_StaysAt10_AcrossBothDaylightSavingChanges()
    {
        DateTime ToUtc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(local, Berlin);

        var spring = RecurrenceExpander.Occurrences(Local("20240325T100000"), Rule("FREQ=WEEKLY;COUNT=3")).ToList();
        var autumn = RecurrenceExpander.Occurrences(Local("20241021T100000"), Rule("FREQ=WEEKLY;COUNT=2")).ToList();

        Assert.All(spring.Concat(autumn), d => Assert.Equal(new TimeSpan(10, 0, 0), d.TimeOfDay));
        Assert.Equal([new DateTime(2024, 3, 25, 9, 0, 0), new DateTime(2024, 4, 1, 8, 0, 0), new DateTime(2024, 4, 8, 8, 0, 0)], spring.Select(ToUtc));
        Assert.Equal([new DateTime(2024, 10, 21, 8, 0, 0), new DateTime(2024, 10, 28, 9, 0, 0)], autumn.Select(ToUtc));
    }

    [Theory]
    [InlineData("FREQ=DAILY;UNTIL=20240703T080000Z", 3)]
    [InlineData("FREQ=DAILY;UNTIL=20240703T075959Z", 2)]
    [InlineData("FREQ=DAILY;UNTIL=20240703T100000", 3)]
    [InlineData("FREQ=DAILY;UNTIL=20240703T095959", 2)]
    public void UntilInUtc_IsComparedWithTheInstant_AndAFloatingUntilWithTheWallClock(string rule, int count)
    {
        // 10:00 in Berlin in July is 08:00 UTC.
        var occurrences = Expand("20240701T100000", rule, toUtc: local => TimeZoneInfo.ConvertTimeToUtc(local, Berlin));
        Assert.Equal(count, occurrences.Length);
    }

    [Fact]
    public void ARuleWithoutEnd_GoesOnAsFarAsAsked_AndAHorizonEndsARuleWhoseDatesNeverCome()
    {
        Assert.Equal(1000, RecurrenceExpander.Occurrences(Local("20240101T090000"), Rule("FREQ=DAILY")).Take(1000).Count());

        var never = RecurrenceExpander.Occurrences(Local("20240101T090000"), Rule("FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=30"), horizon: Local("20340101T000000"));

        Assert.Equal([Local("20240101T090000")], never);
    }

    [Theory]
    [InlineData("FREQ=HOURLY")]
    [InlineData("FREQ=MINUTELY;COUNT=3")]
    [InlineData("FREQ=SECONDLY")]
    public void RulesThatRepeatWithinTheDay_AreNotExpanded(string rule)
    {
        Assert.False(RecurrenceExpander.IsExpanded(Rule(rule).Frequency));
        Assert.Throws<NotSupportedException>(() => RecurrenceExpander.Occurrences(Local("20240101T090000"), Rule(rule)));
    }
}
