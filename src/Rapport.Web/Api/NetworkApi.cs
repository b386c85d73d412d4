using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Rapport.App.Common;
using Rapport.App.Contacts;
using Rapport.Data;

namespace Rapport.Web.Api;

/// <summary>
/// /api/v1/links and /api/v1/introductions: who knows whom, through the same use cases as `rapport link` and
/// `rapport intro`; the warm paths and structural holes read both.
/// </summary>
public static class NetworkApi
{
    public static IEndpointRouteBuilder MapNetworkApi(this IEndpointRouteBuilder app)
    {
        var links = app.MapGroup("/api/v1/links").WithTags("Network");
        links.MapPost("/", CreateLink).WithName("CreateLink")
            .WithSummary("Record that two contacts know each other (id, email or name); linking them again changes the kind and strength given and keeps those left out");
        var introductions = app.MapGroup("/api/v1/introductions").WithTags("Network");
        introductions.MapPost("/", CreateIntroduction).WithName("CreateIntroduction")
            .WithSummary("Log an introduction: personA to personB, by a contact or by you; or personA to you, by a contact");
        return app;
    }

    public sealed record Services(RapportDbContext Db, TimeProvider Clock);

    /// <summary>Two contacts who know each other (each an id, email or name), how, and how strongly (above 0 up to 1).</summary>
    public sealed record LinkRequest(string? A, string? B, string? Kind = null, double? Strength = null);

    /// <summary>A stored link: the two contacts (lower id first), its kind as the command line writes it, and its strength if given.</summary>
    public sealed record LinkView(long Id, long ContactAId, string ContactA, long ContactBId, string ContactB, string Kind, double? Strength);

    /// <summary>
    /// An introduction: personA was introduced to personB, or to you when personB is left out; by is the contact who made
    /// it, you when left out. Date as 2026-05-01, today when left out.
    /// </summary>
    public sealed record IntroductionRequest(string? PersonA, string? PersonB = null, string? By = null, string? Date = null, string? Outcome = null, string? Note = null);

    /// <summary>A logged introduction, with the names of those in it: no introducer means you made it, no personB that it was to you.</summary>
    public sealed record IntroductionView(
        long Id, long? IntroducerId, string? Introducer, long PersonAId, string PersonA, long? PersonBId, string? PersonB, DateOnly Date, string? Outcome, string? Note);

    /// <summary>201 with the new link; 200 with it when the two were linked already and its kind and strength were updated.</summary>
    public static async Task<Results<Created<LinkView>, Ok<LinkView>, ValidationProblem>> CreateLink([AsParameters] Services s, LinkRequest request, CancellationToken ct)
    {
        try
        {
            var (link, isNew) = await InputException.RenamingAsync(() => new LinkContacts(s.Db, s.Clock).ExecuteAsync(request.A ?? "", request.B ?? "", Input.TrimmedOrNull(request.Kind), request.Strength, ct),
                field => field switch { "first contact" => "a", "second contact" or "link" => "b", _ => field });
            var names = await s.Db.Contacts.Where(c => c.Id == link.ContactAId || c.Id == link.ContactBId).ToDictionaryAsync(c => c.Id, c => c.DisplayName, ct);
            var view = new LinkView(link.Id, link.ContactAId, names[link.ContactAId], link.ContactBId, names[link.ContactBId], Input.Kebab(link.Kind.ToString()), link.Strength);
            return isNew ? TypedResults.Created(KnowsOf(link.ContactAId), view) : TypedResults.Ok(view);
        }
        catch (InputException e)
        {
            return ApiErrors.Problem(e);
        }
    }

    public static async Task<Results<Created<IntroductionView>, ValidationProblem>> CreateIntroduction([AsParameters] Services s, IntroductionRequest request, CancellationToken ct)
    {
        try
        {
            var a = Input.TrimmedOrNull(request.PersonA) ?? throw new InputException("personA", "personA: expected a contact id, email or name, got nothing");
            var (b, by) = (Input.TrimmedOrNull(request.PersonB), Input.TrimmedOrNull(request.By));
            if (b is null && by is null) throw new InputException("personB", "personB: name whom personA was introduced to, or who introduced them to you in by");
            var (i, introducer, first, second) = await InputException.RenamingAsync(
                () => new LogIntroduction(s.Db, s.Clock).ExecuteAsync(a, b, by, Input.TrimmedOrNull(request.Date), request.Outcome, request.Note, ct),
                field => field switch { "first person" => "personA", "second person" or "intro" => "personB", _ => field });
            var view = new IntroductionView(i.Id, i.IntroducerId, introducer, i.PersonAId!.Value, first, i.PersonBId, second, i.IntroducedOn, i.Outcome, i.Note);
            return TypedResults.Created(KnowsOf(view.PersonAId), view);
        }
        catch (InputException e)
        {
            return ApiErrors.Problem(e);
        }
    }

    /// <summary>Where the contacts someone knows are listed, the new one among them.</summary>
    private static string KnowsOf(long contactId) => string.Create(CultureInfo.InvariantCulture, $"/api/v1/contacts/{contactId}/knows");
}
