using Microsoft.EntityFrameworkCore;
using Rapport.App.Common;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Domain.Contacts;

namespace Rapport.App.People;

/// <summary>What to do to every chosen contact at once.</summary>
public enum BulkAction { AddTag, RemoveTag, AddCategory, SetCity, SetKind, Trash }

/// <summary>A bulk edit: the chosen contacts, the action and its value (a tag, a category, a city or a kind).</summary>
public sealed record BulkRequest(IReadOnlyCollection<long> ContactIds, BulkAction Action, string? Value);

/// <summary>Tags, categorizes, moves or trashes many contacts in one transaction; every change is a new version of the contact.</summary>
public sealed class BulkEditPeople(RapportDbContext db, TimeProvider clock)
{
    public async Task<int> ExecuteAsync(BulkRequest request, CancellationToken ct = default)
    {
        if (request.ContactIds.Count == 0) throw new InputException("selection", "selection: choose at least one person");
        if (request.ContactIds.Count > 5000) throw new InputException("selection", "selection: at most 5000 people at once");
        var value = request.Value?.Trim() ?? "";
        RelationshipKind? kind = null;
        switch (request.Action)
        {
            case BulkAction.AddTag or BulkAction.RemoveTag when value.Length == 0:
                throw new InputException("value", "value: type the tag");
            case BulkAction.AddCategory when value.Length == 0:
                throw new InputException("value", "value: type the category");
            case BulkAction.SetCity when value.Length == 0:
                throw new InputException("value", "value: type the city");
            case BulkAction.SetKind:
                kind = Input.ParseEnum<RelationshipKind>("value", value);
                break;
        }
        if (value.Length > 100) throw new InputException("value", "value: at most 100 characters");

        var now = clock.GetUtcNow().UtcDateTime;
        var ids = request.ContactIds.Distinct().ToList();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var contacts = await db.Contacts.Where(c => ids.Contains(c.Id)).Include(c => c.Tags).Include(c => c.Categories).AsSplitQuery().ToListAsync(ct);
        foreach (var c in contacts)
        {
            try
            {
                switch (request.Action)
                {
                    case BulkAction.AddTag: c.AddTag(value); break;
                    case BulkAction.RemoveTag: c.SetTags(c.Tags.Select(t => t.Tag).Where(t => !string.Equals(t, value, StringComparison.OrdinalIgnoreCase)).ToList()); break;
                    case BulkAction.AddCategory: c.AddCategory(value); break;
                    case BulkAction.SetCity: c.City = value; break;
                    case BulkAction.SetKind: c.Kind = kind!.Value; break;
                    case BulkAction.Trash: c.DeletedAt = now; break;
                }
            }
            catch (DomainException e)
            {
                throw new InputException("value", $"value: {e.Message}");
            }
            c.Touch(now);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return contacts.Count;
    }
}
