using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Rapport.App.Common;
using Rapport.App.Nurture;
using Rapport.Data;
using Rapport.Domain.Nurture.Plan;

namespace Rapport.Web.Pages;

/// <summary>Today: the plan of who to contact and why, within the budget; done, snooze and skip in one click each.</summary>
[Caching.CachedPage]
public sealed class TodayModel(RapportDbContext db, TimeProvider clock, PlanCache cache) : FormPage
{
    public NurturePlan Plan { get; private set; } = null!;

    public static readonly IReadOnlyList<int> SnoozeDays = [1, 3, 7, 14, 30];

    public async Task OnGetAsync(CancellationToken ct) => Plan = await new PlanService(db, clock, cache).BuildAsync(ct);

    public async Task<IActionResult> OnPostDoneAsync(string? id, CancellationToken ct)
    {
        try
        {
            var r = await new PlanService(db, clock, cache).DoneAsync(new DoneRequest(id ?? ""), ct);
            var next = r.Standing.NextDue is { } due ? $" Next due {due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}." : "";
            Tell($"Done: {Words(r.Item.ActionName)} with {r.Item.ContactName}.{next}");
        }
        catch (InputException e)
        {
            Tell(Strip(e));
        }
        return Redirect("/");
    }

    public async Task<IActionResult> OnPostSnoozeAsync(string? id, int? days, CancellationToken ct)
    {
        try
        {
            var (item, until) = await new PlanService(db, clock, cache).SnoozeAsync(id ?? "", days ?? 7, ct);
            Tell($"Snoozed {Words(item.ActionName)} with {item.ContactName} until {until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.");
        }
        catch (InputException e)
        {
            Tell(Strip(e));
        }
        return Redirect("/");
    }

    public async Task<IActionResult> OnPostSkipAsync(string? id, CancellationToken ct)
    {
        try
        {
            var item = await new PlanService(db, clock, cache).SkipAsync(id ?? "", ct);
            Tell($"Skipped {Words(item.ActionName)} with {item.ContactName}; it comes back later.");
        }
        catch (InputException e)
        {
            Tell(Strip(e));
        }
        return Redirect("/");
    }

    /// <summary>An action's wire name in words ("keep-in-touch" → "keep in touch").</summary>
    public static string Words(string wire) => wire.Replace('-', ' ');

    private static string Strip(InputException e) =>
        e.Message.StartsWith(e.Field + ": ", StringComparison.Ordinal) ? e.Message[(e.Field.Length + 2)..] : e.Message;
}
