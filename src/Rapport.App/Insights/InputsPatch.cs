using Rapport.App.Nurture;
using Rapport.Data;
using Rapport.Data.Storage;
using Rapport.Domain.Insights;
using Rapport.Domain.Insights.Links;
using Rapport.Domain.Interactions;
using Rapport.Domain.Nurture;

namespace Rapport.App.Insights;

/// <summary>
/// Brings kept inputs up to date from the rows written since they were kept (<see cref="KeptValue.Writes"/>), by reading
/// just those rows again (the small tables whole): contacts, categories, interactions, aggregates, the ledger,
/// organizations, memberships, events, attendances, links told and introductions. A change to a setting the stored
/// aggregates are built with is left to a read of the tables (another key).
/// </summary>
/// <remarks>
/// What each kind of write may change, and so what is patched:
/// <list type="bullet">
/// <item>A contact still in the network, edited: its own fields and categories, and where it met you (the people met at
/// events are worked out again). A contact added since: one more, with no links yet. A contact put in the trash (or
/// deleted) leaves with its links and touches; one taken out of it comes back with its touches and small meetings up to
/// the interactions read, and its links (below). Either way the organizations and events of that contact are paired
/// again (a crowd may cross its size rule), and the ledger and the mutual counts of its partners read again. One edited
/// in the trash changes nothing.</item>
/// <item>An interaction newer than every one read: the touches of its participants, after their others, and when it is a
/// small meeting of two or more of your contacts, one more meeting for each pair of them. An older interaction edited:
/// the touches of everyone in it before or after (the contacts of participant rows written are noted) read again, and
/// the meetings of their pairs counted again.</item>
/// <item>Organizations, memberships, events, attendances: read again whole (their order is the tables'); the colleagues
/// of each organization written and the attendees of each event written are paired before and after, and the inferred
/// links gain or lose those occasions (<see cref="NetworkLinks.WithOccasions"/>).</item>
/// <item>Aggregates: read again; one not current for the settings is rebuilt by a read of the tables.</item>
/// <item>The ledger: read again whole (a few thousand small rows).</item>
/// <item>Links told and introductions: those of each contact noted, read again (<see cref="NetworkLinks.WithPairs"/>), as
/// are those of a contact whose introducer changed or who came with one; a pair told no longer has its occasions counted
/// again, the meetings from the tables.</item>
/// </list>
/// </remarks>
internal static class InputsPatch
{
    /// <summary>
    /// Applies <paramref name="writes"/> to <paramref name="inputs"/> in place; false (and the inputs no longer to be used)
    /// when one of them cannot be patched.
    /// </summary>
    public static async Task<bool> TryApplyAsync(
        RapportDbContext db, NetworkInputs inputs, IReadOnlyList<RowWrite> writes, InsightSettings settings, NurtureSettings nurture, CancellationToken ct)
    {
        var keys = writes.GroupBy(w => w.Table).ToDictionary(g => g.Key, g => g.Select(w => w.Key).Distinct().Order().ToArray());
        long[] Of(WrittenTable table) => keys.GetValueOrDefault(table) ?? [];
        var ids = inputs.Contacts.Select(c => c.Id).ToArray();

        // Contacts first: their edits, then the categories of those whose categories alone changed, those added, and those
        // put in the trash (or deleted) or taken out of it.
        var metChanged = false;
        var edited = Of(WrittenTable.Contacts).Union(Of(WrittenTable.ContactCategories)).Order().ToArray();
        var (gone, back) = (new List<long>(), new List<long>());
        // Contacts whose introducer is new or another: their pairs are settled again with the links told.
        var introduced = new List<long>();
        if (edited.Length > 0)
        {
            var now = (await InsightsNetwork.ReadContactsAsync(db, new StringPool(), edited, ct)).ToDictionary(c => c.Id);
            foreach (var id in edited)
            {
                var was = inputs.ById.GetValueOrDefault(id);
                var row = now.GetValueOrDefault(id);
                if (was is null && row is null) continue;
                if (was is null)
                {
                    // New since the read (nothing of it was read), or back from the trash (its touches, links and occasions
                    // are read below); memberships and attendances are read again below or noted apart.
                    if (id <= inputs.LastContactId) back.Add(id);
                    inputs.ById[id] = row!;
                    inputs.Contacts.Add(row!);
                    metChanged |= row!.MetAtEventId is not null;
                    if (row.IntroducedById is not null) introduced.Add(id);
                    continue;
                }
                if (row is null)
                {
                    gone.Add(id);
                    inputs.ById.Remove(id);
                    continue;
                }
                metChanged |= was.MetAtEventId != row.MetAtEventId;
                if (was.IntroducedById != row.IntroducedById) introduced.Add(id);
                row.Mutuals = was.Mutuals;
                inputs.ById[id] = row;
                inputs.Contacts[Array.BinarySearch(ids, id)] = row;
            }
        }
        var regrouped = gone.Count > 0 || back.Count > 0;
        // A contact back from the trash: what the interactions read (those after are patched as new) give it.
        var backHistory = back.Count > 0 ? await HistoryOfAsync(db, back, inputs.LastInteractionId, ct) : [];
        if (regrouped)
        {
            inputs.Contacts.RemoveAll(c => !inputs.ById.ContainsKey(c.Id));
            inputs.Contacts.Sort((x, y) => x.Id.CompareTo(y.Id));
        }
        if (inputs.Contacts.Count != ids.Length || regrouped)
        {
            var before = ids;
            ids = inputs.Contacts.Select(c => c.Id).ToArray();
            inputs.Links = inputs.Links.Over(ids);
            inputs.Touches = inputs.Touches.Over(before, ids, TouchesOf(backHistory, back));
        }

        // Occasions behind inferred links gained or lost (meetings, colleagues, events), applied to the links at the end.
        var occasions = new List<(ContactPair Pair, int Colleague, int Meetings, int Events)>();
        var interactions = Of(WrittenTable.Interactions).Union(Of(WrittenTable.InteractionParticipants)).Order().ToArray();
        List<(int Index, Touch Touch)> added = [];
        // An interaction among those read, edited: the touches of everyone in it, before or after, read again, and the
        // meetings of their pairs counted again (both up to the interactions read; those after are patched as new).
        var older = interactions.Where(id => id <= inputs.LastInteractionId).ToArray();
        if (older.Length > 0) occasions.AddRange(await OlderEditedAsync(db, inputs, ids, older, Of(WrittenTable.ParticipantContacts), back, settings.MaxParticipantsForMeetingLinks, ct));
        var newer = interactions.Where(id => id > inputs.LastInteractionId).ToArray();
        if (newer.Length > 0)
        {
            (added, var meetings) = await NewTouchesAsync(db, inputs, ids, newer, settings.MaxParticipantsForMeetingLinks, ct);
            occasions.AddRange(meetings.Select(pair => (pair, 0, 1, 0)));
        }
        // The new touches go after their contacts' others.
        if (added.Count > 0) inputs.Touches = inputs.Touches.With(added);
        // A contact back from the trash: one more meeting with each contact in the network for each small meeting read before.
        occasions.AddRange(MeetingPairs(backHistory, inputs.ById, back, settings.MaxParticipantsForMeetingLinks).Select(pair => (pair, 0, 1, 0)));

        // Organizations, memberships, events and attendances are small tables: read again whole when written, or when who
        // is in the network changed, so that their order is the tables'; the links they infer change by the pairs of the
        // organizations and events written, or where someone left or came back (a crowd may have crossed its size rule).
        // The pairs of someone who left went with them.
        bool InNetwork(ContactPair pair) => inputs.ById.ContainsKey(pair.A) && inputs.ById.ContainsKey(pair.B);
        var moved = gone.Concat(back).ToHashSet();
        if (Of(WrittenTable.Organizations).Length > 0) inputs.Organizations = await InsightsNetwork.ReadOrganizationsAsync(db, ct);
        if (Of(WrittenTable.Memberships).Length > 0 || regrouped)
        {
            var memberships = await InsightsNetwork.ReadMembershipsAsync(db, inputs.ById, ct);
            var organizations = Of(WrittenTable.Memberships).Union(inputs.Memberships.Concat(memberships).Where(m => moved.Contains(m.ContactId)).Select(m => m.OrganizationId));
            foreach (var organization in organizations.Distinct())
            {
                var before = LinkInference.Colleagues([.. inputs.Memberships.Where(m => m.OrganizationId == organization)], settings);
                var after = LinkInference.Colleagues([.. memberships.Where(m => m.OrganizationId == organization)], settings);
                occasions.AddRange(before.Except(after).Where(InNetwork).Select(pair => (pair, -1, 0, 0)));
                occasions.AddRange(after.Except(before).Select(pair => (pair, 1, 0, 0)));
            }
            inputs.Memberships = memberships;
        }
        var events = Of(WrittenTable.Events).Union(Of(WrittenTable.Attendances)).ToArray();
        if (events.Length > 0 || metChanged || regrouped)
        {
            if (Of(WrittenTable.Events).Length > 0) inputs.Events = await InsightsNetwork.ReadEventsAsync(db, ct);
            var (attendances, metAtEvents) = await InsightsNetwork.ReadAttendancesAsync(db, inputs.Events, inputs.Contacts, inputs.ById, ct);
            foreach (var ev in events.Union(inputs.Attendances.Concat(attendances).Where(a => moved.Contains(a.ContactId)).Select(a => a.EventId)).Distinct())
            {
                var before = LinkInference.Attendees(inputs.Attendances.Where(a => a.EventId == ev).Select(a => a.ContactId), settings);
                var after = LinkInference.Attendees(attendances.Where(a => a.EventId == ev).Select(a => a.ContactId), settings);
                occasions.AddRange(before.Except(after).Where(InNetwork).Select(pair => (pair, 0, 0, -1)));
                occasions.AddRange(after.Except(before).Select(pair => (pair, 0, 0, 1)));
            }
            (inputs.Attendances, inputs.MetAtEvents) = (attendances, metAtEvents);
        }
        if (occasions.Count > 0) inputs.Links = inputs.Links.WithOccasions(occasions, settings);

        // Links told and introductions: every one naming a contact noted is read again, which settles each pair that
        // contact is in (after the occasions above, which leave a pair told as it is).
        // Someone leaving or coming back changes the mutual counts of those they are linked to, and brings back their links.
        var linked = Of(WrittenTable.ContactLinks).Union(Of(WrittenTable.Introductions)).Union(moved).Union(introduced).ToHashSet();
        if (moved.Count > 0)
        {
            foreach (var l in (await InsightsNetwork.ReadToldAsync(db, moved, ct)).Stored) linked.UnionWith([l.A, l.B]);
        }
        linked.IntersectWith(inputs.ById.Keys);
        if (linked.Count > 0) inputs.Links = await WithToldAsync(db, inputs, linked, settings, ct);

        var hadStats = inputs.Stats.Count > 0;
        if (Of(WrittenTable.ContactStats) is { Length: > 0 } statsOf)
        {
            foreach (var id in statsOf) inputs.Stats.Remove(id);
            foreach (var row in await NetworkLoader.ReadStatsAsync(db, statsOf, ct))
            {
                if (!row.IsCurrentFor(nurture)) return false;
                inputs.Stats[row.ContactId] = row;
            }
        }
        // With no aggregates now, after some were there or with interactions written since (written without theirs), a
        // read of the tables decides whether they are to be rebuilt.
        if (inputs.Stats.Count == 0 && (hadStats || interactions.Length > 0)) return false;

        if (Of(WrittenTable.Exchanges).Length > 0 || regrouped) inputs.Ledger = await InsightsNetwork.ReadLedgerAsync(db, inputs.ById, ct);

        // The inputs now hold every interaction and contact written since they were kept: kept again, a later patch takes
        // an edit of one of them for an edit (touches read again), and one of those contacts back from the trash for one
        // with a history, not for a new row.
        inputs.LastInteractionId = Math.Max(inputs.LastInteractionId, interactions.Length > 0 ? interactions[^1] : 0);
        inputs.LastContactId = Math.Max(inputs.LastContactId, edited.Length > 0 ? edited[^1] : 0);
        return true;
    }

    /// <summary>
    /// The links with every pair <paramref name="linked"/> (contacts in the network) are in settled from the links stored
    /// and the introductions logged now, and those contacts' mutual counts (their stored links) counted again. A pair told
    /// before and no longer is inferred from its occasions, counted again as <see cref="LinkInference.Infer"/> would: the
    /// organizations and events of the inputs (already patched), and the meetings read from the tables.
    /// </summary>
    private static async Task<NetworkLinks> WithToldAsync(RapportDbContext db, NetworkInputs inputs, HashSet<long> linked, InsightSettings settings, CancellationToken ct)
    {
        var (stored, intros) = await InsightsNetwork.ReadToldAsync(db, linked, ct);
        var mutuals = new Dictionary<long, int>();
        foreach (var l in stored)
        {
            if (!inputs.ById.ContainsKey(l.A) || !inputs.ById.ContainsKey(l.B)) continue;
            if (linked.Contains(l.A)) mutuals[l.A] = mutuals.GetValueOrDefault(l.A) + 1;
            if (linked.Contains(l.B)) mutuals[l.B] = mutuals.GetValueOrDefault(l.B) + 1;
        }
        foreach (var id in linked) inputs.ById[id].Mutuals = mutuals.GetValueOrDefault(id);

        var told = InsightsNetwork.ToldLinks(stored, intros, inputs.ById, pair => linked.Contains(pair.A) || linked.Contains(pair.B));
        var links = inputs.Links;
        var untold = new List<ContactPair>();
        foreach (var k in links.RowsOf(linked))
        {
            var pair = new ContactPair(links.A(k), links.B(k));
            if (!links.FromOccasions(k) && !told.ContainsKey(pair)) untold.Add(pair);
        }
        var changes = told.Select(t => (t.Key, (NetworkLink?)t.Value, (InferredLink?)null)).ToList();
        if (untold.Count > 0) changes.AddRange(await RecountAsync(db, inputs, untold, settings, ct));
        return links.WithPairs(changes);
    }

    /// <summary>
    /// Each of <paramref name="pairs"/> with the link <see cref="LinkInference.Infer"/> gives it from its occasions, or none:
    /// the organizations where the two overlapped and the events both attended (each under its size rule), and the live
    /// interactions small enough to link both.
    /// </summary>
    private static async Task<List<(ContactPair, NetworkLink?, InferredLink?)>> RecountAsync(
        RapportDbContext db, NetworkInputs inputs, List<ContactPair> pairs, InsightSettings settings, CancellationToken ct)
    {
        var people = pairs.SelectMany(p => new[] { p.A, p.B }).ToHashSet();
        var organizations = inputs.Memberships.Where(m => people.Contains(m.ContactId)).Select(m => m.OrganizationId).ToHashSet();
        var colleagues = inputs.Memberships.Where(m => organizations.Contains(m.OrganizationId)).GroupBy(m => m.OrganizationId)
            .Select(g => LinkInference.Colleagues(g.ToArray(), settings)).ToList();
        var events = inputs.Attendances.Where(a => people.Contains(a.ContactId)).Select(a => a.EventId).ToHashSet();
        var attendees = inputs.Attendances.Where(a => events.Contains(a.EventId)).GroupBy(a => a.EventId)
            .Select(g => LinkInference.Attendees(g.Select(a => a.ContactId), settings)).ToList();

        // The small meetings of these people, among all the interactions (a pair once per meeting).
        var meetings = MeetingPairs(await HistoryOfAsync(db, people, long.MaxValue, ct), inputs.ById, people, settings.MaxParticipantsForMeetingLinks)
            .CountBy(pair => pair).ToDictionary();

        return pairs.Select(pair =>
        {
            var colleague = colleagues.Count(c => c.Contains(pair));
            var attended = attendees.Count(a => a.Contains(pair));
            var met = meetings.GetValueOrDefault(pair);
            InferredLink? link = colleague + met + attended > 0 ? LinkInference.Combine(pair, colleague, met, attended, settings) : null;
            return (pair, (NetworkLink?)null, link);
        }).ToList();
    }

    /// <summary>
    /// Brings the touches and meetings of those in <paramref name="older"/> (interactions read with the kept inputs, edited
    /// since) up to date: who took part before (<paramref name="noted"/>, the contacts of participant rows written) or takes
    /// part now has its touches read again, and the meetings of each pair of theirs counted again; the difference from the
    /// kept count is returned as occasions. Contacts <paramref name="back"/> from the trash are read whole elsewhere.
    /// </summary>
    private static async Task<List<(ContactPair Pair, int Colleague, int Meetings, int Events)>> OlderEditedAsync(
        RapportDbContext db, NetworkInputs inputs, long[] ids, long[] older, long[] noted, List<long> back, int crowd, CancellationToken ct)
    {
        var affected = noted.ToHashSet();
        await AccountRows.ScanAsync(db, $"""
            SELECT "ContactId" FROM "InteractionParticipants" WHERE "AccountId" = @account {AccountRows.OnlyOf("InteractionId", older)}
            """, r => affected.Add(r.GetInt64(0)), ct);
        affected.IntersectWith(inputs.ById.Keys);
        affected.ExceptWith(back);
        if (affected.Count == 0) return [];
        var history = await HistoryOfAsync(db, affected, inputs.LastInteractionId, ct);
        var touches = TouchesOf(history, affected);
        inputs.Touches = inputs.Touches.Over(ids, ids, affected.ToDictionary(id => id, id => touches.GetValueOrDefault(id) ?? []));

        // The meetings of their pairs now, against those the inferred links count (a pair told is left as it is).
        var returned = back.ToHashSet();
        var now = MeetingPairs(history, inputs.ById, affected, crowd).Where(pair => !returned.Contains(pair.A) && !returned.Contains(pair.B))
            .CountBy(pair => pair).ToDictionary();
        var was = new Dictionary<ContactPair, int>();
        var links = inputs.Links;
        foreach (var k in links.RowsOf(affected))
        {
            if (links.FromOccasions(k) && links[k].Evidence is { Meetings: > 0 } evidence) was[evidence.Pair] = evidence.Meetings;
        }
        return [.. now.Keys.Union(was.Keys).Select(pair => (pair, 0, now.GetValueOrDefault(pair) - was.GetValueOrDefault(pair), 0)).Where(c => c.Item3 != 0)];
    }

    /// <summary>
    /// Every participant row, with the touch it gives, of the live interactions up to <paramref name="upTo"/> that one of
    /// <paramref name="contacts"/> took part in, by interaction and contact.
    /// </summary>
    private static async Task<List<(long InteractionId, long ContactId, Touch Touch)>> HistoryOfAsync(
        RapportDbContext db, IReadOnlyCollection<long> contacts, long upTo, CancellationToken ct)
    {
        var rows = new List<(long, long, Touch)>();
        await AccountRows.ScanAsync(db, $"""
            SELECT p."InteractionId", p."ContactId", i."OccurredAt", i."Channel", i."Direction"
            FROM "InteractionParticipants" p JOIN "Interactions" i ON i."Id" = p."InteractionId" AND i."AccountId" = @account AND i."DeletedAt" IS NULL
            WHERE p."AccountId" = @account AND p."InteractionId" <= {upTo}
                AND p."InteractionId" IN (SELECT "InteractionId" FROM "InteractionParticipants" WHERE "AccountId" = @account {AccountRows.OnlyOf("ContactId", contacts)})
            ORDER BY p."InteractionId", p."ContactId"
            """, r => rows.Add((r.GetInt64(0), r.GetInt64(1), new Touch(r.GetUtcTime(2), r.GetEnum<Channel>(3), r.GetEnum<Direction>(4)))), ct);
        return rows;
    }

    /// <summary>The touches of each of <paramref name="contacts"/> in <paramref name="history"/>, in the order of the interactions.</summary>
    private static Dictionary<long, Touch[]> TouchesOf(List<(long InteractionId, long ContactId, Touch Touch)> history, IReadOnlyCollection<long> contacts) =>
        history.Where(r => contacts.Contains(r.ContactId)).GroupBy(r => r.ContactId).ToDictionary(g => g.Key, g => g.Select(r => r.Touch).ToArray());

    /// <summary>
    /// The pairs the small meetings in <paramref name="history"/> link between <paramref name="contacts"/> and the others in
    /// the network (or among themselves), a pair once per meeting.
    /// </summary>
    private static IEnumerable<ContactPair> MeetingPairs(
        List<(long InteractionId, long ContactId, Touch Touch)> history, Dictionary<long, NetworkContact> byId, IReadOnlyCollection<long> contacts, int crowd)
    {
        foreach (var rows in history.GroupBy(r => r.InteractionId))
        {
            var people = rows.Where(r => byId.ContainsKey(r.ContactId)).Select(r => r.ContactId).ToList();
            if (!InsightsNetwork.LinksMeeting(rows.Count(), people.Count, crowd)) continue;
            foreach (var pair in ContactPair.Among(people))
            {
                if (contacts.Contains(pair.A) || contacts.Contains(pair.B)) yield return pair;
            }
        }
    }

    /// <summary>
    /// The touches that <paramref name="interactions"/> (all newer than any read) give the contacts, by position and in the
    /// order of the interactions; and the pairs of contacts each small meeting among them links (a pair once per meeting).
    /// </summary>
    private static async Task<(List<(int Index, Touch Touch)> Touches, List<ContactPair> Meetings)> NewTouchesAsync(
        RapportDbContext db, NetworkInputs inputs, long[] ids, long[] interactions, int crowd, CancellationToken ct)
    {
        var participants = new List<(long InteractionId, long ContactId)>();
        await AccountRows.ScanAsync(db, $"""
            SELECT "InteractionId", "ContactId" FROM "InteractionParticipants"
            WHERE "AccountId" = @account {AccountRows.OnlyOf("InteractionId", interactions)} ORDER BY "InteractionId", "ContactId"
            """, r => participants.Add((r.GetInt64(0), r.GetInt64(1))), ct);
        var live = new Dictionary<long, Touch>();
        await AccountRows.ScanAsync(db, $"""
            SELECT "Id", "OccurredAt", "Channel", "Direction" FROM "Interactions"
            WHERE "AccountId" = @account AND "DeletedAt" IS NULL {AccountRows.OnlyOf("Id", interactions)}
            """, r => live[r.GetInt64(0)] = new Touch(r.GetUtcTime(1), r.GetEnum<Channel>(2), r.GetEnum<Direction>(3)), ct);

        var added = new List<(int, Touch)>();
        var meetings = new List<ContactPair>();
        foreach (var rows in participants.GroupBy(p => p.InteractionId))
        {
            if (!live.TryGetValue(rows.Key, out var touch)) continue;
            var people = rows.Where(p => inputs.ById.ContainsKey(p.ContactId)).Select(p => p.ContactId).ToList();
            foreach (var id in people) added.Add((Array.BinarySearch(ids, id), touch));
            if (InsightsNetwork.LinksMeeting(rows.Count(), people.Count, crowd)) meetings.AddRange(ContactPair.Among(people));
        }
        return (added, meetings);
    }
}
