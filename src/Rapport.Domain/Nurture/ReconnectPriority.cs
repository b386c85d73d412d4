using System.Globalization;
using Rapport.Domain.Contacts;

namespace Rapport.Domain.Nurture;

/// <summary>Reconnect priority P and its parts (SCIENCE.md C), with the reasons to show.</summary>
public sealed record ReconnectPriorityResult(
    double Priority, double PeakPart, double DormancyPart, double GoalPart, double SeniorityBonus, double YearsDormant, IReadOnlyList<string> Why);

/// <summary>
/// Which dormant ties to rekindle: P = 0.5·S_peak + 0.3·(1 − e^(−years dormant/2)) + 0.2·G, plus 0.1 when the contact is now
/// more senior. Reconnected ties bring fresh information with trust already built (Levin, Walter and Murnighan 2011).
/// </summary>
public static class ReconnectPriority
{
    /// <summary>P, capped at 1 so it can sit beside the other plan priorities.</summary>
    public static ReconnectPriorityResult Compute(double peakStrength, double yearsDormant, double goalRelevance, bool moreSenior, NurtureSettings s)
    {
        var inv = CultureInfo.InvariantCulture;
        var (peak, dormancy, goal, bonus, p) = Parts(peakStrength, yearsDormant, goalRelevance, moreSenior, s);
        var why = new List<string>(4)
        {
            string.Create(inv, $"you were once close: peak strength {TieStrength.F2(peakStrength)} gives {TieStrength.F2(peak)}"),
            string.Create(inv, $"{yearsDormant:0.0} years without contact gives {TieStrength.F2(dormancy)}: fresh news, trust already built"),
        };
        if (goal > 0) why.Add(string.Create(inv, $"matches an active goal ({TieStrength.F2(goalRelevance)}) gives {TieStrength.F2(goal)}"));
        if (moreSenior) why.Add(string.Create(inv, $"more senior than when you were last in touch gives {TieStrength.F2(bonus)}"));
        return new ReconnectPriorityResult(p, peak, dormancy, goal, bonus, yearsDormant, why);
    }

    /// <summary>P alone, without the reasons: for ranking many candidates before explaining the few shown.</summary>
    public static double Score(double peakStrength, double yearsDormant, double goalRelevance, bool moreSenior, NurtureSettings s) =>
        Parts(peakStrength, yearsDormant, goalRelevance, moreSenior, s).P;

    private static (double Peak, double Dormancy, double Goal, double Bonus, double P) Parts(
        double peakStrength, double yearsDormant, double goalRelevance, bool moreSenior, NurtureSettings s)
    {
        var peak = s.ReconnectPeakWeight * peakStrength;
        var dormancy = s.ReconnectDormancyWeight * (1 - Math.Exp(-Math.Max(0, yearsDormant) / s.DormancyScaleYears));
        var goal = s.ReconnectGoalWeight * Math.Clamp(goalRelevance, 0, 1);
        var bonus = moreSenior ? s.ReconnectSeniorityBonus : 0;
        return (peak, dormancy, goal, bonus, Math.Min(1, peak + dormancy + goal + bonus));
    }

    /// <summary>True when the contact's seniority is known both now and at the last contact, and is higher now.</summary>
    public static bool IsMoreSenior(Seniority now, Seniority atLastContact) =>
        now != Seniority.Unknown && atLastContact != Seniority.Unknown && now > atLastContact;

    /// <summary>A dormant tie worth rekindling: silent for the dormant period with a peak at or above the dormant threshold.</summary>
    public static bool IsCandidate(double daysSinceLast, double peakStrength, NurtureSettings s) =>
        daysSinceLast >= s.DormantDays && peakStrength >= s.DormantPeakAt;
}

/// <summary>
/// Which ties to activate for opportunities (SCIENCE.md D): J = U(m)·(1 − F)·[R &gt; 0] with U(m) = (m/10)·e^(1 − m/10), the
/// inverted U of Rajkumar et al. (Science 2022): moderately embedded, weakly active ties moved the most jobs.
/// </summary>
public static class JobLead
{
    /// <summary>U(m) = (m/peak)·e^(1 − m/peak); 1 at the peak, 0 with no mutual contacts.</summary>
    public static double Mutuality(int mutuals, NurtureSettings s)
    {
        var x = Math.Max(0, mutuals) / s.JobLeadPeakMutuals;
        return x * Math.Exp(1 - x);
    }

    /// <summary>J = U(m)·(1 − F), or 0 when the tie has no reciprocity at all.</summary>
    public static double Score(int mutuals, double frequency, double reciprocity, NurtureSettings s) =>
        reciprocity > 0 ? Mutuality(mutuals, s) * (1 - frequency) : 0;
}
