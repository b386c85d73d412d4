using Microsoft.EntityFrameworkCore;
using Rapport.App.Nurture;
using Rapport.Data.Storage;
using Rapport.Data.Tests.Support;
using Rapport.Domain.Contacts;
using Rapport.Domain.Interactions;

namespace Rapport.Data.Tests.Storage;

/// <summary>
/// Plain-row scans (on SQLite through SQLite's own calls, elsewhere through the data reader) read every kind of value as
/// EF Core reads it, only the current account's rows, and report bad SQL and cancellation.
/// </summary>
public class AccountRowsTest
{
    private static readonly DateTime At = new(2026, 3, 4, 5, 6, 7, 891, DateTimeKind.Utc);

    private const string ContactsSql = """
        SELECT "Id", "DisplayName", "Company", "City", "Seniority", "TierPin", "Closeness", "KnownSince", "CreatedAt", "MetAtEventId", "Trust", "KeyPlayer"
        FROM "Contacts" WHERE "AccountId" = @account ORDER BY "Id"
        """;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Scan_ReadsEveryKindOfValue_AsEfCoreDoes_InTheCurrentAccountOnly(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync();
        await using (var db = store.Open())
        {
            var full = new Contact("Zoë Ångström 🎉", At)
            {
                Company = "Acme, Inc.", City = "Malmö", Seniority = Seniority.Director, TierPin = Tier.Close, KnownSince = new DateOnly(2019, 5, 1), KeyPlayer = true,
            };
            full.SetCloseness(0.75);
            full.SetTrust(3);
            db.Contacts.Add(full);
            db.Contacts.Add(new Contact("Bare Minimum", At.AddDays(-1)));
            // The same city again: the pool hands out one instance.
            db.Contacts.Add(new Contact("Mats Malm", At) { City = new string("Malmö".AsSpan()) });
            await db.SaveChangesAsync(ct);
        }
        long second;
        await using (var db = store.Open())
        {
            var account = new Domain.Accounts.Account("Second", At);
            db.Accounts.Add(account);
            await db.SaveChangesAsync(ct);
            second = account.Id;
        }
        await using (var other = store.Open(second))
        {
            other.Contacts.Add(new Contact("Someone Else", At));
            await other.SaveChangesAsync(ct);
        }

        await using var read = store.Open();
        var expected = await read.Contacts.AsNoTracking().OrderBy(c => c.Id).ToListAsync(ct);
        var pool = new StringPool();
        var rows = new List<(long Id, string Name, string? Company, string? City, Seniority Seniority, Tier? Pin, double? Closeness, DateOnly? KnownSince,
            DateTime CreatedAt, long? MetAt, long Trust, bool KeyPlayer)>();
        await AccountRows.ScanAsync(read, ContactsSql, r => rows.Add((r.GetInt64(0), r.GetString(1), r.GetString(2, pool), r.GetString(3, pool), r.GetEnum<Seniority>(4),
            r.IsNull(5) ? null : r.GetEnum<Tier>(5), r.GetDoubleOrNull(6), r.GetDateOnlyOrNull(7), r.GetUtcTime(8), r.GetInt64OrNull(9), r.GetInt64(10), r.GetBoolean(11))), ct);

        Assert.Equal(3, rows.Count);
        Assert.Equal(expected.Select(c => (c.Id, c.DisplayName, c.Company, c.City, c.Seniority, c.TierPin, c.Closeness, c.KnownSince, c.CreatedAt, c.MetAtEventId, (long)c.Trust, c.KeyPlayer)), rows);
        Assert.All(rows, r => Assert.Equal(DateTimeKind.Utc, r.CreatedAt.Kind));
        Assert.Same(rows[0].City, rows[2].City);
        Assert.Equal(At, rows[0].CreatedAt);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task StoredAggregates_ReadAsPlainRows_EqualWhatEfCoreReads(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync();
        await using (var db = store.Open())
        {
            var people = Enumerable.Range(0, 4).Select(i => new Contact($"Person {i}", At.AddYears(-3))).ToList();
            db.Contacts.AddRange(people);
            await db.SaveChangesAsync(ct);
            var rng = new Random(3);
            for (var k = 0; k < 60; k++)
            {
                var who = people[rng.Next(3)].Id;
                db.Interactions.Add(new Interaction(At.AddDays(-rng.Next(900)).AddMinutes(rng.Next(1000)), (Channel)rng.Next(4), (Direction)rng.Next(3), InteractionSource.Manual, [who]));
            }
            await db.SaveChangesAsync(ct);
            await ContactStatsRefresher.RebuildAsync(db, null, ct);
        }

        await using var read = store.Open();
        var byEf = await read.ContactStats.AsNoTracking().OrderBy(s => s.ContactId).ToListAsync(ct);
        var plain = await NetworkLoader.ReadStatsAsync(read, ct);

        Assert.Equal(3, byEf.Count);
        Assert.Equal(
            byEf.Select(s => (s.AccountId, s.ContactId, s.TouchCount, s.FirstTouchAt, s.LastTouchAt, s.IntensityAtLast, Convert.ToHexString(s.RecentLog), s.PeakCore, s.PeakSampledThroughMonth, s.SettingsStamp, s.NeedsRecompute)),
            plain.Select(s => (s.AccountId, s.ContactId, s.TouchCount, s.FirstTouchAt, s.LastTouchAt, s.IntensityAtLast, Convert.ToHexString(s.RecentLog), s.PeakCore, s.PeakSampledThroughMonth, s.SettingsStamp, s.NeedsRecompute)));
        Assert.All(plain, s => Assert.NotEmpty(s.RecentLog));
        var settings = await NurtureSettingsStore.LoadAsync(read, ct);
        Assert.Equal(byEf.Select(s => s.Measure(At, settings)), plain.Select(s => s.Measure(At, settings)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Scan_ReportsBadSql_AndStopsWhenCancelled(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync();
        await using (var db = store.Open())
        {
            db.Contacts.AddRange(Enumerable.Range(0, 10).Select(i => new Contact($"Person {i}", At)));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        await using var read = store.Open();

        var error = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => AccountRows.ScanAsync(read, """SELECT "Nope" FROM "Contacts" """, _ => { }));
        Assert.Contains("Nope", error.Message, StringComparison.OrdinalIgnoreCase);

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var seen = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => AccountRows.ScanAsync(read, ContactsSql, _ => seen++, cancelled.Token));
        Assert.Equal(0, seen);

        // The connection is usable afterwards.
        Assert.Equal(10, await read.Contacts.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Scan_ReadsTheTextOfADatabaseStoredInUtf16()
    {
        // Rapport creates UTF-8 files, but a file made by another tool may store its text in UTF-16: SQLite converts it.
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync("sqlite");
        var file = test.Target.FilePath!;
        await using (var create = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await create.OpenAsync(ct);
            await using var cmd = create.CreateCommand();
            cmd.CommandText = "PRAGMA encoding = 'UTF-16le'; CREATE TABLE x (a); DROP TABLE x;";
            await cmd.ExecuteNonQueryAsync(ct);
        }
        var store = await test.MigratedStoreAsync();
        await using (var db = store.Open())
        {
            db.Contacts.Add(new Contact("Zoë Ångström 🎉", At) { City = "Malmö", Seniority = Seniority.Director, KnownSince = new DateOnly(2019, 5, 1) });
            await db.SaveChangesAsync(ct);
        }

        await using var read = store.Open();
        Assert.Equal("UTF-16le", await read.Database.SqlQueryRaw<string>("SELECT encoding AS \"Value\" FROM pragma_encoding").SingleAsync(ct));
        var rows = new List<(string, string?, Seniority, DateOnly?, DateTime)>();
        await AccountRows.ScanAsync(read, ContactsSql, r => rows.Add((r.GetString(1), r.GetString(3, new StringPool()), r.GetEnum<Seniority>(4), r.GetDateOnlyOrNull(7), r.GetUtcTime(8))), ct);
        Assert.Equal([("Zoë Ångström 🎉", "Malmö", Seniority.Director, new DateOnly(2019, 5, 1), At)], rows);
        var network = await Rapport.App.Insights.InsightsNetwork.LoadAsync(read, At, ct);
        Assert.Equal(("Zoë Ångström 🎉", "Malmö"), (network.Contacts[0].Name, network.Contacts[0].City));
    }

    [Fact]
    public void EnumsFromUtf8_AreReadAsEfCoreReadsThem()
    {
        Assert.Equal(Seniority.Director, AccountRows.ParseEnum<Seniority>("Director"u8));
        Assert.Equal(Seniority.Director, AccountRows.ParseEnum<Seniority>("director"u8));
        Assert.Equal(Channel.Email, AccountRows.ParseEnum<Channel>("EMAIL"u8));
        Assert.Throws<InvalidOperationException>(() => AccountRows.ParseEnum<Channel>("Pigeon"u8));
    }
}
