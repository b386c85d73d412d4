using System.CommandLine;
using Rapport.App.Feeds;

namespace Rapport.Cli.Commands;

/// <summary>`rapport feed create|list|revoke`: secret calendar feeds of follow-ups and plan items.</summary>
internal static class FeedCommands
{
    public static Command Feed(CommandServices s)
    {
        var feed = new Command("feed", "Calendar feeds: a secret, revocable URL (/feeds/<token>.ics on `rapport serve`) that lists due follow-ups and plan items for any calendar app.");
        feed.Subcommands.Add(Create(s));
        feed.Subcommands.Add(List(s));
        feed.Subcommands.Add(Revoke(s));
        return feed;
    }

    private static Command Create(CommandServices s)
    {
        var label = Opt.Of<string?>("--label", "What to call it, e.g. \"phone calendar\".");
        var cmd = new Command("create", "Create a feed and print its secret URL path (shown only now).").With(label);
        cmd.SetAction(async (p, ct) =>
        {
            var ctx = s.Context(p);
            await using var db = await ctx.OpenAsync(ct);
            var r = await new CalendarFeeds(db, ctx.Clock).CreateAsync(p.GetValue(label), ct);
            if (ctx.Json) await ctx.WriteJsonAsync(r);
            else
            {
                await ctx.Out.WriteLineAsync($"Created feed #{r.Id} \"{r.Label}\". Subscribe to this URL on your Rapport server (it is shown only now):");
                await ctx.Out.WriteLineAsync(r.Path);
                await ctx.Out.WriteLineAsync($"Revoke it with: rapport feed revoke {r.Id}");
            }
            return 0;
        });
        return cmd;
    }

    private static Command List(CommandServices s)
    {
        var cmd = new Command("list", "List the feeds (never their secrets).");
        cmd.SetAction(async (p, ct) =>
        {
            var ctx = s.Context(p);
            await using var db = await ctx.OpenAsync(ct);
            var rows = await new CalendarFeeds(db, ctx.Clock).ListAsync(ct);
            if (ctx.Json) await ctx.WriteJsonAsync(rows);
            else if (rows.Count == 0) await ctx.Out.WriteLineAsync("No calendar feeds. Create one with: rapport feed create --label \"phone\"");
            else
            {
                foreach (var f in rows)
                    await ctx.Out.WriteLineAsync($"#{f.Id}  {f.Label}  created {CliContext.Date(f.CreatedAt)}  {(f.Active ? "active" : "revoked " + CliContext.Date(f.RevokedAt))}");
            }
            return 0;
        });
        return cmd;
    }

    private static Command Revoke(CommandServices s)
    {
        var id = new Argument<long>("id") { Description = "The feed to revoke, from `rapport feed list`." };
        var cmd = new Command("revoke", "Revoke a feed: its URL stops working at once.").With(id);
        cmd.SetAction(async (p, ct) =>
        {
            var ctx = s.Context(p);
            await using var db = await ctx.OpenAsync(ct);
            var (f, already) = await new CalendarFeeds(db, ctx.Clock).RevokeAsync(p.GetValue(id), ct);
            if (ctx.Json) await ctx.WriteJsonAsync(f);
            else if (already) await ctx.Out.WriteLineAsync($"Feed #{f.Id} \"{f.Label}\" was already revoked on {CliContext.Date(f.RevokedAt)}.");
            else await ctx.Out.WriteLineAsync($"Revoked feed #{f.Id} \"{f.Label}\".");
            return 0;
        });
        return cmd;
    }
}
