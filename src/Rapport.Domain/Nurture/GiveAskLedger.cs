using System.Globalization;
using Rapport.Domain.Contacts;
using Rapport.Domain.Exchanges;

namespace Rapport.Domain.Nurture;

/// <summary>One give or ask with a contact, as the ledger and the plan see it.</summary>
public readonly record struct LedgerEntry(long ContactId, ExchangeDirection Direction, ExchangeKind Kind, ExchangeStatus Status, DateOnly On, string? Note = null);

/// <summary>The ledger with one contact: gives, asks, balance and whether to give first.</summary>
public sealed record GiveAskBalance(int Gives, int Asks, double Balance, bool GiveFirst, string Why);

/// <summary>
/// The give/ask ledger (SCIENCE.md G): B = (G − A)/(G + A + 1) over two years; give first when B ≤ −0.5 and A ≥ 2; never an
/// ask as the first touch after a lapse ≥ 2. A give counts once done (an offer not yet kept is a follow-up, not goodwill);
/// an ask counts whatever its outcome, since asking is what draws on goodwill.
/// </summary>
public static class GiveAskLedger
{
    /// <summary>B = (G − A)/(G + A + 1), in (−1, 1).</summary>
    public static double Balance(int gives, int asks) => (gives - asks) / (double)(gives + asks + 1);

    /// <summary>True when B ≤ −0.5 and at least two asks were made.</summary>
    public static bool GiveFirst(int gives, int asks, NurtureSettings s) =>
        asks >= s.GiveFirstMinAsks && Balance(gives, asks) <= s.GiveFirstBalance;

    /// <summary>True when the entry is inside the ledger window ending today.</summary>
    public static bool InWindow(DateOnly on, DateOnly today, NurtureSettings s) =>
        on > today.AddYears(-s.LedgerWindowYears) && on <= today;

    /// <summary>True when the entry counts: a done give, or any ask.</summary>
    public static bool Counts(in LedgerEntry e) =>
        e.Direction == ExchangeDirection.Ask || e.Status == ExchangeStatus.Done;

    /// <summary>The ledger of one contact from its entries (entries of other contacts must be filtered out by the caller).</summary>
    public static GiveAskBalance Compute(IEnumerable<LedgerEntry> entries, DateOnly today, NurtureSettings s)
    {
        int gives = 0, asks = 0;
        foreach (var e in entries)
        {
            if (!InWindow(e.On, today, s) || !Counts(e)) continue;
            if (e.Direction == ExchangeDirection.Give) gives++;
            else asks++;
        }
        return Of(gives, asks, s);
    }

    /// <summary>The ledger from counts already made.</summary>
    public static GiveAskBalance Of(int gives, int asks, NurtureSettings s)
    {
        var b = Balance(gives, asks);
        var flag = GiveFirst(gives, asks, s);
        var why = string.Create(CultureInfo.InvariantCulture,
            $"{gives} gives and {asks} asks in the last {s.LedgerWindowYears} years: balance {b:0.00}")
            + (flag ? "; you have asked more than you gave, so give first" : "");
        return new GiveAskBalance(gives, asks, b, flag, why);
    }

    /// <summary>
    /// True when an ask may be suggested now: never as the first touch after a lapse ≥ 2 (or with no touch at all), and not
    /// while the ledger says give first.
    /// </summary>
    public static bool MayAsk(double? lapse, GiveAskBalance ledger, NurtureSettings s) =>
        lapse is { } l && l < s.NoAskLapse && !ledger.GiveFirst;

    /// <summary>
    /// The lapse an ask is judged by: days since the last touch over the tier's cadence, acquaintances (who have no
    /// cadence) judged by the network cadence; null when you have never been in touch. A tie silent for the dormant
    /// period is past the no-ask lapse whatever its cadence: 22 months is a lapse of 1.8 at a yearly cadence, but no
    /// time to open with an ask.
    /// </summary>
    public static double? AskLapse(DateTime? lastTouch, Tier tier, DateTime now, NurtureSettings s)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (lastTouch is not { } last) return null;
        var cadence = s.CadenceDays(tier) ?? s.NetworkCadenceDays;
        var days = Math.Max(0, (now - last).TotalDays);
        var lapse = days / cadence;
        return days >= s.DormantDays ? Math.Max(lapse, s.NoAskLapse) : lapse;
    }
}
