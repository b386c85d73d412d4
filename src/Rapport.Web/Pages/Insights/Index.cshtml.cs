using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.App.Common;
using Rapport.App.Insights;
using Rapport.Data;

namespace Rapport.Web.Pages.Insights;

/// <summary>/insights: the network's health, diversity, holes, returns and ranked lists as tables, with charts and a graph on top.</summary>
public sealed class IndexModel(RapportDbContext db, TimeProvider clock, InsightsCache cache) : PageModel
{
    // The default encoder escapes <, > and &, so names cannot close the script element the data sits in.
    private static readonly JsonSerializerOptions ScriptJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>Contacts drawn on the graph.</summary>
    public const int GraphNodes = 300;

    /// <summary>Whom to find warm paths to (a person, a company or a role); empty shows no paths.</summary>
    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    /// <summary>What <see cref="To"/> names: auto (the default: a person, else a company, else a role), person, company or role.</summary>
    [BindProperty(SupportsGet = true, Name = "kind")]
    public string? Kind { get; set; }

    /// <summary>The kinds of target the form offers, as the command line's --kind names them.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["auto", "person", "company", "role"];

    public InsightsReport Report { get; private set; } = null!;

    public NetworkGraphData Graph { get; private set; } = null!;

    public WarmPathsResult? Paths { get; private set; }

    public string? PathError { get; private set; }

    /// <summary>The contacts an ambiguous name matched, offered as links.</summary>
    public IReadOnlyList<(long Id, string Name)> PathCandidates { get; private set; } = [];

    /// <summary>The chart and graph data for the page's scripts, as JSON.</summary>
    public string ClientData { get; private set; } = "{}";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var (network, report) = await cache.GetAsync(db, clock.GetUtcNow().UtcDateTime, ct);
        Report = report;
        Graph = NetworkGraph.Build(network, GraphNodes);
        if (!string.IsNullOrWhiteSpace(To))
        {
            try
            {
                var kind = Input.ParseEnum<WarmPathTargetKind>("kind", string.IsNullOrWhiteSpace(Kind) ? "auto" : Kind);
                Paths = await new WarmPaths(db, clock, cache).FindInAsync(network, To, kind, null, ct);
            }
            catch (InputException e)
            {
                PathError = e.Plain;
                PathCandidates = e.Candidates;
            }
        }
        ClientData = JsonSerializer.Serialize(new
        {
            shape = Report.Health.Shape,
            tiers = Report.Health.Capacity.Tiers,
            diversity = Report.Diversity.Dimensions.Select(d => new { dimension = d.Dimension, reach = d.Reach.Blau, active = d.Active.Blau }),
            graph = Graph,
        }, ScriptJson);
    }
}
