using Rapport.Domain.Contacts;
using Rapport.Domain.Goals;
using Rapport.Domain.Nurture;
using Rapport.Domain.Nurture.Goals;
using static Rapport.Domain.Tests.Nurture.NurtureTestData;

namespace Rapport.Domain.Tests.Nurture.Goals;

public class GoalsTest
{
    private static readonly GoalProfile Mentors = new(1, "Find mentors in product", ["product management"], [], [], GoalRelation.Mentor, 5, new HashSet<long> { 4 });

    private static readonly ContactFacts Ana = new("Ana Silva", "Director of Product Management", Categories: ["mentor"], Seniority: Seniority.Director);
    private static readonly ContactFacts Ben = new("Ben Ode", "Product Manager", Seniority: Seniority.Senior);
    private static readonly ContactFacts Cy = new("Cy Park", "Engineer", "engineering", Seniority: Seniority.Mid);
    private static readonly ContactFacts Dee = new("Dee Roe", "Designer");

    [Fact]
    public void Relevance_IsTheMeanOfTheNamedFacets()
    {
        Assert.Equal(1.0, GoalRelevance.Of(Mentors, 1, Ana, S), 12);  // role 1, mentor 1
        Assert.Equal(0.5, GoalRelevance.Of(Mentors, 2, Ben, S), 12);  // role: "product" of 2 words 0.5; senior: partial 0.5
        Assert.Equal(0.0, GoalRelevance.Of(Mentors, 3, Cy, S), 12);
        Assert.Equal(1.0, GoalRelevance.Of(Mentors, 4, Dee, S), 12);  // linked to the goal
    }

    [Fact]
    public void Relevance_OfIndustryAndOrganization_MatchCaseInsensitively()
    {
        var g = new GoalProfile(2, "Enter fintech", [], ["FinTech"], ["Acme"], GoalRelation.Any, null, new HashSet<long>());
        Assert.Equal(1.0, GoalRelevance.Of(g, 1, new ContactFacts("X", Industry: "fintech", Company: "ACME Corp"), S), 12);
        Assert.Equal(0.5, GoalRelevance.Of(g, 1, new ContactFacts("X", Industry: "fintech", Company: "Globex"), S), 12);
        Assert.Equal(0.0, GoalRelevance.Of(new GoalProfile(3, "empty", [], [], [], GoalRelation.Any, null, new HashSet<long>()), 1, Ana, S));
    }

    [Fact]
    public void Progress_SaysIdentifiedAndActiveInPlainWords()
    {
        GoalContact[] contacts =
        [
            new(1, Ana, TieLabel.Strong, false),
            new(2, Ben, TieLabel.Weak, false),
            new(3, Cy, TieLabel.Strong, true),
            new(4, Dee, TieLabel.Medium, false),
        ];
        var p = GoalProgress.Compute(Mentors, contacts, S);
        // Identified: Dee, linked to the goal (medium, so active). Candidates: Ana (G 1.0) and Ben (G 0.5), not linked yet.
        Assert.Equal((1, 1, 2), (p.Identified, p.Active, p.Candidates));
        Assert.Equal("1 of 5 mentors in product management identified, 1 active; 2 more in your network match", p.Summary);
    }

    [Fact]
    public void Invitation_ServingAGoalWithinBudget_IsAccepted()
    {
        var people = new Dictionary<long, ContactFacts> { [1] = Ana, [2] = Ben, [3] = Cy };
        var inv = new InvitationInput("Product meetup", Now, 45, AttendeeContactIds: [3, 1]);
        var a = InvitationAdvisor.Advise(inv, [Mentors], people, 0, S);
        Assert.Equal(InvitationSuggestion.Accept, a.Suggestion);
        Assert.Equal("Ana Silva", a.BestPerson);
        Assert.Contains("fits your budget", a.Reason, StringComparison.Ordinal);

        var overBudget = InvitationAdvisor.Advise(inv, [Mentors], people, 30, S);
        Assert.Equal(InvitationSuggestion.Accept, overBudget.Suggestion); // relevance 1 ≥ 0.8 overrides
        Assert.Contains("over budget", overBudget.Reason, StringComparison.Ordinal);

        var weak = InvitationAdvisor.Advise(inv with { AttendeeContactIds = [2] }, [Mentors], people, 30, S);
        Assert.Equal(InvitationSuggestion.Decline, weak.Suggestion);

        var offGoal = InvitationAdvisor.Advise(inv with { AttendeeContactIds = [3] }, [Mentors], people, 0, S);
        Assert.Equal(InvitationSuggestion.Decline, offGoal.Suggestion);
        Assert.Contains("don't have to accept", offGoal.Reason, StringComparison.Ordinal);

        var fromFriend = InvitationAdvisor.Advise(inv with { AttendeeContactIds = [], FromContactId = 3 }, [Mentors], people, 0, S, TieLabel.Strong);
        Assert.Equal(InvitationSuggestion.Accept, fromFriend.Suggestion);
    }
}
