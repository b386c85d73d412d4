using Microsoft.EntityFrameworkCore;
using Rapport.App.Common;
using Rapport.Data;
using Rapport.Domain.Contacts;

namespace Rapport.App.Contacts;

/// <summary>Finds the one contact a user means by an id, an email address or a unique name.</summary>
public static class ContactResolver
{
    public static async Task<Contact> ResolveAsync(RapportDbContext db, string who, string field = "who", CancellationToken ct = default)
    {
        var w = who.Trim();
        if (w.Length == 0) throw new InputException(field, $"{field}: expected a contact id, email or name, got nothing");
        if (TryParseId(w, out var id))
        {
            return await db.Contacts.FirstOrDefaultAsync(c => c.Id == id, ct)
                ?? throw await Trash.TrashBin.NotFoundAsync(db, Trash.TrashKind.Contact, id, field, ct);
        }
        if (w.Contains('@'))
        {
            var email = w.ToLowerInvariant();
            return await db.Contacts.FirstOrDefaultAsync(c => c.Emails.Any(e => e.Address == email), ct)
                ?? throw new InputException(field, $"{field}: no contact has the email {w}");
        }
        var lower = w.ToLowerInvariant();
        var exact = await db.Contacts.Where(c => c.DisplayName.ToLower() == lower).Take(6).ToListAsync(ct);
        if (exact.Count == 1) return exact[0];
        // A part of a name: where some match at the start of a word ("Ana" in "Ana Silva", not in "Dana Ruiz"), those only.
        var matches = exact.Count > 1 ? exact : await ContactSuggestions.StartingAWord(db.Contacts, lower).Take(6).ToListAsync(ct);
        if (matches.Count == 0)
            matches = await db.Contacts.Where(c => c.DisplayName.ToLower().Contains(lower)).OrderBy(c => c.DisplayName).ThenBy(c => c.Id).Take(6).ToListAsync(ct);
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new InputException(field, $"{field}: no contact is named '{w}'"),
            _ => throw new InputException(field,
                $"{field}: '{w}' matches several contacts ({string.Join(", ", matches.Take(5).Select(c => $"{c.DisplayName} #{c.Id}"))}{(matches.Count > 5 ? ", ..." : "")}); use the id or email")
            {
                Candidates = [.. matches.Take(5).Select(c => (c.Id, c.DisplayName))],
            },
        };
    }

    /// <summary>Reads a contact id as typed: "205", or "#205" as Rapport prints ids.</summary>
    public static bool TryParseId(string text, out long id)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        if (t.StartsWith('#')) t = t[1..];
        return long.TryParse(t, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out id);
    }

    public static async Task<IReadOnlyList<Contact>> ResolveManyAsync(RapportDbContext db, string whoList, string field = "who", CancellationToken ct = default)
    {
        var result = new List<Contact>();
        foreach (var who in whoList.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var c = await ResolveAsync(db, who, field, ct);
            if (result.All(r => r.Id != c.Id)) result.Add(c);
        }
        if (result.Count == 0) throw new InputException(field, $"{field}: expected at least one contact");
        return result;
    }
}
