using System.Globalization;
using Rapport.Domain.Contacts;
using Rapport.Domain.Goals;

namespace Rapport.Domain.Nurture.Goals;

/// <summary>What the engines need to know about a contact's profile: name, role, industry, company, place, categories, seniority.</summary>
public sealed record ContactFacts(
    string Name, string? Title = null, string? Function = null, string? Industry = null, string? Company = null,
    string? City = null, IReadOnlyList<string>? Categories = null, Seniority Seniority = Seniority.Unknown)
{
    /// <summary>Categories, never null.</summary>
    public IReadOnlyList<string> CategoryList => Categories ?? [];

    /// <summary>The first word of the name, for message drafts.</summary>
    public string FirstName
    {
        get
        {
            var n = Name.Trim();
            var space = n.IndexOf(' ', StringComparison.Ordinal);
            return space > 0 ? n[..space] : n;
        }
    }

    /// <summary>True when the contact has this category (case-insensitive).</summary>
    public bool HasCategory(string category)
    {
        foreach (var c in CategoryList)
        {
            if (string.Equals(c, category, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }
}

/// <summary>An active goal's target profile: roles, industries, organizations and relation, plus the contacts linked to it.</summary>
public sealed record GoalProfile(
    long GoalId, string Title, IReadOnlyList<string> Roles, IReadOnlyList<string> Industries, IReadOnlyList<string> Organizations,
    GoalRelation Relation, int? TargetCount, IReadOnlyCollection<long> LinkedContactIds)
{
    private string[][]? _roleWords;

    /// <summary>The profile of a stored goal (its semicolon lists split, its contact links collected).</summary>
    public static GoalProfile FromGoal(Goal goal) => new(
        goal.Id, goal.Title, Goal.SplitList(goal.TargetRoles), Goal.SplitList(goal.TargetIndustries), Goal.SplitList(goal.TargetOrganizations),
        goal.TargetRelation, goal.TargetCount,
        goal.Links.Where(l => l.Kind == GoalLinkKind.Contact).Select(l => l.TargetId).ToHashSet());

    /// <summary>The significant words of each target role, split once and reused for every contact.</summary>
    internal string[][] RoleWords => _roleWords ??= Roles
        .Select(r => r.Split([' ', '-', '/', ','], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 2).ToArray())
        .ToArray();

    /// <summary>True when the profile says anything to match against.</summary>
    public bool HasProfile => Roles.Count > 0 || Industries.Count > 0 || Organizations.Count > 0 || Relation != GoalRelation.Any;
}

/// <summary>
/// Goal relevance G in [0, 1]: how well a contact fits a goal's target profile. Each facet the goal names (roles, industries,
/// organizations, relation) scores 0 to 1 and G is their mean, so a goal that names only a relation is judged on it alone;
/// when the goal names roles, a contact in none of them scores 0 (the role is the gate); a contact linked to the goal scores 1. Matching is case-insensitive and needs no allocation per contact.
/// </summary>
public static class GoalRelevance
{
    /// <summary>G of one contact for one goal.</summary>
    public static double Of(GoalProfile goal, long contactId, ContactFacts c, NurtureSettings s)
    {
        if (goal.LinkedContactIds.Contains(contactId)) return 1;
        if (!goal.HasProfile) return 0;
        double sum = 0;
        var facets = 0;
        if (goal.Roles.Count > 0)
        {
            // The role is the gate: someone in none of the roles sought does not serve the goal, whatever else matches.
            var role = RoleScore(goal, c);
            if (role == 0) return 0;
            sum += role;
            facets++;
        }
        if (goal.Industries.Count > 0) { sum += AnyMatch(goal.Industries, c.Industry) ? 1 : 0; facets++; }
        if (goal.Organizations.Count > 0) { sum += AnyMatch(goal.Organizations, c.Company) ? 1 : 0; facets++; }
        if (goal.Relation != GoalRelation.Any) { sum += RelationScore(goal.Relation, c, s); facets++; }
        return sum / facets;
    }

    /// <summary>The highest G over several goals, and which goal gave it (null when there are none).</summary>
    public static (double Relevance, GoalProfile? Goal) Best(IReadOnlyList<GoalProfile> goals, long contactId, ContactFacts c, NurtureSettings s)
    {
        double best = 0;
        GoalProfile? which = null;
        for (var i = 0; i < goals.Count; i++)
        {
            var g = Of(goals[i], contactId, c, s);
            if (g > best) { best = g; which = goals[i]; }
        }
        return (best, which);
    }

    /// <summary>The parts of G in plain words.</summary>
    public static IReadOnlyList<string> Explain(GoalProfile goal, long contactId, ContactFacts c, NurtureSettings s)
    {
        if (goal.LinkedContactIds.Contains(contactId)) return [$"linked to the goal '{goal.Title}'"];
        var inv = CultureInfo.InvariantCulture;
        var why = new List<string>();
        if (goal.Roles.Count > 0) why.Add(string.Create(inv, $"role {TieStrength.F2(RoleScore(goal, c))}: {c.Title ?? c.Function ?? "unknown"} vs {string.Join(" or ", goal.Roles)}"));
        if (goal.Industries.Count > 0) why.Add($"industry {(AnyMatch(goal.Industries, c.Industry) ? "1.00" : "0.00")}: {c.Industry ?? "unknown"} vs {string.Join(" or ", goal.Industries)}");
        if (goal.Organizations.Count > 0) why.Add($"organization {(AnyMatch(goal.Organizations, c.Company) ? "1.00" : "0.00")}: {c.Company ?? "unknown"} vs {string.Join(" or ", goal.Organizations)}");
        if (goal.Relation != GoalRelation.Any) why.Add(string.Create(inv, $"as a {goal.Relation.ToString().ToLowerInvariant()} {TieStrength.F2(RelationScore(goal.Relation, c, s))}"));
        return why;
    }

    /// <summary>
    /// 1 when the title or function contains a target role, else the share of the role's
    /// significant words found in the title or function; the best over the target roles.
    /// </summary>
    internal static double RoleScore(GoalProfile goal, ContactFacts c)
    {
        double best = 0;
        var words = goal.RoleWords;
        for (var i = 0; i < goal.Roles.Count; i++)
        {
            var role = goal.Roles[i];
            if (Contains(c.Title, role) || Contains(c.Function, role)) return 1;
            var w = words[i];
            if (w.Length == 0) continue;
            var found = 0;
            foreach (var word in w)
            {
                if (Contains(c.Title, word) || Contains(c.Function, word)) found++;
            }
            best = Math.Max(best, found / (double)w.Length);
        }
        return best;
    }

    /// <summary>
    /// How well the contact suits the relation sought: a matching category scores 1; a related category or a seniority
    /// that suits it scores the partial-match credit.
    /// </summary>
    internal static double RelationScore(GoalRelation relation, ContactFacts c, NurtureSettings s)
    {
        var partial = s.GoalPartialMatch;
        switch (relation)
        {
            case GoalRelation.Mentor:
                if (c.HasCategory("mentor")) return 1;
                return c.HasCategory("industry-leader") || c.HasCategory("professor") || c.Seniority >= Seniority.Senior ? partial : 0;
            case GoalRelation.Peer:
                if (c.HasCategory("peer")) return 1;
                return c.HasCategory("coworker") || c.HasCategory("past-coworker") || c.HasCategory("alumni") || c.HasCategory("association")
                    || c.Seniority is Seniority.Mid or Seniority.Senior ? partial : 0;
            case GoalRelation.Sponsor:
                if (c.HasCategory("investor") || c.HasCategory("industry-leader") || c.Seniority >= Seniority.Director) return 1;
                return c.Seniority >= Seniority.Lead ? partial : 0;
            case GoalRelation.Client:
                if (c.HasCategory("client")) return 1;
                return c.Seniority >= Seniority.Manager ? partial : 0;
            default:
                return 0;
        }
    }

    private static bool AnyMatch(IReadOnlyList<string> targets, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return false;
        for (var i = 0; i < targets.Count; i++)
        {
            if (Contains(value, targets[i]) || (value.Length > 2 && Contains(targets[i], value))) return true;
        }
        return false;
    }

    private static bool Contains(string? haystack, string needle) =>
        haystack is not null && needle.Length > 0 && haystack.Contains(needle, StringComparison.OrdinalIgnoreCase);
}

/// <summary>A contact as goal progress sees it: profile, strength label, and whether it was touched within its cadence.</summary>
public readonly record struct GoalContact(long ContactId, ContactFacts Facts, TieLabel Label, bool TouchedWithinCadence);

/// <summary>
/// Progress toward a goal: identified contacts (the ones linked to it), active ones among them (medium or better, or in
/// touch within cadence), candidates (not linked yet, but matching the profile), and a sentence.
/// </summary>
public sealed record GoalProgress(int? Target, int Identified, int Active, int Candidates, string Summary)
{
    /// <summary>
    /// Counts identified contacts (linked to the goal: the user chose them), active ones among them, and candidates (G ≥ the
    /// match threshold, not linked), and says it plainly: "2 of 5 mentors in product management identified, 1 active; 4 more match".
    /// </summary>
    public static GoalProgress Compute(GoalProfile goal, IEnumerable<GoalContact> contacts, NurtureSettings s)
    {
        int identified = 0, active = 0, candidates = 0;
        foreach (var c in contacts)
        {
            if (!goal.LinkedContactIds.Contains(c.ContactId))
            {
                if (GoalRelevance.Of(goal, c.ContactId, c.Facts, s) >= s.GoalMatchAt) candidates++;
                continue;
            }
            identified++;
            if (c.Label is TieLabel.Strong or TieLabel.Medium || c.TouchedWithinCadence) active++;
        }
        var plural = (goal.TargetCount ?? identified) != 1;
        var noun = goal.Relation switch
        {
            GoalRelation.Mentor => plural ? "mentors" : "mentor",
            GoalRelation.Peer => plural ? "peers" : "peer",
            GoalRelation.Sponsor => plural ? "sponsors" : "sponsor",
            GoalRelation.Client => plural ? "clients" : "client",
            _ => plural ? "contacts" : "contact",
        };
        var scope = goal.Roles.Count > 0 ? $" in {string.Join(" or ", goal.Roles)}"
            : goal.Industries.Count > 0 ? $" in {string.Join(" or ", goal.Industries)}"
            : goal.Organizations.Count > 0 ? $" at {string.Join(" or ", goal.Organizations)}"
            : "";
        var count = goal.TargetCount is { } t ? string.Create(CultureInfo.InvariantCulture, $"{identified} of {t}") : identified.ToString(CultureInfo.InvariantCulture);
        var more = candidates > 0 ? string.Create(CultureInfo.InvariantCulture, $"; {candidates} more in your network match") : "";
        var summary = string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{scope} identified, {active} active{more}");
        return new GoalProgress(goal.TargetCount, identified, active, candidates, summary);
    }
}

