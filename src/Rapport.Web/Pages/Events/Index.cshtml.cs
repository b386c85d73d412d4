using Microsoft.AspNetCore.Mvc;
using Rapport.App.Common;
using Rapport.App.Events;
using Rapport.App.Organizations;
using Rapport.Data;

namespace Rapport.Web.Pages.Events;

/// <summary>Events: upcoming and past, with the people met at each.</summary>
public sealed class IndexModel(RapportDbContext db, TimeProvider clock) : FormPage
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Kind { get; set; } = "meetup";
    [BindProperty] public string? Date { get; set; }
    [BindProperty] public string? City { get; set; }
    [BindProperty] public string? Size { get; set; }
    [BindProperty] public string? Cost { get; set; }
    [BindProperty] public string? Minutes { get; set; }
    [BindProperty] public string? Organizer { get; set; }

    public IReadOnlyList<EventRow> Upcoming { get; private set; } = [];
    public IReadOnlyList<EventRow> Past { get; private set; } = [];
    public IReadOnlyList<(long Id, string Name)> Organizers { get; private set; } = [];
    public static readonly IReadOnlyList<string> Kinds = ["conference", "meetup", "meeting", "webinar", "other"];

    public async Task OnGetAsync(CancellationToken ct)
    {
        (Upcoming, Past) = await EventQueries.ListAsync(db, clock, ct);
        Organizers = await OrganizationQueries.OrganizerChoicesAsync(db, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var e = await new CreateEvent(db).ExecuteAsync(new EventRequest(Name ?? "", Kind ?? "", Date ?? "") { City = City, Size = Size, Cost = Cost, Minutes = Minutes, Organizer = Organizer }, ct);
            Tell($"Added {e.Name}.");
            return Redirect($"/events/{e.Id}");
        }
        catch (InputException e)
        {
            Fail(e, "event", "name", "kind", "date", "size", "cost", "minutes", "organizer");
            await OnGetAsync(ct);
            return Page();
        }
    }
}
