namespace Rapport.Domain.Insights.Paths;

/// <summary>A path over dense indices: the contacts from the first hop to the target, and the product of their clamped strengths.</summary>
public readonly record struct IntroIndexPath(int[] Nodes, float Score);

/// <summary>
/// Finds the warmest introduction paths (SCIENCE.md H): the top k loop-free paths of at most h hops from
/// you to a target set, ranked by the product of strengths, which is the same order as the sum of edge
/// costs −ln(max(S, 0.01)). Untrusted contacts are never passed through; paths below the floor are hidden. A contact
/// you know directly appears only as a first hop: a target you know is reached by your own tie, and nobody you know
/// is asked about through someone else.
/// </summary>
/// <remarks>
/// Yen's algorithm over an exact hop-bounded shortest-path search. The inner search runs backwards from
/// the targets as a layered Bellman–Ford: layer r holds, for every contact, the best product to any target
/// in at most r hops, and only contacts that improved in layer r−1 are expanded in layer r. Layering makes
/// the hop limit exact (a plain Dijkstra would keep the cheapest path even when it is too long), and going
/// backwards means the work is the targets' neighbourhood (|T|·d^(h−1) links), never your million direct
/// ties. Partial products below the floor are cut, since a product only shrinks as it grows longer.
/// </remarks>
public static class IntroPathFinder
{
    /// <summary>
    /// Finds the best paths to a target with the hop limit, count and floor of <paramref name="settings"/>.
    /// <paramref name="opening"/> says how the first message to a contact may open (SCIENCE.md G: no ask as the first
    /// touch after a lapse); without it every first hop may be asked straight away. A path whose first hop needs a
    /// reconnect or a first contact ranks below an equally strong one that does not, and its draft does not ask yet.
    /// For a company or a role, paths to different people come before further paths to the same person.
    /// </summary>
    public static IntroPathResult Find(IntroGraph graph, IntroTarget target, InsightSettings? settings = null, int? maxHops = null, int? top = null,
        Func<long, IntroOpener>? opening = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(target);
        settings ??= InsightSettings.Default;
        var hops = maxHops ?? settings.MaxHops;
        var k = top ?? settings.TopPaths;

        var targets = new List<int>(target.ContactIds.Count);
        foreach (var id in target.ContactIds)
        {
            var i = graph.IndexOf(id);
            if (i >= 0 && !targets.Contains(i)) targets.Add(i);
        }
        if (targets.Count == 0)
            return new IntroPathResult(target, hops, [], $"Nobody in your network matches {target.Label}.");

        // Several people: look a little further, so that the next person can come before a second path to the first.
        var wanted = targets.Count > 1 ? k * DistinctTargetLookahead : k;
        var raw = Yen(graph, targets, hops, wanted, settings.PathStrengthFloor, settings.MinEdgeStrength);
        var paths = new List<IntroPath>(raw.Count);
        foreach (var (nodes, _) in raw)
        {
            var hopList = new IntroHop[nodes.Length];
            var product = 1.0;
            for (var j = 0; j < nodes.Length; j++)
            {
                // Four decimals, as every caller shows and stores them: the sentence and the list then print the same number.
                var s = Math.Round(j == 0 ? graph.EgoStrength(nodes[0]) : graph.LinkStrength(nodes[j - 1], nodes[j]), StrengthDecimals);
                hopList[j] = new IntroHop(graph.ContactIdAt(nodes[j]), graph.NameAt(nodes[j]), s);
                product *= s;
            }
            if (product < settings.PathStrengthFloor) continue;
            var open = opening?.Invoke(hopList[0].ContactId) ?? new IntroOpener(IntroOpening.Ask);
            paths.Add(new IntroPath(0, hopList, Math.Round(product, StrengthDecimals), IntroDrafts.For(hopList, target, open), open.Opening, IntroDrafts.Note(hopList, open)));
        }
        var ranked = DistinctTargetsFirst(paths, k)
            .OrderByDescending(p => p.Strength)
            .ThenBy(p => p.Opening != IntroOpening.Ask)
            .Select((p, i) => p with { Rank = i + 1 })
            .ToArray();
        return new IntroPathResult(target, hops, ranked, Summary(graph, target, hops, ranked, settings));
    }

    /// <summary>Decimals kept for hop and path strengths.</summary>
    public const int StrengthDecimals = 4;

    private const int DistinctTargetLookahead = 3;

    /// <summary>The best path to each person first, strongest first, then the next best paths to fill <paramref name="k"/>.</summary>
    private static List<IntroPath> DistinctTargetsFirst(List<IntroPath> paths, int k)
    {
        var chosen = new List<IntroPath>(k);
        var seen = new HashSet<long>();
        foreach (var p in paths.OrderByDescending(p => p.Strength).ThenBy(p => p.Opening != IntroOpening.Ask))
        {
            if (chosen.Count < k && seen.Add(p.Target.ContactId)) chosen.Add(p);
        }
        foreach (var p in paths.OrderByDescending(p => p.Strength))
        {
            if (chosen.Count >= k) break;
            if (!chosen.Contains(p)) chosen.Add(p);
        }
        return chosen;
    }

    private static string Summary(IntroGraph graph, IntroTarget target, int hops, IntroPath[] ranked, InsightSettings settings)
    {
        if (ranked.Length == 0)
            return $"No warm path of at most {hops} hops reaches {target.Label} with a strength of {InsightText.Percent(settings.PathStrengthFloor)} or more.";
        var best = ranked[0];
        var strength = InsightText.Number(best.Strength, "0.00");
        if (best.Hops.Count > 1) return $"Your warmest path to {target.Label} goes through {best.Hops[0].Name} (strength {strength}).";
        return graph.IsKnownDirectly(graph.IndexOf(best.Target.ContactId))
            ? $"You know {best.Target.Name} directly (strength {strength})."
            : $"You can reach {best.Target.Name} directly (strength {strength}), though you have not been in touch yet.";
    }

    /// <summary>
    /// The raw search over dense indices, for callers that hold indices (benchmarks, batch jobs): up to
    /// <paramref name="k"/> paths, best first, each with its contact indices from the first hop to the target
    /// and its product of clamped strengths.
    /// </summary>
    public static IReadOnlyList<IntroIndexPath> TopPaths(IntroGraph graph, IReadOnlyList<int> targets, int maxHops, int k, double floor, double minEdge)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(targets);
        foreach (var t in targets)
        {
            if ((uint)t >= (uint)graph.NodeCount) throw new ArgumentOutOfRangeException(nameof(targets), $"target index {t} is outside 0..{graph.NodeCount - 1}");
        }
        return [.. Yen(graph, targets, maxHops, k, floor, minEdge).Select(p => new IntroIndexPath(p.Nodes, p.Score))];
    }

    private static List<(int[] Nodes, float Score)> Yen(IntroGraph graph, IReadOnlyList<int> targets, int maxHops, int k, double floor, double minEdge)
    {
        var accepted = new List<(int[] Nodes, float Score)>();
        if (maxHops < 1 || k < 1 || targets.Count == 0) return accepted;
        var ws = graph.RentWorkspace();
        try
        {
            var search = new Search(graph, ws, targets, maxHops, (float)floor, (float)minEdge);
            var first = search.Spur([], 1f, [], search.Floor);
            if (first is null || first.Value.Score < search.Floor) return accepted;
            accepted.Add(first.Value);

            var candidates = new List<(int[] Nodes, float Score)>();
            var bannedNext = new List<int>();
            while (accepted.Count < k)
            {
                var previous = accepted[^1].Nodes;
                for (var i = 0; i < previous.Length && i < maxHops; i++)
                {
                    var root = previous.AsSpan(0, i);
                    bannedNext.Clear();
                    foreach (var (nodes, _) in accepted)
                    {
                        if (nodes.Length > i && nodes.AsSpan(0, i).SequenceEqual(root)) bannedNext.Add(nodes[i]);
                    }
                    var rootScore = search.Score(root);
                    var minTotal = Threshold(candidates, k - accepted.Count, search.Floor);
                    var spur = search.Spur(root, rootScore, bannedNext, minTotal);
                    if (spur is not { } found || found.Score < search.Floor) continue;
                    if (Contains(accepted, found.Nodes) || Contains(candidates, found.Nodes)) continue;
                    candidates.Add(found);
                }
                if (candidates.Count == 0) break;
                var best = 0;
                for (var c = 1; c < candidates.Count; c++)
                {
                    if (Better(candidates[c], candidates[best])) best = c;
                }
                accepted.Add(candidates[best]);
                candidates.RemoveAt(best);
            }
            // Each path's score once more, multiplied from you outwards: a spur's score is its root's times its own, and
            // float products taken in another order can differ in the last bits, so that two paths of the same strength
            // (one link swapped for another as strong) came out unequal and, now and then, a later one a hair stronger.
            // The order stays Yen's wherever the scores tie.
            return [.. accepted.Select(p => (p.Nodes, search.Score(p.Nodes))).OrderByDescending(p => p.Item2)];
        }
        finally
        {
            graph.ReturnWorkspace(ws);
        }
    }

    /// <summary>
    /// The least score a new candidate needs to matter: once <paramref name="needed"/> candidates are waiting,
    /// anything below the weakest of the best <paramref name="needed"/> can never be chosen.
    /// </summary>
    private static float Threshold(List<(int[] Nodes, float Score)> candidates, int needed, float floor)
    {
        if (candidates.Count < needed) return floor;
        var scores = candidates.Select(c => c.Score).OrderDescending().ToArray();
        return Math.Max(floor, scores[needed - 1]);
    }

    private static bool Better((int[] Nodes, float Score) a, (int[] Nodes, float Score) b)
    {
        if (a.Score != b.Score) return a.Score > b.Score;
        if (a.Nodes.Length != b.Nodes.Length) return a.Nodes.Length < b.Nodes.Length;
        return a.Nodes.AsSpan().SequenceCompareTo(b.Nodes) < 0;
    }

    private static bool Contains(List<(int[] Nodes, float Score)> paths, int[] nodes)
    {
        foreach (var (p, _) in paths)
        {
            if (p.AsSpan().SequenceEqual(nodes)) return true;
        }
        return false;
    }

    /// <summary>One query's state: the graph's arrays, the targets stamped in the workspace, the limits.</summary>
    private sealed class Search
    {
        private readonly int[] _offsets;
        private readonly int[] _neighbours;
        private readonly float[] _strengths;
        private readonly float[] _ego;
        private readonly bool[] _untrusted;
        private readonly bool[] _known;
        private readonly PathWorkspace _ws;
        private readonly int _maxHops;
        private readonly float _minEdge;
        private readonly IntroGraph _graph;
        private readonly IReadOnlyList<int> _targets;

        // The best way found so far to leave the spur node: first contact, its next contact, and that contact's layer.
        private bool _fromEgo;
        private float _bestScore;

        // The strongest first step out of the spur node: a partial product times this bounds every path it can complete.
        private float _maxFirst;
        private int _bestFirst;
        private int _bestNext;
        private int _bestNextLayer;

        public Search(IntroGraph graph, PathWorkspace ws, IReadOnlyList<int> targets, int maxHops, float floor, float minEdge)
        {
            _graph = graph;
            _offsets = graph.Offsets;
            _neighbours = graph.Neighbours;
            _strengths = graph.Strengths;
            _ego = graph.EgoStrengths;
            _untrusted = graph.Untrusted;
            _known = graph.Known;
            _ws = ws;
            _targets = targets;
            _maxHops = maxHops;
            Floor = floor;
            _minEdge = minEdge;
            ws.EnsureLayers(Math.Max(1, maxHops - 1));
            ws.StartQuery();
            foreach (var t in targets) ws.TargetStamp[t] = ws.Query;
        }

        public float Floor { get; }

        /// <summary>The product of clamped strengths along a root (you → root[0] → ...).</summary>
        public float Score(ReadOnlySpan<int> root)
        {
            var score = 1f;
            for (var j = 0; j < root.Length; j++)
                score *= Math.Max(j == 0 ? _ego[root[0]] : _graph.LinkStrength(root[j - 1], root[j]), _minEdge);
            return score;
        }

        /// <summary>
        /// The best path that starts with <paramref name="root"/>, leaves its last node (you, when the root is
        /// empty) by a link not in <paramref name="bannedNext"/>, reaches a target without revisiting the root,
        /// and scores at least <paramref name="minTotal"/>; null when there is none.
        /// </summary>
        public (int[] Nodes, float Score)? Spur(ReadOnlySpan<int> root, float rootScore, List<int> bannedNext, float minTotal)
        {
            var budget = _maxHops - root.Length;
            if (budget < 1) return null;
            var ws = _ws;
            ws.StartRun();
            var run = ws.Run;
            foreach (var r in root) ws.BannedStamp[r] = run;

            _fromEgo = root.Length == 0;
            _maxFirst = _minEdge;
            if (_fromEgo)
            {
                foreach (var b in bannedNext) ws.SpurStamp[b] = run;
                _maxFirst = Math.Max(_graph.MaxEgoStrength, _minEdge);
            }
            else
            {
                var s = root[^1];
                for (var e = _offsets[s]; e < _offsets[s + 1]; e++)
                {
                    var v = _neighbours[e];
                    if (ws.BannedStamp[v] == run || bannedNext.Contains(v)) continue;
                    var strength = Math.Max(_strengths[e], _minEdge);
                    if (strength > _maxFirst) _maxFirst = strength;
                    if (ws.SpurStamp[v] != run || ws.SpurStrength[v] < strength)
                    {
                        ws.SpurStamp[v] = run;
                        ws.SpurStrength[v] = strength;
                    }
                }
            }
            _bestScore = minTotal / rootScore;
            _bestFirst = -1;
            _bestNext = -1;
            _bestNextLayer = -1;
            Expand(budget - 1);
            if (_bestFirst < 0) return null;

            var nodes = new int[root.Length + budget];
            root.CopyTo(nodes);
            var count = root.Length;
            nodes[count++] = _bestFirst;
            var v2 = _bestNext;
            var layer = _bestNextLayer;
            while (v2 >= 0)
            {
                if (count == nodes.Length || ws.BannedStamp[v2] == run) return null; // cannot happen: a guard against loops
                for (var j = root.Length; j < count; j++)
                {
                    if (nodes[j] == v2) return null;
                }
                nodes[count++] = v2;
                while (layer >= 0 && ws.LayerStamp[layer][v2] != run) layer--;
                if (layer < 0) return null;
                v2 = ws.Next[layer][v2];
                layer--;
            }
            return (nodes[..count], rootScore * _bestScore);
        }

        /// <summary>Best product from v to a target in at most <paramref name="layer"/> hops in this run (0 when none).</summary>
        private float Value(int layer, int v)
        {
            var run = _ws.Run;
            for (var r = layer; r >= 0; r--)
            {
                if (_ws.LayerStamp[r][v] == run) return _ws.Best[r][v];
            }
            return 0f;
        }

        /// <summary>
        /// The layered backward search: layer 0 is the targets, layer r extends layer r−1 by one link, up to
        /// <paramref name="maxLayer"/> links. Each contact reached is also tried as the first step from the spur
        /// node. Contacts are expanded strongest first, and a partial product that cannot beat the best complete
        /// path found so far is dropped, since every further link only lowers it.
        /// </summary>
        private void Expand(int maxLayer)
        {
            var ws = _ws;
            var run = ws.Run;
            var query = ws.Query;
            var frontier = ws.Frontier;
            var nextFrontier = ws.NextFrontier;
            frontier.Clear();
            var best0 = ws.Best[0];
            var next0 = ws.Next[0];
            var stamp0 = ws.LayerStamp[0];
            foreach (var t in _targets)
            {
                if (ws.BannedStamp[t] == run || stamp0[t] == run) continue;
                if (_known[t])
                {
                    // Someone you know is reached directly, never through an introduction.
                    if (_fromEgo) TryFirst(t, -1, -1, 1f);
                    continue;
                }
                best0[t] = 1f;
                next0[t] = -1;
                stamp0[t] = run;
                TryFirst(t, -1, -1, 1f);
                frontier.Add(t);
            }
            for (var r = 1; r <= maxLayer && frontier.Count > 0; r++)
            {
                var bestPrev = ws.Best[r - 1];
                var store = r < maxLayer;
                var best = store ? ws.Best[r] : null;
                var next = store ? ws.Next[r] : null;
                var stamp = store ? ws.LayerStamp[r] : null;
                if (r > 1) SortStrongestFirst(frontier, bestPrev); // layer 0 is all targets, all at 1
                nextFrontier.Clear();
                foreach (var u in frontier)
                {
                    var value = bestPrev[u];
                    if (value * _maxFirst < _bestScore) break;
                    for (var e = _offsets[u]; e < _offsets[u + 1]; e++)
                    {
                        var v = _neighbours[e];
                        if (_untrusted[v] || ws.TargetStamp[v] == query || ws.BannedStamp[v] == run) continue;
                        var candidate = value * Math.Max(_strengths[e], _minEdge);
                        if (candidate * _maxFirst < _bestScore) continue;
                        if (_known[v])
                        {
                            // Someone you know can open a path, but never carry one after its first hop.
                            if (_fromEgo) TryFirst(v, u, r - 1, candidate);
                            continue;
                        }
                        TryFirst(v, u, r - 1, candidate);
                        if (!store) continue;
                        if (stamp![v] == run)
                        {
                            if (candidate > best![v]) { best[v] = candidate; next![v] = u; }
                        }
                        else if (candidate > Value(r - 1, v))
                        {
                            best![v] = candidate;
                            next![v] = u;
                            stamp[v] = run;
                            nextFrontier.Add(v);
                        }
                    }
                }
                frontier.Clear();
                frontier.AddRange(nextFrontier);
            }
        }

        /// <summary>Tries v as the first contact after the spur node, continuing to <paramref name="next"/> with product <paramref name="partial"/>.</summary>
        private void TryFirst(int v, int next, int nextLayer, float partial)
        {
            var ws = _ws;
            float edge;
            if (_fromEgo) edge = ws.SpurStamp[v] == ws.Run ? 0f : _ego[v];
            else edge = ws.SpurStamp[v] == ws.Run ? ws.SpurStrength[v] : 0f;
            if (edge <= 0f) return;
            var score = Math.Max(edge, _minEdge) * partial;
            if (score > _bestScore || (_bestFirst < 0 && score >= _bestScore))
            {
                _bestScore = score;
                _bestFirst = v;
                _bestNext = next;
                _bestNextLayer = nextLayer;
            }
        }

        private void SortStrongestFirst(List<int> frontier, float[] values)
        {
            var count = frontier.Count;
            if (count < 2) return;
            if (_ws.SortKeys.Length < count) _ws.SortKeys = new float[Math.Max(count, _ws.SortKeys.Length * 2)];
            var keys = _ws.SortKeys;
            var items = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(frontier);
            for (var i = 0; i < count; i++) keys[i] = -values[items[i]];
            keys.AsSpan(0, count).Sort(items);
        }
    }
}
