using System.CommandLine;
using System.Globalization;
using Rapport.App.Events;
using Rapport.App.Organizations;

namespace Rapport.Cli.Commands;

/// <summary>`rapport event` and `rapport org`: the events you go to and the communities you belong to, whose returns `insights` weighs.</summary>
internal static class EventCommands
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static Command Event(CommandServices s)
    {
        var name = new Argument<string>("name") { Description = "The event's name, e.g. \"Berlin Product Guild #42\"." };
        var kind = Opt.Of<string>("--kind", "conference, meetup, meeting, webinar or other (default: meetup).");
        kind.DefaultValueFactory = _ => "meetup";
        var date = Opt.Of<string>("--date", "When it starts: 2026-12-03 or 2026-12-03T18:30 (UTC).");
        date.Required = true;
        var city = Opt.Of<string?>("--city", "Where.");
        var venue = Opt.Of<string?>("--venue", "The place.");
        var organizer = Opt.Of<string?>("--organizer", "The organization or community that runs it (id or name): its events make up the community's streak in `insights`.");
        var size = Opt.Of<string?>("--size", "About how many people attend.");
        var cost = Opt.Of<string?>("--cost", "What it cost you (ticket, travel), e.g. 49.50.");
        var minutes = Opt.Of<string?>("--minutes", "The time it took you, travel included, in minutes.");
        var rating = Opt.Of<string?>("--rating", "Your rating, 1 to 5.");
        var notes = Opt.Of<string?>("--notes", "Anything to remember.");
        var notGoing = Opt.Of<bool>("--not-going", "Record it without going: a meeting of its community you missed, which ends your streak there.");
        var add = new Command("add", "Add a conference, meetup, meeting or webinar; then record who you met there (`event met`, `event attend`).")
            .With(name, kind, date, city, venue, organizer, size, cost, minutes, rating, notes, notGoing);
        add.SetAction(async (p, ct) =>
        {
            var ctx = s.Context(p);
            await using var db = await ctx.OpenAsync(ct);
            var e = await new CreateEvent(db).ExecuteAsync(new EventRequest(p.GetValue(name)!, p.GetValue(kind)!, p.GetValue(date)!)
            {
                City = p.GetValue(city), Venue = p.GetValue(venue), Organizer = p.GetValue(organizer), Size = p.GetValue(size), Cost = p.GetValue(cost),
                Minutes = p.GetValue(minutes), Rating = p.GetValue(rating), Notes = p.GetValue(notes), Attending = !p.GetValue(notGoing),
            }, ct);
            var detail = (await EventQueries.GetAsync(db, e.Id, ctx.Clock, ct))!;
            if (ctx.Json) await ctx.WriteJsonAsync(detail);
            else await ctx.Out.WriteLineAsync($"Added event #{detail.Id} {detail.Name} on {detail.StartsAt:yyyy-MM-dd HH:mm}{(detail.Organizer is null ? "" : $", run by {detail.Organizer}")}.");
            return 0;
        });

        var list = new Command("list", "Events coming up, then past ones (newest first), with how many people you met at each.");
        list.SetAction(async (p, ct) =>
        {
            var ctx = s.Context(p);
            await using var db = await ctx.OpenAsync(ct);
            var (upcoming, past) = await EventQueries.ListAsync(db, ctx.Clock, ct);
            if (ctx.Json)
            {
                await ctx.WriteJsonAsync(upcoming.Concat(past));
                return 0;
            }
            if (upcoming.Count == 0 && past.Count == 0)
            {
                await ctx.Out.WriteLineAsync("No events yet: `rapport event add \"...\" --date 2026-12-03`.");
                return 0;
            }
            foreach (var (title, rows) in new[] { ("Coming up", upcoming), ("Past", past) })
            {
                if (rows.Count == 0) continue;
                await ctx.Out.WriteLineAsync(title);
                foreach (var r in rows)
                    await ctx.Out.WriteLineAsync($"  #{r.Id,-5} {r.StartsAt:yyyy-MM-dd} {r.Name} ({r.Kind}{(r.City is null ? "" : ", " + r.City)}){(r.Attending ? "" : " — not going")}: {Met(r.Met)}");
            }
            return 0;
        });

        var which = new Argument<string>("event") { Description = "The event's id or a part of its name." };
        var show = new Command("show", "One event: who was there, whom you met, and what it returned six months on.").With(which);
        show.SetAction(async (p, ct) =>
        {
            var ctx = s.Context(p);
            await using var db = await ctx.OpenAsync(ct);
            var e = await EventResolver.ResolveAsync(db, p.GetValue(which)!, "event", ct);
            var d = (await EventQueries.GetAsync(db, e.Id, ctx.Clock, ct))!;
            if (ctx.Json)
            {
                await ctx.WriteJsonAsync(d);
                return 0;
            }
            var o = ctx.Out;
            await o.WriteLineAsync($"#{d.Id} {d.Name} ({d.Kind}), {d.StartsAt:yyyy-MM-dd HH:mm}{(d.City is null ? "" : ", " + d.City)}{(d.Venue is null ? "" : ", " + d.Venue)}{(d.Attending ? "" : " — not going")}");
            if (d.Organizer is not null) await o.WriteLineAsync($"  run by: {d.Organizer} #{d.OrganizerId}");
            if (d.Size is { } n) await o.WriteLineAsync($"  size: about {n} people");
            if (d.Cost is { } c) await o.WriteLineAsync(string.Create(Inv, $"  cost: {c:0.##}{(d.Return.CostPerLasting is { } per ? $" ({per:0.##} per lasting relationship)" : "")}"));
            if (d.MinutesSpent is { } m) await o.WriteLineAsync(string.Create(Inv, $"  time: {m / 60.0:0.#} h{(d.Return.HoursPerLasting is { } h ? $" ({h:0.#} h per lasting relationship)" : "")}"));
            if (d.Rating is { } r) await o.WriteLineAsync($"  your rating: {r} of 5");
            if (d.Notes is not null) await o.WriteLineAsync($"  notes: {d.Notes}");
            await o.WriteLineAsync($"  return: {d.Return.Verdict}");
            foreach (var a in d.Attendees)
                await o.WriteLineAsync($"  {(a.Met ? "met " : "saw ")} #{a.ContactId} {a.Name}{(a.Company is null ? "" : $" ({a.Company})")}, last contact {a.LastInteraction?.ToString("yyyy-MM-dd", Inv) ?? "never"}{(a.Lasting ? ", lasting" : "")}");
            return 0;
        });

        var editWhich = new Argument<string>("event") { Description = "The event's id or a part of its name." };
        var newName = Opt.Of<string?>("--name", "A new name.");
        var newKind = Opt.Of<string?>("--kind", "conference, meetup, meeting, webinar or other.");
        var newDate = Opt.Of<string?>("--date", "A new start: 2026-12-03 or 2026-12-03T18:30 (UTC).");
        var going = Opt.Of<bool?>("--going", "Whether you go (or went): true or false.");
        var edit = new Command("edit", "Change an event: who runs it, what it cost and took, your rating. An empty value (\"\") clears an optional field.")
            .With(editWhich, newName, newKind, newDate, city, venue, organizer, size, cost, minutes, rating, notes, going);
        edit.SetAction(async (p, ct) =>
        {
            var ctx = s.Context(p);
            await using var db = await ctx.OpenAsync(ct);
            var (e, changed) = await new EditEvent(db).ExecuteAsync(p.GetValue(editWhich)!, new EventChanges
            {
                Name = p.GetValue(newName), Kind = p.GetValue(newKind), Date = p.GetValue(newDate), City = p.GetValue(city), Venue = p.GetValue(venue),
                Organizer = p.GetValue(organizer), Size = p.GetValue(size), Cost = p.GetValue(cost), Minutes = p.GetValue(minutes), Rating = p.GetValue(rating),
                Notes = p.GetValue(notes), Attending = p.GetValue(going),
            }, ct);
            if (ctx.Json) await ctx.WriteJsonAsync((await EventQueries.GetAsync(db, e.Id, ctx.Clock, ct))!);
            else await ctx.Out.WriteLineAsync(changed.Count == 0 ? $"Event #{e.Id} {e.Name}: nothing to change." : $"Event #{e.Id} {e.Name}: changed {string.Join(", ", changed)}.");
            return 0;
        });

        var attendEvent = new Argument<string>("event") { Description = "The event's id or a part of its name." };
        var who = Opt.Who();
        var met = Opt.Of<bool>("--met", "You met them there (the event then counts toward their relationship's return); without it, they were only there.");
        var attend = new Command("attend", "Record that a contact you already have was at an event.").With(attendEvent, who, met);
        attend.SetAction(async (p, ct) =>
        {
            var ctx = s.Context(p);
            await using var db = await ctx.OpenAsync(ct);
            var e = await EventResolver.ResolveAsync(db, p.GetValue(attendEvent)!, "event", ct);
            await new AddAttendee(db).ExecuteAsync(e.Id, p.GetValue(who)!, p.GetValue(met), ct);
            var d = (await EventQueries.GetAsync(db, e.Id, ctx.Clock, ct))!;
            if (ctx.Json) await ctx.WriteJsonAsync(d);
            else await ctx.Out.WriteLineAsync($"{d.Name} #{d.Id}: {d.Attendees.Count} there, {Met(d.Return.Met)}.");
            return 0;
        });

        var metEvent = new Argument<string>("event") { Description = "The event's id or a part of its name." };
        var person = new Argument<string>("name") { Description = "The name of the person you met." };
        var company = Opt.Of<string?>("--company", "Where they work.");
        var title = Opt.Of<string?>("--title", "Their role.");
        var email = Opt.Of<string?>("--email", "Their email address.");
        var note = Opt.Of<string?>("--note", "What you talked about.");
        var metCmd = new Command("met", "Add someone new you met at an event, in a few seconds: a contact met there, with the encounter logged so the tie starts warm.")
            .With(metEvent, person, company, title, email, note);
        metCmd.SetAction(async (p, ct) =>
        {
            var ctx = s.Context(p);
            await using var db = await ctx.OpenAsync(ct);
            var e = await EventResolver.ResolveAsync(db, p.GetValue(metEvent)!, "event", ct);
            var c = await new AddPersonMet(db, ctx.Clock).ExecuteAsync(new PersonMetRequest(e.Id, p.GetValue(person)!)
            {
                Company = p.GetValue(company), Title = p.GetValue(title), Email = p.GetValue(email), Note = p.GetValue(note),
            }, ct);
            if (ctx.Json) await ctx.WriteJsonAsync(new { contactId = c.Id, name = c.DisplayName, eventId = e.Id, @event = e.Name });
            else await ctx.Out.WriteLineAsync($"Added #{c.Id} {c.DisplayName}, met at {e.Name}.");
            return 0;
        });

        return new Command("event", "Events: add, list, show, edit, and who you met there (attend, met); `insights` weighs what each returned.")
            .With(add, list, show, edit, attend, metCmd);
    }

    public static Command Org(CommandServices s)
    {
        var name = new Argument<string>("name") { Description = "The organization's name." };
        var kind = Opt.Of<string>("--kind", "company, association, alumni, university or community (default: community).");
        kind.DefaultValueFactory = _ => "community";
        var industry = Opt.Of<string?>("--industry", "Its industry.");
        var city = Opt.Of<string?>("--city", "Where it is.");
        var website = Opt.Of<string?>("--website", "Its website.");
        var cadence = Opt.Of<string?>("--cadence", "How often it meets, in days (7 for weekly, 30 for monthly): the period of your attendance streak.");
        var add = new Command("add", "Add a company, association, alumni network, university or community.")
            .With(name, kind, industry, city, website, cadence);
        add.SetAction(async (p, ct) =>
        {
            var ctx = s.Context(p);
            await using var db = await ctx.OpenAsync(ct);
            var o = await new CreateOrganization(db).ExecuteAsync(new OrganizationRequest(p.GetValue(name)!, p.GetValue(kind)!)
            {
                Industry = p.GetValue(industry), City = p.GetValue(city), Website = p.GetValue(website), MeetingCadenceDays = p.GetValue(cadence),
            }, ct);
            if (ctx.Json) await ctx.WriteJsonAsync((await OrganizationQueries.GetAsync(db, o.Id, ctx.Clock, ct))!);
            else await ctx.Out.WriteLineAsync($"Added {o.Name} #{o.Id} ({App.Common.Input.Kebab(o.Kind)}).");
            return 0;
        });

        var search = Opt.Of<string?>("--search", "Only those whose name or industry contains this.");
        var kindFilter = Opt.Of<string?>("--kind", "Only this kind.");
        var list = new Command("list", "Organizations, with how many current members you know and your own role.").With(search, kindFilter);
        list.SetAction(async (p, ct) =>
        {
            var ctx = s.Context(p);
            await using var db = await ctx.OpenAsync(ct);
            var rows = await OrganizationQueries.ListAsync(db, p.GetValue(search), p.GetValue(kindFilter), ctx.Clock, ct);
            if (ctx.Json) await ctx.WriteJsonAsync(rows);
            else if (rows.Count == 0)
                await ctx.Out.WriteLineAsync(p.GetValue(search) is null && p.GetValue(kindFilter) is null ? "No organizations yet: `rapport org add \"...\" --kind community`." : "No organization matches.");
            else foreach (var r in rows)
                    await ctx.Out.WriteLineAsync($"#{r.Id,-5} {r.Name} ({r.Kind}{(r.City is null ? "" : ", " + r.City)}): {r.Members} {(r.Members == 1 ? "member" : "members")} you know{(r.YourRole is null ? "" : $"; you: {r.YourRole}")}");
            return 0;
        });

        var which = new Argument<string>("organization") { Description = "The organization's id or a part of its name." };
        var show = new Command("show", "One organization and its members, current first.").With(which);
        show.SetAction(async (p, ct) =>
        {
            var ctx = s.Context(p);
            await using var db = await ctx.OpenAsync(ct);
            var org = await OrganizationResolver.ResolveAsync(db, p.GetValue(which)!, "organization", ct);
            var d = (await OrganizationQueries.GetAsync(db, org.Id, ctx.Clock, ct))!;
            if (ctx.Json)
            {
                await ctx.WriteJsonAsync(d);
                return 0;
            }
            var o = ctx.Out;
            await o.WriteLineAsync($"#{d.Id} {d.Name} ({d.Kind}{(d.Industry is null ? "" : ", " + d.Industry)}{(d.City is null ? "" : ", " + d.City)})");
            if (d.Website is not null) await o.WriteLineAsync($"  website: {d.Website}");
            if (d.MeetingCadenceDays is { } days) await o.WriteLineAsync($"  meets every {days} days");
            if (d.Members.Count == 0) await o.WriteLineAsync("  no members recorded");
            var today = DateOnly.FromDateTime(ctx.Clock.GetUtcNow().UtcDateTime);
            foreach (var m in d.Members)
            {
                var span = (m.StartedOn, m.EndedOn) switch
                {
                    (null, null) => "",
                    ({ } from, null) => $", since {from:yyyy-MM-dd}",
                    (null, { } to) => $", until {to:yyyy-MM-dd}",
                    ({ } from, { } to) => $", {from:yyyy-MM-dd} to {to:yyyy-MM-dd}",
                };
                var when = m.Current ? "now " : m.StartedOn > today ? "next" : "past";
                await o.WriteLineAsync($"  {when} {(m.ContactId is { } id ? $"#{id} " : "")}{m.Name}: {m.Role}{(m.Title is null ? "" : $", {m.Title}")}{span}");
            }
            return 0;
        });

        var memberOrg = new Argument<string>("organization") { Description = "The organization's id or a part of its name." };
        var who = Opt.Of<string?>("--who", "The contact (id, email or name); leave it out for your own membership.");
        var role = Opt.Of<string>("--role", "member, employee, committee, board, volunteer, alumnus, student or organizer (default: member).");
        role.DefaultValueFactory = _ => "member";
        var memberTitle = Opt.Of<string?>("--title", "Their title there.");
        var from = Opt.Of<string?>("--from", "Since when, as 2024-01-15.");
        var to = Opt.Of<string?>("--to", "Until when, as 2025-06-30 (leave out while it lasts).");
        var member = new Command("member", "Record a membership: a contact's (shared organizations at the same time suggest they know each other) or yours.")
            .With(memberOrg, who, role, memberTitle, from, to);
        member.SetAction(async (p, ct) =>
        {
            var ctx = s.Context(p);
            await using var db = await ctx.OpenAsync(ct);
            var org = await OrganizationResolver.ResolveAsync(db, p.GetValue(memberOrg)!, "organization", ct);
            var m = await new AddMembership(db).ExecuteAsync(org.Id, p.GetValue(who), p.GetValue(role)!, p.GetValue(memberTitle), p.GetValue(from), p.GetValue(to), ct);
            if (ctx.Json) await ctx.WriteJsonAsync((await OrganizationQueries.GetAsync(db, org.Id, ctx.Clock, ct))!);
            else await ctx.Out.WriteLineAsync($"{(m.ContactId is { } id ? $"Contact #{id}" : "You")}: {App.Common.Input.Kebab(m.Role)} of {org.Name}.");
            return 0;
        });

        return new Command("org", "Organizations and communities: add, list, show, and their members.").With(add, list, show, member);
    }

    private static string Met(int n) => n switch { 0 => "no one met yet", 1 => "1 person met", _ => $"{n} people met" };
}
