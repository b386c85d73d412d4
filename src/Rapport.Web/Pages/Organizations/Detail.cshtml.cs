using Microsoft.AspNetCore.Mvc;
using Rapport.App.Common;
using Rapport.App.Organizations;
using Rapport.App.Trash;
using Rapport.Data;

namespace Rapport.Web.Pages.Organizations;

/// <summary>One organization: its members with their roles, yours first, and the form to add a membership.</summary>
public sealed class DetailModel(RapportDbContext db, TimeProvider clock) : FormPage
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    [BindProperty] public string? Who { get; set; }
    [BindProperty] public string? Role { get; set; } = "member";
    [BindProperty] public string? MemberTitle { get; set; }
    [BindProperty] public string? Started { get; set; }
    [BindProperty] public string? Ended { get; set; }

    public OrganizationDetail Org { get; private set; } = null!;
    public static readonly IReadOnlyList<string> Roles = ["member", "employee", "committee", "board", "volunteer", "alumnus", "student", "organizer"];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var o = await OrganizationQueries.GetAsync(db, Id, clock, ct);
        if (o is null) return NotFound();
        Org = o;
        return Page();
    }

    public async Task<IActionResult> OnPostMemberAsync(CancellationToken ct)
    {
        try
        {
            await new AddMembership(db).ExecuteAsync(Id, Who, Role ?? "", MemberTitle, Started, Ended, ct);
            Tell(string.IsNullOrWhiteSpace(Who) ? "Added your membership." : $"Added {Who.Trim()} as {Role}.");
            return Redirect($"/organizations/{Id}");
        }
        catch (InputException e)
        {
            Fail(e, "member", "who", "role", "started", "ended", "title");
            db.ChangeTracker.Clear();
            return await OnGetAsync(ct);
        }
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        var name = await new TrashBin(db, clock).DeleteAsync(TrashKind.Organization, Id, ct);
        Tell($"Moved {name} to the trash.", "organization", Id);
        return Redirect("/organizations");
    }
}
