using Microsoft.EntityFrameworkCore;
using Rapport.App.Common;
using Rapport.App.Interactions;
using Rapport.Data;
using Rapport.Domain.Interactions;
using Rapport.Domain.Nurture;
using Rapport.Domain.Nurture.Plan;

namespace Rapport.App.Nurture;

/// <summary>How a plan item was done: the channel used, a note, the minutes it took (defaults: the item's own).</summary>
public sealed record DoneRequest(string Id)
{
    public string? Channel { get; init; }
    public string? Note { get; init; }
    public int? Minutes { get; init; }
}

/// <summary>What marking an item done did: the item, the interaction logged, and the contact's standing afterwards.</summary>
public sealed record DoneResult(PlanItem Item, long InteractionId, ContactStanding Standing);

/// <summary>
/// The plan of SCIENCE.md I over the stored network: today's and the week's items, and what the user does with them (done
/// logs the interaction and resets the cadence; snooze hides an item for some days; skip brings it back later, demoted).
/// </summary>
public sealed class PlanService(RapportDbContext db, TimeProvider clock, PlanCache? cache = null)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The plan now (from the cache when one is given and still fresh).</summary>
    public async Task<NurturePlan> BuildAsync(CancellationToken ct) => (await StateAsync(ct)).Plan;

    /// <summary>Every contact's standing now (strength, tier, next due...), from the same snapshot as the plan.</summary>
    public async Task<IReadOnlyDictionary<long, ContactStanding>> StandingsAsync(CancellationToken ct) => (await StateAsync(ct)).Standings;

    /// <summary>One contact's standing with its why in plain words (null for an unknown or deleted contact).</summary>
    public async Task<ContactStanding?> StandingAsync(long contactId, CancellationToken ct)
    {
        var state = await StateAsync(ct);
        return state.Standings.GetValueOrDefault(contactId) is { } standing ? Nurture.Standings.Explain(state.Snapshot, standing) : null;
    }

    /// <summary>The plan and the standings, built once per snapshot (and kept in the cache when one is given).</summary>
    public async Task<NurtureState> StateAsync(CancellationToken ct)
    {
        if (cache is null) return await FreshStateAsync(ct);
        return await cache.GetOrAddAsync(db.AccountId, Now, () => FreshStateAsync(ct));
    }

    private async Task<NurtureState> FreshStateAsync(CancellationToken ct)
    {
        var (plan, snapshot) = await BuildFreshAsync(ct);
        return new NurtureState(plan, snapshot);
    }

    /// <summary>The plan with the snapshot it was built from (for standings beside it).</summary>
    public async Task<(NurturePlan Plan, NetworkSnapshot Snapshot)> BuildFreshAsync(CancellationToken ct)
    {
        var now = Now;
        var snapshot = await NetworkLoader.LoadAsync(db, now, ct);
        var plan = PlanBuilder.Build(snapshot.Input, now, snapshot.Settings);
        var chosen = plan.Week.Select(i => i.ContactId).Distinct().ToList();
        var withMemories = await NetworkLoader.WithMemoriesAsync(db, snapshot, chosen, ct);
        if (!ReferenceEquals(withMemories, snapshot))
        {
            snapshot = withMemories;
            plan = PlanBuilder.Build(snapshot.Input, now, snapshot.Settings);
        }
        return (plan, snapshot);
    }

    /// <summary>
    /// The plan for finding an item by id: ids and reasons do not depend on the memories drafts draw on, so the second
    /// pass that writes richer drafts is skipped.
    /// </summary>
    private async Task<NurturePlan> BuildForLookupAsync(CancellationToken ct)
    {
        var now = Now;
        var snapshot = await NetworkLoader.LoadAsync(db, now, ct);
        return PlanBuilder.Build(snapshot.Input, now, snapshot.Settings);
    }

    /// <summary>Marks an item done: logs the interaction (which resets the cadence) and records the effort against the budget.</summary>
    public async Task<DoneResult> DoneAsync(DoneRequest request, CancellationToken ct)
    {
        var plan = await BuildForLookupAsync(ct);
        var item = Find(plan, request.Id);
        var now = Now;
        var channel = request.Channel is null ? DefaultChannel(item.Action) : Input.ParseEnum("channel", request.Channel, LogInteraction.ChannelNames);
        if (request.Minutes is < 0 or > 24 * 60) throw new InputException("minutes", "minutes: 0 to 1440");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var interaction = new Interaction(now, channel, Direction.Out, InteractionSource.Manual, [item.ContactId])
        {
            Purpose = PurposeOf(item.Action),
            Notes = string.IsNullOrWhiteSpace(request.Note) ? $"{item.ActionName}: {item.Reason}" : request.Note.Trim(),
        };
        await InteractionWriter.AddAsync(db, [interaction], ct);

        var state = await StateAsync(item, ct);
        state.MarkDone(now, request.Minutes ?? item.EffortMinutes);
        if (item.Action == PlanAction.Congratulate)
        {
            await db.LifeEvents.Where(e => e.ContactId == item.ContactId && e.AcknowledgedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(e => e.AcknowledgedAt, now), ct);
        }
        if (item.Action == PlanAction.FollowUp)
        {
            var until = item.Day.AddDays(7);
            await db.Reminders.Where(r => r.ContactId == item.ContactId && r.DoneAt == null && r.Due <= until)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.DoneAt, now), ct);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        cache?.Invalidate(db.AccountId);

        var snapshot = await NetworkLoader.LoadAsync(db, now, ct);
        var standing = Standings.Explain(snapshot, Standings.Compute(snapshot)[item.ContactId]);
        return new DoneResult(item, interaction.Id, standing);
    }

    /// <summary>Hides an item for <paramref name="days"/> days; it comes back on that day.</summary>
    public async Task<(PlanItem Item, DateTime Until)> SnoozeAsync(string id, int days, CancellationToken ct)
    {
        if (days is < 1 or > PlanItemState.MaxSnoozeDays) throw new InputException("days", $"days: 1 to {PlanItemState.MaxSnoozeDays}");
        var plan = await BuildForLookupAsync(ct);
        var item = Find(plan, id);
        var state = await StateAsync(item, ct);
        state.Snooze(Now, days);
        await db.SaveChangesAsync(ct);
        cache?.Invalidate(db.AccountId);
        return (item, state.SnoozedUntil!.Value);
    }

    /// <summary>Skips an item: it returns after some days with a lower priority (skip.return-days, skip.penalty).</summary>
    public async Task<PlanItem> SkipAsync(string id, CancellationToken ct)
    {
        var plan = await BuildForLookupAsync(ct);
        var item = Find(plan, id);
        var state = await StateAsync(item, ct);
        state.Skip(Now);
        await db.SaveChangesAsync(ct);
        cache?.Invalidate(db.AccountId);
        return item;
    }

    private static PlanItem Find(NurturePlan plan, string id)
    {
        var key = id?.Trim() ?? "";
        return plan.Week.FirstOrDefault(i => string.Equals(i.Id, key, StringComparison.OrdinalIgnoreCase))
            ?? throw new InputException("id", $"id: no item '{key}' in this week's plan; `rapport week` lists the ids") { NotFound = true };
    }

    private async Task<PlanItemState> StateAsync(PlanItem item, CancellationToken ct)
    {
        var state = await db.PlanItemStates.FirstOrDefaultAsync(s => s.ItemKey == item.Id, ct);
        if (state is null)
        {
            state = new PlanItemState(item.Id, item.ContactId);
            db.PlanItemStates.Add(state);
        }
        return state;
    }

    private static Channel DefaultChannel(PlanAction action) => action switch
    {
        PlanAction.InTown => Channel.InPerson,
        PlanAction.Event => Channel.Event,
        _ => Channel.Message,
    };

    private static Purpose PurposeOf(PlanAction action) => action switch
    {
        PlanAction.Congratulate or PlanAction.Birthday => Purpose.Congratulate,
        PlanAction.Seasonal => Purpose.Seasonal,
        PlanAction.FollowUp => Purpose.FollowUp,
        PlanAction.GiveFirst => Purpose.Give,
        PlanAction.IntroRequest => Purpose.Ask,
        _ => Purpose.CatchUp,
    };
}

/// <summary>The plan and the snapshot it came from; standings are computed from it on first use.</summary>
public sealed class NurtureState(NurturePlan plan, NetworkSnapshot snapshot)
{
    private readonly Lazy<IReadOnlyDictionary<long, ContactStanding>> _standings = new(() => Nurture.Standings.Compute(snapshot));

    public NurturePlan Plan { get; } = plan;
    public NetworkSnapshot Snapshot { get; } = snapshot;
    public IReadOnlyDictionary<long, ContactStanding> Standings => _standings.Value;
}

/// <summary>
/// Plans and standings kept per account for a few minutes within one day, so pages read them without recomputing
/// (see <see cref="AccountCache{T}"/> for when they are dropped).
/// </summary>
public sealed class PlanCache(TimeSpan? maxAge = null) : AccountCache<NurtureState>(maxAge);
