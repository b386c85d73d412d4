using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Rapport.App.Insights;
using Rapport.App.Interactions;
using Rapport.Data.Storage;
using Rapport.Data.Tests.Support;
using Rapport.Domain.Contacts;
using Rapport.Domain.Events;
using Rapport.Domain.Exchanges;
using Rapport.Domain.Interactions;
using Rapport.Domain.Organizations;

namespace Rapport.Data.Tests.Insights;

/// <summary>
/// The snapshot rule of the kept inputs on PostgreSQL (migration 0010) under real concurrency: writers on connections of
/// their own hold transactions open across a load that keeps (begun before it registers, or after; committed while it
/// reads the tables or after it saved; rolled back), and write side by side with loads for a few seconds. A value is kept
/// only when it is what its snapshot saw; a later load patches it from every row written since, or reads the tables
/// afresh, and either way gives the network the tables give.
/// </summary>
/// <remarks>
/// A load is held in its read of the tables, after it registered its snapshot, by a transaction that locks the ledger's
/// table (read late, after the contacts, the links, the organizations and the events): so a write can be made, committed
/// or left open at a chosen point of the load.
/// </remarks>
public class KeptConcurrentPostgresTest
{
    private static readonly DateTime Now = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);
    private static readonly TestClock Clock = new(Now);

    [Fact]
    public async Task WritesBegunBeforeTheLoadOrAfterItRegistered_AndCommittedAfterItSaved_AreNotInTheValueKept_ButPatchedInOnceCommitted()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync("postgres");
        var store = await KeptNetworks.DemoAsync(test, 80, 11, Clock, ct);
        await using var db = store.Open();
        await using var monitor = store.Open();
        var ids = await db.Contacts.Where(c => c.DeletedAt == null).OrderBy(c => c.Id).Select(c => c.Id).Take(6).ToListAsync(ct);
        var org = await db.Organizations.OrderBy(o => o.Id).Select(o => o.Id).FirstAsync(ct);

        // Begun and written before the load: not committed, so not in what it reads, whenever it commits.
        await using var before = store.Open();
        await using var beforeTx = await before.Database.BeginTransactionAsync(ct);
        await SetCompanyAsync(before, ids[0], "Begun Before Ltd", ct);
        before.Memberships.Add(new Membership(org, ids[0], MembershipRole.Member, null, null));
        await before.SaveChangesAsync(ct);
        // Written before the load, rolled back after it saved: nothing of it anywhere.
        await using var undone = store.Open();
        await using var undoneTx = await undone.Database.BeginTransactionAsync(ct);
        await SetCompanyAsync(undone, ids[1], "Never Ltd", ct);
        undone.ContactLinks.Add(new ContactLink(ids[1], ids[2], LinkKind.Family, 0.9, false, Now));
        await undone.SaveChangesAsync(ct);
        // Begun before the load registers, writing only once it has: its transaction id comes after the snapshot's.
        await using var late = store.Open();
        await using var lateTx = await late.Database.BeginTransactionAsync(ct);
        await late.Database.ExecuteSqlRawAsync("SELECT 1", ct);

        var network = await WhileHeldInTheReadAsync(store, db, monitor, async () =>
        {
            // Registered: the account's row holds the snapshot, no value yet.
            Assert.Equal(1, await CountAsync(monitor, """SELECT count(*) FROM "InsightsInputs" WHERE split_part("Token", ' ', 2) <> '' AND "Data" IS NULL""", ct));
            await SetCompanyAsync(late, ids[3], "Written Late Ltd", ct);
            await InteractionWriter.AddAsync(late, [Meeting(ids[3], ids[4])], ct);
            late.ContactLinks.Add(new ContactLink(ids[3], ids[5], LinkKind.Friend, 0.7, false, Now));
            await late.SaveChangesAsync(ct);
        }, ct);
        Assert.False(network.FromKeptInputs);
        Assert.Equal(1, await CountAsync(monitor, """SELECT count(*) FROM "InsightsInputs" WHERE "Data" IS NOT NULL""", ct));
        Assert.DoesNotContain(network.Contacts, c => c.Company is "Begun Before Ltd" or "Never Ltd" or "Written Late Ltd");

        // Good while the three are still running: nothing committed is missing from its snapshot.
        var kept = await LoadAsync(db, ct);
        Assert.True(kept.FromKeptInputs);
        Assert.Equal(0, kept.PatchedWrites);

        await lateTx.CommitAsync(ct);
        await undoneTx.RollbackAsync(ct);
        await beforeTx.CommitAsync(ct);
        var patched = await LoadAsync(db, ct);
        Assert.True(patched.FromKeptInputs);
        Assert.True(patched.PatchedWrites > 0);
        Assert.Equal("Begun Before Ltd", patched.ById[ids[0]].Company);
        Assert.NotEqual("Never Ltd", patched.ById[ids[1]].Company);
        Assert.Equal("Written Late Ltd", patched.ById[ids[3]].Company);
        Assert.NotNull(patched.Links.Find(ids[3], ids[5]));
        Assert.Equal(KeptNetworks.Describe(await KeptNetworks.TablesAsync(db, Now, ct)), KeptNetworks.Describe(patched));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AWriteCommittedWhileTheLoadReadsTheTables_KeepsNothing_AndTheNextLoadReadsThemAfresh(bool begunBefore)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync("postgres");
        var store = await KeptNetworks.DemoAsync(test, 80, 12, Clock, ct);
        await using var db = store.Open();
        await using var monitor = store.Open();
        var ids = await db.Contacts.Where(c => c.DeletedAt == null).OrderBy(c => c.Id).Select(c => c.Id).Take(3).ToListAsync(ct);
        Assert.False((await LoadAsync(db, ct)).FromKeptInputs);
        Assert.True((await LoadAsync(db, ct)).FromKeptInputs);
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "InsightsInputs" """, ct);

        // A writer that wrote before the load began, or one begun then that writes only once the load registered; either
        // commits while the load reads the tables (some of its reads see the write, some do not).
        await using var writer = store.Open();
        await using var tx = await writer.Database.BeginTransactionAsync(ct);
        if (begunBefore) await SetCompanyAsync(writer, ids[0], "Committed During Ltd", ct);
        else await writer.Database.ExecuteSqlRawAsync("SELECT 1", ct);
        var network = await WhileHeldInTheReadAsync(store, db, monitor, async () =>
        {
            if (!begunBefore)
            {
                await SetCompanyAsync(writer, ids[0], "Committed During Ltd", ct);
                await InteractionWriter.AddAsync(writer, [Meeting(ids[1], ids[2])], ct);
            }
            await tx.CommitAsync(ct);
        }, ct);
        Assert.False(network.FromKeptInputs);
        Assert.Equal(0, await CountAsync(monitor, """SELECT count(*) FROM "InsightsInputs" WHERE "Data" IS NOT NULL""", ct));

        var again = await LoadAsync(db, ct);
        Assert.False(again.FromKeptInputs);
        Assert.Equal("Committed During Ltd", again.ById[ids[0]].Company);
        Assert.Equal(KeptNetworks.Describe(await KeptNetworks.TablesAsync(db, Now, ct)), KeptNetworks.Describe(again));
        var kept = await LoadAsync(db, ct);
        Assert.True(kept.FromKeptInputs);
        Assert.Equal(0, kept.PatchedWrites);
    }

    /// <summary>
    /// Writers (each on its own contacts, so that they never wait for one another's rows; the aggregates' lock lets one
    /// transaction at a time write interactions) and loads side by side, in rounds of about a second; at the end of each,
    /// with every transaction committed or rolled back, a load is patched or read afresh and gives the tables' network.
    /// CONCURRENT_SEED=n repeats a run's choices (not its timing).
    /// </summary>
    [Fact]
    public async Task WritersSideBySideWithLoads_LeaveAValueThatIsPatchedOrReadAfresh_AndGivesTheTablesNetwork()
    {
        var ct = TestContext.Current.CancellationToken;
        var seed = Environment.GetEnvironmentVariable("CONCURRENT_SEED") is { Length: > 0 } given ? int.Parse(given, System.Globalization.CultureInfo.InvariantCulture)
            : Random.Shared.Next(1, 1_000_000);
        TestContext.Current.TestOutputHelper?.WriteLine($"seed {seed}");
        await using var test = await TestDatabase.CreateAsync("postgres");
        var store = await KeptNetworks.DemoAsync(test, 120, seed % 97, Clock, ct);
        await using var db = store.Open();
        var all = await db.Contacts.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
        var organizations = await db.Organizations.OrderBy(o => o.Id).Select(o => o.Id).ToListAsync(ct);
        var events = await db.Events.OrderBy(e => e.Id).Select(e => e.Id).ToListAsync(ct);
        const int writers = 3, loaders = 2, rounds = 4;
        var roundTime = TimeSpan.FromSeconds(1);
        var owned = Enumerable.Range(0, writers).Select(k => new Owned(all.Where((_, i) => i % writers == k))).ToArray();
        int loads = 0, patchedWhileWriting = 0, keptWhileWriting = 0, keptAgainWhileWriting = 0, saved = 0, commits = 0, rollbacks = 0;
        var checkedLoads = new List<string>();
        var patchedChecked = 0;

        for (var round = 0; round < rounds; round++)
        {
            var clock = Stopwatch.StartNew();
            bool Writing() => clock.Elapsed < roundTime;
            var tasks = new List<Task>();
            for (var k = 0; k < writers; k++)
            {
                var (mine, rng) = (owned[k], new Random(seed * 31 + round * 7 + k));
                var name = $"W{k}";
                tasks.Add(Task.Run(async () =>
                {
                    await using var w = store.Open();
                    while (Writing())
                    {
                        w.ChangeTracker.Clear();
                        var was = mine.Copy();
                        await using var tx = await w.Database.BeginTransactionAsync(ct);
                        for (var n = 1 + rng.Next(3); n > 0; n--)
                        {
                            await WriteAsync(w, name, mine, organizations, events, rng, ct);
                            // Open for tens of milliseconds, about as long as a load: across a load's registration, read
                            // and save, and with few enough commits that some loads keep what they read.
                            await Task.Delay(rng.Next(5, 60), ct);
                        }
                        if (rng.Next(7) == 0)
                        {
                            await tx.RollbackAsync(ct);
                            mine.Restore(was);
                            Interlocked.Increment(ref rollbacks);
                        }
                        else
                        {
                            await tx.CommitAsync(ct);
                            Interlocked.Increment(ref commits);
                        }
                        await Task.Delay(rng.Next(0, 30), ct);
                    }
                }, ct));
            }
            for (var k = 0; k < loaders; k++)
            {
                var rng = new Random(seed * 17 + round * 5 + k);
                tasks.Add(Task.Run(async () =>
                {
                    await using var l = store.Open();
                    while (Writing())
                    {
                        l.ChangeTracker.Clear();
                        // Now and then in the first half of a round the value kept goes (as when it cannot be patched), so that
                        // the load keeps afresh with writers running: its snapshot misses their transactions still open. The
                        // value kept last is then most often one kept while they wrote, which the end of the round checks.
                        var afresh = clock.Elapsed < roundTime / 2 && rng.Next(2) == 0;
                        if (afresh) await l.Database.ExecuteSqlRawAsync("""DELETE FROM "InsightsInputs" """, ct);
                        // Half the loads keep what they patched again (whatever the number of rows), as of their snapshot.
                        var network = await InsightsNetwork.LoadAsync(l, Now, ct, keepAgainFrom: rng.Next(2) == 0 ? 1 : int.MaxValue);
                        Interlocked.Increment(ref loads);
                        if (network.FromKeptInputs && network.PatchedWrites > 0) Interlocked.Increment(ref patchedWhileWriting);
                        if (network.KeptAgain) Interlocked.Increment(ref keptAgainWhileWriting);
                        if (afresh && !network.FromKeptInputs && await CountAsync(l, """SELECT count(*) FROM "InsightsInputs" WHERE "Data" IS NOT NULL""", ct) > 0)
                            Interlocked.Increment(ref keptWhileWriting);
                        await Task.Delay(rng.Next(0, 25), ct);
                    }
                }, ct));
            }
            await Task.WhenAll(tasks);
            saved += await CountAsync(db, """SELECT count(*) FROM "InsightsInputs" WHERE "Data" IS NOT NULL""", ct);

            // Quiet now: whatever value was kept last (during the writes, with others running) is patched from all written
            // since, or the tables are read; either way the network is the tables'.
            db.ChangeTracker.Clear();
            var load = await LoadAsync(db, ct);
            var what = $"seed {seed}, round {round}: {(load.FromKeptInputs ? $"patched from {load.PatchedWrites} rows" : "read afresh")}";
            checkedLoads.Add(what);
            if (load.FromKeptInputs && load.PatchedWrites > 0) patchedChecked++;
            Assert.True(KeptNetworks.Describe(await KeptNetworks.TablesAsync(db, Now, ct)) == KeptNetworks.Describe(load), what);
            var later = await InsightsNetwork.LoadAsync(db, Now.AddDays(40), ct);
            Assert.True(later.FromKeptInputs, what);
            Assert.True(KeptNetworks.Describe(await KeptNetworks.TablesAsync(db, Now.AddDays(40), ct)) == KeptNetworks.Describe(later), what);
        }
        var summary = $"seed {seed}: {loads} loads while writing ({patchedWhileWriting} patched, {keptAgainWhileWriting} of them kept again, some {keptWhileWriting} kept afresh), a value kept at the end of {saved} rounds, " +
            $"{commits} commits, {rollbacks} rollbacks; checked: {string.Join("; ", checkedLoads)}";
        TestContext.Current.TestOutputHelper?.WriteLine(summary);
        // Not vacuous: values were kept and patched while the writers ran, and some checked were patched from rows written then.
        Assert.True(keptWhileWriting > 0, summary);
        Assert.True(patchedWhileWriting > 0, summary);
        Assert.True(keptAgainWhileWriting > 0, summary);
        Assert.True(patchedChecked > 0, summary);

        // Kept afresh with everything quiet, no note is left: every one is seen by the value's snapshot.
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "InsightsInputs" """, ct);
        Assert.False((await LoadAsync(db, ct)).FromKeptInputs);
        Assert.Equal(0, await CountAsync(db, """SELECT count(*) FROM "InsightsInputsChanges" """, ct));
    }

    [Fact]
    public async Task ATransactionLeftOpenElsewhereOnTheServer_LetsNoNoteOfTheWritesPileUp()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync("postgres");
        var store = await KeptNetworks.DemoAsync(test, 40, 13, Clock, ct);
        await using var db = store.Open();
        Assert.False((await LoadAsync(db, ct)).FromKeptInputs);

        // A session of another database on the same server with a transaction open (a long report, a backup, another
        // program's tests): the oldest transaction the server runs, for as long as the writes below.
        await using var elsewhere = new Npgsql.NpgsqlConnection(TestDatabase.ServerConnectionString());
        await elsewhere.OpenAsync(ct);
        await using var open = await elsewhere.BeginTransactionAsync(ct);
        await using (var cmd = new Npgsql.NpgsqlCommand("SELECT pg_current_xact_id()", elsewhere, open)) await cmd.ExecuteScalarAsync(ct);

        for (var i = 0; i < 20; i++) await db.Database.ExecuteSqlRawAsync(Touch, ct);
        var patched = await LoadAsync(db, ct);
        Assert.True(patched.FromKeptInputs);
        Assert.Equal(1, patched.PatchedWrites);
        // Each writing transaction notes itself once, to tidy once: once it has ended, its note is of no more use, whatever
        // else runs on the server.
        Assert.True(await CountAsync(db, """SELECT count(*) FROM "InsightsInputsWrites" """, ct) <= 1);
        // Kept afresh: the notes of the rows written are all seen by its snapshot, and go.
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "InsightsInputs" """, ct);
        Assert.False((await LoadAsync(db, ct)).FromKeptInputs);
        Assert.Equal(0, await CountAsync(db, """SELECT count(*) FROM "InsightsInputsChanges" """, ct));
        await open.RollbackAsync(ct);
    }

    [Theory]
    [InlineData(System.Data.IsolationLevel.RepeatableRead)]
    [InlineData(System.Data.IsolationLevel.Serializable)]
    public async Task AWriterInAStricterIsolation_IsNotRefused_ForNotesAnotherWriterTidiedSinceItsSnapshot(System.Data.IsolationLevel isolation)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync("postgres");
        var store = await KeptNetworks.DemoAsync(test, 40, 14, Clock, ct);
        await using var db = store.Open();
        // Not the contact Touch writes: the two writers write rows of their own.
        var id = await db.Contacts.OrderBy(c => c.Id).Select(c => c.Id).Skip(1).FirstAsync(ct);

        // Nothing kept: the notes of a write wait for the next writing transaction to tidy them away.
        await db.Database.ExecuteSqlRawAsync(Touch, ct);
        Assert.True(await CountAsync(db, """SELECT count(*) FROM "InsightsInputsChanges" """, ct) > 0);
        // A writer whose snapshot sees those notes...
        await using var strict = store.Open();
        await using var tx = await strict.Database.BeginTransactionAsync(isolation, ct);
        Assert.True(await strict.Contacts.CountAsync(ct) > 0);
        // ... another writer tidies them away...
        await db.Database.ExecuteSqlRawAsync(Touch, ct);
        // ... and the first writes: the tidying is not its business, and must not make its write fail.
        await SetCompanyAsync(strict, id, "Strict Ltd", ct);
        await tx.CommitAsync(ct);

        Assert.False((await LoadAsync(db, ct)).FromKeptInputs);
        await SetCompanyAsync(db, id, "Read Committed Ltd", ct);
        var patched = await LoadAsync(db, ct);
        Assert.True(patched.FromKeptInputs);
        Assert.Equal("Read Committed Ltd", patched.ById[id].Company);
        Assert.Equal(KeptNetworks.Describe(await KeptNetworks.TablesAsync(db, Now, ct)), KeptNetworks.Describe(patched));
    }

    /// <summary>The contacts one writer writes, and what it made of theirs: interactions, introductions, contacts added.</summary>
    private sealed class Owned(IEnumerable<long> contacts)
    {
        public List<long> Contacts { get; private set; } = [.. contacts];
        public List<long> Interactions { get; private set; } = [];
        public List<long> Added { get; private set; } = [];

        public (List<long>, List<long>, List<long>) Copy() => ([.. Contacts], [.. Interactions], [.. Added]);

        public void Restore((List<long> Contacts, List<long> Interactions, List<long> Added) was) => (Contacts, Interactions, Added) = was;
    }

    /// <summary>One random write, inside the writer's transaction, to its own contacts (and what it made of theirs).</summary>
    private static async Task WriteAsync(RapportDbContext w, string name, Owned mine, List<long> organizations, List<long> events, Random rng, CancellationToken ct)
    {
        T Pick<T>(IReadOnlyList<T> xs) => xs[rng.Next(xs.Count)];
        long[] Some(int n) => [.. mine.Contacts.OrderBy(_ => rng.Next()).Take(n)];
        var id = Pick(mine.Contacts);
        switch (rng.Next(16))
        {
            case 0:
            case 1:
                await SetCompanyAsync(w, id, $"{name} Company {rng.Next(5)}", ct);
                break;
            case 2:
                await w.Database.ExecuteSqlRawAsync("""UPDATE "Contacts" SET "DeletedAt" = CASE WHEN "DeletedAt" IS NULL THEN {0} END WHERE "Id" = {1}""", [Now, id], ct);
                break;
            case 3:
            case 4:
            {
                // A meeting, or an email (a touch of one); now and then one still to come.
                var at = rng.Next(10) == 0 ? Now.AddDays(2) : Now.AddDays(-rng.Next(0, 500));
                var interaction = rng.Next(3) == 0
                    ? new Interaction(at, Channel.Email, Direction.Out, InteractionSource.Manual, [id])
                    : new Interaction(at, Channel.InPerson, Direction.Mutual, InteractionSource.Manual, Some(2 + rng.Next(3)));
                await InteractionWriter.AddAsync(w, [interaction], ct);
                mine.Interactions.Add(interaction.Id);
                break;
            }
            case 5:
            {
                // One of its interactions edited: moved, another channel, or put in the trash.
                if (mine.Interactions.Count == 0) goto case 0;
                var which = Pick(mine.Interactions);
                if (rng.Next(3) == 0) await w.Database.ExecuteSqlRawAsync("""UPDATE "Interactions" SET "DeletedAt" = {0} WHERE "Id" = {1}""", [Now, which], ct);
                else await w.Database.ExecuteSqlRawAsync("""UPDATE "Interactions" SET "Channel" = 'Video', "OccurredAt" = {0} WHERE "Id" = {1}""", [Now.AddDays(-rng.Next(0, 300)), which], ct);
                break;
            }
            case 6:
            case 7:
            {
                // A link between two of its contacts: added, changed or removed.
                if (mine.Contacts.Count < 2) goto case 0;
                var pair = Some(2);
                var (a, b) = (Math.Min(pair[0], pair[1]), Math.Max(pair[0], pair[1]));
                var link = await w.ContactLinks.Where(l => l.ContactAId == a && l.ContactBId == b).Select(l => (long?)l.Id).FirstOrDefaultAsync(ct);
                if (link is null)
                {
                    w.ContactLinks.Add(new ContactLink(a, b, rng.Next(2) == 0 ? LinkKind.Friend : LinkKind.Colleague, rng.Next(3) == 0 ? null : 0.5 + rng.Next(5) / 10.0, false, Now));
                    await w.SaveChangesAsync(ct);
                }
                else if (rng.Next(2) == 0) await w.ContactLinks.Where(l => l.Id == link).ExecuteDeleteAsync(ct);
                else await w.ContactLinks.Where(l => l.Id == link).ExecuteUpdateAsync(u => u.SetProperty(l => l.Strength, 0.2 + rng.Next(8) / 10.0), ct);
                break;
            }
            case 8:
            {
                if (mine.Contacts.Count < 3) goto case 0;
                var three = Some(3);
                w.Introductions.Add(new Introduction(rng.Next(3) == 0 ? null : three[0], three[1], three[2], new DateOnly(2026, 10, 1)));
                await w.SaveChangesAsync(ct);
                break;
            }
            case 9:
            {
                // A membership joined or left.
                var membership = await w.Memberships.Where(m => m.ContactId == id).Select(m => (long?)m.Id).FirstOrDefaultAsync(ct);
                if (membership is not null && rng.Next(2) == 0) await w.Memberships.Where(m => m.Id == membership).ExecuteDeleteAsync(ct);
                else
                {
                    w.Memberships.Add(new Membership(Pick(organizations), id, MembershipRole.Member, rng.Next(3) == 0 ? new DateOnly(2019, 1, 1) : null, null));
                    await w.SaveChangesAsync(ct);
                }
                break;
            }
            case 10:
            {
                // An event attended, or no longer.
                var ev = Pick(events);
                var attendance = await w.Attendances.Where(a => a.EventId == ev && a.ContactId == id).Select(a => (long?)a.Id).FirstOrDefaultAsync(ct);
                if (attendance is not null) await w.Attendances.Where(a => a.Id == attendance).ExecuteDeleteAsync(ct);
                else
                {
                    w.Attendances.Add(new Attendance(ev, id, rng.Next(4) == 0));
                    await w.SaveChangesAsync(ct);
                }
                break;
            }
            case 11:
                w.Exchanges.Add(new Exchange(id, rng.Next(2) == 0 ? ExchangeDirection.Give : ExchangeDirection.Ask, ExchangeKind.Advice, ExchangeStatus.Done,
                    DateOnly.FromDateTime(Now).AddDays(-rng.Next(0, 200))));
                await w.SaveChangesAsync(ct);
                break;
            case 12:
            case 13:
            {
                // A contact added, sometimes put in the trash at once, sometimes met at once.
                var contact = new Contact($"{name} New {rng.Next(1_000_000)}", Now);
                w.Contacts.Add(contact);
                await w.SaveChangesAsync(ct);
                mine.Contacts.Add(contact.Id);
                mine.Added.Add(contact.Id);
                if (rng.Next(3) == 0)
                {
                    var met = new Interaction(Now.AddDays(-1), Channel.Call, Direction.In, InteractionSource.Manual, [contact.Id, id]);
                    await InteractionWriter.AddAsync(w, [met], ct);
                    mine.Interactions.Add(met.Id);
                }
                if (rng.Next(4) == 0) await w.Database.ExecuteSqlRawAsync("""UPDATE "Contacts" SET "DeletedAt" = {0} WHERE "Id" = {1}""", [Now, contact.Id], ct);
                break;
            }
            case 14:
            {
                // One it added, deleted for good (its rows go with it; its introductions lose it).
                if (mine.Added.Count == 0) goto case 12;
                var gone = Pick(mine.Added);
                await w.Database.ExecuteSqlRawAsync("""DELETE FROM "Contacts" WHERE "Id" = {0}""", [gone], ct);
                mine.Added.Remove(gone);
                mine.Contacts.Remove(gone);
                break;
            }
            default:
            {
                // A category given, or taken away.
                var category = rng.Next(2) == 0 ? "mentor" : "peer";
                var had = await w.Database.SqlQueryRaw<long>("""SELECT "Id" AS "Value" FROM "ContactCategories" WHERE "ContactId" = {0} AND "Category" = {1}""", id, category).ToListAsync(ct);
                if (had.Count > 0) await w.Database.ExecuteSqlRawAsync("""DELETE FROM "ContactCategories" WHERE "Id" = {0}""", [had[0]], ct);
                else await w.Database.ExecuteSqlRawAsync("""INSERT INTO "ContactCategories" ("AccountId", "ContactId", "Category") SELECT "AccountId", "Id", {1} FROM "Contacts" WHERE "Id" = {0}""", [id, category], ct);
                break;
            }
        }
    }

    /// <summary>
    /// Runs a load while another transaction holds the ledger's table, so that the load waits in its read of the tables
    /// (after it registered), runs <paramref name="meanwhile"/>, lets the load go on, and returns what it loaded.
    /// </summary>
    private static async Task<InsightsNetwork> WhileHeldInTheReadAsync(RapportStore store, RapportDbContext db, RapportDbContext monitor, Func<Task> meanwhile, CancellationToken ct)
    {
        Task<InsightsNetwork> load;
        await using (var gate = store.Open())
        {
            await using var hold = await gate.Database.BeginTransactionAsync(ct);
            await gate.Database.ExecuteSqlRawAsync("""LOCK TABLE "Exchanges" IN ACCESS EXCLUSIVE MODE""", ct);
            load = Task.Run(() => LoadAsync(db, ct), ct);
            var waited = Stopwatch.StartNew();
            while (await CountAsync(monitor, """SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = '"Exchanges"'::regclass""", ct) == 0)
            {
                Assert.True(waited.Elapsed < TimeSpan.FromSeconds(20), "the load never waited for the ledger's table");
                Assert.False(load.IsCompleted, "the load ended without reading the ledger's table");
                await Task.Delay(10, ct);
            }
            await meanwhile();
            await hold.RollbackAsync(ct);
        }
        return await load;
    }

    /// <summary>A write of one contact that changes nothing, as far as the network goes.</summary>
    private const string Touch = """UPDATE "Contacts" SET "Trust" = "Trust" WHERE "Id" = (SELECT min("Id") FROM "Contacts")""";

    private static Task SetCompanyAsync(RapportDbContext db, long id, string company, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync("""UPDATE "Contacts" SET "Company" = {0} WHERE "Id" = {1}""", [company, id], ct);

    private static Interaction Meeting(params long[] people) => new(Now.AddHours(-3), Channel.InPerson, Direction.Mutual, InteractionSource.Manual, people);

    private static async Task<int> CountAsync(RapportDbContext db, string sql, CancellationToken ct) =>
        (int)await db.Database.SqlQueryRaw<long>(sql.Replace("count(*)", """count(*) AS "Value" """, StringComparison.Ordinal)).SingleAsync(ct);

    private static Task<InsightsNetwork> LoadAsync(RapportDbContext db, CancellationToken ct) => InsightsNetwork.LoadAsync(db, Now, ct);
}
