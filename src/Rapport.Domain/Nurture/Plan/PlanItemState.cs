using Rapport.Domain.Accounts;
using Rapport.Domain.Time;

namespace Rapport.Domain.Nurture.Plan;

/// <summary>
/// What the user did with a plan item (snoozed, skipped, done), kept by its stable id so the next plan, in a later
/// process, hides, moves or demotes it. Keyed by (AccountId, ItemKey).
/// </summary>
public sealed class PlanItemState : IAccountOwned
{
    /// <summary>The longest snooze, in days.</summary>
    public const int MaxSnoozeDays = 365;

    private PlanItemState() { ItemKey = ""; }

    /// <summary>A fresh state for the item with this id.</summary>
    public PlanItemState(string itemKey, long contactId)
    {
        if (string.IsNullOrWhiteSpace(itemKey)) throw new DomainException("id", "a plan item id is needed");
        ItemKey = itemKey.Trim();
        ContactId = contactId;
    }

    /// <summary>The account.</summary>
    public long AccountId { get; set; }

    /// <summary>The plan item's id (<see cref="PlanItemId"/>), stable across processes.</summary>
    public string ItemKey { get; private set; }

    /// <summary>The contact of the item.</summary>
    public long ContactId { get; private set; }

    /// <summary>Hidden until this day (UTC midnight), then planned from it.</summary>
    public DateTime? SnoozedUntil { get; private set; }

    /// <summary>How often it was skipped; each skip lowers its priority and delays its return.</summary>
    public int SkipCount { get; private set; }

    /// <summary>When it was last skipped.</summary>
    public DateTime? LastSkippedAt { get; private set; }

    /// <summary>When it was done; a done item never comes back (a new trigger makes a new id).</summary>
    public DateTime? DoneAt { get; private set; }

    /// <summary>The minutes the item was planned to take, counted against the budget of the day it was done.</summary>
    public int EffortMinutes { get; private set; }

    /// <summary>Moves the item <paramref name="days"/> days ahead of today.</summary>
    public void Snooze(DateTime now, int days)
    {
        if (days is < 1 or > MaxSnoozeDays)
            throw new DomainException("days", $"snooze must be 1 to {MaxSnoozeDays} days, not {days}");
        SnoozedUntil = Dates.StartOf(Dates.DateOf(now).AddDays(days));
    }

    /// <summary>Skips the item: it returns later with a lower priority.</summary>
    public void Skip(DateTime now)
    {
        SkipCount++;
        LastSkippedAt = now;
    }

    /// <summary>Marks the item done (the caller logs the interaction in the same step).</summary>
    public void MarkDone(DateTime now, int effortMinutes)
    {
        DoneAt = now;
        EffortMinutes = Math.Max(0, effortMinutes);
    }
}
