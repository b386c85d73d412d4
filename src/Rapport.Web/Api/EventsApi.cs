using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Rapport.App.Common;
using Rapport.App.Events;
using Rapport.App.Organizations;
using Rapport.Data;

namespace Rapport.Web.Api;

/// <summary>
/// /api/v1/events and /api/v1/organizations: the events you go to and the organizations and communities you belong to,
/// through the same use cases as `rapport event` and `rapport org`; the insights weigh what they return.
/// </summary>
public static class EventsApi
{
    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        var events = app.MapGroup("/api/v1/events").WithTags("Events");
        events.MapGet("/", ListEvents).WithName("ListEvents").WithSummary("Events coming up (soonest first), then past ones (newest first), with how many people you met at each");
        events.MapGet("/{id:long}", GetEvent).WithName("GetEvent").WithSummary("One event: attendees, people met and what it returned six months on");
        events.MapPost("/", CreateEvent).WithName("CreateEvent").WithSummary("Add an event, optionally run by an organization or community (id or name)");
        events.MapPatch("/{id:long}", EditEvent).WithName("EditEvent").WithSummary("Change an event: fields left out stay, an empty string clears an optional one");
        events.MapPost("/{id:long}/attendees", AddAttendee).WithName("AddEventAttendee").WithSummary("Record that a contact was at the event, met there or not");
        events.MapPost("/{id:long}/met", AddPersonMet).WithName("AddPersonMetAtEvent").WithSummary("Add someone new you met at the event, with the encounter logged");

        var organizations = app.MapGroup("/api/v1/organizations").WithTags("Organizations");
        organizations.MapGet("/", ListOrganizations).WithName("ListOrganizations").WithSummary("Organizations with how many current members you know and your own role");
        organizations.MapGet("/{id:long}", GetOrganization).WithName("GetOrganization").WithSummary("One organization with its memberships, current first");
        organizations.MapPost("/", CreateOrganization).WithName("CreateOrganization").WithSummary("Add a company, association, alumni network, university or community");
        organizations.MapPost("/{id:long}/members", AddMember).WithName("AddMembership").WithSummary("Record a membership: a contact's, or yours when no contact is named");
        return app;
    }

    public sealed record Services(RapportDbContext Db, TimeProvider Clock);

    /// <summary>A contact at an event: who (id, email or name), and whether you met them there.</summary>
    public sealed record AttendeeRequest(string Who, bool Met = true);

    /// <summary>Someone new met at an event.</summary>
    public sealed record MetRequest(string Name, string? Company = null, string? Title = null, string? Email = null, string? Note = null);

    /// <summary>A membership: the contact (id, email or name; none for yours), the role, their title there, and when.</summary>
    public sealed record MemberRequest(string? Who, string Role = "member", string? Title = null, string? StartedOn = null, string? EndedOn = null);

    public static async Task<Ok<IReadOnlyList<EventRow>>> ListEvents([AsParameters] Services s, CancellationToken ct)
    {
        var (upcoming, past) = await EventQueries.ListAsync(s.Db, s.Clock, ct);
        return TypedResults.Ok<IReadOnlyList<EventRow>>([.. upcoming, .. past]);
    }

    public static async Task<Results<Ok<EventDetail>, NotFound>> GetEvent([AsParameters] Services s, long id, CancellationToken ct) =>
        await EventQueries.GetAsync(s.Db, id, s.Clock, ct) is { } e ? TypedResults.Ok(e) : TypedResults.NotFound();

    public static Task<Results<Created<EventDetail>, ValidationProblem>> CreateEvent([AsParameters] Services s, EventRequest request, CancellationToken ct) =>
        Validated(async () =>
        {
            var e = await new App.Events.CreateEvent(s.Db).ExecuteAsync(request, ct);
            return TypedResults.Created($"/api/v1/events/{e.Id}", (await EventQueries.GetAsync(s.Db, e.Id, s.Clock, ct))!);
        });

    public static async Task<Results<Ok<EventDetail>, NotFound, ValidationProblem>> EditEvent([AsParameters] Services s, long id, EventChanges changes, CancellationToken ct)
    {
        if (!await s.Db.Events.AnyAsync(e => e.Id == id, ct)) return TypedResults.NotFound();
        try
        {
            await new App.Events.EditEvent(s.Db).ExecuteAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture), changes, ct);
            return TypedResults.Ok((await EventQueries.GetAsync(s.Db, id, s.Clock, ct))!);
        }
        catch (InputException e)
        {
            return ApiErrors.Problem(e);
        }
    }

    public static async Task<Results<Ok<EventDetail>, NotFound, ValidationProblem>> AddAttendee([AsParameters] Services s, long id, AttendeeRequest request, CancellationToken ct)
    {
        if (!await s.Db.Events.AnyAsync(e => e.Id == id, ct)) return TypedResults.NotFound();
        try
        {
            await new App.Events.AddAttendee(s.Db).ExecuteAsync(id, request.Who ?? "", request.Met, ct);
            return TypedResults.Ok((await EventQueries.GetAsync(s.Db, id, s.Clock, ct))!);
        }
        catch (InputException e)
        {
            return ApiErrors.Problem(e);
        }
    }

    public static async Task<Results<Ok<EventDetail>, NotFound, ValidationProblem>> AddPersonMet([AsParameters] Services s, long id, MetRequest request, CancellationToken ct)
    {
        if (!await s.Db.Events.AnyAsync(e => e.Id == id, ct)) return TypedResults.NotFound();
        try
        {
            await new App.Events.AddPersonMet(s.Db, s.Clock).ExecuteAsync(new PersonMetRequest(id, request.Name ?? "")
            {
                Company = request.Company, Title = request.Title, Email = request.Email, Note = request.Note,
            }, ct);
            return TypedResults.Ok((await EventQueries.GetAsync(s.Db, id, s.Clock, ct))!);
        }
        catch (InputException e)
        {
            return ApiErrors.Problem(e);
        }
    }

    public static async Task<Results<Ok<IReadOnlyList<OrganizationRow>>, ValidationProblem>> ListOrganizations([AsParameters] Services s, string? search, string? kind, CancellationToken ct)
    {
        try
        {
            return TypedResults.Ok(await OrganizationQueries.ListAsync(s.Db, search, kind, s.Clock, ct));
        }
        catch (InputException e)
        {
            return ApiErrors.Problem(e);
        }
    }

    public static async Task<Results<Ok<OrganizationDetail>, NotFound>> GetOrganization([AsParameters] Services s, long id, CancellationToken ct) =>
        await OrganizationQueries.GetAsync(s.Db, id, s.Clock, ct) is { } o ? TypedResults.Ok(o) : TypedResults.NotFound();

    public static Task<Results<Created<OrganizationDetail>, ValidationProblem>> CreateOrganization([AsParameters] Services s, OrganizationRequest request, CancellationToken ct) =>
        Validated(async () =>
        {
            var o = await new App.Organizations.CreateOrganization(s.Db).ExecuteAsync(request, ct);
            return TypedResults.Created($"/api/v1/organizations/{o.Id}", (await OrganizationQueries.GetAsync(s.Db, o.Id, s.Clock, ct))!);
        });

    public static async Task<Results<Ok<OrganizationDetail>, NotFound, ValidationProblem>> AddMember([AsParameters] Services s, long id, MemberRequest request, CancellationToken ct)
    {
        if (!await s.Db.Organizations.AnyAsync(o => o.Id == id, ct)) return TypedResults.NotFound();
        try
        {
            await new AddMembership(s.Db).ExecuteAsync(id, request.Who, request.Role ?? "member", request.Title, request.StartedOn, request.EndedOn, ct);
            return TypedResults.Ok((await OrganizationQueries.GetAsync(s.Db, id, s.Clock, ct))!);
        }
        catch (InputException e)
        {
            return ApiErrors.Problem(e);
        }
    }

    private static async Task<Results<Created<T>, ValidationProblem>> Validated<T>(Func<Task<Created<T>>> create)
    {
        try
        {
            return await create();
        }
        catch (InputException e)
        {
            return ApiErrors.Problem(e);
        }
    }

}
