using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain.Contacts;

namespace Rapport.App.Contacts;

/// <summary>Builds the views of contacts that show and list print.</summary>
public static class ContactDetails
{
    public static async Task<ContactView> ViewAsync(RapportDbContext db, Contact c, TimeProvider clock, CancellationToken ct)
    {
        await ContactQueries.LoadDetailsAsync(db, c, ct);
        var last = await ContactQueries.LastInteractionsAsync(db, [c.Id], ct);
        return ContactView.From(c, last.TryGetValue(c.Id, out var l) ? l : null);
    }

    public static async Task<IReadOnlyList<ContactView>> ListAsync(RapportDbContext db, ContactFilter filter, TimeProvider clock, CancellationToken ct)
    {
        var contacts = await ContactQueries.Filter(db, filter)
            .OrderBy(c => c.DisplayName).Take(filter.Limit)
            .Include(c => c.Emails).Include(c => c.Categories).Include(c => c.Tags).Include(c => c.Profiles).Include(c => c.Dates).Include(c => c.Phones)
            .AsSplitQuery().AsNoTracking().ToListAsync(ct);
        var last = await ContactQueries.LastInteractionsAsync(db, contacts.Select(c => c.Id).ToList(), ct);
        return contacts.Select(c => ContactView.From(c, last.TryGetValue(c.Id, out var l) ? l : null)).ToList();
    }
}
