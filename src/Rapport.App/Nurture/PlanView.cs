using Rapport.Domain.Nurture.Plan;

namespace Rapport.App.Nurture;

/// <summary>One plan item as `today --json` and /api/v1/plan give it: action by its wire name, priority to three places.</summary>
public sealed record PlanItemView(string Id, long ContactId, string Contact, string Action, string Reason, double Priority, int EffortMinutes, DateOnly Day, string Draft)
{
    public static PlanItemView Of(PlanItem i) =>
        new(i.Id, i.ContactId, i.ContactName, i.ActionName, i.Reason, Math.Round(i.Priority, 3), i.EffortMinutes, i.Day, i.Draft);
}

/// <summary>Today's or the week's plan with the budget, in the shape the command line and the API share.</summary>
public sealed record PlanView(DateOnly Date, PlanBudget Budget, IReadOnlyList<PlanItemView> Items)
{
    public static PlanView Of(NurturePlan plan, bool week) =>
        new(plan.Date, plan.Budget, [.. (week ? plan.Week : plan.Today).Select(PlanItemView.Of)]);
}

/// <summary>What marking a plan item done gave, as `done --json` and the API report it.</summary>
public sealed record DoneView(string Id, long ContactId, string Action, long InteractionId, ContactStanding Standing)
{
    public static DoneView Of(DoneResult r) => new(r.Item.Id, r.Item.ContactId, r.Item.ActionName, r.InteractionId, r.Standing);
}

/// <summary>A plan item snoozed until a day, or skipped.</summary>
public sealed record PlanItemChange(string Id, long ContactId, string Action, DateTime? SnoozedUntil = null, bool Skipped = false);
