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
/// store it under), a modest strength, and how many occasions of each kind back it. A value, not an object, since a
/// large network infers millions; the reason in plain words is written when asked for, since most are never shown.
/// </summary>
public readonly record struct InferredLink(ContactPair Pair, LinkEvidence Evidence, LinkKind Kind, double Strength, int Colleague, int Meetings, int Events)
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
    /// <summary>The inferred links ordered by pair (<see cref="ContactPair.A"/>, then B), leaving out every pair in <paramref name="existing"/>.</summary>
    /// <remarks>
    /// Each occasion is one 64-bit word (the pair as two dense contact numbers and the kind of evidence), so a network
    /// of a hundred thousand contacts and millions of colleague pairs is counted with one sort of a number array
    /// instead of a dictionary entry per pair.
    /// </remarks>
    public static IReadOnlyList<InferredLink> Infer(
        IEnumerable<MembershipSpan> memberships, IEnumerable<EventAttendance> attendances, IEnumerable<MeetingParticipants> meetings,
        IEnumerable<ContactPair> existing, InsightSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(memberships);
        ArgumentNullException.ThrowIfNull(attendances);
        ArgumentNullException.ThrowIfNull(meetings);
        ArgumentNullException.ThrowIfNull(existing);
        settings ??= InsightSettings.Default;
        var occasions = new Occasions(existing as IReadOnlySet<ContactPair> ?? existing.ToHashSet());

        var together = new HashSet<ContactPair>();
        var people = new HashSet<long>();
        foreach (var org in memberships.GroupBy(m => m.OrganizationId))
        {
            Colleagues(org.ToArray(), settings, together, people);
            foreach (var pair in together) occasions.Add(pair, LinkEvidence.Colleague);
        }

        foreach (var ev in attendances.GroupBy(a => a.EventId))
        {
            people.Clear();
            foreach (var a in ev) people.Add(a.ContactId);
            if (!LinksAttendees(people.Count, settings)) continue;
            occasions.AddEachPair(people, LinkEvidence.SameEvent);
        }

        foreach (var meeting in meetings)
        {
            people.Clear();
            foreach (var id in meeting.ContactIds) people.Add(id);
            if (people.Count > settings.MaxParticipantsForMeetingLinks) continue;
            occasions.AddEachPair(people, LinkEvidence.Meeting);
        }

        var strengths = new[] { settings.InferredColleagueStrength, settings.InferredMeetingStrength, settings.InferredSameEventStrength };
        return occasions.Links(strengths, settings.InferredMaxStrength);
    }

    /// <summary>
    /// The pairs that one organization's spans (<paramref name="spans"/>, all of one organization) make colleagues: two
    /// people there at the same time, unless the organization has more members than links are inferred for.
    /// </summary>
    public static HashSet<ContactPair> Colleagues(IReadOnlyList<MembershipSpan> spans, InsightSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(spans);
        var together = new HashSet<ContactPair>();
        Colleagues(spans, settings ?? InsightSettings.Default, together, []);
        return together;
    }

    // Into sets reused from one organization to the next (Infer goes through thousands).
    private static void Colleagues(IReadOnlyList<MembershipSpan> spans, InsightSettings settings, HashSet<ContactPair> together, HashSet<long> people)
    {
        together.Clear();
        people.Clear();
        foreach (var span in spans) people.Add(span.ContactId);
        if (people.Count > settings.MaxMembersForColleagueLinks) return;
        for (var i = 0; i < spans.Count; i++)
        {
            for (var j = i + 1; j < spans.Count; j++)
            {
                if (spans[i].ContactId == spans[j].ContactId || !Overlap(spans[i], spans[j])) continue;
                together.Add(new ContactPair(spans[i].ContactId, spans[j].ContactId));
            }
        }
    }

    /// <summary>The pairs one event's attendees (<paramref name="attendees"/>) make: each pair of them, when the event is small enough to link them.</summary>
    public static HashSet<ContactPair> Attendees(IEnumerable<long> attendees, InsightSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(attendees);
        var people = attendees.Distinct().ToArray();
        return LinksAttendees(people.Length, settings ?? InsightSettings.Default) ? [.. ContactPair.Among(people)] : [];
    }

    // Whether an event with this many distinct attendees links each pair of them.
    private static bool LinksAttendees(int attendees, InsightSettings settings) => attendees <= settings.MaxAttendeesForEventLinks;

    /// <summary>
    /// The link <see cref="Infer"/> gives a pair with these occasions (at least one): its strength, evidence and kind, for
    /// a caller that counts a pair's occasions itself, such as one adding a meeting to links already inferred.
    /// </summary>
    public static InferredLink Combine(ContactPair pair, int colleague, int meetings, int events, InsightSettings? settings = null)
    {
        if (colleague < 0 || meetings < 0 || events < 0 || colleague + meetings + events == 0)
            throw new ArgumentOutOfRangeException(nameof(meetings), "a link needs at least one occasion and no negative count");
        settings ??= InsightSettings.Default;
        var strengths = new[] { settings.InferredColleagueStrength, settings.InferredMeetingStrength, settings.InferredSameEventStrength };
        return Link(pair, new Counts { Colleague = colleague, Meetings = meetings, Events = events }, strengths, settings.InferredMaxStrength);
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

    /// <summary>
    /// The reason for an inferred link in plain words, naming where the two overlapped and which events both attended
    /// (the first three of each, then how many more), e.g. "They worked at Cedar Labs at the same time and both went to
    /// Guild night." Without names it says what <see cref="Reason(int, int, int)"/> says.
    /// </summary>
    public static string Reason(IReadOnlyList<string> organizations, int meetings, IReadOnlyList<string> events)
    {
        ArgumentNullException.ThrowIfNull(organizations);
        ArgumentNullException.ThrowIfNull(events);
        var parts = new List<string>(3);
        if (organizations.Count > 0) parts.Add($"worked at {Names(organizations)} at the same time");
        if (meetings > 0) parts.Add(meetings == 1 ? "were in a meeting together" : $"were in {meetings} meetings together");
        if (events.Count > 0) parts.Add($"both went to {Names(events)}");
        if (parts.Count == 0) return "Inferred.";
        return "They " + (parts.Count == 1 ? parts[0] : string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1]) + ".";

        static string Names(IReadOnlyList<string> names) => names.Count switch
        {
            1 => names[0],
            2 => $"{names[0]} and {names[1]}",
            3 => $"{names[0]}, {names[1]} and {names[2]}",
            _ => $"{names[0]}, {names[1]}, {names[2]} and {names.Count - 3} more",
        };
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

    /// <summary>
    /// Every occasion seen, as a word holding the pair's two contact numbers (given in order of first appearance) and the
    /// kind of evidence; pairs already linked are left out as they come.
    /// </summary>
    private sealed class Occasions(IReadOnlySet<ContactPair> skip)
    {
        private const int KindBits = 2;
        private const int NumberBits = 31;
        private readonly Dictionary<long, int> _numbers = [];
        private readonly List<long> _ids = [];
        private readonly List<ulong> _words = [];
        private int[] _buffer = new int[16];

        public void Add(ContactPair pair, LinkEvidence kind)
        {
            if (skip.Contains(pair)) return;
            _words.Add(Word(Number(pair.A), Number(pair.B), kind));
        }

        public void AddEachPair(HashSet<long> people, LinkEvidence kind)
        {
            if (_buffer.Length < people.Count) _buffer = new int[people.Count];
            var ids = people.ToArray();
            for (var i = 0; i < ids.Length; i++) _buffer[i] = Number(ids[i]);
            for (var i = 0; i < ids.Length; i++)
            {
                for (var j = i + 1; j < ids.Length; j++)
                {
                    if (!skip.Contains(new ContactPair(ids[i], ids[j]))) _words.Add(Word(_buffer[i], _buffer[j], kind));
                }
            }
        }

        /// <summary>The links, one per pair, ordered by pair: the numbers are renumbered in id order, then the words sorted and counted.</summary>
        public InferredLink[] Links(double[] strengths, double max)
        {
            var byId = new int[_ids.Count];
            for (var i = 0; i < byId.Length; i++) byId[i] = i;
            var ids = _ids.ToArray();
            Array.Sort(ids, byId);
            var rank = new int[ids.Length];
            for (var r = 0; r < byId.Length; r++) rank[byId[r]] = r;

            var words = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_words);
            for (var k = 0; k < words.Length; k++)
            {
                var (a, b, kind) = Split(words[k]);
                words[k] = Word(rank[a], rank[b], kind);
            }
            words.Sort();

            var pairs = 0;
            for (var k = 0; k < words.Length; k++)
            {
                if (k == 0 || words[k] >> KindBits != words[k - 1] >> KindBits) pairs++;
            }
            var links = new InferredLink[pairs];
            var n = 0;
            var start = 0;
            while (start < words.Length)
            {
                var counts = default(Counts);
                var end = start;
                for (; end < words.Length && words[end] >> KindBits == words[start] >> KindBits; end++)
                {
                    switch (Split(words[end]).Kind)
                    {
                        case LinkEvidence.Colleague: counts.Colleague++; break;
                        case LinkEvidence.Meeting: counts.Meetings++; break;
                        default: counts.Events++; break;
                    }
                }
                var (a, b, _) = Split(words[start]);
                links[n++] = Link(new ContactPair(ids[a], ids[b]), counts, strengths, max);
                start = end;
            }
            return links;
        }

        private int Number(long id)
        {
            ref var number = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_numbers, id, out var seen);
            if (!seen)
            {
                number = _ids.Count;
                _ids.Add(id);
            }
            return number;
        }

        // The smaller number first, so that a pair has one word per kind whichever way round it came.
        private static ulong Word(int a, int b, LinkEvidence kind)
        {
            if (a > b) (a, b) = (b, a);
            return ((ulong)a << (NumberBits + KindBits)) | ((ulong)b << KindBits) | (ulong)kind;
        }

        private static (int A, int B, LinkEvidence Kind) Split(ulong word) =>
            ((int)(word >> (NumberBits + KindBits)), (int)((word >> KindBits) & int.MaxValue), (LinkEvidence)(word & 3));
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
