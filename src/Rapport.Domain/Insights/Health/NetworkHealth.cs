using Rapport.Domain.Contacts;
using Rapport.Domain.Nurture;

namespace Rapport.Domain.Insights.Health;

/// <summary>
/// A contact as the health view needs it; strength, label and tier come from the nurture engine. <paramref name="Began"/>
/// is when the tie began: the day you met when it is known, else the first interaction.
/// </summary>
public sealed record HealthContact(
    long Id, string Name, double Strength, TieBand Band, Tier Tier, string? Industry, string? Function,
    DateOnly? Began = null, TieBand? BandYearAgo = null, int Gives = 0, int Asks = 0);

/// <summary>Your own field, to tell in-field contacts from out-of-field ones.</summary>
public sealed record UserField(string? Industry, string? Function);

/// <summary>Whether a contact works in your field.</summary>
public enum FieldSide { InField, OutOfField, Unknown }

/// <summary>One row of the balance view: how many ties carry a label, their share, and how they split by field.</summary>
public sealed record ShapeRow(string Band, int Count, double Share, int InField, int OutOfField, int UnknownField);

/// <summary>One comparison with the target shape, with advice when it is not met.</summary>
public sealed record ShapeCheck(string Name, double Actual, double? Min, double? Max, bool Met, string? Advice);

/// <summary>A contact you have asked more than you have given to (SCIENCE.md G).</summary>
public sealed record GiveFirstContact(long ContactId, string Name, int Gives, int Asks, double Balance);

/// <summary>Gives and asks across the network, the overall balance, and the contacts to give to first.</summary>
public sealed record GiveAskSummary(int Gives, int Asks, double Balance, IReadOnlyList<GiveFirstContact> GiveFirst, string Advice);

/// <summary>A tier's load: its count and the running total against the cumulative capacity (5, 15, 50, 150).</summary>
public sealed record TierLoad(Tier Tier, int Count, int CumulativeCount, int CumulativeCapacity, bool OverCapacity);

/// <summary>Whether your tiers fit their capacities and the touches a week they ask for fit your budget.</summary>
public sealed record CapacityReport(IReadOnlyList<TierLoad> Tiers, double TouchesPerWeekNeeded, int? WeeklyBudget, bool OverBudget, string? Advice);

/// <summary>A contact whose label changed over the last year.</summary>
public sealed record TieChange(long ContactId, string Name, TieBand? From, TieBand To);

/// <summary>The last 12 months: ties begun, ties that cooled (label dropped) and ties revived from dormancy.</summary>
public sealed record RecentChanges(IReadOnlyList<TieChange> New, IReadOnlyList<TieChange> Cooled, IReadOnlyList<TieChange> Revived);

/// <summary>The health of a network: its shape against the target, advice, give/ask balance, capacity and the last year.</summary>
public sealed record HealthReport(
    int Contacts, IReadOnlyList<ShapeRow> Shape, IReadOnlyList<ShapeCheck> Checks, IReadOnlyList<string> Advice,
    GiveAskSummary GiveAsk, CapacityReport Capacity, RecentChanges Recent);

/// <summary>
/// Compares a network with the target shape "a few strong alliances in your field, many friendly contacts
/// elsewhere" (the thresholds are in <see cref="InsightSettings"/>), and sums up balance, capacity and the last year.
/// Tier capacities and cadences, the weekly budget and the give-first rule are the user's <see cref="NurtureSettings"/>,
/// the same the plan and the contact page use.
/// </summary>
public static class NetworkHealth
{
    /// <summary>The health report as of <paramref name="today"/>, under the user's nurture settings (the defaults when none are given).</summary>
    public static HealthReport Analyze(IReadOnlyList<HealthContact> contacts, UserField field, DateOnly today, InsightSettings? settings = null, NurtureSettings? nurture = null)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        ArgumentNullException.ThrowIfNull(field);
        settings ??= InsightSettings.Default;
        nurture ??= NurtureSettings.Default;
        var sides = contacts.Select(c => Side(c, field)).ToArray();
        var shape = Shape(contacts, sides);
        var checks = Checks(contacts, sides, field, settings);
        var giveAsk = GiveAsk(contacts, nurture);
        var capacity = Capacity(contacts, nurture);
        var recent = Recent(contacts, today, settings);

        var advice = checks.Where(c => !c.Met && c.Advice is not null).Select(c => c.Advice!).ToList();
        if (contacts.Count > 0 && sides.All(s => s == FieldSide.Unknown))
            advice.Add(field.Industry is null && field.Function is null
                ? "Set your own industry and function in Settings to see how your ties split between your field and others."
                : "Add industries or functions to your contacts to see how your ties split between your field and others.");
        if (capacity.Advice is not null) advice.Add(capacity.Advice);
        if (giveAsk.GiveFirst.Count > 0) advice.Add(giveAsk.Advice);
        if (recent.Cooled.Count > recent.New.Count + recent.Revived.Count && recent.Cooled.Count > 0)
            advice.Add($"{recent.Cooled.Count} {(recent.Cooled.Count == 1 ? "tie" : "ties")} cooled this year, more than you started or revived; a short note to a few of them keeps them warm.");
        return new HealthReport(contacts.Count, shape, checks, advice, giveAsk, capacity, recent);
    }

    /// <summary>Whether a contact is in your field: same industry or same function, where both sides are known.</summary>
    public static FieldSide Side(HealthContact contact, UserField field)
    {
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(field);
        var comparable = false;
        foreach (var (mine, theirs) in new[] { (field.Industry, contact.Industry), (field.Function, contact.Function) })
        {
            if (string.IsNullOrWhiteSpace(mine) || string.IsNullOrWhiteSpace(theirs)) continue;
            comparable = true;
            if (string.Equals(mine.Trim(), theirs.Trim(), StringComparison.OrdinalIgnoreCase)) return FieldSide.InField;
        }
        return comparable ? FieldSide.OutOfField : FieldSide.Unknown;
    }

    private static string Group(TieBand band) => band.IsDormant() ? "dormant" : band.Word();

    private static ShapeRow[] Shape(IReadOnlyList<HealthContact> contacts, FieldSide[] sides)
    {
        var total = contacts.Count;
        return new[] { "strong", "medium", "weak", "dormant" }.Select(group =>
        {
            var members = Enumerable.Range(0, total).Where(i => Group(contacts[i].Band) == group).ToArray();
            return new ShapeRow(group, members.Length, total == 0 ? 0 : (double)members.Length / total,
                members.Count(i => sides[i] == FieldSide.InField),
                members.Count(i => sides[i] == FieldSide.OutOfField),
                members.Count(i => sides[i] == FieldSide.Unknown));
        }).ToArray();
    }

    private static List<ShapeCheck> Checks(IReadOnlyList<HealthContact> contacts, FieldSide[] sides, UserField field, InsightSettings s)
    {
        var checks = new List<ShapeCheck>();
        var total = contacts.Count;
        if (total == 0) return checks;
        var strong = Enumerable.Range(0, total).Where(i => contacts[i].Band == TieBand.Strong).ToArray();
        var friendly = Enumerable.Range(0, total).Where(i => contacts[i].Band is TieBand.Medium or TieBand.Weak).ToArray();
        var dormant = contacts.Count(c => c.Band.IsDormant());

        var strongShare = (double)strong.Length / total;
        checks.Add(Check("strong ties", strongShare, s.TargetStrongShareMin, s.TargetStrongShareMax,
            strongShare < s.TargetStrongShareMin
                ? strong.Length == 0
                    ? "No strong ties yet: choose two or three people in your field and meet them regularly to build real alliances."
                    : $"Only {strong.Length} strong {(strong.Length == 1 ? "tie" : "ties")} ({InsightText.Percent(strongShare)}): choose two or three people in your field and meet them regularly to build real alliances."
                : $"{InsightText.Percent(strongShare)} of your ties are strong, more than a weekly budget usually sustains; let some settle into friendly, lighter contact."));

        var friendlyShare = (double)friendly.Length / total;
        checks.Add(Check("friendly contacts", friendlyShare, s.TargetFriendlyShareMin, null,
            $"Only {InsightText.Percent(friendlyShare)} of your ties are medium or weak: a wide ring of friendly contacts is where new information comes from, so meet new people and keep a light touch."));

        var dormantShare = (double)dormant / total;
        checks.Add(Check("dormant ties", dormantShare, null, s.TargetDormantShareMax,
            $"{InsightText.Percent(dormantShare)} of your ties are dormant: revive a few each month; old ties welcome a reach-out more than people expect."));

        var strongKnown = strong.Where(i => sides[i] != FieldSide.Unknown).ToArray();
        if (strongKnown.Length > 0)
        {
            var inField = (double)strongKnown.Count(i => sides[i] == FieldSide.InField) / strongKnown.Length;
            var fieldName = field.Industry ?? field.Function ?? "your field";
            checks.Add(Check("strong ties in your field", inField, s.TargetStrongInFieldMin, null,
                $"Only {InsightText.Percent(inField)} of your strong ties are in your field: build an alliance or two with peers in {fieldName}."));
        }
        var friendlyKnown = friendly.Where(i => sides[i] != FieldSide.Unknown).ToArray();
        if (friendlyKnown.Length > 0)
        {
            var outOfField = (double)friendlyKnown.Count(i => sides[i] == FieldSide.OutOfField) / friendlyKnown.Length;
            checks.Add(Check("friendly contacts outside your field", outOfField, s.TargetFriendlyOutOfFieldMin, null,
                $"{InsightText.Percent(1 - outOfField)} of your friendly contacts are in your own field: meet people in other industries and functions, where the news you do not already have lives."));
        }
        return checks;
    }

    /// <summary>A comparison with the target range; the advice is kept only when the check is not met.</summary>
    private static ShapeCheck Check(string name, double actual, double? min, double? max, string advice)
    {
        var met = (min is not { } lo || actual >= lo) && (max is not { } hi || actual <= hi);
        return new ShapeCheck(name, actual, min, max, met, met ? null : advice);
    }

    /// <summary>The give/ask balance B = (G − A) / (G + A + 1) of SCIENCE.md G.</summary>
    public static double Balance(int gives, int asks) => (double)(gives - asks) / (gives + asks + 1);

    private static GiveAskSummary GiveAsk(IReadOnlyList<HealthContact> contacts, NurtureSettings s)
    {
        var gives = contacts.Sum(c => Math.Max(0, c.Gives));
        var asks = contacts.Sum(c => Math.Max(0, c.Asks));
        var balance = Balance(gives, asks);
        var giveFirst = contacts
            .Select(c => new GiveFirstContact(c.Id, c.Name, c.Gives, c.Asks, Balance(c.Gives, c.Asks)))
            .Where(c => GiveAskLedger.GiveFirst(c.Gives, c.Asks, s))
            .OrderBy(c => c.Balance)
            .ThenByDescending(c => c.Asks)
            .ThenBy(c => c.ContactId)
            .ToArray();
        var advice = gives + asks == 0
            ? "Nothing in your give/ask ledger yet: log what you give and what you ask (rapport give, rapport ask) to see the balance."
            : giveFirst.Length > 0
            ? $"You have asked {giveFirst.Length} {(giveFirst.Length == 1 ? "person" : "people")} for more than you have given; offer help, an introduction or a useful link before the next ask."
            : balance >= 0
                ? "Your give/ask ledger is healthy: do not hesitate to ask when you need something; people say yes more often than askers expect."
                : "You ask a little more than you give overall; look for small ways to help.";
        return new GiveAskSummary(gives, asks, balance, giveFirst, advice);
    }

    private static CapacityReport Capacity(IReadOnlyList<HealthContact> contacts, NurtureSettings s)
    {
        var layered = new[] { Tier.Inner, Tier.Close, Tier.Active, Tier.Network };
        var capacities = new[] { s.InnerRank, s.CloseRank, s.ActiveRank, s.NetworkRank };
        var budget = s.BudgetTouchpoints;
        var tiers = new List<TierLoad>();
        var cumulative = 0;
        double touches = 0;
        var innerOver = false;
        for (var i = 0; i < layered.Length; i++)
        {
            var count = contacts.Count(c => c.Tier == layered[i]);
            cumulative += count;
            var capacity = capacities[i];
            var layer = i == 0 ? capacity : capacity - capacities[i - 1];
            // A tier is over when it overflows by itself: too many inside it already push every outer total over, and
            // those outer tiers are not flagged for that alone.
            var overflows = cumulative > capacity && (!innerOver || count > layer);
            innerOver |= cumulative > capacity;
            tiers.Add(new TierLoad(layered[i], count, cumulative, capacity, overflows));
            if (s.CadenceDays(layered[i]) is { } cadence && cadence > 0) touches += count * 7.0 / cadence;
        }
        var over = tiers.Where(t => t.OverCapacity).ToArray();
        var overBudget = touches > budget;
        var advice = new List<string>(2);
        if (over.Length > 0)
        {
            var first = over[0];
            var who = first.Tier == layered[0] ? $"Your {Word(first.Tier)} circle holds" : $"Your {Word(first.Tier)} circle and those inside it hold";
            advice.Add($"{who} {first.CumulativeCount} people, above the {first.CumulativeCapacity} people can keep up; unpin a few so they find their natural tier.");
        }
        if (overBudget)
            advice.Add($"Your tiers ask for about {InsightText.Number(touches, "0.#")} {(Math.Round(touches, 1) == 1 ? "touch" : "touches")} a week, more than your budget of {budget}; raise the budget or let a few ties move to a slower tier.");
        return new CapacityReport(tiers, touches, budget, overBudget, advice.Count == 0 ? null : string.Join(" ", advice));
    }

    private static string Word(Tier tier) => tier.ToString().ToLowerInvariant();

    private static RecentChanges Recent(IReadOnlyList<HealthContact> contacts, DateOnly today, InsightSettings s)
    {
        var since = today.AddDays(-s.RecentWindowDays);
        var fresh = contacts
            .Where(c => c.Began is { } f && f > since && f <= today)
            .OrderByDescending(c => c.Began).ThenBy(c => c.Id)
            .Select(c => new TieChange(c.Id, c.Name, null, c.Band)).ToArray();
        var cooled = contacts
            .Where(c => c.BandYearAgo is { } before && c.Band.Warmth() < before.Warmth())
            .OrderByDescending(c => c.BandYearAgo!.Value.Warmth() - c.Band.Warmth()).ThenBy(c => c.Id)
            .Select(c => new TieChange(c.Id, c.Name, c.BandYearAgo, c.Band)).ToArray();
        var revived = contacts
            .Where(c => c.BandYearAgo is { } before && before.IsDormant() && !c.Band.IsDormant())
            .OrderByDescending(c => c.Band.Warmth()).ThenBy(c => c.Id)
            .Select(c => new TieChange(c.Id, c.Name, c.BandYearAgo, c.Band)).ToArray();
        return new RecentChanges(fresh, cooled, revived);
    }
}
