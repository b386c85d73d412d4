using Microsoft.EntityFrameworkCore;
using Rapport.App.Common;
using Rapport.App.Contacts;
using Rapport.Data;
using Rapport.Domain.Organizations;

namespace Rapport.App.Organizations;

/// <summary>Finds the organization a user names: by id ("12" or "#12"), by its whole name, or by a part of it that only one has.</summary>
public static class OrganizationResolver
{
    public static async Task<Organization> ResolveAsync(RapportDbContext db, string which, string field = "organization", CancellationToken ct = default)
    {
        var w = which.Trim();
        if (w.Length == 0) throw new InputException(field, $"{field}: expected an organization's id or name, got nothing");
        if (ContactResolver.TryParseId(w, out var id))
        {
            return await db.Organizations.FirstOrDefaultAsync(o => o.Id == id, ct)
                ?? throw await Trash.TrashBin.NotFoundAsync(db, Trash.TrashKind.Organization, id, field, ct);
        }
        var lower = w.ToLowerInvariant();
        var exact = await db.Organizations.Where(o => o.Name.ToLower() == lower).OrderBy(o => o.Id).Take(6).ToListAsync(ct);
        var matches = exact.Count > 0 ? exact
            : await db.Organizations.Where(o => o.Name.ToLower().Contains(lower)).OrderBy(o => o.Name).ThenBy(o => o.Id).Take(6).ToListAsync(ct);
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new InputException(field, $"{field}: no organization is named '{w}' (add it with `rapport org add \"{w}\" --kind community`)"),
            _ => throw new InputException(field,
                $"{field}: '{w}' matches several organizations ({string.Join(", ", matches.Take(5).Select(o => $"{o.Name} #{o.Id}"))}{(matches.Count > 5 ? ", ..." : "")}); use the id"),
        };
    }
}
