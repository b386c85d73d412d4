using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.App.Insights;
using Rapport.Data.Storage;
using Rapport.Data.Tests.Support;
using Rapport.Domain.Contacts;
using Rapport.Domain.Exchanges;
using Rapport.Domain.Insights;
using Rapport.Domain.Insights.Links;
using Rapport.Domain.Interactions;

namespace Rapport.Data.Tests.Insights;

/// <summary>
/// Links told and introductions patched into the kept inputs (migration 0008 on SQLite, 0010 on PostgreSQL): random
/// writes to links, introductions, meetings, memberships and attendances, a load now and then, and each load patched and
/// equal to the network the tables give. The pairs written are pairs with occasions, so that a link told no longer is
/// inferred again from colleagues, events and meetings counted anew. SQL written here runs on both providers (booleans
/// as TRUE and FALSE, which SQLite reads as 1 and 0).
/// </summary>
public class KeptLinksRandomTest
{
    private static readonly DateTime Now = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);
    private static readonly TestClock Clock = new(Now);
    private static readonly string[] KindNames = ["colleague", "friend", "family", "introduced", "same-event", "other"];
    private static readonly LinkKind[] Kinds = Enum.GetValues<LinkKind>();

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RandomWritesToLinksAndIntroductions_ArePatched_AndGiveTheTablesNetwork(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var recounted = (Colleague: 0, Events: 0, Meetings: 0, All: 0, Many: 0);
        // (LINKS_SEEDS=4,5,6 runs other seeds.) PostgreSQL runs the first only, which covers each kind asserted below, to keep
        // its run short; KeptConcurrentPostgresTest writes links among others from several connections at once.
        var seeds = Environment.GetEnvironmentVariable("LINKS_SEEDS") is { Length: > 0 } given ? given.Split(',').Select(int.Parse)
            : provider == "sqlite" ? [1, 2, 3] : [1];
        foreach (var seed in seeds)
        {
            var seen = await RunAsync(provider, seed, 40, ct);
            recounted = (recounted.Colleague + seen.Colleague, recounted.Events + seen.Events, recounted.Meetings + seen.Meetings, recounted.All + seen.All, recounted.Many + seen.Many);
        }
        TestContext.Current.TestOutputHelper?.WriteLine($"pairs told no longer, inferred again: {recounted}");
        // The test proves it covered each kind of occasion in a recount, and counts of more than one.
        Assert.True(recounted.Colleague > 0, "no recount gave a colleague occasion");
        Assert.True(recounted.Events > 0, "no recount gave an event occasion");
        Assert.True(recounted.Meetings > 0, "no recount gave a meeting occasion");
        Assert.True(recounted.Many > 0, "no recount gave more than one occasion of a kind");
    }

    /// <summary>
    /// One seed: <paramref name="writes"/> random writes, loads among them; how many times a pair told in the inputs kept
    /// was inferred in a load (by a recount of its occasions: colleague, event, meeting; all; more than one of a kind).
    /// </summary>
    private static async Task<(int Colleague, int Events, int Meetings, int All, int Many)> RunAsync(string provider, int seed, int writes, CancellationToken ct)
    {
        var rng = new Random(seed);
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await KeptNetworks.DemoAsync(test, 200, seed, Clock, ct);
        await using var db = store.Open();
        var all = await db.Contacts.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
        var trashed = all[^1];
        await db.Database.ExecuteSqlRawAsync("""UPDATE "Contacts" SET "DeletedAt" = '2026-11-01 08:00:00' WHERE "Id" = {0}""", [trashed], ct);
        var first = await KeptNetworks.TablesAsync(db, Now, ct);

        // Pairs with occasions: colleagues, fellow attendees, people met together; some met again so that their pairs
        // have more than one kind. Most are told to know each other (a link, or an introduction) before the inputs are
        // kept: a pair told in the inputs kept and told no more is the one whose occasions are counted again.
        var links = first.Links;
        var inferred = Enumerable.Range(0, links.Count).Where(links.FromOccasions).Select(k => links[k]).ToList();
        List<(long A, long B)> Some(Func<InferredLink, bool> which, int n) =>
            [.. inferred.Where(l => which(l.Evidence!.Value)).OrderBy(_ => rng.Next()).Take(n).Select(l => (l.A, l.B))];
        var focus = Some(e => e.Colleague > 0 && e.Events > 0, 2).Concat(Some(e => e.Colleague > 0, 4)).Concat(Some(e => e.Events > 0, 4))
            .Concat(Some(e => e.Meetings > 0, 3)).Distinct().ToList();
        Assert.True(focus.Count >= 6, $"seed {seed}: too few pairs with occasions ({focus.Count})");
        foreach (var (a, b) in focus.Where((_, i) => i % 2 == 0)) await MeetAsync(db, [a, b], ct);
        for (var i = 0; i < focus.Count; i++)
        {
            var (a, b) = focus[i];
            if (i % 3 == 2) db.Introductions.Add(new Introduction(i % 2 == 0 ? null : all[i], a, b, new DateOnly(2026, 1, 1)));
            else if (i % 4 != 3) db.ContactLinks.Add(new ContactLink(a, b, LinkKind.Friend, i % 2 == 0 ? null : 0.6, false, Now));
        }
        await db.SaveChangesAsync(ct);
        // Some pairs overlap at more than one organization and share more than one event, so that a count is more than one.
        var small = await db.Attendances.GroupBy(x => x.EventId).Where(g => g.Count() < 40).Select(g => g.Key).OrderBy(e => e).ToListAsync(ct);
        foreach (var (a, b) in focus.Where((_, i) => i % 3 == 0))
        {
            var org = new Domain.Organizations.Organization($"Pair {a}-{b}", Domain.Organizations.OrganizationKind.Association);
            db.Organizations.Add(org);
            await db.SaveChangesAsync(ct);
            foreach (var id in new[] { a, b }) await new App.Organizations.AddMembership(db).ExecuteAsync(org.Id, Id(id), "member", null, null, null, ct);
            foreach (var ev in small.OrderBy(_ => rng.Next()).Take(2))
            {
                foreach (var id in new[] { a, b }) await new App.Events.AddAttendee(db).ExecuteAsync(ev, Id(id), false, ct);
            }
        }
        var people = focus.SelectMany(p => new[] { p.A, p.B }).Concat(all.Where(id => id != trashed).OrderBy(_ => rng.Next()).Take(8)).Distinct().ToList();

        // The inputs kept (read from the tables), and again now and then below: the pairs told then are the ones counted
        // again when told no more; the interactions logged since are patched in (an older one written is not).
        InsightsNetwork kept = null!, now = null!;
        long firstNew = 0;
        async Task KeepAsync()
        {
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "InsightsInputs" """, ct);
            kept = await LoadAsync(db, ct);
            Assert.False(kept.FromKeptInputs);
            firstNew = await db.Interactions.IgnoreQueryFilters().MaxAsync(i => i.Id, ct);
            now = await LoadAsync(db, ct);
            Assert.True(now.FromKeptInputs);
        }
        await KeepAsync();

        var seen = (Colleague: 0, Events: 0, Meetings: 0, All: 0, Many: 0);
        var log = new List<string>();
        T Pick<T>(IReadOnlyList<T> xs) => xs[rng.Next(xs.Count)];
        (long A, long B) AnyPair()
        {
            if (rng.Next(4) > 0) return Pick(focus);
            long a = Pick(people), b;
            do b = Pick(people); while (b == a);
            return (a, b);
        }
        long? Someone() => rng.Next(4) == 0 ? null : Pick(people);
        string Q(long? id) => id is { } v ? v.ToString(CultureInfo.InvariantCulture) : "NULL";
        var peopleSql = string.Join(",", people);
        async Task<List<long>> IdsAsync(string sql) => await db.Database.SqlQueryRaw<long>(sql).ToListAsync(ct);
        // SQL with ids of this test's own written in (never input).
        Task<int> RawAsync(string sql, CancellationToken token) => db.Database.ExecuteSqlRawAsync(sql, token);

        async Task<string> WriteAsync()
        {
            db.ChangeTracker.Clear();
            peopleSql = string.Join(",", people);
            switch (rng.Next(19))
            {
                case 0:
                case 1:
                {
                    // As the program links two contacts (smaller id first, an existing link updated).
                    var (a, b) = rng.Next(2) == 0 ? AnyPair() : Pick(focus);
                    var strength = rng.Next(3) == 0 ? (double?)null : Math.Round(0.1 + 0.9 * rng.NextDouble(), 1);
                    await new App.Contacts.LinkContacts(db, Clock).ExecuteAsync(Q(b), Q(a), Pick(KindNames), strength, ct);
                    return $"linked {a}-{b} {strength}";
                }
                case 2:
                {
                    // Imported by another writer: the pair the other way round, inferred, no strength (or an equal one).
                    var (a, b) = AnyPair();
                    var (hi, lo) = (Math.Max(a, b), Math.Min(a, b));
                    double? strength = rng.Next(3) == 0 ? 0.5 : null;
                    await RawAsync($"""
                        INSERT INTO "ContactLinks" ("AccountId", "ContactAId", "ContactBId", "Kind", "Strength", "Inferred", "CreatedAt")
                        SELECT "AccountId", {hi}, {lo}, '{Pick(Kinds)}', {Db(strength)}, {Bool(rng.Next(3) > 0)}, '2026-11-20 09:00:00' FROM "Contacts" WHERE "Id" = {hi}
                        """, ct);
                    return $"imported {hi}-{lo} {strength}";
                }
                case 3:
                {
                    // Odd rows: a contact linked to itself, or to one in the trash.
                    var a = Pick(people);
                    var b = rng.Next(2) == 0 ? a : trashed;
                    await db.Database.ExecuteSqlRawAsync("""
                        INSERT INTO "ContactLinks" ("AccountId", "ContactAId", "ContactBId", "Kind", "Strength", "Inferred", "CreatedAt")
                        SELECT "AccountId", {0}, {1}, 'Friend', 0.4, FALSE, {2} FROM "Contacts" WHERE "Id" = {0}
                        """, [a, b, Now], ct);
                    return $"odd link {a}-{b}";
                }
                case 4:
                {
                    // A link's strength or kind changed (sometimes to no strength, or the strength of another of the pair's).
                    var ids = await IdsAsync($"""SELECT "Id" AS "Value" FROM "ContactLinks" WHERE "ContactAId" IN ({peopleSql}) OR "ContactBId" IN ({peopleSql})""");
                    if (ids.Count == 0) return "no link to change";
                    var id = Pick(ids);
                    double? strength = rng.Next(4) switch { 0 => null, 1 => 0.5, _ => Math.Round(0.1 + 0.9 * rng.NextDouble(), 2) };
                    await RawAsync($"""UPDATE "ContactLinks" SET "Strength" = {Db(strength)}, "Kind" = '{Pick(Kinds)}', "Inferred" = {Bool(rng.Next(2) == 1)} WHERE "Id" = {id}""", ct);
                    return $"link {id} set to {strength}";
                }
                case 5:
                {
                    // A link's second contact changed.
                    var ids = await IdsAsync($"""SELECT "Id" AS "Value" FROM "ContactLinks" WHERE "ContactAId" IN ({peopleSql}) OR "ContactBId" IN ({peopleSql})""");
                    if (ids.Count == 0) return "no link to move";
                    var (id, to) = (Pick(ids), Pick(people));
                    await db.Database.ExecuteSqlRawAsync("""UPDATE "ContactLinks" SET "ContactBId" = {0} WHERE "Id" = {1}""", [to, id], ct);
                    return $"link {id} moved to {to}";
                }
                case 6:
                {
                    var ids = await IdsAsync($"""SELECT "Id" AS "Value" FROM "ContactLinks" WHERE "ContactAId" IN ({peopleSql}) OR "ContactBId" IN ({peopleSql})""");
                    if (ids.Count == 0) return "no link to delete";
                    var id = Pick(ids);
                    await db.Database.ExecuteSqlRawAsync("""DELETE FROM "ContactLinks" WHERE "Id" = {0}""", [id], ct);
                    return $"link {id} deleted";
                }
                case 7:
                case 8:
                {
                    // A pair told no more: its links go, and its introductions go or lose one of the two (set to nobody or someone else).
                    var told = focus.Where(p => now.Links.Find(p.A, p.B) is { Evidence: null }).ToList();
                    var (a, b) = told.Count > 0 ? Pick(told) : Pick(focus);
                    await db.ContactLinks.Where(l => (l.ContactAId == a && l.ContactBId == b) || (l.ContactAId == b && l.ContactBId == a)).ExecuteDeleteAsync(ct);
                    var intros = await IdsAsync($"""
                        SELECT "Id" AS "Value" FROM "Introductions" WHERE {a} IN ("IntroducerId", "PersonAId", "PersonBId") AND {b} IN ("IntroducerId", "PersonAId", "PersonBId")
                        """);
                    foreach (var id in intros)
                    {
                        var gone = rng.Next(2) == 0 ? a : b;
                        if (rng.Next(3) == 0) await db.Database.ExecuteSqlRawAsync("""DELETE FROM "Introductions" WHERE "Id" = {0}""", [id], ct);
                        else
                        {
                            var to = Q(rng.Next(2) == 0 ? null : (long?)trashed);
                            await RawAsync($"""
                                UPDATE "Introductions" SET "IntroducerId" = CASE WHEN "IntroducerId" = {gone} THEN {to} ELSE "IntroducerId" END,
                                    "PersonAId" = CASE WHEN "PersonAId" = {gone} THEN {to} ELSE "PersonAId" END,
                                    "PersonBId" = CASE WHEN "PersonBId" = {gone} THEN {to} ELSE "PersonBId" END WHERE "Id" = {id}
                                """, ct);
                        }
                    }
                    return $"untold {a}-{b} ({intros.Count} introductions)";
                }
                case 9:
                {
                    // An introduction logged: sometimes by nobody, of one person only, or naming someone twice.
                    var (a, b) = AnyPair();
                    long? introducer = rng.Next(5) switch { 0 => null, 1 => a, 2 => trashed, _ => Pick(people) };
                    long? pa = rng.Next(6) == 0 ? null : a, pb = rng.Next(6) == 0 ? null : b;
                    await RawAsync($"""
                        INSERT INTO "Introductions" ("AccountId", "IntroducerId", "PersonAId", "PersonBId", "IntroducedOn")
                        SELECT "AccountId", {Q(introducer)}, {Q(pa)}, {Q(pb)}, '2026-11-01' FROM "Contacts" WHERE "Id" = {a}
                        """, ct);
                    return $"introduction {Q(introducer)}: {Q(pa)}, {Q(pb)}";
                }
                case 10:
                {
                    var ids = await IdsAsync($"""
                        SELECT "Id" AS "Value" FROM "Introductions" WHERE "IntroducerId" IN ({peopleSql}) OR "PersonAId" IN ({peopleSql}) OR "PersonBId" IN ({peopleSql})
                        """);
                    if (ids.Count == 0) return "no introduction to change";
                    var id = Pick(ids);
                    var column = Pick(new[] { "IntroducerId", "PersonAId", "PersonBId" });
                    var to = rng.Next(3) == 0 ? null : Someone();
                    await RawAsync($"""UPDATE "Introductions" SET "{column}" = {Q(to)} WHERE "Id" = {id}""", ct);
                    return $"introduction {id} {column} = {Q(to)}";
                }
                case 11:
                {
                    var ids = await IdsAsync($"""
                        SELECT "Id" AS "Value" FROM "Introductions" WHERE "IntroducerId" IN ({peopleSql}) OR "PersonAId" IN ({peopleSql}) OR "PersonBId" IN ({peopleSql})
                        """);
                    if (ids.Count == 0) return "no introduction to delete";
                    var id = Pick(ids);
                    await db.Database.ExecuteSqlRawAsync("""DELETE FROM "Introductions" WHERE "Id" = {0}""", [id], ct);
                    return $"introduction {id} deleted";
                }
                case 12:
                {
                    // A meeting of a pair, sometimes with a third, sometimes with someone in the trash.
                    var (a, b) = Pick(focus);
                    var who = new List<long> { a, b };
                    if (rng.Next(3) == 0) who.Add(Pick(people));
                    if (rng.Next(3) == 0) who.Add(trashed);
                    await MeetAsync(db, [.. who.Distinct()], ct);
                    return $"meeting {string.Join(",", who)}";
                }
                case 13:
                {
                    // A membership: one of a pair joins an organization the other is in (at the same time or not).
                    var (a, b) = Pick(focus);
                    var orgs = await db.Memberships.Where(m => m.ContactId == b).Select(m => m.OrganizationId).Distinct().ToListAsync(ct);
                    if (orgs.Count == 0) orgs = await db.Organizations.Select(o => o.Id).ToListAsync(ct);
                    var org = Pick(orgs);
                    var (start, end) = rng.Next(3) switch { 0 => ((string?)null, (string?)null), 1 => ("1990-01-01", "1990-06-01"), _ => ("2015-01-01", null) };
                    await new App.Organizations.AddMembership(db).ExecuteAsync(org, Q(a), "member", null, start, end, ct);
                    return $"membership {a} at {org} {start}..{end}";
                }
                case 14:
                {
                    // An attendance: one of a pair at a small event the other attended.
                    var (a, b) = Pick(focus);
                    var theirs = await db.Attendances.Where(x => x.ContactId == b).Select(x => x.EventId).ToListAsync(ct);
                    var events = await db.Attendances.Where(x => theirs.Contains(x.EventId)).GroupBy(x => x.EventId)
                        .Where(g => g.Count() < 40).Select(g => g.Key).ToListAsync(ct);
                    if (events.Count == 0) return "no event to attend";
                    var ev = Pick(events);
                    await new App.Events.AddAttendee(db).ExecuteAsync(ev, Q(a), rng.Next(4) == 0, ct);
                    return $"attendance {a} at {ev}";
                }
                case 16:
                {
                    // A membership of one of the pairs ended long ago, or removed.
                    var (a, _) = Pick(focus);
                    var ids = await db.Memberships.Where(m => m.ContactId == a).Select(m => m.Id).ToListAsync(ct);
                    if (ids.Count == 0) return "no membership to change";
                    var id = Pick(ids);
                    if (rng.Next(2) == 0) await db.Memberships.Where(m => m.Id == id).ExecuteDeleteAsync(ct);
                    else await db.Memberships.Where(m => m.Id == id).ExecuteUpdateAsync(u => u.SetProperty(m => m.StartedOn, new DateOnly(1980, 1, 1)).SetProperty(m => m.EndedOn, new DateOnly(1980, 2, 1)), ct);
                    return $"membership {id} of {a} ended or removed";
                }
                case 17:
                {
                    var (a, _) = Pick(focus);
                    var ids = await db.Attendances.Where(x => x.ContactId == a).Select(x => x.Id).ToListAsync(ct);
                    if (ids.Count == 0) return "no attendance to remove";
                    var id = Pick(ids);
                    await db.Attendances.Where(x => x.Id == id).ExecuteDeleteAsync(ct);
                    return $"attendance {id} of {a} removed";
                }
                case 18:
                {
                    // A meeting logged since the inputs were kept put in the trash, as the program does.
                    var ids = await db.Interactions.Where(i => i.Id > firstNew).Select(i => i.Id).ToListAsync(ct);
                    if (ids.Count == 0) return "no meeting to delete";
                    var id = Pick(ids);
                    await new App.Trash.TrashBin(db, Clock).DeleteAsync(App.Trash.TrashKind.Interaction, id, ct);
                    return $"meeting {id} deleted";
                }
                default:
                {
                    // A contact added and linked to someone at once.
                    var c = new Contact($"New {rng.Next(1_000_000)}", Now);
                    db.Contacts.Add(c);
                    await db.SaveChangesAsync(ct);
                    people.Add(c.Id);
                    var other = Pick(focus).A;
                    await new App.Contacts.LinkContacts(db, Clock).ExecuteAsync(Q(c.Id), Q(other), "friend", null, ct);
                    return $"contact {c.Id} added, linked to {other}";
                }
            }
        }

        var pending = 0;
        for (var w = 0; w < writes; w++)
        {
            try
            {
                log.Add(await WriteAsync());
            }
            catch (Exception e) when (KeptNetworks.Refused(e))
            {
                // A link written twice the same way round: the unique index refuses it, and nothing is written.
                log.Add("refused: " + e.Message);
            }
            pending++;
            if (w < writes - 1 && rng.Next(5) < 2) continue;
            now = await LoadAsync(db, ct);
            var what = $"seed {seed}, write {w}: {string.Join("; ", log.TakeLast(pending))}";
            Assert.True(now.FromKeptInputs, what);
            Assert.Equal(KeptNetworks.Describe(await KeptNetworks.TablesAsync(db, Now, ct)), KeptNetworks.Describe(now));
            pending = 0;
            // Pairs told in the inputs kept and inferred now: only a recount of their occasions (RecountAsync) infers them.
            for (var k = 0; k < now.Links.Count; k++)
            {
                if (!now.Links.FromOccasions(k) || kept.Links.Find(now.Links.A(k), now.Links.B(k)) is not { Evidence: null }) continue;
                var e = now.Links[k].Evidence!.Value;
                seen = (seen.Colleague + (e.Colleague > 0 ? 1 : 0), seen.Events + (e.Events > 0 ? 1 : 0), seen.Meetings + (e.Meetings > 0 ? 1 : 0), seen.All + 1,
                    seen.Many + (e.Colleague > 1 || e.Events > 1 || e.Meetings > 1 ? 1 : 0));
            }
            if (rng.Next(4) == 0) await KeepAsync();
        }
        return seen;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AContactInTheTrashDeleted_ItsLinksGoAndItsIntroductionsLoseIt_IsPatched(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await KeptNetworks.DemoAsync(test, 120, 41, Clock, ct);
        await using var db = store.Open();
        var ids = await db.Contacts.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
        var (t, a, b, x) = (ids[^1], ids[1], ids[2], ids[3]);
        // In the trash, with no interactions (their rows would go with it, and an old interaction written is not patched).
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "InteractionParticipants" WHERE "ContactId" = {0}""", [t], ct);
        await db.Database.ExecuteSqlRawAsync("""UPDATE "Contacts" SET "DeletedAt" = '2026-11-01 08:00:00' WHERE "Id" = {0}""", [t], ct);
        db.ContactLinks.Add(new ContactLink(x, t, LinkKind.Friend, 0.6, false, Now));
        db.Introductions.Add(new Introduction(t, a, b, new DateOnly(2026, 1, 1)));
        db.Introductions.Add(new Introduction(a, t, t, new DateOnly(2026, 1, 2)));
        db.Introductions.Add(new Introduction(t, t, x, new DateOnly(2026, 1, 3)));
        await db.SaveChangesAsync(ct);
        await LoadAsync(db, ct);
        Assert.True((await LoadAsync(db, ct)).FromKeptInputs);

        // Its links are deleted with it, and its introductions set to nobody (ON DELETE SET NULL, an update of each).
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "Contacts" WHERE "Id" = {0}""", [t], ct);
        Assert.Equal(0, await db.Introductions.CountAsync(i => i.IntroducerId == t || i.PersonAId == t || i.PersonBId == t, ct));
        var network = await LoadAsync(db, ct);
        Assert.True(network.FromKeptInputs);
        Assert.Equal(KeptNetworks.Describe(await KeptNetworks.TablesAsync(db, Now, ct)), KeptNetworks.Describe(network));
    }

    // SQLite only: it counts writes on the account's mark (migration 0007), and this is about its 2,000th. PostgreSQL counts
    // the rows noted (these note 100 contacts); its limit is tested in KeptInputsTest.
    [Fact]
    public async Task Sqlite_TwoThousandLinksWritten_ArePatched_AndOneMoreHasTheTablesRead_UnlessThePatchedValueWasKeptAgain()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync("sqlite");
        var store = await KeptNetworks.DemoAsync(test, 120, 42, Clock, ct);
        await using var db = store.Open();
        await LoadAsync(db, ct);
        Assert.True((await LoadAsync(db, ct)).FromKeptInputs);

        // 2,000 links in one statement (each row a write), between the first 100 contacts (larger id first, so that none is
        // there already): the last one is still noted.
        Task LinkAsync(int skip) => db.Database.ExecuteSqlRawAsync("""
            WITH c AS (SELECT "Id", "AccountId", row_number() OVER (ORDER BY "Id") AS n FROM "Contacts" WHERE "DeletedAt" IS NULL ORDER BY "Id" LIMIT 100)
            INSERT INTO "ContactLinks" ("AccountId", "ContactAId", "ContactBId", "Kind", "Strength", "Inferred", "CreatedAt")
            SELECT x."AccountId", y."Id", x."Id", 'Friend', NULL, 0, '2026-11-20 09:00:00' FROM c x JOIN c y ON y.n > x.n ORDER BY x.n, y.n LIMIT 2000 OFFSET {0}
            """, [skip], ct);
        Task RetuneAsync() => db.Database.ExecuteSqlRawAsync("""UPDATE "ContactLinks" SET "Strength" = 0.3 WHERE "Id" = (SELECT max("Id") FROM "ContactLinks")""", ct);
        // Loads that do not keep the value again once patched.
        Task<InsightsNetwork> NotAgainAsync() => InsightsNetwork.LoadAsync(db, Now, ct, keepAgainFrom: int.MaxValue);
        await LinkAsync(0);
        var patched = await NotAgainAsync();
        Assert.True(patched.FromKeptInputs);
        Assert.Equal(KeptNetworks.Describe(await KeptNetworks.TablesAsync(db, Now, ct)), KeptNetworks.Describe(patched));

        await RetuneAsync();
        var read = await NotAgainAsync();
        Assert.False(read.FromKeptInputs);
        Assert.Equal(KeptNetworks.Describe(await KeptNetworks.TablesAsync(db, Now, ct)), KeptNetworks.Describe(read));

        // A load as the commands make it keeps the value it patched from those 2,000 again: the write after them is patched.
        await LinkAsync(2000);
        Assert.True((await LoadAsync(db, ct)).FromKeptInputs);
        await RetuneAsync();
        var again = await LoadAsync(db, ct);
        Assert.True(again.FromKeptInputs);
        Assert.Equal(KeptNetworks.Describe(await KeptNetworks.TablesAsync(db, Now, ct)), KeptNetworks.Describe(again));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task APairToldNoLonger_WhileItGainsAColleagueAnEventAndAMeetingInTheSamePatch_IsInferredFromAllThree(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await KeptNetworks.DemoAsync(test, 120, 43, Clock, ct);
        await using var db = store.Open();
        var first = await LoadAsync(db, ct);
        // Two contacts not linked at all, told to know each other.
        var (a, b) = first.Contacts.SelectMany(x => first.Contacts.Where(y => y.Id > x.Id).Select(y => (x.Id, y.Id)))
            .First(p => first.Links.Find(p.Item1, p.Item2) is null);
        await new App.Contacts.LinkContacts(db, Clock).ExecuteAsync(Id(a), Id(b), "friend", 0.8, ct);
        // Kept anew, with the pair told (the inputs kept before are patched from then on, the pair not linked in them).
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "InsightsInputs" """, ct);
        Assert.False((await LoadAsync(db, ct)).FromKeptInputs);
        Assert.Equal(LinkKind.Friend, (await LoadAsync(db, ct)).Links.Find(a, b)?.Kind);

        // One patch: both join an organization, attend a small event and meet (occasions of a pair told: left as they are),
        // then the link goes, and the pair is counted again.
        var org = new Domain.Organizations.Organization("Both Ltd", Domain.Organizations.OrganizationKind.Company);
        db.Organizations.Add(org);
        await db.SaveChangesAsync(ct);
        await new App.Organizations.AddMembership(db).ExecuteAsync(org.Id, Id(a), "member", null, null, null, ct);
        await new App.Organizations.AddMembership(db).ExecuteAsync(org.Id, Id(b), "member", null, null, null, ct);
        var ev = await db.Attendances.GroupBy(x => x.EventId).Where(g => g.Count() < 10).Select(g => g.Key).FirstAsync(ct);
        await new App.Events.AddAttendee(db).ExecuteAsync(ev, Id(a), false, ct);
        await new App.Events.AddAttendee(db).ExecuteAsync(ev, Id(b), false, ct);
        await MeetAsync(db, [a, b], ct);
        await db.ContactLinks.Where(l => l.ContactAId == Math.Min(a, b) && l.ContactBId == Math.Max(a, b)).ExecuteDeleteAsync(ct);

        var network = await LoadAsync(db, ct);
        Assert.True(network.FromKeptInputs);
        Assert.Equal(KeptNetworks.Describe(await KeptNetworks.TablesAsync(db, Now, ct)), KeptNetworks.Describe(network));
        var evidence = network.Links.Find(a, b)?.Evidence;
        Assert.Equal((1, 1, 1), (evidence?.Colleague, evidence?.Meetings, evidence?.Events));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task APairToldNoLonger_MetInMeetingsOfTheLargestSize_SomeoneInTheTrashAmongThem_CountsTheMeetingsAsTheTables(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await KeptNetworks.DemoAsync(test, 120, 44, Clock, ct);
        await using var db = store.Open();
        var ids = await db.Contacts.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
        var crowd = InsightSettings.Default.MaxParticipantsForMeetingLinks;
        var trashed = ids[^1];
        await db.Database.ExecuteSqlRawAsync("""UPDATE "Contacts" SET "DeletedAt" = '2026-11-01 08:00:00' WHERE "Id" = {0}""", [trashed], ct);
        var (a, b) = (ids[0], ids[1]);
        await new App.Contacts.LinkContacts(db, Clock).ExecuteAsync(Id(a), Id(b), "friend", 0.8, ct);
        await LoadAsync(db, ct);
        Assert.True((await LoadAsync(db, ct)).FromKeptInputs);

        // A meeting of as many as link (one of them in the trash), and one of one more (it links nobody).
        var others = ids.Skip(2).Take(crowd).ToList();
        await MeetAsync(db, [a, b, trashed, .. others.Take(crowd - 3)], ct);
        await MeetAsync(db, [a, b, trashed, .. others.Take(crowd - 2)], ct);
        Assert.True((await LoadAsync(db, ct)).FromKeptInputs);
        await db.ContactLinks.Where(l => l.ContactAId == a && l.ContactBId == b).ExecuteDeleteAsync(ct);
        await db.Introductions.Where(i => (i.IntroducerId == a || i.PersonAId == a || i.PersonBId == a) && (i.IntroducerId == b || i.PersonAId == b || i.PersonBId == b)).ExecuteDeleteAsync(ct);

        var network = await LoadAsync(db, ct);
        Assert.True(network.FromKeptInputs);
        Assert.Equal(KeptNetworks.Describe(await KeptNetworks.TablesAsync(db, Now, ct)), KeptNetworks.Describe(network));
        Assert.True(network.Links.Find(a, b)?.Evidence?.Meetings >= 1);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OddLinksAndIntroductions_InOnePatch_GiveTheTablesNetwork(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await KeptNetworks.DemoAsync(test, 120, 45, Clock, ct);
        await using var db = store.Open();
        var ids = await db.Contacts.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
        var trashed = ids[^1];
        await db.Database.ExecuteSqlRawAsync("""UPDATE "Contacts" SET "DeletedAt" = '2026-11-01 08:00:00' WHERE "Id" = {0}""", [trashed], ct);
        await LoadAsync(db, ct);
        Assert.True((await LoadAsync(db, ct)).FromKeptInputs);
        var (a, b, c, d) = (ids[3], ids[4], ids[5], ids[6]);

        // A pair stored both ways with the same strength (the first kept), a bare one the other way, a self link, a link
        // to the trash; introductions by nobody, of one person, naming someone twice, and by someone in the trash.
        string Insert(long x, long y, string kind, string strength, int inferred) => $"""
            INSERT INTO "ContactLinks" ("AccountId", "ContactAId", "ContactBId", "Kind", "Strength", "Inferred", "CreatedAt")
            SELECT "AccountId", {x}, {y}, '{kind}', {strength}, {Bool(inferred == 1)}, '2026-11-20 09:00:00' FROM "Contacts" WHERE "Id" = {x};
            """;
        string Intro(string i, string p, string q) => $"""
            INSERT INTO "Introductions" ("AccountId", "IntroducerId", "PersonAId", "PersonBId", "IntroducedOn")
            SELECT "AccountId", {i}, {p}, {q}, '2026-11-01' FROM "Contacts" WHERE "Id" = {a};
            """;
        var sql = string.Concat(
            Insert(a, b, "Friend", "0.5", 0), Insert(b, a, "Family", "0.5", 1), Insert(c, a, "Other", "NULL", 1), Insert(d, d, "Friend", "0.4", 0),
            Insert(d, trashed, "Friend", "0.9", 0),
            Intro("NULL", $"{c}", $"{d}"), Intro($"{b}", "NULL", $"{d}"), Intro($"{c}", $"{c}", $"{b}"), Intro($"{trashed}", $"{a}", $"{d}"),
            Intro("NULL", $"{a}", "NULL"));
        await db.Database.ExecuteSqlRawAsync(sql, ct);
        var network = await LoadAsync(db, ct);
        Assert.True(network.FromKeptInputs);
        Assert.Equal(KeptNetworks.Describe(await KeptNetworks.TablesAsync(db, Now, ct)), KeptNetworks.Describe(network));
        Assert.Equal(LinkKind.Friend, network.Links.Find(a, b)?.Kind);

        // Then the stronger half of each goes, and introductions lose people.
        sql = $"""
            DELETE FROM "ContactLinks" WHERE "ContactAId" = {a} AND "ContactBId" = {b};
            UPDATE "Introductions" SET "PersonBId" = NULL WHERE "PersonBId" = {d};
            UPDATE "Introductions" SET "IntroducerId" = {d} WHERE "IntroducerId" = {c};
            """;
        await db.Database.ExecuteSqlRawAsync(sql, ct);
        network = await LoadAsync(db, ct);
        Assert.True(network.FromKeptInputs);
        Assert.Equal(KeptNetworks.Describe(await KeptNetworks.TablesAsync(db, Now, ct)), KeptNetworks.Describe(network));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LinksReplacedOnTheirUniquePair_ArePatched(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await KeptNetworks.DemoAsync(test, 120, 46, Clock, ct);
        await using var db = store.Open();
        var ids = await db.Contacts.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
        var (a, b, x, y) = (ids[7], ids[8], ids[9], ids[10]);
        db.ContactLinks.AddRange(new ContactLink(a, b, LinkKind.Friend, 0.2, false, Now), new ContactLink(a, x, LinkKind.Friend, 0.3, false, Now),
            new ContactLink(a, y, LinkKind.Family, 0.4, false, Now));
        await db.SaveChangesAsync(ct);
        await LoadAsync(db, ct);
        Assert.True((await LoadAsync(db, ct)).FromKeptInputs);

        // SQLite: REPLACE deletes the row in the way with no delete trigger (recursive triggers are off); the row written
        // names the same two contacts, so they are noted all the same. PostgreSQL has no REPLACE: the same in one statement
        // each, an insert that updates the row in the way (ON CONFLICT, whose statement fires both the insert and the update
        // triggers), and an update whose statement also deletes the row in the way (a writable CTE: two transition tables).
        var sql = provider == "sqlite"
            ? $"""
                INSERT OR REPLACE INTO "ContactLinks" ("AccountId", "ContactAId", "ContactBId", "Kind", "Strength", "Inferred", "CreatedAt")
                SELECT "AccountId", {a}, {b}, 'Colleague', 0.9, 0, '2026-11-20 09:00:00' FROM "Contacts" WHERE "Id" = {a};
                UPDATE OR REPLACE "ContactLinks" SET "ContactBId" = {y} WHERE "ContactAId" = {a} AND "ContactBId" = {x};
                """
            : $"""
                INSERT INTO "ContactLinks" ("AccountId", "ContactAId", "ContactBId", "Kind", "Strength", "Inferred", "CreatedAt")
                SELECT "AccountId", {a}, {b}, 'Colleague', 0.9, FALSE, '2026-11-20 09:00:00' FROM "Contacts" WHERE "Id" = {a}
                ON CONFLICT ("AccountId", "ContactAId", "ContactBId") DO UPDATE SET "Kind" = excluded."Kind", "Strength" = excluded."Strength";
                WITH gone AS (DELETE FROM "ContactLinks" WHERE "ContactAId" = {a} AND "ContactBId" = {y} RETURNING "Id")
                UPDATE "ContactLinks" SET "ContactBId" = {y} WHERE "ContactAId" = {a} AND "ContactBId" = {x} AND "Id" NOT IN (SELECT "Id" FROM gone);
                """;
        await db.Database.ExecuteSqlRawAsync(sql, ct);
        var network = await LoadAsync(db, ct);
        Assert.True(network.FromKeptInputs);
        Assert.Equal(KeptNetworks.Describe(await KeptNetworks.TablesAsync(db, Now, ct)), KeptNetworks.Describe(network));
        Assert.Equal(LinkKind.Colleague, network.Links.Find(a, b)?.Kind);
        Assert.Equal(0.3, network.Links.Find(a, y)?.Strength);
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Db(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "NULL";

    /// <summary>A boolean as both providers read it in SQL (SQLite takes TRUE and FALSE for 1 and 0).</summary>
    private static string Bool(bool value) => value ? "TRUE" : "FALSE";

    private static Task MeetAsync(RapportDbContext db, long[] people, CancellationToken ct) => App.Interactions.InteractionWriter.AddAsync(db,
        [new Interaction(Now.AddHours(-2), Channel.InPerson, Direction.Mutual, InteractionSource.Manual, people)], ct);

    private static Task<InsightsNetwork> LoadAsync(RapportDbContext db, CancellationToken ct) => InsightsNetwork.LoadAsync(db, Now, ct);
}
