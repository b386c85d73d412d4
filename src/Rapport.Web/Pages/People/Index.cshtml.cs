using Microsoft.AspNetCore.Mvc;
using Rapport.App.Common;
using Rapport.App.Nurture;
using Rapport.App.People;
using Rapport.Data;

namespace Rapport.Web.Pages.People;

/// <summary>People: search, filters, sort, and bulk tag and edit with checkboxes.</summary>
public sealed class IndexModel(RapportDbContext db, TimeProvider clock, PlanCache cache) : FormPage
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public string? City { get; set; }
    [BindProperty(SupportsGet = true)] public string? Industry { get; set; }
    [BindProperty(SupportsGet = true)] public string? Tag { get; set; }
    [BindProperty(SupportsGet = true)] public string? Last { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public string? Tier { get; set; }
    [BindProperty(SupportsGet = true)] public string? Label { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    [BindProperty] public List<long> Ids { get; set; } = [];
    [BindProperty] public string? BulkAction { get; set; }
    [BindProperty] public string? BulkValue { get; set; }

    public PeoplePage Result { get; private set; } = new([], 0, 1, 100);
    public PeopleFacets Facets { get; private set; } = new([], [], [], []);

    public static readonly IReadOnlyList<(string Value, string Text)> LastOptions =
    [
        ("", "Any time"), ("30", "In the last 30 days"), ("90", "In the last 90 days"), ("365", "In the last year"),
        ("over-90", "Not for 90 days"), ("over-365", "Not for a year"), ("never", "Never"),
    ];

    public static readonly IReadOnlyList<string> Tiers = ["inner", "close", "active", "network", "acquaintance"];
    public static readonly IReadOnlyList<string> Labels = ["strong", "medium", "weak", "dormant", "long-dormant"];
    public static readonly IReadOnlyList<(string Value, string Text)> SortOptions =
        [("name", "Name"), ("strength", "Strength, strongest first"), ("lapse", "Lapse, most overdue first"), ("last", "Last contact, latest first")];

    public static readonly IReadOnlyList<(string Value, string Text)> BulkActions =
    [
        ("add-tag", "Add tag"), ("remove-tag", "Remove tag"), ("add-category", "Add category"), ("set-city", "Set city"),
        ("set-kind", "Set kind (alliance, acquaintance, transactional)"), ("trash", "Move to trash"),
    ];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostBulkAsync(string? returnUrl, CancellationToken ct)
    {
        var action = BulkAction switch
        {
            "add-tag" => App.People.BulkAction.AddTag, "remove-tag" => App.People.BulkAction.RemoveTag, "add-category" => App.People.BulkAction.AddCategory,
            "set-city" => App.People.BulkAction.SetCity, "set-kind" => App.People.BulkAction.SetKind, "trash" => App.People.BulkAction.Trash,
            _ => (App.People.BulkAction?)null,
        };
        try
        {
            if (action is null) throw new InputException("action", "action: choose what to do with the selected people");
            var n = await new BulkEditPeople(db, clock).ExecuteAsync(new BulkRequest(Ids, action.Value, BulkValue), ct);
            var label = BulkActions.First(a => a.Value == BulkAction).Text.ToLowerInvariant();
            Tell(action == App.People.BulkAction.Trash
                ? $"Moved {n} {(n == 1 ? "person" : "people")} to the trash. Restore them from the trash page."
                : $"Done: {label} {BulkValue?.Trim()} for {n} {(n == 1 ? "person" : "people")}.");
            return Back(returnUrl, "/people");
        }
        catch (InputException e)
        {
            Fail(e, "bulk", "selection", "action", "value");
            await LoadAsync(ct);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var last = Last switch
        {
            "30" => LastContactFilter.Within30Days, "90" => LastContactFilter.Within90Days, "365" => LastContactFilter.Within365Days,
            "over-90" => LastContactFilter.Over90Days, "over-365" => LastContactFilter.Over365Days, "never" => LastContactFilter.Never,
            _ => LastContactFilter.Any,
        };
        Facets = await PeopleQuery.FacetsAsync(db, ct);
        var standings = await new PlanService(db, clock, cache).StandingsAsync(ct);
        var request = new PeopleRequest
        {
            Search = Query, Category = Category, City = City, Industry = Industry, Tag = Tag, LastContact = last, Tier = Tier, Label = Label, Sort = Sort,
            Page = PageNumber, PageSize = 100,
        };
        try
        {
            Result = await PeopleQuery.ListAsync(db, request, clock, standings, ct);
        }
        catch (InputException e)
        {
            Fail(e, "filter");
            Result = await PeopleQuery.ListAsync(db, request with { Sort = null }, clock, standings, ct);
        }
    }

    /// <summary>The address of this list with one parameter changed, for paging.</summary>
    public string PageLink(int page)
    {
        var q = new Dictionary<string, string?> { ["q"] = Query, ["category"] = Category, ["city"] = City, ["industry"] = Industry, ["tag"] = Tag, ["last"] = Last, ["sort"] = Sort, ["tier"] = Tier, ["label"] = Label, ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/people", q.Where(kv => !string.IsNullOrEmpty(kv.Value)));
    }
}
