using Microsoft.EntityFrameworkCore;
using Rapport.App.Common;
using Rapport.App.Contacts;
using Rapport.Data;

namespace Rapport.App.People;

/// <summary>How long ago the last contact was, as the People page filters it.</summary>
public enum LastContactFilter { Any, Within30Days, Within90Days, Within365Days, Over90Days, Over365Days, Never }

/// <summary>The People page's question: search, filters, sort and page.</summary>
public sealed record PeopleRequest
{
    public string? Search { get; init; }
    public string? Category { get; init; }
    public string? City { get; init; }
    public string? Industry { get; init; }
    public string? Tag { get; init; }
    public LastContactFilter LastContact { get; init; }

    /// <summary>A tier (inner, close, active, network, acquaintance) or a label (strong, medium, weak, dormant, long-dormant).</summary>
    public string? Tier { get; init; }
    public string? Label { get; init; }

    /// <summary>name (default), strength (strongest first), lapse (most overdue first) or last (latest contact first).</summary>
    public string? Sort { get; init; }

    /// <summary>Only these contacts (from a ranking computed elsewhere, e.g. a tier or label); null for all.</summary>
    public IReadOnlyCollection<long>? OnlyIds { get; init; }

    /// <summary>Ids in the order to show them (strength, lapse); null sorts by name.</summary>
    public IReadOnlyList<long>? Order { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 100;
}

/// <summary>One row of the People list.</summary>
public sealed record PersonRow(long Id, string Name, string? Title, string? Company, string? City, IReadOnlyList<string> Categories, IReadOnlyList<string> Tags, DateTime? LastInteraction)
{
    public Nurture.ContactStanding? Standing { get; init; }
}

/// <summary>A page of people and how many matched in all.</summary>
public sealed record PeoplePage(IReadOnlyList<PersonRow> Rows, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>The values the People filters offer, taken from the network itself.</summary>
public sealed record PeopleFacets(IReadOnlyList<string> Categories, IReadOnlyList<string> Cities, IReadOnlyList<string> Industries, IReadOnlyList<string> Tags);

/// <summary>Lists people for the People page: one query for the page of rows, one for their last interaction.</summary>
public static class PeopleQuery
{
    public static readonly IReadOnlyList<string> Sorts = ["name", "strength", "lapse", "last"];

    /// <summary>A page of people; <paramref name="standings"/> (from the nurture engine) gives tiers, labels and the strength and lapse orders.</summary>
    public static async Task<PeoplePage> ListAsync(RapportDbContext db, PeopleRequest r, TimeProvider clock, IReadOnlyDictionary<long, Nurture.ContactStanding>? standings, CancellationToken ct)
    {
        var sort = string.IsNullOrWhiteSpace(r.Sort) ? "name" : r.Sort.Trim().ToLowerInvariant();
        if (!Sorts.Contains(sort)) throw new InputException("sort", $"sort: one of {string.Join(", ", Sorts)}, not '{r.Sort}'");
        if (standings is not null)
        {
            var tier = Blank(r.Tier);
            var label = Blank(r.Label);
            if (tier is not null || label is not null)
                r = r with { OnlyIds = standings.Values.Where(s => (tier is null || s.Tier == tier) && (label is null || s.Label == label)).Select(s => s.ContactId).ToHashSet() };
            var values = standings.Values;
            r = sort switch
            {
                "strength" => r with { Order = values.OrderByDescending(s => s.Strength).ThenBy(s => s.ContactId).Select(s => s.ContactId).ToList() },
                "lapse" => r with { Order = values.OrderByDescending(s => s.Lapse ?? double.MinValue).ThenBy(s => s.ContactId).Select(s => s.ContactId).ToList() },
                "last" => r with { Order = values.OrderByDescending(s => s.LastInteraction ?? DateTime.MinValue).ThenBy(s => s.ContactId).Select(s => s.ContactId).ToList() },
                _ => r,
            };
        }
        var q = ContactQueries.Filter(db, new ContactFilter { Search = r.Search, Category = r.Category, City = r.City, Industry = r.Industry, Tag = r.Tag });
        if (r.LastContact != LastContactFilter.Any)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var touched = db.InteractionParticipants.Join(db.Interactions, p => p.InteractionId, i => i.Id, (p, i) => new { p.ContactId, i.OccurredAt });
            q = r.LastContact switch
            {
                LastContactFilter.Within30Days => q.Where(c => touched.Any(t => t.ContactId == c.Id && t.OccurredAt >= now.AddDays(-30))),
                LastContactFilter.Within90Days => q.Where(c => touched.Any(t => t.ContactId == c.Id && t.OccurredAt >= now.AddDays(-90))),
                LastContactFilter.Within365Days => q.Where(c => touched.Any(t => t.ContactId == c.Id && t.OccurredAt >= now.AddDays(-365))),
                LastContactFilter.Over90Days => q.Where(c => touched.Any(t => t.ContactId == c.Id) && !touched.Any(t => t.ContactId == c.Id && t.OccurredAt >= now.AddDays(-90))),
                LastContactFilter.Over365Days => q.Where(c => touched.Any(t => t.ContactId == c.Id) && !touched.Any(t => t.ContactId == c.Id && t.OccurredAt >= now.AddDays(-365))),
                LastContactFilter.Never => q.Where(c => !touched.Any(t => t.ContactId == c.Id)),
                _ => q,
            };
        }
        var page = Math.Max(1, r.Page);
        var size = Math.Clamp(r.PageSize, 1, 1000);
        List<long> ids;
        int total;
        if (r.OnlyIds is not null || r.Order is not null)
        {
            // A ranking computed in memory (strength, lapse): filter in the database, order and page here.
            var matching = (await q.Select(c => c.Id).ToListAsync(ct)).ToHashSet();
            if (r.OnlyIds is not null) matching.IntersectWith(r.OnlyIds);
            var ordered = r.Order is null ? matching.ToList() : r.Order.Where(matching.Contains).Concat(matching.Except(r.Order)).ToList();
            if (r.Order is null)
            {
                var names = await db.Contacts.Where(c => matching.Contains(c.Id)).Select(c => new { c.Id, c.DisplayName }).ToListAsync(ct);
                ordered = names.OrderBy(n => n.DisplayName, StringComparer.CurrentCultureIgnoreCase).Select(n => n.Id).ToList();
            }
            total = ordered.Count;
            ids = ordered.Skip((page - 1) * size).Take(size).ToList();
        }
        else
        {
            total = await q.CountAsync(ct);
            ids = await q.OrderBy(c => c.DisplayName).ThenBy(c => c.Id).Skip((page - 1) * size).Take(size).Select(c => c.Id).ToListAsync(ct);
        }
        var contacts = await db.Contacts.Where(c => ids.Contains(c.Id)).Include(c => c.Categories).Include(c => c.Tags)
            .AsSplitQuery().AsNoTracking().ToDictionaryAsync(c => c.Id, ct);
        var last = await ContactQueries.LastInteractionsAsync(db, ids, ct);
        var rows = ids.Where(contacts.ContainsKey).Select(id =>
        {
            var c = contacts[id];
            return new PersonRow(c.Id, c.DisplayName, c.Title, c.Company, c.City,
                c.Categories.Select(x => x.Category).Order(StringComparer.Ordinal).ToList(),
                c.Tags.Select(x => x.Tag).Order(StringComparer.Ordinal).ToList(),
                last.TryGetValue(c.Id, out var l) ? l : null) { Standing = standings?.GetValueOrDefault(c.Id) };
        }).ToList();
        return new PeoplePage(rows, total, page, size);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim().ToLowerInvariant();

    public static async Task<PeopleFacets> FacetsAsync(RapportDbContext db, CancellationToken ct)
    {
        var categories = await db.ContactCategories.Select(c => c.Category).Distinct().OrderBy(c => c).ToListAsync(ct);
        var cities = await db.Contacts.Where(c => c.City != null).Select(c => c.City!).Distinct().OrderBy(c => c).Take(500).ToListAsync(ct);
        var industries = await db.Contacts.Where(c => c.Industry != null).Select(c => c.Industry!).Distinct().OrderBy(c => c).Take(500).ToListAsync(ct);
        var tags = await db.ContactTags.Select(t => t.Tag).Distinct().OrderBy(t => t).Take(500).ToListAsync(ct);
        return new PeopleFacets(categories, cities, industries, tags);
    }
}
