namespace Rapport.Domain.Nurture;

/// <summary>The kinds of action the plan suggests (SCIENCE.md I); each has its own effort, priority rule and draft.</summary>
public enum PlanAction
{
    KeepInTouch,
    Reconnect,
    Congratulate,
    Birthday,
    Seasonal,
    InTown,
    FollowUp,
    GiveFirst,
    Goal,
    Event,
    IntroRequest,
}

/// <summary>The stable wire names of plan actions ("keep-in-touch", "in-town"), used in JSON, settings keys and item ids.</summary>
public static class PlanActions
{
    /// <summary>Every action, in declaration order.</summary>
    public static readonly IReadOnlyList<PlanAction> All = Enum.GetValues<PlanAction>();

    /// <summary>The kebab-case name of an action, as the CLI contract (DESIGN.md §3.1) spells it.</summary>
    public static string ToWire(this PlanAction action) => action switch
    {
        PlanAction.KeepInTouch => "keep-in-touch",
        PlanAction.Reconnect => "reconnect",
        PlanAction.Congratulate => "congratulate",
        PlanAction.Birthday => "birthday",
        PlanAction.Seasonal => "seasonal",
        PlanAction.InTown => "in-town",
        PlanAction.FollowUp => "follow-up",
        PlanAction.GiveFirst => "give-first",
        PlanAction.Goal => "goal",
        PlanAction.Event => "event",
        PlanAction.IntroRequest => "intro-request",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    /// <summary>Reads a wire name back; returns false for an unknown name.</summary>
    public static bool TryParse(string wire, out PlanAction action)
    {
        foreach (var a in All)
        {
            if (string.Equals(a.ToWire(), wire.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                action = a;
                return true;
            }
        }
        action = default;
        return false;
    }

    /// <summary>True for actions that ask something of the contact, which the ledger rules hold back (SCIENCE.md G).</summary>
    public static bool IsAsk(this PlanAction action) => action == PlanAction.IntroRequest;
}
