using System.Text;
using Microsoft.EntityFrameworkCore;
using Rapport.App.Backup;
using Rapport.App.Common;
using Rapport.App.Demo;
using Rapport.App.Export;
using Rapport.App.Feeds;
using Rapport.App.Merge;
using Rapport.Data.Storage;
using Rapport.Data.Tests.Support;

namespace Rapport.Data.Tests.Backup;

public class AccountJsonTest
{
    private static readonly DateTime Now = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);

    /// <summary>A network touching most tables: the demo, a feed, a merge, a soft-deleted contact.</summary>
    private static async Task<RapportStore> FilledAsync(TestDatabase test)
    {
        var clock = new TestClock(Now);
        var store = await test.MigratedStoreAsync(clock);
        await new DemoWriter(store, clock).WriteAsync(new DemoOptions(60, 3), null, TestContext.Current.CancellationToken);
        await using var db = store.Open();
        await new CalendarFeeds(db, clock).CreateAsync("phone");
        var ids = await db.Contacts.OrderBy(c => c.Id).Select(c => c.Id).Take(3).ToListAsync();
        await new MergeContacts(db, clock).ExecuteAsync(ids[0].ToString(System.Globalization.CultureInfo.InvariantCulture), ids[1].ToString(System.Globalization.CultureInfo.InvariantCulture));
        var gone = await db.Contacts.SingleAsync(c => c.Id == ids[2]);
        gone.DeletedAt = Now;
        gone.Notes = "Zoë said: \"ça va\" \\ 👩‍💻\nline two";
        await db.SaveChangesAsync();
        return store;
    }

    private static async Task<byte[]> ExportAsync(RapportStore store, ExportFormat format = ExportFormat.Json)
    {
        await using var db = store.Open();
        using var buffer = new MemoryStream();
        await new ExportContacts(db).ExecuteAsync(format, buffer);
        return buffer.ToArray();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Export_RestoreIntoAnEmptyDatabase_ExportAgain_GivesIdenticalBytes(string provider)
    {
        await using var source = await TestDatabase.CreateAsync(provider);
        var store = await FilledAsync(source);
        var json = await ExportAsync(store);
        var vcard = await ExportAsync(store, ExportFormat.VCard);
        var csv = await ExportAsync(store, ExportFormat.Csv);

        await using var target = await TestDatabase.CreateAsync(provider);
        var restored = await target.MigratedStoreAsync(new TestClock(Now));
        RestoreResult result;
        await using (var db = restored.Open()) result = await AccountJson.RestoreAsync(db, new MemoryStream(json));

        Assert.True(result.Rows > 500, $"only {result.Rows} rows restored");
        Assert.Equal(Encoding.UTF8.GetString(json), Encoding.UTF8.GetString(await ExportAsync(restored)));
        Assert.Equal(vcard, await ExportAsync(restored, ExportFormat.VCard));
        Assert.Equal(csv, await ExportAsync(restored, ExportFormat.Csv));
        // The restored database takes new rows after the restored ids.
        await using var check = restored.Open();
        var max = await check.Contacts.IgnoreQueryFilters().MaxAsync(c => c.Id);
        var added = await new App.Contacts.CreateContact(check, new TestClock(Now)).ExecuteAsync(new App.Contacts.ContactChanges { Name = "After Restore" });
        Assert.Equal(max + 1, added.Id);
    }

    [Fact]
    public async Task SqliteExport_RestoredIntoPostgreSQL_ExportsTheSameBytes()
    {
        await using var source = await TestDatabase.CreateAsync("sqlite");
        var json = await ExportAsync(await FilledAsync(source));
        await using var target = await TestDatabase.CreateAsync("postgres");
        var restored = await target.MigratedStoreAsync(new TestClock(Now));
        await using (var db = restored.Open()) await AccountJson.RestoreAsync(db, new MemoryStream(json));

        Assert.Equal(Encoding.UTF8.GetString(json), Encoding.UTF8.GetString(await ExportAsync(restored)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Restore_IntoADatabaseHoldingData_IsRefused_AndChangesNothing(string provider)
    {
        await using var source = await TestDatabase.CreateAsync(provider);
        var store = await FilledAsync(source);
        var json = await ExportAsync(store);

        await using var db = store.Open();
        var e = await Assert.ThrowsAsync<InputException>(() => AccountJson.RestoreAsync(db, new MemoryStream(json)));

        Assert.Contains("empty database", e.Message);
        Assert.Equal(json, await ExportAsync(store));
    }

    [Fact]
    public async Task SqliteBackupFile_RestoresIntoAnEmptyFile_AndIntoPostgreSQL()
    {
        await using var source = await TestDatabase.CreateAsync("sqlite");
        var store = await FilledAsync(source);
        var json = Encoding.UTF8.GetString(await ExportAsync(store));
        var file = Path.Combine(Path.GetDirectoryName(source.Target.FilePath!)!, "backup.db");

        var backup = await DatabaseBackup.BackupAsync(store, file);
        Assert.Equal("sqlite", backup.Kind);
        Assert.Equal("SQLite format 3\0", Encoding.ASCII.GetString(File.ReadAllBytes(file), 0, 16));
        await Assert.ThrowsAsync<InputException>(() => DatabaseBackup.BackupAsync(store, file));

        await using var sqlite = await TestDatabase.CreateAsync("sqlite");
        await DatabaseBackup.RestoreAsync(sqlite.Target, file, new TestClock(Now));
        Assert.Equal(json, Encoding.UTF8.GetString(await ExportAsync(new RapportStore(sqlite.Target))));

        await using var pg = await TestDatabase.CreateAsync("postgres");
        await DatabaseBackup.RestoreAsync(pg.Target, file, new TestClock(Now));
        Assert.Equal(json, Encoding.UTF8.GetString(await ExportAsync(new RapportStore(pg.Target))));
    }
}
