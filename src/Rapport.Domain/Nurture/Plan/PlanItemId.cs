namespace Rapport.Domain.Nurture.Plan;

/// <summary>
/// Deterministic short ids for plan items: a 50-bit FNV-1a hash of action, contact and trigger, written in 10 letters and
/// digits (no 0/o/1/l), so `rapport done &lt;id&gt;` finds the same item when the plan is rebuilt in a later process.
/// </summary>
public static class PlanItemId
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    /// <summary>The id of the item for <paramref name="action"/> on <paramref name="contactId"/> caused by <paramref name="trigger"/>.</summary>
    public static string Of(PlanAction action, long contactId, string trigger)
    {
        var hash = 14695981039346656037UL;
        hash = Mix(hash, action.ToWire());
        hash = Mix(hash, "|");
        var id = (ulong)contactId;
        for (var i = 0; i < 8; i++)
        {
            hash ^= (id >> (i * 8)) & 0xFF;
            hash *= 1099511628211UL;
        }
        hash = Mix(hash, "|");
        hash = Mix(hash, trigger);
        Span<char> chars = stackalloc char[10];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[(int)(hash & 31)];
            hash >>= 5;
        }
        return new string(chars);
    }

    private static ulong Mix(ulong hash, string text)
    {
        foreach (var ch in text)
        {
            hash ^= ch & 0xFFu;
            hash *= 1099511628211UL;
            hash ^= (uint)ch >> 8;
            hash *= 1099511628211UL;
        }
        return hash;
    }
}
