using System.CommandLine;
using System.Globalization;
using Rapport.App.Common;
using Rapport.App.Insights;
using Rapport.Domain.Insights;
using Rapport.Domain.Insights.Returns;

namespace Rapport.Cli.Commands;

/// <summary>`rapport insights` and `rapport path`.</summary>
internal static class InsightsCommands
{
    public static Command Insights(CommandServices s)
    {
        var cmd = new Command("insights",
            "The shape of your network and what to do about it: health against the target shape, give/ask balance, tiers, the last " +
            "12 months, diversity, structural holes, returns on events and communities, job leads and dormant ties worth reviving.");
        cmd.SetAction(async (p, ct) =>
        {
            var ctx = s.Context(p);
            await using var db = await ctx.OpenAsync(ct);
            var report = await new BuildInsights(db, ctx.Clock).ExecuteAsync(ct);
            if (ctx.Json) await ctx.WriteJsonAsync(report);
            else await InsightsText.WriteAsync(ctx.Out, report);
            return 0;
        });
        return cmd;
    }

    public static Command Path(CommandServices s)
    {
        var target = new Argument<string>("target") { Description = "Whom to reach: a person (id, email or name), a company, or a role such as \"product designer\"." };
        var maxHops = Opt.Of<int>("--hops", $"The longest chain, in hops from you (default 3, at most {WarmPaths.MaxHopsLimit}).");
        maxHops.Aliases.Add("--max-hops");
        maxHops.DefaultValueFactory = _ => 3;
        var top = Opt.Of<int>("--top", $"How many paths to show (default 3, at most {WarmPaths.TopLimit}).");
        top.DefaultValueFactory = _ => 3;
        var kind = Opt.Of<string?>("--kind", "Read the target as a person, company or role (default: a person if one matches exactly, then a company, then a role).");
        var cmd = new Command("path", "The top warm introduction paths (3 unless --top says otherwise) to a person, a company or a role: each hop's strength, the path strength and a draft asking for the introduction.")
            .With(target, maxHops, top, kind);
        cmd.SetAction(async (p, ct) =>
        {
            var ctx = s.Context(p);
            var k = p.GetValue(kind)?.Trim().ToLowerInvariant() switch
            {
                null or "" or "auto" => WarmPathTargetKind.Auto,
                "person" => WarmPathTargetKind.Person,
                "company" => WarmPathTargetKind.Company,
                "role" => WarmPathTargetKind.Role,
                var other => throw new InputException("kind", $"kind: expected person, company or role, got '{other}'"),
            };
            await using var db = await ctx.OpenAsync(ct);
            var result = await new WarmPaths(db, ctx.Clock).FindAsync(p.GetValue(target)!, k, p.GetValue(maxHops), ct, p.GetValue(top));
            if (ctx.Json) await ctx.WriteJsonAsync(result);
            else await InsightsText.WritePathsAsync(ctx.Out, result);
            return 0;
        });
        return cmd;
    }
}

/// <summary>The plain-text forms of the insights and of warm paths.</summary>
internal static class InsightsText
{
    private static string F2(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";

    public static async Task WritePathsAsync(TextWriter o, WarmPathsResult r)
    {
        await o.WriteLineAsync($"Warm paths to {r.Target} ({r.TargetKind}{(r.TargetKind == "person" ? "" : $", {r.Matches} {(r.Matches == 1 ? "contact" : "contacts")}")}), at most {r.MaxHops} hops");
        await o.WriteLineAsync(r.Summary);
        foreach (var path in r.Paths)
        {
            await o.WriteLineAsync();
            await o.WriteLineAsync($"{path.Rank}. strength {F2(path.Strength)}: you → {string.Join(" → ", path.Hops.Select(h => h.Name))}");
            var from = "you";
            foreach (var h in path.Hops)
            {
                var note = h.Via switch
                {
                    "inferred" => $" (inferred: {h.Reason})",
                    "introduced" => " (introduced)",
                    _ => "",
                };
                await o.WriteLineAsync($"   {from} → {h.Name} #{h.ContactId}: {F2(h.Strength)}{note}");
                from = h.Name;
            }
            if (path.Note is { } why) await o.WriteLineAsync($"   {why}");
            await o.WriteLineAsync($"   {(path.ReconnectFirst ? "Write to" : "Ask")} {path.Ask.ToName}: \"{path.Ask.Subject}\"");
            foreach (var line in path.Ask.Body.Split('\n')) await o.WriteLineAsync($"   | {line}");
        }
    }

    public static async Task WriteAsync(TextWriter o, InsightsReport r)
    {
        var h = r.Health;
        await o.WriteLineAsync($"Insights for {r.Contacts} contacts as of {r.AsOf:yyyy-MM-dd}");
        await o.WriteLineAsync($"Links: {r.Links.Entered} entered, {r.Links.Introduced} from introductions, {r.Links.Inferred} inferred " +
            $"({r.Links.InferredColleague} colleagues, {r.Links.InferredSameEvent} same events, {r.Links.InferredMeeting} shared meetings)");

        await Heading(o, "Health");
        await o.WriteLineAsync($"  {"ties",-10}{"count",7}{"share",8}{"in field",10}{"outside",9}{"unknown",9}");
        foreach (var row in h.Shape)
            await o.WriteLineAsync($"  {row.Band,-10}{row.Count,7}{InsightText.Percent(row.Share),8}{row.InField,10}{row.OutOfField,9}{row.UnknownField,9}");
        foreach (var c in h.Checks)
            await o.WriteLineAsync($"  [{(c.Met ? "ok" : "!!")}] {c.Name}: {InsightText.Percent(c.Actual)}{Range(c.Min, c.Max)}");
        if (h.Advice.Count > 0)
        {
            await o.WriteLineAsync("  Advice:");
            foreach (var a in h.Advice) await o.WriteLineAsync($"  - {a}");
        }
        await o.WriteLineAsync($"  Give/ask: {Count(h.GiveAsk.Gives, "give")}, {Count(h.GiveAsk.Asks, "ask")}, balance {F2(h.GiveAsk.Balance)}. {h.GiveAsk.Advice}");
        foreach (var g in h.GiveAsk.GiveFirst.Take(5))
            await o.WriteLineAsync($"    give first: {g.Name} #{g.ContactId} ({Count(g.Gives, "give")}, {Count(g.Asks, "ask")})");
        if (h.GiveAsk.GiveFirst.Count > 5) await o.WriteLineAsync($"    and {h.GiveAsk.GiveFirst.Count - 5} more (rapport insights --json lists them all)");
        await o.WriteLineAsync($"  Tiers ({InsightText.Number(h.Capacity.TouchesPerWeekNeeded, "0.#")} {(InsightText.Number(h.Capacity.TouchesPerWeekNeeded, "0.#") == "1" ? "touch" : "touches")} a week needed{(h.Capacity.WeeklyBudget is { } b ? $", budget {b}" : "")}):");
        foreach (var t in h.Capacity.Tiers)
            await o.WriteLineAsync($"    {t.Tier.ToString().ToLowerInvariant(),-8}{t.Count,6}  cumulative {t.CumulativeCount}/{t.CumulativeCapacity}{(t.OverCapacity ? "  OVER CAPACITY" : "")}");
        await o.WriteLineAsync($"  Last 12 months: {h.Recent.New.Count} new, {h.Recent.Cooled.Count} cooled, {h.Recent.Revived.Count} revived");
        await Names(o, "new", h.Recent.New.Select(c => c.Name));
        await Names(o, "cooled", h.Recent.Cooled.Select(c => $"{c.Name} ({c.From?.Word()} → {c.To.Word()})"));
        await Names(o, "revived", h.Recent.Revived.Select(c => c.Name));

        await Heading(o, "Diversity");
        await o.WriteLineAsync($"  {"dimension",-11}{"reach Blau",11}{"evenness",10}{"active Blau",12}{"evenness",10}{"values",8}{"unknown",9}");
        foreach (var d in r.Diversity.Dimensions)
            await o.WriteLineAsync($"  {d.Dimension.ToString().ToLowerInvariant(),-11}{F2(d.Reach.Blau),11}{F2(d.Reach.Evenness),10}{F2(d.Active.Blau),12}{F2(d.Active.Evenness),10}{d.Reach.Categories,8}{d.UnknownContacts,9}");
        if (r.Diversity.Gaps.Count > 0)
        {
            await o.WriteLineAsync("  Largest gaps:");
            foreach (var g in r.Diversity.Gaps) await o.WriteLineAsync($"  - {g.Text}");
        }

        var sh = r.StructuralHoles;
        await Heading(o, "Structural holes");
        await o.WriteLineAsync($"  {sh.Summary}");
        // The summary above gives the effective size and the constraint (with its spread); they are not printed again here.
        await o.WriteLineAsync($"  Your {sh.Contacts} strongest contacts: {sh.KnownLinks} known links among {sh.Pairs} pairs, coverage {InsightText.Percent(sh.Coverage)}" +
            (sh.Shown ? "" : "; too few pairs known for the brokerage measures"));
        foreach (var bridge in sh.Bridges) await o.WriteLineAsync($"  bridge: {bridge.Name} #{bridge.ContactId}: {bridge.Reason}");

        var rt = r.Returns;
        await Heading(o, "Returns on events and communities");
        await o.WriteLineAsync($"  {rt.Stage.ToString().ToLowerInvariant()}: {rt.StageAdvice}");
        if (rt.Communities.Count == 0 && rt.BySize.Count == 0) await o.WriteLineAsync("  no events or communities yet");
        foreach (var c in rt.Communities)
            await o.WriteLineAsync($"  {c.Advice.Word(),-12}{c.Name}: {c.EventsAttended} attended, {c.Yield.Met} met, {c.Yield.Lasting} lasting, streak {c.CurrentStreak} (best {c.LongestStreak}). {c.Reason}");
        foreach (var size in rt.BySize)
            await o.WriteLineAsync($"  {SizeLine(size)}");
        foreach (var e in rt.Events.Where(e => e.Yield.Met > 0).OrderByDescending(e => e.Yield.Lasting).ThenByDescending(e => e.StartsAt).Take(10))
            await o.WriteLineAsync($"    {e.StartsAt:yyyy-MM-dd} {e.Name}: {e.Yield.Met} met, {e.Yield.Lasting} lasting, {e.Yield.Pending} too recent; {InsightText.Hours(e.Minutes)}, money {InsightText.Money(e.Cost)}");

        await Heading(o, "Job leads (moderately embedded, weakly active ties)");
        if (r.JobLeads.Count == 0) await o.WriteLineAsync("  none yet");
        foreach (var j in r.JobLeads)
            await o.WriteLineAsync($"  {F2(j.Score)}  {j.Name} #{j.ContactId}{(j.Role is null ? "" : $", {j.Role}")}: {j.Why}");

        await Heading(o, "Dormant ties worth reviving");
        if (r.Reconnect.Count == 0) await o.WriteLineAsync("  none");
        foreach (var c in r.Reconnect)
            await o.WriteLineAsync($"  {F2(c.Priority)}  {c.Name} #{c.ContactId}{(c.Role is null ? "" : $", {c.Role}")}: {string.Join("; ", c.Why)}");
    }

    /// <summary>
    /// One size of event in words, its rates over the events old enough to judge only:
    /// "big events: 15, 8 met; 12 old enough to judge: 6 lasting, 0.50 each, money 633.33 and 16 hours per lasting relationship".
    /// </summary>
    internal static string SizeLine(SizeComparison s)
    {
        var head = $"{s.Size} events: {s.Events}, {s.Yield.Met} met";
        if (s.Judged == 0) return $"{head}; none old enough to judge yet (it takes six months)";
        var judged = s.Judged == s.Events ? $"all {s.Judged} old enough to judge" : $"{s.Judged} old enough to judge";
        var per = s.CostPerLasting is { } cpl && s.HoursPerLasting is { } hpl
            ? $", money {InsightText.Money(cpl)} and {InsightText.Number(hpl, "0.#")} hours per lasting relationship"
            : "";
        return $"{head}; {judged}: {s.JudgedLasting} lasting, {F2(s.LastingPerEvent)} each{per}";
    }

    private static async Task Heading(TextWriter o, string title)
    {
        await o.WriteLineAsync();
        await o.WriteLineAsync(title);
    }

    private static async Task Names(TextWriter o, string label, IEnumerable<string> names)
    {
        var list = names.ToList();
        if (list.Count == 0) return;
        await o.WriteLineAsync($"    {label}: {string.Join(", ", list.Take(8))}{(list.Count > 8 ? $" and {list.Count - 8} more" : "")}");
    }

    private static string Range(double? min, double? max) => (min, max) switch
    {
        ({ } a, { } b) => $" (target {InsightText.Percent(a)}–{InsightText.Percent(b)})",
        ({ } a, null) => $" (target at least {InsightText.Percent(a)})",
        (null, { } b) => $" (target at most {InsightText.Percent(b)})",
        _ => "",
    };
}
