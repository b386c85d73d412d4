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
/// store it under), a modest strength, and how many occasions of each kind back it. The reason in plain words
/// is written when asked for, since most inferred links are never shown.
/// </summary>
public sealed record InferredLink(ContactPair Pair, LinkEvidence Evidence, LinkKind Kind, double Strength, int Colleague, int Meetings, int Events)
{
    /// <summary>How many occasions back the link.</summary>
    public int Occasions => Colleague + Meetings + Events;

    /// <summary>Why Rapport thinks the two know each other, e.g. "They were in a meeting together and attended 2 events together."</summary>
    public string Reason => LinkInference.Reason(Colleague, Meetings, Events);
}

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
        var skip = existing as IReadOnlySet<ContactPair> ?? existing.ToHashSet();
        var evidence = new Dictionary<ContactPair, Counts>();

        var together = new HashSet<ContactPair>();
        var people = new HashSet<long>();
        foreach (var org in memberships.GroupBy(m => m.OrganizationId))
        {
            var spans = org.ToArray();
            people.Clear();
            foreach (var span in spans) people.Add(span.ContactId);
            if (people.Count > settings.MaxMembersForColleagueLinks) continue;
            together.Clear();
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
            people.Clear();
            foreach (var a in ev) people.Add(a.ContactId);
            if (people.Count > settings.MaxAttendeesForEventLinks) continue;
            EachPair(evidence, skip, people.ToArray(), LinkEvidence.SameEvent);
        }

        foreach (var meeting in meetings)
        {
            people.Clear();
            foreach (var id in meeting.ContactIds) people.Add(id);
            if (people.Count > settings.MaxParticipantsForMeetingLinks) continue;
            EachPair(evidence, skip, people.ToArray(), LinkEvidence.Meeting);
        }

        var strengths = new[] { settings.InferredColleagueStrength, settings.InferredMeetingStrength, settings.InferredSameEventStrength };
        var links = new InferredLink[evidence.Count];
        var n = 0;
        foreach (var (pair, counts) in evidence) links[n++] = Link(pair, counts, strengths, settings.InferredMaxStrength);
        Array.Sort(links, static (x, y) =>
        {
            var c = y.Strength.CompareTo(x.Strength);
            if (c != 0) return c;
            c = x.Pair.A.CompareTo(y.Pair.A);
            return c != 0 ? c : x.Pair.B.CompareTo(y.Pair.B);
        });
        return links;
    }

    /// <summary>The reason for an inferred link with these occasions, in plain words.</summary>
    public static string Reason(int colleague, int meetings, int events)
    {
        var parts = new List<string>(3);
        if (colleague > 0) parts.Add(colleague == 1 ? "worked at the same organization at the same time" : $"overlapped at {colleague} organizations");
        if (meetings > 0) parts.Add(meetings == 1 ? "were in a meeting together" : $"were in {meetings} meetings together");
        if (events > 0) parts.Add(events == 1 ? "attended the same event" : $"attended {events} events together");
        if (parts.Count == 0) return "Inferred.";
        return "They " + (parts.Count == 1 ? parts[0] : string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1]) + ".";
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

    private static InferredLink Link(ContactPair pair, Counts counts, double[] strengths, double max)
    {
        var miss = 1.0;
        var main = -1;
        var mainWeight = 0.0;
        for (var k = 0; k < 3; k++)
        {
            var count = counts[k];
            if (count == 0) continue;
            var sk = Math.Clamp(strengths[k], 0, 1);
            miss *= count == 1 ? 1 - sk : Math.Pow(1 - sk, count);
            var weight = count * strengths[k];
            if (main < 0 || weight > mainWeight) (main, mainWeight) = (k, weight);
        }
        var evidence = (LinkEvidence)main;
        var kind = evidence switch
        {
            LinkEvidence.Colleague => LinkKind.Colleague,
            LinkEvidence.SameEvent => LinkKind.SameEvent,
            _ => LinkKind.Inferred,
        };
        return new InferredLink(pair, evidence, kind, Math.Min(max, 1 - miss), counts.Colleague, counts.Meetings, counts.Events);
    }

    private static void Count(Dictionary<ContactPair, Counts> evidence, IReadOnlySet<ContactPair> skip, ContactPair pair, LinkEvidence kind)
    {
        if (skip.Contains(pair)) return;
        ref var counts = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(evidence, pair, out _);
        switch (kind)
        {
            case LinkEvidence.Colleague: counts.Colleague++; break;
            case LinkEvidence.Meeting: counts.Meetings++; break;
            default: counts.Events++; break;
        }
    }

    private static void EachPair(Dictionary<ContactPair, Counts> evidence, IReadOnlySet<ContactPair> skip, long[] people, LinkEvidence kind)
    {
        for (var i = 0; i < people.Length; i++)
        {
            for (var j = i + 1; j < people.Length; j++) Count(evidence, skip, new ContactPair(people[i], people[j]), kind);
        }
    }

    /// <summary>Occasions per kind of evidence, indexed as <see cref="LinkEvidence"/>.</summary>
    private struct Counts
    {
        public int Colleague;
        public int Meetings;
        public int Events;

        public readonly int this[int k] => k switch { 0 => Colleague, 1 => Meetings, _ => Events };
    }
}
