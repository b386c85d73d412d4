using BenchmarkDotNet.Attributes;
using Rapport.Bench.Scenarios;
using Rapport.Domain.Insights;
using Rapport.Domain.Insights.Paths;

namespace Rapport.Bench.Insights;

/// <summary>
/// The top 3 introduction paths of at most 3 hops to one person, over 1,000,000 contacts and 10,000,000 links
/// (DESIGN.md §5: ≤ 200 ms). The graph is random with a fixed seed: links join uniformly chosen contacts (about
/// 20 per contact), 30 % of them bare, your own tie is strong to 3 % of contacts, middling to 22 % and faint to
/// the rest, and 3 % are untrusted. Built once with <see cref="IntroGraph.FromArrays"/>; the timed call is
/// <see cref="IntroPathFinder.Find"/> with the default settings (3 hops, top 3), drafts included.
/// </summary>
[RapportJob]
[MemoryDiagnoser]
public class IntroPathsBenchmark
{
    private IntroGraph? _graph;
    private IntroTarget? _target;
    private readonly InsightSettings _settings = InsightSettings.Default;

    [Params(1_000_000)]
    public int ContactCount { get; set; }

    [Params(10_000_000)]
    public int LinkCount { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(2026);
        var n = ContactCount;
        var ids = new long[n];
        var ego = new float[n];
        var trust = new byte[n];
        for (var i = 0; i < n; i++)
        {
            ids[i] = i + 1L;
            var r = rng.NextDouble();
            ego[i] = r < 0.03 ? (float)(0.3 + 0.65 * rng.NextDouble()) : r < 0.25 ? (float)(0.05 + 0.25 * rng.NextDouble()) : (float)(0.01 + 0.04 * rng.NextDouble());
            trust[i] = rng.Next(100) < 3 ? (byte)0 : (byte)2;
        }
        var linkA = new int[LinkCount];
        var linkB = new int[LinkCount];
        var strengths = new float[LinkCount];
        for (var k = 0; k < LinkCount; k++)
        {
            linkA[k] = rng.Next(n);
            linkB[k] = rng.Next(n);
            strengths[k] = rng.Next(10) < 3 ? 0f : (float)(0.05 + 0.95 * rng.NextDouble());
        }
        _graph = IntroGraph.FromArrays(ids, ego, linkA, linkB, strengths, trust, names: null, _settings, KnownDirectly(ego));
        var targetId = ids[n / 2 + 1234];
        _target = IntroTarget.Person(targetId, "Tara Target");

        var check = IntroPathFinder.Find(_graph, _target, _settings);
        Console.WriteLine($"// paths setup: {_graph.NodeCount} contacts, {_graph.LinkCount} links; {check.Paths.Count} paths to #{targetId}, best {(check.Paths.Count > 0 ? check.Paths[0].Strength : 0):0.000} over {(check.Paths.Count > 0 ? check.Paths[0].Hops.Count : 0)} hops");
    }

    [Benchmark(Description = "top-3 paths <=3 hops, 1M contacts / 10M links")]
    public IntroPathResult TopPaths() => IntroPathFinder.Find(_graph!, _target!, _settings);

    [GlobalCleanup]
    public void Cleanup()
    {
        _graph = null;
        _target = null;
        GC.Collect();
    }

    /// <summary>
    /// The strong and middling ties are people you have been in touch with (known directly: only ever a first hop);
    /// the faint ones are connections you have never written to, who can carry an introduction.
    /// </summary>
    private static bool[] KnownDirectly(float[] ego) => Array.ConvertAll(ego, e => e >= 0.05f);
}
