using Microsoft.EntityFrameworkCore;
using Rapport.App.Common;
using Rapport.App.Contacts;
using Rapport.Data;
using Rapport.Domain.Opportunities;

namespace Rapport.App.Opportunities;

/// <summary>A card on the board: the opportunity, where it came from and whether it was ever advertised.</summary>
public sealed record OpportunityCard(long Id, string Title, string Kind, string Stage, string? Organization, bool Advertised, DateOnly OpenedOn, IReadOnlyList<(long Id, string Name)> Sources);

/// <summary>One column of the board.</summary>
public sealed record StageColumn(string Stage, IReadOnlyList<OpportunityCard> Cards);

/// <summary>The opportunities board: one column per stage, in the order an opportunity moves through them.</summary>
public static class OpportunityBoard
{
    public static readonly IReadOnlyList<OpportunityStage> Stages = Enum.GetValues<OpportunityStage>();

    public static async Task<IReadOnlyList<StageColumn>> LoadAsync(RapportDbContext db, CancellationToken ct)
    {
        var opps = await db.Opportunities.Include(o => o.Sources).AsNoTracking().OrderByDescending(o => o.OpenedOn).Take(2000).ToListAsync(ct);
        var orgIds = opps.Where(o => o.OrganizationId != null).Select(o => o.OrganizationId!.Value).Distinct().ToList();
        var orgs = await db.Organizations.Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var contactIds = opps.SelectMany(o => o.Sources.Select(s => s.ContactId)).Distinct().ToList();
        var names = await db.Contacts.Where(c => contactIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.DisplayName, ct);
        var cards = opps.Select(o => new OpportunityCard(o.Id, o.Title, Input.Kebab(o.Kind), Input.Kebab(o.Stage),
            o.OrganizationId is { } oid && orgs.TryGetValue(oid, out var on) ? on : null, o.Advertised, o.OpenedOn,
            o.Sources.Where(s => names.ContainsKey(s.ContactId)).Select(s => (s.ContactId, names[s.ContactId])).ToList())).ToList();
        return Stages.Select(s => new StageColumn(Input.Kebab(s), cards.Where(c => c.Stage == Input.Kebab(s)).ToList())).ToList();
    }
}

/// <summary>What a user types to add an opportunity.</summary>
public sealed record OpportunityRequest(string Title, string Kind)
{
    public string? Organization { get; init; }
    public string? Source { get; init; }
    public bool Advertised { get; init; }
    public string? Stage { get; init; }
    public string? Notes { get; init; }
}

/// <summary>Adds a job, referral, client, speaking slot or partnership, with the contact it came from.</summary>
public sealed class CreateOpportunity(RapportDbContext db, TimeProvider clock)
{
    public async Task<Opportunity> ExecuteAsync(OpportunityRequest r, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(r.Title)) throw new InputException("title", "title: an opportunity needs a title");
        var kind = Input.ParseEnum<OpportunityKind>("kind", r.Kind);
        var stage = string.IsNullOrWhiteSpace(r.Stage) ? OpportunityStage.Heard : Input.ParseEnum<OpportunityStage>("stage", r.Stage);
        long? orgId = null;
        if (!string.IsNullOrWhiteSpace(r.Organization))
        {
            var name = r.Organization.Trim().ToLowerInvariant();
            orgId = await db.Organizations.Where(o => o.Name.ToLower() == name).Select(o => (long?)o.Id).FirstOrDefaultAsync(ct)
                ?? throw new InputException("organization", $"organization: no organization is named '{r.Organization.Trim()}' (add it on the Organizations page)");
        }
        var source = string.IsNullOrWhiteSpace(r.Source) ? null : await ContactResolver.ResolveAsync(db, r.Source, "source", ct);
        var o = new Opportunity(r.Title, kind, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
        {
            OrganizationId = orgId, Advertised = r.Advertised, Stage = stage, Notes = string.IsNullOrWhiteSpace(r.Notes) ? null : r.Notes.Trim(),
        };
        if (source is not null) o.AddSource(source.Id);
        db.Opportunities.Add(o);
        await db.SaveChangesAsync(ct);
        return o;
    }
}

/// <summary>Moves an opportunity to another stage; closing stages (won, lost, declined) set its closing date.</summary>
public sealed class MoveOpportunity(RapportDbContext db, TimeProvider clock)
{
    public async Task<Opportunity> ExecuteAsync(long id, string stage, CancellationToken ct = default)
    {
        var s = Input.ParseEnum<OpportunityStage>("stage", stage);
        var o = await db.Opportunities.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new InputException("id", $"id: no opportunity has id {id}");
        o.Stage = s;
        o.ClosedOn = s is OpportunityStage.Won or OpportunityStage.Lost or OpportunityStage.Declined ? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime) : null;
        await db.SaveChangesAsync(ct);
        return o;
    }
}
