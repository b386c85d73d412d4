using FsCheck;
using FsCheck.Fluent;
using Rapport.Data.Storage;

namespace Rapport.Data.Tests.Storage;

/// <summary>The hand-written reader of SQLite's stored times, from a string or UTF-8, agrees with the generic parser on every time and format.</summary>
public class SqliteTimeTest
{
    [Theory]
    [InlineData("2026-11-20 09:30:00", 2026, 11, 20, 9, 30, 0, 0)]
    [InlineData("2024-02-29 23:59:59.9999999", 2024, 2, 29, 23, 59, 59, 9_999_999)]
    [InlineData("2000-01-01 00:00:00.5", 2000, 1, 1, 0, 0, 0, 5_000_000)]
    [InlineData("2026-11-20T09:30:00", 2026, 11, 20, 9, 30, 0, 0)]
    public void Parse_ReadsTheStoredFormat_AsUtc(string text, int y, int mo, int d, int h, int mi, int s, long ticks)
    {
        var parsed = SqliteTime.Parse(text);
        Assert.Equal(new DateTime(y, mo, d, h, mi, s, DateTimeKind.Utc).AddTicks(ticks), parsed);
        Assert.Equal(DateTimeKind.Utc, parsed.Kind);
        var fromUtf8 = SqliteTime.Parse(System.Text.Encoding.UTF8.GetBytes(text));
        Assert.Equal(parsed, fromUtf8);
        Assert.Equal(DateTimeKind.Utc, fromUtf8.Kind);
    }

    [Theory]
    [InlineData("2026-11-20 09:30:00+02:00", 7, 30)]
    [InlineData("2026-11-20", 0, 0)]
    public void Parse_LeavesOtherFormatsToTheGenericParser(string text, int hour, int minute)
    {
        var parsed = SqliteTime.Parse(text);
        Assert.Equal(new DateTime(2026, 11, 20, hour, minute, 0, DateTimeKind.Utc), parsed);
        Assert.Equal(parsed, SqliteTime.Parse(System.Text.Encoding.UTF8.GetBytes(text)));
    }

    [Theory]
    [InlineData("2026-02-30 09:30:00")]
    [InlineData("2026-13-01 09:30:00")]
    [InlineData("not a time")]
    public void Parse_RefusesWhatIsNoTime(string text)
    {
        Assert.Throws<FormatException>(() => SqliteTime.Parse(text));
        Assert.Throws<FormatException>(() => SqliteTime.Parse(System.Text.Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void Parse_RoundTripsEveryTime_InTheFormatEfCoreWrites()
    {
        var times = ArbMap.Default.GeneratorFor<long>()
            .Select(t => new DateTime(Math.Abs(t % DateTime.MaxValue.Ticks), DateTimeKind.Utc))
            .ToArbitrary();
        Prop.ForAll(times, t =>
            {
                var text = t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture).TrimEnd('.');
                return SqliteTime.Parse(text) == t && SqliteTime.Parse(System.Text.Encoding.UTF8.GetBytes(text)) == t;
            })
            .QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData("2026-11-20", 2026, 11, 20)]
    [InlineData("2024-02-29", 2024, 2, 29)]
    [InlineData("0001-01-01", 1, 1, 1)]
    [InlineData("2026-11-20T00:00:00", 2026, 11, 20)]
    public void ParseDate_ReadsTheStoredFormat_AndLeavesOthersToTheGenericParser(string text, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d), SqliteTime.ParseDate(System.Text.Encoding.UTF8.GetBytes(text)));

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("2026-13-01")]
    [InlineData("20261120")]
    [InlineData("")]
    public void ParseDate_RefusesWhatIsNoDate(string text) =>
        Assert.Throws<FormatException>(() => SqliteTime.ParseDate(System.Text.Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void ParseDate_RoundTripsEveryDate_InTheFormatEfCoreWrites()
    {
        var dates = ArbMap.Default.GeneratorFor<int>()
            .Select(n => DateOnly.FromDayNumber(Math.Abs(n % DateOnly.MaxValue.DayNumber)))
            .ToArbitrary();
        Prop.ForAll(dates, d => SqliteTime.ParseDate(System.Text.Encoding.UTF8.GetBytes(d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))) == d)
            .QuickCheckThrowOnFailure();
    }
}
