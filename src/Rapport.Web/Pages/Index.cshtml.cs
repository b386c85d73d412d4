using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.App.Contacts;
using Rapport.Data;

namespace Rapport.Web.Pages;

public sealed class IndexModel(RapportDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public IReadOnlyList<ContactView> Contacts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Contacts = await ContactDetails.ListAsync(db, new ContactFilter { Search = Query, Limit = 500 }, clock, ct);
    }
}
