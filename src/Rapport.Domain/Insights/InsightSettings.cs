namespace Rapport.Domain.Insights;

/// <summary>
/// Every default the insight engines use (SCIENCE.md E, F, H and the health and returns views), kept in
/// one place so that Settings can override any of them and no engine carries a literal of its own.
/// </summary>
public sealed record InsightSettings
{
    /// <summary>The defaults of SCIENCE.md and DESIGN.md.</summary>
    public static InsightSettings Default { get; } = new();

    // ---- Warm introduction paths (SCIENCE.md H) ----

    /// <summary>Strength used for a "knows" link that carries no strength of its own.</summary>
    public double BareLinkStrength { get; init; } = 0.3;

    /// <summary>Strengths below this are raised to it before taking −ln, so no edge costs infinity.</summary>
    public double MinEdgeStrength { get; init; } = 0.01;

    /// <summary>The longest chain shown, counted in hops from you (you → A → B → target is 3).</summary>
    public int MaxHops { get; init; } = 3;

    /// <summary>How many paths to show.</summary>
    public int TopPaths { get; init; } = 3;

    /// <summary>Paths whose strength (the product of hop strengths) is below this are hidden.</summary>
    public double PathStrengthFloor { get; init; } = 0.05;

    /// <summary>Contacts with this trust or lower never carry an introduction (they may still be the target).</summary>
    public int UntrustedLevel { get; init; }

    // ---- Structural holes (SCIENCE.md E) ----

    /// <summary>How many contacts, strongest first, form the ego network for brokerage measures.</summary>
    public int BrokerageNetworkSize { get; init; } = 150;

    /// <summary>Chance that two contacts who share a current organization know each other.</summary>
    public double LinkChanceSameCurrentOrganization { get; init; } = 0.6;

    /// <summary>Chance that two contacts who share a past organization or an event know each other.</summary>
    public double LinkChanceSharedPastOrEvent { get; init; } = 0.3;

    /// <summary>Chance used for other unknown pairs when the known pairs cannot give a density.</summary>
    public double LinkChanceDefault { get; init; } = 0.05;

    /// <summary>Known pairs needed (with at least one known non-link) before their density replaces the default chance.</summary>
    public int MinKnownPairsForDensity { get; init; } = 30;

    /// <summary>Random draws of the unknown pairs behind the constraint median and percentiles.</summary>
    public int ConstraintDraws { get; init; } = 200;

    /// <summary>Seed of those draws, so the same network always gives the same figures.</summary>
    public int ConstraintSeed { get; init; } = 1;

    /// <summary>Below this share of known pairs the brokerage measures are hidden.</summary>
    public double MinPairCoverage { get; init; } = 0.20;

    /// <summary>How many bridging contacts to name.</summary>
    public int TopBridges { get; init; } = 5;

    // ---- Diversity (SCIENCE.md F) ----

    /// <summary>Share of strong ties in one value (one company, one industry) that is worth naming as a gap.</summary>
    public double ConcentrationShare { get; init; } = 0.6;

    /// <summary>Strong ties needed before their concentration is reported.</summary>
    public int MinStrongTiesForConcentration { get; init; } = 3;

    /// <summary>Contacts with a value needed before "no active ties in it" is reported.</summary>
    public int MinReachForActiveGap { get; init; } = 2;

    /// <summary>Normalized Shannon evenness below which a dimension is called lopsided.</summary>
    public double LowEvenness { get; init; } = 0.5;

    /// <summary>How many gaps to name.</summary>
    public int TopGaps { get; init; } = 5;

    // ---- Health: the target shape "a few strong alliances in your field, many friendly contacts elsewhere" ----

    /// <summary>Fewest strong ties as a share of all ties before the network lacks alliances.</summary>
    public double TargetStrongShareMin { get; init; } = 0.05;

    /// <summary>Most strong ties as a share of all ties that a budget can keep up (Dunbar's 15 of 150 is 10%).</summary>
    public double TargetStrongShareMax { get; init; } = 0.20;

    /// <summary>Share of strong ties that should be in your own field.</summary>
    public double TargetStrongInFieldMin { get; init; } = 0.5;

    /// <summary>Share of medium and weak ties that should be outside your field.</summary>
    public double TargetFriendlyOutOfFieldMin { get; init; } = 0.5;

    /// <summary>Share of all ties that should be medium or weak ("many friendly contacts").</summary>
    public double TargetFriendlyShareMin { get; init; } = 0.5;

    /// <summary>Share of all ties that may be dormant before reviving some is advised.</summary>
    public double TargetDormantShareMax { get; init; } = 0.3;

    // Tier capacities and cadences, the weekly budget and the give-first rule are the user's nurture settings
    // (NurtureSettings: rank.*, cadence.*, budget.touchpoints, give-first.*), so that the health view and the plan agree.

    /// <summary>The window of the "last 12 months" view, in days.</summary>
    public int RecentWindowDays { get; init; } = 365;

    // ---- Returns on events and communities ----

    /// <summary>Days after meeting someone before the relationship counts as lasting or not.</summary>
    public int LastingAfterDays { get; init; } = 182;

    /// <summary>Events with at least this many people count as big.</summary>
    public int BigEventSize { get; init; } = 100;

    /// <summary>Meeting period of a community without a cadence of its own, in days.</summary>
    public int DefaultMeetingCadenceDays { get; init; } = 30;

    /// <summary>How many recent meeting periods decide whether you attend a community regularly.</summary>
    public int RegularWindowPeriods { get; init; } = 6;

    /// <summary>Share of those periods attended that counts as regular.</summary>
    public double RegularAttendanceShare { get; init; } = 0.5;

    /// <summary>Attempts (events attended) before a community may be suggested for dropping.</summary>
    public int MinAttemptsBeforeDrop { get; init; } = 3;

    /// <summary>Lasting relationships per attempt below which a community is a candidate to drop.</summary>
    public double DropBelowLastingPerAttempt { get; init; } = 0.2;

    /// <summary>Distinct communities tried in the recent window above which you are still exploring.</summary>
    public int ExploringCommunityCount { get; init; } = 4;

    // ---- Inferred links ----

    /// <summary>Strength of a link inferred from overlapping time at the same organization.</summary>
    public double InferredColleagueStrength { get; init; } = 0.3;

    /// <summary>Strength of a link inferred from one shared event.</summary>
    public double InferredSameEventStrength { get; init; } = 0.1;

    /// <summary>Strength of a link inferred from one shared calendar meeting.</summary>
    public double InferredMeetingStrength { get; init; } = 0.2;

    /// <summary>Most strength an inferred link can reach however much evidence piles up.</summary>
    public double InferredMaxStrength { get; init; } = 0.5;

    /// <summary>Organizations with more overlapping members than this infer no colleague links (a big company is not a team).</summary>
    public int MaxMembersForColleagueLinks { get; init; } = 100;

    /// <summary>Events with more known attendees than this infer no links.</summary>
    public int MaxAttendeesForEventLinks { get; init; } = 50;

    /// <summary>Meetings with more participants than this infer no links.</summary>
    public int MaxParticipantsForMeetingLinks { get; init; } = 20;
}
