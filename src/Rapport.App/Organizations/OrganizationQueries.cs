using Microsoft.EntityFrameworkCore;
using Rapport.App.Common;
using Rapport.Data;
using Rapport.Domain.Organizations;

namespace Rapport.App.Organizations;

/// <summary>An organization in the list, with how many current members you know and whether you belong.</summary>
public sealed record OrganizationRow(long Id, string Name, string Kind, string? Industry, string? City, int Members, string? YourRole);

/// <summary>A member of an organization: a contact, or you when <see cref="ContactId"/> is null.</summary>
public sealed record MemberRow(long MembershipId, long? ContactId, string Name, string Role, string? Title, DateOnly? StartedOn, DateOnly? EndedOn, bool Current);

/// <summary>One organization with its memberships, current first.</summary>
public sealed record OrganizationDetail(long Id, string Name, string Kind, string? Industry, string? City, string? Website, int? MeetingCadenceDays, string? Notes, IReadOnlyList<MemberRow> Members);

/// <summary>Reads organizations and their memberships.</summary>
public static class OrganizationQueries
{
    public static async Task<IReadOnlyList<OrganizationRow>> ListAsync(RapportDbContext db, string? search, string? kind, TimeProvider clock, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var q = db.Organizations.AsQueryable();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim().ToLowerInvariant();
            q = q.Where(o => o.Name.ToLower().Contains(s) || (o.Industry != null && o.Industry.ToLower().Contains(s)));
        }
        if (!string.IsNullOrWhiteSpace(kind))
        {
            var k = Input.ParseEnum<OrganizationKind>("kind", kind);
            q = q.Where(o => o.Kind == k);
        }
        var orgs = await q.OrderBy(o => o.Name).Take(1000).Select(o => new { o.Id, o.Name, o.Kind, o.Industry, o.City }).ToListAsync(ct);
        var ids = orgs.Select(o => o.Id).ToList();
        var counts = await db.Memberships.Where(m => ids.Contains(m.OrganizationId) && m.ContactId != null
                && (m.EndedOn == null || m.EndedOn >= today) && db.Contacts.Any(c => c.Id == m.ContactId))
            .GroupBy(m => m.OrganizationId).Select(g => new { g.Key, Count = g.Select(m => m.ContactId).Distinct().Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var mine = await db.Memberships.Where(m => ids.Contains(m.OrganizationId) && m.ContactId == null && (m.EndedOn == null || m.EndedOn >= today))
            .Select(m => new { m.OrganizationId, m.Role }).ToListAsync(ct);
        var mineBy = mine.GroupBy(m => m.OrganizationId).ToDictionary(g => g.Key, g => Input.Kebab(g.First().Role));
        return orgs.Select(o => new OrganizationRow(o.Id, o.Name, Input.Kebab(o.Kind), o.Industry, o.City,
            counts.GetValueOrDefault(o.Id), mineBy.GetValueOrDefault(o.Id))).ToList();
    }

    public static async Task<OrganizationDetail?> GetAsync(RapportDbContext db, long id, TimeProvider clock, CancellationToken ct)
    {
        var o = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (o is null) return null;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var rows = await db.Memberships.Where(m => m.OrganizationId == id)
            .GroupJoin(db.Contacts, m => m.ContactId, c => c.Id, (m, cs) => new { m, cs })
            .SelectMany(x => x.cs.DefaultIfEmpty(), (x, c) => new { x.m, Name = c == null ? null : c.DisplayName })
            .ToListAsync(ct);
        var members = rows.Where(r => r.m.ContactId is null || r.Name is not null)
            .Select(r => new MemberRow(r.m.Id, r.m.ContactId, r.Name ?? "You", Input.Kebab(r.m.Role), r.m.Title, r.m.StartedOn, r.m.EndedOn, r.m.IsCurrent(today)))
            .OrderByDescending(m => m.ContactId is null).ThenByDescending(m => m.Current).ThenBy(m => m.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        return new OrganizationDetail(o.Id, o.Name, Input.Kebab(o.Kind), o.Industry, o.City, o.Website, o.MeetingCadenceDays, o.Notes, members);
    }

    /// <summary>Organizations to choose an event's organizer from: communities, associations and the like first, companies last.</summary>
    public static async Task<IReadOnlyList<(long Id, string Name)>> OrganizerChoicesAsync(RapportDbContext db, CancellationToken ct)
    {
        var rows = await db.Organizations.OrderBy(o => o.Kind == OrganizationKind.Company).ThenBy(o => o.Name).Take(500)
            .Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        return rows.Select(r => (r.Id, r.Name)).ToList();
    }

    /// <summary>The memberships of one contact, for the Person page.</summary>
    public static async Task<IReadOnlyList<(long OrganizationId, string Organization, string Role, string? Title, bool Current)>> OfContactAsync(RapportDbContext db, long contactId, TimeProvider clock, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var rows = await db.Memberships.Where(m => m.ContactId == contactId)
            .Join(db.Organizations, m => m.OrganizationId, o => o.Id, (m, o) => new { m, o.Name }).ToListAsync(ct);
        return rows.Select(r => (r.m.OrganizationId, r.Name, Input.Kebab(r.m.Role), r.m.Title, r.m.IsCurrent(today)))
            .OrderByDescending(r => r.Item5).ThenBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
    }
}

/// <summary>What a user types to add an organization.</summary>
public sealed record OrganizationRequest(string Name, string Kind)
{
    public string? Industry { get; init; }
    public string? City { get; init; }
    public string? Website { get; init; }
    public string? MeetingCadenceDays { get; init; }
}

/// <summary>Adds a company, association, alumni network, university or community.</summary>
public sealed class CreateOrganization(RapportDbContext db)
{
    public async Task<Organization> ExecuteAsync(OrganizationRequest r, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(r.Name)) throw new InputException("name", "name: an organization needs a name");
        var kind = string.IsNullOrWhiteSpace(r.Kind) ? OrganizationKind.Community : Input.ParseEnum<OrganizationKind>("kind", r.Kind);
        int? cadence = null;
        if (!string.IsNullOrWhiteSpace(r.MeetingCadenceDays))
        {
            if (!int.TryParse(r.MeetingCadenceDays.Trim(), out var d) || d is < 1 or > 3650)
                throw new InputException("cadence", $"cadence: expected a number of days from 1 to 3650, got '{r.MeetingCadenceDays}'");
            cadence = d;
        }
        var name = r.Name.Trim();
        if (await db.Organizations.AnyAsync(o => o.Name.ToLower() == name.ToLower(), ct))
            throw new InputException("name", $"name: there is already an organization named {name}");
        var o = new Organization(name, kind)
        {
            Industry = Input.TrimmedOrNull(r.Industry), City = Input.TrimmedOrNull(r.City), Website = Input.TrimmedOrNull(r.Website), MeetingCadenceDays = cadence,
        };
        db.Organizations.Add(o);
        await db.SaveChangesAsync(ct);
        return o;
    }

}

/// <summary>Adds a membership to an organization: yours when no contact is named.</summary>
public sealed class AddMembership(RapportDbContext db)
{
    public async Task<Membership> ExecuteAsync(long organizationId, string? who, string role, string? title, string? startedOn, string? endedOn, CancellationToken ct = default)
    {
        if (!await db.Organizations.AnyAsync(o => o.Id == organizationId, ct)) throw new InputException("organization", $"organization: no organization has id {organizationId}");
        var r = Input.ParseEnum<MembershipRole>("role", role);
        long? contactId = string.IsNullOrWhiteSpace(who) ? null : (await Contacts.ContactResolver.ResolveAsync(db, who, "who", ct)).Id;
        var start = string.IsNullOrWhiteSpace(startedOn) ? (DateOnly?)null : Input.ParseDate("started", startedOn);
        var end = string.IsNullOrWhiteSpace(endedOn) ? (DateOnly?)null : Input.ParseDate("ended", endedOn);
        if (start is { } s && end is { } e && e < s) throw new InputException("ended", "ended: a membership cannot end before it starts");
        var titled = string.IsNullOrWhiteSpace(title) ? null : title.Trim();
        // The same membership given again (a script run twice) is kept once; a title given now is taken.
        if (await db.Memberships.FirstOrDefaultAsync(x => x.OrganizationId == organizationId && x.ContactId == contactId && x.Role == r && x.StartedOn == start && x.EndedOn == end, ct) is { } same)
        {
            if (titled is not null && titled != same.Title)
            {
                same.Title = titled;
                await db.SaveChangesAsync(ct);
            }
            return same;
        }
        var m = new Membership(organizationId, contactId, r, start, end) { Title = titled };
        db.Memberships.Add(m);
        await db.SaveChangesAsync(ct);
        return m;
    }
}
