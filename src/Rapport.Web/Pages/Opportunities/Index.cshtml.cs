using Microsoft.AspNetCore.Mvc;
using Rapport.App.Common;
using Rapport.App.Opportunities;
using Rapport.App.Trash;
using Rapport.Data;

namespace Rapport.Web.Pages.Opportunities;

/// <summary>Opportunities: a board by stage; each card moves with one form, no dragging needed.</summary>
public sealed class IndexModel(RapportDbContext db, TimeProvider clock) : FormPage
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Kind { get; set; } = "job";
    [BindProperty] public string? Organization { get; set; }
    [BindProperty] public string? Source { get; set; }
    [BindProperty] public bool Advertised { get; set; }
    [BindProperty] public string? Notes { get; set; }

    public IReadOnlyList<StageColumn> Board { get; private set; } = [];
    public static readonly IReadOnlyList<string> Kinds = ["job", "referral", "client", "speaking", "partnership"];

    public async Task OnGetAsync(CancellationToken ct) => Board = await OpportunityBoard.LoadAsync(db, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var o = await new CreateOpportunity(db, clock).ExecuteAsync(new OpportunityRequest(Title ?? "", Kind ?? "")
            {
                Organization = Organization, Source = Source, Advertised = Advertised, Notes = Notes,
            }, ct);
            Tell($"Added {o.Title}.");
            return Redirect("/opportunities");
        }
        catch (InputException e)
        {
            Fail(e, "opp", "title", "kind", "organization", "source");
            db.ChangeTracker.Clear();
            await OnGetAsync(ct);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostMoveAsync(long id, string? stage, CancellationToken ct)
    {
        try
        {
            var o = await new MoveOpportunity(db, clock).ExecuteAsync(id, stage ?? "", ct);
            Tell($"Moved {o.Title} to {stage}.");
        }
        catch (InputException e)
        {
            Tell(e.Message);
        }
        return Redirect($"/opportunities#opp-{id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken ct)
    {
        var name = await new TrashBin(db, clock).DeleteAsync(TrashKind.Opportunity, id, ct);
        Tell($"Moved {name} to the trash.", "opportunity", id);
        return Redirect("/opportunities");
    }
}
