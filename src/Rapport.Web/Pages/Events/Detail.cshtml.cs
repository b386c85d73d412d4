using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Rapport.App.Common;
using Rapport.App.Events;
using Rapport.App.Organizations;
using Rapport.App.Trash;
using Rapport.Data;

namespace Rapport.Web.Pages.Events;

/// <summary>One event: attendees, people met, what it returned, and the forms to add people.</summary>
public sealed class DetailModel(RapportDbContext db, TimeProvider clock) : FormPage
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Company { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? Who { get; set; }
    [BindProperty] public bool Met { get; set; } = true;

    // The edit form: who runs it, what it cost and took, your rating, whether you go.
    [BindProperty] public string? Organizer { get; set; }
    [BindProperty] public string? Size { get; set; }
    [BindProperty] public string? Cost { get; set; }
    [BindProperty] public string? Minutes { get; set; }
    [BindProperty] public string? Rating { get; set; }
    [BindProperty] public bool Going { get; set; }

    public IReadOnlyList<(long Id, string Name)> Organizers { get; private set; } = [];

    public EventDetail Event { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var e = await EventQueries.GetAsync(db, Id, clock, ct);
        if (e is null) return NotFound();
        Event = e;
        Organizers = await OrganizationQueries.OrganizerChoicesAsync(db, ct);
        // The event's own organizer is always a choice (beyond the first 500, or in the trash), so that saving the other
        // details never drops it.
        if (e.OrganizerId is { } current && Organizers.All(o => o.Id != current))
            Organizers = [(current, e.Organizer ?? $"#{current}"), .. Organizers];
        // The edit form starts from the event as stored, unless it comes back with the user's own values to mend.
        if (!Errors.ContainsKey("edit.form") && !Errors.Keys.Any(k => k.StartsWith("edit.", StringComparison.Ordinal)))
        {
            Organizer = e.OrganizerId?.ToString(CultureInfo.InvariantCulture);
            Size = e.Size?.ToString(CultureInfo.InvariantCulture);
            Cost = e.Cost?.ToString("0.##", CultureInfo.InvariantCulture);
            Minutes = e.MinutesSpent?.ToString(CultureInfo.InvariantCulture);
            Rating = e.Rating?.ToString(CultureInfo.InvariantCulture);
            Going = e.Attending;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostEditAsync(CancellationToken ct)
    {
        try
        {
            var (e, changed) = await new EditEvent(db).ExecuteAsync(Id.ToString(CultureInfo.InvariantCulture), new EventChanges
            {
                Organizer = Organizer ?? "", Size = Size ?? "", Cost = Cost ?? "", Minutes = Minutes ?? "", Rating = Rating ?? "", Attending = Going,
            }, ct);
            Tell(changed.Count == 0 ? "Nothing to change." : $"Saved {e.Name}: {string.Join(", ", changed)}.");
            return Redirect($"/events/{Id}");
        }
        catch (InputException e)
        {
            Fail(e, "edit", "organizer", "size", "cost", "minutes", "rating");
            db.ChangeTracker.Clear();
            return await OnGetAsync(ct);
        }
    }

    public async Task<IActionResult> OnPostMetAsync(CancellationToken ct)
    {
        try
        {
            var c = await new AddPersonMet(db, clock).ExecuteAsync(new PersonMetRequest(Id, Name ?? "") { Company = Company, Email = Email, Note = Note }, ct);
            Tell($"Added {c.DisplayName}.");
            return Redirect($"/events/{Id}");
        }
        catch (InputException e)
        {
            Fail(e, "met", "name", "email", "company");
            db.ChangeTracker.Clear();
            return await OnGetAsync(ct);
        }
    }

    public async Task<IActionResult> OnPostAttendeeAsync(CancellationToken ct)
    {
        try
        {
            await new AddAttendee(db).ExecuteAsync(Id, Who ?? "", Met, ct);
            Tell($"Added {Who?.Trim()}.");
            return Redirect($"/events/{Id}");
        }
        catch (InputException e)
        {
            Fail(e, "attendee", "who");
            db.ChangeTracker.Clear();
            return await OnGetAsync(ct);
        }
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        var name = await new TrashBin(db, clock).DeleteAsync(TrashKind.Event, Id, ct);
        Tell($"Moved {name} to the trash.", "event", Id);
        return Redirect("/events");
    }
}
