using System.CommandLine;
using System.Globalization;
using Rapport.App.Merge;

namespace Rapport.Cli.Commands;

/// <summary>`rapport contact duplicates|merge|unmerge`.</summary>
internal static class MergeCommands
{
    public static Command Duplicates(CommandServices s)
    {
        var min = Opt.Of<double>("--min", "Only pairs at least this likely, 0 to 1 (default 0.5).");
        min.DefaultValueFactory = _ => 0.5;
        var limit = Opt.Of<int>("--limit", "At most this many pairs (default 100).");
        limit.DefaultValueFactory = _ => 100;
        var cmd = new Command("duplicates", "List likely duplicates, most likely first, with a confidence and the reasons (same LinkedIn profile or phone, close name at the same company...).")
            .With(min, limit);
        cmd.SetAction(async (p, ct) =>
        {
            var ctx = s.Context(p);
            await using var db = await ctx.OpenAsync(ct);
            var pairs = await new FindDuplicates(db).ExecuteAsync(p.GetValue(min), p.GetValue(limit), ct);
            if (ctx.Json)
            {
                await ctx.WriteJsonAsync(pairs);
                return 0;
            }
            if (pairs.Count == 0) await ctx.Out.WriteLineAsync("No likely duplicates.");
            foreach (var d in pairs)
            {
                await ctx.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{d.Confidence:P0}  #{d.KeepId} {d.KeepName}  ~  #{d.MergeId} {d.MergeName}: {string.Join("; ", d.Reasons)}"));
                await ctx.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"      rapport contact merge {d.KeepId} {d.MergeId}"));
            }
            return 0;
        });
        return cmd;
    }

    public static Command Merge(CommandServices s)
    {
        var keep = Opt.Who("keep", "The contact to keep: an id, an email address, or a unique part of the name.");
        var merge = Opt.Who("merge", "The duplicate to fold into it; it goes to the trash, and every interaction, note and link moves over.");
        var cmd = new Command("merge", "Merge a duplicate into the contact to keep. Nothing is lost, and `rapport contact unmerge <merge id>` undoes it.").With(keep, merge);
        cmd.SetAction(async (p, ct) =>
        {
            var ctx = s.Context(p);
            await using var db = await ctx.OpenAsync(ct);
            var r = await new MergeContacts(db, ctx.Clock).ExecuteAsync(p.GetValue(keep)!, p.GetValue(merge)!, ct);
            if (ctx.Json) await ctx.WriteJsonAsync(r);
            else
            {
                await ctx.Out.WriteLineAsync($"Merged {r.MergedName} (#{r.MergedId}) into {r.SurvivorName} (#{r.SurvivorId}): {r.RowsMoved} rows moved" +
                    (r.FieldsFilled.Count > 0 ? $", filled {string.Join(", ", r.FieldsFilled)}" : "") + ".");
                await ctx.Out.WriteLineAsync($"Undo with: rapport contact unmerge {r.MergeId}");
            }
            return 0;
        });
        return cmd;
    }

    public static Command Unmerge(CommandServices s)
    {
        var id = new Argument<long>("merge-id") { Description = "The merge to undo, as printed by `rapport contact merge`." };
        var cmd = new Command("unmerge", "Undo a merge: the duplicate comes back with everything that was moved from it.").With(id);
        cmd.SetAction(async (p, ct) =>
        {
            var ctx = s.Context(p);
            await using var db = await ctx.OpenAsync(ct);
            var r = await new UnmergeContacts(db, ctx.Clock).ExecuteAsync(p.GetValue(id), ct);
            if (ctx.Json) await ctx.WriteJsonAsync(new { mergeId = r.Id, survivorId = r.SurvivorId, restoredId = r.MergedId, undoneAt = r.UndoneAt });
            else await ctx.Out.WriteLineAsync($"Undid merge {r.Id}: contact #{r.MergedId} is back, with what was moved from it.");
            return 0;
        });
        return cmd;
    }
}
