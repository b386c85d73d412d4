using Microsoft.AspNetCore.Mvc;
using Rapport.App.Common;
using Rapport.App.Nurture;
using Rapport.App.Trash;
using Rapport.Data;

namespace Rapport.Web.Pages.Goals;

/// <summary>Goals: each with its progress in plain words, the people who serve it, and the form to add one.</summary>
public sealed class IndexModel(RapportDbContext db, TimeProvider clock) : FormPage
{
    [BindProperty(SupportsGet = true, Name = "show")] public long? Show { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Kind { get; set; } = "find-mentors";
    [BindProperty] public string? Roles { get; set; }
    [BindProperty] public string? Industries { get; set; }
    [BindProperty] public string? Organizations { get; set; }
    [BindProperty] public string? Relation { get; set; }
    [BindProperty] public string? Target { get; set; }
    [BindProperty] public string? Deadline { get; set; }

    public IReadOnlyList<GoalView> Goals { get; private set; } = [];
    public GoalView? Shown { get; private set; }

    public static readonly IReadOnlyList<string> Kinds = ["find-mentors", "enter-field", "get-job", "grow-community", "find-clients", "find-peers", "other"];
    public static readonly IReadOnlyList<string> Relations = ["any", "mentor", "peer", "sponsor", "client"];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var service = new GoalService(db, clock);
        Goals = await service.ListAsync(ct);
        if (Show is { } id && Goals.Any(g => g.Id == id)) Shown = await service.ShowAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            int? target = null;
            if (!string.IsNullOrWhiteSpace(Target))
            {
                if (!int.TryParse(Target.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var t))
                    throw new InputException("target", "target: a number of people from 1 to 10000");
                target = t;
            }
            var g = await new GoalService(db, clock).AddAsync(new GoalRequest(Title ?? "")
            {
                Kind = Kind, Roles = List(Roles), Industries = List(Industries), Organizations = List(Organizations),
                Relation = string.IsNullOrWhiteSpace(Relation) || Relation == "any" ? null : Relation, Target = target,
                Deadline = string.IsNullOrWhiteSpace(Deadline) ? null : Deadline.Trim(),
            }, ct);
            Tell($"Added the goal \u201c{g.Title}\u201d.");
            return Redirect($"/goals?show={g.Id}#goal-{g.Id}");
        }
        catch (InputException e)
        {
            Fail(e, "goal", "title", "kind", "relation", "target", "deadline", "contact");
            db.ChangeTracker.Clear();
            await OnGetAsync(ct);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken ct)
    {
        var name = await new TrashBin(db, clock).DeleteAsync(TrashKind.Goal, id, ct);
        Tell($"Moved the goal \u201c{name}\u201d to the trash.", "goal", id);
        return Redirect("/goals");
    }

    private static List<string> List(string? s) =>
        string.IsNullOrWhiteSpace(s) ? [] : s.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
