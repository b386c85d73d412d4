namespace Rapport.Domain.Insights.Brokerage;

/// <summary>A contact as the brokerage view needs it: strength S and where they might know others from.</summary>
public sealed record BrokerageContact(
    long Id, string Name, double Strength,
    IReadOnlyList<long> CurrentOrganizationIds, IReadOnlyList<long> PastOrganizationIds, IReadOnlyList<long> EventIds);

/// <summary>A known "knows" link between two contacts; a null strength is a bare link.</summary>
public readonly record struct KnownLink(ContactPair Pair, double? Strength = null);

/// <summary>
/// What brokerage is computed from: your contacts, the links known between them, and the pairs known
/// not to know each other (every other pair is unknown and gets a probability). The links are read once, in order,
/// and only those among your top contacts count, so a large network can hand them over as they are read.
/// </summary>
public sealed record BrokerageInput(IReadOnlyList<BrokerageContact> Contacts, IEnumerable<KnownLink> KnownLinks, IReadOnlyList<ContactPair> KnownNonLinks);

/// <summary>A median with its 10th and 90th percentiles.</summary>
public readonly record struct Spread(double Median, double P10, double P90);

/// <summary>
/// A contact who is the only known link between circles of your contacts: without them, the people in
/// <see cref="CircleSizes"/> would have no known route to one another.
/// </summary>
public sealed record BridgeContact(long ContactId, string Name, int SeparatedPairs, IReadOnlyList<int> CircleSizes, string Reason);

/// <summary>
/// Structural holes of your network (SCIENCE.md E). The measures are null when fewer than the required share
/// of pairs is known (<see cref="Shown"/> is false); the bridges rest on known links alone and are always given.
/// </summary>
public sealed record StructuralHolesReport(
    int Contacts, int Pairs, int KnownLinks, int KnownNonLinks, double Coverage, bool Shown,
    double? EffectiveSizeKnownLinksOnly, double? ExpectedEffectiveSize, double? Efficiency, Spread? Constraint,
    double DefaultLinkChance, int Circles, IReadOnlyList<BridgeContact> Bridges, string Summary);

/// <summary>
/// Burt's constraint and Borgatti's binary effective size over your strongest contacts, with unknown pairs
/// filled in by probability, plus the contacts who bridge otherwise separate circles.
/// </summary>
/// <remarks>
/// Bridges are the cut vertices of the known-link graph among your contacts (Tarjan's algorithm), ranked by
/// how many pairs of contacts they alone connect. That is betweenness restricted to what cannot be routed
/// around, which makes the reason exact and easy to say ("the only known link between 12 and 8 people"),
/// where betweenness over a partly known graph would rank people by links nobody has recorded.
/// </remarks>
public static class StructuralHoles
{
    /// <summary>
    /// Burt's constraint C = Σ_j (p_j + Σ_{q≠j} p_q·p_qj)² of you over n contacts, from your tie weights and
    /// a symmetric n×n matrix of link weights between contacts (0 = no link). p_j is your share of tie weight
    /// in j; p_qj is q's share of its ties (to you and to your other contacts) in j.
    /// </summary>
    public static double Constraint(ReadOnlySpan<double> egoWeights, ReadOnlySpan<double> linkWeights)
    {
        var n = egoWeights.Length;
        if (linkWeights.Length != n * n) throw new ArgumentException("link weights must be an n×n matrix", nameof(linkWeights));
        if (n == 0) return 0;
        double egoTotal = 0;
        foreach (var a in egoWeights) egoTotal += a;
        if (egoTotal <= 0) return 0;
        var totals = new double[n];
        for (var q = 0; q < n; q++)
        {
            var t = egoWeights[q];
            for (var k = 0; k < n; k++) t += linkWeights[q * n + k];
            totals[q] = t;
        }
        double c = 0;
        for (var j = 0; j < n; j++)
        {
            var direct = egoWeights[j] / egoTotal;
            double indirect = 0;
            for (var q = 0; q < n; q++)
            {
                if (q == j) continue;
                var w = linkWeights[q * n + j];
                if (w > 0 && totals[q] > 0) indirect += egoWeights[q] / egoTotal * (w / totals[q]);
            }
            c += (direct + indirect) * (direct + indirect);
        }
        return c;
    }

    /// <summary>Binary effective size n − 2t/n of n contacts with t links among them (Borgatti 1997).</summary>
    public static double EffectiveSize(int contacts, double links) => contacts <= 0 ? 0 : contacts - 2 * links / contacts;

    /// <summary>The brokerage measures of your top contacts by strength, with coverage and bridges.</summary>
    public static StructuralHolesReport Analyze(BrokerageInput input, InsightSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        settings ??= InsightSettings.Default;
        var top = input.Contacts
            .Where(c => c.Strength > 0)
            .DistinctBy(c => c.Id)
            .OrderByDescending(c => c.Strength)
            .ThenBy(c => c.Id)
            .Take(settings.BrokerageNetworkSize)
            .ToArray();
        var n = top.Length;
        var index = new Dictionary<long, int>(n);
        for (var i = 0; i < n; i++) index[top[i].Id] = i;

        var known = new double[n * n];
        var isKnown = new bool[n * n];
        var links = 0;
        foreach (var link in input.KnownLinks)
        {
            if (!index.TryGetValue(link.Pair.A, out var i) || !index.TryGetValue(link.Pair.B, out var j) || isKnown[i * n + j]) continue;
            var w = link.Strength is { } s && s > 0 ? Math.Min(s, 1) : settings.BareLinkStrength;
            known[i * n + j] = known[j * n + i] = w;
            isKnown[i * n + j] = isKnown[j * n + i] = true;
            links++;
        }
        var nonLinks = 0;
        foreach (var pair in input.KnownNonLinks)
        {
            if (!index.TryGetValue(pair.A, out var i) || !index.TryGetValue(pair.B, out var j) || isKnown[i * n + j]) continue;
            isKnown[i * n + j] = isKnown[j * n + i] = true;
            nonLinks++;
        }
        var pairs = n * (n - 1) / 2;
        var coverage = pairs == 0 ? 0 : (double)(links + nonLinks) / pairs;
        var density = nonLinks > 0 && links + nonLinks >= settings.MinKnownPairsForDensity
            ? (double)links / (links + nonLinks)
            : settings.LinkChanceDefault;

        var bridges = Bridges(top, known, n, settings, out var circles);
        var shown = n >= 2 && coverage >= settings.MinPairCoverage;
        if (!shown)
        {
            var why = n < 2
                ? "Brokerage needs at least two contacts with some strength."
                : $"Only {InsightText.Percent(coverage)} of the pairs among your top {n} contacts are known (linked or known not to be); " +
                  $"brokerage is shown from {InsightText.Percent(settings.MinPairCoverage)}. Record who knows whom to see it.";
            return new StructuralHolesReport(n, pairs, links, nonLinks, coverage, false, null, null, null, null, density, circles, bridges, why);
        }

        var unknown = new List<(int I, int J, double Chance)>();
        var sets = top.Select(c => (Current: c.CurrentOrganizationIds.ToHashSet(), Any: c.CurrentOrganizationIds.Concat(c.PastOrganizationIds).ToHashSet(), Events: c.EventIds.ToHashSet())).ToArray();
        double chanceSum = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                if (isKnown[i * n + j]) continue;
                var chance = sets[i].Current.Overlaps(sets[j].Current) ? settings.LinkChanceSameCurrentOrganization
                    : sets[i].Any.Overlaps(sets[j].Any) || sets[i].Events.Overlaps(sets[j].Events) ? settings.LinkChanceSharedPastOrEvent
                    : density;
                unknown.Add((i, j, chance));
                chanceSum += chance;
            }
        }

        var egoWeights = top.Select(c => Math.Min(c.Strength, 1)).ToArray();
        var draws = Math.Max(1, settings.ConstraintDraws);
        var values = new double[draws];
        var rng = new Random(settings.ConstraintSeed);
        var matrix = new double[n * n];
        for (var d = 0; d < draws; d++)
        {
            Array.Copy(known, matrix, known.Length);
            foreach (var (i, j, chance) in unknown)
            {
                if (rng.NextDouble() < chance) matrix[i * n + j] = matrix[j * n + i] = settings.BareLinkStrength;
            }
            values[d] = Constraint(egoWeights, matrix);
        }
        Array.Sort(values);
        var constraint = new Spread(Percentile(values, 0.5), Percentile(values, 0.1), Percentile(values, 0.9));
        var expected = EffectiveSize(n, links + chanceSum);
        var efficiency = expected / n;
        var summary =
            $"Your top {n} contacts reach about {InsightText.Number(expected, "0.#")} distinct circles' worth of people (effective size; efficiency {InsightText.Percent(efficiency)}). " +
            $"Constraint is {InsightText.Number(constraint.Median, "0.000")} (10–90%: {InsightText.Number(constraint.P10, "0.000")}–{InsightText.Number(constraint.P90, "0.000")}); lower means more of your " +
            $"contacts do not know each other, so you carry news between groups. Based on {InsightText.Percent(coverage)} of pairs known.";
        return new StructuralHolesReport(n, pairs, links, nonLinks, coverage, true, EffectiveSize(n, links), expected, efficiency, constraint, density, circles, bridges, summary);
    }

    /// <summary>Linear-interpolated percentile of sorted values (q in [0, 1]).</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double q)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0) return double.NaN;
        var position = q * (sorted.Count - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Count - 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }

    private static List<BridgeContact> Bridges(BrokerageContact[] top, double[] known, int n, InsightSettings settings, out int circles)
    {
        var adjacency = new List<int>[n];
        for (var i = 0; i < n; i++)
        {
            adjacency[i] = [];
            for (var j = 0; j < n; j++)
            {
                if (i != j && known[i * n + j] > 0) adjacency[i].Add(j);
            }
        }
        var disc = new int[n];
        var low = new int[n];
        var size = new int[n];
        Array.Fill(disc, -1);
        var parts = new Dictionary<int, List<int>>();
        var time = 0;
        circles = 0;

        for (var root = 0; root < n; root++)
        {
            if (disc[root] >= 0) continue;
            var start = time;
            var separated = new Dictionary<int, List<int>>();
            Visit(root, -1);
            var componentSize = time - start;
            if (componentSize >= 2) circles++;
            foreach (var (v, split) in separated)
            {
                var rest = componentSize - 1 - split.Sum();
                var all = rest > 0 ? split.Append(rest).ToList() : split;
                if (all.Count >= 2) parts[v] = all;
            }

            void Visit(int v, int parent)
            {
                disc[v] = low[v] = time++;
                size[v] = 1;
                foreach (var u in adjacency[v])
                {
                    if (disc[u] < 0)
                    {
                        Visit(u, v);
                        size[v] += size[u];
                        low[v] = Math.Min(low[v], low[u]);
                        if (low[u] >= disc[v])
                        {
                            if (!separated.TryGetValue(v, out var list)) separated[v] = list = [];
                            list.Add(size[u]);
                        }
                    }
                    else if (u != parent)
                    {
                        low[v] = Math.Min(low[v], disc[u]);
                    }
                }
            }
        }

        return parts
            .Select(p =>
            {
                var sizes = p.Value.OrderByDescending(s => s).ToArray();
                long sum = sizes.Sum(), squares = sizes.Sum(s => (long)s * s);
                var separatedPairs = (int)((sum * sum - squares) / 2);
                var contact = top[p.Key];
                var reason = sizes.Length == 2
                    ? $"{contact.Name} is the only known link between a circle of {People(sizes[0])} and a circle of {People(sizes[1])} among your contacts."
                    : $"{contact.Name} is the only known link between {sizes.Length} circles of your contacts ({string.Join(", ", sizes[..^1])} and {sizes[^1]} people).";
                return new BridgeContact(contact.Id, contact.Name, separatedPairs, sizes, reason);
            })
            .OrderByDescending(b => b.SeparatedPairs)
            .ThenBy(b => b.ContactId)
            .Take(settings.TopBridges)
            .ToList();
    }

    private static string People(int count) => count == 1 ? "1 person" : $"{count} people";
}
