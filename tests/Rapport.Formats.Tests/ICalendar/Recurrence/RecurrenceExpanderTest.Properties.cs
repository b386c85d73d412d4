using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Rapport.Formats.ICalendar.Recurrence;

namespace Rapport.Formats.Tests.ICalendar.Recurrence;

/// <summary>Properties every expansion has, over generated rules.</summary>
public partial class RecurrenceExpanderTest
{
    private static readonly string[] Days = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

    private static Gen<List<T>> SomeOf<T>(T[] items, int max) =>
        Gen.Choose(0, max).SelectMany(n => Gen.ListOf(Gen.Elements(items), n)).Select(l => l.Distinct().ToList());

    private static readonly Gen<DateTime> Starts =
        from day in Gen.Choose(0, 365 * 40)
        from minutes in Gen.Choose(0, 24 * 60 - 1)
        select new DateTime(1990, 1, 1).AddDays(day).AddMinutes(minutes);

    /// <summary>A rule text: any frequency that is expanded, with limits and expansions in any mix.</summary>
    private static readonly Gen<string> Rules =
        from freq in Gen.Elements("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
        from interval in Gen.Choose(1, 3)
        from count in Gen.Frequency((1, Gen.Constant(0)), (2, Gen.Choose(1, 40)))
        from until in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(1, 3000)))
        from days in SomeOf(Days, 3)
        from ordinals in Gen.ListOf(Gen.Elements(0, 0, 1, 2, -1, -2, 5), 3)
        from monthDays in SomeOf([1, 2, 13, 15, 28, 29, 30, 31, -1, -2, -31], 2)
        from months in SomeOf(Enumerable.Range(1, 12).ToArray(), 3)
        from setPos in SomeOf([1, 2, -1, -2], 2)
        from wkst in Gen.Elements(Days)
        select string.Join(';', new[]
        {
            "FREQ=" + freq, "INTERVAL=" + interval, "WKST=" + wkst,
            count > 0 ? "COUNT=" + count : null,
            until > 0 ? "UNTIL=" + new DateTime(1990, 1, 1).AddDays(until * 5).ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture) : null,
            days.Count > 0 ? "BYDAY=" + string.Join(',', days.Select((d, i) => (freq is "MONTHLY" or "YEARLY" && ordinals[i] != 0 ? ordinals[i].ToString(CultureInfo.InvariantCulture) : "") + d)) : null,
            monthDays.Count > 0 ? "BYMONTHDAY=" + string.Join(',', monthDays) : null,
            months.Count > 0 ? "BYMONTH=" + string.Join(',', months) : null,
            setPos.Count > 0 && (days.Count > 0 || monthDays.Count > 0) ? "BYSETPOS=" + string.Join(',', setPos) : null,
        }.Where(p => p is not null));

    [Fact]
    public void Occurrences_StartAtTheStart_RiseStrictly_AndKeepCountAndUntil()
    {
        var cases = Gen.Zip(Starts, Rules).ToArbitrary();
        Check.QuickThrowOnFailure(Prop.ForAll(cases, c =>
        {
            var (start, text) = c;
            var rule = Rule(text);
            var occurrences = RecurrenceExpander.Occurrences(start, rule, horizon: start.AddYears(30)).Take(200).ToList();

            Assert.Equal(start, occurrences[0]);
            for (var k = 1; k < occurrences.Count; k++) Assert.True(occurrences[k] > occurrences[k - 1], $"{text} from {start:O}: {occurrences[k]:O} after {occurrences[k - 1]:O}");
            if (rule.Count is { } count) Assert.True(occurrences.Count <= count, $"{text}: {occurrences.Count} occurrences");
            if (rule.Until is { } until) Assert.All(occurrences.Skip(1), o => Assert.True(o <= until.Value, $"{text}: {o:O} after UNTIL"));
            return true;
        }));
    }

    [Fact]
    public void ADailyRuleWithLimitsOnly_GivesExactlyTheDaysThatPassThem()
    {
        // An independent reading of a DAILY rule with BYMONTH, BYMONTHDAY and BYDAY limits: walk day by day and test each.
        var cases = (
            from start in Starts
            from days in SomeOf(Days, 3)
            from monthDays in SomeOf([1, 13, 29, 30, 31, -1, -2], 2)
            from months in SomeOf(Enumerable.Range(1, 12).ToArray(), 4)
            select (start, days, monthDays, months)).ToArbitrary();
        Check.QuickThrowOnFailure(Prop.ForAll(cases, c =>
        {
            var (start, days, monthDays, months) = c;
            var text = string.Join(';', new[]
            {
                "FREQ=DAILY",
                days.Count > 0 ? "BYDAY=" + string.Join(',', days) : null,
                monthDays.Count > 0 ? "BYMONTHDAY=" + string.Join(',', monthDays) : null,
                months.Count > 0 ? "BYMONTH=" + string.Join(',', months) : null,
            }.Where(p => p is not null));
            var end = start.AddYears(3);
            bool Passes(DateTime d)
            {
                var length = DateTime.DaysInMonth(d.Year, d.Month);
                return (months.Count == 0 || months.Contains(d.Month))
                    && (monthDays.Count == 0 || monthDays.Any(m => m > 0 ? m == d.Day : length + m + 1 == d.Day))
                    && (days.Count == 0 || days.Contains(Days[((int)d.DayOfWeek + 6) % 7]));
            }
            var expected = new List<DateTime> { start };
            for (var d = start.AddDays(1); d <= end; d = d.AddDays(1))
            {
                if (Passes(d)) expected.Add(d);
            }

            var actual = RecurrenceExpander.Occurrences(start, Rule(text)).TakeWhile(o => o <= end).ToList();

            Assert.Equal(expected, actual);
            return true;
        }));
    }
}
