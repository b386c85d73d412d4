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

    public static Task<Results<JsonHttpResult<DoneView>, ProblemHttpResult, ValidationProblem>> Done([AsParameters] Services s, string id, DoneBody? body, CancellationToken ct) =>
        AnswerAsync(async () => DoneView.Of(await new PlanService(s.Db, s.Clock, s.Cache)
            .DoneAsync(new DoneRequest(id) { Channel = body?.Channel, Note = body?.Note, Minutes = body?.Minutes }, ct)));

    public static Task<Results<JsonHttpResult<PlanItemChange>, ProblemHttpResult, ValidationProblem>> Snooze([AsParameters] Services s, string id, int? days, CancellationToken ct) =>
        AnswerAsync(async () =>
        {
            var (item, until) = await new PlanService(s.Db, s.Clock, s.Cache).SnoozeAsync(id, days ?? 7, ct);
            return new PlanItemChange(item.Id, item.ContactId, item.ActionName, SnoozedUntil: until);
        });

    public static Task<Results<JsonHttpResult<PlanItemChange>, ProblemHttpResult, ValidationProblem>> Skip([AsParameters] Services s, string id, CancellationToken ct) =>
        AnswerAsync(async () =>
        {
            var item = await new PlanService(s.Db, s.Clock, s.Cache).SkipAsync(id, ct);
            return new PlanItemChange(item.Id, item.ContactId, item.ActionName, Skipped: true);
        });

    /// <summary>
    /// The change as JSON; an id that is not in this week's plan (never was, or done, snoozed or skipped since) as a 404
    /// saying which; any other bad input as a validation problem naming its field.
    /// </summary>
    private static async Task<Results<JsonHttpResult<T>, ProblemHttpResult, ValidationProblem>> AnswerAsync<T>(Func<Task<T>> change)
    {
        try
        {
            return TypedResults.Json(await change(), InsightsApi.JsonOptions);
        }
        catch (InputException e) when (e.NotFound)
        {
            return TypedResults.Problem(e.Plain, statusCode: StatusCodes.Status404NotFound, title: "No such item in this week's plan");
        }
        catch (InputException e)
        {
            return ApiErrors.Problem(e);
        }
    }
}
