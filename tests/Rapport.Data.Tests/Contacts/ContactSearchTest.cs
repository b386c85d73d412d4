using Microsoft.EntityFrameworkCore;
using Rapport.App.Contacts;
using Rapport.App.Interactions;
using Rapport.App.People;
using Rapport.Data.Storage;
using Rapport.Data.Tests.Support;
using Rapport.Domain.Contacts;
using Rapport.Domain.Interactions;

namespace Rapport.Data.Tests.Contacts;

/// <summary>
/// What contact search finds (<see cref="ContactQueries.Filter"/>, behind the People page, <c>contact list --search</c> and
/// <c>/api/v1/contacts?search=</c>): every contact not in the trash whose name, company, title, notes, an email address, or the
/// notes or insight of one of its interactions (not in the trash) contain the text, ignoring case but not accents. Each case is
/// checked against <see cref="Expected"/>, that meaning written out over the rows in memory.
/// </summary>
public class ContactSearchTest
{
    private static readonly TestClock Clock = new(new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc));

    public static readonly TheoryData<string> Queries = new(
        "émile", "ÉMILE", "Émile Zola", "mile", "ØLBERG", "olberg", "søn", "ænalyst", "zola.example", "EMILE@ZOLA",
        "brag", "BRAG document", "coffee", "zeppelin", "100%", "remote_", "\"quoted\"", "o'brien", "O’Brien", "cto",
        "ana silva", "  Silva  ", "silva acme", "e", "oé", "%", "_", "\\", "a\u001Fb", "дмитрий", "ДМИТ", "nobody at all");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EveryQuery_FindsWhatTheMeaningOfSearchSays(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(Clock);
        await SeedAsync(store);
        await AssertSearchInStepAsync(store, [.. Queries.Select(q => (string)q.Data)]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ChosenCases_ReadAsExpected(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(Clock);
        await SeedAsync(store);
        await using var db = store.Open();
        async Task<string[]> Names(string q) => [.. (await ContactQueries.Filter(db, new ContactFilter { Search = q }).Select(c => c.DisplayName).ToListAsync()).Order(StringComparer.Ordinal)];

        Assert.Equal(["Émile Zola"], await Names("ÉMILE"));
        Assert.Equal(["Émile Zola"], await Names("ølberg"));
        Assert.Empty(await Names("olberg"));
        Assert.Equal(["Bea Costa"], await Names("brag"));
        Assert.Equal(["Bea Costa"], await Names("coffee"));
        Assert.Empty(await Names("zeppelin"));
        Assert.Empty(await Names("silva acme"));
        Assert.Equal(["Chloé Jensen", "Émile Zola"], await Names("cto"));
        Assert.Equal(["Ana Silva"], await Names("100%"));
        Assert.Equal(["Dmitri Ivanov"], await Names("ДМИТ"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Search_CombinesWithTheOtherFiltersAndSorts(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(Clock);
        await SeedAsync(store);
        await using var db = store.Open();

        var inBerlin = await ContactQueries.Filter(db, new ContactFilter { Search = "e", City = "berlin" }).Select(c => c.DisplayName).OrderBy(n => n).ToListAsync();
        Assert.Equal(["Bea Costa", "Chloé Jensen"], inBerlin);
        var mentors = await ContactQueries.Filter(db, new ContactFilter { Search = "a", Category = "mentor", Tag = "speaker" }).Select(c => c.DisplayName).ToListAsync();
        Assert.Equal(["Ana Silva"], mentors);

        var page = await PeopleQuery.ListAsync(db, new PeopleRequest { Search = "e", City = "Berlin", Sort = "name" }, Clock, null, default);
        Assert.Equal(2, page.Total);
        Assert.Equal(["Bea Costa", "Chloé Jensen"], page.Rows.Select(r => r.Name));
        var list = await ContactDetails.ListAsync(db, new ContactFilter { Search = "o", Sort = "name", Limit = 2 }, Clock, default);
        var all = await Expected(store, "o");
        Assert.Equal(all.Order(StringComparer.CurrentCulture).Take(2), list.Select(v => v.Name));
    }

    // A write that commits without EF Core (another program, a bare statement) leaves its contacts marked: the search reads
    // them from the tables until the next commit through EF Core rebuilds their texts.
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ContactsWrittenOutsideEfCore_AreFoundFromTheTables_UntilTheNextCommitRebuildsThem(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(Clock);
        await SeedAsync(store);
        long ana, bea;
        await using (var db = store.Open())
        {
            ana = await db.Contacts.Where(c => c.DisplayName == "Ana Silva").Select(c => c.Id).SingleAsync();
            bea = await db.Contacts.Where(c => c.DisplayName == "Bea Costa").Select(c => c.Id).SingleAsync();
        }
        await RawSql.ExecuteAsync(test.Target, $"""UPDATE "Contacts" SET "Company" = 'Quokka Quarry' WHERE "Id" = {ana}""");
        await RawSql.ExecuteAsync(test.Target, $"""UPDATE "Interactions" SET "Insight" = 'Bring a zeppelin' WHERE "Id" IN (SELECT "InteractionId" FROM "InteractionParticipants" WHERE "ContactId" = {bea})""");
        Assert.Equal([ana, bea], (await RawSql.ColumnAsync(test.Target, """SELECT "ContactId" FROM "ContactSearchStale" """)).Select(long.Parse).Order());

        await using (var db = store.Open())
        {
            Assert.Equal([ana], await ContactQueries.Filter(db, new ContactFilter { Search = "quokka" }).Select(c => c.Id).ToListAsync());
            Assert.Equal([bea], await ContactQueries.Filter(db, new ContactFilter { Search = "zeppelin" }).Select(c => c.Id).ToListAsync());
            Assert.Empty(await ContactQueries.Filter(db, new ContactFilter { Search = "brag" }).Select(c => c.Id).ToListAsync());
            Assert.Equal([ana], await ContactQueries.Filter(db, new ContactFilter { Search = "remote_" }).Select(c => c.Id).ToListAsync());
        }
        await AssertFindsAsync(store, "quokka", "zeppelin", "brag", "acme", "coffee", "re");

        await using (var db = store.Open())
        {
            db.Contacts.Single(c => c.DisplayName == "Bea Costa").Notes = "Knows Ana";
            await db.SaveChangesAsync();
        }
        await AssertSearchInStepAsync(store, "quokka", "zeppelin", "brag", "acme", "knows ana");
    }

    /// <summary>
    /// No contact is left stale (so the index answered), and every query finds what <see cref="Expected"/> says, through
    /// <see cref="ContactQueries.Filter"/>.
    /// </summary>
    internal static async Task AssertSearchInStepAsync(RapportStore store, params string[] queries)
    {
        Assert.Equal(["0"], await RawSql.ColumnAsync(store.Target, """SELECT COUNT(*) FROM "ContactSearchStale" """));
        await AssertFindsAsync(store, queries);
    }

    internal static async Task AssertFindsAsync(RapportStore store, params string[] queries)
    {
        foreach (var q in queries)
        {
            await using var db = store.Open();
            var found = (await ContactQueries.Filter(db, new ContactFilter { Search = q }).Select(c => c.DisplayName).ToListAsync()).Order(StringComparer.Ordinal);
            Assert.True((await Expected(store, q)).Order(StringComparer.Ordinal).SequenceEqual(found),
                $"'{q}': expected [{string.Join(", ", (await Expected(store, q)).Order(StringComparer.Ordinal))}], found [{string.Join(", ", found)}]");
        }
    }

    /// <summary>The contacts a search for <paramref name="query"/> must find, computed in memory from every row.</summary>
    internal static async Task<List<string>> Expected(RapportStore store, string query)
    {
        var s = query.Trim().ToLowerInvariant();
        await using var db = store.Open();
        var contacts = await db.Contacts.Include(c => c.Emails).AsNoTracking().ToListAsync();
        var texts = (await db.Interactions.Include(i => i.Participants).AsNoTracking().ToListAsync())
            .SelectMany(i => i.Participants.SelectMany(p => new[] { (p.ContactId, Text: i.Notes), (p.ContactId, Text: i.Insight) }))
            .ToLookup(x => x.ContactId, x => x.Text);
        bool Has(string? field) => field is not null && field.ToLowerInvariant().Contains(s, StringComparison.Ordinal);
        return [.. contacts.Where(c => Has(c.DisplayName) || Has(c.Company) || Has(c.Title) || Has(c.Notes) || c.Emails.Any(e => Has(e.Address))
            || texts[c.Id].Any(Has)).Select(c => c.DisplayName)];
    }

    /// <summary>A few people whose fields try case, accents, other scripts, characters special to LIKE and FTS, and the trash.</summary>
    internal static async Task SeedAsync(RapportStore store)
    {
        await using var db = store.Open();
        var create = new CreateContact(db, Clock);
        await create.ExecuteAsync(new ContactChanges { Name = "Émile Zola", Company = "Ølberg & Søn", Title = "Chief Ænalyst, Director", Emails = ["Emile@Zola.example"], City = "Paris" });
        var ana = await create.ExecuteAsync(new ContactChanges
        {
            Name = "Ana Silva", Company = "Acme", Notes = "Met at the 100% remote_meetup, said \"quoted\" things \\ once", City = "Lisbon",
            Categories = ["mentor"], Tags = ["speaker"],
        });
        var bea = await create.ExecuteAsync(new ContactChanges { Name = "Bea Costa", Company = "Initech", City = "Berlin" });
        await create.ExecuteAsync(new ContactChanges { Name = "Chloé Jensen", Title = "CTO", City = "Berlin" });
        await create.ExecuteAsync(new ContactChanges { Name = "Dmitri Ivanov", Notes = "Дмитрий from the Sofia office" });
        await create.ExecuteAsync(new ContactChanges { Name = "Freya O'Brien", Company = "Cedar Labs" });
        var zed = await create.ExecuteAsync(new ContactChanges { Name = "Zed Trashed", Notes = "coffee lover", Company = "Acme" });

        var log = new LogInteraction(db, Clock);
        await log.ExecuteAsync(new LogRequest(bea.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "call") { Note = "Coffee near the office", Insight = "Keep a brag document; it makes promotion cases easy." });
        var trashed = await log.ExecuteAsync(new LogRequest(ana.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "email") { Note = "Planned a zeppelin ride" });
        await new App.Trash.TrashBin(db, Clock).DeleteAsync(App.Trash.TrashKind.Interaction, trashed.Id);
        await new App.Trash.TrashBin(db, Clock).DeleteAsync(App.Trash.TrashKind.Contact, zed.Id);
    }

    internal static Interaction Touch(long contactId, string? notes, string? insight) =>
        new(Clock.Now.AddDays(-1), Channel.Call, Direction.Mutual, InteractionSource.Manual, [contactId]) { Notes = notes, Insight = insight };
}
