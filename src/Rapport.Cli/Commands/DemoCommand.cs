using System.CommandLine;
using System.Diagnostics;
using Rapport.App.Demo;
using Rapport.App.Insights;

namespace Rapport.Cli.Commands;

/// <summary>`rapport demo`: a realistic synthetic network to try Rapport with.</summary>
internal static class DemoCommand
{
    public static Command Build(CommandServices s)
    {
        var contacts = Opt.Of<int>("--contacts", "How many contacts to make (default 300; up to 1,000,000).");
        contacts.DefaultValueFactory = _ => 300;
        var seed = Opt.Of<int>("--seed", "The seed: the same seed (and RAPPORT_NOW) always makes the same network (default 1).");
        seed.DefaultValueFactory = _ => 1;
        var cmd = new Command("demo", "Write a realistic synthetic network: contacts, three years of interactions, organizations, events, goals and more.")
            .With(contacts, seed);
        cmd.SetAction(async (p, ct) =>
        {
            var ctx = s.Context(p);
            var store = await ctx.StoreAsync(ct);
            var watch = Stopwatch.StartNew();
            var progress = new Progress<string>(m => ctx.Err.WriteLine($"  {m} ({watch.Elapsed.TotalSeconds:0.0} s)"));
            var big = p.GetValue(contacts) > 5000;
            var summary = await new DemoWriter(store, ctx.Clock).WriteAsync(new DemoOptions(p.GetValue(contacts), p.GetValue(seed)), big ? progress : null, ct);
            if (big) ((IProgress<string>)progress).Report("preparing the insights");
            await using (var db = store.Open()) await InsightsNetwork.PrepareInputsAsync(db, ctx.Clock.GetUtcNow().UtcDateTime, ct);
            if (ctx.Json) await ctx.WriteJsonAsync(summary);
            else await ctx.Out.WriteLineAsync($"Wrote the demo network in {watch.Elapsed.TotalSeconds:0.0} s: {summary}. Try 'rapport contact list' or 'rapport serve'.");
            return 0;
        });
        return cmd;
    }
}
