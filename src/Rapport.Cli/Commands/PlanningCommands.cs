using System.CommandLine;
using System.Globalization;
using Rapport.App.Nurture;

namespace Rapport.Cli.Commands;

/// <summary>`rapport goal`, `invitation`, `trip` and `reminder`: what you work toward and what you plan.</summary>
internal static class PlanningCommands
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static Command Goal(CommandServices s)
    {
        var title = new Argument<string>("title") { Description = "What you want, e.g. \"Find 3 mentors in product management\"." };
        var kind = Opt.Of<string?>("--kind", "find-mentors, enter-field, get-job, grow-community, find-clients, find-peers or other (default).");
        var roles = Opt.Many("--role", "A target role, e.g. \"product manager\" (repeatable).");
        var industries = Opt.Many("--industry", "A target industry (repeatable).");
        var orgs = Opt.Many("--org", "A target organization (repeatable).");
        var relation = Opt.Of<string?>("--relation", "What they are to you: mentor, peer, sponsor, client or any (default).");
        var target = Opt.Of<int?>("--target", "How many people you want, e.g. 5.");
        var deadline = Opt.Of<string?>("--deadline", "By when, as 2027-06-30.");
        var contacts = Opt.Many("--contact", "A contact already serving the goal (id, email or name; repeatable).");
        var add = new Command("add", "Add a goal with its target profile; Rapport finds who in your network serves it.")
            .With(title, kind, roles, industries, orgs, relation, target, deadline, contacts);
        add.SetAction(async (p, ct) =>
        {
            var ctx = s.Context(p);
            await using var db = await ctx.OpenAsync(ct);
            var g = await new GoalService(db, ctx.Clock).AddAsync(new GoalRequest(p.GetValue(title)!)
            {
                Kind = p.GetValue(kind), Roles = p.GetValue(roles) ?? [], Industries = p.GetValue(industries) ?? [], Organizations = p.GetValue(orgs) ?? [],
                Relation = p.GetValue(relation), Target = p.GetValue(target), Deadline = p.GetValue(deadline), Contacts = p.GetValue(contacts) ?? [],
            }, ct);
            if (ctx.Json) await ctx.WriteJsonAsync(g);
            else await ctx.Out.WriteLineAsync($"Added goal #{g.Id} {g.Title}: {g.Progress}.");
            return 0;
        });

        var list = new Command("list", "Your goals with their progress in plain words.");
        list.SetAction(async (p, ct) =>
        {
            var ctx = s.Context(p);
            await using var db = await ctx.OpenAsync(ct);
            var goals = await new GoalService(db, ctx.Clock).ListAsync(ct);
            if (ctx.Json) await ctx.WriteJsonAsync(goals);
            else if (goals.Count == 0) await ctx.Out.WriteLineAsync("No goals yet: `rapport goal add \"...\" --role ...`.");
            else foreach (var g in goals) await ctx.Out.WriteLineAsync($"#{g.Id,-4} {g.Title} [{g.Status}] — {g.Progress}{(g.Deadline is { } d ? $" (by {d:yyyy-MM-dd})" : "")}");
            return 0;
        });

        var which = new Argument<string>("goal") { Description = "The goal's id or part of its title." };
        var show = new Command("show", "One goal: its target profile, progress, and the contacts who serve it, with why.").With(which);
        show.SetAction(async (p, ct) =>
        {
            var ctx = s.Context(p);
            await using var db = await ctx.OpenAsync(ct);
            var g = await new GoalService(db, ctx.Clock).ShowAsync(p.GetValue(which)!, ct);
            if (ctx.Json)
            {
                await ctx.WriteJsonAsync(g);
                return 0;
            }
            var o = ctx.Out;
            await o.WriteLineAsync($"#{g.Id} {g.Title} ({g.Kind}, {g.Status})");
            if (g.Roles.Count > 0) await o.WriteLineAsync($"  roles: {string.Join(", ", g.Roles)}");
            if (g.Industries.Count > 0) await o.WriteLineAsync($"  industries: {string.Join(", ", g.Industries)}");
            if (g.Organizations.Count > 0) await o.WriteLineAsync($"  organizations: {string.Join(", ", g.Organizations)}");
            if (g.Relation is not null) await o.WriteLineAsync($"  relation: {g.Relation}");
            if (g.Deadline is { } d) await o.WriteLineAsync($"  deadline: {d:yyyy-MM-dd}");
            await o.WriteLineAsync($"  progress: {g.Progress}");
            foreach (var c in g.Contacts)
                await o.WriteLineAsync(string.Create(Inv, $"  {(c.Linked ? "*" : " ")} #{c.Id} {c.Name}: relevance {c.Relevance:0.00}, {c.Label}{(c.Why.Count > 0 ? " — " + string.Join("; ", c.Why) : "")}"));
            if (g.Contacts.Any(c => c.Linked)) await o.WriteLineAsync("  (* linked to the goal)");
            return 0;
        });
        return new Command("goal", "Goals: add, list, show.").With(add, list, show);
    }

    public static Command Invitation(CommandServices s)
    {
        var title = new Argument<string>("title") { Description = "What you were invited to." };
        var at = Opt.Of<string>("--at", "When, as 2026-12-03T18:00 (UTC) or 2026-12-03.");
        at.Required = true;
        var minutes = Opt.Of<int>("--minutes", "How long it takes, travel included.");
        minutes.Required = true;
        var from = Opt.Of<string?>("--from", "Who invited you (id, email or name).");
        var attendees = Opt.Many("--attendee", "Someone you know who will be there (repeatable).");
        var add = new Command("add", "Record an invitation; Rapport suggests accepting or declining, against your goals and weekly budget.")
            .With(title, at, minutes, from, attendees);
        add.SetAction(async (p, ct) =>
        {
            var ctx = s.Context(p);
            await using var db = await ctx.OpenAsync(ct);
            var v = await new InvitationService(db, ctx.Clock).AddAsync(new InvitationRequest(p.GetValue(title)!, p.GetValue(at)!, p.GetValue(minutes))
            {
                From = p.GetValue(from), Attendees = p.GetValue(attendees) ?? [],
            }, ct);
            if (ctx.Json) await ctx.WriteJsonAsync(v);
            else await ctx.Out.WriteLineAsync($"Invitation #{v.Id} {v.Title} on {v.At:yyyy-MM-dd HH:mm}: suggest {v.Suggestion}. {v.Advice}");
            return 0;
        });

        var all = Opt.Of<bool>("--all", "Include decided invitations.");
        var list = new Command("list", "Pending invitations with a suggestion and its reason.").With(all);
        list.SetAction(async (p, ct) =>
        {
            var ctx = s.Context(p);
            await using var db = await ctx.OpenAsync(ct);
            var items = await new InvitationService(db, ctx.Clock).ListAsync(p.GetValue(all), ct);
            if (ctx.Json) await ctx.WriteJsonAsync(items);
            else if (items.Count == 0) await ctx.Out.WriteLineAsync("No pending invitations.");
            else foreach (var v in items)
                {
                    await ctx.Out.WriteLineAsync($"#{v.Id,-4} {v.At:yyyy-MM-dd HH:mm} {v.Title}{(v.From is null ? "" : $" (from {v.From})")}, {v.Minutes} min — {(v.Decision == "pending" ? $"suggest {v.Suggestion}" : v.Decision)}");
                    await ctx.Out.WriteLineAsync($"      {(v.Decision == "pending" ? v.Advice : v.Reason)}");
                }
            return 0;
        });

        var id = new Argument<long>("id") { Description = "The invitation's number." };
        var decision = new Argument<string>("decision") { Description = "accept or decline." };
        var reason = Opt.Of<string?>("--reason", "Why (default: Rapport's reason).");
        var decide = new Command("decide", "Record your decision on an invitation.").With(id, decision, reason);
        decide.SetAction(async (p, ct) =>
        {
            var ctx = s.Context(p);
            await using var db = await ctx.OpenAsync(ct);
            var v = await new InvitationService(db, ctx.Clock).DecideAsync(p.GetValue(id), p.GetValue(decision)!, p.GetValue(reason), ct);
            if (ctx.Json) await ctx.WriteJsonAsync(v);
            else await ctx.Out.WriteLineAsync($"Invitation #{v.Id} {v.Title}: {v.Decision}. {v.Reason}");
            return 0;
        });
        return new Command("invitation", "Invitations: add, list, decide — you don't have to accept every one.").With(add, list, decide);
    }

    public static Command Trip(CommandServices s)
    {
        var city = new Argument<string>("city") { Description = "Where." };
        var from = Opt.Of<string>("--from", "First day, as 2026-12-03.");
        from.Required = true;
        var to = Opt.Of<string>("--to", "Last day, as 2026-12-06.");
        to.Required = true;
        var who = Opt.Of<string?>("--who", "A contact's trip (they come to town); omit for your own trip (meet people there).");
        var note = Opt.Of<string?>("--note", "Details.");
        var add = new Command("add", "Add a trip: yours suggests meeting contacts who live there; a contact's suggests meeting them in your city.")
            .With(city, from, to, who, note);
        add.SetAction(async (p, ct) =>
        {
            var ctx = s.Context(p);
            await using var db = await ctx.OpenAsync(ct);
            var t = await new TripsAndReminders(db, ctx.Clock).AddTripAsync(p.GetValue(city)!, p.GetValue(from)!, p.GetValue(to)!, p.GetValue(who), p.GetValue(note), ct);
            if (ctx.Json) await ctx.WriteJsonAsync(new { t.Id, t.City, t.From, t.To, t.ContactId, t.Note });
            else await ctx.Out.WriteLineAsync($"Trip #{t.Id}: {(t.ContactId is null ? "you" : $"contact #{t.ContactId}")} in {t.City} {t.From:yyyy-MM-dd} to {t.To:yyyy-MM-dd}.");
            return 0;
        });
        return new Command("trip", "Trips: yours and your contacts'.").With(add);
    }

    public static Command Reminder(CommandServices s)
    {
        var who = Opt.Who();
        var due = Opt.Of<string>("--due", "The day, as 2026-12-03.");
        due.Required = true;
        var note = Opt.Of<string?>("--note", "What to follow up on.");
        var add = new Command("add", "Add a one-off follow-up with a contact; it shows in the plan on its day.").With(who, due, note);
        add.SetAction(async (p, ct) =>
        {
            var ctx = s.Context(p);
            await using var db = await ctx.OpenAsync(ct);
            var r = await new TripsAndReminders(db, ctx.Clock).AddReminderAsync(p.GetValue(who)!, p.GetValue(due)!, p.GetValue(note), ct);
            if (ctx.Json) await ctx.WriteJsonAsync(new { r.Id, r.ContactId, r.Due, r.Note });
            else await ctx.Out.WriteLineAsync($"Reminder #{r.Id} for contact #{r.ContactId} on {r.Due:yyyy-MM-dd}.");
            return 0;
        });
        return new Command("reminder", "One-off reminders.").With(add);
    }
}
