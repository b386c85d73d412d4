using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;

namespace Rapport.Web.Api;

/// <summary>Liveness: the process answers and the database is reachable.</summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", GetHealth).WithName("Health").WithSummary("Liveness and database reachability").WithTags("Health");
        return app;
    }

    public static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> GetHealth(RapportDbContext db, CancellationToken ct)
    {
        try
        {
            var contacts = await db.Contacts.CountAsync(ct);
            return TypedResults.Ok(new HealthReport("ok", contacts));
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            return TypedResults.Json(new HealthReport("database unreachable: " + e.Message, null), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}

public sealed record HealthReport(string Status, int? Contacts);
