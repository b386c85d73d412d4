using System.CommandLine;
using System.Globalization;
using Rapport.App.Nurture;
using Rapport.Domain.Nurture;
using Rapport.Domain.Nurture.Plan;

namespace Rapport.Cli.Commands;

/// <summary>`rapport today`, `week`, `done`, `snooze`, `skip` and `settings`: the plan and its boundaries.</summary>
internal static class NurtureCommands
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static Command Today(CommandServices s) => PlanCommand(s, "today", "Today's plan: whom to contact, why, and a draft to start from, within your weekly budget.", week: false);

    public static Command Week(CommandServices s) => PlanCommand(s, "week", "The plan for today and the next six days, within your weekly budget and quiet days.", week: true);

    private static Command PlanCommand(CommandServices s, string name, string description, bool week)
    {
        var drafts = Opt.Of<bool>("--drafts", "Print each item's message draft too (JSON always has them).");
        var cmd = new Command(name, description).With(drafts);
        cmd.SetAction(async (p, ct) =>
        {
            var ctx = s.Context(p);
            await using var db = await ctx.OpenAsync(ct);
            var plan = await new PlanService(db, ctx.Clock).BuildAsync(ct);
            var items = week ? plan.Week : plan.Today;
            if (ctx.Json)
            {
                await ctx.WriteJsonAsync(PlanView.Of(plan, week));
                return 0;
            }
            await WritePlanAsync(ctx.Out, plan, items, week, p.GetValue(drafts));
            return 0;
        });
        return cmd;
    }

    private static async Task WritePlanAsync(TextWriter o, NurturePlan plan, IReadOnlyList<PlanItem> items, bool week, bool drafts)
    {
        var b = plan.Budget;
        await o.WriteLineAsync(string.Create(Inv,
            $"{(week ? "Week of" : "Today,")} {plan.Date:dddd d MMMM yyyy}: {items.Count} item{(items.Count == 1 ? "" : "s")}, " +
            $"{items.Sum(i => i.EffortMinutes)} min. Week budget: {b.TouchpointsPlanned} of {b.Touchpoints} touchpoints, {b.MinutesPlanned} of {b.Minutes} min planned" +
            $"{(b.TouchpointsDoneToday > 0 ? $"; {b.TouchpointsDoneToday} done today" : "")}."));
        if (items.Count == 0)
        {
            await o.WriteLineAsync(week ? "Nothing planned this week." : "Nothing planned for today (a quiet day, or the week's budget is used).");
            return;
        }
        DateOnly? day = null;
        foreach (var i in items)
        {
            if (week && i.Day != day)
            {
                day = i.Day;
                await o.WriteLineAsync();
                await o.WriteLineAsync(i.Day.ToString("dddd d MMM", Inv));
            }
            await o.WriteLineAsync(string.Create(Inv, $"  [{i.Id}] {i.ActionName,-14} {i.ContactName} ({i.EffortMinutes} min)"));
            await o.WriteLineAsync($"      why: {i.Reason}");
            if (drafts) await o.WriteLineAsync($"      draft: {i.Draft}");
        }
        await o.WriteLineAsync();
        await o.WriteLineAsync("Mark one done with `rapport done <id>`, or `rapport snooze <id> --days N`, `rapport skip <id>`.");
    }

    public static Command Done(CommandServices s)
    {
        var id = new Argument<string>("id") { Description = "The item's id, as printed by `rapport today` or `rapport week`." };
        var channel = Opt.Of<string?>("--channel", "How you reached out: in-person, call, video, email, message (the default for most items), ...");
        var note = Opt.Of<string?>("--note", "What you talked about (default: the item's reason).");
        var minutes = Opt.Of<int?>("--minutes", "How long it took (default: the item's estimate); counts against the week's budget.");
        var cmd = new Command("done", "Mark a plan item done: logs the interaction and resets the contact's cadence.").With(id, channel, note, minutes);
        cmd.SetAction(async (p, ct) =>
        {
            var ctx = s.Context(p);
            await using var db = await ctx.OpenAsync(ct);
            var r = await new PlanService(db, ctx.Clock).DoneAsync(new DoneRequest(p.GetValue(id)!)
            {
                Channel = p.GetValue(channel), Note = p.GetValue(note), Minutes = p.GetValue(minutes),
            }, ct);
            if (ctx.Json)
            {
                await ctx.WriteJsonAsync(DoneView.Of(r));
                return 0;
            }
            await ctx.Out.WriteLineAsync(string.Create(Inv,
                $"Done: {r.Item.ActionName} with {r.Item.ContactName} (interaction #{r.InteractionId}). Strength {r.Standing.Strength:0.00} ({r.Standing.Label}), " +
                $"tier {r.Standing.Tier}{(r.Standing.NextDue is { } due ? $", next due {due:yyyy-MM-dd}" : "")}."));
            return 0;
        });
        return cmd;
    }

    public static Command Snooze(CommandServices s)
    {
        var id = new Argument<string>("id") { Description = "The item's id." };
        var days = Opt.Of<int>("--days", "For how many days (1–365); default 7.");
        days.DefaultValueFactory = _ => 7;
        var cmd = new Command("snooze", "Hide a plan item for some days; it comes back then.").With(id, days);
        cmd.SetAction(async (p, ct) =>
        {
            var ctx = s.Context(p);
            await using var db = await ctx.OpenAsync(ct);
            var (item, until) = await new PlanService(db, ctx.Clock).SnoozeAsync(p.GetValue(id)!, p.GetValue(days), ct);
            if (ctx.Json) await ctx.WriteJsonAsync(new PlanItemChange(item.Id, item.ContactId, item.ActionName, SnoozedUntil: until));
            else await ctx.Out.WriteLineAsync($"Snoozed {item.ActionName} with {item.ContactName} until {until:yyyy-MM-dd}.");
            return 0;
        });
        return cmd;
    }

    public static Command Skip(CommandServices s)
    {
        var id = new Argument<string>("id") { Description = "The item's id." };
        var cmd = new Command("skip", "Skip a plan item: it returns later, with a lower priority.").With(id);
        cmd.SetAction(async (p, ct) =>
        {
            var ctx = s.Context(p);
            await using var db = await ctx.OpenAsync(ct);
            var item = await new PlanService(db, ctx.Clock).SkipAsync(p.GetValue(id)!, ct);
            if (ctx.Json) await ctx.WriteJsonAsync(new PlanItemChange(item.Id, item.ContactId, item.ActionName, Skipped: true));
            else await ctx.Out.WriteLineAsync($"Skipped {item.ActionName} with {item.ContactName}; it will come back later.");
            return 0;
        });
        return cmd;
    }

    public static Command Settings(CommandServices s)
    {
        var key = new Argument<string?>("key") { Description = "A settings key (e.g. budget.minutes); omit to list them all.", Arity = ArgumentArity.ZeroOrOne };
        var value = new Argument<string?>("value") { Description = "The new value; omit to print the current one.", Arity = ArgumentArity.ZeroOrOne };
        var reset = Opt.Of<bool>("--reset", "Put the key back to its default.");
        var cmd = new Command("settings", "Show or change the budget, quiet days, cadences, weights, campaigns and your own emails. A change to a setting the tie strengths are built from (weights.channel.*, half-life.days, frequency.scale, the strength weights, duration.years) rebuilds every contact's strength, and what the insights start from, at once.").With(key, value, reset);
        cmd.SetAction(async (p, ct) =>
        {
            var ctx = s.Context(p);
            await using var db = await ctx.OpenAsync(ct);
            var k = p.GetValue(key);
            var v = p.GetValue(value);
            var settings = await NurtureSettingsStore.LoadAsync(db, ct);
            var before = ContactStats.Stamp(settings);
            if (p.GetValue(reset))
            {
                if (k is null) throw new App.Common.InputException("key", "key: --reset needs the key to reset");
                settings = await NurtureSettingsStore.ResetAsync(db, k, ct);
            }
            else if (k is not null && v is not null)
            {
                settings = await NurtureSettingsStore.SetAsync(db, k, v, ct);
            }
            if (ContactStats.Stamp(settings) != before)
            {
                // Every contact's tie strength is built with this setting: rebuilt now, with what the insights start
                // from, rather than by whichever command or page comes next.
                await ctx.Err.WriteLineAsync("Rebuilding every contact's tie strength with the new setting…");
                await App.Insights.InsightsNetwork.PrepareInputsAsync(db, ctx.Clock.GetUtcNow().UtcDateTime, ct);
            }
            var keys = k is null ? NurtureSettings.Keys : [NurtureSettings.Keys.FirstOrDefault(d => string.Equals(d.Key, k.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw new App.Common.InputException("key", $"key: '{k}' is not a settings key; `rapport settings` lists them")];
            if (ctx.Json)
            {
                await ctx.WriteJsonAsync(keys.Select(d => new { key = d.Key, value = settings.Get(d.Key), @default = NurtureSettings.Default.Get(d.Key), description = d.Description }));
                return 0;
            }
            foreach (var d in keys)
            {
                var current = settings.Get(d.Key);
                var changed = current != NurtureSettings.Default.Get(d.Key);
                await ctx.Out.WriteLineAsync($"{d.Key} = {current}{(changed ? $"   (default {NurtureSettings.Default.Get(d.Key)})" : "")}");
                if (k is null || v is null) await ctx.Out.WriteLineAsync($"    {d.Description}");
            }
            return 0;
        });
        return cmd;
    }
}
