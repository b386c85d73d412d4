using FsCheck;
using FsCheck.Fluent;
using Rapport.Data.Storage;

namespace Rapport.Data.Tests.Storage;

/// <summary>The hand-written reader of SQLite's stored times agrees with the generic parser on every time and format.</summary>
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
    }

    [Theory]
    [InlineData("2026-11-20 09:30:00+02:00", 7, 30)]
    [InlineData("2026-11-20", 0, 0)]
    public void Parse_LeavesOtherFormatsToTheGenericParser(string text, int hour, int minute)
    {
        var parsed = SqliteTime.Parse(text);
        Assert.Equal(new DateTime(2026, 11, 20, hour, minute, 0, DateTimeKind.Utc), parsed);
    }

    [Theory]
    [InlineData("2026-02-30 09:30:00")]
    [InlineData("2026-13-01 09:30:00")]
    [InlineData("not a time")]
    public void Parse_RefusesWhatIsNoTime(string text) => Assert.Throws<FormatException>(() => SqliteTime.Parse(text));

    [Fact]
    public void Parse_RoundTripsEveryTime_InTheFormatEfCoreWrites()
    {
        var times = ArbMap.Default.GeneratorFor<long>()
            .Select(t => new DateTime(Math.Abs(t % DateTime.MaxValue.Ticks), DateTimeKind.Utc))
            .ToArbitrary();
        Prop.ForAll(times, t =>
            SqliteTime.Parse(t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture).TrimEnd('.')) == t)
            .QuickCheckThrowOnFailure();
    }
}
