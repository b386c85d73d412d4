using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.App.Insights;
using Rapport.App.Trash;
using Rapport.Data.Storage;
using Rapport.Data.Tests.Support;
using Rapport.Domain.Contacts;
using Rapport.Domain.Events;
using Rapport.Domain.Exchanges;
using Rapport.Domain.Insights;
using Rapport.Domain.Interactions;
using Rapport.Domain.Organizations;

namespace Rapport.Data.Tests.Insights;

/// <summary>
/// Contacts put in the trash, taken out of it and deleted for good, patched into the kept inputs (both providers): random
/// steps among a few "movers" (members of an organization and attendees of an event at their size limits, people of small
/// meetings logged before the inputs are kept), with the inputs kept again now and then so that some are in the trash in
/// the value kept and come back later with touches and meetings read before; interactions, memberships, attendances,
/// links, introductions, gives and asks written for them in the trash or out of it; contacts added (some put in the trash
/// at once) and deleted. Each load is patched unless an interaction read with the kept value was written, and equal to
/// the network the tables give, that day and forty days on.
/// </summary>
public class KeptTrashRandomTest
{
    private static readonly DateTime Now = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);
    private static readonly TestClock Clock = new(Now);
    private static readonly InsightSettings Settings = InsightSettings.Default;

    /// <summary>What the loads of one run went through (a count of loads each).</summary>
    private sealed class Seen
    {
        public int Loads, Patched, Read, Gone, Back, BackWithTouches, BackWithMeetingPair, OrgCrossed, EventCrossed, OrgCrossedByMoveAlone,
            EventCrossedByMoveAlone, HardDeletedPatched, HardDeletedGone, NewAndTrashed, CountsAside;

        public void Add(Seen o)
        {
            (Loads, Patched, Read, Gone, Back) = (Loads + o.Loads, Patched + o.Patched, Read + o.Read, Gone + o.Gone, Back + o.Back);
            (BackWithTouches, BackWithMeetingPair) = (BackWithTouches + o.BackWithTouches, BackWithMeetingPair + o.BackWithMeetingPair);
            (OrgCrossed, EventCrossed, OrgCrossedByMoveAlone, EventCrossedByMoveAlone) =
                (OrgCrossed + o.OrgCrossed, EventCrossed + o.EventCrossed, OrgCrossedByMoveAlone + o.OrgCrossedByMoveAlone, EventCrossedByMoveAlone + o.EventCrossedByMoveAlone);
            (HardDeletedPatched, HardDeletedGone, NewAndTrashed, CountsAside) =
                (HardDeletedPatched + o.HardDeletedPatched, HardDeletedGone + o.HardDeletedGone, NewAndTrashed + o.NewAndTrashed, CountsAside + o.CountsAside);
        }

        public override string ToString() =>
            $"loads {Loads} (patched {Patched}, read {Read}); gone {Gone}, back {Back} (with kept touches {BackWithTouches}, with a kept meeting pair {BackWithMeetingPair}); " +
            $"size rule crossed: organizations {OrgCrossed} (by a move alone {OrgCrossedByMoveAlone}), events {EventCrossed} (by a move alone {EventCrossedByMoveAlone}); " +
            $"hard deletes patched {HardDeletedPatched} (of a contact in the value kept {HardDeletedGone}); new contacts in the trash {NewAndTrashed}; links with counts aside {CountsAside}";
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ContactsTrashedRestoredAndDeleted_AmongRandomWrites_ArePatched_AndGiveTheTablesNetwork(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var seen = new Seen();
        // (TRASH_SEEDS=4,5,6 runs other seeds.) PostgreSQL runs two of the three, which between them cover all that is
        // asserted below, to keep its run short (each seed takes some eight seconds on either provider).
        var seeds = Environment.GetEnvironmentVariable("TRASH_SEEDS") is { Length: > 0 } given ? given.Split(',').Select(int.Parse)
            : provider == "sqlite" ? [1, 2, 3] : [1, 3];
        foreach (var seed in seeds) seen.Add(await RunAsync(provider, seed, 40, ct));
        TestContext.Current.TestOutputHelper?.WriteLine(seen.ToString());
        // The test proves it covered what the patch of the trash does.
        Assert.True(seen.Patched >= seen.Loads / 2, seen.ToString());
        Assert.True(seen.Gone > 0, seen.ToString());
        Assert.True(seen.BackWithTouches > 0, "no contact came back with touches read with the kept value: " + seen);
        Assert.True(seen.BackWithMeetingPair > 0, "no contact came back with a small meeting read with the kept value: " + seen);
        Assert.True(seen.OrgCrossedByMoveAlone + seen.EventCrossedByMoveAlone > 0, "no size rule crossed by someone leaving or coming back alone: " + seen);
        Assert.True(seen.OrgCrossed > 0 && seen.EventCrossed > 0, seen.ToString());
        Assert.True(seen.HardDeletedPatched > 0, "no contact deleted for good in a patched load: " + seen);
        Assert.True(seen.CountsAside > 0, seen.ToString());
    }

    private static async Task<Seen> RunAsync(string provider, int seed, int steps, CancellationToken ct)
    {
        var rng = new Random(seed);
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await KeptNetworks.DemoAsync(test, 160, seed, Clock, ct);
        await using var db = store.Open();
        var sqlite = provider == "sqlite";
        var all = await db.Contacts.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
        T Pick<T>(IReadOnlyList<T> xs) => xs[rng.Next(xs.Count)];
        List<long> Shuffled(IEnumerable<long> xs) => [.. xs.OrderBy(_ => rng.Next())];

        // The pair of the last two contacts shares more organizations than a link's packed counts hold (its counts are kept
        // aside, by position, and move with the links before them).
        var (h1, h2) = (all[^2], all[^1]);
        // (SQL with ids of this test's own written in, never input.)
        var heavy = $"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1030)
            INSERT INTO "Organizations" ("AccountId", "Name", "Kind") SELECT c."AccountId", 'Heavy ' || n.i, 'Association' FROM n, "Contacts" c WHERE c."Id" = {h1};
            INSERT INTO "Memberships" ("AccountId", "OrganizationId", "ContactId", "Role")
            SELECT o."AccountId", o."Id", c."Id", 'Member' FROM "Organizations" o JOIN "Contacts" c ON c."Id" IN ({h1}, {h2}) WHERE o."Name" LIKE 'Heavy %';
            """;
        await db.Database.ExecuteSqlRawAsync(heavy, ct);
        var others = all.Where(id => id != h1 && id != h2).ToList();

        // An organization and an event at their size limits (one over, or just at it), small ones, and their people.
        var edgeOrg = new Organization("Edge Guild", OrganizationKind.Association);
        var smallOrgs = Enumerable.Range(0, 3).Select(i => new Organization($"Small Club {i}", OrganizationKind.Association)).ToList();
        db.Organizations.AddRange([edgeOrg, .. smallOrgs]);
        var edgeEvent = new NetworkEvent("Edge Meetup", EventKind.Meetup, Now.AddDays(-20));
        var smallEvents = Enumerable.Range(0, 3).Select(i => new NetworkEvent($"Small Dinner {i}", EventKind.Meeting, Now.AddDays(-40 - i))).ToList();
        db.Events.AddRange([edgeEvent, .. smallEvents]);
        await db.SaveChangesAsync(ct);
        var members = Shuffled(others).Take(Settings.MaxMembersForColleagueLinks + rng.Next(2)).ToList();
        db.Memberships.AddRange(members.Select(id => new Membership(edgeOrg.Id, id, MembershipRole.Member, null, null)));
        var attendees = Shuffled(others).Take(Settings.MaxAttendeesForEventLinks + rng.Next(2)).ToList();
        db.Attendances.AddRange(attendees.Select(id => new Attendance(edgeEvent.Id, id, rng.Next(5) == 0)));
        // The movers: some of each crowd, and others; they go to the trash, come back and are deleted below.
        // (Two of them with no interactions: deleted for good, they take no interaction read with the kept value with them.)
        var untouched = await db.Contacts.Where(c => others.Contains(c.Id) && !db.InteractionParticipants.Any(p => p.ContactId == c.Id)).Select(c => c.Id).ToListAsync(ct);
        var movers = Shuffled(members).Take(5).Concat(Shuffled(attendees).Take(5)).Concat(Shuffled(others).Take(6)).Concat(Shuffled(untouched).Take(2)).Distinct().ToList();
        foreach (var org in smallOrgs)
        {
            foreach (var id in Shuffled(movers).Take(2).Concat(Shuffled(others).Take(2)).Distinct())
                db.Memberships.Add(new Membership(org.Id, id, MembershipRole.Member, rng.Next(3) == 0 ? new DateOnly(2018, 1, 1) : null, null));
        }
        foreach (var ev in smallEvents)
        {
            foreach (var id in Shuffled(movers).Take(2).Concat(Shuffled(others).Take(2)).Distinct()) db.Attendances.Add(new Attendance(ev.Id, id, false));
        }
        await db.SaveChangesAsync(ct);
        var orgs = smallOrgs.Select(o => o.Id).Append(edgeOrg.Id).ToList();
        var events = smallEvents.Select(e => e.Id).Append(edgeEvent.Id).ToList();
        // Small meetings of movers before the inputs are kept, and one of as many as link (a mover among them).
        foreach (var mover in movers.Take(8)) await MeetAsync(db, [mover, .. Shuffled(others.Where(o => o != mover)).Take(1 + rng.Next(3))], Now.AddDays(-rng.Next(1, 500)), ct);
        await MeetAsync(db, [movers[0], .. Shuffled(others.Where(o => o != movers[0])).Take(Settings.MaxParticipantsForMeetingLinks - 1)], Now.AddDays(-3), ct);

        var bin = new TrashBin(db, Clock);
        var trash = new HashSet<long>();
        foreach (var id in Shuffled(movers).Take(4))
        {
            await bin.DeleteAsync(TrashKind.Contact, id, ct);
            trash.Add(id);
        }

        // What the value kept was read from: who was in the network, the last interaction and contact read, the network.
        InsightsNetwork kept = null!;
        long keptLastInteraction = 0, keptLastContact = 0;
        async Task KeptAsync(InsightsNetwork read)
        {
            kept = read;
            keptLastInteraction = await ScalarAsync(db, """
                SELECT max(x) AS "Value" FROM (SELECT max("InteractionId") AS x FROM "InteractionParticipants" UNION ALL SELECT max("Id") FROM "Interactions" WHERE "DeletedAt" IS NULL) m
                """, ct);
            keptLastContact = await ScalarAsync(db, """SELECT max("Id") AS "Value" FROM "Contacts" """, ct);
        }
        async Task KeepAsync()
        {
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "InsightsInputs" """, ct);
            var read = await InsightsNetwork.LoadAsync(db, Now, ct);
            Assert.False(read.FromKeptInputs);
            await KeptAsync(read);
            Assert.True((await InsightsNetwork.LoadAsync(db, Now, ct)).FromKeptInputs, $"seed {seed}: the inputs were not kept");
        }
        await KeepAsync();

        var seen = new Seen();
        var hardDeleted = new List<long>();
        var newIds = new HashSet<long>();
        List<long> Present() => [.. movers.Where(m => !trash.Contains(m))];
        List<long> Trashed() => [.. movers.Where(trash.Contains)];
        long Anyone() => rng.Next(3) == 0 ? Pick(others) : Pick(movers);

        async Task TrashAsync(long id)
        {
            if (rng.Next(4) == 0) await db.Database.ExecuteSqlRawAsync("""UPDATE "Contacts" SET "DeletedAt" = '2026-11-19 08:00:00' WHERE "Id" = {0}""", [id], ct);
            else await bin.DeleteAsync(TrashKind.Contact, id, ct);
            trash.Add(id);
        }
        async Task RestoreAsync(long id)
        {
            if (rng.Next(4) == 0) await db.Database.ExecuteSqlRawAsync("""UPDATE "Contacts" SET "DeletedAt" = NULL WHERE "Id" = {0}""", [id], ct);
            else await bin.RestoreAsync(TrashKind.Contact, id, ct);
            trash.Remove(id);
        }

        async Task<string> StepAsync()
        {
            db.ChangeTracker.Clear();
            switch (rng.Next(29))
            {
                case 0:
                case 1:
                case 2:
                {
                    var present = Present();
                    if (present.Count == 0) return "nobody to put in the trash";
                    var id = Pick(present);
                    await TrashAsync(id);
                    return $"{id} put in the trash";
                }
                case 3:
                case 4:
                case 5:
                {
                    var trashed = Trashed();
                    if (trashed.Count == 0) return "nobody to take out of the trash";
                    var id = Pick(trashed);
                    await RestoreAsync(id);
                    // Sometimes edited at once (the same patch brings it back and edits it).
                    if (rng.Next(3) == 0) await db.Database.ExecuteSqlRawAsync("""UPDATE "Contacts" SET "Company" = 'Back Again Ltd', "Trust" = 4 WHERE "Id" = {0}""", [id], ct);
                    return $"{id} taken out of the trash";
                }
                case 6:
                {
                    await KeepAsync();
                    return "kept again";
                }
                case 7:
                case 8:
                {
                    // A small meeting of a mover, then it (and maybe another) goes to the trash, and the inputs are kept: it
                    // is in the trash in the value kept, with a meeting and touches read before.
                    var present = Present();
                    if (present.Count == 0) return "nobody to meet";
                    var id = Pick(present);
                    var who = new List<long> { id };
                    who.AddRange(Shuffled(others.Concat(present).Where(o => o != id && !trash.Contains(o))).Take(1 + rng.Next(3)));
                    await MeetAsync(db, [.. who.Distinct()], Now.AddDays(-rng.Next(1, 400)), ct);
                    await TrashAsync(id);
                    if (rng.Next(3) == 0 && Present() is { Count: > 0 } more) await TrashAsync(Pick(more));
                    await KeepAsync();
                    return $"meeting {string.Join(",", who)}, {id} put in the trash, kept again";
                }
                case 9:
                case 10:
                {
                    // A meeting after the value was kept: movers in the trash or not, with a contact who came back and one it met before.
                    var who = new List<long> { Pick(movers), Anyone() };
                    if (rng.Next(2) == 0) who.Add(Anyone());
                    if (rng.Next(6) == 0) who.AddRange(Shuffled(others).Take(Settings.MaxParticipantsForMeetingLinks - who.Count + rng.Next(2)));
                    var at = rng.Next(8) == 0 ? Now.AddDays(3) : Now.AddDays(-rng.Next(0, 700));
                    await MeetAsync(db, [.. who.Distinct()], at, ct);
                    return $"meeting {string.Join(",", who.Distinct())} on {at:yyyy-MM-dd}";
                }
                case 11:
                {
                    var id = Pick(movers);
                    await App.Interactions.InteractionWriter.AddAsync(db,
                        [new Interaction(Now.AddDays(-rng.Next(0, 300)), Channel.Email, Direction.Out, InteractionSource.Manual, [id])], ct);
                    return $"email to {id}";
                }
                case 12:
                case 13:
                {
                    // A membership, mostly of the organization at its limit, for a mover in the trash or not.
                    var org = rng.Next(3) > 0 ? edgeOrg.Id : Pick(orgs);
                    var id = Anyone();
                    if (trash.Contains(id) || rng.Next(3) == 0)
                    {
                        db.Memberships.Add(new Membership(org, id, MembershipRole.Member, null, rng.Next(4) == 0 ? new DateOnly(1999, 1, 1) : null));
                        await db.SaveChangesAsync(ct);
                    }
                    else await new App.Organizations.AddMembership(db).ExecuteAsync(org, Id(id), "member", null, null, null, ct);
                    return $"membership of {id} at {org}";
                }
                case 14:
                {
                    var org = rng.Next(3) > 0 ? edgeOrg.Id : Pick(orgs);
                    var ids = await db.Memberships.Where(m => m.OrganizationId == org).Select(m => new { m.Id, m.ContactId }).ToListAsync(ct);
                    var of = ids.Where(m => m.ContactId is { } c && movers.Contains(c)).ToList();
                    if (of.Count == 0) return "no membership to remove";
                    var gone = Pick(of);
                    await db.Memberships.Where(m => m.Id == gone.Id).ExecuteDeleteAsync(ct);
                    return $"membership of {gone.ContactId} at {org} removed";
                }
                case 15:
                {
                    var ev = rng.Next(3) > 0 ? edgeEvent.Id : Pick(events);
                    var id = Anyone();
                    if (await db.Attendances.AnyAsync(a => a.EventId == ev && a.ContactId == id, ct)) return "attending already";
                    if (trash.Contains(id) || rng.Next(3) == 0)
                    {
                        db.Attendances.Add(new Attendance(ev, id, rng.Next(4) == 0));
                        await db.SaveChangesAsync(ct);
                    }
                    else await new App.Events.AddAttendee(db).ExecuteAsync(ev, Id(id), rng.Next(4) == 0, ct);
                    return $"{id} at event {ev}";
                }
                case 16:
                {
                    var ev = rng.Next(3) > 0 ? edgeEvent.Id : Pick(events);
                    var of = await db.Attendances.Where(a => a.EventId == ev && movers.Contains(a.ContactId)).Select(a => a.Id).ToListAsync(ct);
                    if (of.Count == 0) return "no attendance to remove";
                    var id = Pick(of);
                    await db.Attendances.Where(a => a.Id == id).ExecuteDeleteAsync(ct);
                    return $"attendance {id} at {ev} removed";
                }
                case 17:
                {
                    // A link told: as the program does between two out of the trash, else as another writer would.
                    var (a, b) = (Pick(movers), Anyone());
                    if (a == b) return "no link to oneself";
                    if (!trash.Contains(a) && !trash.Contains(b) && rng.Next(2) == 0)
                        await new App.Contacts.LinkContacts(db, Clock).ExecuteAsync(Id(a), Id(b), "friend", rng.Next(2) == 0 ? null : 0.7, ct);
                    else
                    {
                        db.ContactLinks.Add(new ContactLink(Math.Min(a, b), Math.Max(a, b), LinkKind.Colleague, 0.4, false, Now));
                        await db.SaveChangesAsync(ct);
                    }
                    return $"link {a}-{b}";
                }
                case 18:
                {
                    // An introduction naming a mover (the introducer, or one of the two).
                    var (m, x, y) = (Pick(movers), Anyone(), Anyone());
                    db.Introductions.Add(rng.Next(2) == 0 ? new Introduction(m, x, y, new DateOnly(2026, 3, 1)) : new Introduction(x, m, y, new DateOnly(2026, 3, 1)));
                    await db.SaveChangesAsync(ct);
                    return $"introduction with {m}, {x}, {y}";
                }
                case 19:
                {
                    var id = Pick(movers);
                    db.Exchanges.Add(new Exchange(id, rng.Next(2) == 0 ? ExchangeDirection.Give : ExchangeDirection.Ask, ExchangeKind.Advice, ExchangeStatus.Done,
                        DateOnly.FromDateTime(Now).AddDays(-rng.Next(0, 200))));
                    await db.SaveChangesAsync(ct);
                    return $"a give or an ask of {id}";
                }
                case 20:
                {
                    // A contact added: with a membership at the edge, an attendance, a meeting; sometimes put in the trash at once.
                    var c = new Contact($"New {rng.Next(1_000_000)}", Now);
                    db.Contacts.Add(c);
                    await db.SaveChangesAsync(ct);
                    movers.Add(c.Id);
                    newIds.Add(c.Id);
                    if (rng.Next(2) == 0)
                    {
                        db.Memberships.Add(new Membership(edgeOrg.Id, c.Id, MembershipRole.Member, null, null));
                        await db.SaveChangesAsync(ct);
                    }
                    if (rng.Next(2) == 0) await MeetAsync(db, [c.Id, Pick(others)], Now.AddDays(-1), ct);
                    if (rng.Next(2) == 0) await TrashAsync(c.Id);
                    return $"contact {c.Id} added{(trash.Contains(c.Id) ? ", in the trash" : "")}";
                }
                case 21:
                case 26:
                {
                    // Deleted for good: its links, memberships, attendances, gives and asks and participations go with it.
                    // Mostly one in no interaction read with the kept value (else the load reads the tables).
                    var light = await db.Contacts.IgnoreQueryFilters().Where(c => movers.Contains(c.Id)
                        && !db.InteractionParticipants.Any(p => p.ContactId == c.Id && p.InteractionId <= keptLastInteraction)).Select(c => c.Id).ToListAsync(ct);
                    var id = rng.Next(4) > 0 && light.Count > 0 ? Pick(light) : Pick(movers);
                    if (movers.Count < 8 && !newIds.Contains(id)) return "too few movers to delete one";
                    if (rng.Next(5) == 0)
                    {
                        if (!trash.Contains(id)) await TrashAsync(id);
                        var emptied = Trashed();
                        await bin.EmptyAsync(ct);
                        foreach (var e in emptied)
                        {
                            movers.Remove(e);
                            newIds.Remove(e);
                            trash.Remove(e);
                            others.Remove(e);
                            hardDeleted.Add(e);
                        }
                        return $"trash emptied: {string.Join(",", emptied)}";
                    }
                    await db.Database.ExecuteSqlRawAsync("""DELETE FROM "Contacts" WHERE "Id" = {0}""", [id], ct);
                    movers.Remove(id);
                    newIds.Remove(id);
                    trash.Remove(id);
                    others.Remove(id);
                    hardDeleted.Add(id);
                    return $"{id} deleted for good";
                }
                case 22:
                {
                    // Edited, in the trash or not (categories too).
                    var id = Pick(movers);
                    await db.Database.ExecuteSqlRawAsync("""UPDATE "Contacts" SET "Title" = 'Edited ' || "Id", "Closeness" = 0.5 WHERE "Id" = {0}""", [id], ct);
                    if (rng.Next(2) == 0)
                        await db.Database.ExecuteSqlRawAsync("""INSERT INTO "ContactCategories" ("AccountId", "ContactId", "Category") SELECT "AccountId", "Id", 'peer' FROM "Contacts" WHERE "Id" = {0}""", [id], ct);
                    return $"{id} edited";
                }
                case 24:
                case 25:
                case 27:
                {
                    // The organization or the event at its limit, kept with one present too many or just as many (others
                    // joining or leaving it), then a mover in it leaves or comes back: the crowd crosses its size rule.
                    var isOrg = rng.Next(2) == 0;
                    var max = isOrg ? Settings.MaxMembersForColleagueLinks : Settings.MaxAttendeesForEventLinks;
                    var inIt = isOrg
                        ? await db.Memberships.Where(m => m.OrganizationId == edgeOrg.Id && m.ContactId != null).Select(m => m.ContactId!.Value).Distinct().ToListAsync(ct)
                        : await db.Attendances.Where(a => a.EventId == edgeEvent.Id).Select(a => a.ContactId).Distinct().ToListAsync(ct);
                    var present = inIt.Where(id => !trash.Contains(id)).ToList();
                    var leave = rng.Next(2) == 0;
                    if (leave ? !present.Any(movers.Contains) : !inIt.Any(trash.Contains)) return "nobody to cross the size rule";
                    var target = leave ? max + 1 : max;
                    var outside = Shuffled(others.Where(id => !inIt.Contains(id)));
                    var strangers = Shuffled(present.Where(id => !movers.Contains(id)));
                    for (var n = present.Count; n < target && outside.Count > 0; n++)
                    {
                        var id = outside[^1];
                        outside.RemoveAt(outside.Count - 1);
                        if (isOrg) db.Memberships.Add(new Membership(edgeOrg.Id, id, MembershipRole.Member, null, null));
                        else db.Attendances.Add(new Attendance(edgeEvent.Id, id, false));
                    }
                    await db.SaveChangesAsync(ct);
                    for (var n = present.Count; n > target && strangers.Count > 0; n--)
                    {
                        var id = strangers[^1];
                        strangers.RemoveAt(strangers.Count - 1);
                        if (isOrg) await db.Memberships.Where(m => m.OrganizationId == edgeOrg.Id && m.ContactId == id).ExecuteDeleteAsync(ct);
                        else await db.Attendances.Where(a => a.EventId == edgeEvent.Id && a.ContactId == id).ExecuteDeleteAsync(ct);
                    }
                    await KeepAsync();
                    var mover = leave ? Pick(present.Where(movers.Contains).ToList()) : Pick(inIt.Where(trash.Contains).ToList());
                    if (leave) await TrashAsync(mover);
                    else await RestoreAsync(mover);
                    return $"{(isOrg ? "organization" : "event")} at {target}, kept again, {mover} {(leave ? "put in the trash" : "taken out of the trash")}";
                }
                default:
                {
                    // Where a mover met you: an event.
                    var id = Pick(movers);
                    var ev = Pick(events);
                    await db.Database.ExecuteSqlRawAsync("""UPDATE "Contacts" SET "MetAtEventId" = {0} WHERE "Id" = {1}""", [ev, id], ct);
                    return $"{id} met at {ev}";
                }
            }
        }

        var pending = new List<string>();
        for (var s = 0; s < steps; s++)
        {
            try
            {
                pending.Add(await StepAsync());
            }
            catch (Exception e) when (KeptNetworks.Refused(e))
            {
                pending.Add("refused: " + (e.InnerException ?? e).Message);
            }
            if (s < steps - 1 && rng.Next(5) < 3) continue;

            // What the load is to patch: the notes since the value was kept (on PostgreSQL, those missing from its snapshot),
            // and whether a value is kept to patch (SQLite: its mark is still there).
            // Read row by row, not through SqlQuery of a class: that adds an ad-hoc type to the shared model, which
            // CompiledModelTest compares with the compiled one.
            var notes = new List<Note>();
            await AccountRows.ScanAsync(db, sqlite
                ? """SELECT "Tab", "Key" FROM "InsightsInputsChanges" WHERE "AccountId" = @account"""
                : """
                    SELECT DISTINCT c."Tab", c."Key" FROM "InsightsInputsChanges" c JOIN "InsightsInputs" i ON i."AccountId" = c."AccountId" AND i."Data" IS NOT NULL
                    WHERE c."AccountId" = @account AND NOT pg_visible_in_snapshot(c."Xid", split_part(i."Token", ' ', 2)::pg_snapshot)
                    """, r => notes.Add(new Note(r.GetInt64(0), r.GetInt64(1))), ct);
            var marked = await ScalarAsync(db, sqlite
                ? """SELECT count(*) AS "Value" FROM "InsightsInputsMarks" """
                : """SELECT count(*) AS "Value" FROM "InsightsInputs" WHERE "Data" IS NOT NULL""", ct) > 0;
            var olderInteraction = notes.Any(n => n.Tab is 3 or 4 && n.Key <= keptLastInteraction);
            var what = $"seed {seed}, step {s}: {string.Join("; ", pending)}";
            var load = await InsightsNetwork.LoadAsync(db, Now, ct);
            seen.Loads++;
            if (marked && !olderInteraction) Assert.True(load.FromKeptInputs, what);
            Assert.Equal(KeptNetworks.Describe(await KeptNetworks.TablesAsync(db, Now, ct)), KeptNetworks.Describe(load));
            var later = await InsightsNetwork.LoadAsync(db, Now.AddDays(40), ct);
            Assert.True(later.FromKeptInputs, what);
            Assert.Equal(KeptNetworks.Describe(await KeptNetworks.TablesAsync(db, Now.AddDays(40), ct)), KeptNetworks.Describe(later));
            for (var k = 0; k < load.Links.Count; k++)
            {
                if (load.Links[k].Evidence is { Colleague: > 1023 })
                {
                    seen.CountsAside++;
                    break;
                }
            }

            if (!load.FromKeptInputs)
            {
                seen.Read++;
                await KeptAsync(load);
            }
            else
            {
                seen.Patched++;
                await CountAsync(db, kept, load, notes, keptLastInteraction, keptLastContact, hardDeleted, seen, ct);
                if (newIds.Any(id => trash.Contains(id) && notes.Any(n => n.Tab == 1 && n.Key == id))) seen.NewAndTrashed++;
            }
            pending.Clear();
        }
        return seen;
    }

    /// <summary>
    /// The cases a review of the patch of the trash asked about, in one patch each: two who met (in a meeting read with the
    /// kept value) both back, and meeting again since (the pair counted once per meeting); one back, edited and met at an
    /// event in the same patch; a contact added since and put in the trash, with a link, a membership and a meeting; a
    /// contact of the value kept deleted for good, whose cascades take an organization under its size rule.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TwoWhoMetBothBack_OneBackAndEdited_OneNewInTheTrash_OneDeletedForGood_ArePatched(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await KeptNetworks.DemoAsync(test, 150, 47, Clock, ct);
        await using var db = store.Open();
        var ids = await db.Contacts.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
        var untouched = await db.Contacts.Where(c => !db.InteractionParticipants.Any(p => p.ContactId == c.Id)).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
        var (x, y, z, e) = (ids[3], ids[4], ids[5], ids[6]);
        var deleted = untouched[0];
        Assert.DoesNotContain(deleted, new[] { x, y, z, e });
        await db.ContactLinks.Where(l => new[] { x, y, z }.Contains(l.ContactAId) || new[] { x, y, z }.Contains(l.ContactBId)).ExecuteDeleteAsync(ct);
        await db.Introductions.ExecuteDeleteAsync(ct);
        await MeetAsync(db, [x, y, z], Now.AddDays(-50), ct);
        // An organization one over its size rule, the contact deleted below among its members.
        var org = new Organization("Crowd Ltd", OrganizationKind.Company);
        db.Organizations.Add(org);
        await db.SaveChangesAsync(ct);
        var crowd = ids.Where(id => id != x && id != y && id != z && id != deleted).Take(Settings.MaxMembersForColleagueLinks).Append(deleted).ToList();
        db.Memberships.AddRange(crowd.Select(id => new Membership(org.Id, id, MembershipRole.Employee, null, null)));
        db.ContactLinks.Add(new ContactLink(Math.Min(deleted, e), Math.Max(deleted, e), LinkKind.Friend, 0.5, false, Now));
        db.Exchanges.Add(new Exchange(deleted, ExchangeDirection.Give, ExchangeKind.Help, ExchangeStatus.Done, DateOnly.FromDateTime(Now)));
        await db.SaveChangesAsync(ct);
        var bin = new TrashBin(db, Clock);
        await bin.DeleteAsync(TrashKind.Contact, x, ct);
        await bin.DeleteAsync(TrashKind.Contact, y, ct);
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "InsightsInputs" """, ct);
        Assert.False((await InsightsNetwork.LoadAsync(db, Now, ct)).FromKeptInputs);
        Assert.True((await InsightsNetwork.LoadAsync(db, Now, ct)).FromKeptInputs);

        async Task<InsightsNetwork> PatchedAsync()
        {
            db.ChangeTracker.Clear();
            var network = await InsightsNetwork.LoadAsync(db, Now, ct);
            Assert.True(network.FromKeptInputs);
            Assert.Equal(KeptNetworks.Describe(await KeptNetworks.TablesAsync(db, Now, ct)), KeptNetworks.Describe(network));
            var later = await InsightsNetwork.LoadAsync(db, Now.AddDays(40), ct);
            Assert.True(later.FromKeptInputs);
            Assert.Equal(KeptNetworks.Describe(await KeptNetworks.TablesAsync(db, Now.AddDays(40), ct)), KeptNetworks.Describe(later));
            return network;
        }

        // Both back, and meeting again (logged while one is still in the trash): two meetings for the pair.
        await MeetAsync(db, [x, y], Now.AddDays(-2), ct);
        await bin.RestoreAsync(TrashKind.Contact, x, ct);
        await bin.RestoreAsync(TrashKind.Contact, y, ct);
        var network = await PatchedAsync();
        Assert.Equal(2, network.Links.Find(x, y)?.Evidence?.Meetings);
        Assert.Equal(1, network.Links.Find(x, z)?.Evidence?.Meetings);

        // Back, edited and met at an event in the same patch (put in the trash again first: it is back against the value kept).
        await bin.DeleteAsync(TrashKind.Contact, x, ct);
        await bin.DeleteAsync(TrashKind.Contact, y, ct);
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "InsightsInputs" """, ct);
        Assert.False((await InsightsNetwork.LoadAsync(db, Now, ct)).FromKeptInputs);
        var ev = await db.Events.OrderBy(v => v.Id).Select(v => v.Id).FirstAsync(ct);
        await bin.RestoreAsync(TrashKind.Contact, x, ct);
        await db.Database.ExecuteSqlRawAsync("""UPDATE "Contacts" SET "Company" = 'Back Inc', "MetAtEventId" = {0} WHERE "Id" = {1}""", [ev, x], ct);
        network = await PatchedAsync();
        Assert.Equal("Back Inc", network.ById[x].Company);
        Assert.Contains((ev, x), network.MetAtEvents);

        // A contact added, linked, a member of the crowd and met, then put in the trash (nothing of it was read).
        var nova = new Contact("Nova Trash", Now);
        db.Contacts.Add(nova);
        await db.SaveChangesAsync(ct);
        await new App.Contacts.LinkContacts(db, Clock).ExecuteAsync(Id(nova.Id), Id(z), "friend", 0.9, ct);
        await new App.Organizations.AddMembership(db).ExecuteAsync(org.Id, Id(nova.Id), "member", null, null, null, ct);
        await MeetAsync(db, [nova.Id, z], Now.AddDays(-1), ct);
        await bin.DeleteAsync(TrashKind.Contact, nova.Id, ct);
        network = await PatchedAsync();
        Assert.False(network.ById.ContainsKey(nova.Id));

        var members = crowd.Where(id => id != deleted).ToHashSet();
        int Colleagues(InsightsNetwork n) => Enumerable.Range(0, n.Links.Count).Count(k => n.Links[k].Evidence is { Colleague: > 0 } l && members.Contains(l.Pair.A) && members.Contains(l.Pair.B));
        var before = Colleagues(network);

        // Deleted for good: its membership goes (the crowd comes under its size rule), and its link, its give and its stats.
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "Contacts" WHERE "Id" = {0}""", [deleted], ct);
        network = await PatchedAsync();
        Assert.True(Colleagues(network) > before + 1000, $"{before} colleague links among the crowd, then {Colleagues(network)}");
    }

    /// <summary>What a patched load went through, against the network kept: who left, who came back and with what, which crowds crossed their size rule.</summary>
    private static async Task CountAsync(
        RapportDbContext db, InsightsNetwork kept, InsightsNetwork load, List<Note> notes, long lastInteraction, long lastContact, List<long> hardDeleted, Seen seen, CancellationToken ct)
    {
        var gone = kept.ById.Keys.Where(id => !load.ById.ContainsKey(id)).ToHashSet();
        var back = load.ById.Keys.Where(id => id <= lastContact && !kept.ById.ContainsKey(id)).ToHashSet();
        var moved = gone.Concat(back).ToHashSet();
        if (gone.Count > 0) seen.Gone++;
        if (notes.Any(n => n.Tab == 1 && hardDeleted.Contains(n.Key))) seen.HardDeletedPatched++;
        if (gone.Any(hardDeleted.Contains)) seen.HardDeletedGone++;
        if (back.Count == 0 && gone.Count == 0) return;
        if (back.Count > 0)
        {
            seen.Back++;
            var list = string.Join(",", back);
            var sql = $"""
                SELECT p."InteractionId", p."ContactId" FROM "InteractionParticipants" p JOIN "Interactions" i ON i."Id" = p."InteractionId" AND i."DeletedAt" IS NULL
                WHERE p."AccountId" = @account AND p."InteractionId" <= {lastInteraction} AND p."InteractionId" IN (SELECT "InteractionId" FROM "InteractionParticipants" WHERE "ContactId" IN ({list}))
                """;
            var rows = new List<Participant>();
            await AccountRows.ScanAsync(db, sql, r => rows.Add(new Participant(r.GetInt64(0), r.GetInt64(1))), ct);
            if (rows.Count > 0) seen.BackWithTouches++;
            if (rows.GroupBy(r => r.InteractionId).Any(g => g.Count() <= Settings.MaxParticipantsForMeetingLinks
                && g.Any(r => back.Contains(r.ContactId)) && g.Count(r => load.ById.ContainsKey(r.ContactId)) >= 2)) seen.BackWithMeetingPair++;
        }
        // A crowd that crossed its size rule, with someone who moved in it (and, by a move alone, none of its rows written).
        foreach (var org in load.Memberships.Select(m => m.OrganizationId).Concat(kept.Memberships.Select(m => m.OrganizationId)).Distinct())
        {
            var before = kept.Memberships.Where(m => m.OrganizationId == org).Select(m => m.ContactId).ToHashSet();
            var after = load.Memberships.Where(m => m.OrganizationId == org).Select(m => m.ContactId).ToHashSet();
            if ((before.Count <= Settings.MaxMembersForColleagueLinks) == (after.Count <= Settings.MaxMembersForColleagueLinks) || !before.Concat(after).Any(moved.Contains)) continue;
            seen.OrgCrossed++;
            if (!notes.Any(n => n.Tab == 8 && n.Key == org)) seen.OrgCrossedByMoveAlone++;
        }
        foreach (var ev in load.Attendances.Select(a => a.EventId).Concat(kept.Attendances.Select(a => a.EventId)).Distinct())
        {
            var before = kept.Attendances.Where(a => a.EventId == ev).Select(a => a.ContactId).ToHashSet();
            var after = load.Attendances.Where(a => a.EventId == ev).Select(a => a.ContactId).ToHashSet();
            if ((before.Count <= Settings.MaxAttendeesForEventLinks) == (after.Count <= Settings.MaxAttendeesForEventLinks) || !before.Concat(after).Any(moved.Contains)) continue;
            seen.EventCrossed++;
            if (!notes.Any(n => n.Tab == 10 && n.Key == ev)) seen.EventCrossedByMoveAlone++;
        }
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private readonly record struct Note(long Tab, long Key);

    private readonly record struct Participant(long InteractionId, long ContactId);

    private static async Task<long> ScalarAsync(RapportDbContext db, string sql, CancellationToken ct) =>
        await db.Database.SqlQueryRaw<long?>(sql).SingleAsync(ct) ?? 0;

    private static Task MeetAsync(RapportDbContext db, long[] people, DateTime at, CancellationToken ct) => App.Interactions.InteractionWriter.AddAsync(db,
        [new Interaction(at, Channel.InPerson, Direction.Mutual, InteractionSource.Manual, people)], ct);
}
