using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.App.Common;
using Rapport.App.Contacts;
using Rapport.Data;
using Rapport.Domain.Events;
using Rapport.Domain.Goals;
using Rapport.Domain.Invitations;
using Rapport.Domain.Nurture;
using Rapport.Domain.Nurture.Goals;
using Rapport.Domain.Reminders;
using Rapport.Domain.Trips;

namespace Rapport.App.Nurture;

/// <summary>A goal as typed: its title and target profile, and the contacts to link to it.</summary>
public sealed record GoalRequest(string Title)
{
    public string? Kind { get; init; }
    public IReadOnlyList<string> Roles { get; init; } = [];
    public IReadOnlyList<string> Industries { get; init; } = [];
    public IReadOnlyList<string> Organizations { get; init; } = [];
    public string? Relation { get; init; }
    public int? Target { get; init; }
    public string? Deadline { get; init; }
    public IReadOnlyList<string> Contacts { get; init; } = [];
}

/// <summary>A goal with its progress in plain words.</summary>
public sealed record GoalView(
    long Id, string Title, string Kind, string Status, string? Relation, IReadOnlyList<string> Roles, IReadOnlyList<string> Industries,
    IReadOnlyList<string> Organizations, int? Target, DateOnly? Deadline, int Identified, int Active, int Candidates, string Progress)
{
    /// <summary>Linked and best-matching contacts (show only).</summary>
    public IReadOnlyList<GoalContactView> Contacts { get; init; } = [];
}

/// <summary>A contact as a goal sees it: how relevant, how strong, and why.</summary>
public sealed record GoalContactView(long Id, string Name, bool Linked, double Relevance, string Label, IReadOnlyList<string> Why);

/// <summary>Goals (DESIGN.md §1, "work toward goals"): add, list with progress, show with the contacts who serve it.</summary>
public sealed class GoalService(RapportDbContext db, TimeProvider clock)
{
    private static readonly IReadOnlyDictionary<string, GoalKind> KindNames = new Dictionary<string, GoalKind>
    {
        ["find-mentors"] = GoalKind.FindMentors, ["enter-field"] = GoalKind.EnterField, ["get-job"] = GoalKind.GetJob,
        ["grow-community"] = GoalKind.GrowCommunity, ["find-clients"] = GoalKind.FindClients, ["find-peers"] = GoalKind.FindPeers, ["other"] = GoalKind.Other,
    };

    public async Task<GoalView> AddAsync(GoalRequest request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Title)) throw new InputException("title", "title: a goal needs a title");
        if (request.Title.Trim().Length > 200) throw new InputException("title", "title: at most 200 characters");
        if (request.Target is < 1 or > 10_000) throw new InputException("target", "target: a number of people from 1 to 10000");
        var kind = request.Kind is null ? GoalKind.Other : Input.ParseEnum("kind", request.Kind, KindNames);
        var relation = request.Relation is null ? GoalRelation.Any : Input.ParseEnum<GoalRelation>("relation", request.Relation);
        var deadline = request.Deadline is null ? (DateOnly?)null : Input.ParseDate("deadline", request.Deadline);
        var contacts = new List<long>();
        foreach (var who in request.Contacts) contacts.Add((await ContactResolver.ResolveAsync(db, who, "contact", ct)).Id);

        var goal = new Goal(request.Title.Trim(), kind, clock.GetUtcNow().UtcDateTime)
        {
            TargetRoles = Join(request.Roles),
            TargetIndustries = Join(request.Industries),
            TargetOrganizations = Join(request.Organizations),
            TargetRelation = relation,
            TargetCount = request.Target,
            Deadline = deadline,
        };
        foreach (var id in contacts.Distinct()) goal.Link(GoalLinkKind.Contact, id);
        db.Goals.Add(goal);
        await db.SaveChangesAsync(ct);
        return (await ViewsAsync([goal.Id], withContacts: false, ct)).Single();
    }

    public Task<IReadOnlyList<GoalView>> ListAsync(CancellationToken ct) => ViewsAsync(null, withContacts: false, ct);

    public async Task<GoalView> ShowAsync(string idOrTitle, CancellationToken ct)
    {
        var key = idOrTitle.Trim();
        var goals = await db.Goals.AsNoTracking().Select(g => new { g.Id, g.Title }).ToListAsync(ct);
        var matches = long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? goals.Where(g => g.Id == id).ToList()
            : goals.Where(g => g.Title.Contains(key, StringComparison.OrdinalIgnoreCase)).ToList();
        if (matches.Count == 0) throw new InputException("goal", $"goal: no goal '{key}'; `rapport goal list` shows them");
        if (matches.Count > 1) throw new InputException("goal", $"goal: '{key}' matches {string.Join(", ", matches.Select(m => $"#{m.Id} {m.Title}"))}");
        return (await ViewsAsync([matches[0].Id], withContacts: true, ct)).Single();
    }

    private async Task<IReadOnlyList<GoalView>> ViewsAsync(IReadOnlyCollection<long>? ids, bool withContacts, CancellationToken ct)
    {
        var query = db.Goals.AsNoTracking().Include(g => g.Links).AsQueryable();
        if (ids is not null) query = query.Where(g => ids.Contains(g.Id));
        var goals = await query.OrderBy(g => g.Id).ToListAsync(ct);
        if (goals.Count == 0) return [];
        var snapshot = await NetworkLoader.LoadAsync(db, clock.GetUtcNow().UtcDateTime, ct);
        var standings = Standings.Compute(snapshot);
        var s = snapshot.Settings;
        var people = snapshot.Input.Contacts
            .Select(c => (Contact: c, Standing: standings[c.Id]))
            .Select(x => new GoalContact(x.Contact.Id, x.Contact.Facts, x.Standing.TieLabel, x.Standing.State == LapseState.NotDue && x.Standing.LastInteraction is not null))
            .ToList();

        var views = new List<GoalView>();
        foreach (var g in goals)
        {
            var profile = GoalProfile.FromGoal(g);
            var progress = GoalProgress.Compute(profile, people, s);
            var view = new GoalView(g.Id, g.Title, Input.Kebab(g.Kind), Input.Kebab(g.Status), g.TargetRelation == GoalRelation.Any ? null : Input.Kebab(g.TargetRelation),
                profile.Roles, profile.Industries, profile.Organizations, g.TargetCount, g.Deadline, progress.Identified, progress.Active, progress.Candidates, progress.Summary);
            if (withContacts)
            {
                var contacts = people
                    .Select(p => (p, g: GoalRelevance.Of(profile, p.ContactId, p.Facts, s)))
                    .Where(x => x.g >= s.GoalMatchAt || profile.LinkedContactIds.Contains(x.p.ContactId))
                    .OrderByDescending(x => profile.LinkedContactIds.Contains(x.p.ContactId)).ThenByDescending(x => x.g).ThenByDescending(x => standings[x.p.ContactId].Strength)
                    .Take(25)
                    .Select(x => new GoalContactView(x.p.ContactId, x.p.Facts.Name, profile.LinkedContactIds.Contains(x.p.ContactId), Math.Round(x.g, 2),
                        standings[x.p.ContactId].Label, GoalRelevance.Explain(profile, x.p.ContactId, x.p.Facts, s)))
                    .ToList();
                view = view with { Contacts = contacts };
            }
            views.Add(view);
        }
        return views;
    }

    private static string? Join(IReadOnlyList<string> items)
    {
        var list = items.SelectMany(i => i.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        return list.Count == 0 ? null : string.Join(';', list);
    }
}

/// <summary>An invitation as typed.</summary>
public sealed record InvitationRequest(string Title, string At, int Minutes)
{
    public string? From { get; init; }
    public IReadOnlyList<string> Attendees { get; init; } = [];
}

/// <summary>An invitation with the advice on it (pending ones) or the decision taken.</summary>
public sealed record InvitationView(
    long Id, string Title, DateTime At, int Minutes, long? FromContactId, string? From, string Decision, string? Reason, DateTime? DecidedAt,
    string Suggestion, string Advice, double GoalRelevance);

/// <summary>
/// Invitations (DESIGN.md §1, boundaries): each is scored against the active goals and the week's minutes, with a suggested
/// accept or decline and the reason; the user's decision is recorded.
/// </summary>
public sealed class InvitationService(RapportDbContext db, TimeProvider clock)
{
    public async Task<InvitationView> AddAsync(InvitationRequest request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Title)) throw new InputException("title", "title: an invitation needs a title");
        if (request.Minutes is < 1 or > 7 * 24 * 60) throw new InputException("minutes", "minutes: how long it takes, 1 to 10080");
        var at = Input.ParseInstant("at", request.At);
        long? from = request.From is null ? null : (await ContactResolver.ResolveAsync(db, request.From, "from", ct)).Id;
        var attendees = new List<long>();
        foreach (var who in request.Attendees) attendees.Add((await ContactResolver.ResolveAsync(db, who, "attendee", ct)).Id);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var invitation = new Invitation(request.Title.Trim(), at, request.Minutes) { FromContactId = from };
        if (attendees.Count > 0)
        {
            // Who will be there is kept as the invitation's event with its attendees, so later advice sees them too.
            var ev = new NetworkEvent(invitation.Title, EventKind.Other, at) { EndsAt = at.AddMinutes(request.Minutes), MinutesSpent = request.Minutes };
            db.Events.Add(ev);
            await db.SaveChangesAsync(ct);
            foreach (var id in attendees.Distinct()) db.Attendances.Add(new Attendance(ev.Id, id, met: false));
            invitation.EventId = ev.Id;
        }
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (await ViewsAsync([invitation.Id], ct)).Single();
    }

    public async Task<IReadOnlyList<InvitationView>> ListAsync(bool all, CancellationToken ct)
    {
        var ids = await db.Invitations.AsNoTracking().Where(i => all || i.Decision == InvitationDecision.Pending).Select(i => i.Id).ToListAsync(ct);
        return await ViewsAsync(ids, ct);
    }

    public async Task<InvitationView> DecideAsync(long id, string decision, string? reason, CancellationToken ct)
    {
        var d = decision.Trim().ToLowerInvariant() switch
        {
            "accept" or "accepted" or "yes" => InvitationDecision.Accepted,
            "decline" or "declined" or "no" => InvitationDecision.Declined,
            _ => throw new InputException("decision", $"decision: accept or decline, not '{decision}'"),
        };
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == id, ct)
            ?? throw new InputException("id", $"id: no invitation #{id}; `rapport invitation list --all` shows them");
        var advice = (await ViewsAsync([id], ct)).Single();
        invitation.Decide(d, string.IsNullOrWhiteSpace(reason) ? advice.Advice : reason.Trim(), clock.GetUtcNow().UtcDateTime);
        if (invitation.EventId is { } eventId && await db.Events.FirstOrDefaultAsync(e => e.Id == eventId, ct) is { } ev)
            ev.Attending = d == InvitationDecision.Accepted;
        await db.SaveChangesAsync(ct);
        return (await ViewsAsync([id], ct)).Single();
    }

    private async Task<IReadOnlyList<InvitationView>> ViewsAsync(IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        var invitations = await db.Invitations.AsNoTracking().Where(i => ids.Contains(i.Id)).OrderBy(i => i.At).ToListAsync(ct);
        if (invitations.Count == 0) return [];
        var snapshot = await NetworkLoader.LoadAsync(db, clock.GetUtcNow().UtcDateTime, ct);
        var standings = Standings.Compute(snapshot);
        var people = snapshot.Input.Contacts.ToDictionary(c => c.Id, c => c.Facts);
        var accepted = await db.Invitations.AsNoTracking().Where(i => i.Decision == InvitationDecision.Accepted).Select(i => new { i.Id, i.At, i.Minutes }).ToListAsync(ct);
        var eventAttendees = (await db.Attendances.AsNoTracking()
                .Join(db.Invitations.AsNoTracking().Where(i => ids.Contains(i.Id) && i.EventId != null), a => a.EventId, i => i.EventId, (a, i) => new { i.Id, a.ContactId })
                .ToListAsync(ct))
            .GroupBy(x => x.Id).ToDictionary(g => g.Key, g => g.Select(x => x.ContactId).ToList());

        var views = new List<InvitationView>();
        foreach (var inv in invitations)
        {
            var weekStart = DateOnly.FromDateTime(inv.At).AddDays(-(((int)inv.At.DayOfWeek + 6) % 7));
            var committed = accepted.Where(a => a.Id != inv.Id && DateOnly.FromDateTime(a.At) >= weekStart && DateOnly.FromDateTime(a.At) < weekStart.AddDays(7)).Sum(a => a.Minutes);
            var who = eventAttendees.GetValueOrDefault(inv.Id) ?? [];
            var label = inv.FromContactId is { } f && standings.TryGetValue(f, out var st) ? st.TieLabel : (TieLabel?)null;
            var advice = InvitationAdvisor.Advise(new InvitationInput(inv.Title, inv.At, inv.Minutes, inv.FromContactId, who), snapshot.Input.Goals, people, committed, snapshot.Settings, label);
            views.Add(new InvitationView(inv.Id, inv.Title, inv.At, inv.Minutes, inv.FromContactId,
                inv.FromContactId is { } fid && people.TryGetValue(fid, out var facts) ? facts.Name : null,
                Input.Kebab(inv.Decision), inv.Reason, inv.DecidedAt, Input.Kebab(advice.Suggestion), advice.Reason, Math.Round(advice.GoalRelevance, 2)));
        }
        return views;
    }
}

/// <summary>Trips and one-off reminders: triggers for the plan.</summary>
public sealed class TripsAndReminders(RapportDbContext db, TimeProvider clock)
{
    /// <summary>Your trip (no contact: meet people who live there) or a contact's (they come to your town).</summary>
    public async Task<Trip> AddTripAsync(string city, string from, string to, string? who, string? note, CancellationToken ct)
    {
        var start = Input.ParseDate("from", from);
        var end = Input.ParseDate("to", to);
        if (end < DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)) throw new InputException("to", $"to: {end:yyyy-MM-dd} is past; trips are for planning ahead");
        long? contactId = who is null ? null : (await ContactResolver.ResolveAsync(db, who, "who", ct)).Id;
        var trip = new Trip(city, start, end, contactId) { Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim() };
        db.Trips.Add(trip);
        await db.SaveChangesAsync(ct);
        return trip;
    }

    /// <summary>A one-off follow-up with a contact on a day.</summary>
    public async Task<Reminder> AddReminderAsync(string who, string due, string? note, CancellationToken ct)
    {
        var contact = await ContactResolver.ResolveAsync(db, who, "who", ct);
        var day = Input.ParseDate("due", due);
        var reminder = new Reminder(contact.Id, day, string.IsNullOrWhiteSpace(note) ? null : note.Trim());
        db.Reminders.Add(reminder);
        await db.SaveChangesAsync(ct);
        return reminder;
    }
}
