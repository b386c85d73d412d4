using Rapport.Data;
using Rapport.Domain.Contacts;
using Rapport.Domain.Insights;
using Rapport.Domain.Nurture;

namespace Rapport.App.Insights;

/// <summary>A contact drawn on the network graph: sized by strength, coloured by tier or industry.</summary>
public sealed record GraphNode(long Id, string Name, double Strength, string Band, string Tier, string? Industry, string? Company, int Mutuals);

/// <summary>A link drawn between two contacts; inferred links are marked and say why.</summary>
public sealed record GraphEdge(long Source, long Target, double? Strength, string Kind, bool Inferred, string? Reason);

/// <summary>The graph the Insights page draws: the strongest contacts and the links among them.</summary>
public sealed record NetworkGraphData(int TotalContacts, int TotalLinks, IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges, IReadOnlyList<string> Tiers, IReadOnlyList<string> Industries);

/// <summary>Builds the network graph of the current account for the Insights page and /api/v1/insights/graph.</summary>
public sealed class NetworkGraph(RapportDbContext db, TimeProvider clock, InsightsCache? cache = null)
{
    /// <summary>The most contacts a graph may hold (a browser draws a few hundred nodes smoothly).</summary>
    public const int MaxNodes = 2000;

    /// <summary>The graph of your <paramref name="limit"/> strongest contacts (and anyone with a link among them), optionally one tier or industry only.</summary>
    public async Task<NetworkGraphData> ExecuteAsync(int limit = 300, string? tier = null, string? industry = null, CancellationToken ct = default)
    {
        if (limit is < 1 or > MaxNodes) throw new Common.InputException("limit", $"limit: expected 1 to {MaxNodes}, got {limit}");
        var network = await InsightsCache.NetworkAsync(db, clock, cache, ct);
        return Build(network, limit, tier, industry);
    }

    /// <summary>The graph over a network already loaded.</summary>
    public static NetworkGraphData Build(InsightsNetwork network, int limit, string? tier = null, string? industry = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        var picked = network.Contacts
            .Where(c => tier is null || string.Equals(c.Tier.ToWire(), tier.Trim(), StringComparison.OrdinalIgnoreCase))
            .Where(c => industry is null || string.Equals(c.Industry, industry.Trim(), StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(c => c.Strength).ThenBy(c => c.Id)
            .Take(limit)
            .ToArray();
        var links = network.Links;
        var shown = new bool[network.Contacts.Count];
        foreach (var c in picked) shown[links.IndexOf(c.Id)] = true;
        var nodes = picked.Select(c => new GraphNode(c.Id, c.Name, Math.Round(c.Strength, 3), c.Band.Word(), c.Tier.ToWire(), c.Industry, c.Company, c.Mutuals)).ToArray();
        var edges = new List<GraphEdge>();
        for (var k = 0; k < links.Count; k++)
        {
            if (!shown[links.IndexA(k)] || !shown[links.IndexB(k)]) continue;
            var l = links[k];
            edges.Add(new GraphEdge(l.A, l.B, l.Strength is { } s ? Math.Round(s, 3) : null, l.Kind.ToString().ToLowerInvariant(), l.Inferred, l.Reason));
        }
        var tiers = Enum.GetValues<Tier>().Select(t => t.ToWire()).ToArray();
        var industries = network.Contacts.Where(c => !string.IsNullOrWhiteSpace(c.Industry)).Select(c => c.Industry!.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToArray();
        return new NetworkGraphData(network.Contacts.Count, network.Links.Count, nodes, edges, tiers, industries);
    }
}
