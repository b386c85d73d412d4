using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Rapport.Data;
using Rapport.Data.Storage;
using Rapport.Web.Api;
using Rapport.Web.Caching;
using Rapport.Web.Feeds;

namespace Rapport.Web;

/// <summary>How to run the web app: which database, which clock, which addresses.</summary>
public sealed record WebOptions(DbTarget Database, TimeProvider Clock)
{
    public string Urls { get; init; } = "http://127.0.0.1:5080";
    public string? EnvironmentName { get; init; }

    /// <summary>Keep rendered Today and Person pages until the next commit (off only to measure the rendering itself).</summary>
    public bool CachePages { get; init; } = true;
}

/// <summary>Builds the web application: pages, API and health, over one store.</summary>
public static class RapportWebHost
{
    public static WebApplication Build(WebOptions options)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(RapportWebHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = options.EnvironmentName ?? Environments.Production,
        });
        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Warning);

        builder.Services.AddSingleton(options.Clock);
        builder.Services.AddSingleton(new RapportStore(options.Database));
        // The plan, the standings and the insights are kept a few minutes per account, until the next form post or commit.
        builder.Services.AddSingleton(new Rapport.App.Nurture.PlanCache());
        builder.Services.AddSingleton(new Rapport.App.Insights.InsightsCache());
        // Whether anything was committed since the last request; rendered Today and Person pages are kept until then.
        builder.Services.AddSingleton(_ => CommitWatch.For(options.Database));
        builder.Services.AddSingleton(sp => new PageCache(sp.GetRequiredService<CommitWatch>(), sp.GetRequiredService<Rapport.App.Nurture.PlanCache>(), sp.GetRequiredService<Rapport.App.Insights.InsightsCache>(),
            options.Clock, sp.GetRequiredService<Microsoft.AspNetCore.Antiforgery.IAntiforgery>(), options.CachePages));
        builder.Services.AddScoped(sp => sp.GetRequiredService<RapportStore>().Open());
        builder.Services.AddRazorPages();
        // Names are written as they are (Zoë, 李), not as numeric character references.
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddOpenApi();
        // The API reads numbers into text fields, and a request it cannot bind is refused naming the field (Api.ApiErrors).
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new Api.ApiErrors.LenientText()));
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

        var app = builder.Build();
        var files = new EmbeddedFileProvider(typeof(RapportWebHost).Assembly, "Rapport.Web.wwwroot");
        app.Environment.WebRootFileProvider = files;
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        app.UseRouting();
        app.UseApiErrors();
        var pages = app.Services.GetRequiredService<PageCache>();
        app.Use(pages.InvokeAsync);
        app.MapHealthApi();
        app.MapContactsApi();
        app.MapNetworkApi();
        app.MapInsightsApi();
        app.MapEventsApi();
        app.MapPlanApi();
        app.MapFeeds();
        app.MapOpenApi("/api/v1/openapi.json");
        app.MapRazorPages();
        return app;
    }
}
