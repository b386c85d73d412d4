using System.Globalization;

namespace Rapport.Domain.Nurture;

/// <summary>The label of a tie (SCIENCE.md A): strong, medium, weak by strength; dormant and long-dormant by silence.</summary>
public enum TieLabel { Strong, Medium, Weak, Dormant, LongDormant }

/// <summary>Tie strength S and its parts, with the plain-words "why" shown beside every score.</summary>
/// <param name="Frequency">F = 1 − e^(−I/6) from the decayed intensity I.</param>
/// <param name="Reciprocity">R over the 365 days ending at the last interaction.</param>
/// <param name="Duration">D from years known (first known date to last interaction).</param>
/// <param name="Embeddedness">E from mutual contacts.</param>
/// <param name="Closeness">The user's rating C, when given.</param>
/// <param name="Unblended">S = 0.50F + 0.15R + 0.20D + 0.15E, before the closeness blend.</param>
/// <param name="Strength">S' = 0.5C + 0.5S with a rating, else S; this is "strength".</param>
/// <param name="PeakStrength">The highest strength at a month end of the whole history or at the last touch: never below the current one, and constant until a new touch.</param>
/// <param name="Label">strong, medium, weak, dormant or long-dormant.</param>
/// <param name="LastInteraction">The last interaction, if any.</param>
/// <param name="Intensity">The decayed intensity I behind F.</param>
/// <param name="Why">Human-readable parts, one line each.</param>
public sealed record TieStrengthResult(
    double Frequency, double Reciprocity, double Duration, double Embeddedness, double? Closeness,
    double Unblended, double Strength, double PeakStrength, TieLabel Label, DateTime? LastInteraction,
    double Intensity, IReadOnlyList<string> Why);

/// <summary>Tie strength S and its parts without the words, for hot loops (the plan over every contact).</summary>
public readonly record struct TieMeasure(
    double Frequency, double Reciprocity, double Duration, double Embeddedness, double Unblended, double Strength,
    double Peak, TieLabel Label, double? DaysSinceLast, double Intensity, int Out, int In, double YearsKnown);

/// <summary>The formulas of SCIENCE.md A, one function per line of the science, all pure and clock-free.</summary>
public static class TieStrength
{
    /// <summary>Average days per year, for "years known" and "years dormant".</summary>
    public const double DaysPerYear = 365.25;

    /// <summary>The factor 2^(−days/halfLife) by which an interaction's weight has decayed after <paramref name="days"/>.</summary>
    public static double Decay(double days, NurtureSettings s) => Math.Pow(2, -days / s.HalfLifeDays);

    /// <summary>F = 1 − e^(−I/scale).</summary>
    public static double Frequency(double intensity, NurtureSettings s) => 1 - Math.Exp(-Math.Max(0, intensity) / s.FrequencyScale);

    /// <summary>R = 1 − |out − in| / (out + in); 0.5 with fewer than two touches; 0 when they never started one and you started three or more.</summary>
    public static double Reciprocity(int outCount, int inCount)
    {
        if (outCount + inCount < 2) return 0.5;
        if (inCount == 0 && outCount >= 3) return 0;
        return 1 - Math.Abs(outCount - inCount) / (double)(outCount + inCount);
    }

    /// <summary>D = min(1, ln(1 + years) / ln(1 + saturation years)).</summary>
    public static double Duration(double yearsKnown, NurtureSettings s) =>
        Math.Min(1, Math.Log(1 + Math.Max(0, yearsKnown)) / Math.Log(1 + s.DurationSaturationYears));

    /// <summary>E = 1 − e^(−m/5) over m mutual contacts.</summary>
    public static double Embeddedness(int mutuals, NurtureSettings s) => 1 - Math.Exp(-Math.Max(0, mutuals) / s.EmbeddednessScale);

    /// <summary>S = wF·F + wR·R + wD·D + wE·E, kept in [0, 1] even if the weights were changed to sum above 1.</summary>
    public static double Combine(double f, double r, double d, double e, NurtureSettings s) =>
        Math.Clamp(s.WeightFrequency * f + s.WeightReciprocity * r + s.WeightDuration * d + s.WeightEmbeddedness * e, 0, 1);

    /// <summary>S' = blend·C + (1 − blend)·S when the user rated closeness, else S.</summary>
    public static double Blend(double strength, double? closeness, NurtureSettings s) =>
        closeness is { } c ? s.ClosenessBlend * Math.Clamp(c, 0, 1) + (1 - s.ClosenessBlend) * strength : strength;

    /// <summary>
    /// The label: long-dormant after 3 years of silence (whatever it once was); dormant after 365 days of silence when the
    /// peak reached 0.30; otherwise strong (≥ 0.60), medium (≥ 0.30) or weak by the current strength.
    /// </summary>
    public static TieLabel Label(double strength, double peak, double? daysSinceLast, NurtureSettings s)
    {
        if (daysSinceLast is { } d)
        {
            if (d >= s.LongDormantYears * DaysPerYear) return TieLabel.LongDormant;
            if (d >= s.DormantDays && peak >= s.DormantPeakAt) return TieLabel.Dormant;
        }
        return strength >= s.StrongAt ? TieLabel.Strong : strength >= s.MediumAt ? TieLabel.Medium : TieLabel.Weak;
    }

    /// <summary>The wire name of a label ("long-dormant").</summary>
    public static string ToWire(this TieLabel label) => label switch
    {
        TieLabel.LongDormant => "long-dormant",
        _ => label.ToString().ToLowerInvariant(),
    };

    /// <summary>The label with this wire name (case-insensitive), if any.</summary>
    public static bool TryParseLabel(string? wire, out TieLabel label)
    {
        foreach (var l in Enum.GetValues<TieLabel>())
        {
            if (string.Equals(l.ToWire(), wire?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                label = l;
                return true;
            }
        }
        label = default;
        return false;
    }

    /// <summary>
    /// Strength straight from a full history (touches after <paramref name="now"/> are ignored); the reference the
    /// incremental <see cref="ContactStats"/> must agree with.
    /// </summary>
    public static TieStrengthResult FromHistory(
        IEnumerable<Touch> touches, DateTime now, NurtureSettings s, int mutuals = 0, double? closeness = null, DateOnly? knownSince = null) =>
        ContactStats.FromHistory(0, touches, s, asOf: now).Strength(now, s, mutuals, closeness, knownSince);

    internal static string F2(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);
}
