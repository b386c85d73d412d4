using System.CommandLine;
using Rapport.App.Contacts;
using Rapport.App.Exchanges;
using Rapport.App.Interactions;
using Rapport.Domain.Exchanges;

namespace Rapport.Cli.Commands;

/// <summary>`rapport log`, `give`, `ask`, `link`, `intro` and `life-event`: recording what happens in relationships.</summary>
internal static class InteractionCommands
{
    public static Command Log(CommandServices s)
    {
        var who = Opt.Who("who", "The contact(s): ids, emails or names, separated by commas for a group.");
        var channel = Opt.Of<string>("--channel", "How: in-person, group, call, video, email, message, social, event or letter.");
        channel.Required = true;
        var direction = Opt.Of<string?>("--direction", "Who reached out: out (you, the default), in (they) or mutual.");
        var date = Opt.Of<string?>("--date", "When, as 2026-05-01 or 2026-05-01T14:30 (UTC); default now.");
        var purpose = Opt.Of<string?>("--purpose", "Why: catch-up, congratulate, seasonal, ask, give, introduction, collaboration or follow-up.");
        var note = Opt.Of<string?>("--note", "What you talked about.");
        var insight = Opt.Of<string?>("--insight", "What you learned from them (searchable).");
        var cmd = new Command("log", "Log a touchpoint with one or more contacts; it resets their keep-in-touch cadence.")
            .With(who, channel, direction, date, purpose, note, insight);
        cmd.SetAction(async (p, ct) =>
        {
            var ctx = s.Context(p);
            await using var db = await ctx.OpenAsync(ct);
            var i = await new LogInteraction(db, ctx.Clock).ExecuteAsync(new LogRequest(p.GetValue(who)!, p.GetValue(channel)!)
            {
                Direction = p.GetValue(direction), Date = p.GetValue(date), Purpose = p.GetValue(purpose),
                Note = p.GetValue(note), Insight = p.GetValue(insight),
            }, ct);
            if (ctx.Json) await ctx.WriteJsonAsync(new { i.Id, i.OccurredAt, i.Channel, i.Direction, i.Purpose, i.Notes, i.Insight, contactIds = i.Participants.Select(x => x.ContactId) });
            else await ctx.Out.WriteLineAsync($"Logged {App.Common.Input.Kebab(i.Channel)} on {CliContext.Date(i.OccurredAt)} with {i.Participants.Count} contact{(i.Participants.Count == 1 ? "" : "s")} (#{i.Id}).");
            return 0;
        });
        return cmd;
    }

    public static Command Exchange(CommandServices s, ExchangeDirection direction)
    {
        var name = direction == ExchangeDirection.Give ? "give" : "ask";
        var who = Opt.Who();
        var kind = Opt.Of<string>("--kind", "What: advice, introduction, referral, recommendation, endorsement, help, knowledge or favor.");
        kind.Required = true;
        var status = Opt.Of<string?>("--status", direction == ExchangeDirection.Give
            ? "offered (promised, not yet done), done (the default) or declined."
            : "requested (asked, not yet answered), done (the default) or declined.");
        var note = Opt.Of<string?>("--note", "What exactly.");
        var date = Opt.Of<string?>("--date", "When, as 2026-05-01; default today.");
        var cmd = new Command(name, direction == ExchangeDirection.Give
            ? "Record something you gave a contact: the ledger keeps you giving before asking."
            : "Record something you asked of a contact.").With(who, kind, status, note, date);
        cmd.SetAction(async (p, ct) =>
        {
            var ctx = s.Context(p);
            await using var db = await ctx.OpenAsync(ct);
            var e = await new RecordExchange(db, ctx.Clock).ExecuteAsync(new ExchangeRequest(p.GetValue(who)!, direction, p.GetValue(kind)!)
            {
                Status = p.GetValue(status), Note = p.GetValue(note), Date = p.GetValue(date),
            }, ct);
            if (ctx.Json) await ctx.WriteJsonAsync(new { e.Id, e.ContactId, e.Direction, e.Kind, e.Status, date = e.OccurredOn, e.Note });
            else await ctx.Out.WriteLineAsync($"Recorded: {name} {App.Common.Input.Kebab(e.Kind)} ({App.Common.Input.Kebab(e.Status)}) on {e.OccurredOn:yyyy-MM-dd} (#{e.Id}).");
            return 0;
        });
        return cmd;
    }

    public static Command Link(CommandServices s)
    {
        var a = Opt.Who("first", "One contact.");
        var b = Opt.Who("second", "The other contact.");
        var kind = Opt.Of<string?>("--kind", "How they know each other: colleague, friend, family, introduced or other (default for a new link; linking again keeps the kind unless given).");
        var strength = Opt.Of<double?>("--strength", "How strong their tie is, above 0 up to 1; a bare link counts as 0.3 in introduction paths.");
        var cmd = new Command("link", "Record that two contacts know each other: the graph behind introduction paths.").With(a, b, kind, strength);
        cmd.SetAction(async (p, ct) =>
        {
            var ctx = s.Context(p);
            await using var db = await ctx.OpenAsync(ct);
            var (l, isNew) = await new LinkContacts(db, ctx.Clock).ExecuteAsync(p.GetValue(a)!, p.GetValue(b)!, p.GetValue(kind), p.GetValue(strength), ct);
            if (ctx.Json) await ctx.WriteJsonAsync(new { l.Id, l.ContactAId, l.ContactBId, l.Kind, l.Strength, l.Inferred, Created = isNew });
            else await ctx.Out.WriteLineAsync($"{(isNew ? "Linked" : "Updated the link between")} #{l.ContactAId} and #{l.ContactBId} ({App.Common.Input.Kebab(l.Kind)}).");
            return 0;
        });
        return cmd;
    }

    public static Command Knows(CommandServices s)
    {
        var who = Opt.Who();
        var limit = Opt.Of<int?>("--limit", "How many of each list to show (default 20, at most 1,000).");
        var cmd = new Command("knows", "Whom a contact knows (their links and the introductions that name them, by name) and whom Rapport infers they "
            + "probably know from shared organizations, events and meetings (strongest first, with why).").With(who, limit);
        cmd.SetAction(async (p, ct) =>
        {
            var ctx = s.Context(p);
            await using var db = await ctx.OpenAsync(ct);
            var take = p.GetValue(limit) ?? 20;
            if (take is < 1 or > 1000) throw new App.Common.InputException("limit", $"limit: expected 1 to 1000, got {take}");
            var c = await ContactResolver.ResolveAsync(db, p.GetValue(who)!, ct: ct);
            var (knows, total) = (await App.People.PersonQuery.KnowsAsync(db, c.Id, take, ct))!.Value;
            var probable = (await App.Insights.InsightsNetwork.LoadAsync(db, ctx.Clock.GetUtcNow().UtcDateTime, ct)).ProbablyKnowsOf(c.Id, take);
            if (ctx.Json)
            {
                await ctx.WriteJsonAsync(new
                {
                    c.Id, Name = c.DisplayName,
                    Knows = new { Total = total, People = knows.Select(k => new { k.Id, k.Name }) },
                    ProbablyKnows = probable,
                });
                return 0;
            }
            var o = ctx.Out;
            await o.WriteLineAsync(total == 0 ? $"{c.DisplayName} knows no one you have entered yet." : $"{c.DisplayName} knows {Count(total)}:");
            foreach (var (id, name) in knows) await o.WriteLineAsync($"  {name} (#{id})");
            if (total > knows.Count) await o.WriteLineAsync($"  … and {total - knows.Count} more (--limit)");
            if (probable.Total == 0) return 0;
            await o.WriteLineAsync($"Probably knows, inferred by Rapport ({Count(probable.Total)}, strongest first):");
            foreach (var a in probable.People) await o.WriteLineAsync($"  {a.Name} (#{a.Id}, {a.Strength.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}): {a.Reason}");
            if (probable.Total > probable.People.Count) await o.WriteLineAsync($"  … and {probable.Total - probable.People.Count} more (--limit)");
            return 0;

            static string Count(int n) => n == 1 ? "1 person" : $"{n:N0} people";
        });
        return cmd;
    }

    public static Command Intro(CommandServices s)
    {
        var a = Opt.Who("first", "The person introduced.");
        var b = new Argument<string?>("second") { Description = "The person they were introduced to; leave out with --by when it was you.", Arity = ArgumentArity.ZeroOrOne };
        var by = Opt.Of<string?>("--by", "Who made the introduction: a contact; default you.");
        var date = Opt.Of<string?>("--date", "When, as 2026-05-01; default today.");
        var outcome = Opt.Of<string?>("--outcome", "What came of it, e.g. \"became a regular coffee\".");
        var note = Opt.Of<string?>("--note", "Anything else worth keeping.");
        var cmd = new Command("intro", "Log an introduction: you introduced two contacts, a contact (--by) introduced two, or one to you. "
            + "The insights link those it names.").With(a, b, by, date, outcome, note);
        cmd.SetAction(async (p, ct) =>
        {
            var ctx = s.Context(p);
            await using var db = await ctx.OpenAsync(ct);
            var (i, introducer, first, second) = await new LogIntroduction(db, ctx.Clock)
                .ExecuteAsync(p.GetValue(a)!, p.GetValue(b), p.GetValue(by), p.GetValue(date), p.GetValue(outcome), p.GetValue(note), ct);
            if (ctx.Json) await ctx.WriteJsonAsync(new { i.Id, i.IntroducerId, i.PersonAId, i.PersonBId, date = i.IntroducedOn, i.Outcome, i.Note });
            else await ctx.Out.WriteLineAsync($"Logged: {introducer ?? "you"} introduced {first} to {second ?? "you"} on {i.IntroducedOn:yyyy-MM-dd} (#{i.Id}).");
            return 0;
        });
        return cmd;
    }

    public static Command LifeEvent(CommandServices s)
    {
        var who = Opt.Who();
        var kind = Opt.Of<string>("--kind", "What happened: new-job, promotion, move, birthday, award or custom.");
        kind.Required = true;
        var date = Opt.Of<string?>("--date", "When, as 2026-05-01; default today.");
        var note = Opt.Of<string?>("--note", "Details, e.g. \"now Head of Design at Figma\".");
        var cmd = new Command("life-event", "Record a life event of a contact; Rapport suggests congratulating them within 14 days.").With(who, kind, date, note);
        cmd.SetAction(async (p, ct) =>
        {
            var ctx = s.Context(p);
            await using var db = await ctx.OpenAsync(ct);
            var e = await new AddLifeEvent(db, ctx.Clock).ExecuteAsync(p.GetValue(who)!, p.GetValue(kind)!, p.GetValue(date), p.GetValue(note), ct);
            if (ctx.Json) await ctx.WriteJsonAsync(new { e.Id, e.ContactId, e.Kind, date = e.OccurredOn, e.Note });
            else await ctx.Out.WriteLineAsync($"Recorded {App.Common.Input.Kebab(e.Kind)} on {e.OccurredOn:yyyy-MM-dd} (#{e.Id}).");
            return 0;
        });
        return cmd;
    }
}
