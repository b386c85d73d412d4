using System.Globalization;

namespace Rapport.Domain.Nurture.Goals;

/// <summary>An invitation to weigh: its time cost, who sent it and who will be there.</summary>
public sealed record InvitationInput(string Title, DateTime At, int Minutes, long? FromContactId = null, IReadOnlyList<long>? AttendeeContactIds = null);

/// <summary>The suggestion for an invitation.</summary>
public enum InvitationSuggestion { Accept, Decline }

/// <summary>A suggested decision with the goal relevance and budget behind it and the reason in plain words.</summary>
public sealed record InvitationAdvice(InvitationSuggestion Suggestion, double GoalRelevance, string? Goal, string? BestPerson, int MinutesLeftBefore, string Reason);

/// <summary>
/// Boundaries (DESIGN.md §1, "you don't have to accept every invitation"): an invitation is worth its time when the people
/// there serve an active goal. Within the week's remaining minutes, accept at relevance ≥ 0.5 or when a strong tie invites
/// you; over budget, accept only at relevance ≥ 0.8; otherwise decline, saying why.
/// </summary>
public static class InvitationAdvisor
{
    /// <summary>Advice for one invitation; <paramref name="people"/> holds the facts of the inviter and attendees.</summary>
    public static InvitationAdvice Advise(
        InvitationInput invitation, IReadOnlyList<GoalProfile> goals, IReadOnlyDictionary<long, ContactFacts> people,
        int minutesCommittedThisWeek, NurtureSettings s, TieLabel? inviterLabel = null)
    {
        var inv = CultureInfo.InvariantCulture;
        double best = 0;
        GoalProfile? bestGoal = null;
        ContactFacts? bestPerson = null;
        IEnumerable<long> ids = invitation.AttendeeContactIds ?? [];
        if (invitation.FromContactId is { } from) ids = ids.Prepend(from);
        foreach (var id in ids)
        {
            if (!people.TryGetValue(id, out var facts)) continue;
            var (g, goal) = GoalRelevance.Best(goals, id, facts, s);
            if (g > best) { best = g; bestGoal = goal; bestPerson = facts; }
        }
        var left = s.BudgetMinutes - minutesCommittedThisWeek;
        var fits = invitation.Minutes <= left;
        var serves = bestGoal is not null
            ? string.Create(inv, $"{bestPerson!.Name} matches your goal '{bestGoal.Title}' ({TieStrength.F2(best)})")
            : "nobody there matches an active goal";
        var budget = fits
            ? string.Create(inv, $"it fits your budget ({invitation.Minutes} of {Math.Max(0, left)} minutes left this week)")
            : string.Create(inv, $"it would take {invitation.Minutes} minutes with {Math.Max(0, left)} left this week");
        var strongInviter = inviterLabel == TieLabel.Strong;

        InvitationSuggestion suggestion;
        string reason;
        if (fits && best >= s.InvitationAcceptRelevance)
        {
            (suggestion, reason) = (InvitationSuggestion.Accept, $"Accept: {serves}, and {budget}.");
        }
        else if (fits && strongInviter)
        {
            (suggestion, reason) = (InvitationSuggestion.Accept, $"Accept: a strong tie invited you, and {budget}.");
        }
        else if (!fits && best >= s.InvitationOverrideRelevance)
        {
            (suggestion, reason) = (InvitationSuggestion.Accept, $"Accept, though over budget: {serves}; {budget}, so lighten the rest of the week.");
        }
        else
        {
            (suggestion, reason) = (InvitationSuggestion.Decline, $"Decline: {serves}, and {budget}. You don't have to accept every invitation.");
        }
        return new InvitationAdvice(suggestion, best, bestGoal?.Title, bestPerson?.Name, left, reason);
    }
}
