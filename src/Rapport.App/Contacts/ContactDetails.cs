using Microsoft.EntityFrameworkCore;
using Rapport.App.Common;
using Rapport.App.Nurture;
using Rapport.Data;
using Rapport.Domain.Contacts;
using Rapport.Domain.Nurture;

namespace Rapport.App.Contacts;

/// <summary>Builds the views of contacts that show and list print, with each one's standing (strength, tier, next due...).</summary>
public static class ContactDetails
{
    private static readonly string[] Sorts = ["strength", "lapse", "name", "last"];

    public static async Task<ContactView> ViewAsync(RapportDbContext db, Contact c, TimeProvider clock, CancellationToken ct, PlanCache? cache = null)
    {
        await ContactQueries.LoadDetailsAsync(db, c, ct);
        var last = await ContactQueries.LastInteractionsAsync(db, [c.Id], ct);
        var state = await new PlanService(db, clock, cache).StateAsync(ct);
        var standing = state.Standings.GetValueOrDefault(c.Id);
        return ContactView.From(c, last.TryGetValue(c.Id, out var l) ? l : null).With(standing is null ? null : Standings.Explain(state.Snapshot, standing));
    }

    public static async Task<IReadOnlyList<ContactView>> ListAsync(RapportDbContext db, ContactFilter filter, TimeProvider clock, CancellationToken ct, PlanCache? cache = null)
    {
        var tier = filter.Tier is null ? (Tier?)null : Input.ParseEnum<Tier>("tier", filter.Tier);
        TieLabel? label = filter.Label is null ? null
            : TieStrength.TryParseLabel(filter.Label, out var parsed) ? parsed
            : throw new InputException("label", $"label: one of strong, medium, weak, dormant, long-dormant, not '{filter.Label}'");
        var sort = (filter.Sort ?? "strength").Trim().ToLowerInvariant();
        if (!Sorts.Contains(sort)) throw new InputException("sort", $"sort: one of {string.Join(", ", Sorts)}, not '{filter.Sort}'");

        var candidates = await ContactQueries.Filter(db, filter).AsNoTracking().Select(c => new { c.Id, c.DisplayName }).ToListAsync(ct);
        var standings = await new PlanService(db, clock, cache).StandingsAsync(ct);
        var rows = candidates.Select(c => (c.Id, c.DisplayName, Standing: standings.GetValueOrDefault(c.Id)));
        if (tier is { } t) rows = rows.Where(r => r.Standing?.Tier == Input.Kebab(t));
        if (label is { } lb) rows = rows.Where(r => r.Standing?.TieLabel == lb);
        rows = sort switch
        {
            "lapse" => rows.OrderByDescending(r => r.Standing?.Lapse ?? double.MinValue).ThenBy(r => r.DisplayName, StringComparer.CurrentCulture),
            "name" => rows.OrderBy(r => r.DisplayName, StringComparer.CurrentCulture),
            "last" => rows.OrderByDescending(r => r.Standing?.LastInteraction ?? DateTime.MinValue).ThenBy(r => r.DisplayName, StringComparer.CurrentCulture),
            _ => rows.OrderByDescending(r => r.Standing?.Strength ?? 0).ThenBy(r => r.DisplayName, StringComparer.CurrentCulture),
        };
        var page = rows.Take(filter.Limit).ToList();
        var ids = page.Select(r => r.Id).ToList();

        var contacts = (await db.Contacts.Where(c => ids.Contains(c.Id))
                .Include(c => c.Emails).Include(c => c.Categories).Include(c => c.Tags).Include(c => c.Profiles).Include(c => c.Dates).Include(c => c.Phones)
                .AsSplitQuery().AsNoTracking().ToListAsync(ct))
            .ToDictionary(c => c.Id);
        return page.Select(r => ContactView.From(contacts[r.Id], r.Standing?.LastInteraction).With(r.Standing)).ToList();
    }
}
