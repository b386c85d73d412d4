namespace Rapport.Domain.Insights;

/// <summary>
/// The strength labels of SCIENCE.md A as the insight engines take them: the caller maps the label the
/// tie-strength engine computed onto this, so the insights do not depend on how strength is computed.
/// </summary>
public enum TieBand { Weak, Medium, Strong, Dormant, LongDormant }

/// <summary>Helpers over <see cref="TieBand"/>.</summary>
public static class TieBands
{
    /// <summary>True for strong and medium ties: the ones you are actually keeping up.</summary>
    public static bool IsActive(this TieBand band) => band is TieBand.Strong or TieBand.Medium;

    /// <summary>True for dormant and long-dormant ties.</summary>
    public static bool IsDormant(this TieBand band) => band is TieBand.Dormant or TieBand.LongDormant;

    /// <summary>An order of warmth (strong 3, medium 2, weak 1, dormant 0) to tell a cooling tie from a warming one.</summary>
    public static int Warmth(this TieBand band) => band switch
    {
        TieBand.Strong => 3,
        TieBand.Medium => 2,
        TieBand.Weak => 1,
        _ => 0,
    };

    /// <summary>The label's word in plain text.</summary>
    public static string Word(this TieBand band) => band switch
    {
        TieBand.LongDormant => "long-dormant",
        _ => band.ToString().ToLowerInvariant(),
    };
}
