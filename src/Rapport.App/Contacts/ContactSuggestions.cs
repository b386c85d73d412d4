using Microsoft.EntityFrameworkCore;
using Rapport.Data;

namespace Rapport.App.Contacts;

/// <summary>One name offered while typing who an interaction was with.</summary>
public sealed record ContactSuggestion(long Id, string Name);

/// <summary>Names to offer as the user types a person (quick capture's Who): those whose name, or a word of it, starts with the text.</summary>
public static class ContactSuggestions
{
    public const int MinLength = 2;

    public static async Task<IReadOnlyList<ContactSuggestion>> ForAsync(RapportDbContext db, string? text, int limit, CancellationToken ct)
    {
        var term = (text ?? "").Trim().ToLowerInvariant();
        if (term.Length < MinLength) return [];
        return await StartingAWord(db.Contacts.AsNoTracking(), term)
            .Take(Math.Clamp(limit, 1, 50))
            .Select(c => new ContactSuggestion(c.Id, c.DisplayName)).ToListAsync(ct);
    }

    /// <summary>
    /// The contacts whose name, or a word of it, starts with <paramref name="lowerTerm"/> (lower case), those whose name
    /// starts with it first, then by name and id.
    /// </summary>
    public static IQueryable<Domain.Contacts.Contact> StartingAWord(IQueryable<Domain.Contacts.Contact> contacts, string lowerTerm)
    {
        // LIKE's wildcards in what was typed are taken literally.
        var escaped = lowerTerm.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
        return contacts
            .Where(c => EF.Functions.Like(c.DisplayName.ToLower(), escaped + "%", "\\") || EF.Functions.Like(c.DisplayName.ToLower(), "% " + escaped + "%", "\\"))
            .OrderBy(c => EF.Functions.Like(c.DisplayName.ToLower(), escaped + "%", "\\") ? 0 : 1).ThenBy(c => c.DisplayName).ThenBy(c => c.Id);
    }
}
