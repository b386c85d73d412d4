using Rapport.App.Common;
using Rapport.Data;
using Rapport.Domain.Contacts;

namespace Rapport.App.Contacts;

/// <summary>Adds a person to the network.</summary>
public sealed class CreateContact(RapportDbContext db, TimeProvider clock)
{
    public async Task<Contact> ExecuteAsync(ContactChanges request, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(request.Name))
            throw new InputException("name", "name: a contact needs a name (--name \"Ana Silva\")");
        var now = clock.GetUtcNow().UtcDateTime;
        var contact = new Contact(request.Name, now);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Contacts.Add(contact);
        await ContactEditor.ApplyAsync(db, contact, request with { Name = null }, ct);
        if (contact.GivenName is null && contact.FamilyName is null) SplitName(contact);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return contact;
    }

    /// <summary>Fills given and family names from the display name when they were not given.</summary>
    internal static void SplitName(Contact c)
    {
        // A card named after a company or an address is not a person's name to split ("Bike Shop" is not Bike and Shop).
        if (c.DisplayName.Contains('@', StringComparison.Ordinal)
            || c.Company is { } company && string.Equals(company.Trim(), c.DisplayName.Trim(), StringComparison.OrdinalIgnoreCase)) return;
        var parts = c.DisplayName.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2) { c.GivenName = c.DisplayName; return; }
        c.GivenName = parts[0];
        c.FamilyName = string.Join(' ', parts[1..]);
    }
}

/// <summary>Changes what is known of a contact; refuses to overwrite a newer edit made meanwhile.</summary>
public sealed class EditContact(RapportDbContext db, TimeProvider clock)
{
    public async Task<Contact> ExecuteAsync(string who, ContactChanges changes, int? expectedVersion = null, CancellationToken ct = default)
    {
        var contact = await ContactResolver.ResolveAsync(db, who, ct: ct);
        await ContactQueries.LoadDetailsAsync(db, contact, ct);
        if (expectedVersion is { } v && v != contact.Version)
            throw new InputException("version", $"version: {contact.DisplayName} was changed by someone else meanwhile (now version {contact.Version}, you edited {v}); reload and try again");
        await ContactEditor.ApplyAsync(db, contact, changes, ct);
        contact.Touch(clock.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException)
        {
            throw new InputException("version", $"version: {contact.DisplayName} was changed by someone else meanwhile; reload and try again");
        }
        return contact;
    }
}
