using BenchmarkDotNet.Attributes;
using Rapport.App.Insights;
using Rapport.Bench.Scenarios;
using Microsoft.EntityFrameworkCore;
using Rapport.Data.Storage;

namespace Rapport.Bench.Insights;

/// <summary>
/// `rapport insights` over the 20,000-contact demo network (DESIGN.md §5: ≤ 200 ms), on a private copy of the
/// scenario file. The whole use case and the load alone, three times: with the inputs an earlier command kept (nothing
/// written since: read them, complete them as of the day); after the most common writes, an interaction logged with one
/// contact, the contact edited, met at an event and linked to another, and the link of the time before removed (read the
/// kept inputs and patch them from the rows written); and after a write no patch follows, as the first load with a new
/// build (read every table and the history, infer links, keep the inputs for the next command). A change to a setting the
/// aggregates are built with now has the settings command prepare the inputs (<see cref="SettingPrepared"/>: what that
/// costs the command), so that the insights after it read them kept (<see cref="InsightsAfterASetting"/>);
/// then the engines alone over a network already in memory. Setup runs the use case once, so the stored aggregates exist
/// (as after any demo write or import) and the inputs are kept. With RAPPORT_BENCH_PG set, the same on that PostgreSQL
/// server (see <see cref="ScenarioDatabases"/>).
/// </summary>
[RapportJob(warmupCount: 1, iterationCount: 15)]
[MemoryDiagnoser]
public class InsightsBenchmark
{
    private string _file = "";
    private string? _copy;
    private RapportStore? _store;
    private InsightsNetwork? _network;

    [GlobalSetup(Targets = [nameof(Insights), nameof(Load), nameof(Engines)])]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    /// <summary>
    /// The benchmarks after a write run once per iteration (after the write), too few calls for the JIT to optimize the
    /// code they run, as the many calls of the others do: their path is run this many times first.
    /// </summary>
    private const int Warm = 40;

    [GlobalSetup(Targets = [nameof(InsightsAfterALog), nameof(LoadAfterALog)])]
    public void SetupPatched()
    {
        Setup();
        for (var i = 0; i < Warm; i++)
        {
            LogAndEdit();
            InsightsAfterALog().GetAwaiter().GetResult();
        }
    }

    [GlobalSetup(Targets = [nameof(InsightsAfterAWrite), nameof(LoadAfterAWrite)])]
    public void SetupUnpatched()
    {
        Setup();
        for (var i = 0; i < Warm; i++)
        {
            Invalidate();
            InsightsAfterAWrite().GetAwaiter().GetResult();
        }
    }

    private async Task SetupAsync()
    {
        if (ScenarioDatabases.Server is { } server)
        {
            // RAPPORT_BENCH_PG: the same network on that PostgreSQL server.
            _copy = $"rapport_bench_insights_{Environment.ProcessId}";
            _store = new RapportStore(await ScenarioDatabases.CopyAsync(server, 20_000, _copy));
        }
        else
        {
            var scenario = await ScenarioFiles.EnsureAsync(20_000);
            _file = Path.Combine(ScenarioFiles.CacheFolder, $"bench-insights-{Environment.ProcessId}.db");
            ScenarioFiles.DeleteDatabase(_file);
            File.Copy(scenario.Path, _file);
            // A cached scenario may predate the latest schema: bring the copy up to date first.
            await MigrationRunner.MigrateAsync(DbTarget.Sqlite(_file), BenchClock.Instance);
            _store = new RapportStore(DbTarget.Sqlite(_file));
        }
        await using var db = _store.Open();
        var report = await new BuildInsights(db, BenchClock.Instance).ExecuteAsync(default);
        _network = await InsightsNetwork.LoadAsync(db, BenchClock.Now, default);
        if (!_network.FromKeptInputs) throw new InvalidOperationException("the first call kept no inputs");
        Console.WriteLine($"// insights setup: {report.Contacts} contacts, {report.Links.Entered} links entered, {report.Links.Inferred} inferred, " +
            $"{report.Returns.Events.Count} events, {report.JobLeads.Count} job leads, {report.Reconnect.Count} to revive");
    }

    [Benchmark(Description = "insights, 20k demo network: load + engines (inputs kept)")]
    public async Task<InsightsReport> Insights()
    {
        await using var db = _store!.Open();
        return await new BuildInsights(db, BenchClock.Instance).ExecuteAsync(default);
    }

    [Benchmark(Description = "insights, 20k demo network: load only (inputs kept)")]
    public async Task<int> Load()
    {
        await using var db = _store!.Open();
        return (await InsightsNetwork.LoadAsync(db, BenchClock.Now, default)).Contacts.Count;
    }

    private int _next;

    /// <summary>
    /// `rapport log &lt;contact&gt; --channel call` for another contact each time, then that contact's trust set, the
    /// contact marked met at an event (another each time) and linked to the next contact (`rapport link`), and the link the
    /// time before made removed (its pair is told no longer, so its occasions are counted again): the notes add up over the
    /// iterations, as over a day of use (each patched load reads all of them).
    /// </summary>
    [IterationSetup(Targets = [nameof(InsightsAfterALog), nameof(LoadAfterALog)])]
    public void LogAndEdit() => LogAndEditAsync().GetAwaiter().GetResult();

    private async Task LogAndEditAsync()
    {
        await using var db = _store!.Open();
        var id = _network!.Contacts[(_next++ * 7_919) % _network.Contacts.Count].Id;
        await new App.Interactions.LogInteraction(db, BenchClock.Instance)
            .ExecuteAsync(new App.Interactions.LogRequest(id.ToString(System.Globalization.CultureInfo.InvariantCulture), "call"), default);
        await db.Database.ExecuteSqlRawAsync("""UPDATE "Contacts" SET "Trust" = 3 - "Trust" WHERE "Id" = {0}""", [id]);
        var events = await db.Events.OrderBy(e => e.Id).Select(e => e.Id).ToListAsync();
        await new App.Events.AddAttendee(db).ExecuteAsync(events[_next % events.Count], id.ToString(System.Globalization.CultureInfo.InvariantCulture), met: true);
        if (_linked is { } last) await db.ContactLinks.Where(l => l.Id == last).ExecuteDeleteAsync();
        var other = _network.Contacts[(_next * 7_919 + 1) % _network.Contacts.Count].Id;
        _linked = (await new App.Contacts.LinkContacts(db, BenchClock.Instance).ExecuteAsync(
            id.ToString(System.Globalization.CultureInfo.InvariantCulture), other.ToString(System.Globalization.CultureInfo.InvariantCulture), "friend", 0.6)).Link.Id;
    }

    private long? _linked;

    [Benchmark(Description = "insights, 20k demo network: load + engines, after a logged call, a contact edit, an attendance and links (patched)")]
    public async Task<InsightsReport> InsightsAfterALog()
    {
        await using var db = _store!.Open();
        return await new BuildInsights(db, BenchClock.Instance).ExecuteAsync(default);
    }

    [Benchmark(Description = "insights, 20k demo network: load only, after a logged call, a contact edit, an attendance and links (patched)")]
    public async Task<int> LoadAfterALog()
    {
        await using var db = _store!.Open();
        var network = await InsightsNetwork.LoadAsync(db, BenchClock.Now, default);
        return network.PatchedWrites == 0 ? throw new InvalidOperationException("the load patched nothing") : network.Contacts.Count;
    }

    /// <summary>As after a write no patch follows (the first load with a new build, say): the kept inputs no longer hold, so the call reads the tables and keeps them again.</summary>
    [IterationSetup(Targets = [nameof(InsightsAfterAWrite), nameof(LoadAfterAWrite)])]
    public void Invalidate()
    {
        using var db = _store!.Open();
        db.Database.ExecuteSqlRaw(_copy is null ? """DELETE FROM "InsightsInputsMarks" """ : """DELETE FROM "InsightsInputs" """);
    }

    [Benchmark(Description = "insights, 20k demo network: load + engines, after a write not patched (tables read, inputs kept)")]
    public async Task<InsightsReport> InsightsAfterAWrite()
    {
        await using var db = _store!.Open();
        return await new BuildInsights(db, BenchClock.Instance).ExecuteAsync(default);
    }

    [Benchmark(Description = "insights, 20k demo network: load only, after a write not patched (tables read, inputs kept)")]
    public async Task<int> LoadAfterAWrite()
    {
        await using var db = _store!.Open();
        var network = await InsightsNetwork.LoadAsync(db, BenchClock.Now, default);
        return network.FromKeptInputs ? throw new InvalidOperationException("the inputs were still kept") : network.Contacts.Count;
    }

    private int _halfLife = 90;

    [GlobalSetup(Targets = [nameof(SettingPrepared), nameof(InsightsAfterASetting)])]
    public void SetupSetting()
    {
        Setup();
        for (var i = 0; i < Warm / 4; i++)
        {
            ChangeHalfLife();
            SettingPrepared().GetAwaiter().GetResult();
        }
    }

    /// <summary>`rapport settings half-life.days` with another value each time (90, 91, 90…): every aggregate is then stale.</summary>
    [IterationSetup(Target = nameof(SettingPrepared))]
    public void ChangeHalfLife()
    {
        using var db = _store!.Open();
        _halfLife = _halfLife == 90 ? 91 : 90;
        App.Nurture.NurtureSettingsStore.SetAsync(db, "half-life.days", _halfLife.ToString(System.Globalization.CultureInfo.InvariantCulture), default).GetAwaiter().GetResult();
    }

    /// <summary>
    /// What the settings command now does after such a change, besides saving it: every contact's aggregates rebuilt with the
    /// new half-life, then every table read and the inputs kept (the cost the next insights paid before).
    /// </summary>
    [Benchmark(Description = "settings half-life.days changed, 20k demo network: aggregates rebuilt, tables read, inputs kept (PrepareInputsAsync)")]
    public async Task<InputsSource?> SettingPrepared()
    {
        await using var db = _store!.Open();
        var source = await InsightsNetwork.PrepareInputsAsync(db, BenchClock.Now, default);
        return source == InputsSource.Tables ? source : throw new InvalidOperationException($"the tables were not read ({source})");
    }

    /// <summary>The settings command, whole: the value saved and the inputs prepared, so the insights after it read the inputs kept.</summary>
    [IterationSetup(Target = nameof(InsightsAfterASetting))]
    public void ChangeHalfLifeAsTheCommandDoes()
    {
        ChangeHalfLife();
        SettingPrepared().GetAwaiter().GetResult();
    }

    [Benchmark(Description = "insights, 20k demo network: load + engines, after `rapport settings half-life.days` (inputs prepared by the command)")]
    public async Task<InsightsReport> InsightsAfterASetting()
    {
        await using var db = _store!.Open();
        var network = await InsightsNetwork.LoadAsync(db, BenchClock.Now, default);
        return network is { FromKeptInputs: true, PatchedWrites: 0 } ? BuildInsights.Analyze(network) : throw new InvalidOperationException("the inputs were not ready");
    }

    /// <summary>Enough of <see cref="LogAndEdit"/> before each call that its load patches the inputs from 250 rows or more and keeps them again.</summary>
    private const int WritesToKeepAgain = 40;

    [GlobalSetup(Target = nameof(InsightsKeptAgain))]
    public void SetupKeptAgain()
    {
        Setup();
        for (var i = 0; i < Warm / 4; i++)
        {
            WriteToKeepAgain();
            InsightsKeptAgain().GetAwaiter().GetResult();
        }
    }

    [IterationSetup(Target = nameof(InsightsKeptAgain))]
    public void WriteToKeepAgain()
    {
        for (var i = 0; i < WritesToKeepAgain; i++) LogAndEdit();
    }

    /// <summary>
    /// The call that comes once in every 250 rows written or so: it patches the kept inputs from all of them, then keeps
    /// them again (serialized and stored, several megabytes) before the engines run.
    /// </summary>
    [Benchmark(Description = "insights, 20k demo network: load + engines, patched from 250+ rows written and kept again")]
    public async Task<InsightsReport> InsightsKeptAgain()
    {
        await using var db = _store!.Open();
        var network = await InsightsNetwork.LoadAsync(db, BenchClock.Now, default);
        return network.KeptAgain ? BuildInsights.Analyze(network) : throw new InvalidOperationException($"kept again: no (patched from {network.PatchedWrites} rows)");
    }

    [Benchmark(Description = "insights, 20k demo network: engines only")]
    public InsightsReport Engines() => BuildInsights.Analyze(_network!);

    [GlobalCleanup]
    public void Cleanup()
    {
        _network = null;
        _store = null;
        if (_copy is not null) ScenarioDatabases.DropAsync(ScenarioDatabases.Server!, _copy).GetAwaiter().GetResult();
        else ScenarioFiles.DeleteDatabase(_file);
        GC.Collect();
    }
}
