using Microsoft.AspNetCore.Mvc;
using Rapport.App.Common;
using Rapport.App.Organizations;
using Rapport.Data;

namespace Rapport.Web.Pages.Organizations;

/// <summary>Organizations: the companies, associations, alumni networks and communities, with who you know there.</summary>
public sealed class IndexModel(RapportDbContext db, TimeProvider clock) : FormPage
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true, Name = "kind")] public string? KindFilter { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Kind { get; set; } = "association";
    [BindProperty] public string? Industry { get; set; }
    [BindProperty] public string? City { get; set; }
    [BindProperty] public string? Website { get; set; }
    [BindProperty] public string? Cadence { get; set; }

    public IReadOnlyList<OrganizationRow> Rows { get; private set; } = [];
    public static readonly IReadOnlyList<string> Kinds = ["company", "association", "alumni", "university", "community"];

    public async Task OnGetAsync(CancellationToken ct)
    {
        try
        {
            Rows = await OrganizationQueries.ListAsync(db, Query, KindFilter, clock, ct);
        }
        catch (InputException e)
        {
            Fail(e, "filter");
            Rows = await OrganizationQueries.ListAsync(db, Query, null, clock, ct);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var o = await new CreateOrganization(db).ExecuteAsync(new OrganizationRequest(Name ?? "", Kind ?? "")
            {
                Industry = Industry, City = City, Website = Website, MeetingCadenceDays = Cadence,
            }, ct);
            Tell($"Added {o.Name}.");
            return Redirect($"/organizations/{o.Id}");
        }
        catch (InputException e)
        {
            Fail(e, "org", "name", "kind", "cadence");
            await OnGetAsync(ct);
            return Page();
        }
    }
}
