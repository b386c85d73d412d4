using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Rapport.App.Common;
using Rapport.App.Nurture;
using Rapport.Data;

namespace Rapport.Web.Api;

/// <summary>/api/v1/plan: today's or the week's plan, and done, snooze and skip, through the same use cases as `rapport today`, `done`, `snooze` and `skip`.</summary>
public static class PlanApi
{
    public static IEndpointRouteBuilder MapPlanApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/plan").WithTags("Plan");
        api.MapGet("/", GetPlan).WithName("GetPlan").WithSummary("Today's plan (or the week's with week=true): whom to contact, why, a draft, within the budget");
        api.MapPost("/{id}/done", Done).WithName("PlanItemDone").WithSummary("Mark an item done: logs the interaction and resets the contact's cadence");
        api.MapPost("/{id}/snooze", Snooze).WithName("SnoozePlanItem").WithSummary("Hide an item for some days (default 7); it comes back then");
        api.MapPost("/{id}/skip", Skip).WithName("SkipPlanItem").WithSummary("Skip an item: it returns later, with a lower priority");
        return app;
    }

    public sealed record Services(RapportDbContext Db, TimeProvider Clock, PlanCache Cache);

    /// <summary>How an item was done: the channel used, a note, the minutes it took (each optional; the item's own by default).</summary>
    public sealed record DoneBody(string? Channel = null, string? Note = null, int? Minutes = null);

    public static async Task<JsonHttpResult<PlanView>> GetPlan([AsParameters] Services s, bool? week, CancellationToken ct) =>
        TypedResults.Json(PlanView.Of(await new PlanService(s.Db, s.Clock, s.Cache).BuildAsync(ct), week ?? false), InsightsApi.JsonOptions);

    public static async Task<Results<JsonHttpResult<DoneView>, ProblemHttpResult, ValidationProblem>> Done([AsParameters] Services s, string id, DoneBody? body, CancellationToken ct)
    {
        try
        {
            var r = await new PlanService(s.Db, s.Clock, s.Cache).DoneAsync(new DoneRequest(id) { Channel = body?.Channel, Note = body?.Note, Minutes = body?.Minutes }, ct);
            return TypedResults.Json(DoneView.Of(r), InsightsApi.JsonOptions);
        }
        catch (InputException e) when (e.Field == "id")
        {
            return NoSuchItem(e);
        }
        catch (InputException e)
        {
            return ApiErrors.Problem(e);
        }
    }

    public static async Task<Results<JsonHttpResult<PlanItemChange>, ProblemHttpResult, ValidationProblem>> Snooze([AsParameters] Services s, string id, int? days, CancellationToken ct)
    {
        try
        {
            var (item, until) = await new PlanService(s.Db, s.Clock, s.Cache).SnoozeAsync(id, days ?? 7, ct);
            return TypedResults.Json(new PlanItemChange(item.Id, item.ContactId, item.ActionName, SnoozedUntil: until), InsightsApi.JsonOptions);
        }
        catch (InputException e) when (e.Field == "id")
        {
            return NoSuchItem(e);
        }
        catch (InputException e)
        {
            return ApiErrors.Problem(e);
        }
    }

    public static async Task<Results<JsonHttpResult<PlanItemChange>, ProblemHttpResult, ValidationProblem>> Skip([AsParameters] Services s, string id, CancellationToken ct)
    {
        try
        {
            var item = await new PlanService(s.Db, s.Clock, s.Cache).SkipAsync(id, ct);
            return TypedResults.Json(new PlanItemChange(item.Id, item.ContactId, item.ActionName, Skipped: true), InsightsApi.JsonOptions);
        }
        catch (InputException e) when (e.Field == "id")
        {
            return NoSuchItem(e);
        }
        catch (InputException e)
        {
            return ApiErrors.Problem(e);
        }
    }

    /// <summary>An id that is not in this week's plan (never was, or done, snoozed or skipped since): 404, saying which.</summary>
    private static ProblemHttpResult NoSuchItem(InputException e) =>
        TypedResults.Problem(e.Plain, statusCode: StatusCodes.Status404NotFound, title: "No such item in this week's plan");
}
