using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Rapport.App.Contacts;

namespace Rapport.Cli.Commands;

/// <summary>`rapport contact add|list|show|edit`.</summary>
internal static class ContactCommands
{
    private sealed class FieldOptions
    {
        public Option<string?> Name { get; } = Opt.Of<string?>("--name", "The name as you say it, e.g. \"Ana Silva\".");
        public Option<string?> Given { get; } = Opt.Of<string?>("--given-name", "Given (first) name; derived from --name when omitted.");
        public Option<string?> Family { get; } = Opt.Of<string?>("--family-name", "Family (last) name; derived from --name when omitted.");
        public Option<string[]> Email { get; } = Opt.Many("--email", "Email address; repeat for several. Must not belong to another contact.");
        public Option<string[]> Phone { get; } = Opt.Many("--phone", "Phone number; repeat for several.");
        public Option<string?> Company { get; } = Opt.Of<string?>("--company", "Where they work now.");
        public Option<string?> Title { get; } = Opt.Of<string?>("--title", "Their role, e.g. \"VP Product\".");
        public Option<string?> Industry { get; } = Opt.Of<string?>("--industry", "Their industry, e.g. fintech, healthcare, design.");
        public Option<string?> Function { get; } = Opt.Of<string?>("--function", "Their function, e.g. engineering, marketing, product.");
        public Option<string?> Seniority { get; } = Opt.Of<string?>("--seniority", "student, entry, mid, senior, lead, manager, director, vice-president, executive or founder.");
        public Option<string?> City { get; } = Opt.Of<string?>("--city", "The city they live or work in.");
        public Option<string?> Country { get; } = Opt.Of<string?>("--country", "Their country.");
        public Option<string[]> Category { get; } = Opt.Many("--category", "What kind of person they are to you: friend, family, coworker, past-coworker, association, professor, alumni, mentor, mentee, peer, client...; repeat for several.");
        public Option<string?> Kind { get; } = Opt.Of<string?>("--kind", "The bond: alliance, acquaintance or transactional.");
        public Option<string?> MetAt { get; } = Opt.Of<string?>("--met-at", "The event where you met (its id or name).");
        public Option<string?> IntroducedBy { get; } = Opt.Of<string?>("--introduced-by", "The contact who introduced you (id, email or name).");
        public Option<string?> HowWeMet { get; } = Opt.Of<string?>("--how-we-met", "How you met, in your words.");
        public Option<int?> Trust { get; } = Opt.Of<int?>("--trust", "How much you trust them, 0 to 3; 0 keeps them out of introduction paths.");
        public Option<double?> Closeness { get; } = Opt.Of<double?>("--closeness", "How close you feel, 0 to 1; blended into the computed strength.");
        public Option<string?> Tier { get; } = Opt.Of<string?>("--tier", "Pin a tier (inner, close, active, network, acquaintance), or 'none' to unpin.");
        public Option<string[]> Tag { get; } = Opt.Many("--tag", "A free tag; repeat for several.");
        public Option<string?> LinkedIn { get; } = Opt.Of<string?>("--linkedin", "LinkedIn profile URL.");
        public Option<string?> X { get; } = Opt.Of<string?>("--x", "X/Twitter profile URL or handle.");
        public Option<string?> GitHub { get; } = Opt.Of<string?>("--github", "GitHub profile URL.");
        public Option<string?> Website { get; } = Opt.Of<string?>("--website", "Personal website.");
        public Option<bool?> KeyPlayer { get; } = Opt.Of<bool?>("--key-player", "Mark as a key player in your industry.");
        public Option<bool?> WantToMeet { get; } = Opt.Of<bool?>("--want-to-meet", "Someone you admire and want to meet; Rapport looks for a warm path.");
        public Option<string?> Birthday { get; } = Opt.Of<string?>("--birthday", "Birthday as 1990-05-17, or --05-17 without the year.");
        public Option<string?> KnownSince { get; } = Opt.Of<string?>("--known-since", "When you first met or connected (2019-03-01).");
        public Option<string?> Notes { get; } = Opt.Of<string?>("--notes", "Anything worth remembering.");

        public Symbol[] All => [Name, Given, Family, Email, Phone, Company, Title, Industry, Function, Seniority, City, Country, Category, Kind,
            MetAt, IntroducedBy, HowWeMet, Trust, Closeness, Tier, Tag, LinkedIn, X, GitHub, Website, KeyPlayer, WantToMeet, Birthday, KnownSince, Notes];

        public ContactChanges Read(ParseResult p)
        {
            static IReadOnlyList<string>? List(ParseResult p, Option<string[]> o) => p.GetResult(o) is null ? null : p.GetValue(o);
            return new ContactChanges
            {
                Name = p.GetValue(Name), GivenName = p.GetValue(Given), FamilyName = p.GetValue(Family),
                Emails = List(p, Email), Phones = List(p, Phone), Company = p.GetValue(Company), Title = p.GetValue(Title),
                Industry = p.GetValue(Industry), Function = p.GetValue(Function), Seniority = p.GetValue(Seniority),
                City = p.GetValue(City), Country = p.GetValue(Country), Categories = List(p, Category), Kind = p.GetValue(Kind),
                MetAt = p.GetValue(MetAt), IntroducedBy = p.GetValue(IntroducedBy), HowWeMet = p.GetValue(HowWeMet),
                Trust = p.GetValue(Trust), Closeness = p.GetValue(Closeness), Tier = p.GetValue(Tier), Tags = List(p, Tag),
                LinkedIn = p.GetValue(LinkedIn), X = p.GetValue(X), GitHub = p.GetValue(GitHub), Website = p.GetValue(Website),
                KeyPlayer = p.GetValue(KeyPlayer), WantToMeet = p.GetValue(WantToMeet), Birthday = p.GetValue(Birthday),
                KnownSince = p.GetValue(KnownSince), Notes = p.GetValue(Notes),
            };
        }
    }

    public static Command Build(CommandServices s)
    {
        var contact = new Command("contact", "Add, list, show and edit the people in your network.");
        contact.Subcommands.Add(Add(s));
        contact.Subcommands.Add(List(s));
        contact.Subcommands.Add(Show(s));
        contact.Subcommands.Add(Edit(s));
        return contact;
    }

    private static Command Add(CommandServices s)
    {
        var f = new FieldOptions();
        f.Name.Required = true;
        var cmd = new Command("add", "Add a person. Only --name is required.").With(f.All);
        cmd.SetAction(async (p, ct) =>
        {
            var ctx = s.Context(p);
            await using var db = await ctx.OpenAsync(ct);
            var c = await new CreateContact(db, ctx.Clock).ExecuteAsync(f.Read(p), ct);
            if (ctx.Json) await ctx.WriteJsonAsync(await ContactDetails.ViewAsync(db, c, ctx.Clock, ct));
            else await ctx.Out.WriteLineAsync($"Added {c.DisplayName} (#{c.Id}).");
            return 0;
        });
        return cmd;
    }

    private static Command Edit(CommandServices s)
    {
        var f = new FieldOptions();
        var who = Opt.Who();
        var version = Opt.Of<int?>("--version", "Refuse the edit if the contact changed since this version (from contact show).");
        var cmd = new Command("edit", "Change what you know of a person. Options you leave out stay as they are; a list option replaces the list.")
            .With([who, version, .. f.All]);
        cmd.SetAction(async (p, ct) =>
        {
            var ctx = s.Context(p);
            await using var db = await ctx.OpenAsync(ct);
            var c = await new EditContact(db, ctx.Clock).ExecuteAsync(p.GetValue(who)!, f.Read(p), p.GetValue(version), ct);
            if (ctx.Json) await ctx.WriteJsonAsync(await ContactDetails.ViewAsync(db, c, ctx.Clock, ct));
            else await ctx.Out.WriteLineAsync($"Updated {c.DisplayName} (#{c.Id}).");
            return 0;
        });
        return cmd;
    }

    private static Command Show(CommandServices s)
    {
        var who = Opt.Who();
        var cmd = new Command("show", "Show a person: profile, strength with its why, tier, next due, ledger and recent interactions.").With(who);
        cmd.SetAction(async (p, ct) =>
        {
            var ctx = s.Context(p);
            await using var db = await ctx.OpenAsync(ct);
            var c = await ContactResolver.ResolveAsync(db, p.GetValue(who)!, ct: ct);
            var view = await ContactDetails.ViewAsync(db, c, ctx.Clock, ct);
            if (ctx.Json) await ctx.WriteJsonAsync(view);
            else await ContactText.WriteAsync(ctx.Out, view);
            return 0;
        });
        return cmd;
    }

    private static Command List(CommandServices s)
    {
        var search = Opt.Of<string?>("--search", "Text to find in names, companies, titles, emails, notes and insights.");
        var category = Opt.Of<string?>("--category", "Only contacts in this category.");
        var city = Opt.Of<string?>("--city", "Only contacts in this city.");
        var industry = Opt.Of<string?>("--industry", "Only contacts in this industry.");
        var tag = Opt.Of<string?>("--tag", "Only contacts with this tag.");
        var tier = Opt.Of<string?>("--tier", "Only this tier: inner, close, active, network or acquaintance.");
        var label = Opt.Of<string?>("--label", "Only this label: strong, medium, weak, dormant or long-dormant.");
        var sort = Opt.Of<string?>("--sort", "Order: strength (default, strongest first), lapse (most overdue first), last (most recent contact first) or name.");
        var limit = Opt.Of<int>("--limit", "At most this many rows (default 1000).");
        limit.DefaultValueFactory = _ => 1000;
        var cmd = new Command("list", "List contacts, strongest first, with filters.").With(search, category, city, industry, tag, tier, label, sort, limit);
        cmd.SetAction(async (p, ct) =>
        {
            var ctx = s.Context(p);
            if (p.GetValue(limit) is < 1 or > 1_000_000) throw new App.Common.InputException("limit", "limit: expected 1 to 1000000");
            await using var db = await ctx.OpenAsync(ct);
            var filter = new ContactFilter
            {
                Search = p.GetValue(search), Category = p.GetValue(category), City = p.GetValue(city),
                Industry = p.GetValue(industry), Tag = p.GetValue(tag), Tier = p.GetValue(tier), Label = p.GetValue(label), Sort = p.GetValue(sort),
                Limit = p.GetValue(limit),
            };
            var rows = await ContactDetails.ListAsync(db, filter, ctx.Clock, ct);
            if (ctx.Json) await ctx.WriteJsonAsync(rows);
            else await ContactText.WriteListAsync(ctx.Out, rows);
            return 0;
        });
        return cmd;
    }
}
