using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Rapport.Data.Storage;
using Rapport.Data.Tests.Support;
using Rapport.Domain.Accounts;

namespace Rapport.Data.Tests.Storage;

public class MigrationRunnerTest
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MigratedSchema_MatchesTheModel(string provider)
    {
        await using var migrated = await TestDatabase.CreateAsync(provider);
        await using var reference = await TestDatabase.CreateAsync(provider);
        await MigrationRunner.MigrateAsync(migrated.Target, TimeProvider.System);
        await RawSql.ExecuteAsync(reference.Target, SchemaScript.Generate(migrated.Target.Provider));

        var expected = await DescribeAsync(reference.Target);
        var actual = await DescribeAsync(migrated.Target);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ProgramsStartingAtOnce_CreateOneDefaultAccount(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await MigrationRunner.MigrateAsync(db.Target, TimeProvider.System);
        for (var round = 0; round < 5; round++)
        {
            // As on a fresh database: no account, and the next id is 1 again.
            await using (var ctx = new RapportStore(db.Target).Open())
            {
                await ctx.Database.ExecuteSqlRawAsync("DELETE FROM \"Accounts\"");
                await ctx.Database.ExecuteSqlRawAsync(provider == "sqlite"
                    ? "DELETE FROM sqlite_sequence WHERE name = 'Accounts'"
                    : "ALTER TABLE \"Accounts\" ALTER COLUMN \"Id\" RESTART WITH 1");
            }
            await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => MigrationRunner.MigrateAsync(db.Target, TimeProvider.System))));
            await using var check = new RapportStore(db.Target).Open();
            Assert.Equal([Account.DefaultId], await check.Accounts.Select(a => a.Id).ToListAsync());
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrating_Twice_AppliesNothingTheSecondTime_AndCreatesTheDefaultAccount(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var first = await MigrationRunner.MigrateAsync(db.Target, TimeProvider.System);
        var second = await MigrationRunner.MigrateAsync(db.Target, TimeProvider.System);
        Assert.Equal(MigrationRunner.Available(db.Target.Provider).Count, first.Applied.Count);
        Assert.Empty(second.Applied);
        await using var ctx = new RapportStore(db.Target).Open();
        Assert.Equal(1, await ctx.Accounts.CountAsync());
        Assert.Equal(MigrationRunner.Available(db.Target.Provider)[^1].Version, await MigrationRunner.CurrentVersionAsync(db.Target));
    }

    [Fact]
    public async Task BothProviders_ShipTheSameMigrationVersions()
    {
        var sqlite = MigrationRunner.Available(DbProvider.Sqlite).Select(m => m.Name);
        var postgres = MigrationRunner.Available(DbProvider.Postgres).Select(m => m.Name);
        Assert.Equal(sqlite, postgres);
        Assert.NotEmpty(sqlite);
    }

    [Fact]
    public async Task SqliteFile_IsCopiedBeforeAMigration_AndTheCopyKeepsTheOldData()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var clock = new TestClock(new DateTime(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc));
        var store = await db.MigratedStoreAsync(clock);
        await using (var ctx = store.Open())
        {
            ctx.Contacts.Add(new Domain.Contacts.Contact("Ana Silva", clock.Now));
            await ctx.SaveChangesAsync();
        }
        var next = new Migration(MigrationRunner.Available(DbProvider.Sqlite)[^1].Version + 1, "probe", "CREATE TABLE \"Probe\" (\"Id\" INTEGER NOT NULL);");

        var result = await MigrationRunner.MigrateAsync(db.Target, clock, [.. MigrationRunner.Available(DbProvider.Sqlite), next]);

        Assert.Equal([next], result.Applied);
        Assert.NotNull(result.BackupPath);
        await using var copy = new SqliteConnection($"Data Source={result.BackupPath};Pooling=False");
        await copy.OpenAsync();
        await using var cmd = copy.CreateCommand();
        cmd.CommandText = "SELECT \"DisplayName\" FROM \"Contacts\"";
        Assert.Equal("Ana Silva", await cmd.ExecuteScalarAsync());
        cmd.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE name = 'Probe'";
        Assert.Equal(0L, await cmd.ExecuteScalarAsync());
    }

    [Fact]
    public async Task SqliteDatabase_UsesWriteAheadLogging()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await MigrationRunner.MigrateAsync(db.Target, TimeProvider.System);
        Assert.Equal(["wal"], await RawSql.ColumnAsync(db.Target, "PRAGMA journal_mode"));
    }

    [Fact]
    public async Task AFailingMigration_LeavesTheDatabaseAtTheOldVersion()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await MigrationRunner.MigrateAsync(db.Target, TimeProvider.System);
        var version = await MigrationRunner.CurrentVersionAsync(db.Target);
        var broken = new Migration(version + 1, "broken", "CREATE TABLE \"Half\" (\"Id\" INTEGER); THIS IS NOT SQL;");
        await Assert.ThrowsAnyAsync<DbException>(() => MigrationRunner.MigrateAsync(db.Target, TimeProvider.System, [.. MigrationRunner.Available(DbProvider.Sqlite), broken]));
        Assert.Equal(version, await MigrationRunner.CurrentVersionAsync(db.Target));
        Assert.Equal(["0"], await RawSql.ColumnAsync(db.Target, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'Half'"));
    }

    // The insights, the plan and the import read a whole account's rows in id order. On SQLite that must walk the
    // AccountId index, whose entries follow the table; with only an index led by AccountId and another column, the planner
    // takes that one and sorts, reading the table out of order (2.4 times slower on the 20,000-contact demo).
    [Theory]
    [InlineData("""SELECT "Id", "DisplayName", "Company" FROM "Contacts" WHERE "AccountId" = 1 AND "DeletedAt" IS NULL ORDER BY "Id" """)]
    [InlineData("""SELECT "ContactAId", "ContactBId", "Strength" FROM "ContactLinks" WHERE "AccountId" = 1 ORDER BY "Id" """)]
    [InlineData("""SELECT "Id", "OccurredAt", "Channel", "Direction" FROM "Interactions" WHERE "AccountId" = 1 AND "DeletedAt" IS NULL ORDER BY "Id" """)]
    [InlineData("""SELECT "ContactId", "OrganizationId" FROM "Memberships" WHERE "AccountId" = 1 AND "ContactId" IS NOT NULL ORDER BY "Id" """)]
    [InlineData("""SELECT "EventId", "ContactId", "Met" FROM "Attendances" WHERE "AccountId" = 1 ORDER BY "Id" """)]
    [InlineData("""SELECT "ContactId", "Number" FROM "ContactPhones" WHERE "AccountId" = 1 ORDER BY "Id" """)]
    public async Task SqliteReadsAWholeAccountInIdOrder_WithoutSorting(string sql)
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var clock = new TestClock(new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc));
        var store = await db.MigratedStoreAsync(clock);
        await new App.Demo.DemoWriter(store, clock).WriteAsync(new App.Demo.DemoOptions(300, 1), null, TestContext.Current.CancellationToken);
        var plan = await RawSql.ColumnAsync(db.Target, "EXPLAIN QUERY PLAN " + sql, column: 3);
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    /// <summary>
    /// Tables, columns (type, nullability) and indexes, as the database itself reports them; without the migrations' history
    /// and the contact search tables (migration 0005), which the EF model does not describe (a virtual table, triggers).
    /// </summary>
    private static async Task<List<string>> DescribeAsync(DbTarget target)
    {
        await using var c = RawSql.Open(target);
        await c.OpenAsync();
        var rows = new List<string>();
        var queries = target.Provider == DbProvider.Sqlite
            ? new[]
            {
                "SELECT m.name || '.' || p.name || ' ' || p.type || ' notnull=' || p.\"notnull\" || ' pk=' || p.pk || ' default=' || COALESCE(p.dflt_value, '') FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> '__rapport_migrations' AND m.name NOT LIKE 'ContactSearch%' AND m.name NOT LIKE 'InsightsInputs%'",
                "SELECT m.name || ' index ' || il.name || ' unique=' || il.\"unique\" || ' on ' || (SELECT group_concat(ii.name, ',') FROM pragma_index_info(il.name) ii) FROM sqlite_master m JOIN pragma_index_list(m.name) il WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> '__rapport_migrations' AND m.name NOT LIKE 'ContactSearch%' AND m.name NOT LIKE 'InsightsInputs%'",
                "SELECT m.name || ' fk ' || f.\"from\" || '->' || f.\"table\" || '.' || f.\"to\" || ' ' || f.on_delete FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f WHERE m.type = 'table'",
            }
            : new[]
            {
                "SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || COALESCE(character_maximum_length::text, '') || ' ' || COALESCE(numeric_precision::text, '') || ',' || COALESCE(numeric_scale::text, '') || ' nullable=' || is_nullable || ' identity=' || is_identity FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '__rapport_migrations' AND table_name NOT LIKE 'ContactSearch%' AND table_name NOT LIKE 'InsightsInputs%'",
                "SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '__rapport_migrations' AND tablename NOT LIKE 'ContactSearch%' AND tablename NOT LIKE 'InsightsInputs%'",
                "SELECT conrelid::regclass::text || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '__rapport_migrations' AND conrelid::regclass::text NOT LIKE '\"ContactSearch%' AND conrelid::regclass::text NOT LIKE '\"InsightsInputs%'",
            };
        foreach (var q in queries)
        {
            await using var cmd = c.CreateCommand();
            cmd.CommandText = q;
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync()) rows.Add(r.GetString(0));
        }
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}
