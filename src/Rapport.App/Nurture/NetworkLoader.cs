using Microsoft.EntityFrameworkCore;
using Rapport.App.Common;
using Rapport.Data.Storage;
using Rapport.Data;
using Rapport.Domain.Contacts;
using Rapport.Domain.Exchanges;
using Rapport.Domain.Goals;
using Rapport.Domain.Nurture;
using Rapport.Domain.Nurture.Goals;
using Rapport.Domain.Nurture.Plan;

namespace Rapport.App.Nurture;

/// <summary>The account's network as the nurture engine reads it at one instant: the plan input, the settings and the clock.</summary>
public sealed record NetworkSnapshot(PlanInput Input, NurtureSettings Settings, DateTime Now)
{
    private Dictionary<long, int>? _index;

    public DateOnly Today => DateOnly.FromDateTime(Now);

    /// <summary>The position of a contact in <see cref="PlanInput.Contacts"/>, or -1.</summary>
    public int IndexOf(long contactId)
    {
        _index ??= Input.Contacts.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i);
        return _index.TryGetValue(contactId, out var i) ? i : -1;
    }
}

/// <summary>
/// Reads everything the plan and the standings are computed from, in a handful of set queries (no per-contact round trips):
/// contacts with their facts and aggregates, and the triggers (life events, dates, reminders, trips, events, goals, the
/// ledger, introduction requests, item states). Missing or stale aggregates are rebuilt here and stored.
/// </summary>
public static class NetworkLoader
{
    public static async Task<NetworkSnapshot> LoadAsync(RapportDbContext db, DateTime now, CancellationToken ct)
    {
        var settings = await NurtureSettingsStore.LoadAsync(db, ct);
        var today = DateOnly.FromDateTime(now);

        var stats = await LoadStatsAsync(db, settings, now, ct);

        var contacts = await db.Contacts.AsNoTracking()
            .Select(c => new
            {
                c.Id, c.DisplayName, c.Title, c.Function, c.Industry, c.Company, c.City, c.Seniority, c.Trust, c.TierPin,
                c.Closeness, c.KnownSince, c.SeniorityAtLastContact, c.WantToMeet,
            })
            .ToListAsync(ct);
        // The facts are kept with the plan until the next write: one instance per distinct company, title, city...
        var pool = new StringPool();
        var categories = (await db.ContactCategories.AsNoTracking().Select(c => new { c.ContactId, c.Category }).ToListAsync(ct))
            .GroupBy(c => c.ContactId).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)pool.GetAll(g.Select(x => x.Category)));
        var links = await db.ContactLinks.AsNoTracking().Select(l => new { l.ContactAId, l.ContactBId }).ToListAsync(ct);
        var mutuals = Mutuals(links.Select(l => (l.ContactAId, l.ContactBId)), contacts.Select(c => c.Id).ToHashSet());

        var planContacts = new List<PlanContact>(contacts.Count);
        foreach (var c in contacts)
        {
            var facts = new ContactFacts(c.DisplayName, pool.Get(c.Title), pool.Get(c.Function), pool.Get(c.Industry), pool.Get(c.Company),
                pool.Get(c.City), categories.GetValueOrDefault(c.Id), c.Seniority);
            planContacts.Add(new PlanContact(c.Id, facts, stats.GetValueOrDefault(c.Id))
            {
                Trust = c.Trust,
                Pin = c.TierPin,
                Closeness = c.Closeness,
                Mutuals = mutuals.GetValueOrDefault(c.Id),
                KnownSince = c.KnownSince,
                SeniorityAtLastContact = c.SeniorityAtLastContact,
            });
        }

        var recent = today.AddDays(-Math.Max(60, settings.CongratulateDays));
        var lifeEvents = await db.LifeEvents.AsNoTracking()
            .Where(e => e.AcknowledgedAt == null && e.OccurredOn >= recent)
            .Select(e => new PlanLifeEvent(e.ContactId, e.Kind, e.OccurredOn, e.Note, false))
            .ToListAsync(ct);
        var dates = await db.ContactDates.AsNoTracking()
            .Select(d => new PlanImportantDate(d.ContactId, d.Kind, d.Month, d.Day, d.Label))
            .ToListAsync(ct);
        var reminders = await db.Reminders.AsNoTracking()
            .Where(r => r.DoneAt == null)
            .Select(r => new PlanReminder(r.Id, r.ContactId, r.Due, r.Note))
            .ToListAsync(ct);
        var trips = await db.Trips.AsNoTracking()
            .Where(t => t.To >= today)
            .Select(t => new PlanTrip(t.Id, t.ContactId, t.City, t.From, t.To))
            .ToListAsync(ct);

        var horizon = now.AddDays(settings.EventLeadDays + 7);
        var events = await db.Events.AsNoTracking()
            .Where(e => e.StartsAt >= now && e.StartsAt <= horizon)
            .Select(e => new { e.Id, e.Name, e.StartsAt, e.City, e.Attending })
            .ToListAsync(ct);
        var eventIds = events.Select(e => e.Id).ToList();
        var attendees = (await db.Attendances.AsNoTracking().Where(a => eventIds.Contains(a.EventId)).Select(a => new { a.EventId, a.ContactId }).ToListAsync(ct))
            .GroupBy(a => a.EventId).ToDictionary(g => g.Key, g => (IReadOnlyList<long>)g.Select(a => a.ContactId).ToList());
        var planEvents = events.Select(e => new PlanEvent(e.Id, e.Name, e.StartsAt, e.City, e.Attending, attendees.GetValueOrDefault(e.Id) ?? [])).ToList();

        var goals = await ActiveGoalsAsync(db, ct);
        var ledger = await LedgerAsync(db, today, settings, ct);

        var states = await db.PlanItemStates.AsNoTracking().ToListAsync(ct);

        var input = new PlanInput(planContacts)
        {
            LifeEvents = lifeEvents,
            ImportantDates = dates,
            Reminders = reminders,
            Trips = trips,
            Events = planEvents,
            Goals = goals,
            Ledger = ledger,
            ItemStates = states,
            IntroRequests = IntroRequests(contacts.Where(c => c.WantToMeet).Select(c => (c.Id, c.DisplayName)), planContacts, links.Select(l => (l.ContactAId, l.ContactBId)), stats, now, settings),
        };
        return new NetworkSnapshot(input, settings, now);
    }

    /// <summary>The active goals with their linked contacts, as the engines read them.</summary>
    internal static async Task<List<GoalProfile>> ActiveGoalsAsync(RapportDbContext db, CancellationToken ct)
    {
        var goals = new List<(long Id, string Title, string? Roles, string? Industries, string? Organizations, GoalRelation Relation, int? Count)>();
        // Enums are stored by name (RapportDbContext's conventions), so the filters compare names, exactly as EF Core does.
        await AccountRows.ScanAsync(db, $"""
            SELECT "Id", "Title", "TargetRoles", "TargetIndustries", "TargetOrganizations", "TargetRelation", "TargetCount"
            FROM "Goals" WHERE "AccountId" = @account AND "DeletedAt" IS NULL AND "Status" = '{GoalStatus.Active}' ORDER BY "Id"
            """, r => goals.Add((r.GetInt64(0), r.GetString(1), r.GetStringOrNull(2), r.GetStringOrNull(3), r.GetStringOrNull(4), r.GetEnum<GoalRelation>(5),
                r.IsNull(6) ? null : (int)r.GetInt64(6))), ct);
        if (goals.Count == 0) return [];
        var linked = goals.ToDictionary(g => g.Id, _ => new HashSet<long>());
        await AccountRows.ScanAsync(db, $"""
            SELECT "GoalId", "TargetId" FROM "GoalLinks" WHERE "AccountId" = @account AND "Kind" = '{GoalLinkKind.Contact}' ORDER BY "Id"
            """, r =>
            {
                if (linked.TryGetValue(r.GetInt64(0), out var ids)) ids.Add(r.GetInt64(1));
            }, ct);
        return goals.Select(g => new GoalProfile(g.Id, g.Title, Goal.SplitList(g.Roles), Goal.SplitList(g.Industries), Goal.SplitList(g.Organizations),
            g.Relation, g.Count, linked[g.Id])).ToList();
    }

    /// <summary>The ledger in its window, plus every give still only offered.</summary>
    internal static async Task<List<LedgerEntry>> LedgerAsync(RapportDbContext db, DateOnly today, NurtureSettings settings, CancellationToken ct)
    {
        var ledgerFrom = today.AddYears(-settings.LedgerWindowYears);
        var entries = new List<LedgerEntry>();
        await AccountRows.ScanAsync(db, $"""
            SELECT "ContactId", "Direction", "Kind", "Status", "OccurredOn", "Note" FROM "Exchanges"
            WHERE "AccountId" = @account AND ("OccurredOn" >= @from OR "Status" = '{ExchangeStatus.Offered}') ORDER BY "Id"
            """, new Dictionary<string, object> { ["@from"] = ledgerFrom },
            r => entries.Add(new LedgerEntry(r.GetInt64(0), r.GetEnum<ExchangeDirection>(1), r.GetEnum<ExchangeKind>(2), r.GetEnum<ExchangeStatus>(3),
                r.GetDateOnlyOrNull(4)!.Value, r.GetStringOrNull(5))), ct);
        return entries;
    }

    /// <summary>
    /// Mutual contacts as the strength engine counts them: every stored link of each contact to another contact in
    /// <paramref name="live"/> (a contact in the trash is nobody's mutual contact until restored).
    /// </summary>
    internal static Dictionary<long, int> Mutuals(IEnumerable<(long A, long B)> links, IReadOnlySet<long> live)
    {
        var mutuals = new Dictionary<long, int>();
        foreach (var (a, b) in links)
        {
            if (!live.Contains(a) || !live.Contains(b)) continue;
            mutuals[a] = mutuals.GetValueOrDefault(a) + 1;
            mutuals[b] = mutuals.GetValueOrDefault(b) + 1;
        }
        return mutuals;
    }

    /// <summary>
    /// The aggregates of every contact, usable at <paramref name="now"/>: a database that has interactions but no aggregates
    /// (written before they existed) and rows built under other settings are rebuilt and stored; rows with touches after
    /// <paramref name="now"/> (RAPPORT_NOW set in the past) are recomputed in memory as of then.
    /// </summary>
    internal static async Task<Dictionary<long, ContactStats>> LoadStatsAsync(RapportDbContext db, NurtureSettings settings, DateTime now, CancellationToken ct)
    {
        var byId = await LoadStoredStatsAsync(db, settings, ct);
        var future = byId.Values.Where(r => r.HasTouchesAfter(now)).Select(r => r.ContactId).ToList();
        if (future.Count > 0)
        {
            foreach (var s in await ContactStatsRefresher.ComputeAsync(db, future, settings, now, ct)) byId[s.ContactId] = s;
        }
        return byId;
    }

    /// <summary>
    /// The stored aggregates by contact, built first where missing or made under other settings; those of contacts with
    /// touches still to come count them (the caller recomputes them as of its day).
    /// </summary>
    internal static async Task<Dictionary<long, ContactStats>> LoadStoredStatsAsync(RapportDbContext db, NurtureSettings settings, CancellationToken ct)
    {
        var rows = await ReadStatsAsync(db, ct);
        if (await RebuildStaleAsync(db, rows.Count, [.. rows.Where(r => !r.IsCurrentFor(settings)).Select(r => r.ContactId)], settings, ct))
            rows = await ReadStatsAsync(db, ct);
        return rows.ToDictionary(r => r.ContactId);
    }

    /// <summary>
    /// Builds the stored aggregates that <see cref="LoadStoredStatsAsync"/> would build, reading only which rows are
    /// current: a load that keeps what it reads calls it before it sets its mark, so that the rebuild after a settings
    /// change is not a write during its own read.
    /// </summary>
    internal static async Task RefreshStaleStatsAsync(RapportDbContext db, NurtureSettings settings, CancellationToken ct)
    {
        var rows = 0;
        var stale = new List<long>();
        await AccountRows.ScanAsync(db, """
            SELECT "ContactId", ("NeedsRecompute" OR "SettingsStamp" <> @stamp) FROM "ContactStats" WHERE "AccountId" = @account
            """, new Dictionary<string, object> { ["@stamp"] = ContactStats.Stamp(settings) }, r =>
            {
                rows++;
                if (r.GetBoolean(1)) stale.Add(r.GetInt64(0));
            }, ct);
        await RebuildStaleAsync(db, rows, stale, settings, ct);
    }

    // None stored while there are interactions (written before the aggregates existed): all are built. Else those made under
    // other settings or marked for a recompute, all at once past half of them. True when anything was rebuilt.
    private static async Task<bool> RebuildStaleAsync(RapportDbContext db, int rows, List<long> stale, NurtureSettings settings, CancellationToken ct)
    {
        if (rows == 0 && await AnyInteractionAsync(db, ct)) await ContactStatsRefresher.RebuildAsync(db, null, settings, ct);
        else if (stale.Count > 0) await ContactStatsRefresher.RebuildAsync(db, stale.Count * 2 > rows ? null : stale, settings, ct);
        else return false;
        return true;
    }

    private static async Task<bool> AnyInteractionAsync(RapportDbContext db, CancellationToken ct)
    {
        var any = false;
        await AccountRows.ScanAsync(db, """SELECT 1 FROM "Interactions" WHERE "AccountId" = @account AND "DeletedAt" IS NULL LIMIT 1""", _ => any = true, ct);
        return any;
    }

    /// <summary>The stored aggregates of the account, read as plain rows (one per contact with interactions).</summary>
    public static Task<List<ContactStats>> ReadStatsAsync(RapportDbContext db, CancellationToken ct) => ReadStatsAsync(db, null, ct);

    /// <summary>The same, of <paramref name="contactIds"/> only (all when null).</summary>
    public static async Task<List<ContactStats>> ReadStatsAsync(RapportDbContext db, IReadOnlyCollection<long>? contactIds, CancellationToken ct)
    {
        var rows = new List<ContactStats>();
        await AccountRows.ScanAsync(db, $"""
            SELECT "ContactId", "TouchCount", "FirstTouchAt", "LastTouchAt", "IntensityAtLast", "RecentLog", "PeakCore", "PeakSampledThroughMonth",
                   "SettingsStamp", "NeedsRecompute"
            FROM "ContactStats" WHERE "AccountId" = @account {AccountRows.OnlyOf("ContactId", contactIds)} ORDER BY "ContactId"
            """, r => rows.Add(ContactStats.Restore(db.AccountId, r.GetInt64(0), (int)r.GetInt64(1), r.GetUtcTimeOrNull(2), r.GetUtcTimeOrNull(3),
                r.GetDouble(4), r.GetBytes(5), r.GetDouble(6), (int)r.GetInt64(7), r.GetInt64(8), r.GetBoolean(9))), ct);
        return rows;
    }

    /// <summary>
    /// Introductions worth asking for: people you marked "want to meet" and have never been in touch with, through the
    /// strongest trusted contact linked to them.
    /// </summary>
    private static List<PlanIntroRequest> IntroRequests(
        IEnumerable<(long Id, string Name)> wanted, List<PlanContact> contacts, IEnumerable<(long A, long B)> links,
        Dictionary<long, ContactStats> stats, DateTime now, NurtureSettings s)
    {
        var wantedList = wanted.Where(w => !(stats.TryGetValue(w.Id, out var st) && st.TouchCount > 0)).ToList();
        if (wantedList.Count == 0) return [];
        var byId = contacts.ToDictionary(c => c.Id);
        var neighbours = new Dictionary<long, List<long>>();
        foreach (var (a, b) in links)
        {
            (neighbours.TryGetValue(a, out var la) ? la : neighbours[a] = []).Add(b);
            (neighbours.TryGetValue(b, out var lb) ? lb : neighbours[b] = []).Add(a);
        }
        var result = new List<PlanIntroRequest>();
        foreach (var (id, name) in wantedList)
        {
            if (!neighbours.TryGetValue(id, out var via)) continue;
            long? best = null;
            var bestStrength = 0.0;
            foreach (var v in via)
            {
                if (!byId.TryGetValue(v, out var pc) || pc.Trust < 2 || pc.Stats is not { TouchCount: > 0 } st) continue;
                var strength = st.Measure(now, s, pc.Mutuals, pc.Closeness, pc.KnownSince).Strength;
                if (strength > bestStrength) (best, bestStrength) = (v, strength);
            }
            if (best is { } b && bestStrength >= s.MediumAt) result.Add(new PlanIntroRequest(b, name, "you marked them as someone you want to meet"));
        }
        return result;
    }

    /// <summary>
    /// Fills in what drafts draw on (the last note, the last event you both attended) for the given contacts only: the
    /// plan is built once over everyone, then its chosen contacts get their memories and drafts are written again.
    /// </summary>
    public static async Task<NetworkSnapshot> WithMemoriesAsync(RapportDbContext db, NetworkSnapshot snapshot, IReadOnlyCollection<long> contactIds, CancellationToken ct)
    {
        if (contactIds.Count == 0) return snapshot;
        var notes = (await (
                from p in db.InteractionParticipants.AsNoTracking()
                join i in db.Interactions.AsNoTracking() on p.InteractionId equals i.Id
                where contactIds.Contains(p.ContactId) && i.Notes != null && i.OccurredAt <= snapshot.Now
                select new { p.ContactId, i.OccurredAt, i.Notes })
            .ToListAsync(ct))
            .GroupBy(n => n.ContactId)
            .ToDictionary(g => g.Key, g => g.MaxBy(n => n.OccurredAt)!.Notes);
        var shared = (await (
                from a in db.Attendances.AsNoTracking()
                join e in db.Events.AsNoTracking() on a.EventId equals e.Id
                where contactIds.Contains(a.ContactId) && e.Attending && e.StartsAt <= snapshot.Now
                select new { a.ContactId, e.StartsAt, e.Name })
            .ToListAsync(ct))
            .GroupBy(n => n.ContactId)
            .ToDictionary(g => g.Key, g => g.MaxBy(n => n.StartsAt)!.Name);
        if (notes.Count == 0 && shared.Count == 0) return snapshot;

        var list = snapshot.Input.Contacts.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var c = list[i];
            var note = notes.GetValueOrDefault(c.Id);
            var ev = shared.GetValueOrDefault(c.Id);
            if (note is null && ev is null) continue;
            list[i] = c with { LastNote = Shorten(note), LastSharedEvent = ev };
        }
        return snapshot with { Input = snapshot.Input with { Contacts = list } };
    }

    private static string? Shorten(string? note)
    {
        if (note is null) return null;
        var text = note.Trim();
        foreach (var lead in (string[])["talked about ", "discussed ", "chatted about ", "spoke about "])
        {
            if (text.StartsWith(lead, StringComparison.OrdinalIgnoreCase)) text = text[lead.Length..];
        }
        var end = text.IndexOfAny(['.', '\n', ';']);
        if (end > 0) text = text[..end];
        return text.Length > 80 ? text[..80].TrimEnd() + "…" : text;
    }
}
