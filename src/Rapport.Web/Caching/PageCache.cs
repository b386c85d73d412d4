using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Rapport.App.Insights;
using Rapport.App.Nurture;
using Rapport.Data;
using Rapport.Data.Storage;

namespace Rapport.Web.Caching;

/// <summary>Marks a page whose GET answer may be served again from <see cref="PageCache"/> while nothing was committed.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class CachedPageAttribute : Attribute;

/// <summary>
/// Keeps the rendered HTML of the heaviest pages (Today, Person) per account, address and day, and serves it again while
/// the database is unchanged: every request first asks <see cref="CommitWatch"/> whether anything was committed since, by
/// this process or another (the command line), and a commit drops every kept page, the cached plans and the cached insights at once.
/// </summary>
/// <remarks>
/// The forms on a page carry an antiforgery token tied to the visitor's cookie, so a page is never kept with one: the
/// token is cut out when the page is stored, and a hit writes the current visitor's own token (and cookie) in its
/// place. With keepPages off (serve --no-page-cache, for measuring), only the commit check and the plan invalidation remain.
/// A request carrying a one-time message (TempData) is rendered afresh. Pages are also dropped after the plan
/// cache's age and at the change of day, because they show the plan and "days since".
/// </remarks>
public sealed class PageCache(CommitWatch watch, PlanCache plans, InsightsCache insights, TimeProvider clock, IAntiforgery antiforgery, bool keepPages = true) : IDisposable
{
    /// <summary>A response header saying the page came from the cache, for tests and for anyone reading the headers.</summary>
    public const string HitHeader = "X-Page-Cache";

    private const string TempDataCookie = ".AspNetCore.Mvc.CookieTempDataProvider";
    private const long SizeLimit = 64L * 1024 * 1024;
    private static readonly byte[] TokenField = Encoding.UTF8.GetBytes("name=\"__RequestVerificationToken\"");

    private readonly MemoryCache _pages = new(new MemoryCacheOptions { SizeLimit = SizeLimit });
    private readonly Lock _gate = new();
    private string? _version;

    private sealed record Entry(string Version, DateTime BuiltAt, byte[][] Parts, string ContentType);

    /// <summary>The middleware: checks for commits on every routed request, and serves or keeps pages marked cacheable.</summary>
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var version = await CurrentVersionAsync(context.RequestAborted);
        var request = context.Request;
        if (!keepPages || !HttpMethods.IsGet(request.Method) || context.GetEndpoint()?.Metadata.GetMetadata<CachedPageAttribute>() is null
            || request.Cookies.ContainsKey(TempDataCookie))
        {
            await next(context);
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var account = context.RequestServices.GetRequiredService<RapportDbContext>().AccountId;
        var key = $"{account}|{request.Path}{request.QueryString}";
        if (_pages.TryGetValue(key, out Entry? hit) && hit!.Version == version && hit.BuiltAt.Date == now.Date && now >= hit.BuiltAt && now - hit.BuiltAt < plans.MaxAge)
        {
            await ServeAsync(context, hit);
            return;
        }

        var body = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = body;
        }
        var html = buffer.ToArray();
        if (context.Response.StatusCode == StatusCodes.Status200OK && context.Response.ContentType is { } type && type.StartsWith("text/html", StringComparison.Ordinal)
            && !SetsTempData(context.Response) && Split(context, html) is { } parts)
        {
            var entry = new Entry(version, now, parts, type);
            _pages.Set(key, entry, new MemoryCacheEntryOptions { Size = html.Length + key.Length });
        }
        await body.WriteAsync(html, context.RequestAborted);
    }

    /// <summary>Drops the kept pages, plans and insights when something was committed since the last look.</summary>
    public async ValueTask CheckCommitsAsync(CancellationToken ct) => await CurrentVersionAsync(ct);

    /// <summary>Drops the kept pages, plans and insights when something was committed since the last look; returns the version now.</summary>
    private async ValueTask<string> CurrentVersionAsync(CancellationToken ct)
    {
        var version = await watch.VersionAsync(ct);
        if (Volatile.Read(ref _version) == version) return version;
        lock (_gate)
        {
            if (_version != version)
            {
                plans.InvalidateAll();
                insights.InvalidateAll();
                _pages.Clear();
                _version = version;
            }
        }
        return version;
    }

    /// <summary>The page cut around its antiforgery token; null when the token cannot be found to cut (the page is then not kept).</summary>
    private byte[][]? Split(HttpContext context, byte[] html)
    {
        if (html.AsSpan().IndexOf(TokenField) < 0) return [html];
        var token = antiforgery.GetAndStoreTokens(context).RequestToken;
        if (string.IsNullOrEmpty(token)) return null;
        var needle = Encoding.UTF8.GetBytes(token);
        var parts = new List<byte[]>();
        var rest = html.AsSpan();
        for (var at = rest.IndexOf(needle); at >= 0; at = rest.IndexOf(needle))
        {
            parts.Add(rest[..at].ToArray());
            rest = rest[(at + needle.Length)..];
        }
        parts.Add(rest.ToArray());
        return parts.Count > 1 ? [.. parts] : null;
    }

    private async Task ServeAsync(HttpContext context, Entry entry)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.Headers[HitHeader] = "hit";
        response.ContentType = entry.ContentType;
        byte[] token = [];
        if (entry.Parts.Length > 1)
        {
            // The visitor's own token; this also sets the antiforgery cookie and the no-store and frame headers, as a render does.
            token = Encoding.UTF8.GetBytes(antiforgery.GetAndStoreTokens(context).RequestToken!);
        }
        response.ContentLength = entry.Parts.Sum(p => (long)p.Length) + (long)token.Length * (entry.Parts.Length - 1);
        for (var i = 0; i < entry.Parts.Length; i++)
        {
            if (i > 0) await response.Body.WriteAsync(token, context.RequestAborted);
            await response.Body.WriteAsync(entry.Parts[i], context.RequestAborted);
        }
    }

    /// <summary>Whether the page left a message for the next request (a render that only read TempData clears the cookie: "name=;").</summary>
    private static bool SetsTempData(HttpResponse response) =>
        response.Headers.SetCookie.Any(c => c is not null && c.StartsWith(TempDataCookie + "=", StringComparison.Ordinal)
            && !c.StartsWith(TempDataCookie + "=;", StringComparison.Ordinal));

    public void Dispose() => _pages.Dispose();
}
