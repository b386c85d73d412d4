using System.CommandLine;
using Rapport.App.Demo;
using Microsoft.Extensions.Hosting;
using Rapport.Web;

namespace Rapport.Cli.Commands;

/// <summary>`rapport serve`: the web app and API on this machine.</summary>
internal static class ServeCommand
{
    public static Command Build(CommandServices s)
    {
        var demo = Opt.Of<bool>("--demo", "Fill an empty database with the demo network first, so there is something to see.");
        var urls = Opt.Of<string>("--urls", "Where to listen (default http://127.0.0.1:5080). Anything beyond loopback should sit behind sign-in.");
        urls.DefaultValueFactory = _ => "http://127.0.0.1:5080";
        var noPageCache = Opt.Of<bool>("--no-page-cache", "Render Today and Person pages afresh on every request (to measure rendering; the cache is dropped at every commit, so it never shows stale data).");
        var cmd = new Command("serve", "Run the web app (pages, /api/v1, /health) until stopped with Ctrl+C.").With(demo, urls, noPageCache);
        cmd.SetAction(async (p, ct) =>
        {
            var ctx = s.Context(p);
            var store = await ctx.StoreAsync(ct);
            if (p.GetValue(demo))
            {
                await using var db = store.Open();
                if (!db.Contacts.Any())
                {
                    var summary = await new DemoWriter(store, ctx.Clock).WriteAsync(DemoOptions.Default, null, ct);
                    await App.Insights.InsightsNetwork.PrepareInputsAsync(db, ctx.Clock.GetUtcNow().UtcDateTime, ct);
                    await ctx.Out.WriteLineAsync($"Wrote the demo network: {summary}");
                }
            }
            var app = RapportWebHost.Build(new WebOptions(ctx.Target, ctx.Clock) { Urls = p.GetValue(urls)!, CachePages = !p.GetValue(noPageCache) });
            await app.StartAsync(ct);
            await ctx.Out.WriteLineAsync($"Rapport is running at {string.Join(", ", app.Urls)} on {ctx.Target}. Press Ctrl+C to stop.");
            await app.WaitForShutdownAsync(ct);
            return 0;
        });
        return cmd;
    }
}
