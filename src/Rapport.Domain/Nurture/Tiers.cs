using Rapport.Domain.Contacts;

namespace Rapport.Domain.Nurture;

/// <summary>How overdue a contact is against its cadence (SCIENCE.md B).</summary>
public enum LapseState { NotDue, Due, Cooling, GoingDormant }

/// <summary>One contact as tier ranking sees it: strength, a pin, and whether you ever interacted.</summary>
public readonly record struct TierCandidate(long ContactId, double Strength, Tier? Pin, bool HasInteractions);

/// <summary>A contact's cadence standing: tier, cadence, next due date, lapse and state.</summary>
public readonly record struct CadenceStatus(Tier Tier, int? CadenceDays, DateTime? NextDue, double? Lapse, LapseState State);

/// <summary>Tiers by rank of strength with pins overriding, and keep-in-touch cadences (SCIENCE.md B, Dunbar's layers).</summary>
public static class Tiers
{
    /// <summary>
    /// Tiers for every candidate, aligned with the input. Pinned contacts go to their pinned tier and use up its room;
    /// the others, if you ever interacted, fill the remaining room of inner, close, active and network in order of strength
    /// (ties broken by id so the result is stable); everyone else is an acquaintance. O(n log n).
    /// </summary>
    public static Tier[] Assign(ReadOnlySpan<TierCandidate> candidates, NurtureSettings s)
    {
        var result = new Tier[candidates.Length];
        Span<int> room =
        [
            s.InnerRank,
            Math.Max(0, s.CloseRank - s.InnerRank),
            Math.Max(0, s.ActiveRank - s.CloseRank),
            Math.Max(0, s.NetworkRank - s.ActiveRank),
        ];
        var ranked = new List<int>(candidates.Length);
        for (var i = 0; i < candidates.Length; i++)
        {
            var c = candidates[i];
            if (c.Pin is { } pin)
            {
                result[i] = pin;
                if ((int)pin < room.Length) room[(int)pin]--;
            }
            else if (c.HasInteractions)
            {
                ranked.Add(i);
            }
            else
            {
                result[i] = Tier.Acquaintance;
            }
        }
        var keys = candidates.ToArray();
        ranked.Sort((a, b) =>
        {
            var byStrength = keys[b].Strength.CompareTo(keys[a].Strength);
            return byStrength != 0 ? byStrength : keys[a].ContactId.CompareTo(keys[b].ContactId);
        });
        var tier = 0;
        foreach (var i in ranked)
        {
            while (tier < room.Length && room[tier] <= 0) tier++;
            if (tier < room.Length)
            {
                result[i] = (Tier)tier;
                room[tier]--;
            }
            else
            {
                result[i] = Tier.Acquaintance;
            }
        }
        return result;
    }

    /// <summary>Next due = last interaction + cadence; null for acquaintances or without any interaction.</summary>
    public static DateTime? NextDue(DateTime? lastInteraction, Tier tier, NurtureSettings s) =>
        lastInteraction is { } last && s.CadenceDays(tier) is { } days ? last.AddDays(days) : null;

    /// <summary>Lapse L = days since the last interaction / cadence; null for acquaintances or without any interaction.</summary>
    public static double? Lapse(DateTime? lastInteraction, Tier tier, DateTime now, NurtureSettings s) =>
        lastInteraction is { } last && s.CadenceDays(tier) is { } days ? Math.Max(0, (now - last).TotalDays) / days : null;

    /// <summary>due at L ≥ 1, cooling at L ≥ 2, going dormant at L ≥ 3.</summary>
    public static LapseState State(double? lapse, NurtureSettings s) => lapse switch
    {
        null => LapseState.NotDue,
        { } l when l >= s.LapseGoingDormant => LapseState.GoingDormant,
        { } l when l >= s.LapseCooling => LapseState.Cooling,
        { } l when l >= s.LapseDue => LapseState.Due,
        _ => LapseState.NotDue,
    };

    /// <summary>Tier, cadence, next due, lapse and state together.</summary>
    public static CadenceStatus Status(DateTime? lastInteraction, Tier tier, DateTime now, NurtureSettings s)
    {
        var lapse = Lapse(lastInteraction, tier, now, s);
        return new CadenceStatus(tier, s.CadenceDays(tier), NextDue(lastInteraction, tier, s), lapse, State(lapse, s));
    }

    /// <summary>The wire name of a state ("going-dormant").</summary>
    public static string ToWire(this LapseState state) => state switch
    {
        LapseState.NotDue => "ok",
        LapseState.Due => "due",
        LapseState.Cooling => "cooling",
        _ => "going-dormant",
    };

    /// <summary>The name of a tier in settings, plans, pages and the API ("inner" ... "acquaintance"), one instance each.</summary>
    public static string ToWire(this Tier tier) => tier switch
    {
        Tier.Inner => "inner",
        Tier.Close => "close",
        Tier.Active => "active",
        Tier.Network => "network",
        _ => "acquaintance",
    };
}
