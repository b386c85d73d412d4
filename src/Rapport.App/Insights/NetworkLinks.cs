using Rapport.Domain.Contacts;
using Rapport.Domain.Insights;
using Rapport.Domain.Insights.Links;

namespace Rapport.App.Insights;

/// <summary>
/// Every link of a network once, ordered by pair (A, then B, with A &lt; B), in one array of 24-byte values that name
/// the two contacts by their position among the network's contacts (ordered by id). A network of 100,000 contacts
/// infers millions of links and shows a handful: the <see cref="NetworkLink"/> with its reason is made only when asked for.
/// </summary>
/// <remarks>
/// The occasions behind an inferred link (organizations, meetings, events) share one 32-bit word, 10, 11 and 11 bits;
/// a link with more than that fits keeps its counts aside, by position. The counts are read only to explain a link shown.
/// </remarks>
public sealed class NetworkLinks
{
    private const byte InferredFlag = 1;
    private const byte StrengthFlag = 2;
    private const byte EvidenceFlag = 4;
    private const byte CountsAsideFlag = 8;

    private const int ColleagueBits = 10;
    private const int MeetingsBits = 11;
    private const int EventsBits = 11;

    private readonly long[] _ids;
    private readonly Row[] _rows;
    private readonly Dictionary<int, (int Colleague, int Meetings, int Events)> _countsAside;

    private NetworkLinks(long[] ids, Row[] rows, Dictionary<int, (int Colleague, int Meetings, int Events)> countsAside)
    {
        _ids = ids;
        _rows = rows;
        _countsAside = countsAside;
    }

    /// <summary>How many links there are.</summary>
    public int Count => _rows.Length;

    /// <summary>The link at position <paramref name="k"/> as shown, with the evidence behind it when Rapport inferred it.</summary>
    public NetworkLink this[int k]
    {
        get
        {
            var row = _rows[k];
            var (a, b) = (_ids[row.A], _ids[row.B]);
            var kind = (LinkKind)row.Kind;
            InferredLink? evidence = null;
            if ((row.Flags & EvidenceFlag) != 0)
            {
                var (colleague, meetings, events) = (row.Flags & CountsAsideFlag) != 0 ? _countsAside[k] : Unpack(row.Counts);
                evidence = new InferredLink(new ContactPair(a, b), (LinkEvidence)row.Evidence, kind, row.Strength, colleague, meetings, events);
            }
            return new NetworkLink(a, b, Strength(k), kind, (row.Flags & InferredFlag) != 0, evidence);
        }
    }

    /// <summary>The position of the first contact of link <paramref name="k"/> among the network's contacts.</summary>
    public int IndexA(int k) => _rows[k].A;

    /// <summary>The position of the second contact of link <paramref name="k"/> among the network's contacts.</summary>
    public int IndexB(int k) => _rows[k].B;

    /// <summary>The id of the first (smaller) contact of link <paramref name="k"/>.</summary>
    public long A(int k) => _ids[_rows[k].A];

    /// <summary>The id of the second (larger) contact of link <paramref name="k"/>.</summary>
    public long B(int k) => _ids[_rows[k].B];

    /// <summary>The strength of link <paramref name="k"/>; null for a bare link.</summary>
    public double? Strength(int k) => (_rows[k].Flags & StrengthFlag) != 0 ? _rows[k].Strength : null;

    /// <summary>The kind of link <paramref name="k"/>.</summary>
    public LinkKind Kind(int k) => (LinkKind)_rows[k].Kind;

    /// <summary>Whether link <paramref name="k"/> was inferred (by Rapport or on import) rather than told.</summary>
    public bool IsInferred(int k) => (_rows[k].Flags & InferredFlag) != 0;

    /// <summary>Whether Rapport inferred link <paramref name="k"/> itself from occasions, rather than it being told (entered, imported, introduced).</summary>
    public bool FromOccasions(int k) => (_rows[k].Flags & EvidenceFlag) != 0;

    /// <summary>The rows of the links that one of <paramref name="contactIds"/> at least is in, in order.</summary>
    public IEnumerable<int> RowsOf(IEnumerable<long> contactIds)
    {
        ArgumentNullException.ThrowIfNull(contactIds);
        var positions = contactIds.Select(IndexOf).Where(i => i >= 0).ToHashSet();
        for (var k = 0; k < _rows.Length; k++)
        {
            if (positions.Contains(_rows[k].A) || positions.Contains(_rows[k].B)) yield return k;
        }
    }

    /// <summary>The position of a contact among the network's contacts, or −1.</summary>
    public int IndexOf(long contactId)
    {
        var i = Array.BinarySearch(_ids, contactId);
        return i >= 0 ? i : -1;
    }

    /// <summary>The link between two contacts, either way round, or null: a binary search, as the links are ordered by pair.</summary>
    public NetworkLink? Find(long a, long b)
    {
        if (a == b) return null;
        var (i, j) = (IndexOf(Math.Min(a, b)), IndexOf(Math.Max(a, b)));
        if (i < 0 || j < 0) return null;
        var k = IndexOfPair(i, j);
        return k < 0 ? null : this[k];
    }

    /// <summary>
    /// The links among <paramref name="contactIds"/> (ascending, the network's contacts): those you told (entered,
    /// imported or from an introduction; one per pair, any order) merged with those Rapport inferred (ordered by pair,
    /// none for a pair you told). Links naming a contact not in <paramref name="contactIds"/> are left out.
    /// </summary>
    public static NetworkLinks Create(long[] contactIds, IEnumerable<NetworkLink> told, IReadOnlyList<InferredLink> inferred)
    {
        ArgumentNullException.ThrowIfNull(contactIds);
        ArgumentNullException.ThrowIfNull(told);
        ArgumentNullException.ThrowIfNull(inferred);
        for (var k = 1; k < contactIds.Length; k++)
        {
            if (contactIds[k - 1] >= contactIds[k]) throw new ArgumentException("contact ids must be ascending and distinct", nameof(contactIds));
        }
        var links = new NetworkLinks(contactIds, [], []);
        var toldRows = new List<Row>();
        foreach (var l in told)
        {
            var (a, b) = (links.IndexOf(l.A), links.IndexOf(l.B));
            if (a < 0 || b < 0 || a == b) continue;
            toldRows.Add(ToldRow(Math.Min(a, b), Math.Max(a, b), l));
        }
        toldRows.Sort(static (x, y) => Compare(x.A, x.B, y.A, y.B));

        var rows = new Row[toldRows.Count + inferred.Count];
        var countsAside = new Dictionary<int, (int, int, int)>();
        int t = 0, n = 0, lastA = -1, lastB = -1;
        for (var k = 0; k < inferred.Count; k++)
        {
            var l = inferred[k];
            var (a, b) = (links.IndexOf(l.Pair.A), links.IndexOf(l.Pair.B));
            if (a < 0 || b < 0) continue;
            // Lookups search the rows by pair: an inferred link out of order, or on a pair you told, would hide others.
            if (Compare(lastA, lastB, a, b) >= 0) throw new ArgumentException("inferred links must be ordered by pair, one per pair", nameof(inferred));
            (lastA, lastB) = (a, b);
            while (t < toldRows.Count && Compare(toldRows[t].A, toldRows[t].B, a, b) < 0) rows[n++] = toldRows[t++];
            if (t < toldRows.Count && Compare(toldRows[t].A, toldRows[t].B, a, b) == 0) throw new ArgumentException("an inferred link is on a pair you told", nameof(inferred));
            var (row, counts) = InferredRow(a, b, l);
            if (counts is { } c) countsAside[n] = c;
            rows[n++] = row;
        }
        while (t < toldRows.Count) rows[n++] = toldRows[t++];
        return new NetworkLinks(contactIds, n == rows.Length ? rows : rows[..n], countsAside);
    }

    /// <summary>
    /// Writes the links for <see cref="ReadFrom"/> in a later command (the contacts are written apart), compactly: the
    /// pairs as growing differences, each distinct strength once, and the occasion counts only for links that have them.
    /// </summary>
    public void WriteTo(BinaryWriter w)
    {
        ArgumentNullException.ThrowIfNull(w);
        var strengths = new Dictionary<double, int>();
        foreach (var row in _rows)
        {
            if ((row.Flags & StrengthFlag) != 0) strengths.TryAdd(row.Strength, strengths.Count);
        }
        w.Write(_rows.Length);
        w.Write(strengths.Count);
        foreach (var strength in strengths.Keys) w.Write(strength);
        int lastA = 0, lastB = 0;
        foreach (var row in _rows)
        {
            // Ordered by pair: A never falls, and B grows while A stays (else it starts again above A).
            w.Write7BitEncodedInt(row.A - lastA);
            w.Write7BitEncodedInt(row.B - (row.A == lastA ? lastB : row.A));
            (lastA, lastB) = (row.A, row.B);
            w.Write(row.Flags);
            w.Write(row.Kind);
            if ((row.Flags & StrengthFlag) != 0) w.Write7BitEncodedInt(strengths[row.Strength]);
            if ((row.Flags & EvidenceFlag) == 0) continue;
            w.Write(row.Evidence);
            w.Write(row.Counts);
        }
        w.Write(_countsAside.Count);
        foreach (var (k, (colleague, meetings, events)) in _countsAside)
        {
            w.Write(k);
            w.Write(colleague);
            w.Write(meetings);
            w.Write(events);
        }
    }

    /// <summary>
    /// These links over other contacts, <paramref name="contactIds"/> (ascending): the links of a contact no longer there
    /// go, and a contact new here has none yet.
    /// </summary>
    public NetworkLinks Over(long[] contactIds)
    {
        ArgumentNullException.ThrowIfNull(contactIds);
        for (var k = 1; k < contactIds.Length; k++)
        {
            if (contactIds[k - 1] >= contactIds[k]) throw new ArgumentException("contact ids must be ascending and distinct", nameof(contactIds));
        }
        // Both lists ascend, so the new positions keep the rows' order.
        var to = new int[_ids.Length];
        for (var i = 0; i < _ids.Length; i++) to[i] = Array.BinarySearch(contactIds, _ids[i]) is var j and >= 0 ? j : -1;
        var rows = new List<Row>(_rows.Length);
        var aside = new Dictionary<int, (int, int, int)>();
        for (var k = 0; k < _rows.Length; k++)
        {
            var (a, b) = (to[_rows[k].A], to[_rows[k].B]);
            if (a < 0 || b < 0) continue;
            if (_countsAside.TryGetValue(k, out var counts)) aside[rows.Count] = counts;
            rows.Add(_rows[k] with { A = a, B = b });
        }
        return new NetworkLinks(contactIds, [.. rows], aside);
    }

    /// <summary>
    /// These links with the occasions behind inferred links changed by <paramref name="changes"/> (per pair: colleague,
    /// meeting and event occasions to add, or to take away when negative; a pair may come more than once), as
    /// <see cref="LinkInference.Infer"/> would count them: a pair you told is left as it is, a pair inferred is counted
    /// again (and goes with its last occasion), and a pair not linked yet gets an inferred link.
    /// </summary>
    public NetworkLinks WithOccasions(IEnumerable<(ContactPair Pair, int Colleague, int Meetings, int Events)> changes, InsightSettings settings)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(settings);
        var byPair = new Dictionary<(int A, int B), (int Colleague, int Meetings, int Events)>();
        foreach (var (pair, colleague, meetings, events) in changes)
        {
            var (a, b) = (IndexOf(pair.A), IndexOf(pair.B));
            if (a < 0 || b < 0) throw new ArgumentException("an occasion of someone not in the network", nameof(changes));
            var key = (Math.Min(a, b), Math.Max(a, b));
            var sum = byPair.GetValueOrDefault(key);
            byPair[key] = (sum.Colleague + colleague, sum.Meetings + meetings, sum.Events + events);
        }
        var rows = (Row[])_rows.Clone();
        var aside = new Dictionary<int, (int Colleague, int Meetings, int Events)>(_countsAside);
        var removed = new HashSet<int>();
        var added = new List<(Row Row, (int, int, int)? Aside)>();
        foreach (var ((a, b), change) in byPair)
        {
            if (change == default) continue;
            var k = IndexOfPair(a, b);
            if (k >= 0 && (rows[k].Flags & EvidenceFlag) == 0) continue;
            var (colleague, met, events) = k < 0 ? (0, 0, 0) : (rows[k].Flags & CountsAsideFlag) != 0 ? aside[k] : Unpack(rows[k].Counts);
            (colleague, met, events) = (colleague + change.Colleague, met + change.Meetings, events + change.Events);
            if (colleague < 0 || met < 0 || events < 0) throw new ArgumentException("more occasions taken away than a pair had", nameof(changes));
            if (colleague + met + events == 0)
            {
                if (k >= 0) removed.Add(k);
                continue;
            }
            var (row, counts) = InferredRow(a, b, LinkInference.Combine(new ContactPair(_ids[a], _ids[b]), colleague, met, events, settings));
            if (k < 0)
            {
                added.Add((row, counts));
                continue;
            }
            rows[k] = row;
            if (counts is { } c) aside[k] = c;
            else aside.Remove(k);
        }
        return Merged(rows, aside, removed, added);
    }

    /// <summary>
    /// These links with each pair in <paramref name="changes"/> set anew (each pair once, both in the network): to the link
    /// you told, else to the link inferred from its occasions, else to none.
    /// </summary>
    public NetworkLinks WithPairs(IEnumerable<(ContactPair Pair, NetworkLink? Told, InferredLink? Inferred)> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var rows = (Row[])_rows.Clone();
        var aside = new Dictionary<int, (int Colleague, int Meetings, int Events)>(_countsAside);
        var removed = new HashSet<int>();
        var added = new List<(Row Row, (int, int, int)? Aside)>();
        foreach (var (pair, told, inferred) in changes)
        {
            var (a, b) = (IndexOf(pair.A), IndexOf(pair.B));
            if (a < 0 || b < 0 || a == b) throw new ArgumentException("a pair of someone not in the network", nameof(changes));
            (a, b) = (Math.Min(a, b), Math.Max(a, b));
            var k = IndexOfPair(a, b);
            (Row Row, (int, int, int)? Aside)? now = told is not null ? (ToldRow(a, b, told), null) : inferred is { } l ? InferredRow(a, b, l) : null;
            if (now is not { } set)
            {
                if (k >= 0) removed.Add(k);
                continue;
            }
            if (k < 0)
            {
                added.Add(set);
                continue;
            }
            rows[k] = set.Row;
            if (set.Aside is { } c) aside[k] = c;
            else aside.Remove(k);
        }
        return Merged(rows, aside, removed, added);
    }

    // The rows with those at positions removed dropped and those added merged in order (the counts kept aside follow their rows).
    private NetworkLinks Merged(Row[] rows, Dictionary<int, (int Colleague, int Meetings, int Events)> aside, HashSet<int> removed, List<(Row Row, (int, int, int)? Aside)> added)
    {
        if (added.Count == 0 && removed.Count == 0) return new NetworkLinks(_ids, rows, aside);
        added.Sort(static (x, y) => Compare(x.Row.A, x.Row.B, y.Row.A, y.Row.B));
        var merged = new Row[rows.Length - removed.Count + added.Count];
        var mergedAside = new Dictionary<int, (int, int, int)>(aside.Count);
        int i = 0, j = 0, n = 0;
        while (i < rows.Length || j < added.Count)
        {
            if (j == added.Count || (i < rows.Length && Compare(rows[i].A, rows[i].B, added[j].Row.A, added[j].Row.B) < 0))
            {
                if (!removed.Contains(i))
                {
                    if (aside.TryGetValue(i, out var c)) mergedAside[n] = c;
                    merged[n++] = rows[i];
                }
                i++;
            }
            else
            {
                if (added[j].Aside is { } c) mergedAside[n] = c;
                merged[n++] = added[j++].Row;
            }
        }
        return new NetworkLinks(_ids, merged, mergedAside);
    }

    /// <summary>The row of the link between the contacts at positions <paramref name="a"/> &lt; <paramref name="b"/>, or −1.</summary>
    private int IndexOfPair(int a, int b)
    {
        int lo = 0, hi = _rows.Length - 1;
        while (lo <= hi)
        {
            var mid = lo + (hi - lo) / 2;
            var order = Compare(_rows[mid].A, _rows[mid].B, a, b);
            if (order == 0) return mid;
            if (order < 0) lo = mid + 1;
            else hi = mid - 1;
        }
        return -1;
    }

    /// <summary>The row of a link you told between the contacts at positions <paramref name="a"/> &lt; <paramref name="b"/>.</summary>
    private static Row ToldRow(int a, int b, NetworkLink l) =>
        new(a, b, l.Strength ?? 0, 0, (byte)l.Kind, 0, (byte)((l.Inferred ? InferredFlag : 0) | (l.Strength is null ? 0 : StrengthFlag)));

    /// <summary>The row of an inferred link (as <see cref="Create"/> makes it), and its counts when they do not fit the row.</summary>
    private static (Row Row, (int, int, int)? Aside) InferredRow(int a, int b, InferredLink l)
    {
        var flags = (byte)(InferredFlag | StrengthFlag | EvidenceFlag);
        (int, int, int)? aside = null;
        if (!TryPack(l.Colleague, l.Meetings, l.Events, out var counts))
        {
            aside = (l.Colleague, l.Meetings, l.Events);
            flags |= CountsAsideFlag;
        }
        return (new Row(a, b, l.Strength, counts, (byte)l.Kind, (byte)l.Evidence, flags), aside);
    }

    /// <summary>The links <see cref="WriteTo"/> wrote, over the same contacts (<paramref name="contactIds"/>, ascending).</summary>
    public static NetworkLinks ReadFrom(BinaryReader r, long[] contactIds)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(contactIds);
        var rows = new Row[r.ReadInt32()];
        var strengths = new double[r.ReadInt32()];
        for (var i = 0; i < strengths.Length; i++) strengths[i] = r.ReadDouble();
        int a = 0, b = 0;
        for (var k = 0; k < rows.Length; k++)
        {
            var nextA = a + r.Read7BitEncodedInt();
            b = (nextA == a && k > 0 ? b : nextA) + r.Read7BitEncodedInt();
            a = nextA;
            if ((uint)b >= (uint)contactIds.Length) throw new InvalidDataException("a link to a contact not in the network");
            var flags = r.ReadByte();
            var kind = r.ReadByte();
            var strength = (flags & StrengthFlag) != 0 ? strengths[r.Read7BitEncodedInt()] : 0;
            var (evidence, counts) = (flags & EvidenceFlag) != 0 ? (r.ReadByte(), r.ReadUInt32()) : ((byte)0, 0u);
            rows[k] = new Row(a, b, strength, counts, kind, evidence, flags);
        }
        var aside = r.ReadInt32();
        var countsAside = new Dictionary<int, (int, int, int)>(aside);
        for (var i = 0; i < aside; i++) countsAside[r.ReadInt32()] = (r.ReadInt32(), r.ReadInt32(), r.ReadInt32());
        return new NetworkLinks(contactIds, rows, countsAside);
    }

    /// <summary>The three occasion counts in one word, when each fits its bits.</summary>
    private static bool TryPack(int colleague, int meetings, int events, out uint packed)
    {
        packed = 0;
        if ((uint)colleague >> ColleagueBits != 0 || (uint)meetings >> MeetingsBits != 0 || (uint)events >> EventsBits != 0) return false;
        packed = (uint)colleague | (uint)meetings << ColleagueBits | (uint)events << (ColleagueBits + MeetingsBits);
        return true;
    }

    /// <summary>The three occasion counts from the word <see cref="TryPack"/> made.</summary>
    private static (int Colleague, int Meetings, int Events) Unpack(uint packed) => (
        (int)(packed & ((1u << ColleagueBits) - 1)),
        (int)(packed >> ColleagueBits & ((1u << MeetingsBits) - 1)),
        (int)(packed >> (ColleagueBits + MeetingsBits)));

    private static int Compare(int a1, int b1, int a2, int b2) => a1 != a2 ? a1.CompareTo(a2) : b1.CompareTo(b2);

    /// <summary>One link: two contact positions, the strength, the occasions behind an inferred link (packed), kind and flags (24 bytes).</summary>
    private readonly record struct Row(int A, int B, double Strength, uint Counts, byte Kind, byte Evidence, byte Flags);
}
