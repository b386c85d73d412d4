using Microsoft.AspNetCore.Mvc;
using Rapport.App.Common;
using Rapport.App.Trash;
using Rapport.Data;

namespace Rapport.Web.Pages.Trash;

/// <summary>The trash: what was deleted, and a button to restore each.</summary>
public sealed class IndexModel(RapportDbContext db, TimeProvider clock) : FormPage
{
    public IReadOnlyList<TrashItem> Items { get; private set; } = [];

    /// <summary>True when the user asked to empty the trash: the page then asks to confirm.</summary>
    [BindProperty(SupportsGet = true, Name = "empty")] public bool ConfirmEmpty { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Items = await new TrashBin(db, clock).ListAsync(500, ct);

    public async Task<IActionResult> OnPostEmptyAsync(CancellationToken ct)
    {
        var n = await new TrashBin(db, clock).EmptyAsync(ct);
        Tell(n == 1 ? "Deleted 1 thing for good." : $"Deleted {n} things for good.");
        return Redirect("/trash");
    }

    public async Task<IActionResult> OnPostRestoreAsync(string? kind, long id, string? returnUrl, CancellationToken ct)
    {
        try
        {
            var k = Input.ParseEnum<TrashKind>("kind", kind ?? "");
            var name = await new TrashBin(db, clock).RestoreAsync(k, id, ct);
            Tell($"Restored {name}.");
            return Back(returnUrl, k switch
            {
                TrashKind.Contact => $"/people/{id}", TrashKind.Organization => $"/organizations/{id}", TrashKind.Event => $"/events/{id}", _ => "/trash",
            });
        }
        catch (InputException e)
        {
            Fail(e, "restore");
            await OnGetAsync(ct);
            return Page();
        }
    }

    public static string Link(TrashItem i) => i.Kind switch
    {
        TrashKind.Contact => "contact", TrashKind.Organization => "organization", TrashKind.Event => "event", TrashKind.Goal => "goal",
        TrashKind.Opportunity => "opportunity", _ => "interaction",
    };
}
