using Microsoft.EntityFrameworkCore;
using Rapport.App.Insights;
using Rapport.App.Nurture;
using Rapport.Data.Storage;
using Rapport.Data.Tests.Support;
using Rapport.Domain.Contacts;
using Rapport.Domain.Insights;
using Rapport.Domain.Insights.Links;
using Rapport.Domain.Exchanges;
using Rapport.Domain.Interactions;
using Rapport.Domain.Organizations;

namespace Rapport.Data.Tests.Insights;

/// <summary>
/// The insights' inputs kept between commands (migration 0006): a later load reads them instead of the tables, patched
/// from the rows written since (migrations 0007 to 0010), and gives exactly the network the tables give, on any day; other
/// settings, a damaged value, too many writes or a write during the load that would keep them mean the tables are read again.
/// </summary>
public class KeptInputsTest
{
    private static readonly DateTime Now = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);
    private static readonly TestClock Clock = new(Now);

    /// <summary>Every table the kept inputs come from: each must have its three triggers.</summary>
    private static readonly string[] InputTables =
    [
        "Contacts", "ContactCategories", "ContactLinks", "Introductions", "Organizations", "Memberships", "Events", "Attendances",
        "Interactions", "InteractionParticipants", "ContactStats", "Exchanges",
    ];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ALaterLoad_ReadsTheKeptInputs_AndGivesTheSameNetworkAsTheTables_OnAnyDay(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await KeptNetworks.DemoAsync(test, 300, 1, Clock, ct);

        await using (var db = store.Open())
        {
            var first = await InsightsNetwork.LoadAsync(db, Now, ct);
            Assert.False(first.FromKeptInputs);
        }
        // A day later, a month later, and a day in the past (the demo's latest touches are then still to come).
        foreach (var day in new[] { Now, Now.AddDays(1), Now.AddDays(40), Now.AddDays(-20) })
        {
            await using var db = store.Open();
            var kept = await InsightsNetwork.LoadAsync(db, day, ct);
            var tables = await KeptNetworks.TablesAsync(db, day, ct);
            Assert.True(kept.FromKeptInputs);
            Assert.False(tables.FromKeptInputs);
            Assert.Equal(KeptNetworks.Describe(tables), KeptNetworks.Describe(kept));
        }
    }

    [Fact]
    public void Links_WrittenAndReadBack_AreTheSame_EveryKindStrengthAndCount()
    {
        var rng = new Random(11);
        var contacts = Enumerable.Range(0, 400).Select(i => 5L + 3 * i).ToArray();
        var pairs = new HashSet<ContactPair>();
        while (pairs.Count < 3_000)
        {
            var (a, b) = (contacts[rng.Next(contacts.Length)], contacts[rng.Next(contacts.Length)]);
            if (a != b) pairs.Add(new ContactPair(a, b));
        }
        // The first contact has links too: the pairs start at position 0.
        pairs.Add(new ContactPair(contacts[0], contacts[1]));
        var all = pairs.OrderBy(p => p.A).ThenBy(p => p.B).ToArray();
        var kinds = Enum.GetValues<LinkKind>();
        var told = all.Where((_, i) => i % 3 != 0).Select((p, i) => new NetworkLink(p.B, p.A, i % 4 == 0 ? null : Math.Round(rng.NextDouble(), 2),
            kinds[i % kinds.Length], i % 5 == 0));
        // Occasion counts small enough to share a word, and some too large (kept aside).
        var inferred = all.Where((_, i) => i % 3 == 0).Select((p, i) => new InferredLink(p, (LinkEvidence)(i % 3), LinkKind.Inferred, rng.NextDouble(),
            i % 7, i % 11 == 0 ? 5_000 + i : i % 13, i % 17 == 0 ? int.MaxValue - i : i % 5)).ToArray();
        var links = NetworkLinks.Create(contacts, told, inferred);

        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) links.WriteTo(w);
        stream.Position = 0;
        using var r = new BinaryReader(stream);
        var read = NetworkLinks.ReadFrom(r, contacts);

        Assert.Equal(stream.Length, stream.Position);
        Assert.Equal(links.Count, read.Count);
        for (var k = 0; k < links.Count; k++) Assert.Equal(links[k], read[k]);
    }

    [Fact]
    public void Links_WithOccasionsGainedAndLost_AreThoseInferredFromAllOccasions_CountsKeptAsideIncluded()
    {
        var rng = new Random(12);
        var settings = InsightSettings.Default;
        var contacts = Enumerable.Range(0, 60).Select(i => 10L + 7 * i).ToArray();
        var all = new HashSet<ContactPair>();
        while (all.Count < 400) { var (a, b) = (contacts[rng.Next(60)], contacts[rng.Next(60)]); if (a != b) all.Add(new ContactPair(a, b)); }
        var pairs = all.OrderBy(p => p.A).ThenBy(p => p.B).ToArray();
        var told = pairs.Where((_, i) => i % 4 == 0).Select(p => new NetworkLink(p.A, p.B, 0.5, LinkKind.Friend, false)).ToList();
        var toldPairs = told.Select(l => new ContactPair(l.A, l.B)).ToHashSet();
        // Occasions so far, some too many for a row's bits (kept aside).
        var counts = pairs.Where(p => !toldPairs.Contains(p)).ToDictionary(p => p, p => new[] { rng.Next(3), rng.Next(3) == 0 ? 3_000 : rng.Next(2), 1 });
        InferredLink[] Inferred() => [.. counts.Where(c => c.Value.Sum() > 0).OrderBy(c => c.Key.A).ThenBy(c => c.Key.B)
            .Select(c => LinkInference.Combine(c.Key, c.Value[0], c.Value[1], c.Value[2], settings))];
        var links = NetworkLinks.Create(contacts, told, Inferred());

        // Occasions gained and lost over pairs told (left as they are), inferred (some losing their last) and not linked yet.
        var changes = new List<(ContactPair, int, int, int)>();
        for (var i = 0; i < 600; i++)
        {
            var (a, b) = (contacts[rng.Next(60)], contacts[rng.Next(60)]);
            if (a == b) continue;
            var pair = new ContactPair(a, b);
            var kind = rng.Next(3);
            var had = toldPairs.Contains(pair) ? null : counts.TryGetValue(pair, out var c) ? c : counts[pair] = new int[3];
            var change = had is not null && had[kind] > 0 && rng.Next(2) == 0 ? -1 : 1;
            if (had is not null) had[kind] += change;
            changes.Add((pair, kind == 0 ? change : 0, kind == 1 ? change : 0, kind == 2 ? change : 0));
        }
        foreach (var gone in counts.Keys.Where((_, i) => i % 9 == 0).ToList())
        {
            var c = counts[gone];
            changes.Add((gone, -c[0], -c[1], -c[2]));
            counts[gone] = new int[3];
        }
        var patched = links.WithOccasions(changes, settings);
        var expected = NetworkLinks.Create(contacts, told, Inferred());

        Assert.NotEqual(links.Count, expected.Count);
        Assert.Equal(expected.Count, patched.Count);
        for (var k = 0; k < expected.Count; k++) Assert.Equal(expected[k], patched[k]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnEmptyNetwork_IsKeptToo(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(Clock);
        await using var db = store.Open();
        Assert.False((await LoadAsync(db, ct)).FromKeptInputs);
        var kept = await LoadAsync(db, ct);
        Assert.True(kept.FromKeptInputs);
        Assert.Empty(kept.Contacts);
        Assert.Equal(0, kept.Links.Count);
        Assert.Equal(0, BuildInsights.Analyze(kept).Contacts);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheInsightsUseCase_HasStoredWhatItKeepsWhenItReturns_AndGivesTheTablesReport(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await KeptNetworks.DemoAsync(test, 120, 4, Clock, ct);
        await using var db = store.Open();
        static string Text(InsightsReport report) => System.Text.Json.JsonSerializer.Serialize(report);

        // Read from the tables and kept: stored by the time the use case returns.
        var read = await new BuildInsights(db, Clock).ExecuteAsync(ct);
        Assert.Equal(Text(BuildInsights.Analyze(await KeptNetworks.TablesAsync(db, Now, ct))), Text(read));
        var kept = await LoadAsync(db, ct);
        Assert.Equal((true, 0), (kept.FromKeptInputs, kept.PatchedWrites));

        // 300 contacts added: patched from their 300 rows and kept again before it returns.
        for (var i = 0; i < 300; i++) db.Contacts.Add(new Contact($"Newcomer {i:D3}", Now.AddDays(-1)));
        await db.SaveChangesAsync(ct);
        var again = await new BuildInsights(db, Clock).ExecuteAsync(ct);
        Assert.Equal(Text(BuildInsights.Analyze(await KeptNetworks.TablesAsync(db, Now, ct))), Text(again));
        var after = await LoadAsync(db, ct);
        Assert.Equal((true, 0), (after.FromKeptInputs, after.PatchedWrites));
        Assert.Equal(420, after.Contacts.Count);
    }

    [Fact]
    public async Task PostgreSql_TheKeptValue_IsNotCompressedWithTheSlowDefault()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync("postgres");
        var store = await test.MigratedStoreAsync(Clock);
        await using var db = store.Open();
        // lz4 where the server has it (Debian's has), else stored as it is: never pglz, which took 0.4 s per save at 20k contacts.
        var how = await db.Database.SqlQueryRaw<string>("""
            SELECT attcompression::text || '/' || attstorage::text AS "Value" FROM pg_attribute
            WHERE attrelid = '"InsightsInputs"'::regclass AND attname = 'Data'
            """).SingleAsync(ct);
        Assert.Contains(how, new[] { "l/x", "/e" });
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AValueKeptAgain_NeverLosesAWriteThatCameWhileItWasBroughtUpToDate(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(Clock);
        await using var db = store.Open();
        var ada = new Contact("Ada Again", Now.AddDays(-30));
        db.Contacts.Add(ada);
        await db.SaveChangesAsync(ct);
        Assert.True(await StoredInputs.SaveAsync(db, (await StoredInputs.BeginAsync(db, ct))!, "k", [1], Now, ct));
        Task<int> RetitleAsync(RapportDbContext on, string title) =>
            on.Database.ExecuteSqlRawAsync("""UPDATE "Contacts" SET "Title" = {0} WHERE "Id" = {1}""", [title, ada.Id], ct);
        await RetitleAsync(db, "First");
        var noted = new RowWrite(WrittenTable.Contacts, ada.Id);

        // While the value is brought up to date, the same contact is edited again elsewhere: SQLite has noted that row
        // already (so notes nothing more, and counts the write), PostgreSQL notes it in a transaction the read does not see.
        var again = new KeepAgain(1, Now);
        var result = await StoredInputs.ReadAsync(db, "k", async value =>
        {
            Assert.Equal([noted], value.Writes);
            await using var other = store.Open();
            await RetitleAsync(other, "Second");
            return "patched";
        }, ct, again);
        Assert.Equal(("patched", true), (result, again.Due));
        // Stored again as of the read: SQLite does not (a write came after the read); PostgreSQL does, with the read's
        // snapshot, which the second edit is not in. Either way the next read is still handed that row.
        Assert.Equal(provider != "sqlite", await StoredInputs.KeepAgainAsync(db, "k", again, [2], ct));
        var next = await StoredInputs.ReadAsync(db, "k", value => Task.FromResult<KeptValue?>(value), ct);
        Assert.Equal(provider == "sqlite" ? [1] : [2], next!.Data);
        Assert.Equal([noted], next.Writes);

        // The same with the write after the read, before the value is stored again (as when it is stored beside the engines).
        var late = new KeepAgain(1, Now);
        await StoredInputs.ReadAsync(db, "k", _ => Task.FromResult<string?>("patched"), ct, late);
        await RetitleAsync(db, "Late");
        Assert.Equal(provider != "sqlite", await StoredInputs.KeepAgainAsync(db, "k", late, [3], ct));
        var afterLate = await StoredInputs.ReadAsync(db, "k", value => Task.FromResult<KeptValue?>(value), ct);
        Assert.Equal(provider == "sqlite" ? [1] : [3], afterLate!.Data);
        Assert.Equal([noted], afterLate.Writes);

        // With nothing written meanwhile, the value brought up to date is kept again and no row is left to patch.
        var quiet = new KeepAgain(1, Now);
        Assert.Equal("patched", await StoredInputs.ReadAsync(db, "k", _ => Task.FromResult<string?>("patched"), ct, quiet));
        Assert.True(await StoredInputs.KeepAgainAsync(db, "k", quiet, [4], ct));
        var kept = await StoredInputs.ReadAsync(db, "k", value => Task.FromResult<KeptValue?>(value), ct);
        Assert.Equal([4], kept!.Data);
        Assert.Empty(kept.Writes);
        // Below the count it asks for, or when the value could not be brought up to date, it is not due; nor after a
        // load registered since the read.
        await RetitleAsync(db, "Third");
        var few = new KeepAgain(2, Now);
        await StoredInputs.ReadAsync(db, "k", _ => Task.FromResult<string?>("patched"), ct, few);
        var failed = new KeepAgain(1, Now);
        await StoredInputs.ReadAsync(db, "k", _ => Task.FromResult<string?>(null), ct, failed);
        Assert.Equal((false, false), (few.Due, failed.Due));
        Assert.False(await StoredInputs.KeepAgainAsync(db, "k", few, [5], ct));
        var unchanged = await StoredInputs.ReadAsync(db, "k", value => Task.FromResult<KeptValue?>(value), ct);
        Assert.Equal([4], unchanged!.Data);
        Assert.Equal([noted], unchanged.Writes);
        var overtaken = new KeepAgain(1, Now);
        await StoredInputs.ReadAsync(db, "k", _ => Task.FromResult<string?>("patched"), ct, overtaken);
        Assert.NotNull(await StoredInputs.BeginAsync(db, ct));
        Assert.False(await StoredInputs.KeepAgainAsync(db, "k", overtaken, [6], ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task WhoIntroducedYouToAContact_LinksTheTwo_AndEachChangeToItIsPatched(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await KeptNetworks.DemoAsync(test, 60, 3, Clock, ct);
        await using var db = store.Open();
        var ids = await db.Contacts.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
        var (ana, ben, cy) = (ids[10], ids[20], ids[30]);
        var first = await LoadAsync(db, ct);
        Assert.False(first.FromKeptInputs);
        Assert.Null(first.Links.Find(ben, cy));
        var create = new App.Contacts.CreateContact(db, Clock);
        var edit = new App.Contacts.EditContact(db, Clock);
        long ivy = 0;
        var steps = new (string What, Func<Task> Write, Func<InsightsNetwork, bool> Holds)[]
        {
            ("added with --introduced-by", async () => ivy = (await create.ExecuteAsync(new App.Contacts.ContactChanges { Name = "Ivy Ito", IntroducedBy = Id(ana) }, ct)).Id,
                n => n.Links.Find(ivy, ana)?.Kind == LinkKind.Introduced),
            ("an older contact's introducer set", () => edit.ExecuteAsync(Id(ben), new App.Contacts.ContactChanges { IntroducedBy = Id(cy) }, ct: ct),
                n => n.Links.Find(ben, cy)?.Kind == LinkKind.Introduced),
            ("that introducer changed", () => edit.ExecuteAsync(Id(ben), new App.Contacts.ContactChanges { IntroducedBy = Id(ivy) }, ct: ct),
                n => n.Links.Find(ben, ivy)?.Kind == LinkKind.Introduced && n.Links.Find(ben, cy)?.Kind != LinkKind.Introduced),
            ("an introducer put in the trash", () => new App.Trash.TrashBin(db, Clock).DeleteAsync(App.Trash.TrashKind.Contact, ana, ct),
                n => n.Links.Find(ivy, ana) is null),
            ("taken out of it", () => db.Contacts.IgnoreQueryFilters().Where(c => c.Id == ana).ExecuteUpdateAsync(u => u.SetProperty(c => c.DeletedAt, (DateTime?)null), ct),
                n => n.Links.Find(ivy, ana)?.Kind == LinkKind.Introduced),
            ("an introducer cleared", () => edit.ExecuteAsync(Id(ivy), new App.Contacts.ContactChanges { IntroducedBy = "" }, ct: ct),
                n => n.Links.Find(ivy, ana)?.Kind != LinkKind.Introduced),
            ("an introducer deleted for good", () => db.Contacts.Where(c => c.Id == ivy).ExecuteDeleteAsync(ct),
                n => n.Links.Find(ben, ivy) is null && !n.ById.ContainsKey(ivy)),
        };
        foreach (var (what, write, holds) in steps)
        {
            await write();
            var network = await LoadAsync(db, ct);
            Assert.True(network.FromKeptInputs, what);
            Assert.True(network.PatchedWrites > 0, what);
            Assert.True(holds(network), what);
            Assert.Equal(KeptNetworks.Describe(await KeptNetworks.TablesAsync(db, Now, ct)), KeptNetworks.Describe(network));
        }
        Assert.Null(await db.Contacts.Where(c => c.Id == ben).Select(c => c.IntroducedById).SingleAsync(ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ASettingTheAggregatesDoNotDependOn_LeavesTheKeptInputsInUse_AndTheNetworkFollowsIt(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await KeptNetworks.DemoAsync(test, 120, 5, Clock, ct);
        await using var db = store.Open();
        Assert.False((await LoadAsync(db, ct)).FromKeptInputs);
        var before = KeptNetworks.Describe(await LoadAsync(db, ct));

        // Budgets and boundaries, cadences, ranks, labels, the ledger's window, the weights the aggregates leave out: each
        // applied as the network is completed, so the value kept before stays in use and the network is the tables'.
        (string Key, string Value)[] changes =
        [
            ("budget.touchpoints", "3"), ("quiet-days", "saturday,sunday"), ("cadence.inner", "7"), ("rank.inner", "2"), ("rank.close", "9"),
            ("label.strong", "0.35"), ("label.medium", "0.2"), ("dormant.days", "60"), ("ledger.years", "1"), ("weights.embeddedness", "0.4"),
            ("closeness.blend", "0.9"), ("reconnect.weight.peak", "0.9"), ("job-lead.peak-mutuals", "2"),
        ];
        foreach (var (key, value) in changes)
        {
            await NurtureSettingsStore.SetAsync(db, key, value, ct);
            var network = await LoadAsync(db, ct);
            Assert.True(network.FromKeptInputs, key);
            Assert.Equal(0, network.PatchedWrites);
            Assert.Equal(KeptNetworks.Describe(await KeptNetworks.TablesAsync(db, Now, ct)), KeptNetworks.Describe(network));
        }
        Assert.NotEqual(before, KeptNetworks.Describe(await LoadAsync(db, ct)));

        // A weight the aggregates are built with: the tables are read (the aggregates rebuilt first), then kept again.
        await NurtureSettingsStore.SetAsync(db, "weights.channel.call", "2.5", ct);
        Assert.False((await LoadAsync(db, ct)).FromKeptInputs);
        Assert.True((await LoadAsync(db, ct)).FromKeptInputs);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EveryTableTheInputsComeFrom_HasItsTriggers_AndAnyWriteToIt_IsPatchedOrHasTheTablesReadAgain(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await KeptNetworks.DemoAsync(test, 120, 2, Clock, ct);

        await using var db = store.Open();
        var sqlite = provider == "sqlite";
        // SQLite: a trigger per table and kind of write. PostgreSQL: per table, one per kind of write that notes its rows from
        // the statement's transition table, one for every statement that writes (to tidy once per transaction), and one on
        // TRUNCATE.
        var triggers = await db.Database.SqlQueryRaw<string>(sqlite
            ? """SELECT "tbl_name" || ' ' || substr("name", length("tbl_name") + 17) AS "Value" FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'InsightsInputs_%'"""
            : """SELECT c.relname || ' ' || t.tgtype AS "Value" FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname LIKE 'InsightsInputs_%'""").ToListAsync(ct);
        // tgtype: for each statement (bit 0 clear), after (bit 1 clear), on insert (4), delete (8), update (16), truncate (32).
        Assert.Equal(InputTables.SelectMany(t => sqlite ? new[] { $"{t} Insert", $"{t} Update", $"{t} Delete" } : [$"{t} 4", $"{t} 8", $"{t} 16", $"{t} 28", $"{t} 32"]).Order(StringComparer.Ordinal),
            triggers.Order(StringComparer.Ordinal));

        foreach (var table in InputTables)
        {
            await LoadAsync(db, ct);
            Assert.True((await LoadAsync(db, ct)).FromKeptInputs, table);
            // An update that changes nothing is still a write to the table. The table names are this test's own constants.
            var first = sqlite ? $"""rowid = (SELECT min(rowid) FROM "{table}")""" : $"""ctid = (SELECT min(ctid) FROM "{table}")""";
            var update = $"""UPDATE "{table}" SET "AccountId" = "AccountId" WHERE {first}""";
            Assert.Equal(1, await db.Database.ExecuteSqlRawAsync(update, ct));
            // Patched from the rows written.
            var next = await LoadAsync(db, ct);
            Assert.True(next.FromKeptInputs, table);
            // A link or an introduction is noted by each of its contacts (the demo's introduction names two), a participant
            // by its interaction and its contact.
            Assert.Equal(table is "ContactLinks" or "Introductions" or "InteractionParticipants" ? 2 : 1, next.PatchedWrites);
            Assert.Equal(KeptNetworks.Describe(await KeptNetworks.TablesAsync(db, Now, ct)), KeptNetworks.Describe(next));
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "InsightsInputs" """, ct);
        }
    }

    [Fact]
    public async Task PostgreSql_AWriteStillRunningWhenTheLoadBegan_IsPatchedInOnceItCommits()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync("postgres");
        var store = await KeptNetworks.DemoAsync(test, 60, 6, Clock, ct);
        await using var db = store.Open();
        await using var writer = store.Open();

        // A write that has not committed when the load begins: the load cannot see it.
        await using var tx = await writer.Database.BeginTransactionAsync(ct);
        await writer.Database.ExecuteSqlRawAsync("""UPDATE "Contacts" SET "Company" = 'Elsewhere' WHERE "Id" = (SELECT min("Id") FROM "Contacts")""", ct);
        var network = await LoadAsync(db, ct);
        Assert.False(network.FromKeptInputs);
        Assert.NotEqual("Elsewhere", network.Contacts[0].Company);
        // Kept, and good while the write is still running: nothing committed is missing from them.
        Assert.True((await LoadAsync(db, ct)).FromKeptInputs);
        await tx.CommitAsync(ct);
        // Its rows are noted, and missing from the kept snapshot: the next load patches them in.
        var after = await LoadAsync(db, ct);
        Assert.True(after.FromKeptInputs);
        Assert.Equal(1, after.PatchedWrites);
        Assert.Equal("Elsewhere", after.Contacts[0].Company);
        Assert.Equal(KeptNetworks.Describe(await KeptNetworks.TablesAsync(db, Now, ct)), KeptNetworks.Describe(after));
        // Once the inputs are kept afresh, only the notes some kept snapshot still needs are left: none.
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "InsightsInputs" """, ct);
        Assert.False((await LoadAsync(db, ct)).FromKeptInputs);
        Assert.Equal(0, await CountAsync(db, "InsightsInputsChanges", ct));
        Assert.True(await CountAsync(db, "InsightsInputsWrites", ct) <= 1);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task WritesAsTheProgramMakesThem_ShowInTheNextLoad(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await KeptNetworks.DemoAsync(test, 120, 3, Clock, ct);
        await using var db = store.Open();
        await LoadAsync(db, ct);
        var before = await LoadAsync(db, ct);
        Assert.True(before.FromKeptInputs);

        // A new contact met today, a give to an old one, a contact moved to another company.
        var zoe = new Contact("Zoë Zimmer", Now);
        db.Contacts.Add(zoe);
        await db.SaveChangesAsync(ct);
        // Logged as the command line and the web app log it (the aggregates are written with it).
        await new App.Interactions.LogInteraction(db, Clock).ExecuteAsync(new App.Interactions.LogRequest(zoe.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "in-person"), ct);
        var after = await LoadAsync(db, ct);
        Assert.True(after.FromKeptInputs);
        Assert.Equal(KeptNetworks.Describe(await KeptNetworks.TablesAsync(db, Now, ct)), KeptNetworks.Describe(after));
        Assert.Equal(before.Contacts.Count + 1, after.Contacts.Count);
        Assert.NotNull(after.ById[zoe.Id].LastTouch);
        Assert.True(after.ById[zoe.Id].Strength > 0);

        var old = before.Contacts.First(c => c.Gives == 0);
        db.Exchanges.Add(new Exchange(old.Id, ExchangeDirection.Give, ExchangeKind.Advice, ExchangeStatus.Done, DateOnly.FromDateTime(Now)));
        await db.SaveChangesAsync(ct);
        var given = await LoadAsync(db, ct);
        Assert.True(given.FromKeptInputs);
        Assert.Equal(1, given.ById[old.Id].Gives);

        var moved = await db.Contacts.FirstAsync(c => c.Id == old.Id, ct);
        moved.Company = "Somewhere Else GmbH";
        await db.SaveChangesAsync(ct);
        var last = await LoadAsync(db, ct);
        Assert.True(last.FromKeptInputs);
        Assert.Equal("Somewhere Else GmbH", last.ById[old.Id].Company);
        Assert.Equal(KeptNetworks.Describe(await KeptNetworks.TablesAsync(db, Now, ct)), KeptNetworks.Describe(last));
    }

    /// <summary>Each provider, with the notes adding up over the writes, or the inputs kept again by every load that patched them.</summary>
    public static readonly TheoryData<string, bool> ProvidersKeptAgainOrNot = new() { { "sqlite", false }, { "sqlite", true }, { "postgres", false }, { "postgres", true } };

    [Theory]
    [MemberData(nameof(ProvidersKeptAgainOrNot))]
    public async Task WritesALoadCanPatch_BringTheKeptInputsUpToDate_AndGiveTheNetworkOfTheTables(string provider, bool keptAgain)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await KeptNetworks.DemoAsync(test, 300, 9, Clock, ct);
        await using var db = store.Open();
        var trashed = await db.Contacts.OrderByDescending(c => c.Id).Select(c => c.Id).FirstAsync(ct);
        await db.Database.ExecuteSqlRawAsync("""UPDATE "Contacts" SET "DeletedAt" = '2026-11-01 08:00:00' WHERE "Id" = {0}""", [trashed], ct);
        // A small meeting before the inputs are kept (the demo has none), for a contact who leaves and comes back below.
        var met = await db.Contacts.OrderBy(c => c.Id).Skip(5).Take(3).Select(c => c.Id).ToArrayAsync(ct);
        await db.ContactLinks.Where(l => met.Contains(l.ContactAId) && met.Contains(l.ContactBId)).ExecuteDeleteAsync(ct);
        await App.Interactions.InteractionWriter.AddAsync(db, [new Interaction(Now.AddDays(-30), Channel.InPerson, Direction.Mutual, InteractionSource.Manual, met)], ct);
        var meeting = await db.Interactions.MaxAsync(i => i.Id, ct);
        // Two contacts in the trash when the inputs are kept, to come back below: one of that meeting, one who went to an
        // event small enough to link its attendees.
        var first = await KeptNetworks.TablesAsync(db, Now, ct);
        var meeter = Pair(first, k => first.Links[k].Evidence is { Meetings: > 0 } e && met.Contains(e.Pair.A) && met.Contains(e.Pair.B))[0];
        var attendee = Pair(first, k => first.Links[k].Evidence is { Events: > 0 } e && e.Pair.A != meeter && e.Pair.B != meeter)[0];
        await TrashAsync(meeter, true);
        await TrashAsync(attendee, true);
        await LoadAsync(db, ct);
        var before = await LoadAsync(db, ct);
        Assert.True(before.FromKeptInputs);
        var sqlite = provider == "sqlite";
        var untouched = before.Contacts.First(c => c.LastTouch is null);
        var touched = before.Contacts.Where(c => c.LastTouch is not null).OrderBy(c => c.Strength).First();
        var second = before.Contacts.First(c => c.Id != touched.Id && c.Id != untouched.Id);
        var toldPair = Pair(before, k => !before.Links.IsInferred(k));
        var inferredPair = Pair(before, k => before.Links.FromOccasions(k));
        Task TrashAsync(long id, bool trash) => db.Contacts.IgnoreQueryFilters().Where(c => c.Id == id).ExecuteUpdateAsync(u => u.SetProperty(c => c.DeletedAt, trash ? Now : null), ct);
        async Task<long> IdOfAsync(string name) => await db.Contacts.Where(c => c.DisplayName == name).Select(c => c.Id).SingleAsync(ct);

        long novaId = 0;
        // Each write as the program makes it, then a load: patched on SQLite (the notes add up), and always the tables' network.
        var steps = new (string What, Func<Task> Write)[]
        {
            ("a contact edited", async () =>
            {
                var c = await db.Contacts.FirstAsync(x => x.Id == touched.Id, ct);
                c.Company = "Patchwork Ltd";
                c.Title = "Head of Quilts";
                c.SetTrust(c.Trust == 3 ? 0 : 3);
                await db.SaveChangesAsync(ct);
            }),
            ("categories changed", async () =>
            {
                var c = await db.Contacts.Include(x => x.Categories).FirstAsync(x => x.Id == untouched.Id, ct);
                c.SetCategories(["mentor", "alumni"]);
                await db.SaveChangesAsync(ct);
            }),
            ("an interaction logged with one contact", () => new App.Interactions.LogInteraction(db, Clock)
                .ExecuteAsync(new App.Interactions.LogRequest(Id(touched.Id), "call"), ct)),
            ("the first interaction with a contact, a year ago", () => new App.Interactions.LogInteraction(db, Clock)
                .ExecuteAsync(new App.Interactions.LogRequest(Id(untouched.Id), "in-person") { Date = "2025-11-03" }, ct)),
            ("an interaction still to come", () => App.Interactions.InteractionWriter.AddAsync(db,
                [new Interaction(Now.AddDays(3), Channel.Video, Direction.Out, InteractionSource.Manual, [touched.Id])], ct)),
            ("a give recorded", async () =>
            {
                db.Exchanges.Add(new Exchange(untouched.Id, ExchangeDirection.Give, ExchangeKind.Introduction, ExchangeStatus.Done, DateOnly.FromDateTime(Now)));
                await db.SaveChangesAsync(ct);
            }),
            ("a contact in the trash edited", () => db.Database.ExecuteSqlRawAsync("""UPDATE "Contacts" SET "Title" = 'Gone' WHERE "Id" = {0}""", [trashed], ct)),
            ("a contact added, with categories, a call and an ask", async () =>
            {
                var nova = new Contact("Nova Newcomb", Now);
                nova.SetCategories(["peer"]);
                db.Contacts.Add(nova);
                await db.SaveChangesAsync(ct);
                await new App.Interactions.LogInteraction(db, Clock).ExecuteAsync(new App.Interactions.LogRequest(Id(nova.Id), "call"), ct);
                db.Exchanges.Add(new Exchange(nova.Id, ExchangeDirection.Ask, ExchangeKind.Advice, ExchangeStatus.Done, DateOnly.FromDateTime(Now)));
                await db.SaveChangesAsync(ct);
            }),
            ("another contact added, alone", async () =>
            {
                db.Contacts.Add(new Contact("Otto Onlyone", Now));
                await db.SaveChangesAsync(ct);
            }),
            // Meetings infer links: one more meeting for a pair inferred already, a pair you told (left as it is), and
            // pairs not linked yet (one of them with a contact just added).
            ("a meeting of a pair inferred already", () => MeetAsync(inferredPair)),
            ("a meeting of a pair you told", () => MeetAsync(toldPair)),
            ("a meeting of three, one just added", async () =>
            {
                var nova = await db.Contacts.Where(c => c.DisplayName == "Nova Newcomb").Select(c => c.Id).SingleAsync(ct);
                await MeetAsync([touched.Id, untouched.Id, nova]);
            }),
            ("two meetings of the same two, and a crowd too big to link anyone", async () =>
            {
                await MeetAsync([touched.Id, untouched.Id]);
                await MeetAsync([touched.Id, untouched.Id]);
                await MeetAsync([.. before.Contacts.Take(Domain.Insights.InsightSettings.Default.MaxParticipantsForMeetingLinks + 1).Select(c => c.Id)]);
            }),
            // Who is in the network: a contact taken out of the trash brings back its touches, links and occasions, read again.
            ("the two in the trash when the inputs were kept, taken out of it", async () =>
            {
                await TrashAsync(meeter, false);
                await TrashAsync(attendee, false);
            }),
            // Links told and introductions: the pairs of each contact written are settled again, and a pair told no longer
            // is inferred from its occasions, or loses its link.
            ("links entered: over a pair inferred, to a contact just added, and to one in the trash", async () =>
            {
                var link = new App.Contacts.LinkContacts(db, Clock);
                await link.ExecuteAsync(Id(inferredPair[0]), Id(inferredPair[1]), "friend", 0.7, ct);
                await link.ExecuteAsync(Id(await IdOfAsync("Nova Newcomb")), Id(second.Id), null, null, ct);
                db.ContactLinks.Add(new ContactLink(touched.Id, trashed, LinkKind.Colleague, 0.5, false, Now));
                await db.SaveChangesAsync(ct);
            }),
            ("a link's strength changed, a weaker one stored the other way round, and one imported", async () =>
            {
                await new App.Contacts.LinkContacts(db, Clock).ExecuteAsync(Id(inferredPair[1]), Id(inferredPair[0]), "colleague", 0.9, ct);
                // The program stores a pair smaller id first; another writer might not.
                await db.Database.ExecuteSqlRawAsync("""
                    INSERT INTO "ContactLinks" ("AccountId", "ContactAId", "ContactBId", "Kind", "Strength", "Inferred", "CreatedAt")
                    SELECT "AccountId", {0}, {1}, 'Other', 0.2, {2}, {3} FROM "Contacts" WHERE "Id" = {0}
                    """, [inferredPair[1], inferredPair[0], false, Now], ct);
                db.ContactLinks.Add(new ContactLink(await IdOfAsync("Otto Onlyone"), touched.Id, LinkKind.Colleague, 0.3, true, Now));
                await db.SaveChangesAsync(ct);
            }),
            ("the links and introductions of a pair you told, who met since, removed: inferred from the meeting", async () =>
            {
                var (a, b) = (toldPair[0], toldPair[1]);
                await db.ContactLinks.Where(l => (l.ContactAId == a && l.ContactBId == b) || (l.ContactAId == b && l.ContactBId == a)).ExecuteDeleteAsync(ct);
                await db.Introductions.Where(i => (i.IntroducerId == a || i.PersonAId == a || i.PersonBId == a) && (i.IntroducerId == b || i.PersonAId == b || i.PersonBId == b)).ExecuteDeleteAsync(ct);
            }),
            ("a link with nothing else behind it removed: it goes", async () =>
            {
                var nova = await IdOfAsync("Nova Newcomb");
                await db.ContactLinks.Where(l => l.ContactAId == nova || l.ContactBId == nova).ExecuteDeleteAsync(ct);
            }),
            ("an introduction logged, of three people", async () =>
            {
                db.Introductions.Add(new Introduction(untouched.Id, second.Id, await IdOfAsync("Otto Onlyone"), DateOnly.FromDateTime(Now)));
                await db.SaveChangesAsync(ct);
            }),
            ("an introduction's person changed, and another removed", async () =>
            {
                var otto = await IdOfAsync("Otto Onlyone");
                await db.Database.ExecuteSqlRawAsync("""UPDATE "Introductions" SET "PersonBId" = {0} WHERE "PersonBId" = {1}""", [touched.Id, otto], ct);
                await db.Introductions.Where(i => i.IntroducerId != untouched.Id).OrderBy(i => i.Id).Take(1).ExecuteDeleteAsync(ct);
            }),
            // Who introduced you to a contact links the two, as a logged introduction does.
            ("a contact added, introduced by another (rapport contact add --introduced-by)", () => new App.Contacts.CreateContact(db, Clock)
                .ExecuteAsync(new App.Contacts.ContactChanges { Name = "Ivy Introduced", IntroducedBy = Id(second.Id) }, ct)),
            ("who introduced you to an older contact set, as rapport contact edit does", () => new App.Contacts.EditContact(db, Clock)
                .ExecuteAsync(Id(touched.Id), new App.Contacts.ContactChanges { IntroducedBy = Id(second.Id) }, ct: ct)),
            ("that introducer changed to one deleted for good below, and another contact's introducer cleared", async () =>
            {
                await new App.Contacts.EditContact(db, Clock).ExecuteAsync(Id(touched.Id), new App.Contacts.ContactChanges { IntroducedBy = Id(await IdOfAsync("Otto Onlyone")) }, ct: ct);
                await new App.Contacts.EditContact(db, Clock).ExecuteAsync(Id(await IdOfAsync("Ivy Introduced")), new App.Contacts.ContactChanges { IntroducedBy = "" }, ct: ct);
                await new App.Contacts.EditContact(db, Clock).ExecuteAsync(Id(await IdOfAsync("Nova Newcomb")), new App.Contacts.ContactChanges { IntroducedBy = Id(second.Id) }, ct: ct);
            }),
            // Organizations and events: the links they infer gain and lose colleagues and events.
            ("a new organization with three members, two at the same time", async () =>
            {
                var guild = new Organization("Quilters' Guild", OrganizationKind.Association);
                db.Organizations.Add(guild);
                await db.SaveChangesAsync(ct);
                var add = new App.Organizations.AddMembership(db);
                await add.ExecuteAsync(guild.Id, Id(touched.Id), "member", null, "2020-01-01", null, ct);
                await add.ExecuteAsync(guild.Id, Id(untouched.Id), "member", null, "2021-06-01", "2022-06-01", ct);
                await add.ExecuteAsync(guild.Id, Id(second.Id), "member", null, "2010-01-01", "2012-01-01", ct);
            }),
            ("a membership ended before the other began, and one of an old organization removed", async () =>
            {
                await db.Memberships.Where(m => m.ContactId == untouched.Id && m.EndedOn == new DateOnly(2022, 6, 1)).ExecuteUpdateAsync(u => u.SetProperty(m => m.StartedOn, new DateOnly(2015, 1, 1)).SetProperty(m => m.EndedOn, new DateOnly(2016, 1, 1)), ct);
                var busy = await db.Memberships.GroupBy(m => m.OrganizationId).Where(g => g.Count() >= 2 && g.Count() <= 6).Select(g => g.Key).FirstAsync(ct);
                await db.Memberships.Where(m => m.OrganizationId == busy).OrderBy(m => m.Id).Take(1).ExecuteDeleteAsync(ct);
            }),
            ("an organization renamed", () => db.Organizations.OrderBy(o => o.Id).Take(1).ExecuteUpdateAsync(u => u.SetProperty(o => o.Name, "Renamed Co"), ct)),
            ("attendees added to an event, one met there, and one taken off another", async () =>
            {
                var small = await db.Events.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync(ct);
                var attend = new App.Events.AddAttendee(db);
                await attend.ExecuteAsync(small, Id(touched.Id), met: false, ct);
                await attend.ExecuteAsync(small, Id(second.Id), met: true, ct);
                var other = await db.Attendances.Where(a => a.EventId != small).OrderBy(a => a.Id).FirstAsync(ct);
                db.Attendances.Remove(other);
                await db.SaveChangesAsync(ct);
            }),
            ("where a contact met you changed", () => db.Database.ExecuteSqlRawAsync("""UPDATE "Contacts" SET "MetAtEventId" = (SELECT max("Id") FROM "Events") WHERE "Id" = {0}""", [untouched.Id], ct)),
            ("an event put in the trash, and another's cost changed", async () =>
            {
                await db.Events.OrderByDescending(e => e.Id).Take(1).ExecuteUpdateAsync(u => u.SetProperty(e => e.DeletedAt, Now), ct);
                await db.Events.OrderBy(e => e.Id).Take(1).ExecuteUpdateAsync(u => u.SetProperty(e => e.Cost, 99m), ct);
            }),
            // Interactions among those read, edited: the touches of everyone in them read again, their meetings counted again.
            ("an older interaction's channel changed", () => db.Database.ExecuteSqlRawAsync("""UPDATE "Interactions" SET "Channel" = 'Email' WHERE "Id" = (SELECT min("Id") FROM "Interactions")""", ct)),
            ("the meeting kept before, moved a week and joined by one more", async () =>
            {
                await db.Database.ExecuteSqlRawAsync("""UPDATE "Interactions" SET "OccurredAt" = {0} WHERE "Id" = {1}""", [Now.AddDays(-37), meeting], ct);
                await db.Database.ExecuteSqlRawAsync("""
                    INSERT INTO "InteractionParticipants" ("AccountId", "InteractionId", "ContactId")
                    SELECT "AccountId", "Id", {0} FROM "Interactions" WHERE "Id" = {1}
                    """, [touched.Id, meeting], ct);
            }),
            ("one taken off that meeting", async () =>
            {
                Assert.Equal(1, await db.Database.ExecuteSqlRawAsync("""DELETE FROM "InteractionParticipants" WHERE "InteractionId" = {0} AND "ContactId" = {1}""", [meeting, met[2]], ct));
            }),
            ("the only one taken off an interaction over a year old, their only one then", async () =>
            {
                // Gone from the tables: only the note of the participant's contact says whose touches to read again.
                var then = await db.Interactions.Where(i => i.OccurredAt < Now.AddDays(-365) && i.DeletedAt == null).Select(i => i.Id).ToListAsync(ct);
                var rows = await db.InteractionParticipants.Where(p => then.Contains(p.InteractionId)).Select(p => new { p.InteractionId, p.ContactId }).ToListAsync(ct);
                var alone = rows.GroupBy(r => r.InteractionId).Where(g => g.Count() == 1).Select(g => g.Single())
                    .First(r => rows.Count(o => o.ContactId == r.ContactId) == 1 && before.ById.ContainsKey(r.ContactId));
                await db.Database.ExecuteSqlRawAsync("""DELETE FROM "InteractionParticipants" WHERE "InteractionId" = {0}""", [alone.InteractionId], ct);
            }),
            ("an older interaction put in the trash, as the Person page does", async () =>
            {
                var old = await db.InteractionParticipants.Where(p => p.ContactId == second.Id).Select(p => p.InteractionId).MinAsync(ct);
                await new App.Trash.TrashBin(db, Clock).DeleteAsync(App.Trash.TrashKind.Interaction, old, ct);
            }),
            // Who is in the network: a contact put in the trash takes its links, touches and occasions with it (and a crowd
            // it was in may become small enough to link); one taken out of it brings them back, read again.
            ("a contact with links, memberships, attendances and meetings put in the trash", () => TrashAsync(second.Id, true)),
            ("a contact trashed before the inputs were kept, taken out of the trash", () => TrashAsync(trashed, false)),
            ("one put in the trash and another taken out of it, then a meeting of the two with a third", async () =>
            {
                await TrashAsync(second.Id, false);
                await TrashAsync(untouched.Id, true);
                await MeetAsync([second.Id, trashed, touched.Id]);
            }),
            ("a contact deleted for good", () => db.Contacts.Where(c => c.DisplayName == "Otto Onlyone").ExecuteDeleteAsync(ct)),
            ("a contact taken out of the trash, with a link, an ask and an attendance written while in it", async () =>
            {
                db.ContactLinks.Add(new ContactLink(untouched.Id, await IdOfAsync("Nova Newcomb"), LinkKind.Family, 1.0, false, Now));
                db.Exchanges.Add(new Exchange(untouched.Id, ExchangeDirection.Ask, ExchangeKind.Referral, ExchangeStatus.Done, DateOnly.FromDateTime(Now)));
                db.Attendances.Add(new Domain.Events.Attendance(await db.Events.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync(ct), untouched.Id, met: true));
                await db.SaveChangesAsync(ct);
                await TrashAsync(untouched.Id, false);
            }),
            // A contact added since the inputs were first kept (kept again since, it is one they hold, with its history).
            ("a contact added since, with a call, put in the trash", async () => await TrashAsync(novaId = await IdOfAsync("Nova Newcomb"), true)),
            ("and taken out of it", () => TrashAsync(novaId, false)),
        };
        Task MeetAsync(long[] people) => App.Interactions.InteractionWriter.AddAsync(db,
            [new Interaction(Now.AddHours(-2), Channel.InPerson, Direction.Mutual, InteractionSource.Manual, people)], ct);
        // Kept again by every load that patched them (then the next load patches the rows of one write only), or never.
        var keepAgainFrom = keptAgain ? 1 : int.MaxValue;
        foreach (var (what, write) in steps)
        {
            await write();
            var network = await InsightsNetwork.LoadAsync(db, Now, ct, keepAgainFrom: keepAgainFrom);
            // Patched, on either provider, from every row noted since the value was kept (each row once).
            Assert.True(network.FromKeptInputs, what);
            Assert.True(network.PatchedWrites > 0, what);
            Assert.Equal(keptAgain, network.KeptAgain);
            Assert.Equal(KeptNetworks.Describe(await KeptNetworks.TablesAsync(db, Now, ct)), KeptNetworks.Describe(network));
            // Forty days on.
            var later = await InsightsNetwork.LoadAsync(db, Now.AddDays(40), ct, keepAgainFrom: keepAgainFrom);
            Assert.True(later.FromKeptInputs, what);
            Assert.Equal(keptAgain, later.PatchedWrites == 0);
            Assert.Equal(KeptNetworks.Describe(await KeptNetworks.TablesAsync(db, Now.AddDays(40), ct)), KeptNetworks.Describe(later));
        }
        var after = await LoadAsync(db, ct);
        Assert.Equal("Patchwork Ltd", after.ById[touched.Id].Company);
        // Introduced by: Nova and the contact who introduced you link; the introducer deleted for good left none.
        var introducedBy = after.Links.Find(await IdOfAsync("Nova Newcomb"), second.Id);
        Assert.Equal((LinkKind.Introduced, false), (introducedBy?.Kind, introducedBy?.Inferred));
        Assert.Null(await db.Contacts.Where(c => c.Id == touched.Id).Select(c => c.IntroducedById).SingleAsync(ct));
        // The pair told until its links went is inferred from the meeting logged before.
        Assert.True(after.Links.Find(toldPair[0], toldPair[1])?.Evidence?.Meetings >= 1);

        // A setting the aggregates depend on: the next load rebuilds the aggregates before it sets its mark, reads the tables
        // and keeps what it read, so the load after it reads what was kept.
        await NurtureSettingsStore.SetAsync(db, "half-life.days", "75", ct);
        var stamp = Domain.Nurture.ContactStats.Stamp(await NurtureSettingsStore.LoadAsync(db, ct));
        Assert.True(await db.ContactStats.AnyAsync(s => s.SettingsStamp != stamp, ct));
        var rebuilt = await LoadAsync(db, ct);
        Assert.False(rebuilt.FromKeptInputs);
        Assert.False(await db.ContactStats.AnyAsync(s => s.SettingsStamp != stamp || s.NeedsRecompute, ct));
        Assert.Equal(KeptNetworks.Describe(await KeptNetworks.TablesAsync(db, Now, ct)), KeptNetworks.Describe(rebuilt));
        Assert.Equal(0, await CountAsync(db, "InsightsInputsChanges", ct));
        var kept = await LoadAsync(db, ct);
        Assert.True(kept.FromKeptInputs);
        Assert.Equal(0, kept.PatchedWrites);
        Assert.Equal(KeptNetworks.Describe(rebuilt), KeptNetworks.Describe(kept));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnInteractionWrittenWithoutAggregates_IntoAKeptNetworkWithNone_HasTheTablesReadAndTheAggregatesBuilt(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(Clock);
        await using var db = store.Open();
        var ada = new Contact("Ada Alone", Now.AddDays(-30));
        db.Contacts.Add(ada);
        await db.SaveChangesAsync(ct);
        Assert.False((await LoadAsync(db, ct)).FromKeptInputs);
        Assert.True((await LoadAsync(db, ct)).FromKeptInputs);

        // Written straight, as a bulk write or a restore might, with no aggregates: a read of the tables builds them.
        db.Interactions.Add(new Interaction(Now.AddDays(-2), Channel.Call, Direction.Out, InteractionSource.Manual, [ada.Id]));
        await db.SaveChangesAsync(ct);
        var network = await LoadAsync(db, ct);
        Assert.False(network.FromKeptInputs);
        Assert.NotNull(network.ById[ada.Id].LastTouch);
        Assert.Equal(KeptNetworks.Describe(await KeptNetworks.TablesAsync(db, Now, ct)), KeptNetworks.Describe(network));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnEventDeleted_WhereAContactEditedSinceSaysTheyMetYou_IsDeletedAndPatched(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await KeptNetworks.DemoAsync(test, 120, 21, Clock, ct);
        await using var db = store.Open();
        var ev = await db.Events.OrderByDescending(e => e.Id).Select(e => e.Id).FirstAsync(ct);
        await db.Database.ExecuteSqlRawAsync("""UPDATE "Interactions" SET "EventId" = NULL""", ct);
        await LoadAsync(db, ct);
        Assert.True((await LoadAsync(db, ct)).FromKeptInputs);
        var contact = await db.Contacts.OrderBy(c => c.Id).FirstAsync(c => c.DeletedAt == null, ct);
        contact.MetAtEventId = ev;
        await db.SaveChangesAsync(ct);

        // The delete sets the contact's MetAtEventId to null: a second write of a row already noted, which must not fail.
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "Events" WHERE "Id" = {0}""", [ev], ct);
        var network = await LoadAsync(db, ct);
        Assert.True(network.FromKeptInputs);
        Assert.Null(network.ById[contact.Id].MetAtEventId);
        Assert.Equal(KeptNetworks.Describe(await KeptNetworks.TablesAsync(db, Now, ct)), KeptNetworks.Describe(network));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnOrganizationDeleted_ThatOrganizedAnEventEditedSince_IsDeletedAndPatched(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await KeptNetworks.DemoAsync(test, 120, 22, Clock, ct);
        await using var db = store.Open();
        var org = await db.Organizations.OrderByDescending(o => o.Id).Select(o => o.Id).FirstAsync(ct);
        await LoadAsync(db, ct);
        Assert.True((await LoadAsync(db, ct)).FromKeptInputs);
        var ev = await db.Events.OrderBy(e => e.Id).FirstAsync(ct);
        ev.OrganizerId = org;
        await db.SaveChangesAsync(ct);

        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "Organizations" WHERE "Id" = {0}""", [org], ct);
        var network = await LoadAsync(db, ct);
        Assert.True(network.FromKeptInputs);
        Assert.Null(network.Events.Single(e => e.Id == ev.Id).OrganizerId);
        Assert.Equal(KeptNetworks.Describe(await KeptNetworks.TablesAsync(db, Now, ct)), KeptNetworks.Describe(network));
    }

    [Fact]
    public async Task Sqlite_ManyWritesAfterTheInputsWereKept_NoteEachRowOnce_AndPastTheLimitTheTablesAreRead_UnlessKeptAgainBefore()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync("sqlite");
        var store = await KeptNetworks.DemoAsync(test, 60, 10, Clock, ct);
        await using var db = store.Open();
        await LoadAsync(db, ct);
        const string touch = """UPDATE "Contacts" SET "Trust" = "Trust" WHERE "Id" = (SELECT min("Id") FROM "Contacts")""";
        for (var i = 0; i < 1_999; i++) await db.Database.ExecuteSqlRawAsync(touch, ct);
        Assert.Equal(1, await CountAsync(db, "InsightsInputsChanges", ct));
        // Loads that never keep the value again (none does below 250 writes).
        Task<InsightsNetwork> NotAgainAsync() => InsightsNetwork.LoadAsync(db, Now, ct, keepAgainFrom: int.MaxValue);
        var patched = await NotAgainAsync();
        Assert.True(patched.FromKeptInputs);
        Assert.Equal(1, patched.PatchedWrites);

        // The 2,001st write since the value was kept drops its mark.
        await db.Database.ExecuteSqlRawAsync(touch, ct);
        Assert.True((await NotAgainAsync()).FromKeptInputs);
        await db.Database.ExecuteSqlRawAsync(touch, ct);
        Assert.False((await NotAgainAsync()).FromKeptInputs);
        Assert.Equal(0, await CountAsync(db, "InsightsInputsChanges", ct));
        Assert.True((await NotAgainAsync()).FromKeptInputs);

        // A load as the commands make it keeps the value again once patched from 250 writes or more: the count starts
        // over, so 2,000 writes more are patched too.
        for (var i = 0; i < InsightsNetwork.KeepAgainFrom - 1; i++) await db.Database.ExecuteSqlRawAsync(touch, ct);
        Assert.Equal(1, (await LoadAsync(db, ct)).PatchedWrites);
        Assert.Equal(InsightsNetwork.KeepAgainFrom - 1, await db.Database.SqlQueryRaw<long>("""SELECT "Writes" AS "Value" FROM "InsightsInputsMarks" """).SingleAsync(ct));
        await db.Database.ExecuteSqlRawAsync(touch, ct);
        var keptAgain = await LoadAsync(db, ct);
        Assert.Equal((1, true), (keptAgain.PatchedWrites, keptAgain.KeptAgain));
        Assert.Equal(0, await CountAsync(db, "InsightsInputsChanges", ct));
        for (var i = 0; i < 2_000; i++) await db.Database.ExecuteSqlRawAsync(touch, ct);
        var again = await LoadAsync(db, ct);
        Assert.True(again.FromKeptInputs);
        Assert.Equal(1, again.PatchedWrites);
        Assert.Equal(KeptNetworks.Describe(await KeptNetworks.TablesAsync(db, Now, ct)), KeptNetworks.Describe(again));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AWriteDuringTheLoad_KeepsNothing_AndOtherSettingsOrADamagedValue_ReadTheTables(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await KeptNetworks.DemoAsync(test, 60, 4, Clock, ct);
        await using var db = store.Open();

        // Marked, then a write before the save: the save is refused.
        var token = await StoredInputs.BeginAsync(db, ct);
        Assert.NotNull(token);
        await db.Database.ExecuteSqlRawAsync("""UPDATE "Contacts" SET "Trust" = "Trust" WHERE "Id" = (SELECT min("Id") FROM "Contacts")""", ct);
        Assert.False(await StoredInputs.SaveAsync(db, token!, "k", [1, 2, 3], Now, ct));
        Assert.Null(await ReadStoredAsync(db, "k", ct));
        // Marked and saved with nothing in between: read back under its key only.
        token = await StoredInputs.BeginAsync(db, ct);
        Assert.True(await StoredInputs.SaveAsync(db, token!, "k", [1, 2, 3], Now, ct));
        Assert.Equal([1, 2, 3], await ReadStoredAsync(db, "k", ct));
        Assert.Null(await ReadStoredAsync(db, "other", ct));
        // A second reader's mark replaces the first: only the later one may save.
        var one = await StoredInputs.BeginAsync(db, ct);
        var two = await StoredInputs.BeginAsync(db, ct);
        Assert.False(await StoredInputs.SaveAsync(db, one!, "k", [4], Now, ct));
        Assert.True(await StoredInputs.SaveAsync(db, two!, "k", [5], Now, ct));

        // Inside a transaction nothing is kept (its writes are not committed).
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            Assert.Null(await StoredInputs.BeginAsync(db, ct));
            Assert.False((await InsightsNetwork.LoadAsync(db, Now, ct)).FromKeptInputs);
        }

        var expected = KeptNetworks.Describe(await InsightsNetwork.LoadAsync(db, Now, ct));
        Assert.True((await LoadAsync(db, ct)).FromKeptInputs);
        // Other nurture settings: the aggregates and the key differ, the tables are read.
        await NurtureSettingsStore.SetAsync(db, "half-life.days", "60", ct);
        Assert.False((await LoadAsync(db, ct)).FromKeptInputs);
        // Back: the first load rebuilds the aggregates before its mark and keeps what it reads, the second reads that.
        await NurtureSettingsStore.SetAsync(db, "half-life.days", Domain.Nurture.NurtureSettings.Default.Get("half-life.days"), ct);
        Assert.False((await LoadAsync(db, ct)).FromKeptInputs);
        Assert.True((await LoadAsync(db, ct)).FromKeptInputs);
        // Other insight settings: the key differs.
        Assert.False((await InsightsNetwork.LoadAsync(db, Now, ct, Domain.Insights.InsightSettings.Default with { MaxParticipantsForMeetingLinks = 3 }, keepInputs: false)).FromKeptInputs);

        // A damaged value (the same mark, other bytes) is not used: the tables give the same network.
        await db.Database.ExecuteSqlRawAsync(provider == "sqlite"
            ? """UPDATE "InsightsInputs" SET "Data" = substr("Data", 1, length("Data") / 2)"""
            : """UPDATE "InsightsInputs" SET "Data" = substring("Data" from 1 for length("Data") / 2)""", ct);
        var damaged = await LoadAsync(db, ct);
        Assert.False(damaged.FromKeptInputs);
        Assert.Equal(expected, KeptNetworks.Describe(damaged));
        // So is one with a single byte changed (its length, its shape and its mark intact), and one of nonsense that
        // announces two billion contacts.
        Assert.True((await LoadAsync(db, ct)).FromKeptInputs);
        var data = await db.Database.SqlQueryRaw<byte[]>("""SELECT "Data" AS "Value" FROM "InsightsInputs" """).SingleAsync(ct);
        data[data.Length / 2] ^= 0x01;
        await db.Database.ExecuteSqlRawAsync("""UPDATE "InsightsInputs" SET "Data" = {0}""", [data], ct);
        var flipped = await LoadAsync(db, ct);
        Assert.False(flipped.FromKeptInputs);
        Assert.Equal(expected, KeptNetworks.Describe(flipped));
        Assert.True((await LoadAsync(db, ct)).FromKeptInputs);
        await db.Database.ExecuteSqlRawAsync("""UPDATE "InsightsInputs" SET "Data" = {0}""", [new byte[] { 1, 0, 0, 0, 0xF0, 0xFF, 0xFF, 0x7F }], ct);
        Assert.False((await LoadAsync(db, ct)).FromKeptInputs);
    }

    [Fact]
    public async Task Sqlite_AReadWhileAnotherWriterHoldsTheDatabase_DoesNotWaitForIt_AndKeepsNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync("sqlite");
        var store = await KeptNetworks.DemoAsync(test, 60, 7, Clock, ct);
        await using var db = store.Open();
        await using var writer = store.Open();

        // Connections wait up to 10 s for a lock; a read that only wants to keep its inputs waits about one.
        await using (var tx = await writer.Database.BeginTransactionAsync(ct))
        {
            await writer.Database.ExecuteSqlRawAsync("""UPDATE "Contacts" SET "Trust" = "Trust" WHERE "Id" = (SELECT min("Id") FROM "Contacts")""", ct);
            var started = System.Diagnostics.Stopwatch.StartNew();
            var network = await LoadAsync(db, ct);
            Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), $"the load waited {started.Elapsed}");
            Assert.False(network.FromKeptInputs);
            Assert.NotEmpty(network.Contacts);
        }
        Assert.Equal(0, await CountAsync(db, "InsightsInputs", ct));
        // The connection's own wait is back as it was.
        Assert.Equal(10_000, await db.Database.SqlQueryRaw<int>("""SELECT "timeout" AS "Value" FROM pragma_busy_timeout""").SingleAsync(ct));
    }

    [Fact]
    public async Task PostgreSql_AValueFromAnotherServer_IsNotUsed_AndNotesDoNotPileUpPastTheLimit()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync("postgres");
        var store = await KeptNetworks.DemoAsync(test, 60, 8, Clock, ct);
        await using var db = store.Open();
        await LoadAsync(db, ct);
        Assert.True((await LoadAsync(db, ct)).FromKeptInputs);

        // Restored into another cluster: its transaction ids say nothing here, so the value is not used.
        await db.Database.ExecuteSqlRawAsync("""UPDATE "InsightsInputs" SET "Token" = split_part("Token", ' ', 1) || ' ' || split_part("Token", ' ', 2) || ' 12345.678'""", ct);
        Assert.False((await LoadAsync(db, ct)).FromKeptInputs);
        Assert.True((await LoadAsync(db, ct)).FromKeptInputs);

        // Writes after the value was kept, each in a transaction of its own: each notes the row again, and a load patches
        // the value from the row once.
        const string touch = """UPDATE "Contacts" SET "Trust" = "Trust" WHERE "Id" = (SELECT min("Id") FROM "Contacts")""";
        for (var i = 0; i < 30; i++) await db.Database.ExecuteSqlRawAsync(touch, ct);
        Assert.Equal(30, await CountAsync(db, "InsightsInputsChanges", ct));
        var patched = await LoadAsync(db, ct);
        Assert.True(patched.FromKeptInputs);
        Assert.Equal(1, patched.PatchedWrites);
        // Past 2,000 notes missing from the value's snapshot, the next writing transaction drops the value and the notes,
        // so they do not pile up while nothing is loaded; a load then reads the tables and keeps again.
        for (var i = 0; i < 1_990; i++) await db.Database.ExecuteSqlRawAsync(touch, ct);
        Assert.Equal(0, await CountAsync(db, "InsightsInputs", ct));
        Assert.Equal(1, await CountAsync(db, "InsightsInputsChanges", ct));
        Assert.True(await CountAsync(db, "InsightsInputsWrites", ct) <= 1);
        Assert.False((await LoadAsync(db, ct)).FromKeptInputs);
        Assert.True((await LoadAsync(db, ct)).FromKeptInputs);
    }

    [Fact]
    public async Task PostgreSql_ALoadStoppedBetweenItsTwoSteps_DoesNotLetNotesPileUp()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync("postgres");
        var store = await KeptNetworks.DemoAsync(test, 60, 15, Clock, ct);
        await using var db = store.Open();
        await LoadAsync(db, ct);
        Assert.True((await LoadAsync(db, ct)).FromKeptInputs);

        // A load that registered the account's row and stopped there (cancelled, or its process ended) before it took its
        // snapshot: the row holds its mark alone, which keeps every note of the account until a later load registers.
        await db.Database.ExecuteSqlRawAsync("""UPDATE "InsightsInputs" SET "Token" = 'stopped', "Key" = '', "SavedAt" = '', "Data" = NULL""", ct);
        // Then no load that keeps (the web app's, say), only writes: a few transactions that each write every interaction.
        const string all = """UPDATE "Interactions" SET "Channel" = "Channel" """;
        var each = await db.Database.ExecuteSqlRawAsync(all, ct);
        while (await CountAsync(db, "InsightsInputsChanges", ct) <= 2_000) await db.Database.ExecuteSqlRawAsync(all, ct);
        // Past 2,000 notes the row goes, as a value's does, and the notes with it: the next writing transaction's own stay.
        await db.Database.ExecuteSqlRawAsync(all, ct);
        Assert.Equal(0, await CountAsync(db, "InsightsInputs", ct));
        Assert.True(await CountAsync(db, "InsightsInputsChanges", ct) <= each, $"{await CountAsync(db, "InsightsInputsChanges", ct)} notes");
        Assert.False((await LoadAsync(db, ct)).FromKeptInputs);
        Assert.True((await LoadAsync(db, ct)).FromKeptInputs);
    }

    [Fact]
    public async Task PostgreSql_NotesRestoredFromAnotherServer_DoNotKeepTheInputsFromBeingKeptAgain()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync("postgres");
        var store = await KeptNetworks.DemoAsync(test, 60, 16, Clock, ct);
        await using var db = store.Open();
        await LoadAsync(db, ct);
        Assert.True((await LoadAsync(db, ct)).FromKeptInputs);

        // Restored into another cluster (pg_dump and pg_restore): the value's token names another server start, and a note
        // of a row written since it was kept names a transaction id this server has not reached yet.
        await db.Database.ExecuteSqlRawAsync("""UPDATE "InsightsInputs" SET "Token" = split_part("Token", ' ', 1) || ' ' || split_part("Token", ' ', 2) || ' 12345.678'""", ct);
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "InsightsInputsChanges" ("AccountId", "Xid", "Tab", "Key")
            SELECT "AccountId", (pg_snapshot_xmax(pg_current_snapshot())::text::bigint + 1000000)::text::xid8, 1, "Id" FROM "Contacts" WHERE "Id" = (SELECT min("Id") FROM "Contacts")
            """, ct);
        // The tables are read; a note from no transaction of this server is missing from every snapshot, but it does not
        // stop the inputs being kept for long: by the load after next they are read from what was kept.
        Assert.False((await LoadAsync(db, ct)).FromKeptInputs);
        await LoadAsync(db, ct);
        var kept = await LoadAsync(db, ct);
        Assert.True(kept.FromKeptInputs);
        Assert.Equal(KeptNetworks.Describe(await KeptNetworks.TablesAsync(db, Now, ct)), KeptNetworks.Describe(kept));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheWebAppsCache_KeepsTheInputsAsACommandDoes_AndAfterAWriteIsPatchedFromThem(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await KeptNetworks.DemoAsync(test, 60, 5, Clock, ct);
        await using var db = store.Open();

        var cached = await new InsightsCache().GetAsync(db, Now, ct);
        Assert.False(cached.Network.FromKeptInputs);
        Assert.Equal(1, await CountAsync(db, "InsightsInputs", ct));
        Assert.True((await new InsightsCache().GetAsync(db, Now, ct)).Network.FromKeptInputs);

        // A write, as the Person page's quick log makes it: the next build is patched, and gives the tables' network.
        var someone = await db.Contacts.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(ct);
        await new App.Interactions.LogInteraction(db, Clock).ExecuteAsync(new App.Interactions.LogRequest(Id(someone), "call"), ct);
        var patched = (await new InsightsCache().GetAsync(db, Now, ct)).Network;
        Assert.True(patched.FromKeptInputs);
        Assert.True(patched.PatchedWrites > 0);
        Assert.Equal(KeptNetworks.Describe(await KeptNetworks.TablesAsync(db, Now, ct)), KeptNetworks.Describe(patched));
        // What a command kept is read the same way.
        await LoadAsync(db, ct);
        Assert.True((await new InsightsCache().GetAsync(db, Now, ct)).Network.FromKeptInputs);
    }

    private static Task<InsightsNetwork> LoadAsync(RapportDbContext db, CancellationToken ct) => InsightsNetwork.LoadAsync(db, Now, ct);


    private static Task<byte[]?> ReadStoredAsync(RapportDbContext db, string key, CancellationToken ct) =>
        StoredInputs.ReadAsync(db, key, value => Task.FromResult<byte[]?>(value.Data), ct);

    /// <summary>The two contacts of the first link of <paramref name="network"/> that <paramref name="which"/> picks.</summary>
    private static long[] Pair(InsightsNetwork network, Func<int, bool> which)
    {
        var k = Enumerable.Range(0, network.Links.Count).First(which);
        return [network.Links.A(k), network.Links.B(k)];
    }

    private static string Id(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>How many rows <paramref name="table"/> holds, or 0 where it does not exist (<paramref name="exists"/> false).</summary>

    /// <summary>How many rows <paramref name="table"/> (one of this test's own names) holds.</summary>
    private static Task<int> CountAsync(RapportDbContext db, string table, CancellationToken ct)
    {
        var sql = $"""SELECT CAST(count(*) AS INTEGER) AS "Value" FROM "{table}" """;
        return db.Database.SqlQueryRaw<int>(sql).SingleAsync(ct);
    }
}
