using Rapport.Domain.Contacts;
using Rapport.Domain.Insights;
using Rapport.Domain.Insights.Links;

namespace Rapport.Domain.Tests.Insights.Links;

public class LinkInferenceTest
{
    private static readonly DateTime At = new(2026, 3, 2, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void OverlappingTimeAtACompany_InfersAColleagueLink()
    {
        var spans = new[]
        {
            new MembershipSpan(1, 10, new DateOnly(2018, 1, 1), new DateOnly(2020, 6, 30)),
            new MembershipSpan(2, 10, new DateOnly(2020, 1, 1), null),
            new MembershipSpan(3, 10, new DateOnly(2021, 1, 1), null),
        };

        var links = LinkInference.Infer(spans, [], [], []);

        Assert.Equal([new ContactPair(1, 2), new ContactPair(2, 3)], links.Select(l => l.Pair).OrderBy(p => p.A));
        Assert.All(links, l =>
        {
            Assert.Equal(LinkEvidence.Colleague, l.Evidence);
            Assert.Equal(LinkKind.Colleague, l.Kind);
            Assert.Equal(0.3, l.Strength, 12);
            Assert.Equal("They worked at the same organization at the same time.", l.Reason);
        });
    }

    [Fact]
    public void TheNamedReason_SaysWhereAndWhich_UpToThreeNamesEach()
    {
        Assert.Equal("They worked at Cedar Labs at the same time.", LinkInference.Reason(["Cedar Labs"], 0, []));
        Assert.Equal("They both went to Guild night.", LinkInference.Reason([], 0, ["Guild night"]));
        Assert.Equal("They worked at Acme and Globex at the same time, were in 2 meetings together and both went to Guild night, Expo and Demo day.",
            LinkInference.Reason(["Acme", "Globex"], 2, ["Guild night", "Expo", "Demo day"]));
        Assert.Equal("They were in a meeting together and both went to A, B, C and 2 more.", LinkInference.Reason([], 1, ["A", "B", "C", "D", "E"]));
        Assert.Equal(LinkInference.Reason(0, 3, 0), LinkInference.Reason([], 3, []));
        Assert.Equal("Inferred.", LinkInference.Reason([], 0, []));
    }

    [Fact]
    public void EvidenceAddsUp_ButStaysModest()
    {
        var attendances = new[] { new EventAttendance(1, 5), new EventAttendance(1, 6), new EventAttendance(2, 5), new EventAttendance(2, 6) };
        var meetings = new[] { new MeetingParticipants(At, [5, 6]) };

        var link = Assert.Single(LinkInference.Infer([], attendances, meetings, []));

        Assert.Equal(1 - 0.8 * 0.9 * 0.9, link.Strength, 12); // one meeting (.2) and two events (.1 each)
        Assert.Equal(LinkEvidence.Meeting, link.Evidence);
        Assert.Equal(LinkKind.Inferred, link.Kind);
        Assert.Equal(3, link.Occasions);
        Assert.Equal("They were in a meeting together and attended 2 events together.", link.Reason);

        var many = Enumerable.Range(0, 20).Select(_ => new MeetingParticipants(At, [5, 6])).ToArray();
        Assert.Equal(0.5, Assert.Single(LinkInference.Infer([], [], many, [])).Strength, 12);
    }

    [Fact]
    public void AnExistingLink_IsNeverDuplicated()
    {
        var links = LinkInference.Infer([], [], [new MeetingParticipants(At, [1, 2, 3])], [new ContactPair(2, 1)]);

        Assert.Equal([new ContactPair(1, 3), new ContactPair(2, 3)], links.Select(l => l.Pair).OrderBy(p => p.A).ThenBy(p => p.B));
    }

    [Fact]
    public void Links_AreOrderedByPair_WithEveryOccasionCounted()
    {
        var rng = new Random(11);
        long Id() => 5_000_000_000L - rng.Next(40) * 1_000_003L; // large ids, first seen in no particular order
        var told = new ContactPair(5_000_000_000L, 4_998_999_997L);
        var meetings = Enumerable.Range(0, 300).Select(_ => new MeetingParticipants(At, Enumerable.Range(0, rng.Next(2, 5)).Select(_ => Id()).ToArray()))
            .Append(new MeetingParticipants(At, [told.A, told.B])).ToArray();
        var attendances = Enumerable.Range(0, 200).Select(_ => new EventAttendance(rng.Next(30), Id())).ToArray();
        var spans = Enumerable.Range(0, 60).Select(_ => new MembershipSpan(Id(), rng.Next(8), null, null)).ToArray();

        var links = LinkInference.Infer(spans, attendances, meetings, [told]);

        var expected = new Dictionary<ContactPair, (int Colleague, int Meetings, int Events)>();
        void Count(IEnumerable<long> people, Func<(int, int, int), (int, int, int)> add)
        {
            var ids = people.Distinct().ToArray();
            for (var i = 0; i < ids.Length; i++)
            {
                for (var j = i + 1; j < ids.Length; j++) expected[new ContactPair(ids[i], ids[j])] = add(expected.GetValueOrDefault(new ContactPair(ids[i], ids[j])));
            }
        }
        foreach (var org in spans.GroupBy(s => s.OrganizationId)) Count(org.Select(s => s.ContactId), c => (c.Item1 + 1, c.Item2, c.Item3));
        foreach (var ev in attendances.GroupBy(a => a.EventId)) Count(ev.Select(a => a.ContactId), c => (c.Item1, c.Item2, c.Item3 + 1));
        foreach (var m in meetings) Count(m.ContactIds, c => (c.Item1, c.Item2 + 1, c.Item3));
        Assert.True(expected.Remove(told));
        Assert.Equal(expected.Keys.OrderBy(p => p.A).ThenBy(p => p.B), links.Select(l => l.Pair));
        Assert.All(links, l => Assert.Equal(expected[l.Pair], (l.Colleague, l.Meetings, l.Events)));
    }

    [Fact]
    public void Crowds_InferNothing()
    {
        var settings = InsightSettings.Default with { MaxAttendeesForEventLinks = 3 };
        var conference = Enumerable.Range(1, 4).Select(i => new EventAttendance(9, i)).ToArray();

        Assert.Empty(LinkInference.Infer([], conference, [], [], settings));
        Assert.Equal(3, LinkInference.Infer([], conference[..3], [], [], settings).Count);
    }

    [Fact]
    public void SpansThatDoNotOverlap_InferNothing_AndOpenEndsOverlap()
    {
        var early = new MembershipSpan(1, 10, new DateOnly(2010, 1, 1), new DateOnly(2012, 1, 1));
        var late = new MembershipSpan(2, 10, new DateOnly(2012, 1, 2), null);
        var unknown = new MembershipSpan(3, 10, null, null);

        Assert.False(LinkInference.Overlap(early, late));
        Assert.True(LinkInference.Overlap(early, unknown));
        Assert.True(LinkInference.Overlap(late, unknown));
    }
}
