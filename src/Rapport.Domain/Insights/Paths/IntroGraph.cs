using System.Collections.Concurrent;

namespace Rapport.Domain.Insights.Paths;

/// <summary>
/// One of your contacts as the introduction graph needs it: your tie strength S and their trust (0–3). KnownDirectly
/// is true when you know the contact yourself (you have been in touch), so a path uses them only as its first hop: you
/// would ask them yourself rather than through someone else; null means "when S &gt; 0".
/// </summary>
public sealed record IntroContact(long Id, string Name, double Strength, int Trust = 2, string? Company = null, string? Title = null, bool? KnownDirectly = null);

/// <summary>A "knows" link between two contacts; a null strength is a bare link.</summary>
public readonly record struct IntroLink(long A, long B, double? Strength = null);

/// <summary>
/// Your network in compact arrays (compressed sparse rows): contacts are dense indices 0..n−1, each
/// contact's links are a slice of <c>neighbours</c>/<c>strengths</c>, and your own tie to each contact
/// is a separate array. A million contacts and ten million links take about 200 MB and no per-node objects.
/// </summary>
public sealed class IntroGraph
{
    private readonly int[] _offsets;
    private readonly int[] _neighbours;
    private readonly float[] _strengths;
    private readonly float[] _egoStrengths;
    private readonly bool[] _untrusted;
    private readonly bool[] _known;
    private readonly long[] _ids;
    private readonly string[]? _names;
    private readonly bool _idsAscending;
    private Dictionary<long, int>? _index;
    private readonly ConcurrentBag<PathWorkspace> _workspaces = [];

    private IntroGraph(int[] offsets, int[] neighbours, float[] strengths, float[] egoStrengths, bool[] untrusted, bool[] known, long[] ids, string[]? names)
    {
        _known = known;
        _offsets = offsets;
        _neighbours = neighbours;
        _strengths = strengths;
        _egoStrengths = egoStrengths;
        _untrusted = untrusted;
        _ids = ids;
        _names = names;
        foreach (var e in egoStrengths) MaxEgoStrength = Math.Max(MaxEgoStrength, e);
        _idsAscending = true;
        for (var i = 1; i < ids.Length; i++)
        {
            if (ids[i] <= ids[i - 1]) { _idsAscending = false; break; }
        }
    }

    /// <summary>Number of contacts.</summary>
    public int NodeCount => _ids.Length;

    /// <summary>Number of undirected links kept (self-links are dropped).</summary>
    public int LinkCount => _neighbours.Length / 2;

    /// <summary>
    /// Builds the graph straight from arrays, in linear time, for bulk loads and benchmarks. Index i of
    /// <paramref name="contactIds"/>, <paramref name="egoStrengths"/>, <paramref name="trust"/> and
    /// <paramref name="names"/> is one contact; link k joins indices <paramref name="linkA"/>[k] and
    /// <paramref name="linkB"/>[k] with <paramref name="linkStrengths"/>[k] (0, NaN or a null array mean a
    /// bare link). <paramref name="knownDirectly"/>[i] says you know contact i yourself, so paths use them only as a
    /// first hop; a null array means every contact with an ego strength above 0. The id and name arrays are kept, not
    /// copied; duplicate links are harmless.
    /// </summary>
    public static IntroGraph FromArrays(
        long[] contactIds, float[] egoStrengths, int[] linkA, int[] linkB, float[]? linkStrengths,
        byte[]? trust = null, string[]? names = null, InsightSettings? settings = null, bool[]? knownDirectly = null)
    {
        ArgumentNullException.ThrowIfNull(contactIds);
        ArgumentNullException.ThrowIfNull(egoStrengths);
        ArgumentNullException.ThrowIfNull(linkA);
        ArgumentNullException.ThrowIfNull(linkB);
        settings ??= InsightSettings.Default;
        var n = contactIds.Length;
        if (egoStrengths.Length != n) throw new ArgumentException("one ego strength per contact is needed", nameof(egoStrengths));
        if (trust is not null && trust.Length != n) throw new ArgumentException("one trust level per contact is needed", nameof(trust));
        if (names is not null && names.Length != n) throw new ArgumentException("one name per contact is needed", nameof(names));
        if (knownDirectly is not null && knownDirectly.Length != n) throw new ArgumentException("one known-directly flag per contact is needed", nameof(knownDirectly));
        if (linkB.Length != linkA.Length || (linkStrengths is not null && linkStrengths.Length != linkA.Length))
            throw new ArgumentException("link arrays must have the same length", nameof(linkB));

        var offsets = new int[n + 1];
        for (var k = 0; k < linkA.Length; k++)
        {
            int a = linkA[k], b = linkB[k];
            if ((uint)a >= (uint)n || (uint)b >= (uint)n) throw new ArgumentOutOfRangeException(nameof(linkA), $"link {k} joins {a} and {b}, outside 0..{n - 1}");
            if (a == b) continue;
            offsets[a + 1]++;
            offsets[b + 1]++;
        }
        for (var i = 0; i < n; i++) offsets[i + 1] += offsets[i];

        var neighbours = new int[offsets[n]];
        var strengths = new float[offsets[n]];
        var cursor = new int[n];
        Array.Copy(offsets, cursor, n);
        var bare = (float)settings.BareLinkStrength;
        for (var k = 0; k < linkA.Length; k++)
        {
            int a = linkA[k], b = linkB[k];
            if (a == b) continue;
            var s = linkStrengths is null ? 0f : linkStrengths[k];
            s = s > 0f ? Math.Min(s, 1f) : bare;
            var ia = cursor[a]++;
            neighbours[ia] = b;
            strengths[ia] = s;
            var ib = cursor[b]++;
            neighbours[ib] = a;
            strengths[ib] = s;
        }

        var ego = new float[n];
        var untrusted = new bool[n];
        var known = new bool[n];
        for (var i = 0; i < n; i++)
        {
            var s = egoStrengths[i];
            ego[i] = s > 0f ? Math.Min(s, 1f) : 0f;
            untrusted[i] = trust is not null && trust[i] <= settings.UntrustedLevel;
            known[i] = knownDirectly?[i] ?? ego[i] > 0f;
        }
        return new IntroGraph(offsets, neighbours, strengths, ego, untrusted, known, contactIds, names);
    }

    /// <summary>
    /// Builds the graph from your contacts and the links among them. Links naming an unknown contact are
    /// skipped; your tie to each contact is its strength S (a contact with S = 0 is not a first hop).
    /// </summary>
    public static IntroGraph Build(IEnumerable<IntroContact> contacts, IEnumerable<IntroLink> links, InsightSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        ArgumentNullException.ThrowIfNull(links);
        var sorted = contacts.DistinctBy(c => c.Id).OrderBy(c => c.Id).ToArray();
        var n = sorted.Length;
        var ids = new long[n];
        var names = new string[n];
        var ego = new float[n];
        var trust = new byte[n];
        var known = new bool[n];
        for (var i = 0; i < n; i++)
        {
            ids[i] = sorted[i].Id;
            names[i] = sorted[i].Name;
            ego[i] = EgoWeight(sorted[i].Strength);
            trust[i] = TrustLevel(sorted[i].Trust);
            known[i] = sorted[i].KnownDirectly ?? ego[i] > 0f;
        }
        var a = new List<int>();
        var b = new List<int>();
        var s = new List<float>();
        foreach (var link in links)
        {
            var ia = Array.BinarySearch(ids, link.A);
            var ib = Array.BinarySearch(ids, link.B);
            if (ia < 0 || ib < 0 || ia == ib) continue;
            a.Add(ia);
            b.Add(ib);
            s.Add(LinkWeight(link.Strength));
        }
        return FromArrays(ids, ego, [.. a], [.. b], [.. s], trust, names, settings, known);
    }

    /// <summary>Your tie's strength as the graph keeps it: 0 to 1, and 0 when unknown (NaN).</summary>
    public static float EgoWeight(double strength) => (float)Math.Clamp(double.IsNaN(strength) ? 0 : strength, 0, 1);

    /// <summary>A contact's trust as the graph keeps it: 0 to 3.</summary>
    public static byte TrustLevel(int trust) => (byte)Math.Clamp(trust, 0, 3);

    /// <summary>A link's strength as the graph takes it: up to 1, and 0 when unknown or not positive (a bare link, weighted by the settings).</summary>
    public static float LinkWeight(double? strength) => strength is { } x && x > 0 ? (float)Math.Min(x, 1) : 0f;

    /// <summary>The dense index of a contact, or −1 when the graph does not hold it.</summary>
    public int IndexOf(long contactId)
    {
        if (_idsAscending)
        {
            var i = Array.BinarySearch(_ids, contactId);
            return i >= 0 ? i : -1;
        }
        var index = _index;
        if (index is null)
        {
            index = new Dictionary<long, int>(_ids.Length);
            for (var i = 0; i < _ids.Length; i++) index.TryAdd(_ids[i], i);
            _index = index;
        }
        return index.TryGetValue(contactId, out var found) ? found : -1;
    }

    /// <summary>The contact id at a dense index.</summary>
    public long ContactIdAt(int index) => _ids[index];

    /// <summary>The contact's name at a dense index (or "contact {id}" when the graph was built without names).</summary>
    public string NameAt(int index) => _names?[index] ?? $"contact {_ids[index]}";

    /// <summary>Your tie strength S to the contact at a dense index; 0 when you have no tie to speak of.</summary>
    public float EgoStrength(int index) => _egoStrengths[index];

    /// <summary>True when you know the contact yourself: a path may start with them, but never pass through or end at them after its first hop.</summary>
    public bool IsKnownDirectly(int index) => _known[index];

    /// <summary>False when the contact may not carry an introduction.</summary>
    public bool IsTrusted(int index) => !_untrusted[index];

    /// <summary>The strongest link between two contacts, or 0 when they are not linked.</summary>
    public float LinkStrength(int a, int b)
    {
        if (Degree(a) > Degree(b)) (a, b) = (b, a);
        var best = 0f;
        for (var e = _offsets[a]; e < _offsets[a + 1]; e++)
        {
            if (_neighbours[e] == b && _strengths[e] > best) best = _strengths[e];
        }
        return best;
    }

    /// <summary>How many links a contact has.</summary>
    public int Degree(int index) => _offsets[index + 1] - _offsets[index];

    internal int[] Offsets => _offsets;
    internal int[] Neighbours => _neighbours;
    internal float[] Strengths => _strengths;
    internal float[] EgoStrengths => _egoStrengths;
    internal bool[] Untrusted => _untrusted;
    internal bool[] Known => _known;

    /// <summary>Your strongest tie to any contact: no path can start stronger, which bounds every search.</summary>
    internal float MaxEgoStrength { get; }

    internal PathWorkspace RentWorkspace() => _workspaces.TryTake(out var ws) ? ws : new PathWorkspace(NodeCount);

    internal void ReturnWorkspace(PathWorkspace workspace)
    {
        if (_workspaces.Count < Environment.ProcessorCount) _workspaces.Add(workspace);
    }
}
