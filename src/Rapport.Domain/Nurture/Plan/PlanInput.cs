using Rapport.Domain.Contacts;
using Rapport.Domain.Nurture.Goals;

namespace Rapport.Domain.Nurture.Plan;

/// <summary>A contact as the plan sees it: profile facts, stats, and what drafts can draw on (last topic, a shared event).</summary>
/// <param name="Id">The contact id.</param>
/// <param name="Facts">Name, title, company, city, categories, seniority.</param>
/// <param name="Stats">The interaction aggregates, or null when there was never an interaction.</param>
public sealed record PlanContact(long Id, ContactFacts Facts, ContactStats? Stats)
{
    /// <summary>Trust 0–3; untrusted contacts are never asked for introductions.</summary>
    public int Trust { get; init; } = 2;

    /// <summary>A tier the user pinned.</summary>
    public Tier? Pin { get; init; }

    /// <summary>The user's closeness rating in [0, 1].</summary>
    public double? Closeness { get; init; }

    /// <summary>Mutual contacts (links to people you know).</summary>
    public int Mutuals { get; init; }

    /// <summary>The "connected on" / "met on" date.</summary>
    public DateOnly? KnownSince { get; init; }

    /// <summary>Seniority when you were last in touch.</summary>
    public Seniority SeniorityAtLastContact { get; init; }

    /// <summary>The note or topic of the last interaction, for drafts.</summary>
    public string? LastNote { get; init; }

    /// <summary>The name of the last event you both attended, for drafts.</summary>
    public string? LastSharedEvent { get; init; }
}

/// <summary>A life event on a contact; unacknowledged ones within 14 days trigger a congratulation.</summary>
public readonly record struct PlanLifeEvent(long ContactId, LifeEventKind Kind, DateOnly On, string? Note = null, bool Acknowledged = false);

/// <summary>An important date of a contact (birthday, work anniversary, custom), recurring yearly.</summary>
public readonly record struct PlanImportantDate(long ContactId, ImportantDateKind Kind, int Month, int Day, string? Label = null);

/// <summary>An open one-off reminder.</summary>
public readonly record struct PlanReminder(long ReminderId, long ContactId, DateOnly Due, string? Note = null);

/// <summary>A trip: yours (ContactId null: meet people there) or a contact's (they come to town).</summary>
public readonly record struct PlanTrip(long TripId, long? ContactId, string City, DateOnly From, DateOnly To);

/// <summary>An upcoming event with the contacts attending.</summary>
public sealed record PlanEvent(long EventId, string Name, DateTime StartsAt, string? City, bool YouAttend, IReadOnlyList<long> AttendeeContactIds);

/// <summary>A warm introduction to ask of a contact (found by the path engine): through whom, to whom, and why.</summary>
public readonly record struct PlanIntroRequest(long ViaContactId, string TargetName, string? Purpose = null);

/// <summary>Everything the plan is built from; lists other than <see cref="Contacts"/> may be left empty.</summary>
public sealed record PlanInput(IReadOnlyList<PlanContact> Contacts)
{
    /// <summary>Life events (acknowledged ones are ignored).</summary>
    public IReadOnlyList<PlanLifeEvent> LifeEvents { get; init; } = [];

    /// <summary>Birthdays and other important dates.</summary>
    public IReadOnlyList<PlanImportantDate> ImportantDates { get; init; } = [];

    /// <summary>Open reminders.</summary>
    public IReadOnlyList<PlanReminder> Reminders { get; init; } = [];

    /// <summary>Yours and your contacts' trips.</summary>
    public IReadOnlyList<PlanTrip> Trips { get; init; } = [];

    /// <summary>Upcoming events.</summary>
    public IReadOnlyList<PlanEvent> Events { get; init; } = [];

    /// <summary>Active goals.</summary>
    public IReadOnlyList<GoalProfile> Goals { get; init; } = [];

    /// <summary>Gives and asks, including offered-but-not-done gives (promises to follow up on).</summary>
    public IReadOnlyList<LedgerEntry> Ledger { get; init; } = [];

    /// <summary>Introductions worth asking for.</summary>
    public IReadOnlyList<PlanIntroRequest> IntroRequests { get; init; } = [];

    /// <summary>Persisted snooze/skip/done state, by item id.</summary>
    public IReadOnlyList<PlanItemState> ItemStates { get; init; } = [];
}

/// <summary>One suggestion: whom, what, why, how urgent, how long, which day, and a message to start from.</summary>
public sealed record PlanItem(
    string Id, long ContactId, string ContactName, PlanAction Action, string Reason, double Priority, int EffortMinutes, DateOnly Day, string Draft)
{
    /// <summary>The action's wire name ("keep-in-touch").</summary>
    public string ActionName => Action.ToWire();
}

/// <summary>The week's budget and how much of it the plan uses (including what was already done today).</summary>
public sealed record PlanBudget(int Touchpoints, int Minutes, int TouchpointsPlanned, int MinutesPlanned, int TouchpointsDoneToday, int MinutesDoneToday);

/// <summary>The plan: today's items, the week's items (today included), the budget, and contacts whose stats need a rebuild.</summary>
public sealed record NurturePlan(
    DateOnly Date, IReadOnlyList<PlanItem> Today, IReadOnlyList<PlanItem> Week, PlanBudget Budget, IReadOnlyList<long> StaleContactIds, int CandidateCount);
