namespace Rapport.Domain.Time;

/// <summary>Date helpers shared by the engines; all of them take "now" from the caller.</summary>
public static class Dates
{
    /// <summary>Days between two instants, fractional, positive when <paramref name="to"/> is later.</summary>
    public static double DaysBetween(DateTime from, DateTime to) => (to - from).TotalDays;

    /// <summary>The UTC calendar date of an instant.</summary>
    public static DateOnly DateOf(DateTime instant) => DateOnly.FromDateTime(instant);

    /// <summary>Midnight UTC at the start of a date.</summary>
    public static DateTime StartOf(DateOnly date) => date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
}
