using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Rapport.App.Common;
using Rapport.App.Contacts;
using Rapport.App.People;
using Rapport.Data;

namespace Rapport.Web.Api;

/// <summary>/api/v1/contacts: list, show and create contacts through the same use cases as the command line.</summary>
public static class ContactsApi
{
    public static IEndpointRouteBuilder MapContactsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/contacts").WithTags("Contacts");
        api.MapGet("/", ListContacts).WithName("ListContacts").WithSummary("List contacts with optional search and filters");
        api.MapGet("/suggest", SuggestContacts).WithName("SuggestContacts").WithSummary("Names starting with the typed text, for type-ahead");
        api.MapGet("/{id:long}", GetContact).WithName("GetContact").WithSummary("One contact with its derived scores");
        api.MapGet("/{id:long}/knows", GetKnows).WithName("GetContactKnows")
            .WithSummary("Whom a contact knows: their links, and everyone an introduction names with them (by name: 200 unless limit says, at most 5,000)");
        api.MapGet("/{id:long}/probably-knows", GetProbablyKnows).WithName("GetContactProbablyKnows")
            .WithSummary("Whom a contact probably knows, as Rapport inferred it from shared organizations, events and meetings: strongest first, with why (20 unless limit says, at most 1,000) and how many in all");
        api.MapPost("/", CreateContact).WithName("CreateContact").WithSummary("Add a contact");
        return app;
    }

    public sealed record Services(RapportDbContext Db, TimeProvider Clock);

    public sealed record InsightsServices(RapportDbContext Db, TimeProvider Clock, App.Insights.InsightsCache Cache);

    /// <summary>A contact someone knows.</summary>
    public sealed record KnownContact(long Id, string Name);

    public static async Task<Ok<IReadOnlyList<ContactView>>> ListContacts([AsParameters] Services s, string? search, string? category, string? city, int? limit, CancellationToken ct) =>
        TypedResults.Ok(await ContactDetails.ListAsync(s.Db, new ContactFilter { Search = search, Category = category, City = city, Limit = Math.Clamp(limit ?? 200, 1, 5000) }, s.Clock, ct));

    public static async Task<Ok<IReadOnlyList<ContactSuggestion>>> SuggestContacts([AsParameters] Services s, string? q, int? limit, CancellationToken ct) =>
        TypedResults.Ok(await ContactSuggestions.ForAsync(s.Db, q, limit ?? 8, ct));

    public static async Task<Results<Ok<ContactView>, NotFound>> GetContact([AsParameters] Services s, long id, CancellationToken ct)
    {
        var c = await s.Db.Contacts.FindAsync([id], ct);
        if (c is null || c.DeletedAt is not null || c.AccountId != s.Db.AccountId) return TypedResults.NotFound();
        return TypedResults.Ok(await ContactDetails.ViewAsync(s.Db, c, s.Clock, ct));
    }

    /// <summary>Whom the contact knows, by name: the first <c>limit</c> (200 unless given, at most 5,000).</summary>
    public static async Task<Results<Ok<IReadOnlyList<KnownContact>>, NotFound>> GetKnows([AsParameters] Services s, long id, int? limit, CancellationToken ct)
    {
        if (await PersonQuery.KnowsAsync(s.Db, id, Math.Clamp(limit ?? PersonQuery.KnowsTake, 1, 5000), ct) is not { } knows) return TypedResults.NotFound();
        return TypedResults.Ok<IReadOnlyList<KnownContact>>([.. knows.Knows.Select(k => new KnownContact(k.Id, k.Name))]);
    }

    /// <summary>Whom the contact probably knows (inferred, never told), strongest first: the first <c>limit</c> (20 unless given, at most 1,000).</summary>
    public static async Task<Results<Ok<App.Insights.ProbablyKnows>, NotFound>> GetProbablyKnows([AsParameters] InsightsServices s, long id, int? limit, CancellationToken ct)
    {
        var network = await App.Insights.InsightsCache.NetworkAsync(s.Db, s.Clock, s.Cache, ct);
        if (!network.ById.ContainsKey(id)) return TypedResults.NotFound();
        return TypedResults.Ok(network.ProbablyKnowsOf(id, Math.Clamp(limit ?? 20, 1, 1000)));
    }

    public static async Task<Results<Created<ContactView>, ValidationProblem>> CreateContact([AsParameters] Services s, ContactChanges request, CancellationToken ct)
    {
        try
        {
            var c = await new App.Contacts.CreateContact(s.Db, s.Clock).ExecuteAsync(request, ct);
            return TypedResults.Created($"/api/v1/contacts/{c.Id}", await ContactDetails.ViewAsync(s.Db, c, s.Clock, ct));
        }
        catch (InputException e)
        {
            return ApiErrors.Problem(e);
        }
    }
}
