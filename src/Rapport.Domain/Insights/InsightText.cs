using System.Globalization;

namespace Rapport.Domain.Insights;

/// <summary>Formats numbers in the plain-words text the engines write, the same on every machine.</summary>
public static class InsightText
{
    /// <summary>A share as a whole percentage: 0.8 → "80%".</summary>
    public static string Percent(double share) => Math.Round(share * 100, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture) + "%";

    /// <summary>A number with an invariant format: Number(0.456, "0.00") → "0.46".</summary>
    public static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>Time in hours, with its unit: 150 minutes → "2.5 hours", 60 → "1 hour".</summary>
    public static string Hours(int minutes) => minutes == 60 ? "1 hour" : Number(minutes / 60.0, "0.#") + " hours";

    /// <summary>Money with two decimals and no currency sign (the account's currency is the caller's to show).</summary>
    public static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
