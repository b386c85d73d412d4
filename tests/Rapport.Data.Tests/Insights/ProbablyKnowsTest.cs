using Rapport.App.Insights;
using Rapport.Domain.Contacts;
using Rapport.Domain.Insights;
using Rapport.Domain.Insights.Links;
using Rapport.Domain.Nurture;
using Rapport.Domain.Organizations;

namespace Rapport.Data.Tests.Insights;

/// <summary>
/// Whom a contact probably knows (<see cref="InsightsNetwork.ProbablyKnowsOf"/>): only links Rapport inferred, never one
/// told, strongest first, each with where the two overlapped and which events both attended.
/// </summary>
public class ProbablyKnowsTest
{
    private static readonly DateTime Now = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void OnlyInferredLinks_StrongestFirst_NamingTheOrganizationAndTheEvent()
    {
        var network = Network();

        var ana = network.ProbablyKnowsOf(1, 10);
        // Dee is a link Ana's contact entered, so she is among whom Ana knows, not whom she probably knows; Eve joined
        // Cedar Labs after Ana left.
        Assert.Equal(2, ana.Total);
        Assert.Equal([2L, 3L], ana.People.Select(p => p.Id).Order());
        Assert.True(ana.People[0].Strength >= ana.People[1].Strength);
        var ben = ana.People.Single(p => p.Id == 2);
        Assert.Equal("Ben Braun", ben.Name);
        Assert.Equal("They worked at Cedar Labs at the same time and both went to Guild night.", ben.Reason);
        Assert.Equal("They were in a meeting together and both went to Guild night.", ana.People.Single(p => p.Id == 3).Reason);
        Assert.Equal(Math.Round(network.Links.Find(1, 2)!.Evidence!.Value.Strength, 2), ben.Strength);

        var first = network.ProbablyKnowsOf(1, 1);
        Assert.Equal(2, first.Total);
        Assert.Equal(ana.People[0], Assert.Single(first.People));

        // Eve overlapped with Ben at Cedar Labs only.
        Assert.Equal("They worked at Cedar Labs at the same time.", Assert.Single(network.ProbablyKnowsOf(5, 10).People, p => p.Id == 2).Reason);
        Assert.Equal(0, network.ProbablyKnowsOf(4, 10).Total);
        Assert.Empty(network.ProbablyKnowsOf(99, 10).People);
        Assert.Equal(0, network.ProbablyKnowsOf(99, 10).Total);
    }

    private static InsightsNetwork Network()
    {
        var contacts = new[] { "Ana Alves", "Ben Braun", "Cy Chen", "Dee Diaz", "Eve Eng" }
            .Select((name, i) => new NetworkContact { Id = i + 1, Name = name }).ToList();
        var memberships = new List<MembershipSpan>
        {
            new(1, 10, new DateOnly(2018, 1, 1), new DateOnly(2020, 6, 30)),
            new(2, 10, new DateOnly(2019, 1, 1), null),
            new(5, 10, new DateOnly(2021, 1, 1), null),
        };
        var attendances = new[] { new EventAttendance(20, 1), new EventAttendance(20, 2), new EventAttendance(20, 3) };
        var meetings = new[] { new MeetingParticipants(Now.AddDays(-30), [1, 3]) };
        var told = new[] { new NetworkLink(1, 4, 0.8, LinkKind.Friend, false) };
        var inferred = LinkInference.Infer(memberships, attendances, meetings, [new ContactPair(1, 4)]);
        return new InsightsNetwork
        {
            Now = Now,
            Nurture = NurtureSettings.Default,
            Settings = InsightSettings.Default,
            Contacts = contacts,
            ById = contacts.ToDictionary(c => c.Id),
            Links = NetworkLinks.Create([1, 2, 3, 4, 5], told, inferred),
            Organizations = [new InsightsOrganization(10, "Cedar Labs", OrganizationKind.Company, null)],
            Memberships = memberships,
            Events = [new InsightsEvent(20, "Guild night", Now.AddDays(-60), 30, null, null, null, true)],
            Attendances = attendances,
            MetAtEvents = [],
            Goals = [],
        };
    }
}
