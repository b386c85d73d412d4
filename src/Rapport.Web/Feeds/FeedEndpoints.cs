using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Rapport.App.Feeds;
using Rapport.Data.Storage;

namespace Rapport.Web.Feeds;

/// <summary>
/// The calendar feed behind a secret, revocable URL (<c>rapport feed create</c>): due follow-ups and plan items as an
/// iCalendar file any calendar app can subscribe to. The token is the only credential; an unknown or revoked one is 404.
/// </summary>
public static class FeedEndpoints
{
    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder app)
    {
        app.MapGet("/feeds/{token}.ics", GetCalendarFeed)
            .WithName("CalendarFeed")
            .WithSummary("Due follow-ups and plan items as iCalendar, for the feed with this secret token")
            .WithTags("Feeds");
        return app;
    }

    public static async Task<Results<ContentHttpResult, NotFound>> GetCalendarFeed(string token, RapportStore store, TimeProvider clock, HttpResponse response, CancellationToken ct)
    {
        var calendar = await new CalendarFeedContent(store, clock).BuildAsync(token, ct);
        if (calendar is null) return TypedResults.NotFound();
        response.Headers.CacheControl = "private, max-age=300";
        return TypedResults.Text(calendar, "text/calendar; charset=utf-8");
    }
}
