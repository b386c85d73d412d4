using FsCheck;
using FsCheck.Fluent;
using Rapport.Domain.Insights;
using Rapport.Domain.Insights.Paths;

namespace Rapport.Domain.Tests.Insights.Paths;

public class IntroPathFinderTest
{
    // A hand-drawn network around target T (id 100). Ego ties: A .9, B .8, C .5, D .4 (untrusted), E .7, H .1.
    // Links: A–T .5, B–T bare (.3), A–B .9, C–T .8, D–T 1.0, E–F .9, F–G .9, G–T .9, H–T .4.
    // A, B and D are ties on paper you have not been in touch with (not known directly), so paths may pass through them.
    private const long A = 1, B = 2, C = 3, D = 4, E = 5, F = 6, G = 7, H = 8, T = 100;

    private static readonly IntroContact[] Contacts =
    [
        new(A, "Ana Silva", 0.9, KnownDirectly: false), new(B, "Ben Okafor", 0.8, KnownDirectly: false), new(C, "Chloé Martin", 0.5, Company: "Acme"),
        new(D, "Dan Untrusted", 0.4, Trust: 0, KnownDirectly: false), new(E, "Eva Long", 0.7), new(F, "Femi", 0), new(G, "Gus", 0),
        new(H, "Hana Weak", 0.1), new(T, "Tess Target", 0, Company: "Acme", Title: "Head of Product Design"),
    ];

    private static readonly IntroLink[] Links =
    [
        new(A, T, 0.5), new(B, T), new(A, B, 0.9), new(C, T, 0.8), new(D, T, 1.0),
        new(E, F, 0.9), new(F, G, 0.9), new(G, T, 0.9), new(H, T, 0.4),
    ];

    private static readonly IntroGraph Graph = IntroGraph.Build(Contacts, Links);

    private static long[][] Routes(IntroPathResult result) => result.Paths.Select(p => p.Hops.Select(h => h.ContactId).ToArray()).ToArray();

    [Fact]
    public void TopThree_AreTheThreeStrongestLoopFreePaths_WithinThreeHops()
    {
        var result = IntroPathFinder.Find(Graph, IntroTarget.Person(T, "Tess Target"));

        Assert.Equal([[A, T], [C, T], [B, A, T]], Routes(result));
        Assert.Equal([0.45, 0.40, 0.36], result.Paths.Select(p => Math.Round(p.Strength, 6)));
        Assert.Equal([1, 2, 3], result.Paths.Select(p => p.Rank));
    }

    [Fact]
    public void PathStrength_IsTheProductOfHopStrengths()
    {
        var third = IntroPathFinder.Find(Graph, IntroTarget.Person(T, "Tess Target")).Paths[2];

        Assert.Equal([0.8, 0.9, 0.5], third.Hops.Select(h => Math.Round(h.Strength, 6)));
        Assert.Equal(0.36, third.Strength, 6);
        Assert.Equal(["Ben Okafor", "Ana Silva", "Tess Target"], third.Hops.Select(h => h.Name));
    }

    [Fact]
    public void PathsBelowTheFloor_AreHidden_AndUntrustedContactsAreNeverPassedThrough()
    {
        var result = IntroPathFinder.Find(Graph, IntroTarget.Person(T, "Tess Target"), top: 10);

        // H→T would be 0.1 × 0.4 = 0.04 < 0.05; D→T would be 0.4 but D is untrusted; E→F→G→T needs 4 hops.
        Assert.Equal([[A, T], [C, T], [B, A, T], [A, B, T], [B, T]], Routes(result));
        Assert.Equal([0.45, 0.40, 0.36, 0.243, 0.24], result.Paths.Select(p => Math.Round(p.Strength, 6)));
    }

    [Fact]
    public void LoweringTheFloor_RevealsTheWeakPath()
    {
        var settings = InsightSettings.Default with { PathStrengthFloor = 0.03 };

        var result = IntroPathFinder.Find(Graph, IntroTarget.Person(T, "Tess Target"), settings, top: 10);

        Assert.Contains([H, T], Routes(result));
        Assert.DoesNotContain(Routes(result), r => r.Contains(D));
    }

    [Fact]
    public void AllowingFourHops_FindsTheLongerButWarmerChain()
    {
        var result = IntroPathFinder.Find(Graph, IntroTarget.Person(T, "Tess Target"), maxHops: 4, top: 1);

        Assert.Equal([[E, F, G, T]], Routes(result));
        Assert.Equal(0.7 * 0.9 * 0.9 * 0.9, result.Paths[0].Strength, 6);
    }

    [Fact]
    public void OneHop_OnlyReturnsDirectTies()
    {
        var result = IntroPathFinder.Find(Graph, IntroTarget.Person(T, "Tess Target"), maxHops: 1);

        Assert.Empty(result.Paths);
        Assert.Contains("No warm path of at most 1 hops", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUntrustedTarget_CanBeReached_ButNotPassedThrough()
    {
        var result = IntroPathFinder.Find(Graph, IntroTarget.Person(D, "Dan Untrusted"), top: 10);

        Assert.Contains([A, T, D], Routes(result));
        Assert.Contains([D], Routes(result));
    }

    [Fact]
    public void ACompanyTarget_EndsAtTheFirstPersonThere_AndNeverPassesThroughAnother()
    {
        var target = IntroTarget.Company("acme ", Contacts);

        var result = IntroPathFinder.Find(Graph, target, top: 10);

        Assert.Equal([C, T], target.ContactIds);
        Assert.Equal([C], Routes(result)[0]);
        Assert.All(Routes(result), r => Assert.Equal(1, r.Count(id => id is C or T)));
        Assert.All(Routes(result), r => Assert.Contains(r[^1], new[] { C, T }));
    }

    [Fact]
    public void ARoleTarget_MatchesEveryWordOfTheTitle()
    {
        Assert.Equal([T], IntroTarget.Role("design head", Contacts).ContactIds);
        Assert.Equal([T], IntroTarget.Role("prod des", Contacts).ContactIds); // the start of each word
        Assert.Empty(IntroTarget.Role("engineer", Contacts).ContactIds);
        Assert.Empty(IntroTarget.Role("sign", Contacts).ContactIds); // inside "Design" only: a name-like fragment is no role
    }

    [Fact]
    public void TheAsk_IsAddressedToTheFirstHop_AndNamesTheTarget()
    {
        var result = IntroPathFinder.Find(Graph, IntroTarget.Person(T, "Tess Target"));

        var ask = result.Paths[0].Ask;
        Assert.Equal(A, ask.ToContactId);
        Assert.StartsWith("Hi Ana,", ask.Body, StringComparison.Ordinal);
        Assert.Contains("Tess Target", ask.Body, StringComparison.Ordinal);
        var viaTwo = result.Paths[2].Ask;
        Assert.Equal(B, viaTwo.ToContactId);
        Assert.Contains("introducing me to Ana", viaTwo.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void ATargetOutsideTheNetwork_SaysSo()
    {
        var result = IntroPathFinder.Find(Graph, IntroTarget.Person(999, "Nobody"));

        Assert.Empty(result.Paths);
        Assert.Contains("Nobody in your network matches", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void ABareLink_UsesTheBareLinkStrength()
    {
        var graph = IntroGraph.Build(Contacts, Links, InsightSettings.Default with { BareLinkStrength = 0.5 });

        var b = graph.IndexOf(B);
        var t = graph.IndexOf(T);
        Assert.Equal(0.5f, graph.LinkStrength(b, t));
    }

    [Fact]
    public void FromArrays_BuildsTheSameAdjacency_AsBuild()
    {
        var graph = IntroGraph.FromArrays([10, 20, 30], [0.5f, 0f, 0.9f], [0, 1, 2], [1, 2, 2], [0f, 0.7f, 0.4f]);

        Assert.Equal(2, graph.LinkCount); // the self-link is dropped
        Assert.Equal(0.3f, graph.LinkStrength(0, 1));
        Assert.Equal(0.7f, graph.LinkStrength(2, 1));
        Assert.Equal(0f, graph.LinkStrength(0, 2));
        Assert.Equal(1, graph.IndexOf(20));
        Assert.Equal(-1, graph.IndexOf(25));
    }

    [Fact]
    public void Paths_MatchBruteForce_OnRandomSmallNetworks()
    {
        Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            var (graph, targets, maxHops) = RandomNetwork(seed);
            var k = 1 + (seed % 5);
            var found = IntroPathFinder.TopPaths(graph, targets, maxHops, k, 0.05, 0.01);
            var expected = BruteForce(graph, targets, maxHops).Where(s => s >= 0.05f).Take(k).ToArray();

            Assert.Equal(expected.Length, found.Count);
            for (var i = 0; i < found.Count; i++) Assert.Equal(expected[i], found[i].Score, 4);
            var targetSet = targets.ToHashSet();
            foreach (var (nodes, score) in found.Select(p => (p.Nodes, p.Score)))
            {
                Assert.InRange(nodes.Length, 1, maxHops);
                Assert.Equal(nodes.Length, nodes.Distinct().Count());
                Assert.Contains(nodes[^1], targetSet);
                Assert.All(nodes[..^1], n => Assert.True(graph.IsTrusted(n) && !targetSet.Contains(n)));
                Assert.All(nodes[1..], n => Assert.False(graph.IsKnownDirectly(n)));
                Assert.True(score >= 0.05f);
            }
            for (var i = 1; i < found.Count; i++) Assert.True(found[i].Score <= found[i - 1].Score);
            Assert.Equal(found.Count, found.Select(p => string.Join(",", p.Nodes)).Distinct().Count());
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void PathsOfTheSameStrength_ScoreTheSame_AndComeInOrder()
    {
        // A seed the random property found: 6 → 3 → 1 and 6 → 3 → 7 are as strong as each other (3 → 1 and 3 → 7 are),
        // but their scores differed in the last bits, the weaker-looking one ranked first.
        const int seed = 541107359;
        var (graph, targets, maxHops) = RandomNetwork(seed);
        var found = IntroPathFinder.TopPaths(graph, targets, maxHops, 5, 0.05, 0.01);

        Assert.Equal([[3, 1], [3, 7], [3, 0], [6, 3, 1], [6, 3, 7]], found.Select(p => p.Nodes.ToArray()).ToArray());
        Assert.Equal(found[0].Score, found[1].Score);
        Assert.Equal(found[3].Score, found[4].Score);
        for (var i = 1; i < found.Count; i++) Assert.True(found[i].Score <= found[i - 1].Score);
    }

    [Fact]
    public void RankedPaths_HaveNonIncreasingStrength_AndRespectTheHopLimit()
    {
        Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            var (graph, targets, maxHops) = RandomNetwork(seed);
            var target = new IntroTarget(IntroTargetKind.Company, "X", targets.Select(graph.ContactIdAt).ToArray());
            var result = IntroPathFinder.Find(graph, target, maxHops: maxHops, top: 4);
            for (var i = 1; i < result.Paths.Count; i++) Assert.True(result.Paths[i].Strength <= result.Paths[i - 1].Strength);
            Assert.All(result.Paths, p =>
            {
                Assert.InRange(p.Hops.Count, 1, maxHops);
                Assert.True(p.Strength >= 0.05);
                Assert.Equal(Math.Round(p.Hops.Aggregate(1.0, (x, h) => x * h.Strength), 4), p.Strength, 9);
            });
        }).QuickCheckThrowOnFailure();
    }

    // You know K (.4) and M (.9) directly; M knows K (.9) and P (.9); K knows P (.9). P and Q you have never been in touch with.
    private const long K = 11, M = 12, P = 13, Q = 14;

    private static IntroGraph KnownNetwork() => IntroGraph.Build(
        [
            new(K, "Kim Known", 0.4, KnownDirectly: true), new(M, "Max Mutual", 0.9, KnownDirectly: true),
            new(P, "Pat Prospect", 0, Title: "Product Designer", KnownDirectly: false),
            new(Q, "Quinn Prospect", 0, Title: "Product Designer", KnownDirectly: false),
        ],
        [new(M, K, 0.9), new(M, P, 0.9), new(K, P, 0.9), new(M, Q, 0.5)]);

    [Fact]
    public void APersonYouKnowDirectly_IsReachedByYourOwnTie_WithNoIntroductionPathsToThem()
    {
        var result = IntroPathFinder.Find(KnownNetwork(), IntroTarget.Person(K, "Kim Known"), top: 10);

        // M → K would be stronger (0.81 > 0.4), but you would simply write to Kim.
        Assert.Equal([[K]], Routes(result));
        Assert.Equal("You know Kim Known directly (strength 0.40).", result.Summary);
    }

    [Fact]
    public void NoPath_PassesThroughSomeoneYouKnowDirectly_AfterItsFirstHop()
    {
        var result = IntroPathFinder.Find(KnownNetwork(), IntroTarget.Person(P, "Pat Prospect"), top: 10);

        // M → K → P (0.73) is stronger than K → P (0.36), but you know Kim yourself.
        Assert.Equal([[M, P], [K, P]], Routes(result));
    }

    [Fact]
    public void ARoleTarget_ShowsPeopleYouKnowAsDirect_AndFavoursDistinctPeople()
    {
        var graph = KnownNetwork();
        var contacts = new IntroContact[] { new(K, "Kim Known", 0.4, Title: "Product Designer"), new(P, "Pat Prospect", 0, Title: "Product Designer"), new(Q, "Quinn Prospect", 0, Title: "Product Designer") };

        var result = IntroPathFinder.Find(graph, IntroTarget.Role("product designer", contacts), top: 3);

        // Two paths to Pat (M → P .81, K → P .36) are stronger than the one to Quinn (M → Q .45), yet each person comes first.
        Assert.Equal([[M, P], [M, Q], [K]], Routes(result));
        Assert.DoesNotContain(Routes(result), r => r.Length > 1 && r[^1] == K);
    }

    [Fact]
    public void AFirstHopPastTheLapse_GetsAReconnectDraft_WithNoAsk_AndANote()
    {
        var result = IntroPathFinder.Find(KnownNetwork(), IntroTarget.Person(P, "Pat Prospect"),
            opening: id => new IntroOpener(id == M ? IntroOpening.ReconnectFirst : IntroOpening.Ask));

        var viaMax = result.Paths[0];
        Assert.Equal([M, P], viaMax.Hops.Select(h => h.ContactId));
        Assert.Equal(IntroOpening.ReconnectFirst, viaMax.Opening);
        Assert.Equal("Catching up", viaMax.Ask.Subject);
        Assert.Contains("It has been a while", viaMax.Ask.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("introduc", viaMax.Ask.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Reconnect first", viaMax.Note, StringComparison.Ordinal);
        Assert.Contains("Pat Prospect", viaMax.Note, StringComparison.Ordinal);
        var viaKim = result.Paths[1];
        Assert.Equal(IntroOpening.Ask, viaKim.Opening);
        Assert.Null(viaKim.Note);
        Assert.Equal("Introduction to Pat Prospect?", viaKim.Ask.Subject);
    }

    [Fact]
    public void AmongEquallyStrongPaths_OneThatMayAskNow_RanksFirst()
    {
        var graph = IntroGraph.Build(
            [new(1, "Ada", 0.6), new(2, "Bo", 0.6), new(3, "Cy", 0, KnownDirectly: false)],
            [new(1, 3, 0.5), new(2, 3, 0.5)]);

        var result = IntroPathFinder.Find(graph, IntroTarget.Person(3, "Cy"), opening: id => new IntroOpener(id == 1 ? IntroOpening.ReconnectFirst : IntroOpening.Ask));

        Assert.Equal([[2, 3], [1, 3]], Routes(result));
    }

    [Fact]
    public void ADirectTieWithNoContactYet_GetsAFirstContactDraft_NotACatchUp()
    {
        var graph = IntroGraph.Build([new(1, "Dana Ruiz", 0.2, KnownDirectly: false)], []);

        var result = IntroPathFinder.Find(graph, IntroTarget.Person(1, "Dana Ruiz"), opening: _ => new IntroOpener(IntroOpening.FirstContact));

        var only = Assert.Single(result.Paths);
        Assert.Equal(IntroOpening.FirstContact, only.Opening);
        Assert.DoesNotContain("It has been a while", only.Ask.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("catch up", only.Ask.Body, StringComparison.Ordinal);
        Assert.Contains("We have not been in touch before", only.Ask.Body, StringComparison.Ordinal);
        Assert.Contains("not been in touch yet", result.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.39499998)] // as a float, just under 0.395: 0.39 at two decimals, but 0.395 once rounded to four
    [InlineData(0.40500001)]
    [InlineData(0.615)]
    public void TheSummary_AndThePath_ShowTheSameStrength(double strength)
    {
        var graph = IntroGraph.Build([new(1, "Valentina Novak", strength)], []);

        var result = IntroPathFinder.Find(graph, IntroTarget.Person(1, "Valentina Novak"));

        var path = Assert.Single(result.Paths);
        Assert.Equal(Math.Round(path.Strength, 4), path.Strength);
        Assert.Equal(Math.Round(path.Hops[0].Strength, 4), path.Hops[0].Strength);
        // What the command line and the pages print for the path, from the rounded value they receive.
        Assert.Contains($"(strength {InsightText.Number(Math.Round(path.Strength, 4), "0.00")})", result.Summary, StringComparison.Ordinal);
    }

    private static (IntroGraph Graph, int[] Targets, int MaxHops) RandomNetwork(int seed)
    {
        var rng = new Random(seed);
        var n = rng.Next(2, 10);
        var ids = Enumerable.Range(1, n).Select(i => (long)i).ToArray();
        var ego = Enumerable.Range(0, n).Select(_ => rng.NextDouble() < 0.3 ? 0f : (float)rng.NextDouble()).ToArray();
        var trust = Enumerable.Range(0, n).Select(_ => (byte)(rng.NextDouble() < 0.2 ? 0 : 2)).ToArray();
        var known = ego.Select(e => e > 0 && rng.NextDouble() < 0.5).ToArray();
        var a = new List<int>();
        var b = new List<int>();
        var s = new List<float>();
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                if (rng.NextDouble() >= 0.45) continue;
                a.Add(i);
                b.Add(j);
                s.Add(rng.NextDouble() < 0.3 ? 0f : (float)Math.Round(rng.NextDouble(), 2));
            }
        }
        var graph = IntroGraph.FromArrays(ids, ego, [.. a], [.. b], [.. s], trust, knownDirectly: known);
        var targets = Enumerable.Range(0, n).Where(_ => rng.NextDouble() < 0.25).DefaultIfEmpty(n - 1).ToArray();
        return (graph, targets, rng.Next(1, 5));
    }

    /// <summary>Every loop-free path from you to a target within the hop limit, scores best first.</summary>
    private static List<float> BruteForce(IntroGraph graph, int[] targets, int maxHops)
    {
        var scores = new List<float>();
        var targetSet = targets.ToHashSet();
        var path = new List<int>();
        void Walk(int v, float score)
        {
            path.Add(v);
            if (targetSet.Contains(v)) scores.Add(score);
            else if (graph.IsTrusted(v) && path.Count < maxHops)
            {
                for (var u = 0; u < graph.NodeCount; u++)
                {
                    var s = graph.LinkStrength(v, u);
                    // After the first hop, nobody you know directly: you would ask them yourself.
                    if (s > 0 && !path.Contains(u) && !graph.IsKnownDirectly(u)) Walk(u, score * Math.Max(s, 0.01f));
                }
            }
            path.RemoveAt(path.Count - 1);
        }
        for (var a = 0; a < graph.NodeCount; a++)
        {
            if (graph.EgoStrength(a) > 0) Walk(a, Math.Max(graph.EgoStrength(a), 0.01f));
        }
        scores.Sort((x, y) => y.CompareTo(x));
        return scores;
    }
}
