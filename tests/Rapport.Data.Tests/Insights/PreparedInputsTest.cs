using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Rapport.App.Backup;
using Rapport.App.Import;
using Rapport.App.Insights;
using Rapport.App.Nurture;
using Rapport.Data.Storage;
using Rapport.Data.Tests.Support;

namespace Rapport.Data.Tests.Insights;

/// <summary>
/// The writes that would leave the next load to read every table (a setting the aggregates are built with, an import of
/// thousands of rows, a restore, the trash emptied) keep the insights' inputs ready themselves (<see cref="InsightsNetwork.PrepareInputsAsync"/>):
/// the load after them reads the inputs kept, patches nothing, and gives the network the tables give.
/// </summary>
public sealed class PreparedInputsTest : IDisposable
{
    private static readonly DateTime Now = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);
    private static readonly TestClock Clock = new(Now);
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("rapport-prepared-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AfterASettingTheAggregatesAreBuiltWith_ThePreparedInputsAreWhatTheNextLoadReads(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await KeptNetworks.DemoAsync(test, 150, 3, Clock, ct);
        await using var db = store.Open();
        Assert.Equal(InputsSource.Tables, await InsightsNetwork.PrepareInputsAsync(db, Now, ct));
        // Nothing written since: nothing to do.
        Assert.Equal(InputsSource.Kept, await InsightsNetwork.PrepareInputsAsync(db, Now, ct));

        await NurtureSettingsStore.SetAsync(db, "half-life.days", "120", ct);
        Assert.True(await StaleAggregatesAsync(db, ct) > 0);
        Assert.Equal(InputsSource.Tables, await InsightsNetwork.PrepareInputsAsync(db, Now, ct));
        // The aggregates were rebuilt with the new setting, and what the next load reads was kept from them.
        Assert.Equal(0, await StaleAggregatesAsync(db, ct));
        var next = await InsightsNetwork.LoadAsync(db, Now, ct);
        Assert.True(next.FromKeptInputs);
        Assert.Equal(0, next.PatchedWrites);
        Assert.Equal(KeptNetworks.Describe(await KeptNetworks.TablesAsync(db, Now, ct)), KeptNetworks.Describe(next));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AfterAFewWrites_ThePreparedInputsArePatchedAndKeptAgain_SoTheNextLoadPatchesNothing(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await KeptNetworks.DemoAsync(test, 120, 4, Clock, ct);
        await using var db = store.Open();
        await InsightsNetwork.PrepareInputsAsync(db, Now, ct);

        var contact = await db.Contacts.OrderBy(c => c.Id).FirstAsync(ct);
        contact.Company = "Prepared Industries";
        await db.SaveChangesAsync(ct);
        Assert.Equal(InputsSource.Patched, await InsightsNetwork.PrepareInputsAsync(db, Now, ct));
        var next = await InsightsNetwork.LoadAsync(db, Now, ct);
        Assert.True(next.FromKeptInputs);
        Assert.Equal(0, next.PatchedWrites);
        Assert.Equal("Prepared Industries", next.ById[contact.Id].Company);
        Assert.Equal(KeptNetworks.Describe(await KeptNetworks.TablesAsync(db, Now, ct)), KeptNetworks.Describe(next));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnImportOfThousandsOfRows_LeavesTheInputsKept_AndTheNextLoadReadsNoTable(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await KeptNetworks.DemoAsync(test, 100, 6, Clock, ct);
        await using (var db = store.Open()) await InsightsNetwork.PrepareInputsAsync(db, Now, ct);

        // 2,500 new connections: more rows than a load patches from.
        var csv = new StringBuilder("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n");
        for (var i = 0; i < 2_500; i++)
            csv.Append(CultureInfo.InvariantCulture, $"Kim{i},Import{i},https://www.linkedin.com/in/kim-import-{i},,Company {i % 40},Engineer,0{1 + i % 9} Mar 2025\n");
        var file = Path.Combine(_dir.FullName, "Connections.csv");
        await File.WriteAllTextAsync(file, csv.ToString(), ct);
        var progress = new Formats.Records.ImportProgress();
        await using (var db = store.Open())
        {
            var result = await new ImportNetwork(db, Clock).ExecuteAsync(new ImportRequest { Kind = ImportSourceKind.LinkedIn, Path = file, Progress = progress }, ct);
            Assert.Equal(2_500, result.Contacts.New);
        }
        Assert.True(progress.PreparingInsights);

        await using (var db = store.Open())
        {
            var next = await InsightsNetwork.LoadAsync(db, Now, ct);
            Assert.True(next.FromKeptInputs);
            Assert.Equal(0, next.PatchedWrites);
            Assert.Equal(2_600, next.Contacts.Count);
            Assert.Equal(KeptNetworks.Describe(await KeptNetworks.TablesAsync(db, Now, ct)), KeptNetworks.Describe(next));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EmptyingTheTrash_LeavesTheInputsKept_AndTheNextLoadPatchesNothing(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await KeptNetworks.DemoAsync(test, 120, 10, Clock, ct);
        await using var db = store.Open();
        // The contact with the longest history goes to the trash, then for good.
        var busiest = await db.InteractionParticipants.GroupBy(p => p.ContactId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).FirstAsync(ct);
        var bin = new App.Trash.TrashBin(db, Clock);
        await bin.DeleteAsync(App.Trash.TrashKind.Contact, busiest, ct);
        await InsightsNetwork.PrepareInputsAsync(db, Now, ct);
        Assert.True(await bin.EmptyAsync(ct) > 0);

        var next = await InsightsNetwork.LoadAsync(db, Now, ct);
        Assert.True(next.FromKeptInputs);
        Assert.Equal(0, next.PatchedWrites);
        Assert.False(next.ById.ContainsKey(busiest));
        Assert.Equal(KeptNetworks.Describe(await KeptNetworks.TablesAsync(db, Now, ct)), KeptNetworks.Describe(next));
    }

    [Fact]
    public async Task ADryRun_PreparesNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync("sqlite");
        var store = await KeptNetworks.DemoAsync(test, 50, 7, Clock, ct);
        var file = Path.Combine(_dir.FullName, "Connections.csv");
        await File.WriteAllTextAsync(file, "First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAna,Dry,,,Acme,Engineer,04 Jul 2023\n", ct);
        var progress = new Formats.Records.ImportProgress();
        await using var db = store.Open();
        await new ImportNetwork(db, Clock).ExecuteAsync(new ImportRequest { Kind = ImportSourceKind.LinkedIn, Path = file, DryRun = true, Progress = progress }, ct);
        Assert.False(progress.PreparingInsights);
        Assert.Equal(0, await db.Database.SqlQueryRaw<int>("""SELECT count(*) AS "Value" FROM "InsightsInputs" """).SingleAsync(ct));
    }

    [Fact]
    public async Task InsideATransaction_NothingIsPrepared()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync("sqlite");
        var store = await KeptNetworks.DemoAsync(test, 50, 8, Clock, ct);
        await using var db = store.Open();
        await using (await db.Database.BeginTransactionAsync(ct)) Assert.Null(await InsightsNetwork.PrepareInputsAsync(db, Now, ct));
        Assert.False((await InsightsNetwork.LoadAsync(db, Now, ct)).FromKeptInputs);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ARestoreFromTheJsonExport_LeavesTheInputsKept(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var source = await TestDatabase.CreateAsync("sqlite");
        var from = await KeptNetworks.DemoAsync(source, 80, 9, Clock, ct);
        var json = Path.Combine(_dir.FullName, "backup.json");
        await using (var db = from.Open())
        await using (var output = File.Create(json))
            await AccountJson.ExportAsync(db, output, ct);

        await using var test = await TestDatabase.CreateAsync(provider);
        await DatabaseBackup.RestoreAsync(test.Target, json, Clock, ct);
        await using var restored = new RapportStore(test.Target).Open();
        var next = await InsightsNetwork.LoadAsync(restored, Now, ct);
        Assert.True(next.FromKeptInputs);
        Assert.Equal(0, next.PatchedWrites);
        Assert.Equal(80, next.Contacts.Count);
        Assert.Equal(KeptNetworks.Describe(await KeptNetworks.TablesAsync(restored, Now, ct)), KeptNetworks.Describe(next));
    }

    private static async Task<int> StaleAggregatesAsync(RapportDbContext db, CancellationToken ct)
    {
        var stamp = Domain.Nurture.ContactStats.Stamp(await NurtureSettingsStore.LoadAsync(db, ct));
        return await db.ContactStats.CountAsync(s => s.SettingsStamp != stamp || s.NeedsRecompute, ct);
    }
}
