using Microsoft.AspNetCore.Mvc;
using Rapport.App.Common;
using Rapport.App.Events;
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

    public EventDetail Event { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var e = await EventQueries.GetAsync(db, Id, clock, ct);
        if (e is null) return NotFound();
        Event = e;
        return Page();
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
