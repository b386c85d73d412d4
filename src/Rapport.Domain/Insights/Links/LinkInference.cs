using Rapport.Domain.Contacts;

namespace Rapport.Domain.Insights.Links;

/// <summary>A contact's time at an organization; a missing start or end is open (unknown start, still there).</summary>
public sealed record MembershipSpan(long ContactId, long OrganizationId, DateOnly? Start, DateOnly? End);

/// <summary>A contact who attended an event.</summary>
public readonly record struct EventAttendance(long EventId, long ContactId);

/// <summary>The contacts in one calendar meeting (you are left out).</summary>
public sealed record MeetingParticipants(DateTime At, IReadOnlyList<long> ContactIds);

/// <summary>Why two contacts probably know each other.</summary>
public enum LinkEvidence { Colleague, Meeting, SameEvent }

/// <summary>
/// A link Rapport inferred, never told: the pair, the strongest evidence (and the <see cref="LinkKind"/> to
/// store it under), a modest strength, how many occasions back it, and the reason in plain words.
/// </summary>
public sealed record InferredLink(ContactPair Pair, LinkEvidence Evidence, LinkKind Kind, double Strength, int Occasions, string Reason);

/// <summary>
/// Infers "knows" links from overlapping time at the same organization, shared events and shared calendar
/// meetings. Each occasion adds a small strength, combined as 1 − Π(1 − sᵢ) and capped, so many weak hints
/// stay modest. Pairs that already have a link are skipped, and crowds (a big company, a conference, an
/// all-hands) infer nothing, since being in the same crowd is not knowing each other.
/// </summary>
public static class LinkInference
{
    /// <summary>The inferred links, strongest first, leaving out every pair in <paramref name="existing"/>.</summary>
    public static IReadOnlyList<InferredLink> Infer(
        IEnumerable<MembershipSpan> memberships, IEnumerable<EventAttendance> attendances, IEnumerable<MeetingParticipants> meetings,
        IEnumerable<ContactPair> existing, InsightSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(memberships);
        ArgumentNullException.ThrowIfNull(attendances);
        ArgumentNullException.ThrowIfNull(meetings);
        ArgumentNullException.ThrowIfNull(existing);
        settings ??= InsightSettings.Default;
        var skip = existing.ToHashSet();
        var evidence = new Dictionary<ContactPair, int[]>();

        foreach (var org in memberships.GroupBy(m => m.OrganizationId))
        {
            var spans = org.ToArray();
            if (spans.Select(s => s.ContactId).Distinct().Count() > settings.MaxMembersForColleagueLinks) continue;
            var together = new HashSet<ContactPair>();
            for (var i = 0; i < spans.Length; i++)
            {
                for (var j = i + 1; j < spans.Length; j++)
                {
                    if (spans[i].ContactId == spans[j].ContactId || !Overlap(spans[i], spans[j])) continue;
                    together.Add(new ContactPair(spans[i].ContactId, spans[j].ContactId));
                }
            }
            foreach (var pair in together) Count(evidence, skip, pair, LinkEvidence.Colleague);
        }

        foreach (var ev in attendances.GroupBy(a => a.EventId))
        {
            var people = ev.Select(a => a.ContactId).Distinct().ToArray();
            if (people.Length > settings.MaxAttendeesForEventLinks) continue;
            EachPair(people, pair => Count(evidence, skip, pair, LinkEvidence.SameEvent));
        }

        foreach (var meeting in meetings)
        {
            var people = meeting.ContactIds.Distinct().ToArray();
            if (people.Length > settings.MaxParticipantsForMeetingLinks) continue;
            EachPair(people, pair => Count(evidence, skip, pair, LinkEvidence.Meeting));
        }

        return evidence
            .Select(e => Link(e.Key, e.Value, settings))
            .OrderByDescending(l => l.Strength)
            .ThenBy(l => l.Pair.A)
            .ThenBy(l => l.Pair.B)
            .ToArray();
    }

    /// <summary>Whether two spans at one organization overlap in time; open ends overlap everything on that side.</summary>
    public static bool Overlap(MembershipSpan a, MembershipSpan b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var aStartsBeforeBEnds = a.Start is null || b.End is null || a.Start <= b.End;
        var bStartsBeforeAEnds = b.Start is null || a.End is null || b.Start <= a.End;
        return aStartsBeforeBEnds && bStartsBeforeAEnds;
    }

    private static InferredLink Link(ContactPair pair, int[] counts, InsightSettings s)
    {
        var strengths = new[] { s.InferredColleagueStrength, s.InferredMeetingStrength, s.InferredSameEventStrength };
        var miss = 1.0;
        for (var k = 0; k < counts.Length; k++) miss *= Math.Pow(1 - Math.Clamp(strengths[k], 0, 1), counts[k]);
        var strength = Math.Min(s.InferredMaxStrength, 1 - miss);
        var main = Enumerable.Range(0, counts.Length).Where(k => counts[k] > 0).OrderByDescending(k => counts[k] * strengths[k]).ThenBy(k => k).First();
        var evidence = (LinkEvidence)main;
        var kind = evidence switch
        {
            LinkEvidence.Colleague => LinkKind.Colleague,
            LinkEvidence.SameEvent => LinkKind.SameEvent,
            _ => LinkKind.Inferred,
        };
        var parts = new List<string>();
        if (counts[0] > 0) parts.Add(counts[0] == 1 ? "worked at the same organization at the same time" : $"overlapped at {counts[0]} organizations");
        if (counts[1] > 0) parts.Add(counts[1] == 1 ? "were in a meeting together" : $"were in {counts[1]} meetings together");
        if (counts[2] > 0) parts.Add(counts[2] == 1 ? "attended the same event" : $"attended {counts[2]} events together");
        var reason = "They " + (parts.Count == 1 ? parts[0] : string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1]) + ".";
        return new InferredLink(pair, evidence, kind, strength, counts.Sum(), reason);
    }

    private static void Count(Dictionary<ContactPair, int[]> evidence, HashSet<ContactPair> skip, ContactPair pair, LinkEvidence kind)
    {
        if (skip.Contains(pair)) return;
        if (!evidence.TryGetValue(pair, out var counts)) evidence[pair] = counts = new int[3];
        counts[(int)kind]++;
    }

    private static void EachPair(long[] people, Action<ContactPair> action)
    {
        for (var i = 0; i < people.Length; i++)
        {
            for (var j = i + 1; j < people.Length; j++) action(new ContactPair(people[i], people[j]));
        }
    }
}
