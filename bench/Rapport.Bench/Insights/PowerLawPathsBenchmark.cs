using BenchmarkDotNet.Attributes;
using Rapport.Domain.Insights;
using Rapport.Domain.Insights.Paths;

namespace Rapport.Bench.Insights;

/// <summary>
/// The top 3 introduction paths of at most 3 hops over 1,000,000 contacts and 10,000,000 links on a power-law graph
/// with hubs (DESIGN.md §5: ≤ 200 ms), the harder companion of <see cref="IntroPathsBenchmark"/>'s uniform graph.
/// Links follow the Chung–Lu model: each end is drawn with probability proportional to w_i = (i + 1)^(−2/3), a degree
/// exponent of 2.5, so the biggest hub has about 60,000 links while the median contact has a handful. Your own ties and
/// trust are drawn as in the uniform benchmark. Targets: "typical" is a contact of median degree, "hub-friend" a
/// contact linked to the biggest hub, and "hub" the biggest hub itself (the worst case: the backward search starts
/// from 60,000 neighbours).
/// </summary>
[RapportJob]
[MemoryDiagnoser]
public class PowerLawPathsBenchmark
{
    private static IntroGraph? s_graph;
    private IntroTarget? _target;
    private readonly InsightSettings _settings = InsightSettings.Default;

    [Params("typical", "hub-friend", "hub")]
    public string Target { get; set; } = "typical";

    [GlobalSetup]
    public void Setup()
    {
        const int n = 1_000_000;
        const int links = 10_000_000;
        var graph = s_graph ??= Build(n, links);
        var degrees = Enumerable.Range(0, n).Select(graph.Degree).ToArray();
        var hub = Array.IndexOf(degrees, degrees.Max());
        var sorted = degrees.Order().ToArray();
        var median = sorted[n / 2];
        var index = Target switch
        {
            "hub" => hub,
            "hub-friend" => Enumerable.Range(0, n).First(i => i != hub && degrees[i] == median && graph.LinkStrength(i, hub) > 0),
            _ => Enumerable.Range(n / 2, n / 2).First(i => degrees[i] == median),
        };
        _target = IntroTarget.Person(graph.ContactIdAt(index), "Tara Target");
        var check = IntroPathFinder.Find(graph, _target, _settings);
        Console.WriteLine($"// power-law setup: {graph.NodeCount} contacts, {graph.LinkCount} links, biggest hub {degrees[hub]} links, median degree {median}; " +
            $"target {Target} has {degrees[index]} links; {check.Paths.Count} paths, best {(check.Paths.Count > 0 ? check.Paths[0].Strength : 0):0.000} over {(check.Paths.Count > 0 ? check.Paths[0].Hops.Count : 0)} hops");
    }

    private IntroGraph Build(int n, int links)
    {
        var rng = new Random(2026);
        var ids = new long[n];
        var ego = new float[n];
        var trust = new byte[n];
        var cumulative = new double[n];
        var total = 0.0;
        for (var i = 0; i < n; i++)
        {
            ids[i] = i + 1L;
            var r = rng.NextDouble();
            ego[i] = r < 0.03 ? (float)(0.3 + 0.65 * rng.NextDouble()) : r < 0.25 ? (float)(0.05 + 0.25 * rng.NextDouble()) : (float)(0.01 + 0.04 * rng.NextDouble());
            trust[i] = rng.Next(100) < 3 ? (byte)0 : (byte)2;
            total += Math.Pow(i + 1, -2.0 / 3.0);
            cumulative[i] = total;
        }
        // Shuffle which id gets which weight, so hubs are not the lowest ids.
        var perm = Enumerable.Range(0, n).ToArray();
        rng.Shuffle(perm);
        int Draw()
        {
            var x = rng.NextDouble() * total;
            var k = Array.BinarySearch(cumulative, x);
            return perm[k < 0 ? Math.Min(~k, n - 1) : k];
        }
        var linkA = new int[links];
        var linkB = new int[links];
        var strengths = new float[links];
        for (var k = 0; k < links; k++)
        {
            linkA[k] = Draw();
            linkB[k] = Draw();
            strengths[k] = rng.Next(10) < 3 ? 0f : (float)(0.05 + 0.95 * rng.NextDouble());
        }
        return IntroGraph.FromArrays(ids, ego, linkA, linkB, strengths, trust, names: null, _settings, KnownDirectly(ego));
    }

    [Benchmark(Description = "top-3 paths <=3 hops, 1M contacts / 10M links, power law")]
    public IntroPathResult TopPaths() => IntroPathFinder.Find(s_graph!, _target!, _settings);

    [GlobalCleanup]
    public void Cleanup() => _target = null;

    /// <summary>
    /// The strong and middling ties are people you have been in touch with (known directly: only ever a first hop);
    /// the faint ones are connections you have never written to, who can carry an introduction.
    /// </summary>
    private static bool[] KnownDirectly(float[] ego) => Array.ConvertAll(ego, e => e >= 0.05f);
}
