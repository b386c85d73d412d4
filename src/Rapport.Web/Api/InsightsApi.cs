using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Rapport.App.Common;
using Rapport.App.Insights;
using Rapport.Data;

namespace Rapport.Web.Api;

/// <summary>/api/v1/insights: the report, the network graph and warm paths, through the same use cases as `rapport insights` and `rapport path`.</summary>
public static class InsightsApi
{
    /// <summary>camelCase fields and kebab-case enum names, as the command line's --json writes them.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static IEndpointRouteBuilder MapInsightsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/insights").WithTags("Insights");
        api.MapGet("/", GetInsights).WithName("GetInsights").WithSummary("Health, diversity, structural holes, returns, job leads and dormant ties worth reviving");
        api.MapGet("/graph", GetGraph).WithName("GetInsightsGraph").WithSummary("The strongest contacts and the links among them (inferred links marked), for the network graph");
        api.MapGet("/paths", GetPaths).WithName("GetWarmPaths").WithSummary("The top warm introduction paths to a person, a company or a role");
        return app;
    }

    public sealed record Services(RapportDbContext Db, TimeProvider Clock, InsightsCache Cache);

    public static async Task<JsonHttpResult<InsightsReport>> GetInsights([AsParameters] Services s, CancellationToken ct) =>
        TypedResults.Json(await new BuildInsights(s.Db, s.Clock, s.Cache).ExecuteAsync(ct), JsonOptions);

    public static async Task<Results<JsonHttpResult<NetworkGraphData>, ValidationProblem>> GetGraph([AsParameters] Services s, int? limit, string? tier, string? industry, CancellationToken ct)
    {
        try
        {
            var graph = await new NetworkGraph(s.Db, s.Clock, s.Cache).ExecuteAsync(limit ?? 300, Blank(tier), Blank(industry), ct);
            return TypedResults.Json(graph, JsonOptions);
        }
        catch (InputException e)
        {
            return ApiErrors.Problem(e);
        }
    }

    public static async Task<Results<JsonHttpResult<WarmPathsResult>, ValidationProblem>> GetPaths([AsParameters] Services s, string? to, string? kind, int? maxHops, int? top, CancellationToken ct)
    {
        try
        {
            var k = kind?.Trim().ToLowerInvariant() switch
            {
                null or "" or "auto" => WarmPathTargetKind.Auto,
                "person" => WarmPathTargetKind.Person,
                "company" => WarmPathTargetKind.Company,
                "role" => WarmPathTargetKind.Role,
                _ => throw new InputException("kind", $"kind: expected person, company or role, got '{kind}'"),
            };
            return TypedResults.Json(await new WarmPaths(s.Db, s.Clock, s.Cache).FindAsync(to ?? "", k, maxHops, ct, top), JsonOptions);
        }
        catch (InputException e)
        {
            return ApiErrors.Problem(e);
        }
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
