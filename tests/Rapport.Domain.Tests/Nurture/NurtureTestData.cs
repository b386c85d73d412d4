using Rapport.Domain.Interactions;
using Rapport.Domain.Nurture;

namespace Rapport.Domain.Tests.Nurture;

/// <summary>Fixed instants and small builders shared by the nurture tests.</summary>
internal static class NurtureTestData
{
    public static readonly DateTime Now = new(2026, 11, 4, 12, 0, 0, DateTimeKind.Utc); // a Wednesday
    public static readonly NurtureSettings S = NurtureSettings.Default;

    public static Touch T(double daysAgo, Channel channel = Channel.Email, Direction direction = Direction.Out) =>
        new(Now.AddDays(-daysAgo), channel, direction);

    /// <summary>Touches every <paramref name="periodDays"/> days, <paramref name="count"/> of them, the last one at <paramref name="lastAt"/>.</summary>
    public static List<Touch> Every(double periodDays, int count, DateTime lastAt, Channel channel = Channel.Email) =>
        Enumerable.Range(0, count).Select(k => new Touch(lastAt.AddDays(-periodDays * k), channel, k % 2 == 0 ? Direction.Out : Direction.In)).ToList();
}
